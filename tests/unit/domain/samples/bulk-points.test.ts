import { describe, expect, it } from 'vitest'
import { aqi } from '../../../../src/domain/air/aqi'
import { BULK_READING_KINDS, bulkAqi, generateBulkReadings } from '../../../../src/domain/samples/bulk-points'

const bbox: [number, number, number, number] = [119.650554, 28.99314, 119.946695, 29.309385]
const centres: [number, number][] = [
  [119.68511, 29.0937],
  [119.86984, 29.17997],
]

describe('bulk readings (benchmark sample)', () => {
  const readings = generateBulkReadings({ count: 20_000, bbox, centres })

  it('is deterministic for a seed and differs between seeds', () => {
    const again = generateBulkReadings({ count: 20_000, bbox, centres })
    expect(again.positions).toEqual(readings.positions)
    expect(again.pm25).toEqual(readings.pm25)
    expect(generateBulkReadings({ count: 100, bbox, centres, seed: 1 }).positions).not.toEqual(
      readings.positions.subarray(0, 200),
    )
  })

  it('keeps every point in the box, with months 1..10, known kinds and positive values', () => {
    for (let i = 0; i < readings.count; i++) {
      const lng = readings.positions[2 * i]!,
        lat = readings.positions[2 * i + 1]!
      expect(lng >= bbox[0] && lng <= bbox[2] && lat >= bbox[1] && lat <= bbox[3]).toBe(true)
    }
    expect(Math.min(...readings.months)).toBe(1)
    expect(Math.max(...readings.months)).toBe(10)
    expect(Math.max(...readings.kinds)).toBeLessThanOrEqual(2)
    expect(Math.min(...readings.pm25, ...readings.pm10, ...readings.o3_8h)).toBeGreaterThan(0)
  })

  it('clusters around the centres', () => {
    // Within ~2 km (0.02°) of a centre: far denser than the box average.
    let near = 0
    for (let i = 0; i < readings.count; i++) {
      const lng = readings.positions[2 * i]!,
        lat = readings.positions[2 * i + 1]!
      if (centres.some(([x, y]) => Math.hypot(lng - x, lat - y) < 0.02)) near++
    }
    const nearShareOfArea = (2 * Math.PI * 0.02 ** 2) / ((bbox[2] - bbox[0]) * (bbox[3] - bbox[1]))
    expect(near / readings.count).toBeGreaterThan(5 * nearShareOfArea)
  })

  it('computes the AQI of each reading (HJ 633)', () => {
    const values = bulkAqi(generateBulkReadings({ count: 50, bbox, centres }))
    const sample = generateBulkReadings({ count: 50, bbox, centres })
    expect(values[7]).toBe(aqi({ pm25: sample.pm25[7]!, pm10: sample.pm10[7]!, o3_8h: sample.o3_8h[7]! }))
  })
})

