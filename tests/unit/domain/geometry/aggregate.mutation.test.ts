// Edges, bounding boxes and input rules of the per-town counts that the mutation run showed untested.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { describe, expect, test, vi } from 'vitest'
import {
  countInTowns,
  featuresInTown,
  monthlyCountsInTowns,
  townAreasFrom,
  townOfPoints,
  type TownArea,
} from '../../../../src/domain/geometry/aggregate'

/** A closed counter-clockwise square ring. */
function square(west: number, south: number, size = 1): Position[][] {
  return [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ]
}

const feature = (geometry: Geometry | null, properties: Record<string, unknown> | null = {}): Feature => ({
  type: 'Feature',
  geometry: geometry as Geometry,
  properties,
})
const point = (lng: number, lat: number, properties: Record<string, unknown> = {}) =>
  feature({ type: 'Point', coordinates: [lng, lat] }, properties)
const line = (...coordinates: Position[]) => feature({ type: 'LineString', coordinates })
const collection = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })

// Two unit squares side by side: W = [0, 1] × [0, 1], E = [1, 2] × [0, 1].
const west: TownArea = { code: 'W', name: 'West', geometry: { type: 'Polygon', coordinates: square(0, 0) } }
const east: TownArea = { code: 'E', name: 'East', geometry: { type: 'Polygon', coordinates: square(1, 0) } }

describe('points on the edge of a town are in it', () => {
  test.each([
    ['west edge', 0, 0.5, 'W'],
    ['south edge', 0.5, 0, 'W'],
    ['north edge', 0.5, 1, 'W'],
    ['corner', 0, 0, 'W'],
    ['east edge, shared: the first town', 1, 0.5, 'W'],
    ['far east edge', 2, 0.5, 'E'],
  ])('%s', (_, lng, lat, code) => {
    expect(townOfPoints([point(lng, lat)], [west, east])).toEqual([code])
    expect(countInTowns(collection(point(lng, lat)), [west, east])[code]).toBe(1)
  })

  test('the shared edge goes to whichever town is listed first', () => {
    expect(townOfPoints([point(1, 0.5)], [east, west])).toEqual(['E'])
  })

  test('only Points are placed: other geometries, collections included, give null', () => {
    const collectionOfPoint = feature({ type: 'GeometryCollection', geometries: [point(0.5, 0.5).geometry] })
    const multi = feature({ type: 'MultiPoint', coordinates: [[0.5, 0.5]] })
    expect(townOfPoints([collectionOfPoint, multi, feature(null)], [west])).toEqual([null, null, null])
  })

  test('just outside is outside', () => {
    expect(townOfPoints([point(-0.001, 0.5), point(0.5, 1.001), point(2.001, 0.5)], [west, east])).toEqual([
      null,
      null,
      null,
    ])
  })
})

describe('lines touching a town from outside count in it', () => {
  test.each([
    ['from the east', [2, 0.2], [3, 0.2]],
    ['from the west', [-1, 0.5], [1, 0.5]],
    ['from the north', [1.5, 1], [1.5, 2]],
    ['from the south', [1.5, -1], [1.5, 0]],
  ] as [string, Position, Position][])('%s', (_, from, to) => {
    expect(countInTowns(collection(line(from, to)), [east])).toEqual({ E: 1 })
  })

  test('a line that stops short does not', () => {
    expect(countInTowns(collection(line([2.001, 0.2], [3, 0.2])), [east])).toEqual({ E: 0 })
  })
})

describe('bounding boxes are recomputed, never read from the data', () => {
  test('a stale bbox on a line does not hide it', () => {
    const stale: Geometry = {
      type: 'LineString',
      coordinates: [
        [0.2, 0.2],
        [0.8, 0.8],
      ],
      bbox: [5, 5, 6, 6],
    }
    expect(countInTowns(collection(feature(stale)), [west])).toEqual({ W: 1 })
    expect(featuresInTown(collection(feature(stale)), west)).toHaveLength(1)
  })
})

