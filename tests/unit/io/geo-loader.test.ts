// The loader of public/geo with fetch stood in for: every failure is a message naming the file.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { GEO_BASE_URL, loadGeoJsonEntry, loadJsonEntry, loadManifest } from '../../../src/io/geo-loader'
import type { ManifestEntry } from '../../../src/domain/manifest'

type Reply = { status?: number; statusText?: string; body?: string } | Error

/** Stubs fetch with replies by URL; returns the list of URLs fetched. */
function stubFetch(replies: Record<string, Reply>): string[] {
  const requested: string[] = []
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(url)
    const reply = replies[url]
    if (reply === undefined) throw new Error(`unexpected fetch of ${url}`)
    if (reply instanceof Error) throw reply
    const status = reply.status ?? 200
    return new Response(reply.body ?? '', { status, statusText: reply.statusText ?? '' })
  })
  return requested
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const entry = (file: string): ManifestEntry => ({
  id: 'towns',
  file,
  kind: 'geojson',
  title: { zh: '乡镇', en: 'Towns' },
  provenance: 'approximate',
  caveat: null,
  source: 'test',
  licence: 'test',
  featureCount: 1,
  bbox: null,
  bytes: 0,
  sha256: '',
})

const square = [
  [119.7, 29.1],
  [119.8, 29.1],
  [119.8, 29.2],
  [119.7, 29.2],
  [119.7, 29.1],
]
const polygonFeature = (coordinates: unknown) => ({
  type: 'Feature',
  properties: { name: 'A' },
  geometry: { type: 'Polygon', coordinates },
})

describe('loadManifest', () => {
  test('reads manifest.json from the base URL', async () => {
    const manifest = { version: 1, crs: 'EPSG:4326', attribution: { zh: '', en: '' }, entries: [] }
    const requested = stubFetch({ 'base/manifest.json': { body: JSON.stringify(manifest) } })
    expect(await loadManifest('base/')).toEqual({ ok: true, value: manifest, warnings: [] })
    expect(requested).toEqual(['base/manifest.json'])
  })

  test('the default base is geo/ under the page', async () => {
    expect(GEO_BASE_URL).toBe('/geo/')
    const requested = stubFetch({ '/geo/manifest.json': { status: 404, statusText: 'Not Found' } })
    expect(await loadManifest()).toEqual({ ok: false, error: 'manifest.json: HTTP 404 Not Found' })
    expect(requested).toEqual(['/geo/manifest.json'])
  })

  test('a manifest of the wrong shape: every error, one per line', async () => {
    stubFetch({ 'b/manifest.json': { body: JSON.stringify({ version: 2, entries: [{ id: '' }] }) } })
    expect(await loadManifest('b/')).toEqual({
      ok: false,
      error: [
        'manifest.json: field "version" found 2; expected 1',
        'manifest.json, entry 0: field "id" must be a non-empty string',
        'manifest.json, entry 0: field "file" must be a plain file name ending .geojson or .json',
        'manifest.json, entry 0: field "provenance" must be one of official, open-data, approximate, sample',
      ].join('\n'),
    })
  })

  test('a network failure and broken JSON name the file', async () => {
    stubFetch({ 'n/manifest.json': new TypeError('Failed to fetch') })
    expect(await loadManifest('n/')).toEqual({
      ok: false,
      error: 'manifest.json: could not be fetched (Failed to fetch)',
    })
    stubFetch({ 'j/manifest.json': { body: '{"version": 1,' } })
    const broken = await loadManifest('j/')
    expect(broken.ok).toBe(false)
    expect(!broken.ok && broken.error).toMatch(/^manifest\.json: not valid JSON \(.+\)$/)
  })
})

