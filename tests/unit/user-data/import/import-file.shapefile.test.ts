// Zipped shapefiles and other unreadable files through importBytes (import-file.ts).
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { dbfStructureProblem, shpStructureProblem } from '../../../../src/user-data/import/shapefile-checks'
import { writeShapefile } from '../../../fixtures/support/shapefile-writer'
import { writeZip } from '../../../fixtures/support/zip-writer'

const text = (value: string) => new TextEncoder().encode(value)
const run = (bytes: Uint8Array, fileName = 'shapes.zip') => importBytes(bytes, { fileName, declaredCrs: 'auto' })
const points = () =>
  writeShapefile(
    [
      { kind: 'point', position: [119.68511, 29.0937] },
      { kind: 'point', position: [119.68179, 29.11577] },
    ],
    [{ name: 'NAME', type: 'C', length: 12 }],
    [['多湖'], ['东孝']],
    { encode: (value) => new TextEncoder().encode(value) },
  )

/** A .shp holding one PolygonZ (type 15) record of a single ring, each position [x, y, z]. */
function polygonZShp(ring: [number, number, number][]): Uint8Array {
  const n = ring.length
  const content = 4 + 32 + 4 + 4 + 4 + 16 * n + 16 + 8 * n
  const shp = new Uint8Array(100 + 8 + content)
  const view = new DataView(shp.buffer)
  view.setInt32(0, 9994, false)
  view.setInt32(24, shp.length / 2, false)
  view.setInt32(28, 1000, true)
  view.setInt32(32, 15, true)
  view.setInt32(100, 1, false)
  view.setInt32(104, content / 2, false)
  const at = 108
  view.setInt32(at, 15, true)
  const xs = ring.map((position) => position[0])
  const ys = ring.map((position) => position[1])
  const box = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
  box.forEach((value, i) => view.setFloat64(at + 4 + 8 * i, value, true))
  view.setInt32(at + 36, 1, true) // one part, starting at point 0
  view.setInt32(at + 40, n, true)
  ring.forEach(([x, y, z], i) => {
    view.setFloat64(at + 48 + 16 * i, x, true)
    view.setFloat64(at + 56 + 16 * i, y, true)
    view.setFloat64(at + 64 + 16 * n + 8 * i, z, true) // after the points and the z range
  })
  return shp
}

