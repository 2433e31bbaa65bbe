// An inspections table to points: placed by coordinates or township, kinds, refused rows.
import { describe, expect, it } from 'vitest'
import type { Point } from 'geojson'
import type { JoinTable } from '../../../../src/user-data/tables/name-join'
import { inspectionsFromTable, kindOf } from '../../../../src/user-data/tables/inspections-table'
import { tableFromPoints } from '../../../../src/user-data/tables/user-table'
import { gazetteer, table, townPoints, towns, villages } from '../../support/district-places'

const CAOZHAI = towns.find((t) => t.name === '曹宅镇')!.code

describe('inspections table', () => {
  it('places rows without coordinates at their township point, flagged, and counts them exactly', () => {
    const rows = [
      ['2022-03-08', 'inspection', '甲企业', '曹宅镇'],
      ['2022-03-09', '检查', '乙企业', '曹宅'],
      ['2022-04-01', 'case', '丙企业', '曹宅镇'],
      ['2022-05-01', '移送公安', '丁企业', '多湖街道'],
    ]
    const { collection, report } = inspectionsFromTable(
      table(['日期', 'kind', '对象', '乡镇（街道）'], rows),
      gazetteer,
      townPoints,
    )
    expect(report).toMatchObject({ rowsUsed: 4, inspections: 2, cases: 2, placedByTownship: 4, year: 2022 })
    const first = collection!.features[0]!
    expect(first.geometry).toEqual({ type: 'Point', coordinates: townPoints.get(CAOZHAI) })
    expect(first.properties).toMatchObject({ kind: 'inspection', month: 3, town_code: CAOZHAI, location: 'township' })
    expect(first.properties!['对象']).toBe('甲企业')
    expect(collection!.features[3]!.properties).toMatchObject({ kind: 'case', case_type: 'police', month: 5 })
  })
  it('uses coordinates when a row has them, and a village through its township', () => {
    const village = villages.find((v) => v.townCode === CAOZHAI)!
    const { collection } = inspectionsFromTable(
      table(
        ['日期', 'kind', '村', '经度', '纬度'],
        [
          ['2022-01-02', 'inspection', '', '119.8', '29.2'],
          ['2022-01-03', 'inspection', village.name, '', ''],
        ],
      ),
      gazetteer,
      townPoints,
    )
    expect(collection!.features[0]!.properties!.location).toBe('exact')
    expect(collection!.features[1]!.properties).toMatchObject({ location: 'village', town_code: CAOZHAI })
  })
  it('lists unknown kinds, unknown places, duplicates and months outside the range', () => {
    const { report } = inspectionsFromTable(
      table(
        ['日期', 'kind', '乡镇'],
        [
          ['2022-03-08', 'inspection', '曹宅镇'],
          ['2022-03-08', 'inspection', '曹宅镇'],
          ['2022-03-08', 'coffee', '曹宅镇'],
          ['2022-03-08', 'inspection', '火星镇'],
          ['2022-12-01', 'inspection', '曹宅镇'],
          ['2022-03-09', 'inspection', ''],
        ],
      ),
      gazetteer,
      townPoints,
    )
    expect(report.rowsUsed).toBe(1)
    expect(report.unknownKinds).toEqual({ coffee: 1 })
    expect(report.refused.map((r) => r.reason)).toEqual([
      'duplicate',
      'unknown-kind',
      'place-not-found',
      'outside-months',
      'no-place',
    ])
  })
  it('reads the kinds in both languages', () => {
    expect(kindOf('执法检查')).toEqual({ kind: 'inspection' })
    expect(kindOf('行政处罚')).toEqual({ kind: 'case', case_type: 'penalty' })
    expect(kindOf('移送行政执法局')).toEqual({ kind: 'case', case_type: 'admin-bureau' })
    expect(kindOf('Case')).toEqual({ kind: 'case', case_type: 'penalty' })
    expect(kindOf('?')).toBeNull()
  })
  it('reads the rows of a table that came as points', () => {
    const t = tableFromPoints({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 日期: '2022-02-02', kind: 'case', 经度: 1 },
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
        },
      ],
    })
    expect(t.header).toEqual(['日期', 'kind', '经度', '纬度'])
    expect(t.rows[0]).toEqual(['2022-02-02', 'case', '119.7', '29.1'])
  })
})

