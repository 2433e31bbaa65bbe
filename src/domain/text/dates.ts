/**
 * The one reader of a date as people write it in a table or a ledger: year, month and day when it
 * gives them. Both the readings and inspections tables (user-data/tables) and a user layer's month
 * slider (user-data/styles/user-style-dates.ts) read dates through it, so a cell reads the same in both.
 *
 * Read (after trimming and NFKC, so full-width digits count):
 * - a year, a month and maybe a day, separated by - / . or 年 月 (日), with spaces or not:
 *   2022-03-15, 2022/3/15, 2022.3.5, 2022-03, 2022/12, 2022年3月, 2022年3月15日, 2022 年 3 月 15 日,
 *   2022年3, 2022-3-15日, 2022/3/ (a trailing separator);
 * - followed by a time: 2022-03-15 10:30, 2022-03-15T10:30:00Z, 2022-03-15T10:30:00.5+08:00;
 * - a month without a year: 3, 03, 3月, 3 月 (year null: the caller decides which year, if any).
 * Not read: a number like 202203 (it may as well be an id), 3/15/2022 (its order is ambiguous), a
 * month outside 1…12, a day its month does not have. Excel's serial dates arrive already converted
 * (user-data/import/parse-xlsx.ts writes them as 2022-03-15). Pure TypeScript.
 */

export interface ReadDate {
  /** null: the text gave a month without a year. */
  year: number | null
  month: number
  day: number | null
}

const WITH_YEAR = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:[-/.月]\s*(?:(\d{1,2})\s*日?)?)?(?:[ T]\d{1,2}:\d{2}.*)?$/
const MONTH_ONLY = /^(\d{1,2})\s*月?$/

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The year, month and day a text writes, or null when it is none of the forms above or not a real date. */
export function readDate(cell: string): ReadDate | null {
  const text = cell.trim().normalize('NFKC')
  const full = WITH_YEAR.exec(text)
  const bare = full ? null : MONTH_ONLY.exec(text)
  if (!full && !bare) return null
  const year = full ? Number(full[1]) : null
  const month = Number(full ? full[2] : bare![1])
  const day = full?.[3] ? Number(full[3]) : null
  if (month < 1 || month > 12) return null
  if (day !== null && (day < 1 || day > daysIn(year!, month))) return null
  return { year, month, day }
}
