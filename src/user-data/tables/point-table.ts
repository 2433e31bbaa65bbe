/**
 * A large point set as columns instead of features: positions in one Float32Array (lng, lat
 * interleaved) and each property as one column, numbers in a Float64Array, text as one joined string
 * with offsets. Every part is a typed array or a single string, so the import worker can transfer
 * (not copy) it to the main thread, and the main thread keeps no per-point objects: one million
 * points cost about 8 MB of positions plus their columns, where GeoJSON features cost hundreds of MB
 * and seconds of structured cloning. The properties of one point are rebuilt only when it is picked.
 */
import type { Feature } from 'geojson'

export type PointColumn =
  | { name: string; kind: 'number'; values: Float64Array }
  | { name: string; kind: 'text'; text: string; offsets: Uint32Array }

export interface PointTable {
  length: number
  /** lng, lat, lng, lat… in WGS84 degrees (Float32: ~1 m near Jinhua, ample for a drawn point). */
  positions: Float32Array
  columns: PointColumn[]
}

/** One point's properties as a plain object; "__proto__" or "constructor" are defined like any name. */
export function pointProperties(table: PointTable, index: number): Record<string, unknown> | null {
  if (!Number.isInteger(index) || index < 0 || index >= table.length) return null
  const properties: Record<string, unknown> = {}
  for (const column of table.columns) {
    let value: unknown
    if (column.kind === 'number') {
      const number = column.values[index]!
      value = Number.isNaN(number) ? null : number
    } else value = column.text.slice(column.offsets[index]!, column.offsets[index + 1]!)
    Object.defineProperty(properties, column.name, { value, enumerable: true, writable: true, configurable: true })
  }
  return properties
}

export function numericColumnNames(table: PointTable): string[] {
  return table.columns.filter((column) => column.kind === 'number').map((column) => column.name)
}

/** A numeric column as heatmap weights: missing values and negatives weigh 0. Null if no such column. */
export function weightsOf(table: PointTable, name: string): Float32Array | null {
  const column = table.columns.find((c) => c.kind === 'number' && c.name === name)
  if (!column || column.kind !== 'number') return null
  const weights = new Float32Array(table.length)
  for (let i = 0; i < table.length; i++) {
    const value = column.values[i]!
    weights[i] = Number.isFinite(value) && value > 0 ? value : 0
  }
  return weights
}

/** The buffers to list in postMessage's transfer list. */
export function transferablesOf(table: PointTable): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [table.positions.buffer as ArrayBuffer]
  for (const column of table.columns)
    buffers.push((column.kind === 'number' ? column.values.buffer : column.offsets.buffer) as ArrayBuffer)
  return buffers
}

/**
 * Columns from Point features (the worker's parsed result). A column is numeric when every present
 * value is a number (null and missing read as NaN); anything else is kept as text, objects as JSON.
 */
export function pointTableFromFeatures(features: readonly Feature[]): PointTable {
  const length = features.length
  const positions = new Float32Array(length * 2)
  const names: string[] = []
  const seen = new Set<string>()
  for (let i = 0; i < length; i++) {
    const feature = features[i]!
    const coordinates = (feature.geometry as { coordinates: number[] }).coordinates
    positions[2 * i] = coordinates[0]!
    positions[2 * i + 1] = coordinates[1]!
    const properties = feature.properties
    if (!properties) continue
    for (const name of Object.keys(properties))
      if (!seen.has(name)) {
        seen.add(name)
        names.push(name)
      }
  }
  const read = (i: number, name: string): unknown => {
    const properties = features[i]!.properties
    return properties && Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined
  }
  const columns = names.map((name): PointColumn => {
    let numeric = true
    for (let i = 0; i < length && numeric; i++) {
      const value = read(i, name)
      if (value !== undefined && value !== null && typeof value !== 'number') numeric = false
    }
    if (numeric) {
      const values = new Float64Array(length)
      for (let i = 0; i < length; i++) {
        const value = read(i, name)
        values[i] = typeof value === 'number' ? value : NaN
      }
      return { name, kind: 'number', values }
    }
    const parts: string[] = new Array<string>(length)
    const offsets = new Uint32Array(length + 1)
    let total = 0
    for (let i = 0; i < length; i++) {
      const value = read(i, name)
      const text =
        value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
      parts[i] = text
      total += text.length
      offsets[i + 1] = total
    }
    return { name, kind: 'text', text: parts.join(''), offsets }
  })
  return { length, positions, columns }
}

/** [west, south, east, north] of the positions, or null for an empty table. */
export function pointTableBbox(table: PointTable): [number, number, number, number] | null {
  if (table.length === 0) return null
  let west = Infinity
  let south = Infinity
  let east = -Infinity
  let north = -Infinity
  const p = table.positions
  for (let i = 0; i < p.length; i += 2) {
    if (p[i]! < west) west = p[i]!
    if (p[i]! > east) east = p[i]!
    if (p[i + 1]! < south) south = p[i + 1]!
    if (p[i + 1]! > north) north = p[i + 1]!
  }
  return [west, south, east, north]
}

/**
 * The point nearest to (lng, lat) within a tolerance box (degrees, from the pixel radius at the
 * current zoom), or -1. One linear scan: about 5 ms for a million points, so clicks and hovers
 * need no GPU picking pass (which would redraw a million points into a picking buffer).
 */
export function nearestPointIndex(
  positions: Float32Array,
  lng: number,
  lat: number,
  toleranceLng: number,
  toleranceLat: number,
): number {
  let best = -1
  let bestDistance = Infinity
  for (let i = 0; i < positions.length; i += 2) {
    const dx = (positions[i]! - lng) / toleranceLng
    if (dx > 1 || dx < -1) continue
    const dy = (positions[i + 1]! - lat) / toleranceLat
    if (dy > 1 || dy < -1) continue
    const distance = dx * dx + dy * dy
    // Later points are drawn on top: on a tie the later one wins.
    if (distance <= 1 && distance <= bestDistance) {
      bestDistance = distance
      best = i / 2
    }
  }
  return best
}
