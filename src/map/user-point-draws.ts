/**
 * From layer records to the deck.gl draws of users' points: every large point set, and every user
 * GeoJSON layer with points shown as a heatmap or hexagons (its Point features as a point table,
 * memoised per collection, so there is one way to draw them). Visible ones only, bottom of the list
 * first; the month and range filters keep rows, colours and radii come from the resolved style, and
 * weights from the chosen numeric column (each memoised per table and setting, so a change of opacity
 * does not rebuild a million of anything). Pure: no MapLibre, no deck.gl.
 */
import { pointProperties, weightsOf, type PointTable } from '../user-data/tables/point-table'
import type { LayerRecord } from '../stores/layers'
import { defaultUserLayerStyle } from '../user-data/styles/user-layer-style'
import type { ResolvedUserStyle } from '../user-data/styles/user-style-resolve'
import { keptRows, pickRows, pointTableOfCollection, rowColours, rowRadii } from '../user-data/styles/user-style-rows'
import type { UserPointsDraw } from './user-points-layers'

const weightCache = new WeakMap<PointTable, Map<string, Float32Array | null>>()

function weights(table: PointTable, column: string | null): Float32Array | null {
  if (column === null) return null
  let byColumn = weightCache.get(table)
  if (!byColumn) weightCache.set(table, (byColumn = new Map()))
  if (!byColumn.has(column)) byColumn.set(column, weightsOf(table, column))
  return byColumn.get(column)!
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}

/** The filtered arrays of one (table, kept rows) pair; kept rows are memoised by their style. */
const filteredCache = new WeakMap<Uint32Array, Map<unknown, unknown>>()
function filtered<T extends Float32Array | Uint8Array>(values: T | null, rows: Uint32Array | null, size: number) {
  if (!values || !rows) return values
  let byValues = filteredCache.get(rows)
  if (!byValues) filteredCache.set(rows, (byValues = new Map()))
  if (!byValues.has(values)) byValues.set(values, pickRows(values, rows, size))
  return byValues.get(values) as T
}
const keptCache = new WeakMap<PointTable, Map<string, Uint32Array | null>>()
function kept(table: PointTable, style: ResolvedUserStyle) {
  const key = JSON.stringify([style.time?.column, style.time?.month, style.filter])
  let byKey = keptCache.get(table)
  if (!byKey) keptCache.set(table, (byKey = new Map()))
  if (!byKey.has(key)) {
    if (byKey.size > 20) byKey.clear()
    byKey.set(key, keptRows(table, style))
  }
  return byKey.get(key)!
}

/** The point table a record draws through deck.gl, or null when MapLibre draws it. */
function drawnTable(record: LayerRecord): PointTable | null {
  if (record.points) return record.points
  const style = record.userStyle
  if (!record.user || !record.data || !style || style.display === 'points') return null
  return pointTableOfCollection(record.data)
}

export function userPointDraws(
  records: readonly LayerRecord[],
  rank: Readonly<Record<string, number>>,
  /** A user layer's style read against its data: the datasets store's one getter. */
  resolvedStyle: (id: string) => ResolvedUserStyle | null,
): UserPointsDraw[] {
  return records
    .filter((record) => record.visible && drawnTable(record) && resolvedStyle(record.spec.id))
    .sort((a, b) => (rank[a.spec.id] ?? a.spec.order) - (rank[b.spec.id] ?? b.spec.order))
    .map((record) => {
      const table = drawnTable(record)!
      const style = record.userStyle ?? defaultUserLayerStyle()
      const colour = record.spec.legend?.[0]?.colour ?? '#d946ef'
      // A GeoJSON layer drawn as a heatmap is resolved against its features: the same columns as its table.
      const resolved = resolvedStyle(record.spec.id)!
      const rows = kept(table, resolved)
      const points = style.display === 'points'
      return {
        id: record.spec.id,
        positions: filtered(table.positions, rows, 2)!,
        weights: points ? null : filtered(weights(table, resolved.weightColumn), rows, 1),
        display: style.display,
        colour: rgb(colour),
        colours: points ? filtered(rowColours(table, resolved), rows, 3) : null,
        radii: points ? filtered(rowRadii(table, resolved), rows, 1) : null,
        opacity: record.opacity,
        propertiesAt: (index: number) => pointProperties(table, rows ? (rows[index] ?? -1) : index),
        rowAt: (index: number) => (rows ? (rows[index] ?? -1) : index),
      }
    })
}
