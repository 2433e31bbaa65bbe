import { describe, expect, it } from 'vitest'
import { binPoints, cellDegreesForZoom } from '../../../../src/domain/geometry/point-bins'

describe('binning points into cells', () => {
  const positions = Float64Array.from([0.01, 0.01, 0.03, 0.03, 0.15, 0.05, Number.NaN, 0, 0.16, 0.06])
  const weights = Float32Array.from([10, 20, 30, 99, 50])

  it('merges points per cell: centroid, count, mean weight; skips non-finite positions', () => {
    const binned = binPoints(positions, weights, 0.1)
    expect(Array.from(binned.counts)).toEqual([2, 2])
    expect(binned.positions[0]).toBeCloseTo(0.02)
    expect(binned.positions[1]).toBeCloseTo(0.02)
    expect(binned.positions[2]).toBeCloseTo(0.155)
    expect(Array.from(binned.weights!)).toEqual([15, 40])
    // The counts add up to the finite points.
    expect(binned.counts.reduce((a, b) => a + b, 0)).toBe(4)
  })

  it('applies the keep predicate and works without weights', () => {
    const binned = binPoints(positions, null, 0.1, (point) => point !== 1)
    expect(Array.from(binned.counts)).toEqual([1, 2])
    expect(binned.weights).toBeNull()
    expect(binPoints(positions, weights, 0.1, () => false).positions.length).toBe(0)
  })

  it('refuses cells too small for the extent, and non-positive sizes', () => {
    expect(() => binPoints(Float64Array.from([0, 0, 10, 10]), null, 1e-6)).toThrow(/too many/)
    expect(() => binPoints(positions, null, 0)).toThrow(/positive/)
  })

  it('sizes cells in screen pixels for a zoom', () => {
    // Zoom 0 at the equator: 512 px span the world, so 1 px is 360/512 degrees of longitude.
    expect(cellDegreesForZoom(0, 0, 1)).toBeCloseTo(360 / 512, 2)
    expect(cellDegreesForZoom(11, 29, 2)).toBeCloseTo(cellDegreesForZoom(10, 29, 1), 12)
  })
})
