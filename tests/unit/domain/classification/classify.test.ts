// Classification: breaks by each method, counts per class, the sequential palettes, class lookup and
// manual breaks, with exact edges, counts, colours and messages.
import { describe, expect, it } from 'vitest'
import {
  classify,
  classOf,
  MAX_MANUAL_BREAKS,
  parseManualBreaks,
  sequentialPalette,
  type Classification,
} from '../../../../src/domain/classification/classify'

const totalCount = (classification: Classification): number =>
  classification.classes.reduce((total, valueClass) => total + valueClass.count, 0)

/** Recounts each class from its edges with the documented membership rule, independently of classify. */
function recount(values: readonly number[], classification: Classification): number[] {
  return classification.classes.map(
    (valueClass, index) =>
      values.filter((v) => (index === 0 ? v >= valueClass.min : v > valueClass.min) && v <= valueClass.max).length,
  )
}

/** CIE L* lightness of a #rrggbb colour. */
function lightness(hex: string): number {
  const linear = [1, 3, 5].map((offset) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  const y = 0.2126 * linear[0]! + 0.7152 * linear[1]! + 0.0722 * linear[2]!
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y
}

describe('classify: quantile', () => {
  const eleven = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]

  it('splits 11 values into 5 classes of 3, 2, 2, 2, 2 (break i at sorted position ⌈i·n/k⌉)', () => {
    const result = classify(eleven, 'quantile', 5)
    expect(result.method).toBe('quantile')
    expect(result.classes.map((c) => [c.min, c.max])).toEqual([
      [1, 3],
      [3, 5],
      [5, 7],
      [7, 9],
      [9, 11],
    ])
    expect(result.classes.map((c) => c.count)).toEqual([3, 2, 2, 2, 2])
    expect(result.classes.map((c) => c.index)).toEqual([0, 1, 2, 3, 4])
  })

  it('spreads the larger groups: 12 values into 5 classes of 3, 2, 3, 2, 2', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => i + 1)
    const result = classify(twelve, 'quantile', 5)
    expect(result.classes.map((c) => c.max)).toEqual([3, 5, 8, 10, 12])
    expect(result.classes.map((c) => c.count)).toEqual([3, 2, 3, 2, 2])
  })

  it('does not depend on the order of the input', () => {
    const shuffled = [7, 1, 11, 3, 9, 5, 2, 10, 4, 8, 6]
    expect(classify(shuffled, 'quantile', 5)).toEqual(classify(eleven, 'quantile', 5))
  })

  it('defaults to 5 classes', () => {
    expect(classify(eleven, 'quantile').classes).toHaveLength(5)
  })

  it('splits evenly when n is a multiple of k', () => {
    const result = classify([10, 20, 30, 40, 50, 60], 'quantile', 3)
    expect(result.classes.map((c) => c.count)).toEqual([2, 2, 2])
    expect(result.classes.map((c) => c.max)).toEqual([20, 40, 60])
  })

  it('ignores null and NaN, and counts add up to the number of valid values', () => {
    const values = [5, null, 3, Number.NaN, 8, 1, null, 13, 2, 21, 34]
    const result = classify(values, 'quantile', 4)
    expect(totalCount(result)).toBe(8)
    expect(result.classes[0]!.min).toBe(1)
    expect(result.classes.at(-1)!.max).toBe(34)
  })

  it('merges duplicate breaks when values repeat (fewer classes than asked)', () => {
    const values = [0, 0, 0, 0, 0, 0, 0, 1, 2, 9]
    const result = classify(values, 'quantile', 5)
    const maxima = result.classes.map((c) => c.max)
    expect(new Set(maxima).size).toBe(maxima.length)
    // Breaks at sorted positions 2, 4, 6, 8 are 0, 0, 0, 1: two distinct inner breaks remain.
    expect(maxima).toEqual([0, 1, 9])
    expect(result.classes.map((c) => c.count)).toEqual([7, 1, 2])
    expect(totalCount(result)).toBe(values.length)
  })

  it('gives fewer classes when there are fewer distinct values than k', () => {
    const result = classify([4, 4, 7, 7, 7], 'quantile', 5)
    expect(result.classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [4, 4, 2],
      [4, 7, 3],
    ])
  })

  it('makes one class when all values are equal', () => {
    const result = classify([3, 3, 3, 3], 'quantile', 5)
    expect(result.classes).toHaveLength(1)
    expect(result.classes[0]).toMatchObject({ min: 3, max: 3, count: 4 })
    expect(result.classes[0]!.colour).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('gives no classes for empty input or input with no valid value', () => {
    expect(classify([], 'quantile')).toEqual({ method: 'quantile', classes: [] })
    expect(classify([null, Number.NaN], 'equal-interval').classes).toEqual([])
    expect(classify([], 'manual', undefined, [1, 2]).classes).toEqual([])
  })

  it('keeps counts consistent with the class edges on larger, skewed data', () => {
    const values = Array.from({ length: 97 }, (_, i) => Math.round(Math.exp((i % 23) / 4)))
    for (const k of [2, 3, 4, 5, 6, 7]) {
      const result = classify(values, 'quantile', k)
      expect(totalCount(result)).toBe(values.length)
      expect(result.classes.map((c) => c.count)).toEqual(recount(values, result))
      for (const valueClass of result.classes) expect(valueClass.count).toBeGreaterThan(0)
    }
  })
})

