// Natural breaks (Jenks) by ckmeans: checked against a second, independent implementation (an
// exhaustive search for the partition with the least squared deviation within classes), on the
// townships' own indicators (sample data) and on edge cases; and through the indicators store.
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { classify, type Classification } from '../../../../src/domain/classification/classify'
import { naturalBreaks } from '../../../../src/domain/classification/natural-breaks'
import { loadNaturalBreaks } from '../../../../src/composables/natural-breaks-loader'
import { useIndicatorsStore } from '../../../../src/stores/indicators'
import { useLayersStore } from '../../../../src/stores/layers'

/** Sum of squared deviations from the mean of sorted[from..to] (inclusive). */
function squaredDeviation(sorted: readonly number[], from: number, to: number): number {
  const part = sorted.slice(from, to + 1)
  const mean = part.reduce((a, b) => a + b, 0) / part.length
  return part.reduce((total, v) => total + (v - mean) ** 2, 0)
}

/**
 * The reference: every way of cutting the sorted values into k consecutive non-empty groups, the
 * one with the least total squared deviation (Fisher's exact optimisation, which Jenks approximates),
 * by a plain O(k·n²) dynamic programme written here, not from ckmeans. Returns the inner breaks.
 */
function referenceBreaks(values: readonly number[], k: number): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  const n = sorted.length
  const cost: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity))
  const cut: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0))
  cost[0]![0] = 0
  for (let classes = 1; classes <= k; classes++)
    for (let end = classes; end <= n; end++)
      for (let start = classes - 1; start < end; start++) {
        const total = cost[classes - 1]![start]! + squaredDeviation(sorted, start, end - 1)
        if (total < cost[classes]![end]! - 1e-9) {
          cost[classes]![end] = total
          cut[classes]![end] = start
        }
      }
  const breaks: number[] = []
  let end = n
  for (let classes = k; classes > 1; classes--) {
    const start = cut[classes]![end]!
    breaks.unshift(sorted[start - 1]!)
    end = start
  }
  return breaks
}

/** Total squared deviation within the classes that these inner breaks make (the membership rule of classify.ts). */
function withinClassDeviation(values: readonly number[], inner: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const edges = [...inner, Infinity]
  let total = 0
  let start = 0
  for (const edge of edges) {
    let end = start
    while (end < sorted.length && sorted[end]! <= edge) end++
    if (end > start) total += squaredDeviation(sorted, start, end - 1)
    start = end
  }
  return total
}

const innerOf = (classification: Classification) => classification.classes.slice(0, -1).map((c) => c.max)
const natural = (values: readonly (number | null)[], k: number) =>
  classify(values, 'natural-breaks', k, undefined, naturalBreaks)

const read = <T>(file: string) =>
  JSON.parse(readFileSync(new URL(`../../../../public/geo/${file}`, import.meta.url), 'utf8')) as T

describe('natural breaks (ckmeans) against an exhaustive reference', () => {
  it('a known data set: the classes the reference finds', () => {
    // Two clear groups and an outlier: the breaks fall in the gaps, where quantiles would not.
    const values = [1, 2, 2, 3, 10, 11, 12, 13, 40]
    expect(innerOf(natural(values, 3))).toEqual([3, 13])
    expect(innerOf(natural(values, 3))).toEqual(referenceBreaks(values, 3))
    expect(innerOf(classify(values, 'quantile', 3))).not.toEqual([3, 13])
  })

  it('random data sets, 2..7 classes: the same breaks as the reference', () => {
    let seed = 7
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100
    for (let trial = 0; trial < 20; trial++) {
      const values = Array.from({ length: 12 + trial }, () => Math.round(random() * 10) / 10)
      for (let k = 2; k <= 7; k++) expect(innerOf(natural(values, k))).toEqual(referenceBreaks(values, k))
    }
  })

  it('fewer distinct values than classes: one class per distinct value', () => {
    const classification = natural([5, 5, 9, 9, 9, 20], 5)
    expect(classification.classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [5, 5, 2],
      [5, 9, 3],
      [9, 20, 1],
    ])
  })

  it('all values equal: one class holding them all', () => {
    expect(natural([4, 4, 4, 4], 5).classes.map((c) => [c.min, c.max, c.count])).toEqual([[4, 4, 4]])
  })

  it('one value: one class', () => {
    expect(natural([12], 5).classes.map((c) => [c.min, c.max, c.count])).toEqual([[12, 12, 1]])
  })

  it('null, NaN and infinities are ignored', () => {
    const withGaps = natural([1, null, 2, Number.NaN, 10, 11, Infinity, 30, -Infinity], 3)
    expect(innerOf(withGaps)).toEqual(referenceBreaks([1, 2, 10, 11, 30], 3))
    expect(withGaps.classes.reduce((n, c) => n + c.count, 0)).toBe(5)
  })

  it('no function given: natural breaks refuse rather than quietly answer with another method', () => {
    expect(() => classify([1, 2, 3], 'natural-breaks', 2)).toThrow(/naturalBreaksOf/)
  })
})

describe('natural breaks on the townships', () => {
  it('the store classifies each township indicator as the reference does', async () => {
    setActivePinia(createPinia())
    const layers = useLayersStore()
    layers.setBuiltData('towns', read<FeatureCollection>('towns.geojson'), null)
    layers.setBuiltData('enforcement', read<FeatureCollection>('enforcement.geojson'), null)
    await loadNaturalBreaks()
    const indicators = useIndicatorsStore()
    let checked = 0
    for (const definition of indicators.definitions.filter((d) => d.kind === 'count')) {
      layers.setChoropleth('towns', { indicator: definition.id, method: 'natural-breaks', classCount: 4 })
      const values = Object.values(indicators.valuesByArea).filter((v): v is number => typeof v === 'number')
      const distinct = new Set(values).size
      if (distinct < 4) continue
      expect(indicators.classification!.method).toBe('natural-breaks')
      // Small counts can tie (two cuts equally good): then the deviation, which is what Jenks
      // minimises, must equal the reference's optimum; where the optimum is unique, the breaks too.
      const found = innerOf(indicators.classification!)
      const reference = referenceBreaks(values, 4)
      expect(withinClassDeviation(values, found), definition.id).toBeCloseTo(withinClassDeviation(values, reference), 9)
      expect(found, definition.id).toHaveLength(3)
      checked++
    }
    expect(checked).toBeGreaterThan(0)
  })
})

describe('naturalBreaks: the class count it is asked for', () => {
  it('never more classes than distinct values: repeats count once', () => {
    expect(naturalBreaks([1, 1, 1, 2, 2, 3], 5)).toEqual([1, 2])
    expect(naturalBreaks([4, 4, 4, 4], 3)).toEqual([])
    expect(naturalBreaks([1, 2], 2)).toEqual([1])
  })

  it('one class, none or a fraction: at least one class, rounded to the nearest whole count', () => {
    const values = [1, 2, 3, 10, 11, 12, 30, 31, 32]
    expect(naturalBreaks(values, 1)).toEqual([])
    expect(naturalBreaks(values, 0)).toEqual([])
    expect(naturalBreaks(values, -2)).toEqual([])
    expect(naturalBreaks(values, 2.6)).toEqual([3, 12])
    expect(naturalBreaks(values, 2.4)).toEqual(naturalBreaks(values, 2))
    expect(naturalBreaks([], 3)).toEqual([])
  })

  it('leaves the sorted input as it was', () => {
    const values = [1, 2, 3, 10, 11, 12, 30, 31, 32]
    naturalBreaks(values, 3)
    expect(values).toEqual([1, 2, 3, 10, 11, 12, 30, 31, 32])
  })
})
