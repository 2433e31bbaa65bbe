// An inspections table to points: placed by coordinates or township, kinds, refused rows.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { JoinTable } from '../../../../src/user-data/tables/name-join'
import { buildGazetteer } from '../../../../src/domain/places/place-names'
import { inspectionsFromTable, kindOf } from '../../../../src/user-data/tables/inspections-table'
import { tableFromPoints } from '../../../../src/user-data/tables/user-table'

const towns = (
  JSON.parse(readFileSync('public/geo/towns.geojson', 'utf8')) as {
    features: { properties: { code: string; name: string } }[]
  }
).features.map((f) => ({ code: f.properties.code, name: f.properties.name }))
const villages = (
  JSON.parse(readFileSync('public/geo/villages.json', 'utf8')) as {
    villages: { code: string; name: string; townCode: string; shortName: string }[]
  }
).villages
const gazetteer = buildGazetteer(towns, villages)

const townPoints = new Map(towns.map((t, i) => [t.code, [119.6 + i * 0.01, 29.1] as [number, number]]))
const CAOZHAI = towns.find((t) => t.name === '曹宅镇')!.code

function table(header: string[], rows: string[][]): JoinTable {
  return { header, rows, lines: rows.map((_, i) => i + 2) }
}

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