describe('classify: equal interval', () => {
  it('cuts (max − min)/k wide classes; a value on a break goes to the lower class', () => {
    const values = [0, 2, 2.5, 4, 5, 6, 8, 10]
    const result = classify(values, 'equal-interval', 5)
    expect(result.classes.map((c) => [c.min, c.max])).toEqual([
      [0, 2],
      [2, 4],
      [4, 6],
      [6, 8],
      [8, 10],
    ])
    // 0, 2 | 2.5, 4 | 5, 6 | 8 | 10
    expect(result.classes.map((c) => c.count)).toEqual([2, 2, 2, 1, 1])
  })

  it('keeps empty middle classes (they are part of the even scale) and counts add up', () => {
    const values = [0, 1, 99, 100]
    const result = classify(values, 'equal-interval', 4)
    expect(result.classes.map((c) => c.max)).toEqual([25, 50, 75, 100])
    expect(result.classes.map((c) => c.count)).toEqual([2, 0, 0, 2])
    expect(totalCount(result)).toBe(4)
  })

  it('makes one class when all values are equal', () => {
    const result = classify([7, 7, null, 7], 'equal-interval', 5)
    expect(result.classes.map((c) => [c.min, c.max, c.count])).toEqual([[7, 7, 3]])
  })

  it('handles negative and fractional values', () => {
    const result = classify([-1, -0.5, 0, 0.5, 1], 'equal-interval', 2)
    expect(result.classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [-1, 0, 3],
      [0, 1, 2],
    ])
  })

  it('clamps k to 1..7', () => {
    const values = Array.from({ length: 50 }, (_, i) => i)
    expect(classify(values, 'equal-interval', 12).classes).toHaveLength(7)
    expect(classify(values, 'equal-interval', 0).classes).toHaveLength(1)
  })
})

describe('classify: manual', () => {
  const values = [1, 3, 5, 6, 19, 20, 21, 48]

  it('uses the breaks as upper edges, the lowest value as the first min and the highest as the last max', () => {
    const result = classify(values, 'manual', undefined, [5, 20])
    expect(result.method).toBe('manual')
    expect(result.classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [1, 5, 3],
      [5, 20, 3],
      [20, 48, 2],
    ])
  })

  it("keeps the user's classes when breaks lie outside the data, with empty classes", () => {
    const result = classify(values, 'manual', 3, [5, 20, 50])
    expect(result.classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [1, 5, 3],
      [5, 20, 3],
      [20, 50, 2],
    ])
    const below = classify([10, 12], 'manual', undefined, [5, 20])
    expect(below.classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [5, 5, 0],
      [5, 20, 2],
    ])
  })

  it('sorts and de-duplicates breaks and ignores non-finite ones', () => {
    const result = classify(values, 'manual', undefined, [20, 5, 5, Number.NaN])
    expect(result.classes.map((c) => c.max)).toEqual([5, 20, 48])
  })

  it('gives one class with no breaks', () => {
    expect(classify(values, 'manual', undefined, []).classes.map((c) => c.count)).toEqual([8])
  })

  it('colours more than 7 classes without throwing, light to dark', () => {
    const result = classify(values, 'manual', undefined, [2, 4, 6, 8, 10, 12, 14, 16])
    expect(result.classes).toHaveLength(9)
    const colours = result.classes.map((c) => c.colour)
    expect(new Set(colours).size).toBe(9)
    for (let i = 1; i < colours.length; i++) expect(lightness(colours[i]!)).toBeLessThan(lightness(colours[i - 1]!))
  })
})

describe('classify: colours', () => {
  it('gives each class the palette colour for the number of classes', () => {
    const result = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantile', 5)
    expect(result.classes.map((c) => c.colour)).toEqual(sequentialPalette(5))
  })

  it('uses the palette for the classes left after merging', () => {
    const result = classify([1, 1, 1, 2], 'quantile', 5)
    expect(result.classes.map((c) => c.colour)).toEqual(sequentialPalette(2))
  })
})

