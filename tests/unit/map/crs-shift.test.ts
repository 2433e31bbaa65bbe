/**
 * src/map/crs-shift.ts, which shifts our WGS84 data onto GCJ-02 basemaps (高德) and map positions
 * back. The shift near 金华 is hundreds of metres, so a no-op fails; the reference values come
 * from the published WGS84 → GCJ-02 formula (the one eviltransform and coordtransform implement),
 * computed apart from gcoord. Also: the committed county outline file is what the map expects.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { area as turfArea, bboxPolygon, circle, distance } from '@turf/turf'
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import { featureCollectionToGcj02, fromDisplay, loadCrs, toDisplay } from '../../../src/map/crs-shift.ts'

beforeAll(() => loadCrs('GCJ-02'))
import { checkFeatureCollection, formatGeoIssue } from '../../../src/domain/geometry/geojson-checks.ts'

const COUNTIES_PATH = fileURLToPath(new URL('../../../seeds/geo/jinhua-counties-wgs84.geojson', import.meta.url))
const JINDONG_OFFICIAL_AREA_KM2 = 661.8

interface CountyProperties {
  adcode: string
  name: string
  name_en: string
}

/** WGS84 points across 金华市 and their GCJ-02 positions by the published formula, to 1e-7°. */
const JINHUA: readonly { name: string; wgs84: [number, number]; gcj02: [number, number] }[] = [
  { name: '金东区', wgs84: [119.7, 29.1], gcj02: [119.7047804, 29.0971365] },
  { name: '婺城区', wgs84: [119.65, 29.08], gcj02: [119.6547084, 29.077029] },
  { name: '义乌市', wgs84: [120.07, 29.31], gcj02: [120.0747344, 29.3075085] },
  { name: '兰溪市', wgs84: [119.46, 29.21], gcj02: [119.4650944, 29.2073746] },
  { name: '磐安县', wgs84: [120.45, 29.05], gcj02: [120.4544099, 29.047284] },
  { name: '武义县', wgs84: [119.82, 28.9], gcj02: [119.8246341, 28.8969417] },
]

const metres = (a: Position, b: Position) => distance(a, b, { units: 'meters' })

describe('toDisplay and fromDisplay', () => {
  it.each(JINHUA)('$name: WGS84 → GCJ-02 is the published shift, 300–700 m', ({ wgs84, gcj02 }) => {
    const shifted = toDisplay(wgs84, 'GCJ-02')
    expect(metres(shifted, gcj02)).toBeLessThan(0.1)
    expect(metres(wgs84, shifted)).toBeGreaterThan(300)
    expect(metres(wgs84, shifted)).toBeLessThan(700)
  })

  it.each(JINHUA)('$name: WGS84 → GCJ-02 → WGS84 comes back within 1 m', ({ wgs84, gcj02 }) => {
    expect(metres(fromDisplay(toDisplay(wgs84, 'GCJ-02'), 'GCJ-02'), wgs84)).toBeLessThan(1)
    expect(metres(fromDisplay(gcj02, 'GCJ-02'), wgs84)).toBeLessThan(1)
  })

  it('leave their argument untouched', () => {
    const position: [number, number] = [119.7, 29.1]
    toDisplay(position, 'GCJ-02')
    fromDisplay(position, 'GCJ-02')
    expect(position).toEqual([119.7, 29.1])
  })

  it('are the identity on a WGS84 basemap', () => {
    for (const { wgs84, gcj02 } of JINHUA) {
      expect(toDisplay(wgs84, 'WGS84')).toEqual(wgs84)
      expect(fromDisplay(gcj02, 'WGS84')).toEqual(gcj02)
    }
  })
})

/** Every position of a geometry, in order. */
function positionsOf(geometry: Geometry | null): Position[] {
  if (!geometry) return []
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates]
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat()
    case 'MultiPolygon':
      return geometry.coordinates.flat(2)
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positionsOf)
  }
}

/** A feature; `null` geometry (valid GeoJSON, as imports can hold) needs the cast in these types. */
function feature(id: string, geometry: Geometry | null): Feature {
  return { type: 'Feature', id, properties: { name: id, nested: { kept: true } }, geometry } as Feature
}