describe('loadGeoJsonEntry', () => {
  test('a valid collection loads without warnings', async () => {
    const collection = { type: 'FeatureCollection', features: [polygonFeature([square])] }
    const requested = stubFetch({ 'g/towns.geojson': { body: JSON.stringify(collection) } })
    expect(await loadGeoJsonEntry(entry('towns.geojson'), 'g/')).toEqual({
      ok: true,
      value: collection,
      warnings: [],
    })
    expect(requested).toEqual(['g/towns.geojson'])
  })

  test('checked against 金华市: data elsewhere is refused with the file, feature and field', async () => {
    const beijing = [
      [116.4, 39.9],
      [116.5, 39.9],
      [116.5, 40],
      [116.4, 39.9],
    ]
    const collection = { type: 'FeatureCollection', features: [polygonFeature([square]), polygonFeature([beijing])] }
    stubFetch({ '/geo/towns.geojson': { body: JSON.stringify(collection) } })
    const result = await loadGeoJsonEntry(entry('towns.geojson'))
    expect(result).toEqual({
      ok: false,
      error:
        'towns.geojson, feature 1, geometry.coordinates[0][0]: found [116.4, 39.9]; ' +
        'expected inside 119, 28.4, 120.9, 29.8 (金华市)',
    })
  })

  test('at most five errors are listed', async () => {
    const features = Array.from({ length: 7 }, () => ({ type: 'Feature', properties: {}, geometry: null }))
    stubFetch({ 'g/x.geojson': { body: JSON.stringify({ type: 'FeatureCollection', features }) } })
    const result = await loadGeoJsonEntry(entry('x.geojson'), 'g/')
    expect(result.ok).toBe(false)
    const lines = (!result.ok && result.error.split('\n')) || []
    expect(lines).toHaveLength(5)
    expect(lines[4]).toBe('x.geojson, feature 4, geometry: geometry is null; expected a geometry')
  })

  test('only the bounding box is enforced: a clockwise ring loads', async () => {
    // The winding rule is the build's (scripts/build-geo.ts), not the loader's.
    const collection = { type: 'FeatureCollection', features: [polygonFeature([[...square].reverse()])] }
    stubFetch({ 'g/cw.geojson': { body: JSON.stringify(collection) } })
    expect(await loadGeoJsonEntry(entry('cw.geojson'), 'g/')).toEqual({ ok: true, value: collection, warnings: [] })
  })

  test("the layer's rules: geometry types, the key as a unique id, required properties", async () => {
    const features = [
      { ...polygonFeature([square]), properties: { code: 'a', name: 'A' } },
      { type: 'Feature', properties: { code: 'a' }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } },
    ]
    stubFetch({ 'g/towns.geojson': { body: JSON.stringify({ type: 'FeatureCollection', features }) } })
    const rules = { key: 'code', geometryTypes: ['Polygon', 'MultiPolygon'] as const, requiredProperties: ['name'] }
    expect(await loadGeoJsonEntry(entry('towns.geojson'), 'g/', rules)).toEqual({
      ok: false,
      error: [
        'towns.geojson, feature 1, geometry.type: found Point; expected Polygon or MultiPolygon',
        'towns.geojson, feature 1, properties.name: missing; expected a value for "name"',
        'towns.geojson, feature 1, properties.code: duplicate id "a" (first at feature 0)',
      ].join('\n'),
    })
    // Without rules the same file passes: only the bounding box applies.
    expect((await loadGeoJsonEntry(entry('towns.geojson'), 'g/')).ok).toBe(true)
  })

  test('fetch problems are reported as for the manifest, named by the entry file', async () => {
    stubFetch({ 'g/towns.geojson': { status: 500, statusText: 'Server Error' } })
    expect(await loadGeoJsonEntry(entry('towns.geojson'), 'g/')).toEqual({
      ok: false,
      error: 'towns.geojson: HTTP 500 Server Error',
    })
  })
})

describe('loadJsonEntry', () => {
  test('any JSON value, unchecked', async () => {
    const requested = stubFetch({ 'j/report.json': { body: '[1, 2]' }, '/geo/report.json': { body: '{"a": 1}' } })
    expect(await loadJsonEntry(entry('report.json'), 'j/')).toEqual({ ok: true, value: [1, 2], warnings: [] })
    expect(await loadJsonEntry(entry('report.json'))).toEqual({ ok: true, value: { a: 1 }, warnings: [] })
    expect(requested).toEqual(['j/report.json', '/geo/report.json'])
  })
})
