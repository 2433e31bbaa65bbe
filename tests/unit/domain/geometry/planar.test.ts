/**
 * Plane geometry of our own (planar.ts) against the rules it writes out, and against turf's
 * booleanPointInPolygon and booleanIntersects on the project's own data: every feature of every
 * built layer against every township, and points sown over the district, must agree.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { booleanIntersects, booleanPointInPolygon } from '@turf/turf'
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { boxOf, pointInArea, touchesArea } from '../../../../src/domain/geometry/planar'

const square = (x0: number, y0: number, size: number): Position[] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
]
/** A 4 × 4 square with a 2 × 2 hole in its middle. */
const holed: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] }
const unit: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 1)] }
const twoSquares: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] }
const line = (...positions: Position[]): Geometry => ({ type: 'LineString', coordinates: positions })

describe('boxOf', () => {
  it('spans every position of any geometry, collections included', () => {
    expect(boxOf({ type: 'Point', coordinates: [2, 3] })).toEqual([2, 3, 2, 3])
    expect(boxOf(holed)).toEqual([0, 0, 4, 4])
    expect(boxOf(twoSquares)).toEqual([0, 0, 6, 6])
    expect(
      boxOf({
        type: 'MultiLineString',
        coordinates: [
          [
            [-1, 2],
            [3, -4],
          ],
          [[0, 9]],
        ],
      }),
    ).toEqual([-1, -4, 3, 9])
    expect(
      boxOf({
        type: 'GeometryCollection',
        geometries: [
          {
            type: 'MultiPoint',
            coordinates: [
              [1, 1],
              [-2, 5],
            ],
          },
          { type: 'Point', coordinates: [7, -1] },
        ],
      }),
    ).toEqual([-2, -1, 7, 5])
  })

  it('reads the coordinates, not a bbox member, and is empty (infinite) for no positions', () => {
    const stale = {
      type: 'LineString',
      coordinates: [
        [0, 0],
        [1, 1],
      ],
      bbox: [5, 5, 6, 6],
    } as Geometry
    expect(boxOf(stale)).toEqual([0, 0, 1, 1])
    expect(boxOf({ type: 'GeometryCollection', geometries: [] })).toEqual([Infinity, Infinity, -Infinity, -Infinity])
  })
})

describe('pointInArea', () => {
  it('inside, outside, on an edge or a vertex', () => {
    expect(pointInArea([0.5, 0.5], unit)).toBe(true)
    expect(pointInArea([1.5, 0.5], unit)).toBe(false)
    expect(pointInArea([-0.5, 0.5], unit)).toBe(false)
    expect(pointInArea([0.5, 1.5], unit)).toBe(false)
    expect(pointInArea([1, 0.5], unit)).toBe(true)
    expect(pointInArea([0.5, 0], unit)).toBe(true)
    expect(pointInArea([1, 1], unit)).toBe(true)
    expect(pointInArea([0, 0], unit)).toBe(true)
    // On the edge's line but past its end: out.
    expect(pointInArea([1, 1.5], unit)).toBe(false)
    expect(pointInArea([2, 0], unit)).toBe(false)
  })

  it('a hole is out, its edge in', () => {
    expect(pointInArea([2, 2], holed)).toBe(false)
    expect(pointInArea([0.5, 2], holed)).toBe(true)
    expect(pointInArea([1, 2], holed)).toBe(true)
    expect(pointInArea([3, 3], holed)).toBe(true)
  })

  it('any polygon of a multipolygon; none for an empty one', () => {
    expect(pointInArea([5.5, 5.5], twoSquares)).toBe(true)
    expect(pointInArea([3, 3], twoSquares)).toBe(false)
    expect(pointInArea([0, 0], { type: 'Polygon', coordinates: [] })).toBe(false)
  })

  it('a ray through a vertex counts one crossing (half-open rule)', () => {
    const diamond: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, -1],
          [4, 0],
          [2, 1],
          [0, 0],
        ],
      ],
    }
    expect(pointInArea([1, 0], diamond)).toBe(true)
    expect(pointInArea([-1, 0], diamond)).toBe(false)
    expect(pointInArea([5, 0], diamond)).toBe(false)
    expect(pointInArea([2, 1], diamond)).toBe(true)
    expect(pointInArea([1, 0.9], diamond)).toBe(false)
  })
})

