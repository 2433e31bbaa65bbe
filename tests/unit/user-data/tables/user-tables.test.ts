import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { FeatureCollection } from 'geojson'
import type { JoinTable } from '../../../../src/user-data/tables/name-join'
import { buildGazetteer } from '../../../../src/domain/places/place-names'
import { IMPORT_TEMPLATES } from '../../../../src/user-data/templates/import-templates'
import { readingsFromTable } from '../../../../src/user-data/tables/readings-table'
import { inspectionsFromTable, kindOf } from '../../../../src/user-data/tables/inspections-table'
import {
  parseTableDate,
  recogniseTable,
  tableFromPoints,
  dominantYear,
} from '../../../../src/user-data/tables/user-table'
import { stationReadings } from '../../../../src/domain/air/readings'
import { airStationsFrom } from '../../../../src/domain/warnings/warnings'

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
const stations = JSON.parse(readFileSync('public/geo/monitoring-points.geojson', 'utf8')) as FeatureCollection
const townPoints = new Map(towns.map((t, i) => [t.code, [119.6 + i * 0.01, 29.1] as [number, number]]))
const CAOZHAI = towns.find((t) => t.name === '曹宅镇')!.code

function table(header: string[], rows: string[][]): JoinTable {
  return { header, rows, lines: rows.map((_, i) => i + 2) }
}

describe('recognising tables', () => {
  it('knows the templates for readings and inspections by their headers', () => {
    const header = (kind: string) => IMPORT_TEMPLATES.find((t) => t.kind === kind)!.columns.map((c) => c.name)
    expect(recogniseTable(header('readings'))).toBe('readings')
    expect(recogniseTable(header('inspections'))).toBe('inspections')
    expect(recogniseTable(header('township-indicators'))).toBeNull()
    expect(recogniseTable(header('points'))).toBeNull()
  })
  it('knows English headers', () => {
    expect(recogniseTable(['station', 'date', 'PM2.5', 'PM10'])).toBe('readings')
    expect(recogniseTable(['date', 'kind', 'township'])).toBe('inspections')
    expect(recogniseTable(['date', 'township', 'value'])).toBeNull()
  })
})

describe('dates', () => {
  it('reads days, months and bare months', () => {
    expect(parseTableDate('2022-01-15')).toEqual({ year: 2022, month: 1, day: 15 })
    expect(parseTableDate('2022/3/8')).toEqual({ year: 2022, month: 3, day: 8 })
    expect(parseTableDate('2023年4月')).toEqual({ year: 2023, month: 4, day: null })
    expect(parseTableDate('2022年4月9日')).toEqual({ year: 2022, month: 4, day: 9 })
    expect(parseTableDate('2022-01-15 08:30')).toEqual({ year: 2022, month: 1, day: 15 })
    expect(parseTableDate('7月')).toEqual({ year: null, month: 7, day: null })
    expect(parseTableDate('2022-02-30')).toBeNull()
    expect(parseTableDate('2022-13')).toBeNull()
    expect(parseTableDate('next week')).toBeNull()
  })
  it('takes the year most rows fall in, 2022 when none says', () => {
    const d = (s: string) => parseTableDate(s)
    expect(dominantYear([d('2023-01'), d('2023-02'), d('2022-05')])).toBe(2023)
    expect(dominantYear([d('3月')])).toBe(2022)
  })
})