describe('classOf', () => {
  const classification = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'quantile', 5)

  it('finds the class of each value, upper edge inclusive', () => {
    expect(classOf(1, classification)).toBe(0)
    expect(classOf(3, classification)).toBe(0)
    expect(classOf(3.01, classification)).toBe(1)
    expect(classOf(5, classification)).toBe(1)
    expect(classOf(11, classification)).toBe(4)
  })

  it('agrees with the counts', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    const counts = classification.classes.map(() => 0)
    for (const value of values) counts[classOf(value, classification)]! += 1
    expect(counts).toEqual(classification.classes.map((c) => c.count))
  })

  it('returns -1 for null and NaN, and when there are no classes', () => {
    expect(classOf(null, classification)).toBe(-1)
    expect(classOf(Number.NaN, classification)).toBe(-1)
    expect(classOf(5, classify([], 'quantile'))).toBe(-1)
  })

  it('puts values outside the range in the end classes', () => {
    expect(classOf(-100, classification)).toBe(0)
    expect(classOf(1000, classification)).toBe(4)
  })

  it('-1 for non-finite values', () => {
    const threeClasses = classify([1, 2, 3], 'quantile', 3)
    expect(classOf(Infinity, threeClasses)).toBe(-1)
    expect(classOf(-Infinity, threeClasses)).toBe(-1)
    expect(classOf(0, threeClasses)).toBe(0)
  })
})

