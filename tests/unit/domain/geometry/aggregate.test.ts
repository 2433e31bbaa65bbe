import { describe, expect, it, vi } from 'vitest'
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import {
  countInTowns,
  countInTown,
  featuresInTown,
  monthlyCountsInTowns,
  townAreasFrom,
  townOfPoints,
  type TownArea,
} from '../../../../src/domain/geometry/aggregate'

/**
 * Fixture near 金东区 (119.7E 29.1N), 0.02° squares:
 *
 *   29.14 ┌──C1──┐
 *         │  C   │
 *   29.12 ├──────┼──────┐      ┌──C2──┐
 *         │  A   │  B   │ gap  │  C   │
 *   29.10 └──────┴──────┘      └──────┘
 *       119.70 119.72 119.74 119.76 119.78
 *
 * A and B share the edge lng = 119.72; C is a MultiPolygon of two parts, C1 touching A's north edge
 * and C2 east of a gap whose points lie in C's bounding box but not in C.
 */
function square(west: number, south: number, size = 0.02): Position[][] {
  const east = west + size
  const north = south + size
  return [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ]
}

const polygonA: Polygon = { type: 'Polygon', coordinates: square(119.7, 29.1) }
const polygonB: Polygon = { type: 'Polygon', coordinates: square(119.72, 29.1) }
const multiC: MultiPolygon = { type: 'MultiPolygon', coordinates: [square(119.7, 29.12), square(119.76, 29.1)] }

const townA: TownArea = { code: 'A', name: '甲镇', geometry: polygonA }
const townB: TownArea = { code: 'B', name: '乙镇', geometry: polygonB }
const townC: TownArea = { code: 'C', name: '丙乡', geometry: multiC }
const towns: TownArea[] = [townA, townB, townC]

function feature(geometry: Geometry | null, properties: Record<string, unknown> = {}): Feature {
  return { type: 'Feature', geometry: geometry as Geometry, properties }
}

function point(lng: number, lat: number, properties: Record<string, unknown> = {}): Feature {
  return feature({ type: 'Point', coordinates: [lng, lat] }, properties)
}

function collection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features }
}

describe('townAreasFrom', () => {
  it('takes code, name and geometry from each town feature', () => {
    const towns = townAreasFrom(
      collection([
        feature(polygonA, { code: 'A', name: '甲镇', area_km2: 4 }),
        feature(multiC, { code: 330703200, name: '源东乡' }),
      ]),
    )
    expect(towns).toEqual([
      { code: 'A', name: '甲镇', geometry: polygonA },
      { code: '330703200', name: '源东乡', geometry: multiC },
    ])
  })

  it('skips features without a code, a name or an areal geometry', () => {
    const towns = townAreasFrom(
      collection([
        feature(polygonA, { name: '无代码' }),
        feature(polygonA, { code: 'X', name: '' }),
        feature(polygonA, { code: '', name: '空代码' }),
        feature(null, { code: 'Y', name: '无几何' }),
        { type: 'Feature', geometry: polygonA, properties: null },
        point(119.71, 29.11, { code: 'P', name: '点' }),
        feature(polygonB, { code: 'B', name: '乙镇' }),
      ]),
    )
    expect(towns.map((town) => town.code)).toEqual(['B'])
  })

  const town = (properties: Record<string, unknown> | null, geometry: Geometry | null = westTown.geometry) =>
    featureOf(geometry, properties)

  it('codes: trimmed strings and finite numbers', () => {
    const areas = townAreasFrom(
      collectionOf(
        town({ code: ' 330703001 ', name: '多湖' }),
        town({ code: 0, name: '零' }),
        town({ code: 12.5, name: '小数' }),
      ),
    )
    expect(areas.map((t) => t.code)).toEqual(['330703001', '0', '12.5'])
  })

  it('no code: blank strings, non-finite numbers, other types, nothing', () => {
    const areas = townAreasFrom(
      collectionOf(
        town({ code: '  ', name: 'a' }),
        town({ code: Number.NaN, name: 'b' }),
        town({ code: Infinity, name: 'c' }),
        town({ code: true, name: 'd' }),
        town({ name: 'e' }),
        town(null),
      ),
    )
    expect(areas).toEqual([])
  })

  it('names must not be blank but are kept as written; only Polygon and MultiPolygon', () => {
    const multi: Geometry = { type: 'MultiPolygon', coordinates: [unitSquare(0, 0)] }
    const areas = townAreasFrom(
      collectionOf(
        town({ code: 'a', name: ' 甲 ' }),
        town({ code: 'b', name: ' ' }),
        town({ code: 'c', name: 3 }),
        town({ code: 'd', name: 'D' }, multi),
        town({ code: 'e', name: 'E' }, { type: 'Point', coordinates: [0, 0] }),
        town({ code: 'f', name: 'F' }, null),
      ),
    )
    expect(areas).toEqual([
      { code: 'a', name: ' 甲 ', geometry: westTown.geometry },
      { code: 'd', name: 'D', geometry: multi },
    ])
  })
})

