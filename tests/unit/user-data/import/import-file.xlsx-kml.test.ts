// Spreadsheets and KML through importBytes (import-file.ts), and Excel's serial dates.
import { describe, expect, it } from 'vitest'
import { excelSerialToIso } from '../../../../src/user-data/import/parse-xlsx'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { writeXlsx } from '../../../fixtures/make-format-fixtures'
import { writeZip } from '../../../fixtures/support/zip-writer'

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
  it('an Excel 97–2003 (.xls) file is refused, still as a spreadsheet', async () => {
    const result = await run(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xls')
    expect(result).toMatchObject({ ok: false, format: 'xlsx', featureCount: 0 })
    expect(result.problems[0]!.found).toBe('Excel 97–2003 (.xls)')
  })
})

describe('KML and GPX in the engine', () => {
  const KML_POINT = '<kml><Placemark><Point><coordinates>119.7,29.1</coordinates></Point></Placemark></kml>'
  const CUT_SHORT = '<kml><Placemark><Point><coordinates>119.7,29.1'
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
  it.each([
    ['a.gpx', 'GPX'],
    ['a.kml', 'KML'],
    ['a.xml', 'XML'],
    ['a', 'XML'],
  ])('a broken %s is called a broken %s file', async (fileName, label) => {
    const result = await run(text(CUT_SHORT), fileName)
    expect(result).toMatchObject({ ok: false, featureCount: 0 })
    expect(result.problems[0]!.message.en).toMatch(new RegExp(`^the ${label} file is broken \\(line 1, column 47\\)`))
    expect(result.problems[0]!.message.zh).toMatch(new RegExp(`^${label} 文件损坏`))
  })
  it('a broken GPX file is still reported as gpx', async () => {
    expect(await run(text(CUT_SHORT), 'track.gpx')).toMatchObject({ ok: false, format: 'gpx' })
  })
  it('a broken KML or XML file is still reported as kml', async () => {
    expect(await run(text(CUT_SHORT), 'a.kml')).toMatchObject({ ok: false, format: 'kml' })
    expect(await run(text(CUT_SHORT), 'a.xml')).toMatchObject({ ok: false, format: 'kml' })
  })
  it('the content decides between GPX and KML, not the name', async () => {
    expect(await run(text('<gpx><wpt lat="29.1" lon="119.7"/></gpx>'), 'a.kml')).toMatchObject({ format: 'gpx' })
    expect(await run(text(KML_POINT), 'a.gpx')).toMatchObject({ format: 'kml' })
  })
  it('a KMZ is reported as kmz', async () => {
    const result = await run(writeZip([{ name: 'doc.kml', bytes: text(KML_POINT) }]), 'places.kmz')
    expect(result).toMatchObject({ ok: true, format: 'kmz', featureCount: 1 })
  })
})
