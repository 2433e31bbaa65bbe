// What a file is, from its name and its first bytes: extensions, signatures, byte-order marks, JSON,
// markup and the binary check (over the first 4096 bytes only).
import { describe, expect, test } from 'vitest'
import { detectContentKind, extensionOf, formatFromExtension } from '../../../../src/user-data/import/detect-format'

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
