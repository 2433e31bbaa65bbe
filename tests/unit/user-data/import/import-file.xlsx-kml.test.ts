// Spreadsheets and KML through importBytes (import-file.ts), and Excel's serial dates.
import { describe, expect, it } from 'vitest'
import { excelSerialToIso } from '../../../../src/user-data/import/parse-xlsx'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { writeXlsx } from '../../../fixtures/make-format-fixtures'

const text = (value: string) => new TextEncoder().encode(value)
const run = (bytes: Uint8Array, fileName: string, sheet?: string) =>
  importBytes(bytes, { fileName, declaredCrs: 'auto', ...(sheet ? { sheet } : {}) })

describe('spreadsheets', () => {
  it('serial dates follow Excel (1900 system)', () => {
    expect(excelSerialToIso(44927)).toBe('2023-01-01')
    expect(excelSerialToIso(61)).toBe('1900-03-01')
    expect(excelSerialToIso(44927.5)).toBe('2023-01-01 12:00:00')
  })
  it('lists the sheets and reads the one asked for', async () => {
    const workbook = writeXlsx([
      { name: '说明', rows: [['本表为测试']] },
      {
        name: '点位',
        rows: [
          ['名称', '经度', '纬度'],
          ['曹宅镇', 119.75057, 29.20447],
        ],
      },
    ])
    const first = await run(workbook, 'w.xlsx')
    expect(first.sheets).toEqual({ names: ['说明', '点位'], chosen: '说明' })
    expect(first.ok).toBe(false)
    const second = await run(workbook, 'w.xlsx', '点位')
    expect(second.sheets?.chosen).toBe('点位')
    expect(second.featureCount).toBe(1)
    expect(second.data!.features[0]!.properties).toEqual({ 名称: '曹宅镇' })
  })
})

describe('KML and GPX in the engine', () => {
  it('a KML that is not KML or GPX is named by its root', async () => {
    const result = await run(text('<?xml version="1.0"?><gml:FeatureCollection xmlns:gml="g"/>'), 'a.xml')
    expect(result.problems[0]!.message.en).toMatch(/its root is <gml:FeatureCollection>/)
  })
  it('placemarks without geometry are skipped with a warning, the others kept', async () => {
    const kml =
      '<kml><Placemark><name>a</name></Placemark><Placemark><Point><coordinates>119.7,29.1</coordinates></Point>' +
      '</Placemark></kml>'
    const result = await run(text(kml), 'a.kml')
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(1)
    expect(result.problems[0]!.message.en).toMatch(/1 placemark\(s\) \(number 1\) have no readable geometry/)
  })
})
