// importBytes (import-file.ts), the engine end to end: the format each kind of file is reported as,
// the structural net for GeoJSON, and text that is neither UTF-8 nor GBK.
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import type { ImportFormat } from '../../../../src/user-data/import/types'
import { writeXlsx } from '../../../fixtures/make-format-fixtures'
import { writeShapefile } from '../../../fixtures/support/shapefile-writer'
import { writeZip } from '../../../fixtures/support/zip-writer'

const utf8 = (text: string) => new TextEncoder().encode(text)

const KML = '<kml><Placemark><Point><coordinates>119.7,29.1</coordinates></Point></Placemark></kml>'
const POINT_ROWS = [
  ['lng', 'lat'],
  [119.7, 29.1],
]
const shapefileZip = () => {
  const files = writeShapefile(
    [{ kind: 'point', position: [119.7, 29.1] }],
    [{ name: 'NAME', type: 'C', length: 4 }],
    [['a']],
    { encode: (value) => utf8(value) },
  )
  return writeZip([
    { name: 'p.shp', bytes: files.shp },
    { name: 'p.dbf', bytes: files.dbf },
  ])
}

describe('the format reported for each kind of file', () => {
  test.each<[string, ImportFormat, () => Uint8Array]>([
    ['a.geojson', 'geojson', () => utf8('{"type":"Point","coordinates":[119.7,29.1]}')],
    [
      'a.json',
      'topojson',
      () => utf8('{"type":"Topology","arcs":[],"objects":{"a":{"type":"Point","coordinates":[119.7,29.1]}}}'),
    ],
    ['a.kml', 'kml', () => utf8(KML)],
    ['a.gpx', 'gpx', () => utf8('<gpx><wpt lat="29.1" lon="119.7"/></gpx>')],
    ['a.kmz', 'kmz', () => writeZip([{ name: 'doc.kml', bytes: utf8(KML) }])],
    ['a.xlsx', 'xlsx', () => writeXlsx([{ name: 'S', rows: POINT_ROWS }])],
    ['a.zip', 'shapefile-zip', shapefileZip],
    ['a.csv', 'csv', () => utf8('lng,lat\n119.7,29.1\n')],
    ['a.txt', 'tsv', () => utf8('lng\tlat\n119.7\t29.1\n')],
  ])('%s is read as %s', async (fileName, format, bytes) => {
    const result = await importBytes(bytes(), { fileName, declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: true, format, featureCount: 1 })
  })

  test('a zip whose directory cannot be read goes to the shapefile reader, which says what is wrong', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])
    const result = await importBytes(bytes, { fileName: 'a.zip', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: false, format: 'shapefile-zip', featureCount: 0 })
    expect(result.problems.map((problem) => problem.message.en)).toEqual([
      'the zip could not be read: the zip is too short to hold a directory',
    ])
  })
})

describe('importBytes', () => {
  const feature = (extra: Record<string, unknown>) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [119.7, 29.1] },
    ...extra,
  })

  test('GeoJSON goes through the structural net: a bad bbox member is refused', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature({}), feature({ bbox: 'x' })] })
    const result = await importBytes(utf8(text), { fileName: 'a.geojson', declaredCrs: 'auto' })
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(1)
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        featureIndex: 1,
        expected: 'valid GeoJSON',
        message: {
          zh: 'GeoJSON 检查未通过：not valid GeoJSON: at 0: bbox must be an array',
          en: 'GeoJSON check failed: not valid GeoJSON: at 0: bbox must be an array',
        },
      }),
    ])
  })

  test('text that is neither UTF-8 nor GBK: read anyway, with a warning counting the characters lost', async () => {
    // 0x81 followed by a space is no GBK character.
    const bytes = new Uint8Array([...utf8('lng,lat,name\n119.7,29.1,'), 0x81, 0x20, 0x81, 0x20, 0x0a])
    const result = await importBytes(bytes, { fileName: 'a.csv', declaredCrs: 'auto' })
    expect(result.encoding).toBe('gbk')
    expect(result.featureCount).toBe(1)
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'a.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '2 undecodable characters',
        expected: 'UTF-8 or GBK text',
        message: {
          zh: '文件既不是 UTF-8 也不是 GBK，有 2 个字符无法识别（显示为 �）',
          en: 'the file is neither UTF-8 nor GBK: 2 characters could not be decoded (shown as �)',
        },
      },
    ])
  })
})
