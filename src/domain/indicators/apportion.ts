/**
 * Largest-remainder (Hamilton) apportionment.
 *
 * Why this method: the sample generators split a district total from the report (1,095 inspections,
 * 74 VOCs rectifications, …) over townships and months. Whole numbers are needed, and they must add
 * up to the report's total exactly; Hamilton's method guarantees that and never gives a share more
 * than one unit away from its exact quota.
 *
 * Method: each weight's quota is total × weight / Σweights. Every share first gets the integer part
 * of its quota; the units left over go, one each, to the largest fractional remainders. Equal
 * remainders are broken by the lower index, so the result is fully deterministic (no randomness,
 * no dependence on sort stability).
 */

/** Fractional remainders this close are treated as equal, so the lower index wins the tie. */
const REMAINDER_TIE = 1e-12

interface Share {
  index: number
  seats: number
  /**
   * How far the quota lies above `seats`. On the exact path it is (total × weight) mod Σweights, i.e.
   * the remainder scaled by the common denominator Σweights, so comparisons stay exact integers.
   */
  remainder: number
}

function validate(total: number, weights: readonly number[]): void {
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total < 0) {
    throw new Error(`apportionLargestRemainder: total must be a non-negative integer, got ${String(total)}`)
  }
  weights.forEach((weight, index) => {
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new Error(
        `apportionLargestRemainder: weights must be finite numbers >= 0, but weights[${index}] is ${String(weight)}`,
      )
    }
  })
}

/** Exact path: integer weights whose products with the total stay within safe integers. */
function integerShares(total: number, weights: readonly number[], weightSum: number): Share[] | null {
  if (!weights.every((weight) => Number.isSafeInteger(weight))) return null
  if (!Number.isSafeInteger(weightSum) || !Number.isSafeInteger(total * weightSum)) return null
  return weights.map((weight, index) => {
    const numerator = total * weight
    return {
      index,
      seats: Math.floor(numerator / weightSum),
      remainder: numerator % weightSum,
    }
  })
}

/**
 * Floating-point path for fractional weights. No quota is rounded up to a nearby integer: one computed a
 * hair under k (floating-point noise) floors to k − 1 with a remainder next to 1, the largest, so it
 * gets its unit back among the leftovers. (Rounding such quotas up, as this did with a tolerance of
 * 1e-9 × quota, also rounded up real halves once quotas passed 5 × 10⁸: 1,000,000,001 over [0.5, 0.5]
 * gave 1,000,000,002 units and threw.) Exact while total × weights stay well inside double precision,
 * about 10¹³; near 2⁵³ the fractions are lost and the guard below throws.
 */
function floatShares(total: number, weights: readonly number[], weightSum: number): Share[] {
  return weights.map((weight, index) => {
    // Divide first so total × weight cannot overflow for huge weights.
    const quota = (weight / weightSum) * total
    const seats = Math.floor(quota)
    return { index, seats, remainder: quota - seats }
  })
}

export function apportionLargestRemainder(total: number, weights: readonly number[]): number[] {
  validate(total, weights)
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  if (!Number.isFinite(weightSum)) {
    throw new Error('apportionLargestRemainder: the weights sum to infinity; scale them down')
  }
  if (weightSum === 0) {
    if (total === 0) return weights.map(() => 0)
    throw new Error(
      weights.length === 0
        ? `apportionLargestRemainder: cannot apportion ${total} over an empty list of weights`
        : `apportionLargestRemainder: all weights are zero, cannot apportion a total of ${total}`,
    )
  }

  const exact = integerShares(total, weights, weightSum)
  const shares = exact ?? floatShares(total, weights, weightSum)
  const remainderTolerance = exact ? 0 : REMAINDER_TIE

  let leftover = total - shares.reduce((sum, share) => sum + share.seats, 0)
  // Only shares with a real remainder may receive a leftover unit; a zero weight never gets one.
  const candidates = shares
    .filter((share) => weights[share.index] !== 0 && share.remainder > 0)
    .sort((a, b) => {
      const difference = b.remainder - a.remainder
      if (Math.abs(difference) > remainderTolerance) return difference
      return a.index - b.index
    })
  if (leftover < 0 || leftover > candidates.length) {
    // Cannot happen on the exact path, nor on the floating-point one below totals of about 10¹³; near
    // 2⁵³ the quotas' fractions are lost, and a split that would miss the total is refused.
    throw new Error(`apportionLargestRemainder: internal error, ${leftover} units left for ${candidates.length} shares`)
  }
  for (const share of candidates) {
    if (leftover === 0) break
    share.seats += 1
    leftover -= 1
  }
  return shares.map((share) => share.seats)
}