describe('townOfPoints', () => {
  it('finds the town containing each point', () => {
    const points = [
      point(119.71, 29.11), // inside A
      point(119.73, 29.11), // inside B
      point(119.71, 29.13), // inside C1
      point(119.77, 29.11), // inside C2
    ]
    expect(townOfPoints(points, towns)).toEqual(['A', 'B', 'C', 'C'])
  })

  it("gives null outside every town, including the gap inside C's bounding box", () => {
    const points = [point(119.75, 29.11), point(119.9, 29.3), point(119.73, 29.13)]
    expect(townOfPoints(points, towns)).toEqual([null, null, null])
  })

  it('gives a point on a shared edge to the first town in the list', () => {
    const onSharedEdge = point(119.72, 29.11)
    expect(townOfPoints([onSharedEdge], towns)).toEqual(['A'])
    expect(townOfPoints([onSharedEdge], [townB, townA, townC])).toEqual(['B'])
    // A point on an outer edge or corner is still in its town.
    expect(townOfPoints([point(119.7, 29.11), point(119.78, 29.12)], towns)).toEqual(['A', 'C'])
  })

  it('trusts geometry over a town_code property', () => {
    expect(townOfPoints([point(119.73, 29.11, { town_code: 'A' })], towns)).toEqual(['B'])
  })

  it('gives null for features that are not points, or have no geometry', () => {
    const line = feature({
      type: 'LineString',
      coordinates: [
        [119.71, 29.11],
        [119.715, 29.115],
      ],
    })
    expect(townOfPoints([line, feature(null), point(Number.NaN, 29.11)], towns)).toEqual([null, null, null])
  })

  it('gives null for every point when there are no towns', () => {
    expect(townOfPoints([point(119.71, 29.11)], [])).toEqual([null])
  })
})

