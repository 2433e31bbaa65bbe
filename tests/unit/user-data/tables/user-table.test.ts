// Tables of readings and inspections: recognised by their headers, their dates, and through the import engine.
import { describe, expect, it } from 'vitest'
import { IMPORT_TEMPLATES, templateCsv } from '../../../../src/user-data/templates/import-templates'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { inspectionsFromTable } from '../../../../src/user-data/tables/inspections-table'
import type { FeatureCollection } from 'geojson'
import {
  cellCoordinate,
  cellNumber,
  dominantYear,
  inspectionColumns,
  offAxis,
  recogniseTable,
  tableFromPoints,
} from '../../../../src/user-data/tables/user-table'
import { readDate } from '../../../../src/domain/text/dates'
import { gazetteer, townPoints } from '../../support/district-places'

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
  it('reads headers with spaces around them', () => {
    expect(recogniseTable([' 站点 ', ' 日期 ', ' PM2.5 '])).toBe('readings')
  })
  it('takes readings with any one pollutant, in any column', () => {
    expect(recogniseTable(['PM2.5', '站点', '日期'])).toBe('readings')
    expect(recogniseTable(['PM10', '站点', '日期'])).toBe('readings')
    expect(recogniseTable(['O3', '站点', '日期'])).toBe('readings')
    expect(recogniseTable(['站点', '日期', 'PM10'])).toBe('readings')
    expect(recogniseTable(['站点', '日期', '臭氧'])).toBe('readings')
    expect(recogniseTable(['日期', '站点', 'PM2.5'])).toBe('readings')
  })
  it('wants a station, a date and a pollutant for readings', () => {
    expect(recogniseTable(['站点', 'PM2.5'])).toBeNull() // no date
    expect(recogniseTable(['日期', 'PM2.5'])).toBeNull() // no station
    expect(recogniseTable(['站点', '日期', '备注'])).toBeNull() // no pollutant
    expect(recogniseTable(['乡镇', 'PM2.5'])).toBeNull()
  })
  it('takes inspections placed by coordinates, township or village, in any column', () => {
    expect(recogniseTable(['日期', '类型', '经度', '纬度'])).toBe('inspections')
    expect(recogniseTable(['经度', '纬度', '日期', '类型'])).toBe('inspections')
    expect(recogniseTable(['纬度', '经度', '日期', '类型'])).toBe('inspections')
    expect(recogniseTable(['乡镇', '日期', '类型'])).toBe('inspections')
    expect(recogniseTable(['村', '日期', '类型'])).toBe('inspections')
    expect(recogniseTable(['日期', '类型', '村'])).toBe('inspections')
  })
  it('wants inspections placed: one coordinate or none is not enough', () => {
    expect(recogniseTable(['日期', '类型', '经度'])).toBeNull()
    expect(recogniseTable(['日期', '类型', '纬度'])).toBeNull()
    expect(recogniseTable(['日期', '类型', '备注'])).toBeNull()
  })
  it('takes a kind column in any column, or a header that speaks of inspections', () => {
    expect(recogniseTable(['类型', '日期', '乡镇'])).toBe('inspections')
    expect(recogniseTable(['日期', '乡镇', '检查对象'])).toBe('inspections')
    expect(recogniseTable(['date', 'township', 'case number'])).toBe('inspections')
  })
  it('does not read one column as both the township and the village', () => {
    expect(inspectionColumns(['日期', '街道社区'])).toMatchObject({ town: 1, village: -1 })
    expect(inspectionColumns(['日期', '街道', '社区'])).toMatchObject({ town: 1, village: 2 })
  })
})

// The dates themselves are read by src/domain/text/dates.ts (tests/unit/domain/text/dates.test.ts).
describe('dominantYear', () => {
  it('takes the year most rows fall in, 2022 when none says', () => {
    const d = (s: string) => readDate(s)
    expect(dominantYear([d('2023-01'), d('2023-02'), d('2022-05')])).toBe(2023)
    expect(dominantYear([d('3月')])).toBe(2022)
  })
  it('takes the earliest year of a tie, whatever the order of the rows', () => {
    const d = (s: string) => readDate(s)
    expect(dominantYear([d('2024-01'), d('2023-01'), d('2022-01')])).toBe(2022)
    expect(dominantYear([d('2023-01'), d('2022-01'), d('2023-02'), d('2022-02')])).toBe(2022)
    expect(dominantYear([d('2022-01'), d('2022-02'), d('2023-01')])).toBe(2022)
  })
})

describe('the month axis', () => {
  const d = (s: string) => readDate(s)!
  it('keeps January to October of the year, and a month without a year', () => {
    expect(offAxis(d('2022-01'), 2022)).toBeNull()
    expect(offAxis(d('2022-10'), 2022)).toBeNull()
    expect(offAxis(d('3月'), 2022)).toBeNull()
  })
  it('refuses another year and November or December', () => {
    expect(offAxis(d('2021-05'), 2022)).toBe('other-year')
    expect(offAxis(d('2022-11'), 2022)).toBe('outside-months')
    expect(offAxis(d('2022-12'), 2022)).toBe('outside-months')
  })
})

describe('cells', () => {
  it('reads numbers as tables write them', () => {
    expect(cellNumber('1,234.5')).toBe(1234.5)
    expect(cellNumber('12,345,678')).toBe(12345678)
    expect(cellNumber(' 5 ')).toBe(5)
    expect(cellNumber('+5')).toBe(5)
    expect(cellNumber('-3')).toBe(-3)
    expect(cellNumber('.25')).toBe(0.25)
    expect(cellNumber('1e3')).toBe(1000)
    expect(cellNumber('1E+3')).toBe(1000)
    expect(cellNumber('2.5e-3')).toBe(0.0025)
    expect(cellNumber('1e10')).toBe(1e10)
  })
  it('reads text as no number and an empty cell as missing', () => {
    expect(cellNumber('pH 7')).toBeNull()
    expect(cellNumber('约5')).toBeNull()
    expect(cellNumber('1e')).toBeNull()
    expect(cellNumber('1,23')).toBeNull()
    expect(cellNumber('')).toBeUndefined()
    expect(cellNumber('  ')).toBeUndefined()
    expect(cellNumber(undefined)).toBeUndefined()
  })
  it('reads coordinates in decimal degrees or degrees, minutes and seconds', () => {
    expect(cellCoordinate(' 119.75 ')).toBe(119.75)
    expect(cellCoordinate('北纬29度12分16秒')).toBeCloseTo(29.2044, 3)
    expect(cellCoordinate('')).toBeNull()
    expect(cellCoordinate('东边')).toBeNull()
  })
})

describe('the rows of a table that came as points', () => {
  it('every property as text, the position as 经度/纬度, rows counted from 1', () => {
    const collection = JSON.parse(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [119.7, 29.1] },
            properties: { 名称: '甲', 数量: 3, lng: 119.7, lat: 29.1 },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [119.8, 29.2] },
            properties: { 名称: '乙', 数量: null, 备注: '新' },
          },
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [119.7, 29.1],
                [119.8, 29.2],
              ],
            },
            properties: { 名称: '丙' },
          },
          { type: 'Feature', geometry: null, properties: null },
        ],
      }),
    ) as FeatureCollection
    expect(tableFromPoints(collection)).toEqual({
      header: ['名称', '数量', '备注', '经度', '纬度'],
      rows: [
        ['甲', '3', '', '119.7', '29.1'],
        ['乙', '', '新', '119.8', '29.2'],
        ['丙', '', '', '', ''],
        ['', '', '', '', ''],
      ],
      lines: [1, 2, 3, 4],
    })
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
