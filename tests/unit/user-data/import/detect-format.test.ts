// What a file is, from its name and its first bytes: extensions, signatures, byte-order marks, JSON,
// markup and the binary check (over the first 4096 bytes only); what a zip holds, from its entry
// names; whether an OLE2 file is a password-protected workbook; the root element of markup; and what importBytes
// then tells the user.
import { describe, expect, test } from 'vitest'
import {
  detectContentKind,
  extensionOf,
  formatFromExtension,
  isEncryptedOffice,
  markupRootName,
  zipContentKind,
} from '../../../../src/user-data/import/detect-format'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { writeXlsx } from '../../../fixtures/make-format-fixtures'
import { writeZip } from '../../../fixtures/support/zip-writer'

const bytes = (...values: number[]) => new Uint8Array(values)
const text = (value: string) => new TextEncoder().encode(value)

describe('detect-format', () => {
  test('extensionOf: the last extension, lower case; none without a dot', () => {
    expect(extensionOf('a.b.GeoJSON')).toBe('geojson')
    expect(extensionOf('README')).toBe('')
    expect(extensionOf('.csv')).toBe('csv')
    expect(extensionOf('a.')).toBe('')
  })

  test.each([
    ['a.csv', 'csv'],
    ['a.TXT', 'csv'],
    ['a.tsv', 'tsv'],
    ['a.tab', 'tsv'],
    ['a.zip', 'shapefile-zip'],
    ['a.shp', 'shapefile-zip'],
    ['a.shx', 'shapefile-zip'],
    ['a.dbf', 'shapefile-zip'],
    ['a.prj', 'shapefile-zip'],
    ['a.cpg', 'shapefile-zip'],
    ['a.xlsx', 'xlsx'],
    ['a.XLS', 'xlsx'],
    ['a.KML', 'kml'],
    ['a.kmz', 'kmz'],
    ['a.Gpx', 'gpx'],
    ['a.topojson', 'topojson'],
    ['a.json', 'geojson'],
    ['a', 'geojson'],
  ])('formatFromExtension(%s) is %s', (name, format) => {
    expect(formatFromExtension(name)).toBe(format)
  })

  test('zip signatures, local header or empty archive', () => {
    expect(detectContentKind(bytes(0x50, 0x4b, 0x03, 0x04, 0), 'x.csv')).toBe('zip')
    expect(detectContentKind(bytes(0x50, 0x4b, 0x05, 0x06), 'x.csv')).toBe('zip')
    expect(detectContentKind(new Uint8Array([0x50, 0x4b, 0x03, 0x05, ...text('a'.repeat(40))]), 'x.csv')).toBe(
      'delimited',
    )
  })

  test('UTF-16 byte-order marks either way round', () => {
    expect(detectContentKind(bytes(0xff, 0xfe, 0x61, 0), 'x.csv')).toBe('utf16')
    expect(detectContentKind(bytes(0xfe, 0xff, 0, 0x61), 'x.csv')).toBe('utf16')
  })

  test('empty: nothing, only whitespace, or only a UTF-8 BOM and whitespace', () => {
    expect(detectContentKind(bytes(), 'x.geojson')).toBe('empty')
    expect(detectContentKind(text(' \t\r\n'), 'x.geojson')).toBe('empty')
    expect(detectContentKind(bytes(0xef, 0xbb, 0xbf, 0x20), 'x.geojson')).toBe('empty')
  })

  test('JSON by its first character, whatever the name, after a BOM and whitespace', () => {
    expect(detectContentKind(text('\n {"type":1}'), 'x.csv')).toBe('geojson')
    expect(detectContentKind(text('[1]'), 'x.shp')).toBe('geojson')
    expect(detectContentKind(bytes(0xef, 0xbb, 0xbf, 0x7b), 'x.txt')).toBe('geojson')
  })

  test('shapefile parts by name, before anything else is looked at', () => {
    expect(detectContentKind(text('abc'), 'x.SHP')).toBe('shapefile-part')
    expect(detectContentKind(text('abc'), 'x.shx')).toBe('shapefile-part')
    expect(detectContentKind(bytes(0, 0, 0), 'x.dbf')).toBe('shapefile-part')
    // The text parts too: a lone .prj or .cpg is no CSV.
    expect(detectContentKind(text('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984"]]'), 'x.prj')).toBe('shapefile-part')
    expect(detectContentKind(text('UTF-8'), 'x.CPG')).toBe('shapefile-part')
  })

  test('binary: a NUL, or more than one control character in twenty', () => {
    expect(detectContentKind(bytes(0x61, 0x00, 0x62), 'x.csv')).toBe('binary')
    const oneInTwenty = new Uint8Array(40).fill(0x61)
    oneInTwenty[5] = 0x01
    oneInTwenty[9] = 0x02
    expect(detectContentKind(oneInTwenty, 'x.csv')).toBe('delimited')
    oneInTwenty[11] = 0x03
    expect(detectContentKind(oneInTwenty, 'x.csv')).toBe('binary')
    // Tab, line breaks and form feed are text.
    expect(detectContentKind(bytes(0x61, 0x09, 0x0a, 0x0d, 0x0c, 0x0c, 0x0c), 'x.csv')).toBe('delimited')
  })

  test('only the first 4096 bytes are looked at for binary', () => {
    const late = new Uint8Array(5000).fill(0x61)
    late[4500] = 0
    expect(detectContentKind(late, 'x.csv')).toBe('delimited')
    late[4095] = 0
    expect(detectContentKind(late, 'x.csv')).toBe('binary')
  })

  test('markup, then the extension decides', () => {
    expect(detectContentKind(text('<kml>'), 'x.kml')).toBe('markup')
    // XML after a UTF-8 BOM and a blank line is markup whatever the name; the root decides KML or GPX later.
    const gpx = new Uint8Array([0xef, 0xbb, 0xbf, ...text('\r\n  <?xml version="1.0"?><gpx></gpx>')])
    expect(detectContentKind(gpx, 'track.GPX')).toBe('markup')
    expect(detectContentKind(gpx, 'track.txt')).toBe('markup')
    expect(detectContentKind(text('a,b'), 'x.geojson')).toBe('geojson')
    expect(detectContentKind(text('a,b'), 'x.JSON')).toBe('geojson')
    expect(detectContentKind(text('a,b'), 'x.zip')).toBe('binary')
    expect(detectContentKind(text('a,b'), 'x.csv')).toBe('delimited')
    expect(detectContentKind(text('a,b'), 'x')).toBe('delimited')
  })
})

