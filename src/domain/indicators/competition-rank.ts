/**
 * A value's place among others, largest first, ties sharing a place ("1, 2, 2, 4"): one more than the
 * number of values above it. Null for a value that is not a finite number (no data is not ranked).
 * Small on purpose: the map's tooltip (first view) needs only this; the ranking table the rest
 * (township-ranking.ts).
 */
export const isRankable = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

export function competitionRank(value: unknown, values: readonly unknown[]): { rank: number; of: number } | null {
  if (!isRankable(value)) return null
  const ranked = values.filter(isRankable)
  return { rank: 1 + ranked.filter((other) => other > value).length, of: ranked.length }
}