describe('touchesArea', () => {
  it('points and multipoints by pointInArea', () => {
    expect(touchesArea({ type: 'Point', coordinates: [0.5, 0.5] }, unit)).toBe(true)
    expect(touchesArea({ type: 'Point', coordinates: [2, 2] }, unit)).toBe(false)
    expect(
      touchesArea(
        {
          type: 'MultiPoint',
          coordinates: [
            [3, 3],
            [1, 1],
          ],
        },
        unit,
      ),
    ).toBe(true)
    expect(touchesArea({ type: 'MultiPoint', coordinates: [[3, 3]] }, unit)).toBe(false)
  })

  it('a line inside, crossing with no vertex inside, touching an edge or a vertex; not one beside it', () => {
    expect(touchesArea(line([0.2, 0.2], [0.4, 0.4]), unit)).toBe(true)
    expect(touchesArea(line([-1, 0.5], [2, 0.5]), unit)).toBe(true)
    expect(touchesArea(line([1, -1], [2, 0.5], [1, 2]), unit)).toBe(false)
    expect(touchesArea(line([1, 0.2], [1.5, 0.2]), unit)).toBe(true)
    expect(touchesArea(line([2, -1], [0, 1]), { type: 'Polygon', coordinates: [square(0, 0, 1)] })).toBe(true)
    expect(touchesArea(line([1.5, 0.5], [0.5, 1.5]), unit)).toBe(true)
    expect(touchesArea(line([1.6, 0.5], [0.6, 1.5]), unit)).toBe(false)
    expect(touchesArea(line([2, 2], [3, 3]), unit)).toBe(false)
  })

  it('a line along an edge between its vertices touches it (turf skips collinear edges)', () => {
    expect(touchesArea(line([1, -1], [1, 2]), unit)).toBe(true)
  })

  it('a line inside the hole does not touch; one crossing the hole ring does', () => {
    expect(touchesArea(line([1.5, 1.5], [2.5, 2.5]), holed)).toBe(false)
    expect(touchesArea(line([1.5, 1.5], [2.5, 3.5]), holed)).toBe(true)
  })

  it('multilines, areas overlapping, containing or contained, multipolygons and collections', () => {
    expect(
      touchesArea(
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [5, 5],
              [6, 6],
            ],
            [
              [0.5, -1],
              [0.5, 2],
            ],
          ],
        },
        unit,
      ),
    ).toBe(true)
    expect(touchesArea({ type: 'Polygon', coordinates: [square(0.5, 0.5, 1)] }, unit)).toBe(true)
    expect(touchesArea({ type: 'Polygon', coordinates: [square(-1, -1, 3)] }, unit)).toBe(true)
    expect(touchesArea({ type: 'Polygon', coordinates: [square(0.25, 0.25, 0.5)] }, unit)).toBe(true)
    expect(touchesArea({ type: 'Polygon', coordinates: [square(1, 0, 1)] }, unit)).toBe(true)
    expect(touchesArea({ type: 'Polygon', coordinates: [square(2, 2, 1)] }, unit)).toBe(false)
    expect(touchesArea({ type: 'Polygon', coordinates: [square(1.25, 1.25, 1.5)] }, holed)).toBe(false)
    expect(touchesArea(twoSquares, { type: 'Polygon', coordinates: [square(5.5, 5.5, 2)] })).toBe(true)
    expect(touchesArea({ type: 'Polygon', coordinates: [square(-2, -2, 1)] }, twoSquares)).toBe(false)
    expect(
      touchesArea(
        { type: 'GeometryCollection', geometries: [line([5, 5], [6, 6]), { type: 'Point', coordinates: [1, 1] }] },
        unit,
      ),
    ).toBe(true)
    expect(touchesArea({ type: 'GeometryCollection', geometries: [] }, unit)).toBe(false)
  })
})

describe('the same answers as turf on the project data', () => {
  const geo = resolve(import.meta.dirname, '../../../../public/geo')
  const read = (file: string) => JSON.parse(readFileSync(resolve(geo, file), 'utf8')) as FeatureCollection
  const towns = read('towns.geojson').features.map((f) => f.geometry as Polygon | MultiPolygon)
  const layers = readdirSync(geo).filter((file) => file.endsWith('.geojson'))

  it('every feature of every built layer against every township', () => {
    let compared = 0
    const differ: string[] = []
    for (const file of layers)
      for (const [i, feature] of read(file).features.entries()) {
        if (!feature.geometry) continue
        for (const [t, town] of towns.entries()) {
          compared++
          if (touchesArea(feature.geometry, town) !== booleanIntersects(feature.geometry, town))
            differ.push(`${file} #${i} × town ${t}`)
        }
      }
    expect(differ).toEqual([])
    expect(compared).toBeGreaterThan(10_000)
  })

  it('points sown over the district, and the towns’ own vertices', () => {
    const [west, south, east, north] = boxOf({ type: 'GeometryCollection', geometries: towns })
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const points: Position[] = Array.from({ length: 4000 }, () => [
      west + (east - west) * random(),
      south + (north - south) * random(),
    ])
    for (const town of towns.slice(0, 3))
      points.push(...(town.type === 'Polygon' ? town.coordinates[0]! : town.coordinates[0]![0]!))
    const differ = points.flatMap((point) =>
      towns.flatMap((town, t) =>
        pointInArea(point, town) === booleanPointInPolygon(point, town) ? [] : [`${point.join(',')} × town ${t}`],
      ),
    )
    expect(differ).toEqual([])
  })
})
