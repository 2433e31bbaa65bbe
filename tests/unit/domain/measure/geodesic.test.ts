/**
 * Geodesic lengths and areas against references computed without GeographicLib: Karney's own
 * published example, Vincenty's inverse formula written out here, and the closed-form area of a
 * latitude/longitude quadrangle on the ellipsoid.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { geodesicAreaSquareMetres, geodesicLengthMetres } from '../../../../src/domain/measure/geodesic'

const A = 6_378_137
const F = 1 / 298.257223563
const B = A * (1 - F)
const E2 = F * (2 - F)
const rad = (degrees: number) => (degrees * Math.PI) / 180

/** Vincenty (1975) inverse on WGS84, metres; fine for the short, non-antipodal lines used here. */
function vincenty([lng1, lat1]: Position, [lng2, lat2]: Position): number {
  const L = rad(lng2! - lng1!)
  const U1 = Math.atan((1 - F) * Math.tan(rad(lat1!)))
  const U2 = Math.atan((1 - F) * Math.tan(rad(lat2!)))
  const [sinU1, cosU1, sinU2, cosU2] = [Math.sin(U1), Math.cos(U1), Math.sin(U2), Math.cos(U2)]
  let lambda = L
  let sigma = 0
  let sinSigma = 0
  let cosSigma = 0
  let cos2Alpha = 0
  let cos2SigmaM = 0
  for (let i = 0; i < 200; i++) {
    const sinLambda = Math.sin(lambda)
    const cosLambda = Math.cos(lambda)
    sinSigma = Math.hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda)
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
    sigma = Math.atan2(sinSigma, cosSigma)
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma
    cos2Alpha = 1 - sinAlpha * sinAlpha
    cos2SigmaM = cosSigma - (2 * sinU1 * sinU2) / cos2Alpha
    const C = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha))
    const previous = lambda
    lambda =
      L +
      (1 - C) * F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
    if (Math.abs(lambda - previous) < 1e-13) break
  }
  const u2 = (cos2Alpha * (A * A - B * B)) / (B * B)
  const bigA = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)))
  const bigB = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)))
  const deltaSigma =
    bigB *
    sinSigma *
    (cos2SigmaM +
      (bigB / 4) *
        (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
          (bigB / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
  return B * bigA * (sigma - deltaSigma)
}

/**
 * The area between two parallels and two meridians on the ellipsoid (Snyder, Map Projections: A
 * Working Manual, eq. 3-12): a²(1−e²)Δλ/2 · [q(φ2) − q(φ1)]. A geodesic polygon's east-west edges
 * bow slightly poleward of the parallels; over 0.01° both edges bow alike and the difference is
 * below 1e-7 of the area.
 */
function quadrangleArea(west: number, south: number, east: number, north: number): number {
  const e = Math.sqrt(E2)
  const q = (lat: number) => {
    const s = Math.sin(rad(lat))
    return s / (1 - E2 * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s))
  }
  return ((A * A * (1 - E2) * rad(east - west)) / 2) * (q(north) - q(south))
}

/** A counter-clockwise [lng, lat] ring (RFC 7946's outer winding). */
function ring(west: number, south: number, size: number): Position[] {
  return [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ]
}

const relative = (actual: number, expected: number) => Math.abs(actual - expected) / expected

describe('geodesicLengthMetres', () => {
  test("Karney's published example: Wellington (41.32°S, 174.81°E) to Salamanca (40.96°N, 5.50°W)", () => {
    // GeographicLib's JavaScript documentation prints "The distance is 19959679.267 m."
    const metres = geodesicLengthMetres([
      [174.81, -41.32],
      [-5.5, 40.96],
    ])
    expect(metres.toFixed(3)).toBe('19959679.267')
  })

  test('segments across 金东区 agree with Vincenty within 1e-9 (GeoJSON order: [lng, lat])', () => {
    const path: Position[] = [
      [119.65, 29.0],
      [119.95, 29.3],
      [119.7, 29.31],
      [119.7, 29.05],
    ]
    const expected = vincenty(path[0]!, path[1]!) + vincenty(path[1]!, path[2]!) + vincenty(path[2]!, path[3]!)
    expect(relative(geodesicLengthMetres(path), expected)).toBeLessThan(1e-9)
    // 0.26° of latitude along a meridian is about 28.8 km.
    expect(geodesicLengthMetres(path.slice(2))).toBeCloseTo(vincenty(path[2]!, path[3]!), 4)
    expect(geodesicLengthMetres(path.slice(2))).toBeGreaterThan(28_700)
    expect(geodesicLengthMetres(path.slice(2))).toBeLessThan(28_900)
  })

  test('fewer than two positions have no length; a closed ring gives its perimeter', () => {
    expect(geodesicLengthMetres([])).toBe(0)
    expect(geodesicLengthMetres([[119.7, 29.1]])).toBe(0)
    const square = ring(119.7, 29.1, 0.01)
    const sides = [0, 1, 2, 3].map((i) => vincenty(square[i]!, square[i + 1]!))
    expect(relative(geodesicLengthMetres(square), sides[0]! + sides[1]! + sides[2]! + sides[3]!)).toBeLessThan(1e-9)
  })
})

describe('geodesicAreaSquareMetres', () => {
  const outer = ring(119.7, 29.1, 0.02)
  const hole = ring(119.705, 29.105, 0.01)
  const expectedOuter = quadrangleArea(119.7, 29.1, 119.72, 29.12)
  const expectedHole = quadrangleArea(119.705, 29.105, 119.715, 29.115)

  test('a 0.01° square at 29.1°N: the ellipsoidal quadrangle area within 1e-6 (about 1.08 km²)', () => {
    const square: Polygon = { type: 'Polygon', coordinates: [ring(119.7, 29.1, 0.01)] }
    const expected = quadrangleArea(119.7, 29.1, 119.71, 29.11)
    expect(expected).toBeGreaterThan(1_075_000)
    expect(expected).toBeLessThan(1_082_000)
    expect(relative(geodesicAreaSquareMetres(square), expected)).toBeLessThan(1e-6)
  })

  test('positive whatever the winding, closed or not', () => {
    const clockwise: Polygon = { type: 'Polygon', coordinates: [[...outer].reverse()] }
    const open: Polygon = { type: 'Polygon', coordinates: [outer.slice(0, 4)] }
    expect(relative(geodesicAreaSquareMetres(clockwise), expectedOuter)).toBeLessThan(1e-6)
    expect(relative(geodesicAreaSquareMetres(open), expectedOuter)).toBeLessThan(1e-6)
  })

  test('a hole is subtracted, whichever way it is wound', () => {
    const expected = expectedOuter - expectedHole
    const clockwiseHole: Polygon = { type: 'Polygon', coordinates: [outer, [...hole].reverse()] }
    const sameWayHole: Polygon = { type: 'Polygon', coordinates: [outer, hole] }
    expect(relative(geodesicAreaSquareMetres(clockwiseHole), expected)).toBeLessThan(1e-6)
    expect(relative(geodesicAreaSquareMetres(sameWayHole), expected)).toBeLessThan(1e-6)
  })

  test('a MultiPolygon adds its parts; degenerate rings have no area', () => {
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [[outer, hole], [ring(119.75, 29.1, 0.01)]] }
    const expected = expectedOuter - expectedHole + quadrangleArea(119.75, 29.1, 119.76, 29.11)
    expect(relative(geodesicAreaSquareMetres(multi), expected)).toBeLessThan(1e-6)
    const line: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [119.7, 29.1],
          [119.71, 29.1],
          [119.7, 29.1],
        ],
      ],
    }
    expect(geodesicAreaSquareMetres(line)).toBe(0)
  })
})
