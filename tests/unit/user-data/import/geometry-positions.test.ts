// Walking and rebuilding the positions of every geometry type: in order, stopping when asked, also inside a part.
import type { Geometry, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { everyPosition, firstPosition, mapPositions } from '../../../../src/user-data/import/geometry-positions'

describe('geometry-positions', () => {
  const geometries: Geometry[] = [
    { type: 'Point', coordinates: [1, 2] },
    {
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    },
    {
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    },
    { type: 'MultiLineString', coordinates: [[[1, 2]], [[3, 4]]] },
    { type: 'Polygon', coordinates: [[[1, 2]], [[3, 4]]] },
    { type: 'MultiPolygon', coordinates: [[[[1, 2]]], [[[3, 4]]]] },
    {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        { type: 'LineString', coordinates: [[3, 4]] },
      ],
    },
  ]
  const walk = (geometry: Geometry, stopAfter = Infinity) => {
    const seen: Position[] = []
    const finished = everyPosition(geometry, (position) => {
      seen.push(position)
      return seen.length < stopAfter
    })
    return { seen, finished }
  }

  test.each(geometries.map((geometry) => [geometry.type, geometry] as const))(
    '%s: every position in order, stopping when asked',
    (type, geometry) => {
      const all = walk(geometry)
      expect(all.seen).toEqual(
        type === 'Point'
          ? [[1, 2]]
          : [
              [1, 2],
              [3, 4],
            ],
      )
      expect(all.finished).toBe(true)
      const first = walk(geometry, 1)
      expect(first).toEqual({ seen: [[1, 2]], finished: false })
      expect(firstPosition(geometry)).toEqual([1, 2])
    },
  )

  test.each(geometries.map((geometry) => [geometry.type, geometry] as const))(
    '%s: mapPositions rebuilds the same shape with converted positions',
    (_, geometry) => {
      const before = JSON.stringify(geometry)
      const mapped = mapPositions(geometry, ([x, y]) => [x! * 10, y! * 10])
      expect(JSON.stringify(mapped)).toBe(before.replace(/\d+/g, (digit) => String(Number(digit) * 10)))
      expect(JSON.stringify(geometry)).toBe(before)
    },
  )

  test('an empty geometry has no first position', () => {
    expect(firstPosition({ type: 'LineString', coordinates: [] })).toBeNull()
    expect(firstPosition({ type: 'GeometryCollection', geometries: [] })).toBeNull()
  })
})

describe('everyPosition stops inside a part', () => {
  const twoEach: Geometry[] = [
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 1],
          [2, 2],
        ],
        [
          [3, 3],
          [4, 4],
        ],
      ],
    },
    {
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 2],
        ],
        [
          [3, 3],
          [4, 4],
        ],
      ],
    },
    {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [1, 1],
            [2, 2],
          ],
          [
            [3, 3],
            [4, 4],
          ],
        ],
      ],
    },
  ]
  test.each(twoEach.map((geometry) => [geometry.type, geometry] as const))('%s', (_, geometry) => {
    const seen: Position[] = []
    expect(everyPosition(geometry, (position) => seen.push(position) < 1)).toBe(false)
    expect(seen).toEqual([[1, 1]])
  })
})
