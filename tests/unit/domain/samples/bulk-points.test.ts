import { describe, expect, it } from 'vitest'
import { aqi } from '../../../../src/domain/air/aqi'
import { bulkAqi, generateBulkReadings } from '../../../../src/domain/samples/bulk-points'

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
