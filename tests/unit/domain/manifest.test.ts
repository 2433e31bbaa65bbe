// parseManifest: the check of public/geo/manifest.json, every message named with its entry.
import { describe, expect, test } from 'vitest'
import { parseManifest } from '../../../src/domain/manifest'

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