describe('detectContentKind: the binary check window', () => {
  test('binary detection looks at bytes 0…4095 only', () => {
    const longText = new Uint8Array(4097).fill(0x61)
    longText[4096] = 0
    expect(detectContentKind(longText, 'x.csv')).toBe('delimited')
  })
})

describe('zipContentKind: what a zip holds, by its entries and its name', () => {
  test('a project of this app, whatever the zip is called', () => {
    expect(zipContentKind(['project.json', 'layers/1.geojson'], 'x.xlsx')).toBe('project')
  })

  test('an Excel workbook by its name, or by its xl/ folder when named otherwise', () => {
    expect(zipContentKind(['[Content_Types].xml', 'docProps/app.xml'], 'book.XLSX')).toBe('xlsx')
    const workbook = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']
    expect(zipContentKind(workbook, 'export.zip')).toBe('xlsx')
    expect(zipContentKind(workbook, 'export.xls')).toBe('xlsx')
  })

  test('a KMZ by its name, or by a .kml inside (any case) when the zip holds no .shp', () => {
    expect(zipContentKind(['files/photo.jpg'], 'route.KMZ')).toBe('kmz')
    expect(zipContentKind(['doc.kml', 'files/icon.png'], 'route.zip')).toBe('kmz')
    expect(zipContentKind(['files/icon.png', 'DOC.KML'], 'route.zip')).toBe('kmz')
    // ArcGIS's metadata file roads.shp.xml is no shapefile.
    expect(zipContentKind(['doc.kml', 'roads.shp.xml'], 'route.zip')).toBe('kmz')
  })

  test('otherwise a shapefile: one with a .kml beside it, a .kml.txt, or an empty zip', () => {
    expect(zipContentKind(['roads.SHP', 'roads.shx', 'roads.dbf', 'roads.kml'], 'roads.zip')).toBe('shapefile')
    expect(zipContentKind(['roads.kml', 'roads.shp'], 'roads.zip')).toBe('shapefile')
    expect(zipContentKind(['notes.kml.txt', 'points.csv'], 'data.zip')).toBe('shapefile')
    expect(zipContentKind([], 'empty.zip')).toBe('shapefile')
  })
})

