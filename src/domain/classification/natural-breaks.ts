/**
 * Natural breaks (Jenks) by simple-statistics' ckmeans: the optimal 1-D k-means of Wang & Song
 * (2011), which gives the classes Jenks' method looks for (least squared deviation within classes)
 * exactly and in O(k·n·log n). Kept in its own file so that the library loads only when someone
 * picks natural breaks (docs/decisions/0039-natural-breaks-by-ckmeans.md). Pure TypeScript.
 */
import { ckmeans } from 'simple-statistics'
import type { NaturalBreaksOf } from './classify'

/**
 * Inner breaks for k classes of sorted finite values: the largest value of every cluster but the
 * last, so a value on a break stays in its cluster under classify's membership rule (upper edge
 * inclusive). ckmeans refuses more clusters than values; fewer distinct values than k give one
 * class per distinct value.
 */
export const naturalBreaks: NaturalBreaksOf = (sorted, k) => {
  let distinct = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++
  const classCount = Math.min(Math.max(1, Math.round(k)), distinct)
  if (classCount <= 1) return []
  const clusters = ckmeans([...sorted], classCount)
  return clusters.slice(0, -1).map((cluster) => cluster[cluster.length - 1]!)
}
