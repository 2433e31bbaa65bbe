/**
 * The months of a user layer's date column: a cell's month as a key 'YYYY-MM' (read by the one date
 * reader, src/domain/text/dates.ts, which the readings and inspections tables use too), and the
 * slider's steps. Numbers are not dates (202203 may as well be an id; Excel's serial dates arrive
 * already converted). Pure TypeScript.
 */
import { readDate } from '../../domain/text/dates'

/**
 * 'YYYY-MM' of a date written in a common form, or null. A month without a year (3月) is read but
 * has no place on this axis of years and months, and a year outside 1900…2100 is taken as no date.
 */
export function monthKeyOf(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const date = readDate(value)
  if (!date || date.year === null || date.year < 1900 || date.year > 2100) return null
  return `${date.year}-${String(date.month).padStart(2, '0')}`
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