describe('countInTowns', () => {
  const lineAcrossAB = feature(
    {
      type: 'LineString',
      coordinates: [
        [119.71, 29.105],
        [119.73, 29.105],
      ],
    },
    { kind: 'river' },
  )
  const lineInsideA = feature(
    {
      type: 'LineString',
      coordinates: [
        [119.705, 29.105],
        [119.715, 29.115],
      ],
    },
    { kind: 'river' },
  )
  const polygonOverAandC1 = feature({ type: 'Polygon', coordinates: square(119.705, 29.115, 0.01) }, { kind: 'zone' })
  const polygonInsideC2 = feature({ type: 'Polygon', coordinates: square(119.765, 29.105, 0.005) }, { kind: 'zone' })
  const multiLineBAndGap = feature(
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [119.725, 29.105],
          [119.73, 29.11],
        ],
        [
          [119.745, 29.105],
          [119.755, 29.115],
        ],
      ],
    },
    { kind: 'river' },
  )
  const fixture = collection([
    point(119.71, 29.11, { kind: 'inspection' }),
    point(119.711, 29.111, { kind: 'case' }),
    point(119.73, 29.11, { kind: 'inspection', town_code: 'A' }),
    point(119.72, 29.11, { kind: 'inspection' }), // on the A|B edge → A only
    point(119.77, 29.11, { kind: 'inspection' }),
    point(119.75, 29.11, { kind: 'inspection' }), // in the gap
    point(119.9, 29.3, { kind: 'inspection' }), // outside
    lineAcrossAB,
    lineInsideA,
    polygonOverAandC1,
    polygonInsideC2,
    multiLineBAndGap,
    feature(null, { kind: 'inspection' }),
  ])

  it('counts points once each, by containment', () => {
    const points = collection(fixture.features.filter((f) => f.geometry?.type === 'Point'))
    const counts = countInTowns(points, towns)
    expect(counts).toEqual({ A: 3, B: 1, C: 1 })
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0)
    // 7 points, 2 outside every town: each of the other 5 is counted exactly once.
    expect(total).toBe(5)
  })

  it('counts a line crossing two towns in both', () => {
    expect(countInTowns(collection([lineAcrossAB]), towns)).toEqual({ A: 1, B: 1, C: 0 })
    expect(countInTowns(collection([lineInsideA]), towns)).toEqual({ A: 1, B: 0, C: 0 })
  })

  it('counts polygons and multi-geometries in every town they intersect, MultiPolygon towns included', () => {
    expect(countInTowns(collection([polygonOverAandC1]), towns)).toEqual({ A: 1, B: 0, C: 1 })
    expect(countInTowns(collection([polygonInsideC2]), towns)).toEqual({ A: 0, B: 0, C: 1 })
    expect(countInTowns(collection([multiLineBAndGap]), towns)).toEqual({ A: 0, B: 1, C: 0 })
  })

  it('counts a polygon containing a whole town in that town', () => {
    const big = feature({ type: 'Polygon', coordinates: square(119.75, 29.09, 0.04) })
    expect(countInTowns(collection([big]), towns)).toEqual({ A: 0, B: 0, C: 1 })
  })

  it('counts MultiPoints and GeometryCollections in every town they reach', () => {
    const multiPoint = feature({
      type: 'MultiPoint',
      coordinates: [
        [119.71, 29.11],
        [119.77, 29.11],
        [119.75, 29.11],
      ],
    })
    const geometryCollection = feature({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [119.73, 29.11] },
        {
          type: 'LineString',
          coordinates: [
            [119.705, 29.13],
            [119.71, 29.135],
          ],
        },
      ],
    })
    expect(countInTowns(collection([multiPoint]), towns)).toEqual({ A: 1, B: 0, C: 1 })
    expect(countInTowns(collection([geometryCollection]), towns)).toEqual({ A: 0, B: 1, C: 1 })
  })

  it('has every town code as a key, 0 where nothing is', () => {
    expect(countInTowns(collection([]), towns)).toEqual({ A: 0, B: 0, C: 0 })
  })

  it('applies the property filter', () => {
    expect(countInTowns(fixture, towns, (p) => p.kind === 'inspection')).toEqual({ A: 2, B: 1, C: 1 })
    expect(countInTowns(fixture, towns, (p) => p.kind === 'case')).toEqual({ A: 1, B: 0, C: 0 })
    expect(countInTowns(fixture, towns, (p) => p.kind === 'river')).toEqual({ A: 2, B: 2, C: 0 })
  })

  it('passes {} to the filter for a feature with null properties', () => {
    const seen: Record<string, unknown>[] = []
    countInTowns(
      collection([{ type: 'Feature', geometry: { type: 'Point', coordinates: [119.71, 29.11] }, properties: null }]),
      towns,
      (p) => {
        seen.push(p)
        return true
      },
    )
    expect(seen).toEqual([{}])
  })

  it('follows the towns given: replaced boundaries recount', () => {
    const merged: TownArea = {
      code: 'AB',
      name: '合并',
      geometry: { type: 'Polygon', coordinates: square(119.7, 29.1, 0.04) },
    }
    const points = collection([point(119.71, 29.11), point(119.73, 29.11), point(119.72, 29.11)])
    expect(countInTowns(points, [merged])).toEqual({ AB: 3 })
  })

  it('a town listed twice under one code counts a feature once', () => {
    const again: TownArea = { ...westTown, name: 'again' }
    expect(countInTowns(collectionOf(pointAt(0.5, 0.5), lineOf([0.1, 0.1], [0.9, 0.9])), [westTown, again])).toEqual({
      W: 2,
    })
  })

  it('MultiPoints count in every town one of their positions is in', () => {
    const multi = featureOf({
      type: 'MultiPoint',
      coordinates: [
        [0.5, 0.5],
        [1.5, 0.5],
        [5, 5],
      ],
    })
    expect(countInTowns(collectionOf(multi), [westTown, eastTown])).toEqual({ W: 1, E: 1 })
    const outside = featureOf({ type: 'MultiPoint', coordinates: [[5, 5]] })
    expect(countInTowns(collectionOf(outside), [westTown, eastTown])).toEqual({ W: 0, E: 0 })
  })

  it('the filter sees the properties and decides', () => {
    const filter = vi.fn((properties: Record<string, unknown>) => properties.kind === 'case')
    const counts = countInTowns(
      collectionOf(
        pointAt(0.5, 0.5, { kind: 'case' }),
        pointAt(0.5, 0.5, { kind: 'other' }),
        lineOf([1.2, 0.5], [1.8, 0.5]),
      ),
      [westTown, eastTown],
      filter,
    )
    expect(counts).toEqual({ W: 1, E: 0 })
    expect(filter).toHaveBeenCalledTimes(3)
  })
})