describe('inspections table: which cells are read as what', () => {
  const read = (t: JoinTable) => inspectionsFromTable(t, gazetteer, townPoints)

  it('reads a kind only when the whole cell is a kind word, so 未检查 or 案件线索 are listed, not guessed', () => {
    expect(kindOf('移送')).toEqual({ kind: 'case', case_type: 'police' })
    expect(kindOf('Transferred')).toEqual({ kind: 'case', case_type: 'police' })
    expect(kindOf('巡查')).toEqual({ kind: 'inspection' })
    for (const cell of ['未检查', '检查计划', '拟移送', '移送审查', '未立案', '案件线索', 'Reinspection']) {
      expect(kindOf(cell), cell).toBeNull()
    }
  })

  it('reads a table without a kind column as all inspections, and says so', () => {
    const { collection, report } = read(table(['日期', '乡镇'], [['2022-03-08', '曹宅镇']]))
    expect(report).toMatchObject({ rowsUsed: 1, inspections: 1, cases: 0, noKindColumn: true, refused: [] })
    expect(collection!.features[0]!.properties).toMatchObject({ kind: 'inspection' })
  })

  it('reads the kind, township and village columns wherever they stand, the first column too', () => {
    const village = villages.find((v) => v.townCode === CAOZHAI)!
    const byKind = read(table(['kind', '日期', '乡镇'], [['case', '2022-03-08', '曹宅镇']]))
    expect(byKind.report).toMatchObject({ noKindColumn: false, cases: 1, inspections: 0 })
    const byTown = read(table(['乡镇', '日期'], [['曹宅镇', '2022-03-08']]))
    expect(byTown.report).toMatchObject({ rowsUsed: 1, placedByTownship: 1 })
    const byVillage = read(table(['村', '日期'], [[village.name, '2022-03-08']]))
    expect(byVillage.report).toMatchObject({ rowsUsed: 1, placedByVillage: 1, placedByTownship: 0 })
  })

  it('turns a row into a point with its cells, its line as id, and no coordinate or empty cell copied', () => {
    const { collection } = read(
      table(['日期', 'kind', '对象', '备注', '经度', '纬度'], [['2022-03-08', '检查', '甲企业', '', '119.8', '29.2']]),
    )
    expect(collection).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [119.8, 29.2] },
          properties: {
            日期: '2022-03-08',
            kind: 'inspection',
            对象: '甲企业',
            id: 'inspection-2',
            month: 3,
            year: 2022,
            date: '2022-03-08',
            town_code: null,
            location: 'exact',
            user: true,
          },
        },
      ],
    })
  })

  it('uses coordinates only when both are degrees, the edges included, and else the township', () => {
    const rows = [
      ['2022-03-01', '', '29.1', '曹宅镇'],
      ['2022-03-02', '119.7', '', '曹宅镇'],
      ['2022-03-03', '200', '29.1', '曹宅镇'],
      ['2022-03-04', '119.7', '95', '曹宅镇'],
      ['2022-03-05', '-180', '-90', '曹宅镇'],
      ['2022-03-06', '180', '90', '曹宅镇'],
    ]
    const { collection, report } = read(table(['日期', '经度', '纬度', '乡镇'], rows))
    expect(collection!.features.map((f) => f.properties!.location)).toEqual([
      'township',
      'township',
      'township',
      'township',
      'exact',
      'exact',
    ])
    expect(collection!.features.map((f) => (f.geometry as Point).coordinates)).toEqual([
      townPoints.get(CAOZHAI),
      townPoints.get(CAOZHAI),
      townPoints.get(CAOZHAI),
      townPoints.get(CAOZHAI),
      [-180, -90],
      [180, 90],
    ])
    expect(report).toMatchObject({ placedByTownship: 4, placedByVillage: 0 })
  })

  it('places a village row at its township, keeping the village name; an unknown village: the township', () => {
    const village = villages.find((v) => v.townCode === CAOZHAI)!
    const { collection, report } = read(
      table(
        ['日期', '乡镇', '村'],
        [
          ['2022-03-08', '曹宅镇', village.name],
          ['2022-03-09', '曹宅镇', '火星村'],
        ],
      ),
    )
    expect(report).toMatchObject({ rowsUsed: 2, placedByVillage: 1, placedByTownship: 1 })
    expect(collection!.features[0]!.properties).toMatchObject({
      location: 'village',
      village: village.name,
      town_code: CAOZHAI,
    })
    expect(collection!.features[1]!.properties).toMatchObject({ location: 'township', town_code: CAOZHAI })
    expect(collection!.features[1]!.properties).not.toHaveProperty('village')
  })

  it('reports the cells at fault trimmed, and an empty place or date as empty, short rows too', () => {
    const { report } = read(
      table(
        ['日期', 'kind', '乡镇', '村'],
        [
          [' soon ', 'inspection', '曹宅镇', ''],
          ['2022-03-08', ' coffee ', '曹宅镇', ''],
          ['2022-03-08', 'inspection', ' 火星镇 ', ''],
          ['2022-03-08', 'inspection', '', ' 火星村 '],
          ['2022-03-08', 'inspection', '', ''],
          ['2022-03-08', 'inspection'],
          [],
        ],
      ),
    )
    expect(report.unknownKinds).toEqual({ coffee: 1 })
    expect(report.refused).toEqual([
      { line: 2, value: 'soon', reason: 'bad-date' },
      { line: 3, value: 'coffee', reason: 'unknown-kind' },
      { line: 4, value: '火星镇', reason: 'place-not-found' },
      { line: 5, value: '火星村', reason: 'place-not-found' },
      { line: 6, value: '', reason: 'no-place' },
      { line: 7, value: '', reason: 'no-place' },
      { line: 8, value: '', reason: 'bad-date' },
    ])
  })

  it('refuses a row without a place when the table has a village column but no township column', () => {
    const { report } = read(table(['日期', '村'], [['2022-03-08', ''], ['2022-03-09']]))
    expect(report.refused).toEqual([
      { line: 2, value: '', reason: 'no-place' },
      { line: 3, value: '', reason: 'no-place' },
    ])
  })

  it('keeps a trimmed date and reads a month without a year as the dominant year, saying it assumed it', () => {
    const assumed = read(
      table(
        ['日期', '乡镇'],
        [
          ['3月', '曹宅镇'],
          [' 2022-04-09 ', '曹宅镇'],
        ],
      ),
    )
    expect(assumed.report.yearAssumed).toBe(true)
    expect(assumed.collection!.features.map((f) => f.properties!.date)).toEqual(['2022-03', '2022-04-09'])
    const monthly = read(table(['日期', '乡镇'], [['2023年5月', '曹宅镇']]))
    expect(monthly.report).toMatchObject({ year: 2023, yearAssumed: false })
    expect(monthly.collection!.features[0]!.properties!.date).toBe('2023-05')
  })

  it('tells rows apart by every cell, not by their text run together', () => {
    const { report } = read(
      table(
        ['日期', '乡镇', '对象', '备注'],
        [
          ['2022-03-08', '曹宅镇', '甲', '乙企业'],
          ['2022-03-08', '曹宅镇', '甲乙', '企业'],
        ],
      ),
    )
    expect(report).toMatchObject({ rowsUsed: 2, refused: [] })
  })

  it('lists refused rows by line even when the rows come out of order', () => {
    const { report } = read({
      header: ['日期', '乡镇'],
      rows: [
        ['soon', '曹宅镇'],
        ['2022-03-08', '火星镇'],
        ['2022-03-08', ''],
      ],
      lines: [9, 4, 6],
    })
    expect(report.refused.map((r) => r.line)).toEqual([4, 6, 9])
  })
})
