/**
 * The townships ranked by one indicator: "which township had the most inspections". Larger values
 * rank first; ties share a rank and the next rank skips (1, 2, 2, 4: the "competition" ranking a
 * planner reads as "joint second"); a township without a value (null, text, not finite) comes last
 * and is not ranked, so "no data" never passes for "fewest".
 *
 * Pure TypeScript.
 */

import { competitionRank, isRankable } from './competition-rank'

export interface RankingEntry {
  code: string
  name: string
  value: unknown
}

export interface RankedArea {
  code: string
  name: string
  /** The indicator's value; null when the township has no number for it. */
  value: number | null
  /** 1 for the largest value; null for a township without a value. */
  rank: number | null
}

export type RankingSortKey = 'rank' | 'name'
export type SortDirection = 'ascending' | 'descending'

const numberOrNull = (value: unknown): number | null => (isRankable(value) ? value : null)

/** Ties and unranked townships in the official order of their statistical codes (街道, 镇, 乡). */
const byCode = (a: RankedArea, b: RankedArea) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/** Every township with its rank, best first, the unranked last. */
export function rankAreas(entries: readonly RankingEntry[]): RankedArea[] {
  const rows = entries.map((entry) => ({
    code: entry.code,
    name: entry.name,
    value: numberOrNull(entry.value),
    rank: null as number | null,
  }))
  const values = rows.map((row) => row.value)
  // The same rule as the tooltip's (competition-rank.ts), so the table and the map never disagree.
  for (const row of rows) row.rank = competitionRank(row.value, values)?.rank ?? null
  const valued = rows.filter((row) => row.rank !== null).sort((a, b) => a.rank! - b.rank! || byCode(a, b))
  return [...valued, ...rows.filter((row) => row.rank === null).sort(byCode)]
}

/**
 * The rows in a table's order: by rank (ascending = best first) or by name (with the language's
 * collation). Unranked townships stay at the end whichever way ranks are sorted.
 */
export function sortRanking(
  rows: readonly RankedArea[],
  key: RankingSortKey,
  direction: SortDirection,
  compareNames: (a: string, b: string) => number,
): RankedArea[] {
  const sign = direction === 'ascending' ? 1 : -1
  if (key === 'name') return [...rows].sort((a, b) => sign * compareNames(a.name, b.name) || byCode(a, b))
  return [...rows].sort((a, b) => {
    if (a.rank === null || b.rank === null) return (a.rank === null ? 1 : 0) - (b.rank === null ? 1 : 0) || byCode(a, b)
    return sign * (a.rank - b.rank) || byCode(a, b)
  })
}