describe('monthlyCountsInTowns', () => {
  it('counts points per town per month, Jan..Oct', () => {
    const points = collection([
      point(119.71, 29.11, { month: 1, kind: 'inspection' }),
      point(119.71, 29.11, { month: 1, kind: 'inspection' }),
      point(119.71, 29.11, { month: 10, kind: 'case' }),
      point(119.73, 29.11, { month: 3, kind: 'inspection' }),
      point(119.73, 29.11, { month: 11, kind: 'inspection' }), // out of the report period
      point(119.73, 29.11, { month: '3', kind: 'inspection' }), // not a number
      point(119.73, 29.11, { month: 2.5, kind: 'inspection' }),
      point(119.73, 29.11, { kind: 'inspection' }),
      point(119.9, 29.3, { month: 4, kind: 'inspection' }), // outside
      feature(
        {
          type: 'LineString',
          coordinates: [
            [119.71, 29.105],
            [119.73, 29.105],
          ],
        },
        { month: 5 },
      ),
    ])
    const counts = monthlyCountsInTowns(points, towns)
    expect(counts).toEqual({
      A: [2, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      B: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      C: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    })
    expect(monthlyCountsInTowns(points, towns, (p) => p.kind === 'inspection').A).toEqual([
      2, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ])
  })

  it('agrees with countInTowns for points with valid months', () => {
    const points = collection(
      Array.from({ length: 40 }, (_, i) =>
        point(119.7005 + (i % 8) * 0.01, 29.1005 + Math.floor(i / 8) * 0.005, { month: (i % 10) + 1 }),
      ),
    )
    const monthly = monthlyCountsInTowns(points, towns)
    const totals = countInTowns(points, towns)
    for (const town of towns) {
      expect(monthly[town.code]!.reduce((sum, n) => sum + n, 0)).toBe(totals[town.code])
      expect(monthly[town.code]).toHaveLength(10)
    }
  })

  const at = (month: unknown, lng = 0.5) => pointAt(lng, 0.5, { month })

  it('months 1 and 10 are the ends of the series', () => {
    const counts = monthlyCountsInTowns(collectionOf(at(1), at(10), at(10), at(3, 1.5)), [westTown, eastTown])
    expect(counts).toEqual({ W: [1, 0, 0, 0, 0, 0, 0, 0, 0, 2], E: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0] })
  })

  it('anything but an integer month 1..10 is skipped, and never shown to the filter', () => {
    const filter = vi.fn(() => true)
    const counts = monthlyCountsInTowns(
      collectionOf(at(0), at(11), at(2.5), at('3'), at(null), at(undefined), at(Number.NaN)),
      [westTown],
      filter,
    )
    expect(counts).toEqual({ W: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0] })
    expect(filter).not.toHaveBeenCalled()
  })

  it('only Points, only inside a town, only those the filter keeps', () => {
    const multi = featureOf({ type: 'MultiPoint', coordinates: [[0.5, 0.5]] }, { month: 1 })
    const inCollection = featureOf(
      { type: 'GeometryCollection', geometries: [pointAt(0.5, 0.5).geometry] },
      { month: 1 },
    )
    const filter = (properties: Record<string, unknown>) => properties.keep !== false
    const counts = monthlyCountsInTowns(
      collectionOf(
        multi,
        inCollection,
        featureOf(null, { month: 1 }),
        at(2, 9),
        pointAt(0.5, 0.5, { month: 4, keep: false }),
        at(5),
      ),
      [westTown],
      filter,
    )
    expect(counts).toEqual({ W: [0, 0, 0, 0, 1, 0, 0, 0, 0, 0] })
  })

  it('each town gets its own series', () => {
    const counts = monthlyCountsInTowns(collectionOf(at(2)), [westTown, eastTown])
    counts.W![0] = 99
    expect(counts.E).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
  })
})