describe('isEncryptedOffice: an "EncryptionInfo" stream name (UTF-16) in the first 8 MiB', () => {
  const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  const NAME = Array.from('EncryptionInfo').flatMap((char) => [char.charCodeAt(0), 0])
  const MIB8 = 8 * 1024 * 1024
  const withNameAt = (length: number, at: number) => {
    const file = new Uint8Array(length)
    file.set(OLE2)
    file.set(NAME, at)
    return file
  }

  test('found anywhere, the very last bytes included; not found in a plain .xls or as 8-bit text', () => {
    expect(isEncryptedOffice(withNameAt(4096, 1024))).toBe(true)
    expect(isEncryptedOffice(new Uint8Array([...OLE2, ...NAME]))).toBe(true)
    expect(isEncryptedOffice(new Uint8Array(NAME))).toBe(true)
    const plain = new Uint8Array(4096)
    plain.set(OLE2)
    expect(isEncryptedOffice(plain)).toBe(false)
    plain.set(text('EncryptionInfo'), 1024)
    expect(isEncryptedOffice(plain)).toBe(false)
    expect(isEncryptedOffice(new Uint8Array(NAME.slice(0, -2)))).toBe(false)
  })

  test('only a name wholly inside the first 8 MiB counts', () => {
    expect(isEncryptedOffice(withNameAt(MIB8 + 64, MIB8 - NAME.length))).toBe(true)
    expect(isEncryptedOffice(withNameAt(MIB8 + 64, MIB8 - NAME.length + 1))).toBe(false)
    expect(isEncryptedOffice(withNameAt(MIB8 + 64, MIB8 + 8))).toBe(false)
  })
})

describe('importBytes: which reader a file reaches, and the refusal when none fits', () => {
  const run = (file: Uint8Array, fileName: string) => importBytes(file, { fileName, declaredCrs: 'auto' })
  const kml =
    '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">' +
    '<Placemark><Point><coordinates>119.7,29.1</coordinates></Point></Placemark></kml>'

  test('a KMZ or a workbook named .zip reaches its own reader', async () => {
    const kmz = await run(writeZip([{ name: 'doc.kml', bytes: text(kml) }]), 'route.zip')
    expect(kmz).toMatchObject({ ok: true, format: 'kmz', featureCount: 1 })
    const workbook = writeXlsx([
      {
        name: '点位',
        rows: [
          ['名称', '经度', '纬度'],
          ['曹宅镇', 119.75057, 29.20447],
        ],
      },
    ])
    expect(await run(workbook, 'export.zip')).toMatchObject({ ok: true, format: 'xlsx', featureCount: 1 })
  })

  test('an unknown binary file is refused, saying what was found and what is accepted', async () => {
    const result = await run(new Uint8Array([0x01, 0x02, 0x03, 0x04, 0x00]), 'scan.bin')
    expect(result.ok).toBe(false)
    expect(result.featureCount).toBe(0)
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'scan.bin',
        found: 'binary data',
        expected: 'KML, KMZ, GPX, GeoJSON, TopoJSON, CSV/TSV, Excel (.xlsx) or a zipped shapefile',
        message: {
          zh: '无法识别的文件：不是 GeoJSON、CSV/TSV 文本，也不是 zip 压缩的 shapefile、Excel、KML 或 GPX',
          en: 'unrecognised file: not GeoJSON, not CSV/TSV text and not a zipped shapefile, Excel, KML or GPX',
        },
      }),
    ])
  })

  test('a lone .prj is answered with how to zip the shapefile, not read as a CSV without coordinates', async () => {
    const result = await run(text('GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0]]]'), 'a.prj')
    expect(result).toMatchObject({ ok: false, format: 'shapefile-zip' })
    expect(result.problems).toEqual([
      expect.objectContaining({
        found: 'a single shapefile part',
        message: {
          zh: '请把 .shp、.shx、.dbf、.prj 一起压缩成 zip 后导入',
          en: 'zip the .shp, .shx, .dbf and .prj together and import the zip',
        },
      }),
    ])
  })

  test('an OLE2 file: a password-protected workbook, or an old .xls, each told apart', async () => {
    const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
    const NAME = Array.from('EncryptionInfo').flatMap((char) => [char.charCodeAt(0), 0])
    const encrypted = await run(new Uint8Array([...OLE2, 0, 0, ...NAME, 0, 0]), 'book.xlsx')
    expect(encrypted).toMatchObject({ ok: false, format: 'xlsx' })
    expect(encrypted.problems[0]).toMatchObject({
      found: 'password-protected workbook',
      expected: 'an .xlsx without a password',
    })
    expect(encrypted.problems[0]!.message.zh).toMatch(/^工作簿设置了打开密码/)
    const old = await run(new Uint8Array([...OLE2, ...new Array<number>(504).fill(0)]), 'BOOK.XLS')
    expect(old).toMatchObject({ ok: false, format: 'xlsx' })
    expect(old.problems[0]).toMatchObject({ found: 'Excel 97–2003 (.xls)', expected: '.xlsx' })
    expect(old.problems[0]!.message.en).toMatch(/^this is an Excel 97–2003 file \(\.xls\)/)
  })
})