describe('featureCollectionToGcj02', () => {
  const p = (i: number, altitude?: number): Position =>
    altitude === undefined ? [119.6 + i * 0.01, 29.0 + i * 0.01] : [119.6 + i * 0.01, 29.0 + i * 0.01, altitude]
  const ring = (i: number): Position[] => [p(i), p(i + 1), p(i + 2), p(i)]
  const collection = (): FeatureCollection => ({
    type: 'FeatureCollection',
    features: [
      feature('point', { type: 'Point', coordinates: p(0, 42) }),
      feature('multipoint', { type: 'MultiPoint', coordinates: [p(1), p(2)] }),
      feature('line', { type: 'LineString', coordinates: [p(3), p(4), p(5)] }),
      feature('multiline', {
        type: 'MultiLineString',
        coordinates: [
          [p(6), p(7)],
          [p(8), p(9)],
        ],
      }),
      feature('polygon', { type: 'Polygon', coordinates: [ring(10)] }),
      feature('multipolygon', { type: 'MultiPolygon', coordinates: [[ring(13)], [ring(16), ring(17)]] }),
      feature('collection', {
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: p(20) },
          { type: 'LineString', coordinates: [p(21), p(22)] },
          { type: 'Polygon', coordinates: [ring(23)] },
        ],
      }),
      feature('no geometry', null),
    ],
  })

  it('shifts every position of every geometry type, and keeps types, ids, properties and altitude', () => {
    const input = collection()
    const output = featureCollectionToGcj02(input)
    expect(output.features).toHaveLength(input.features.length)
    output.features.forEach((shifted, i) => {
      const original = input.features[i]!
      expect(shifted.id).toBe(original.id)
      expect(shifted.properties).toEqual(original.properties)
      expect(shifted.geometry?.type).toBe(original.geometry?.type)
      const before = positionsOf(original.geometry)
      const after = positionsOf(shifted.geometry)
      expect(after, String(original.id)).toHaveLength(before.length)
      before.forEach((position, j) => {
        const expected = toDisplay([position[0]!, position[1]!], 'GCJ-02')
        expect(after[j]!.slice(0, 2), `${String(original.id)} #${j}`).toEqual(expected)
        expect(after[j]!.slice(2)).toEqual(position.slice(2))
        expect(metres(after[j]!, position)).toBeGreaterThan(300)
      })
    })
    expect(output.features[0]!.geometry).toEqual({
      type: 'Point',
      coordinates: [...toDisplay([119.6, 29.0], 'GCJ-02'), 42],
    })
    expect(output.features.at(-1)!.geometry).toBeNull()
  })

  it('leaves its input untouched, and shares no position with it', () => {
    const input = collection()
    const snapshot = structuredClone(input)
    const output = featureCollectionToGcj02(input)
    expect(input).toEqual(snapshot)
    const inputPositions = new Set(input.features.flatMap((f) => positionsOf(f.geometry)))
    for (const position of output.features.flatMap((f) => positionsOf(f.geometry))) {
      expect(inputPositions.has(position)).toBe(false)
      position[0] = 0
    }
    expect(input).toEqual(snapshot)
  })

  it('shifts a position array that appears more than once only once (turf closes rings that way)', () => {
    const shared: Position = [119.7, 29.1]
    const made = [circle([119.7, 29.1], 1, { units: 'kilometers' }), bboxPolygon([119.6, 29.0, 119.8, 29.2])]
    expect(made.every((f) => f.geometry.coordinates[0]![0] === f.geometry.coordinates[0]!.at(-1))).toBe(true)
    const input: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        ...made,
        feature('a', { type: 'Point', coordinates: shared }),
        feature('b', { type: 'Point', coordinates: shared }),
      ],
    }
    const output = featureCollectionToGcj02(input)
    const once = toDisplay([119.7, 29.1], 'GCJ-02')
    for (const f of output.features.slice(0, 2)) {
      const outer = (f.geometry as Polygon).coordinates[0]!
      expect(outer.at(-1)).toEqual(outer[0]) // still closed
    }
    const circleStart = made[0]!.geometry.coordinates[0]![0]!
    expect((output.features[0]!.geometry as Polygon).coordinates[0]![0]).toEqual(
      toDisplay([circleStart[0]!, circleStart[1]!], 'GCJ-02'),
    )
    expect((output.features[2]!.geometry as { coordinates: Position }).coordinates).toEqual(once)
    expect((output.features[3]!.geometry as { coordinates: Position }).coordinates).toEqual(once)
    expect(shared).toEqual([119.7, 29.1])
  })
})

describe('seeds/geo/jinhua-counties-wgs84.geojson', () => {
  const counties = JSON.parse(readFileSync(COUNTIES_PATH, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    CountyProperties
  >

  it('holds the 9 counties of 金华市, sorted by 6-digit adcode', () => {
    expect(counties.features).toHaveLength(9)
    const adcodes = counties.features.map((f) => f.properties.adcode)
    expect(adcodes.every((code) => /^3307\d{2}$/.test(code))).toBe(true)
    expect(adcodes).toEqual([...adcodes].sort())
  })

  it('gives 金东区 an area within 1 % of the official 661.8 km²', () => {
    const jindong = counties.features.find((f) => f.properties.adcode === '330703')
    expect(jindong?.properties.name).toBe('金东区')
    const areaKm2 = turfArea(jindong!) / 1e6
    expect(Math.abs(areaKm2 - JINDONG_OFFICIAL_AREA_KM2) / JINDONG_OFFICIAL_AREA_KM2).toBeLessThan(0.01)
  })

  it('has every ring closed', () => {
    const rings: Position[][] = counties.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
    )
    expect(rings.length).toBeGreaterThanOrEqual(9)
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4)
      expect(ring[ring.length - 1]).toEqual(ring[0])
    }
  })

  it('passes the project GeoJSON checks, right-hand winding included', () => {
    const issues = checkFeatureCollection(counties, {
      source: 'jinhua-counties-wgs84.geojson',
      requiredProperties: ['adcode', 'name', 'name_en'],
      geometryTypes: ['Polygon', 'MultiPolygon'],
      idProperty: 'adcode',
      requireRightHandWinding: true,
      bbox: [119.0, 28.4, 120.9, 29.8],
    })
    expect(issues.map(formatGeoIssue)).toEqual([])
  })
})
