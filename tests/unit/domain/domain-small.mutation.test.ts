// Small domain modules without tests of their own: feature keys, basemap options, the manifest check.
import { describe, expect, test } from 'vitest'
import { BASEMAP_OPTIONS, basemapOption, type BasemapId } from '../../../src/settings/basemap-choices'
import { featureKey } from '../../../src/domain/geometry/feature-key'
import { parseManifest } from '../../../src/domain/manifest'

describe('featureKey', () => {
  test("the spec's key property, as text", () => {
    expect(featureKey({ name: '多湖', id: 'x' }, 'name')).toBe('多湖')
    expect(featureKey({ seq: 7 }, 'seq')).toBe('7')
    expect(featureKey({ seq: 0 }, 'seq')).toBe('0')
    expect(featureKey({ seq: false }, 'seq')).toBe('false')
    expect(featureKey({ id: 'x' }, 'name')).toBeNull()
  })

  test('without a key: id, else code, else adcode', () => {
    expect(featureKey({ id: 'i', code: 'c', adcode: 330703 })).toBe('i')
    expect(featureKey({ code: 'c', adcode: 330703 })).toBe('c')
    expect(featureKey({ adcode: 330703 })).toBe('330703')
    expect(featureKey({ id: null, code: 'c' })).toBe('c')
    expect(featureKey({ name: 'n' })).toBeNull()
  })

  test('missing, null and empty values are no key', () => {
    expect(featureKey({ id: '' })).toBeNull()
    expect(featureKey({ k: null }, 'k')).toBeNull()
    expect(featureKey(null)).toBeNull()
    expect(featureKey(undefined, 'k')).toBeNull()
  })
})

describe('basemaps', () => {
  test('the offline basemap is first and needs nothing', () => {
    expect(BASEMAP_OPTIONS.map((option) => option.id)).toEqual([
      'offline',
      'tianditu-vec',
      'tianditu-img',
      'osm',
      'amap',
      'custom',
    ])
    expect(basemapOption('offline')).toEqual({
      id: 'offline',
      label: { zh: '离线底图（本地数据）', en: 'Offline (own data)' },
      crs: 'WGS84',
      needs: 'nothing',
    })
  })

  test('each option says what it needs and its CRS; an unknown id falls back to offline', () => {
    expect(basemapOption('amap')).toMatchObject({ crs: 'GCJ-02', needs: 'nothing' })
    expect(basemapOption('tianditu-img')).toMatchObject({ crs: 'WGS84', needs: 'tianditu-key' })
    expect(basemapOption('custom').needs).toBe('style-url')
    expect(basemapOption('gone' as BasemapId).id).toBe('offline')
  })
})

describe('parseManifest', () => {
  const entry = { id: 'towns', file: 'towns.geojson', provenance: 'approximate' }

  test('a good manifest is returned as it is', () => {
    const json = { version: 1, entries: [entry, { ...entry, id: 'r', file: 'report.json', provenance: 'official' }] }
    expect(parseManifest(json)).toEqual({ manifest: json, errors: [] })
    expect(parseManifest({ version: 1, entries: [] })).toEqual({ manifest: { version: 1, entries: [] }, errors: [] })
  })

  test('not an object', () => {
    expect(parseManifest(null)).toEqual({ manifest: null, errors: ['manifest.json: expected an object'] })
    expect(parseManifest('x')).toEqual({ manifest: null, errors: ['manifest.json: expected an object'] })
  })

  test('entries must be an array; the version is reported too', () => {
    expect(parseManifest({ entries: {} })).toEqual({
      manifest: null,
      errors: [
        'manifest.json: field "version" found undefined; expected 1',
        'manifest.json: field "entries" must be an array',
      ],
    })
  })

  test('a wrong version alone fails', () => {
    expect(parseManifest({ version: '1', entries: [entry] })).toEqual({
      manifest: null,
      errors: ['manifest.json: field "version" found 1; expected 1'],
    })
  })

  test('each entry field, named with the entry index', () => {
    const errors = parseManifest({
      version: 1,
      entries: [
        entry,
        { ...entry, id: 3 },
        { ...entry, file: '../towns.geojson' },
        { ...entry, file: 'Towns.geojson' },
        { ...entry, file: 'towns.geojson.bak' },
        { ...entry, file: 'x-towns.geojson2' },
        { ...entry, provenance: 'user' },
        null,
      ],
    }).errors
    expect(errors).toEqual([
      'manifest.json, entry 1: field "id" must be a non-empty string',
      'manifest.json, entry 2: field "file" must be a plain file name ending .geojson or .json',
      'manifest.json, entry 3: field "file" must be a plain file name ending .geojson or .json',
      'manifest.json, entry 4: field "file" must be a plain file name ending .geojson or .json',
      'manifest.json, entry 5: field "file" must be a plain file name ending .geojson or .json',
      'manifest.json, entry 6: field "provenance" must be one of official, open-data, approximate, sample',
      'manifest.json, entry 7: field "id" must be a non-empty string',
      'manifest.json, entry 7: field "file" must be a plain file name ending .geojson or .json',
      'manifest.json, entry 7: field "provenance" must be one of official, open-data, approximate, sample',
    ])
  })

  test('every provenance of the built-in data is accepted', () => {
    for (const provenance of ['official', 'open-data', 'approximate', 'sample']) {
      expect(parseManifest({ version: 1, entries: [{ ...entry, provenance }] }).errors).toEqual([])
    }
  })
})