describe('featuresInTown', () => {
  const lineAcrossAB = feature(
    {
      type: 'LineString',
      coordinates: [
        [119.71, 29.105],
        [119.73, 29.105],
      ],
    },
    { id: 'line' },
  )
  const fixture = collection([
    point(119.71, 29.11, { id: 'a' }),
    point(119.73, 29.11, { id: 'b' }),
    point(119.72, 29.11, { id: 'edge' }),
    point(119.75, 29.11, { id: 'gap' }),
    point(119.77, 29.11, { id: 'c2' }),
    lineAcrossAB,
    feature(null, { id: 'none' }),
  ])
  const ids = (features: Feature[]) => features.map((f) => f.properties?.id)

  it('lists the features in a town, a crossing line in each town it crosses', () => {
    expect(ids(featuresInTown(fixture, townA))).toEqual(['a', 'edge', 'line'])
    expect(ids(featuresInTown(fixture, townC))).toEqual(['c2'])
  })

  it('includes a point on the town edge in both neighbours', () => {
    expect(ids(featuresInTown(fixture, townB))).toEqual(['b', 'edge', 'line'])
  })

  it('returns the features themselves, not copies', () => {
    expect(featuresInTown(fixture, townA)[0]).toBe(fixture.features[0])
  })

  it('features touching or inside the town; not those elsewhere or without geometry', () => {
    const inside = pointAt(0.5, 0.5)
    const onEdge = pointAt(1, 0.5)
    const touching = lineOf([1, 0.2], [1.5, 0.2])
    const elsewhere = pointAt(5, 5)
    const none = featureOf(null)
    const empty = featureOf({ type: 'GeometryCollection', geometries: [] })
    expect(featuresInTown(collectionOf(inside, onEdge, touching, elsewhere, none, empty), westTown)).toEqual([
      inside,
      onEdge,
      touching,
    ])
  })
})

describe('countInTown', () => {
  const fixture = () =>
    collection([point(119.71, 29.11, { id: 'a' }), point(119.72, 29.11, { id: 'edge' }), point(119.77, 29.11, {})])

  it('counts what featuresInTown lists', () => {
    const points = fixture()
    expect(countInTown(points, townA)).toBe(featuresInTown(points, townA).length)
    expect(countInTown(points, townA)).toBe(2)
    expect(countInTown(points, townC)).toBe(1)
  })

  it('remembers the count for the same collection and town, and counts again for new ones', () => {
    const points = fixture()
    expect(countInTown(points, townA)).toBe(2)
    // Collections are replaced, never mutated: a changed array in place is not seen (the memo is used).
    points.features.push(point(119.71, 29.111, {}))
    expect(countInTown(points, townA)).toBe(2)
    expect(countInTown({ ...points, features: [...points.features] }, townA)).toBe(3)
    expect(countInTown(points, { ...townA })).toBe(3)
  })
})

/** A closed counter-clockwise square ring. */
function unitSquare(westTown: number, south: number, size = 1): Position[][] {
  return [
    [
      [westTown, south],
      [westTown + size, south],
      [westTown + size, south + size],
      [westTown, south + size],
      [westTown, south],
    ],
  ]
}

const featureOf = (geometry: Geometry | null, properties: Record<string, unknown> | null = {}): Feature => ({
  type: 'Feature',
  geometry: geometry as Geometry,
  properties,
})
const pointAt = (lng: number, lat: number, properties: Record<string, unknown> = {}) =>
  featureOf({ type: 'Point', coordinates: [lng, lat] }, properties)
