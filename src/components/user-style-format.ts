/** Words and numbers of the user style panel and legend, shared by its components. */
import { monthParts } from '../domain/user-style-dates'

/** A value as the legend shows it: integers whole, others to at most two decimals. */
export function formatValue(n: number): string {
  if (Number.isInteger(n)) return String(n)
  return String(Number(n.toFixed(Math.abs(n) >= 100 ? 0 : 2)))
}

/** '2022年3月' / '3/2022' for a month key, through the message files. */
export function monthText(key: string, t: (key: string, named: Record<string, unknown>) => string): string {
  const parts = monthParts(key)
  if (!parts) return key
  return t('userStyle.monthLabel', { year: parts.year, month: parts.month })
}