describe('markupRootName: the first element after the prolog', () => {
  test('after a BOM, the XML declaration, comments, processing instructions and a DOCTYPE with its subset', () => {
    expect(markupRootName('<kml/>')).toBe('kml')
    const prolog =
      '\uFEFF<?xml version="1.0"?>\n<!-- <kml> --><?style a?><!DOCTYPE x [<!ENTITY e "<gpx>">]>\n' +
      '<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml">'
    expect(markupRootName(prolog)).toBe('gml:FeatureCollection')
    expect(markupRootName('<!doctype html>\n<HTML lang="zh">')).toBe('HTML')
  })

  test('none: no element, a prolog that never ends, or "<" without a name', () => {
    expect(markupRootName('<?xml version="1.0"?>')).toBeNull()
    expect(markupRootName('<!-- <kml>')).toBeNull()
    expect(markupRootName('< 1,2')).toBeNull()
  })
})

describe('importBytes: XML whose root is neither KML nor GPX', () => {
  const run = (file: Uint8Array, fileName: string) => importBytes(file, { fileName, declaredCrs: 'auto' })
  const refusal = (file: string, root: string) => ({
    file,
    featureIndex: null,
    line: null,
    field: '',
    severity: 'error',
    found: `<${root}>`,
    expected: 'KML, KMZ, GPX, GeoJSON, TopoJSON, CSV/TSV, Excel (.xlsx) or a zipped shapefile',
    message: {
      zh:
        `无法识别的文件：文件是 XML，但根元素是 <${root}>，不是 KML（<kml>）或 GPX（<gpx>）；` +
        '可导入 KML、KMZ、GPX、GeoJSON、TopoJSON、CSV/TSV、Excel（.xlsx）或 zip 压缩的 shapefile',
      en:
        `unrecognised file: the file is XML, but its root is <${root}>, not KML (<kml>) or GPX (<gpx>); ` +
        'the files read are KML, KMZ, GPX, GeoJSON, TopoJSON, CSV/TSV, Excel (.xlsx) or a zipped shapefile',
    },
  })
  const GML =
    '<?xml version="1.0" encoding="UTF-8"?>\n<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml">' +
    '<gml:featureMember><gml:Point><gml:coordinates>119.7,29.1</gml:coordinates></gml:Point></gml:featureMember>' +
    '</gml:FeatureCollection>'
  const WFS = '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" numberMatched="0"/>'

  test.each([
    ['a GML named .gml', GML, 'roads.gml', 'gml:FeatureCollection'],
    ['a GML named .xml', GML, 'roads.xml', 'gml:FeatureCollection'],
    ['a WFS response', WFS, 'getfeature.xml', 'wfs:FeatureCollection'],
    ['a GML cut short: its root, not where it breaks', GML.slice(0, 120), 'roads.gml', 'gml:FeatureCollection'],
  ])('%s is refused, naming its root and what is read; its format is not kml', async (_, xml, fileName, root) => {
    const result = await run(text(xml), fileName)
    // The extension's format, as for any file that could not be read (geojson for .xml and .gml).
    expect(result).toMatchObject({ ok: false, data: null, featureCount: 0, format: formatFromExtension(fileName) })
    expect(result.format).not.toBe('kml')
    expect(result.problems).toEqual([refusal(fileName, root)])
  })

  test('a KML or GPX named .xml is still read, with or without a namespace prefix', async () => {
    const kml =
      '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2">' +
      '<Placemark><Point><coordinates>119.7,29.1</coordinates></Point></Placemark></kml>'
    const gpx = '<gpx:gpx xmlns:gpx="http://www.topografix.com/GPX/1/1"><gpx:wpt lat="29.1" lon="119.7"/></gpx:gpx>'
    expect(await run(text(kml), 'export.xml')).toMatchObject({ ok: true, format: 'kml', featureCount: 1 })
    expect(await run(text(gpx), 'export.xml')).toMatchObject({ ok: true, format: 'gpx', featureCount: 1 })
  })
})