describe('shapefile zips', () => {
  test('a shape that only the structural net finds broken is refused: a ring ending at another height', async () => {
    const shp = polygonZShp([
      [119.6, 29.1, 0],
      [119.7, 29.1, 0],
      [119.7, 29.0, 0],
      [119.6, 29.1, 5],
    ])
    const result = await run(writeZip([{ name: 'p.shp', bytes: shp }]))
    expect(result).toMatchObject({ ok: false, format: 'shapefile-zip', featureCount: 0, rejectedCount: 1 })
    expect(result.problems[1]).toMatchObject({
      severity: 'error',
      featureIndex: 0,
      expected: 'valid GeoJSON',
      message: {
        zh: 'GeoJSON 检查未通过：not valid GeoJSON: at 0: at 0: The first and last positions must be equivalent',
        en: 'GeoJSON check failed: not valid GeoJSON: at 0: at 0: The first and last positions must be equivalent',
      },
    })
  })

  test('a zip without .dbf gives features without attributes and a warning', async () => {
    const result = await run(writeZip([{ name: 'p.shp', bytes: points().shp }]))
    expect(result.featureCount).toBe(2)
    expect(result.data!.features[0]!.properties).toEqual({})
    expect(result.problems[0]!.message.en).toBe('no .dbf: the features have no attributes')
  })

  test('a damaged Excel workbook is recognised as Excel and said so', async () => {
    const result = await run(
      writeZip([
        { name: '[Content_Types].xml', bytes: text('<Types/>') },
        { name: 'xl/workbook.xml', bytes: text('<workbook/>') },
      ]),
      'points.xlsx',
    )
    expect(result.format).toBe('xlsx')
    expect(result.problems[0]!.message.en).toMatch(/the Excel workbook cannot be read/)
  })

  test('a zipped GeoJSON points to itself', async () => {
    const result = await run(writeZip([{ name: 'points.geojson', bytes: text('{}') }]))
    expect(result.problems[0]!.message.en).toMatch(/unzip it and import points\.geojson directly/)
  })

  test('__MACOSX entries are ignored, two shapefiles are merged with a warning', async () => {
    const files = points()
    const zip = writeZip([
      { name: '__MACOSX/._a.shp', bytes: text('junk') },
      { name: 'a.shp', bytes: files.shp },
      { name: 'a.dbf', bytes: files.dbf },
      { name: 'b.shp', bytes: files.shp },
    ])
    const result = await run(zip)
    expect(result.featureCount).toBe(4)
    expect(result.problems.map((problem) => problem.message.en)).toContain(
      'the zip holds 2 shapefiles; they were merged into one layer',
    )
  })

  test('a .shp with a record length running past the end is refused without hanging', async () => {
    const files = points()
    const damaged = files.shp.slice()
    new DataView(damaged.buffer).setInt32(104, -4, false)
    expect(shpStructureProblem(damaged)).toMatch(/record 1 of the \.shp is damaged/)
    const result = await run(
      writeZip([
        { name: 'a.shp', bytes: damaged },
        { name: 'a.dbf', bytes: files.dbf },
      ]),
    )
    expect(result.ok).toBe(false)
    expect(result.problems[0]!.message.en).toMatch(/^a\.shp could not be read: record 1/)
  })

  test('a .dbf claiming more records than it holds is skipped with a warning', async () => {
    const files = points()
    const damaged = files.dbf.slice()
    new DataView(damaged.buffer).setUint32(4, 4_000_000_000, true)
    expect(dbfStructureProblem(damaged)).toMatch(/too short/)
    const result = await run(
      writeZip([
        { name: 'a.shp', bytes: files.shp },
        { name: 'a.dbf', bytes: damaged },
      ]),
    )
    expect(result.featureCount).toBe(2)
    expect(result.problems[0]!.message.en).toMatch(/^a\.dbf could not be read/)
  })

  test('a lone .shp is answered with how to zip it', async () => {
    const result = await run(points().shp, 'a.shp')
    expect(result.problems[0]!.message.en).toBe('zip the .shp, .shx, .dbf and .prj together and import the zip')
  })
})

describe('other unreadable files', () => {
  test.each([
    [new Uint8Array([0xff, 0xfe, 0x41, 0]), 'a.txt', /UTF-16/],
    [text('<?xml version="1.0"?><kml></kml>'), 'a.kml', /the KML holds no Placemark/],
    [text('<!DOCTYPE html><html><body>x</body></html>'), 'a.html', /its root is <html>, not KML/],
    [text('   \n\t '), 'a.csv', /the file is empty/],
    [text('not json at all'), 'a.geojson', /JSON syntax error: at line 1, column 1/],
  ])('%#: %s', async (bytes, name, message) => {
    const result = await run(bytes, name)
    expect(result.ok).toBe(false)
    expect(result.problems[0]!.message.en).toMatch(message)
  })

  test('UTF-16 text of any format is told to be saved as UTF-8 (not only a CSV)', async () => {
    const utf16 = (name: string) => run(new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x6b, 0]), name)
    for (const name of ['a.kml', 'a.csv']) {
      expect((await utf16(name)).problems[0]!.message).toEqual({
        zh: '文件是 UTF-16 编码（如 Excel 的“Unicode 文本”）；请另存为 UTF-8 编码后再导入（Excel 中选“CSV UTF-8”）',
        en:
          'the file is UTF-16 text (such as Excel\'s "Unicode text"); save it as UTF-8, then import again ' +
          '(in Excel: "CSV UTF-8")',
      })
    }
  })

  test('a header typed with full-width commas is explained', async () => {
    const result = await run(text('名称，经度，纬度\n甲，119.7，29.1\n'), 'a.csv')
    expect(result.problems[0]!.message.zh).toMatch(/中文逗号/)
  })
})