describe('sequentialPalette', () => {
  it('has k distinct hex colours for k = 2..7, getting darker', () => {
    for (let k = 2; k <= 7; k++) {
      const palette = sequentialPalette(k)
      expect(palette).toHaveLength(k)
      expect(new Set(palette).size).toBe(k)
      for (const colour of palette) expect(colour).toMatch(/^#[0-9a-f]{6}$/)
      for (let i = 1; i < k; i++) {
        // Steps of at least 5 L* so the order reads without hue.
        expect(lightness(palette[i - 1]!) - lightness(palette[i]!)).toBeGreaterThan(5)
      }
    }
  })

  it('returns a copy the caller may change', () => {
    const palette = sequentialPalette(3)
    palette[0] = '#000000'
    expect(sequentialPalette(3)[0]).not.toBe('#000000')
  })

  it('rejects k outside 2..7', () => {
    expect(() => sequentialPalette(1)).toThrow(RangeError)
    expect(() => sequentialPalette(8)).toThrow(RangeError)
    expect(() => sequentialPalette(2.5)).toThrow(RangeError)
  })

  it('the exact colours, and a message naming the bad k', () => {
    expect(sequentialPalette(2)).toEqual(['#e6f5c9', '#e31a1c'])
    expect(sequentialPalette(7)).toEqual(['#e6f5c9', '#fec44f', '#fd9a3c', '#f46d43', '#e31a1c', '#b10026', '#800026'])
    expect(() => sequentialPalette(2.5)).toThrow('sequentialPalette: k must be an integer from 2 to 7, got 2.5')
    expect(() => sequentialPalette(Number.NaN)).toThrow('got NaN')
  })
})

describe('parseManualBreaks', () => {
  it('parses comma-separated numbers', () => {
    expect(parseManualBreaks('5, 20, 50')).toEqual({ breaks: [5, 20, 50], error: null })
  })

  it('accepts Chinese commas, semicolons, spaces, decimals, signs and exponents', () => {
    expect(parseManualBreaks(' 5，20、 50 ;70')).toEqual({ breaks: [5, 20, 50, 70], error: null })
    expect(parseManualBreaks('-1.5 0 .5 1e2')).toEqual({ breaks: [-1.5, 0, 0.5, 100], error: null })
  })

  it('sorts ascending and removes duplicates', () => {
    expect(parseManualBreaks('50, 5, 20, 20')).toEqual({ breaks: [5, 20, 50], error: null })
  })

  it('names the bad token', () => {
    const result = parseManualBreaks('5, x, 20')
    expect(result.breaks).toEqual([])
    expect(result.error).toContain('"x"')
    expect(parseManualBreaks('5, 2o, 20').error).toContain('"2o"')
    expect(parseManualBreaks('5, 0x10').error).toContain('"0x10"')
    expect(parseManualBreaks('Infinity').error).toContain('"Infinity"')
  })

  it('reports empty input', () => {
    expect(parseManualBreaks('  , ').breaks).toEqual([])
    expect(parseManualBreaks('').error).toMatch(/no breaks/)
  })

  it('limits the breaks to what the palette can show', () => {
    const tooMany = Array.from({ length: MAX_MANUAL_BREAKS + 1 }, (_, i) => String(i * 10)).join(', ')
    const result = parseManualBreaks(tooMany)
    expect(result.breaks).toEqual([])
    expect(result.error).toMatch(/at most 6 breaks/)
    expect(parseManualBreaks('1, 2, 3, 4, 5, 6').error).toBeNull()
  })

  const example = 'enter numbers separated by commas, e.g. "5, 20, 50"'

  it('the exact messages', () => {
    expect(parseManualBreaks(' ， ')).toEqual({ breaks: [], error: `no breaks given; ${example}` })
    expect(parseManualBreaks('5；x')).toEqual({ breaks: [], error: `"x" is not a number; ${example}` })
    expect(parseManualBreaks('1 2 3 4 5 6 7')).toEqual({
      breaks: [],
      error: '7 breaks given ("1, 2, 3, 4, 5, 6, 7"); at most 6 breaks (7 classes) can be told apart',
    })
  })

  it('every separator, and number forms people type', () => {
    expect(parseManualBreaks('1\t2\n3;4；5、6')).toEqual({ breaks: [1, 2, 3, 4, 5, 6], error: null })
    expect(parseManualBreaks('+5 5. 1E-1')).toEqual({ breaks: [0.1, 5], error: null })
  })

  it('the whole token must be a number, and a finite one', () => {
    for (const token of ['5x', 'x5', '1e', '.', '1e400', '--1', '1.2.3']) {
      expect(parseManualBreaks(token).error).toBe(`"${token}" is not a number; ${example}`)
    }
  })

  it('duplicates count once against the limit', () => {
    expect(parseManualBreaks('1 1 2 3 4 5 6')).toEqual({ breaks: [1, 2, 3, 4, 5, 6], error: null })
  })
})

const edges = (values: readonly (number | null)[], ...rest: [Parameters<typeof classify>[1], number?, number[]?]) =>
  classify(values, ...rest).classes.map(({ min, max, count }) => [min, max, count])

describe('classify', () => {
  it('one class: the single-class orange', () => {
    expect(classify([3, 3, 3], 'quantile').classes).toEqual([{ index: 0, min: 3, max: 3, count: 3, colour: '#fd8d3c' }])
    expect(classify([1, 2], 'equal-interval', 1).classes).toEqual([
      { index: 0, min: 1, max: 2, count: 2, colour: '#fd8d3c' },
    ])
  })

  it('k is rounded and clamped to 1..7; a missing or non-finite k means 5', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1)
    const count = (k?: number) => classify(values, 'equal-interval', k).classes.length
    expect([count(0), count(-3), count(1.4), count(2.6), count(100)]).toEqual([1, 1, 1, 3, 7])
    expect([count(undefined), count(Number.NaN), count(Infinity)]).toEqual([5, 5, 5])
  })

  it('quantile edges: break i at sorted position ⌈i·n/k⌉', () => {
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

  it('a break equal to the smallest value is kept as a class of its own', () => {
    expect(edges([1, 1, 1, 1, 5], 'quantile', 2)).toEqual([
      [1, 1, 4],
      [1, 5, 1],
    ])
  })

  it('equal-interval edges are min + i·width', () => {
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

  it('equal-interval never adds a break at the top, even when min + k·width rounds below max', () => {
    // (0.9 / 3) * 3 is 0.8999999999999999
    expect(edges([0, 0.9], 'equal-interval', 3)).toEqual([
      [0, 0.3, 1],
      [0.3, 0.6, 0],
      [0.6, 0.9, 1],
    ])
  })

  it('values on an edge go to the lower class; the binary search finds every class', () => {
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

  it('manual breaks widen the outer edges; a break at the top is dropped; null, NaN and Infinity ignored', () => {
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

  it('beyond seven classes the colours are interpolated along the 7-colour ramp', () => {
    const values = Array.from({ length: 13 }, (_, i) => i)
    const breaks = Array.from({ length: 12 }, (_, i) => i)
    const colours = classify(values, 'manual', undefined, breaks).classes.map((valueClass) => valueClass.colour)
    expect(colours).toHaveLength(13)
    // Every second class sits on a ramp colour; the ones between are the channel-wise midpoints.
    expect(colours.filter((_, i) => i % 2 === 0)).toEqual(sequentialPalette(7))
    expect(colours[1]).toBe('#f2dd8c')
    expect(colours[11]).toBe('#990026')
  })

  it('the method is echoed and classes are numbered', () => {
    const result = classify([1, 2, 3], 'equal-interval', 3)
    expect(result.method).toBe('equal-interval')
    expect(result.classes.map((valueClass) => valueClass.index)).toEqual([0, 1, 2])
    expect(classify([], 'manual', undefined, [1])).toEqual({ method: 'manual', classes: [] })
  })
})
