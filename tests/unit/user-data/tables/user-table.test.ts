// Tables of readings and inspections: recognised by their headers, their dates, and through the import engine.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildGazetteer } from '../../../../src/domain/places/place-names'
import { IMPORT_TEMPLATES, templateCsv } from '../../../../src/user-data/templates/import-templates'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { inspectionsFromTable } from '../../../../src/user-data/tables/inspections-table'
import { recogniseTable, dominantYear } from '../../../../src/user-data/tables/user-table'
import { readDate } from '../../../../src/domain/text/dates'

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

// The dates themselves are read by src/domain/text/dates.ts (tests/unit/domain/text/dates.test.ts).
describe('dominantYear', () => {
  it('takes the year most rows fall in, 2022 when none says', () => {
    const d = (s: string) => readDate(s)
    expect(dominantYear([d('2023-01'), d('2023-02'), d('2022-05')])).toBe(2023)
    expect(dominantYear([d('3月')])).toBe(2022)
  })
})

describe('tables through the import engine', () => {
  it('keeps every row of the inspections template, with and without coordinates, and places both', async () => {
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
    const csv = '站点,日期,pm25\n曹宅空气站,2022-01,30\n'
    const result = await importBytes(new TextEncoder().encode(csv), { fileName: 'r.csv', declaredCrs: 'auto' })
    expect(result.ok).toBe(false)
    expect(result.table?.rows).toEqual([['曹宅空气站', '2022-01', '30']])
    expect(result.problems.map((p) => p.message.en).join()).toContain('can be used as readings')
  })
})