describe('townAreasFrom', () => {
  const town = (properties: Record<string, unknown> | null, geometry: Geometry | null = west.geometry) =>
    feature(geometry, properties)

  test('codes: trimmed strings and finite numbers', () => {
    const towns = townAreasFrom(
      collection(
        town({ code: ' 330703001 ', name: '多湖' }),
        town({ code: 0, name: '零' }),
        town({ code: 12.5, name: '小数' }),
      ),
    )
    expect(towns.map((t) => t.code)).toEqual(['330703001', '0', '12.5'])
  })

  test('no code: blank strings, non-finite numbers, other types, nothing', () => {
    const towns = townAreasFrom(
      collection(
        town({ code: '  ', name: 'a' }),
        town({ code: Number.NaN, name: 'b' }),
        town({ code: Infinity, name: 'c' }),
        town({ code: true, name: 'd' }),
        town({ name: 'e' }),
        town(null),
      ),
    )
    expect(towns).toEqual([])
  })

  test('names must not be blank but are kept as written; only Polygon and MultiPolygon', () => {
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [square(0, 0)] }
    const towns = townAreasFrom(
      collection(
        town({ code: 'a', name: ' 甲 ' }),
        town({ code: 'b', name: ' ' }),
        town({ code: 'c', name: 3 }),
        town({ code: 'd', name: 'D' }, multi),
        town({ code: 'e', name: 'E' }, { type: 'Point', coordinates: [0, 0] }),
        town({ code: 'f', name: 'F' }, null),
      ),
    )
    expect(towns).toEqual([
      { code: 'a', name: ' 甲 ', geometry: west.geometry },
      { code: 'd', name: 'D', geometry: multi },
    ])
  })
})

describe('countInTowns', () => {
  test('a town listed twice under one code counts a feature once', () => {
    const again: TownArea = { ...west, name: 'again' }
    expect(countInTowns(collection(point(0.5, 0.5), line([0.1, 0.1], [0.9, 0.9])), [west, again])).toEqual({ W: 2 })
  })

  test('MultiPoints count in every town one of their positions is in', () => {
    const multi = feature({
      type: 'MultiPoint',
      coordinates: [
        [0.5, 0.5],
        [1.5, 0.5],
        [5, 5],
      ],
    })
    expect(countInTowns(collection(multi), [west, east])).toEqual({ W: 1, E: 1 })
    const outside = feature({ type: 'MultiPoint', coordinates: [[5, 5]] })
    expect(countInTowns(collection(outside), [west, east])).toEqual({ W: 0, E: 0 })
  })

  test('the filter sees the properties and decides', () => {
    const filter = vi.fn((properties: Record<string, unknown>) => properties.kind === 'case')
    const counts = countInTowns(
      collection(point(0.5, 0.5, { kind: 'case' }), point(0.5, 0.5, { kind: 'other' }), line([1.2, 0.5], [1.8, 0.5])),
      [west, east],
      filter,
    )
    expect(counts).toEqual({ W: 1, E: 0 })
    expect(filter).toHaveBeenCalledTimes(3)
  })
})

describe('monthlyCountsInTowns', () => {
  const at = (month: unknown, lng = 0.5) => point(lng, 0.5, { month })

  test('months 1 and 10 are the ends of the series', () => {
    const counts = monthlyCountsInTowns(collection(at(1), at(10), at(10), at(3, 1.5)), [west, east])
    expect(counts).toEqual({ W: [1, 0, 0, 0, 0, 0, 0, 0, 0, 2], E: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0] })
  })

  test('anything but an integer month 1..10 is skipped, and never shown to the filter', () => {
    const filter = vi.fn(() => true)
    const counts = monthlyCountsInTowns(
      collection(at(0), at(11), at(2.5), at('3'), at(null), at(undefined), at(Number.NaN)),
      [west],
      filter,
    )
    expect(counts).toEqual({ W: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] })
    expect(filter).not.toHaveBeenCalled()
  })

  test('only Points, only inside a town, only those the filter keeps', () => {
    const multi = feature({ type: 'MultiPoint', coordinates: [[0.5, 0.5]] }, { month: 1 })
    const inCollection = feature({ type: 'GeometryCollection', geometries: [point(0.5, 0.5).geometry] }, { month: 1 })
    const filter = (properties: Record<string, unknown>) => properties.keep !== false
    const counts = monthlyCountsInTowns(
      collection(
        multi,
        inCollection,
        feature(null, { month: 1 }),
        at(2, 9),
        point(0.5, 0.5, { month: 4, keep: false }),
        at(5),
      ),
      [west],
      filter,
    )
    expect(counts).toEqual({ W: [0, 0, 0, 0, 1, 0, 0, 0, 0, 0] })
  })

  test('each town gets its own series', () => {
    const counts = monthlyCountsInTowns(collection(at(2)), [west, east])
    counts.W![0] = 99
    expect(counts.E).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  })
})

describe('featuresInTown', () => {
  test('features touching or inside the town; not those elsewhere or without geometry', () => {
    const inside = point(0.5, 0.5)
    const onEdge = point(1, 0.5)
    const touching = line([1, 0.2], [1.5, 0.2])
    const elsewhere = point(5, 5)
    const none = feature(null)
    const empty = feature({ type: 'GeometryCollection', geometries: [] })
    expect(featuresInTown(collection(inside, onEdge, touching, elsewhere, none, empty), west)).toEqual([
      inside,
      onEdge,
      touching,
    ])
  })
})
