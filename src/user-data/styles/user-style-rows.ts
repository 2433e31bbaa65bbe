/**
 * A resolved user style as typed arrays over a point table's rows, for deck.gl: which rows the month
 * and the range keep, each row's colour and radius. One pass each, memoised per (table, setting), so
 * a change of opacity or month does not rebuild a million colours. Pure TypeScript.
 */
import type { FeatureCollection } from 'geojson'
import { pointTableFromFeatures, type PointTable } from '../tables/point-table'
import { classOf } from '../../domain/classification/classify'
import { textOf, userTableOf } from './user-style-columns'
import { monthIndex, monthKeyOf } from './user-style-dates'
import { NO_VALUE_COLOUR, radiusOf, type ResolvedUserStyle } from './user-style-resolve'

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
}

type Cache<T> = WeakMap<PointTable, Map<string, T>>
function memo<T>(cache: Cache<T>, table: PointTable, key: string, make: () => T): T {
  let byKey = cache.get(table)
  if (!byKey) cache.set(table, (byKey = new Map()))
  if (!byKey.has(key)) {
    if (byKey.size > 20) byKey.clear()
    byKey.set(key, make())
  }
  return byKey.get(key)!
}

const monthCache: Cache<Int32Array> = new WeakMap()
/** Each row's month index (user-style-dates.ts monthIndex), −1 where the row has no date. */
export function rowMonths(table: PointTable, column: string): Int32Array {
  return memo(monthCache, table, column, () => {
    const reader = userTableOf(table).reader(column)
    const months = new Int32Array(table.length).fill(-1)
    if (!reader) return months
    const byText = new Map<string, number>()
    for (let row = 0; row < table.length; row++) {
      const text = textOf(reader.at(row))
      let index = byText.get(text)
      if (index === undefined) {
        const key = monthKeyOf(text)
        index = key ? monthIndex(key)! : -1
        if (byText.size < 10_000) byText.set(text, index)
      }
      months[row] = index
    }
    return months
  })
}

/** Indices of the rows the month and the range keep, or null when no filter is set. */
export function keptRows(table: PointTable, style: ResolvedUserStyle): Uint32Array | null {
  const month = style.time?.month ? monthIndex(style.time.month) : null
  const filter = style.filter && (style.filter.min !== null || style.filter.max !== null) ? style.filter : null
  if (month === null && !filter) return null
  const months = month !== null ? rowMonths(table, style.time!.column) : null
  const reader = filter ? userTableOf(table).reader(filter.column) : null
  const kept = new Uint32Array(table.length)
  let count = 0
  for (let row = 0; row < table.length; row++) {
    if (months && months[row] !== month) continue
    if (reader && filter) {
      const value = reader.at(row)
      if (typeof value !== 'number') continue
      if (filter.min !== null && value < filter.min) continue
      if (filter.max !== null && value > filter.max) continue
    }
    kept[count++] = row
  }
  return kept.slice(0, count)
}

const colourCache: Cache<Uint8Array> = new WeakMap()
/** RGB per row (3 bytes each) for a colour by category or class; null for one colour. */
export function rowColours(table: PointTable, style: ResolvedUserStyle): Uint8Array | null {
  const colour = style.colour
  if (colour.kind === 'single') return null
  return memo(colourCache, table, JSON.stringify(colour), () => {
    const reader = userTableOf(table).reader(colour.column)!
    const out = new Uint8Array(table.length * 3)
    const none = rgb(NO_VALUE_COLOUR)
    const byValue = new Map<string, [number, number, number]>()
    if (colour.kind === 'categories') for (const entry of colour.entries) byValue.set(entry.value, rgb(entry.colour))
    const rest = colour.kind === 'categories' && colour.other ? rgb(colour.other.colour) : none
    const classColours = colour.kind === 'graduated' ? colour.classification.classes.map((c) => rgb(c.colour)) : []
    for (let row = 0; row < table.length; row++) {
      const value = reader.at(row)
      let found = none
      if (colour.kind === 'categories') {
        const text = textOf(value)
        if (text !== '') found = byValue.get(text) ?? rest
      } else if (typeof value === 'number') found = classColours[classOf(value, colour.classification)] ?? none
      out.set(found, row * 3)
    }
    return out
  })
}

const radiusCache: Cache<Float32Array> = new WeakMap()
/** Radius in pixels per row for a size column; null for one size. */
export function rowRadii(table: PointTable, style: ResolvedUserStyle): Float32Array | null {
  const size = style.size
  if (!size) return null
  return memo(radiusCache, table, JSON.stringify(size), () => {
    const reader = userTableOf(table).reader(size.column)!
    const out = new Float32Array(table.length)
    for (let row = 0; row < table.length; row++) {
      const value = reader.at(row)
      out[row] = typeof value === 'number' ? radiusOf(value, size) : radiusOf(size.min, size)
    }
    return out
  })
}

/** The kept rows of an interleaved array (positions: 2 per row, colours: 3, weights and radii: 1). */
export function pickRows<T extends Float32Array | Uint8Array>(values: T, rows: Uint32Array, size: number): T {
  const out = new (values.constructor as new (length: number) => T)(rows.length * size)
  for (let i = 0; i < rows.length; i++) for (let k = 0; k < size; k++) out[i * size + k] = values[rows[i]! * size + k]!
  return out
}

const pointTables = new WeakMap<object, PointTable | null>()
/**
 * The Point features of a user's GeoJSON layer as a point table, once per collection: heatmaps and
 * hexagons of any user point layer are drawn the one way large point sets are. Null without points.
 */
export function pointTableOfCollection(collection: FeatureCollection): PointTable | null {
  if (!pointTables.has(collection)) {
    const points = collection.features.filter((f) => f.geometry?.type === 'Point')
    pointTables.set(collection, points.length ? pointTableFromFeatures(points) : null)
  }
  return pointTables.get(collection)!
}