const lineOf = (...coordinates: Position[]) => featureOf({ type: 'LineString', coordinates })
const collectionOf = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })

// Two unit squares side by side: W = [0, 1] × [0, 1], E = [1, 2] × [0, 1].
const westTown: TownArea = { code: 'W', name: 'West', geometry: { type: 'Polygon', coordinates: unitSquare(0, 0) } }
const eastTown: TownArea = { code: 'E', name: 'East', geometry: { type: 'Polygon', coordinates: unitSquare(1, 0) } }

describe('points on the edge of a town are in it', () => {
  it.each([
    ['west edge', 0, 0.5, 'W'],
    ['south edge', 0.5, 0, 'W'],
    ['north edge', 0.5, 1, 'W'],
    ['corner', 0, 0, 'W'],
    ['east edge, shared: the first town', 1, 0.5, 'W'],
    ['far east edge', 2, 0.5, 'E'],
  ])('%s', (_, lng, lat, code) => {
    expect(townOfPoints([pointAt(lng, lat)], [westTown, eastTown])).toEqual([code])
    expect(countInTowns(collectionOf(pointAt(lng, lat)), [westTown, eastTown])[code]).toBe(1)
  })

  it('the shared edge goes to whichever town is listed first', () => {
    expect(townOfPoints([pointAt(1, 0.5)], [eastTown, westTown])).toEqual(['E'])
  })

  it('only Points are placed: other geometries, collections included, give null', () => {
    const collectionOfPoint = featureOf({ type: 'GeometryCollection', geometries: [pointAt(0.5, 0.5).geometry] })
    const multi = featureOf({ type: 'MultiPoint', coordinates: [[0.5, 0.5]] })
    expect(townOfPoints([collectionOfPoint, multi, featureOf(null)], [westTown])).toEqual([null, null, null])
  })

  it('just outside is outside', () => {
    expect(
      townOfPoints([pointAt(-0.001, 0.5), pointAt(0.5, 1.001), pointAt(2.001, 0.5)], [westTown, eastTown]),
    ).toEqual([null, null, null])
  })
})

describe('lines touching a town from outside count in it', () => {
  it.each([
    ['from the east', [2, 0.2], [3, 0.2]],
    ['from the west', [-1, 0.5], [1, 0.5]],
    ['from the north', [1.5, 1], [1.5, 2]],
    ['from the south', [1.5, -1], [1.5, 0]],
  ] as [string, Position, Position][])('%s', (_, from, to) => {
    expect(countInTowns(collectionOf(lineOf(from, to)), [eastTown])).toEqual({ E: 1 })
  })

  it('a line that stops short does not', () => {
    expect(countInTowns(collectionOf(lineOf([2.001, 0.2], [3, 0.2])), [eastTown])).toEqual({ E: 0 })
  })
})

describe('bounding boxes are recomputed, never read from the data', () => {
  it('a stale bbox on a line does not hide it', () => {
    const stale: Geometry = {
      type: 'LineString',
      coordinates: [
        [0.2, 0.2],
        [0.8, 0.8],
      ],
      bbox: [5, 5, 6, 6],
    }
    expect(countInTowns(collectionOf(featureOf(stale)), [westTown])).toEqual({ W: 1 })
    expect(featuresInTown(collectionOf(featureOf(stale)), westTown)).toHaveLength(1)
  })
})

describe('a geometry collection with an empty part', () => {
  it('counts by the parts that have coordinates; a collection of empty parts counts nowhere', () => {
    const withEmpty = feature({
      type: 'GeometryCollection',
      geometries: [
        { type: 'MultiPoint', coordinates: [] },
        { type: 'Point', coordinates: [119.73, 29.11] },
      ],
    })
    const allEmpty = feature({ type: 'GeometryCollection', geometries: [{ type: 'MultiPoint', coordinates: [] }] })
    expect(countInTowns(collection([withEmpty]), towns)).toEqual({ A: 0, B: 1, C: 0 })
    expect(countInTowns(collection([allEmpty]), towns)).toEqual({ A: 0, B: 0, C: 0 })
    expect(featuresInTown(collection([withEmpty, allEmpty]), townB)).toEqual([withEmpty])
  })
})