describe('readings table', () => {
  const header = ['站点', '日期', 'pm25', 'pm10', 'o3_8h']
  it('matches stations by township name and puts monthly means on the Jan–Oct axis', () => {
    const { collection, report } = readingsFromTable(
      table(header, [
        ['曹宅空气站', '2022-01', '80', '100', '60'],
        ['曹宅空气站', '2022-02', '70', '90', '70'],
        ['多湖站', '2022-01', '10', '20', '30'],
      ]),
      stations,
      gazetteer,
    )
    expect(report.rowsUsed).toBe(3)
    expect(report.stations).toBe(2)
    expect(report.months).toEqual([1, 2])
    const caozhai = collection!.features.find((f) => f.properties?.name === '曹宅空气站')!
    expect(caozhai.properties).toMatchObject({ kind: 'air', town_code: CAOZHAI, approximate: true, user: true })
    expect(caozhai.properties!.pm25).toEqual([80, 70, null, null, null, null, null, null, null, null])
    const built = stations.features.find((f) => f.properties?.id === `air-${CAOZHAI}`)!
    expect(caozhai.geometry).toEqual(built.geometry)
    // The heatmap and the surface read the user's value for the month.
    const jan = stationReadings(collection!, 'pm25', 1)
    expect([...jan.values].sort((a, b) => a - b)).toEqual([10, 80])
    // Only the user's stations: no sample point stays under the user's badge.
    expect(collection!.features.every((f) => f.properties?.user === true)).toBe(true)
  })
  it('places a station by its own coordinates, averages days, keeps them for the warnings', () => {
    const { collection, report } = readingsFromTable(
      table(
        ['station', 'date', 'PM2.5', 'lng', 'lat'],
        [
          ['New site', '2023-03-01', '40', '119.7', '29.1'],
          ['New site', '2023-03-02', '50', '119.7', '29.1'],
          ['New site', '2023-03-02', '55', '119.7', '29.1'],
        ],
      ),
      stations,
      gazetteer,
    )
    expect(report).toMatchObject({ year: 2023, rowsUsed: 2, dailyRows: 2 })
    expect(report.refused).toEqual([{ line: 4, value: 'New site 2023-03-02', reason: 'duplicate' }])
    const f = collection!.features[0]!
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [119.7, 29.1] })
    expect((f.properties!.pm25 as unknown[])[2]).toBe(45)
    expect(f.properties!.approximate).toBe(false)
    expect(airStationsFrom(collection!)[0]!.daily).toHaveLength(2)
  })
  it('refuses rows with the reason and line: unknown station, bad date, other year, Nov, text, no value', () => {
    const { report, collection } = readingsFromTable(
      table(header, [
        ['曹宅空气站', '2022-01', '80', '', ''],
        ['火星站', '2022-01', '1', '', ''],
        ['曹宅空气站', 'soon', '1', '', ''],
        ['曹宅空气站', '2021-05', '1', '', ''],
        ['曹宅空气站', '2022-11', '1', '', ''],
        ['曹宅空气站', '2022-03', 'n/a', '', ''],
        ['曹宅空气站', '2022-04', '', '', ''],
        ['', '2022-04', '3', '', ''],
      ]),
      stations,
      gazetteer,
    )
    expect(report.rowsUsed).toBe(1)
    expect(report.refused.map((r) => [r.line, r.reason])).toEqual([
      [3, 'station-not-found'],
      [4, 'bad-date'],
      [5, 'other-year'],
      [6, 'outside-months'],
      [7, 'bad-value'],
      [8, 'no-value'],
      [9, 'no-station'],
    ])
    expect(report.stationsNotFound).toEqual(['火星站'])
    expect(collection!.features).toHaveLength(1)
  })
  it('gives no collection when nothing could be used', () => {
    expect(
      readingsFromTable(table(header, [['火星站', '2022-01', '1', '', '']]), stations, gazetteer).collection,
    ).toBeNull()
  })
})

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

describe('indicators counted from a replaced layer', () => {
  it("carry the user's badge and name the file", async () => {
    const { INDICATORS } = await import('../../../../src/domain/indicators/township-indicators')
    const { withUserLayerProvenance } = await import('../../../../src/user-data/tables/user-layer-indicators')
    const defs = withUserLayerProvenance(INDICATORS, { inspections: '检查.csv' })
    expect(defs.find((d) => d.id === 'inspections')).toMatchObject({ provenance: 'user' })
    expect(defs.find((d) => d.id === 'inspections')!.note.zh).toContain('检查.csv')
    expect(defs.find((d) => d.id === 'monitoring-points')!.provenance).toBe('sample')
    expect(defs.find((d) => d.id === 'vocs')!.provenance).toBe('sample')
  })
})

describe('tables through the import engine', () => {
  it('keeps every row of the inspections template, with and without coordinates, and places both', async () => {
    const { importBytes } = await import('../../../../src/user-data/import/import-file')
    const { templateCsv } = await import('../../../../src/user-data/templates/import-templates')
    const template = IMPORT_TEMPLATES.find((t) => t.kind === 'inspections')!
    const csv =
      templateCsv(template, 'zh') +
      '2022-04-01,case,某企业,曹宅镇,,\r\n' +
      '2022-04-02,inspection,某企业,曹宅镇,119°45′02″E,北纬29度12分16秒\r\n'
    const result = await importBytes(new TextEncoder().encode(csv), { fileName: 't.csv', declaredCrs: 'auto' })
    expect(result.table).toBeDefined()
    expect(recogniseTable(result.table!.header)).toBe('inspections')
    const { collection, report } = inspectionsFromTable(result.table!, gazetteer, townPoints)
    // The note row ("# 说明…") is refused for its date; the example, the township row and the DMS row are used.
    expect(report.refused.map((r) => r.reason)).toEqual(['bad-date'])
    expect(report.rowsUsed).toBe(3)
    expect(collection!.features.map((f) => f.properties!.location)).toEqual(['exact', 'township', 'exact'])
    expect((collection!.features[2]!.geometry as { coordinates: number[] }).coordinates[0]).toBeCloseTo(119.7506, 3)
  })

  it('keeps a readings table without coordinates or place column as a table to use', async () => {
    const { importBytes } = await import('../../../../src/user-data/import/import-file')
    const csv = '站点,日期,pm25\n曹宅空气站,2022-01,30\n'
    const result = await importBytes(new TextEncoder().encode(csv), { fileName: 'r.csv', declaredCrs: 'auto' })
    expect(result.ok).toBe(false)
    expect(result.table?.rows).toEqual([['曹宅空气站', '2022-01', '30']])
    expect(result.problems.map((p) => p.message.en).join()).toContain('can be used as readings')
  })
})
