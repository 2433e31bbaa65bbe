/** Messages between the page and the kept-data writer (kept-idb.worker.ts). */
import type { PointColumn, PointTable } from '../tables/point-table'

export const KEPT_DATABASE = 'jindong-map-kept'

/**
 * A value to write. A large point set comes in pieces: first `parts` messages of one piece each,
 * then its skeleton (joinPoints puts them back together).
 */
export type KeptWriteRequest =
  { id: number; key: string; value: unknown; parts?: number } | { id: number; part: unknown }

export type KeptWriteReply =
  { id: number; ok: true } | { id: number; ok: false; name: string; code: number; message: string }

interface PointData {
  kind: 'points'
  table: PointTable
}

type ColumnSkeleton = Pick<PointColumn, 'name' | 'kind'>

function isPointData(value: unknown): value is PointData {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'points'
}

/**
 * A large point set's big pieces (positions, each column's numbers, offsets and text) apart from the
 * rest: posted one message each, each in its own task, so no single task on the page clones tens of
 * MB (a million points with a text column: ~0.18 s in one postMessage under load). Null for any
 * other value (sent whole).
 */
export function splitPoints(value: unknown): { skeleton: unknown; parts: unknown[] } | null {
  if (!isPointData(value)) return null
  const { table } = value
  const parts: unknown[] = [table.positions]
  const columns: ColumnSkeleton[] = table.columns.map((column) => {
    if (column.kind === 'number') parts.push(column.values)
    else parts.push(column.offsets, column.text)
    return { name: column.name, kind: column.kind }
  })
  return { skeleton: { ...value, table: { ...table, positions: null, columns } }, parts }
}

/** splitPoints undone: the skeleton with its pieces back in their places. */
export function joinPoints(skeleton: unknown, parts: readonly unknown[]): unknown {
  const value = skeleton as { table: { columns: ColumnSkeleton[] } }
  let next = 0
  const take = () => {
    if (next >= parts.length) throw new Error(`a point set arrived with ${parts.length} parts, fewer than it names`)
    return parts[next++]
  }
  const positions = take()
  const columns = value.table.columns.map((column) =>
    column.kind === 'number' ? { ...column, values: take() } : { ...column, offsets: take(), text: take() },
  )
  if (next !== parts.length) throw new Error(`a point set arrived with ${parts.length} parts, more than it names`)
  return { ...value, table: { ...value.table, positions, columns } }
}
