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

describe('binning points at the district’s coordinates', () => {
  const at = (...pairs: [number, number][]) => Float64Array.from(pairs.flat())
  // 0.01° cells from the south-west point (119.705, 29.105); the northmost point first.
  const positions = at(
    [119.7275, 29.1275], // row 2, column 2
    [119.705, 29.105], // row 0, column 0
    [119.707, 29.107], // row 0, column 0
    [119.7175, 29.106], // row 0, column 1
    [119.706, 29.1175], // row 1, column 0
  )

  it('puts each point in its own cell of the grid, rows and columns alike', () => {
    const binned = binPoints(positions, Float32Array.from([1, 2, 4, 8, 16]), 0.01)
    const cells = Array.from(binned.counts, (count, i) => ({
      count,
      lng: Number(binned.positions[2 * i]!.toFixed(4)),
      lat: Number(binned.positions[2 * i + 1]!.toFixed(4)),
      weight: binned.weights![i],
    }))
    expect(cells).toEqual([
      { count: 2, lng: 119.706, lat: 29.106, weight: 3 },
      { count: 1, lng: 119.7175, lat: 29.106, weight: 8 },
      { count: 1, lng: 119.706, lat: 29.1175, weight: 16 },
      { count: 1, lng: 119.7275, lat: 29.1275, weight: 1 },
    ])
  })

  it('one point is one cell', () => {
    const binned = binPoints(at([119.7, 29.1]), null, 0.01)
    expect(Array.from(binned.counts)).toEqual([1])
    expect(Array.from(binned.positions)).toEqual([119.7, 29.1])
  })

  it('a point left out, or with a coordinate that is not finite, does not widen the grid', () => {
    const far = at([119.7, 29.1], [119.71, 29.11], [1000, Number.NaN], [Number.NaN, 1000], [500, 500])
    const binned = binPoints(far, null, 0.001, (point) => point !== 4)
    expect(Array.from(binned.counts)).toEqual([1, 1])
  })

  it('cells are narrower in degrees of longitude nearer the pole, for the same pixels', () => {
    const atEquator = cellDegreesForZoom(10, 0, 2)
    expect(cellDegreesForZoom(10, 60, 2)).toBeCloseTo(atEquator / 2, 12)
    expect(cellDegreesForZoom(10, 29, 2)).toBeCloseTo(atEquator * Math.cos((29 * Math.PI) / 180), 12)
  })
})
