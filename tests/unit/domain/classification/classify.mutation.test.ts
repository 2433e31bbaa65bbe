// Exact edges, counts, colours and messages of the classification that the mutation run showed untested.
import { describe, expect, test } from 'vitest'
import { classify, classOf, parseManualBreaks, sequentialPalette } from '../../../../src/domain/classification/classify'

const edges = (values: readonly (number | null)[], ...rest: [Parameters<typeof classify>[1], number?, number[]?]) =>
  classify(values, ...rest).classes.map(({ min, max, count }) => [min, max, count])

describe('sequentialPalette', () => {
  test('the exact colours, and a message naming the bad k', () => {
    expect(sequentialPalette(2)).toEqual(['#e6f5c9', '#e31a1c'])
    expect(sequentialPalette(7)).toEqual(['#e6f5c9', '#fec44f', '#fd9a3c', '#f46d43', '#e31a1c', '#b10026', '#800026'])
    expect(() => sequentialPalette(2.5)).toThrow('sequentialPalette: k must be an integer from 2 to 7, got 2.5')
    expect(() => sequentialPalette(Number.NaN)).toThrow('got NaN')
  })
})

describe('classify', () => {
  test('one class: the single-class orange', () => {
    expect(classify([3, 3, 3], 'quantile').classes).toEqual([{ index: 0, min: 3, max: 3, count: 3, colour: '#fd8d3c' }])
    expect(classify([1, 2], 'equal-interval', 1).classes).toEqual([
      { index: 0, min: 1, max: 2, count: 2, colour: '#fd8d3c' },
    ])
  })

  test('k is rounded and clamped to 1..7; a missing or non-finite k means 5', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1)
    const count = (k?: number) => classify(values, 'equal-interval', k).classes.length
    expect([count(0), count(-3), count(1.4), count(2.6), count(100)]).toEqual([1, 1, 1, 3, 7])
    expect([count(undefined), count(Number.NaN), count(Infinity)]).toEqual([5, 5, 5])
  })

  test('quantile edges: break i at sorted position ⌈i·n/k⌉', () => {
    expect(edges([1, 2, 3, 4, 5, 6, 7], 'quantile', 3)).toEqual([
      [1, 3, 3],
      [3, 5, 2],
      [5, 7, 2],
    ])
    expect(edges([10, 20, 30, 40], 'quantile', 4)).toEqual([
      [10, 10, 1],
      [10, 20, 1],
      [20, 30, 1],
      [30, 40, 1],
    ])
  })

  test('a break equal to the smallest value is kept as a class of its own', () => {
    expect(edges([1, 1, 1, 1, 5], 'quantile', 2)).toEqual([
      [1, 1, 4],
      [1, 5, 1],
    ])
  })

  test('equal-interval edges are min + i·width', () => {
    expect(edges([0, 10], 'equal-interval', 4)).toEqual([
      [0, 2.5, 1],
      [2.5, 5, 0],
      [5, 7.5, 0],
      [7.5, 10, 1],
    ])
    expect(edges([-4, 2, 5], 'equal-interval', 3)).toEqual([
      [-4, -1, 1],
      [-1, 2, 1],
      [2, 5, 1],
    ])
  })

  test('equal-interval never adds a break at the top, even when min + k·width rounds below max', () => {
    // (0.9 / 3) * 3 is 0.8999999999999999
    expect(edges([0, 0.9], 'equal-interval', 3)).toEqual([
      [0, 0.3, 1],
      [0.3, 0.6, 0],
      [0.6, 0.9, 1],
    ])
  })

  test('values on an edge go to the lower class; the binary search finds every class', () => {
    const values = [0, 1, 2, 3, 4, 5, 6, 7]
    expect(edges(values, 'manual', undefined, [1, 2, 3, 4, 5, 6])).toEqual([
      [0, 1, 2],
      [1, 2, 1],
      [2, 3, 1],
      [3, 4, 1],
      [4, 5, 1],
      [5, 6, 1],
      [6, 7, 1],
    ])
    const classification = classify(values, 'manual', undefined, [1, 2, 3, 4, 5, 6])
    expect(values.map((value) => classOf(value, classification))).toEqual([0, 0, 1, 2, 3, 4, 5, 6])
    expect([1.5, 2.5, 6.5].map((value) => classOf(value, classification))).toEqual([1, 2, 6])
  })

  test('manual breaks widen the outer edges; a break at the top is dropped; null, NaN and Infinity ignored', () => {
    expect(edges([5, 6, null, Number.NaN, Infinity], 'manual', undefined, [0, 10, 20, Number.NaN])).toEqual([
      [0, 0, 0],
      [0, 10, 2],
      [10, 20, 0],
    ])
    expect(edges([1, 2, 3], 'manual', undefined, [1, 3])).toEqual([
      [1, 1, 1],
      [1, 3, 2],
    ])
    expect(edges([1, 2, 3], 'manual', undefined, [3, 3])).toEqual([[1, 3, 3]])
    expect(edges([4, 8], 'manual')).toEqual([[4, 8, 2]])
  })

  test('beyond seven classes the colours are interpolated along the 7-colour ramp', () => {
    const values = Array.from({ length: 13 }, (_, i) => i)
    const breaks = Array.from({ length: 12 }, (_, i) => i)
    const colours = classify(values, 'manual', undefined, breaks).classes.map((valueClass) => valueClass.colour)
    expect(colours).toHaveLength(13)
    // Every second class sits on a ramp colour; the ones between are the channel-wise midpoints.
    expect(colours.filter((_, i) => i % 2 === 0)).toEqual(sequentialPalette(7))
    expect(colours[1]).toBe('#f2dd8c')
    expect(colours[11]).toBe('#990026')
  })

  test('the method is echoed and classes are numbered', () => {
    const result = classify([1, 2, 3], 'equal-interval', 3)
    expect(result.method).toBe('equal-interval')
    expect(result.classes.map((valueClass) => valueClass.index)).toEqual([0, 1, 2])
    expect(classify([], 'manual', undefined, [1])).toEqual({ method: 'manual', classes: [] })
  })
})

