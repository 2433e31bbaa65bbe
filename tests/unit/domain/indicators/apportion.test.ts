import { describe, expect, it } from 'vitest'
import { apportionLargestRemainder } from '../../../../src/domain/indicators/apportion'
import { createRandom } from '../../../../src/domain/samples/random'

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)

describe('apportionLargestRemainder', () => {
  it('gives integer shares summing exactly to the total', () => {
    const shares = apportionLargestRemainder(1095, [14, 9, 12, 8, 10, 9, 6, 7, 8, 5, 3])
    expect(sum(shares)).toBe(1095)
    expect(shares.every((share) => Number.isInteger(share))).toBe(true)
  })

  it('follows the Hamilton method on a worked example', () => {
    // Quotas 4.2857…, 3.5714…, 2.1428… → floors 4, 3, 2; the leftover unit goes to the largest remainder (0.5714).
    expect(apportionLargestRemainder(10, [6, 5, 3])).toEqual([4, 4, 2])
    // Exact quotas need no leftover.
    expect(apportionLargestRemainder(10, [1, 2, 7])).toEqual([1, 2, 7])
  })

  it('breaks equal remainders by the lower index', () => {
    expect(apportionLargestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3])
    expect(apportionLargestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0])
    expect(apportionLargestRemainder(7, Array(10).fill(1))).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0])
    expect(apportionLargestRemainder(15, Array(10).fill(1))).toEqual([2, 2, 2, 2, 2, 1, 1, 1, 1, 1])
  })

  it('handles fractional weights without floating-point drift', () => {
    expect(apportionLargestRemainder(10, [0.1, 0.2, 0.7])).toEqual([1, 2, 7])
    expect(apportionLargestRemainder(3, [0.1, 0.2])).toEqual([1, 2])
    expect(apportionLargestRemainder(3, [1 / 3, 1 / 3, 1 / 3])).toEqual([1, 1, 1])
    expect(apportionLargestRemainder(4, [1 / 3, 1 / 3, 1 / 3])).toEqual([2, 1, 1])
  })

  it('gives nothing to a zero weight', () => {
    expect(apportionLargestRemainder(5, [0, 1, 0, 1])).toEqual([0, 3, 0, 2])
    expect(apportionLargestRemainder(1, [0, 0, 1])).toEqual([0, 0, 1])
  })

  it('handles a total of zero, a single weight and an empty list', () => {
    expect(apportionLargestRemainder(0, [3, 4])).toEqual([0, 0])
    expect(apportionLargestRemainder(0, [0, 0])).toEqual([0, 0])
    expect(apportionLargestRemainder(0, [])).toEqual([])
    expect(apportionLargestRemainder(41, [2.5])).toEqual([41])
  })

  it('stays within one unit of every quota (random cases)', () => {
    const random = createRandom(7)
    for (let trial = 0; trial < 300; trial++) {
      const weights = Array.from({ length: random.int(1, 15) }, () =>
        random.next() < 0.15 ? 0 : random.uniform(0, 10),
      )
      if (sum(weights) === 0) weights[0] = 1
      const total = random.int(0, 5000)
      const shares = apportionLargestRemainder(total, weights)
      expect(sum(shares)).toBe(total)
      shares.forEach((share, i) => {
        const quota = (total * (weights[i] as number)) / sum(weights)
        expect(share).toBeGreaterThanOrEqual(Math.floor(quota - 1e-9))
        expect(share).toBeLessThanOrEqual(Math.ceil(quota + 1e-9))
      })
    }
  })

  it('is deterministic and leaves the weights alone', () => {
    const weights = [3, 1, 4, 1, 5, 9, 2, 6]
    const copy = weights.slice()
    expect(apportionLargestRemainder(100, weights)).toEqual(apportionLargestRemainder(100, weights))
    expect(weights).toEqual(copy)
  })

  it('rejects invalid input with clear messages', () => {
    expect(() => apportionLargestRemainder(-1, [1])).toThrow(/non-negative integer/)
    expect(() => apportionLargestRemainder(1.5, [1])).toThrow(/non-negative integer/)
    expect(() => apportionLargestRemainder(Number.NaN, [1])).toThrow(/non-negative integer/)
    expect(() => apportionLargestRemainder(10, [1, -1])).toThrow(/weights\[1\]/)
    expect(() => apportionLargestRemainder(10, [1, Number.NaN])).toThrow(/finite/)
    expect(() => apportionLargestRemainder(10, [Number.POSITIVE_INFINITY])).toThrow(/finite/)
    expect(() => apportionLargestRemainder(10, [0, 0])).toThrow(/all weights are zero/)
    expect(() => apportionLargestRemainder(10, [])).toThrow(/empty/)
    expect(() => apportionLargestRemainder(10, [Number.MAX_VALUE, Number.MAX_VALUE])).toThrow(/infinity/)
  })
})
