/**
 * The month of a date as people write it in a ledger, as a key 'YYYY-MM': 2022-03-15, 2022/3/15,
 * 2022.3.15, 2022-03-15 10:30 (or with a T), 2022-03, 2022/3, 2022年3月, 2022年3月15日. Excel's serial
 * dates arrive already converted (src/user-data/import/parse-xlsx.ts writes them as 2022-03-15). Numbers
 * are not read as dates (202203 may as well be an id), nor is 3/15/2022, whose order is ambiguous.
 * Pure TypeScript.
 */

const DASHED =
  /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?$/
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?$/

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** 'YYYY-MM' of a date written in a common form, or null. */
export function monthKeyOf(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (text.length < 6 || text.length > 40) return null
  const match = DASHED.exec(text) ?? CHINESE.exec(text)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null
  if (match[3] !== undefined) {
    const day = Number(match[3])
    if (day < 1 || day > daysIn(year, month)) return null
  }
  return `${year}-${String(month).padStart(2, '0')}`
}

/** Months since year 0 (for stepping and typed arrays): '2022-03' → 2022 × 12 + 2; null for a bad key. */
export function monthIndex(key: string): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key)
  if (!match) return null
  const month = Number(match[2])
  return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : null
}

export function monthKeyFromIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The most months a slider spans: fifty years of monthly steps. */
export const MAX_SLIDER_MONTHS = 600

/**
 * Every month from the first to the last of `keys`, gaps included (a month without data is still a
 * step of the slider, shown empty), at most MAX_SLIDER_MONTHS from the first.
 */
export function monthSteps(keys: Iterable<string>): string[] {
  let first = Infinity
  let last = -Infinity
  for (const key of keys) {
    const index = monthIndex(key)
    if (index === null) continue
    first = Math.min(first, index)
    last = Math.max(last, index)
  }
  if (first === Infinity) return []
  const steps: string[] = []
  for (let index = first; index <= Math.min(last, first + MAX_SLIDER_MONTHS - 1); index++)
    steps.push(monthKeyFromIndex(index))
  return steps
}

/** Year and month of a key, for the interface's own wording ('2022年3月', 'Mar 2022'). */
export function monthParts(key: string): { year: number; month: number } | null {
  const index = monthIndex(key)
  return index === null ? null : { year: Math.floor(index / 12), month: (index % 12) + 1 }
}
