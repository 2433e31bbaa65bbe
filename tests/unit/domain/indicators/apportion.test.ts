import { describe, expect, it } from 'vitest'
import { apportionLargestRemainder } from '../../../../src/domain/indicators/apportion'
import { createRandom } from '../../../../src/domain/samples/random'

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0)

/** Hamilton's method in exact integer arithmetic (BigInt), for integer weights: the reference. */
function hamiltonReference(total: number, weights: readonly number[]): number[] {
  const big = weights.map((weight) => BigInt(weight))
  const weightSum = big.reduce((sum, weight) => sum + weight, 0n)
  const seats = big.map((weight) => (BigInt(total) * weight) / weightSum)
  const remainders = big.map((weight) => (BigInt(total) * weight) % weightSum)
  let leftover = BigInt(total) - seats.reduce((sum, seat) => sum + seat, 0n)
  const order = weights
    .map((_, index) => index)
    .filter((index) => remainders[index]! > 0n)
    .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b))
  for (const index of order) {
    if (leftover === 0n) break
    seats[index]! += 1n
    leftover -= 1n
  }
  return seats.map(Number)
}

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

  it('matches exact Hamilton apportionment for integer weights (random cases)', () => {
    const random = createRandom(11)
    for (let trial = 0; trial < 300; trial++) {
      const weights = Array.from({ length: random.int(1, 12) }, () => (random.next() < 0.15 ? 0 : random.int(1, 60)))
      if (sum(weights) === 0) weights[0] = 1
      const total = random.int(0, 2000)
      expect(apportionLargestRemainder(total, weights)).toEqual(hamiltonReference(total, weights))
    }
  })

  it('splits integer weights in exact integers: a remainder larger by 1 / 2,000,000,000,001 still wins', () => {
    // In floating point the two quotas (0.49999999999975, 0.50000000000025) are within the tie tolerance
    // and the lower index would win; with integers the larger remainder does, whichever index it has.
    expect(apportionLargestRemainder(1, [1e12, 1e12 + 1])).toEqual([0, 1])
    expect(apportionLargestRemainder(1, [1e12 + 1, 1e12])).toEqual([1, 0])
  })

  it('still splits integer weights right when total × Σweights passes 2^53 (the floating-point path)', () => {
    // 84,551,438,689,231 × 5,296 is past Number.MAX_SAFE_INTEGER, so integer products would be rounded.
    const weights = [5256, 37, 1, 2]
    expect(apportionLargestRemainder(84_551_438_689_231, weights)).toEqual(
      hamiltonReference(84_551_438_689_231, weights),
    )
    expect(apportionLargestRemainder(84_551_438_689_231, weights)).toEqual([
      83_912_832_656_835, 590_710_579_966, 15_965_150_810, 31_930_301_620,
    ])
  })

  it('treats fractional weights that differ only by floating-point noise as equal: the lower index wins', () => {
    // 0.1 + 0.2 is 0.30000000000000004, not 0.3; both quotas are 0.6 of a unit, and the one unit left
    // after 0.8 goes to the first of them, whichever is a hair larger.
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(apportionLargestRemainder(2, [0.3, 0.1 + 0.2, 0.4])).toEqual([1, 0, 1])
    expect(apportionLargestRemainder(2, [0.1 + 0.2, 0.3, 0.4])).toEqual([1, 0, 1])
    // With a whole weight among them too (the weights still take the floating-point path).
    expect(apportionLargestRemainder(4, [0.3, 0.1 + 0.2, 0.4, 1])).toEqual([1, 0, 1, 2])
  })

  it('splits large totals over fractional weights (fixed: quotas past 5 × 10^8 used to be rounded up)', () => {
    // Each quota is an exact half; rounding both up gave 1,000,000,002 units and an internal error.
    expect(apportionLargestRemainder(1_000_000_001, [0.5, 0.5])).toEqual([500_000_001, 500_000_000])
    expect(apportionLargestRemainder(3_000_000_001, [1.5, 1.5])).toEqual([1_500_000_001, 1_500_000_000])
    const random = createRandom(13)
    for (let trial = 0; trial < 200; trial++) {
      const weights = Array.from({ length: random.int(1, 12) }, () => random.int(0, 20) / random.pick([3, 7, 10]))
      if (sum(weights) === 0) weights[0] = 0.5
      const total = random.int(1e8, 1e12)
      const shares = apportionLargestRemainder(total, weights)
      expect(sum(shares)).toBe(total)
      shares.forEach((share, i) => {
        const quota = (total * (weights[i] as number)) / sum(weights)
        expect(Math.abs(share - quota)).toBeLessThan(1.001)
      })
    }
  })

  it('refuses, near 2^53, a split that would miss the total rather than return it', () => {
    // There a quota's fraction is lost in floating point: thirds of 2^53 − 1 come out as whole numbers
    // (one unit left for no share), 5/6 and 0.9 of a total round up (one unit too many).
    expect(() => apportionLargestRemainder(2 ** 53 - 1, [1 / 3, 1 / 3, 1 / 3])).toThrow(
      /internal error, 1 units left for 0 shares/,
    )
    expect(() => apportionLargestRemainder(9_007_199_254_740_606, [5 / 6, 0.9])).toThrow(
      /internal error, -1 units left/,
    )
    // Just below, the same weights split exactly.
    expect(apportionLargestRemainder(2 ** 53 - 2, [1 / 3, 1 / 3, 1 / 3])).toEqual([
      3_002_399_751_580_330, 3_002_399_751_580_330, 3_002_399_751_580_330,
    ])
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
