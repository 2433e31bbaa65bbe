/**
 * The report period, Jan–Oct 2022, as whole days. Computed from month lengths rather than Date so
 * that the series never depends on a time zone.
 */
import { REPORT_MONTHS, type ReportMonth } from '../types'

export const REPORT_YEAR = 2022

/** Days per month Jan–Oct 2022 (2022 is not a leap year). */
const MONTH_LENGTHS_2022: Readonly<Record<ReportMonth, number>> = {
  1: 31,
  2: 28,
  3: 31,
  4: 30,
  5: 31,
  6: 30,
  7: 31,
  8: 31,
  9: 30,
  10: 31,
}

export interface ReportDay {
  /** ISO date, "2022-01-01". */
  date: string
  month: ReportMonth
  dayOfMonth: number
  /** 0-based position in the period. */
  index: number
}

export function monthLength(month: ReportMonth): number {
  return MONTH_LENGTHS_2022[month]
}

/** 2022-01-01 … 2022-10-31: 304 days. */
export function reportDays(): ReportDay[] {
  const days: ReportDay[] = []
  for (const month of REPORT_MONTHS) {
    for (let dayOfMonth = 1; dayOfMonth <= monthLength(month); dayOfMonth++) {
      const date = `${REPORT_YEAR}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
      days.push({ date, month, dayOfMonth, index: days.length })
    }
  }
  return days
}
