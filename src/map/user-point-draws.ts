/**
 * From layer records to the deck.gl draws of users' large point sets: visible ones only, bottom of
 * the list first, weights taken from the chosen numeric column (memoised per table and column, so a
 * change of opacity does not rebuild a million weights). Pure: no MapLibre, no deck.gl.
 */
import { pointProperties, weightsOf, type PointTable } from '../domain/point-table'
import type { LayerRecord } from '../stores/layers'
import { defaultUserLayerStyle } from '../domain/user-layer-style'
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

export function userPointDraws(
  records: readonly LayerRecord[],
  rank: Readonly<Record<string, number>>,
): UserPointsDraw[] {
  return records
    .filter((record) => record.points && record.visible)
    .sort((a, b) => (rank[a.spec.id] ?? a.spec.order) - (rank[b.spec.id] ?? b.spec.order))
    .map((record) => {
      const table = record.points!
      const style = record.userStyle ?? defaultUserLayerStyle()
      return {
        id: record.spec.id,
        positions: table.positions,
        weights: style.display === 'points' ? null : weights(table, style.weightColumn),
        display: style.display,
        colour: rgb(record.spec.legend?.[0]?.colour ?? '#d946ef'),
        opacity: record.opacity,
        propertiesAt: (index: number) => pointProperties(table, index),
      }
    })
}