describe('classOf', () => {
  test('-1 for non-finite values', () => {
    const classification = classify([1, 2, 3], 'quantile', 3)
    expect(classOf(Infinity, classification)).toBe(-1)
    expect(classOf(-Infinity, classification)).toBe(-1)
    expect(classOf(0, classification)).toBe(0)
  })
})

describe('parseManualBreaks', () => {
  const example = 'enter numbers separated by commas, e.g. "5, 20, 50"'

  test('the exact messages', () => {
    expect(parseManualBreaks(' ， ')).toEqual({ breaks: [], error: `no breaks given; ${example}` })
    expect(parseManualBreaks('5；x')).toEqual({ breaks: [], error: `"x" is not a number; ${example}` })
    expect(parseManualBreaks('1 2 3 4 5 6 7')).toEqual({
      breaks: [],
      error: '7 breaks given ("1, 2, 3, 4, 5, 6, 7"); at most 6 breaks (7 classes) can be told apart',
    })
  })

  test('every separator, and number forms people type', () => {
    expect(parseManualBreaks('1\t2\n3;4；5、6')).toEqual({ breaks: [1, 2, 3, 4, 5, 6], error: null })
    expect(parseManualBreaks('+5 5. 1E-1')).toEqual({ breaks: [0.1, 5], error: null })
  })

  test('the whole token must be a number, and a finite one', () => {
    for (const token of ['5x', 'x5', '1e', '.', '1e400', '--1', '1.2.3']) {
      expect(parseManualBreaks(token).error).toBe(`"${token}" is not a number; ${example}`)
    }
  })

  test('duplicates count once against the limit', () => {
    expect(parseManualBreaks('1 1 2 3 4 5 6')).toEqual({ breaks: [1, 2, 3, 4, 5, 6], error: null })
  })
})