describe('bulk readings: options, the box and the values', () => {
  const [west, south, east, north] = bbox
  /** Seats in two opposite corners of the box: three tries in four near them land outside it. */
  const corners: [number, number][] = [
    [west, south],
    [east, north],
  ]

  it('refuses a negative, fractional or infinite count, saying so', () => {
    for (const count of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => generateBulkReadings({ count, bbox, centres })).toThrow(
        new RangeError(`bulk readings: count must be a whole number >= 0, got ${count}`),
      )
    }
  })

  it('makes no readings for a count of zero', () => {
    const readings = generateBulkReadings({ count: 0, bbox, centres })
    expect(readings.count).toBe(0)
    expect([readings.positions, readings.months, readings.kinds, readings.pm25].map((a) => a.length)).toEqual([
      0, 0, 0, 0,
    ])
  })

  it('needs at least one seat, saying so, whatever the count', () => {
    for (const count of [0, 10]) {
      expect(() => generateBulkReadings({ count, bbox, centres: [] })).toThrow(
        new Error('bulk readings: need at least one centre (township seat)'),
      )
    }
  })

  // Found by the mutation tests' helper: a spread of 0 made every clustered reading NaN (0 / 0 in the nearness).
  it('refuses a cluster spread that is not a distance above 0 km, saying so', () => {
    for (const clusterSpreadKm of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => generateBulkReadings({ count: 10, bbox, centres, clusterSpreadKm })).toThrow(
        new RangeError(`bulk readings: clusterSpreadKm must be a distance > 0 km, got ${clusterSpreadKm}`),
      )
    }
  })

  it('refuses a box that is empty or inside out, naming it', () => {
    const boxes: [number, number, number, number][] = [
      [1, 0, 1, 1], // no width
      [0, 1, 1, 1], // no height
      [2, 0, 1, 1], // west and east swapped
      [0, 2, 1, 1], // south and north swapped
    ]
    for (const box of boxes) {
      expect(() => generateBulkReadings({ count: 1, bbox: box, centres: [[0.5, 0.5]] })).toThrow(
        new RangeError(`bulk readings: bbox must be [west, south, east, north], got ${box.join(', ')}`),
      )
    }
  })

  it('keeps every point within the box, edges included, even from seats in its corners', () => {
    const readings = generateBulkReadings({ count: 2000, bbox, centres: corners, clusteredShare: 1 })
    const outside: number[][] = []
    for (let i = 0; i < readings.count; i++) {
      const lng = readings.positions[2 * i]!,
        lat = readings.positions[2 * i + 1]!
      if (!(lng >= west && lng <= east && lat >= south && lat <= north)) outside.push([lng, lat])
    }
    expect(outside).toEqual([])
  })

  it('keeps a point that lands exactly on the edge of the box (the edges are inside)', () => {
    // A spread far below a float's step: every try lands exactly on its seat, here a corner.
    const readings = generateBulkReadings({
      count: 200,
      bbox,
      centres: corners,
      clusteredShare: 1,
      clusterSpreadKm: 1e-18,
    })
    for (let i = 0; i < readings.count; i++) {
      const point = [readings.positions[2 * i]!, readings.positions[2 * i + 1]!]
      expect(corners).toContainEqual(point)
    }
  })

  it('tries a point four times near its seat, then draws it over the whole box', () => {
    // From a corner seat one try in four lands inside, so (3/4)^4 ≈ 32% of the points fall back.
    // A point that fell back is a countryside point: it reads exactly as that day drawn over the box
    // (the readings come from a stream of their own, the same whatever the placement).
    const options = { count: 4000, bbox, centres: corners, seed: 5 }
    const nearSeats = generateBulkReadings({ ...options, clusteredShare: 1 })
    const overBox = generateBulkReadings({ ...options, clusteredShare: 0 })
    let fellBack = 0
    for (let i = 0; i < options.count; i++) if (nearSeats.pm25[i] === overBox.pm25[i]) fellBack++
    expect(fellBack / options.count).toBeGreaterThan(0.29)
    expect(fellBack / options.count).toBeLessThan(0.345)
  })

  it('makes about 1% / 69% / 30% of the points fixed stations, micro-sensors and mobile', () => {
    const readings = generateBulkReadings({ count: 10_000, bbox, centres })
    const share = (kind: (typeof BULK_READING_KINDS)[number]): number =>
      readings.kinds.filter((value) => value === BULK_READING_KINDS.indexOf(kind)).length / readings.count
    expect(share('fixed-station')).toBeGreaterThan(0.006)
    expect(share('fixed-station')).toBeLessThan(0.014)
    expect(share('micro-sensor')).toBeGreaterThan(0.66)
    expect(share('micro-sensor')).toBeLessThan(0.72)
    expect(share('mobile')).toBeGreaterThan(0.27)
    expect(share('mobile')).toBeLessThan(0.33)
  })

  it('makes PM10 1.5–1.95 × PM2.5 before clamping', () => {
    const readings = generateBulkReadings({ count: 2000, bbox, centres })
    const ratios: number[] = []
    for (let i = 0; i < readings.count; i++) {
      const pm25 = readings.pm25[i]!,
        pm10 = readings.pm10[i]!
      if (pm25 > 3 && pm25 < 400 && pm10 > 6 && pm10 < 550) ratios.push(pm10 / pm25)
    }
    expect(ratios.length).toBeGreaterThan(0.9 * readings.count)
    // Float32 storage rounds each value by up to 6e-8 of itself.
    expect(Math.min(...ratios)).toBeGreaterThanOrEqual(1.5 * (1 - 1e-6))
    expect(Math.min(...ratios)).toBeLessThan(1.52)
    expect(Math.max(...ratios)).toBeLessThanOrEqual(1.95 * (1 + 1e-6))
    expect(Math.max(...ratios)).toBeGreaterThan(1.93)
  })

  it('reads PM2.5 up to 35% higher and O3 up to ~10% lower near a seat than the same day over the countryside', () => {
    // Same seed: the same months, kinds and day-to-day draws; only the places (and so the nearness) differ.
    const options = { count: 2000, bbox, centres, seed: 11 }
    const town = generateBulkReadings({ ...options, clusteredShare: 1 })
    const country = generateBulkReadings({ ...options, clusteredShare: 0 })
    expect(town.months).toEqual(country.months)
    expect(town.kinds).toEqual(country.kinds)
    const clamped = (r: typeof town, i: number): boolean =>
      [3, 400].includes(r.pm25[i]!) || [12, 400].includes(r.o3_8h[i]!)
    let compared = 0,
      maxNearness = 0
    for (let i = 0; i < options.count; i++) {
      if (clamped(town, i) || clamped(country, i)) continue
      compared++
      // PM2.5 × (1 + 0.35 nearness), O3 × (1.05 − 0.1 nearness) / 1.05, nearness 1 at the seat.
      const nearness = (town.pm25[i]! / country.pm25[i]! - 1) / 0.35
      expect(nearness).toBeGreaterThanOrEqual(-1e-6)
      expect(nearness).toBeLessThanOrEqual(1 + 1e-6)
      expect(town.o3_8h[i]! / country.o3_8h[i]!).toBeCloseTo((1.05 - 0.1 * nearness) / 1.05, 5)
      maxNearness = Math.max(maxNearness, nearness)
    }
    expect(compared).toBeGreaterThan(0.9 * options.count)
    expect(maxNearness).toBeGreaterThan(0.9)
  })
})
