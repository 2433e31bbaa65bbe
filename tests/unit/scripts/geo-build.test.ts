/**
 * public/geo is what scripts/build-geo.ts makes from seeds/, byte for byte, and every file in it
 * is valid, inside Jinhua, and as accurate as the sources allow.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { area, booleanPointInPolygon } from '@turf/turf'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import { afterAll, describe, expect, test } from 'vitest'
import { buildGeo, collectOutputs } from '../../../scripts/build-geo'
import { checkFeatureCollection, JINHUA_BBOX } from '../../../src/domain/geometry/geojson-checks'
import { parseManifest, type Manifest } from '../../../src/domain/manifest'
import { LAYER_SPECS } from '../../../src/layers/registry'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const committed = join(root, 'public/geo')
const readCommitted = <T>(file: string) => JSON.parse(readFileSync(join(committed, file), 'utf8')) as T
const manifest = readCommitted<Manifest>('manifest.json')

describe('freshness', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'jindong-geo-'))
  afterAll(() => rmSync(fresh, { recursive: true, force: true }))

  test('rebuilding from seeds/ gives exactly the committed public/geo (run `npm run geo` if not)', () => {
    buildGeo(join(root, 'seeds'), fresh, LAYER_SPECS)
    const freshFiles = readdirSync(fresh).sort()
    expect(readdirSync(committed).sort()).toEqual(freshFiles)
    for (const file of freshFiles) {
      expect(readFileSync(join(committed, file), 'utf8'), `public/geo/${file} is stale`).toBe(
        readFileSync(join(fresh, file), 'utf8'),
      )
    }
  })
})

describe('manifest', () => {
  test('parses, and lists every file with its count, size and provenance', () => {
    expect(parseManifest(manifest).errors).toEqual([])
    const files = readdirSync(committed)
      .filter((f) => f !== 'manifest.json')
      .sort()
    expect(manifest.entries.map((e) => e.file).sort()).toEqual(files)
    for (const entry of manifest.entries) {
      const text = readFileSync(join(committed, entry.file), 'utf8')
      expect(entry.bytes).toBe(Buffer.byteLength(text))
      if (entry.kind === 'geojson')
        expect(entry.featureCount).toBe((JSON.parse(text) as FeatureCollection).features.length)
      expect(['official', 'open-data', 'approximate', 'sample']).toContain(entry.provenance)
      if (entry.provenance === 'approximate' || entry.provenance === 'sample')
        expect(entry.caveat?.zh, entry.id).toBeTruthy()
      expect(entry.source, entry.id).toBeTruthy()
      expect(entry.licence, entry.id).toBeTruthy()
    }
  })

  test('names at least the district, counties, towns and rivers', () => {
    for (const id of ['district', 'counties', 'towns', 'rivers', 'seats'])
      expect(
        manifest.entries.some((e) => e.id === id),
        id,
      ).toBe(true)
  })
})

describe('validation of every built layer', () => {
  const { features } = collectOutputs(join(root, 'seeds'))
  test('every built layer has a spec, and every spec with a builder is built', () => {
    expect(Object.keys(features).sort()).toEqual(LAYER_SPECS.map((s) => s.id).sort())
  })
  test.each(LAYER_SPECS.map((spec) => [spec.id, spec] as const))(
    '%s passes geojson-validation and the rules its spec declares',
    (id, spec) => {
      const file = `${id}.geojson`
      const rules = {
        source: file,
        bbox: JINHUA_BBOX,
        geometryTypes: spec.data.geometryTypes,
        idProperty: spec.data.key,
        requiredProperties: spec.data.requiredProperties,
        requireRightHandWinding: spec.data.requireRightHandWinding,
      }
      expect(checkFeatureCollection(readCommitted(file), rules)).toEqual([])
    },
  )
})

describe('geography', () => {
  const district = readCommitted<FeatureCollection<Polygon | MultiPolygon>>('district.geojson').features[0]!
  const towns = readCommitted<FeatureCollection<Polygon | MultiPolygon>>('towns.geojson').features
  const seats = readCommitted<FeatureCollection<Point>>('seats.geojson').features

  test('the district outline is within 1% of the official 661.8 km²', () => {
    const km2 = area(district) / 1e6
    expect(Math.abs(km2 - 661.8) / 661.8).toBeLessThan(0.01)
  })

  test('has the 11 townships, approximate, each containing its own seat, tiling the district', () => {
    expect(towns.map((t) => t.properties?.name).sort()).toEqual(
      [
        '多湖街道',
        '东孝街道',
        '孝顺镇',
        '傅村镇',
        '曹宅镇',
        '澧浦镇',
        '岭下镇',
        '江东镇',
        '塘雅镇',
        '赤松镇',
        '源东乡',
      ].sort(),
    )
    for (const town of towns) {
      expect(town.properties?.approximate).toBe(true)
      const seat = seats.find((s) => s.properties?.code === town.properties?.code) as Feature<Point>
      expect(booleanPointInPolygon(seat, town), String(town.properties?.name)).toBe(true)
    }
    const sum = towns.reduce((total, t) => total + area(t), 0)
    expect(Math.abs(sum - area(district)) / area(district)).toBeLessThan(0.001)
  })

  test('names the three rivers the district lies on', () => {
    const names = new Set(readCommitted<FeatureCollection>('rivers.geojson').features.map((f) => f.properties?.name))
    for (const name of ['义乌江', '武义江', '金华江']) expect(names.has(name), name).toBe(true)
  })

  test('keeps every coordinate inside the Jinhua box', () => {
    for (const entry of manifest.entries.filter((e) => e.kind === 'geojson')) {
      const [w, s, e, n] = entry.bbox!
      expect(w).toBeGreaterThanOrEqual(JINHUA_BBOX[0])
      expect(s).toBeGreaterThanOrEqual(JINHUA_BBOX[1])
      expect(e).toBeLessThanOrEqual(JINHUA_BBOX[2])
      expect(n).toBeLessThanOrEqual(JINHUA_BBOX[3])
    }
  })
})
