/** Buffers: round, of the right size, covering what is within the distance and nothing beyond. */
import { bearing, booleanPointInPolygon, destination, midpoint } from '@turf/turf'
import type { LineString, Point, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { bufferGeometry } from '../../../../src/domain/measure/buffer'
import { geodesicAreaSquareMetres } from '../../../../src/domain/measure/geodesic'

const centre: Point = { type: 'Point', coordinates: [119.68, 29.1] }

/** The position `metres` from `from` on `bearing` (degrees from north), on turf's sphere. */
function away(from: Position, metres: number, bearing: number): Position {
  return destination(from, metres, bearing, { units: 'meters' }).geometry.coordinates
}

function ok(result: ReturnType<typeof bufferGeometry>) {
  if (!result.ok) throw new Error(result.message.en)
  return result.geometry
}

describe('bufferGeometry', () => {
  test('1 km around a point at 29.1°N: geodesic area within 1 % of π·1000² m², and round', () => {
    const circle = ok(bufferGeometry(centre, 1_000))
    expect(circle.type).toBe('Polygon')
    const area = geodesicAreaSquareMetres(circle)
    expect(Math.abs(area / (Math.PI * 1_000_000) - 1)).toBeLessThan(0.01)
    // Enough vertices that it looks round: at least 64 around.
    expect(circle.type === 'Polygon' && circle.coordinates[0]!.length).toBeGreaterThanOrEqual(64)
  })

  test('a line: points 900 m away are covered, points 1,100 m away are not', () => {
    const line: LineString = {
      type: 'LineString',
      coordinates: [
        [119.65, 29.08],
        [119.7, 29.1],
        [119.72, 29.15],
      ],
    }
    const area = ok(bufferGeometry(line, 1_000))
    // Square to each segment at its middle, on both sides; then beyond each end, along the line.
    for (let i = 1; i < line.coordinates.length; i++) {
      const [from, to] = [line.coordinates[i - 1]!, line.coordinates[i]!]
      const middle = midpoint(from, to).geometry.coordinates
      const along = bearing(from, to)
      for (const side of [-90, 90]) {
        expect(booleanPointInPolygon(away(middle, 900, along + side), area)).toBe(true)
        expect(booleanPointInPolygon(away(middle, 1_100, along + side), area)).toBe(false)
      }
    }
    const [first, second] = [line.coordinates[0]!, line.coordinates[1]!]
    const [beforeLast, last] = line.coordinates.slice(-2) as [Position, Position]
    expect(booleanPointInPolygon(away(last, 900, bearing(beforeLast, last)), area)).toBe(true)
    expect(booleanPointInPolygon(away(last, 1_100, bearing(beforeLast, last)), area)).toBe(false)
    expect(booleanPointInPolygon(away(first, 900, bearing(second, first)), area)).toBe(true)
    expect(booleanPointInPolygon(away(first, 1_100, bearing(second, first)), area)).toBe(false)
  })

  test('a GeometryCollection is buffered part by part and merged into one area', () => {
    const result = ok(
      bufferGeometry(
        {
          type: 'GeometryCollection',
          geometries: [centre, { type: 'Point', coordinates: [119.69, 29.1] }],
        },
        1_000,
      ),
    )
    // Two 1 km circles 970 m apart overlap: one polygon, smaller than two circles.
    expect(result.type).toBe('Polygon')
    expect(geodesicAreaSquareMetres(result)).toBeLessThan(2 * Math.PI * 1_000_000 * 0.9)
    expect(geodesicAreaSquareMetres(result)).toBeGreaterThan(Math.PI * 1_000_000 * 1.2)
  })

  test('a distance out of range is refused before turf is asked', () => {
    const result = bufferGeometry(centre, 1_000_000)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message.zh).toContain('50 千米')
    expect(bufferGeometry(centre, 0).ok).toBe(false)
  })

  test('a geometry without coordinates is refused with a message, not thrown', () => {
    const result = bufferGeometry({ type: 'LineString', coordinates: [] }, 100)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message.en).toContain('no usable coordinates')
    expect(bufferGeometry({ type: 'GeometryCollection', geometries: [] }, 100).ok).toBe(false)
  })
})
