/**
 * Lists of problems are bounded wherever they are shown: the first few, then a count of the rest.
 * A file with a million bad fields must not print a million lines (the page froze for 8 s on one).
 */
export const MAX_SHOWN_PROBLEMS = 8

export interface BoundedList<T> {
  shown: T[]
  /** How many were left out (0 when all are shown). */
  more: number
}

export function boundedList<T>(items: readonly T[], limit = MAX_SHOWN_PROBLEMS): BoundedList<T> {
  const shown = items.slice(0, Math.max(0, limit))
  return { shown, more: items.length - shown.length }
}
