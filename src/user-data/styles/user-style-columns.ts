/**
 * What the columns of a user's layer hold, so the style panel offers only what fits (numbers for
 * classes, size, weights and the range filter; text for categories; dates for the month slider) and
 * the map and legend know the categories, ranges and months. One reading per data object, memoised:
 * a GeoJSON collection or a large point table (src/user-data/tables/point-table.ts) alike. Pure TypeScript.
 */
import type { FeatureCollection } from 'geojson'
import type { PointTable } from '../tables/point-table'
import { ownValue } from '../../domain/text/own-keys'
import { monthKeyOf } from './user-style-dates'

export type ColumnKind = 'number' | 'text' | 'date'

/** A column's values by row; missing values read as null. */
export interface ColumnReader {
  name: string
  length: number
  at(row: number): unknown
}

export interface ColumnSummary {
  name: string
  kind: ColumnKind
  /** Rows with a value (not null, not empty text). */
  present: number
  /** Number columns: the smallest and largest finite value. */
  range: { min: number; max: number } | null
  /** Text and date columns: each distinct value and how many rows hold it, most frequent first. */
  values: { value: string; count: number }[]
  /** True when the column had more distinct values than were counted one by one. */
  valuesCapped: boolean
  /** Date columns: rows per month ('YYYY-MM'). */
  months: Map<string, number>
}

/** A user layer's data as columns: the same for a collection and a point table. */
export interface UserTable {
  length: number
  columns: ColumnSummary[]
  reader(name: string): ColumnReader | null
  summary(name: string): ColumnSummary | null
  /**
   * Whether summary(name)'s kind is 'number', answered without summarising where the table can: a
   * large point set's typed number column in one pass (a summary of a million rows took ~55 ms in the
   * task that adds the layer, only for the style to check that its weight column is numeric).
   */
  isNumber(name: string): boolean
}

/** Distinct values counted one by one per column; beyond, new values are only counted as a total. */
export const MAX_DISTINCT = 10_000
/** A column is a date column when at least this share of its present values read as dates. */
const DATE_SHARE = 0.9

function isPresent(value: unknown): boolean {
  return value !== null && value !== undefined && value !== '' && !(typeof value === 'number' && Number.isNaN(value))
}

export function textOf(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

export function summariseColumn(reader: ColumnReader): ColumnSummary {
  let present = 0
  let numbers = 0
  let min = Infinity
  let max = -Infinity
  let dates = 0
  const counts = new Map<string, number>()
  const months = new Map<string, number>()
  // A date column repeats its dates: each distinct text is parsed once (a million rows, a few hundred dates).
  const monthOfText = new Map<string, string | null>()
  let capped = false
  for (let row = 0; row < reader.length; row++) {
    const value = reader.at(row)
    if (!isPresent(value)) continue
    present++
    if (typeof value === 'number') {
      if (Number.isFinite(value)) {
        numbers++
        if (value < min) min = value
        if (value > max) max = value
      }
      continue
    }
    const text = textOf(value)
    const seen = counts.get(text)
    if (seen !== undefined) counts.set(text, seen + 1)
    else if (counts.size < MAX_DISTINCT) counts.set(text, 1)
    else capped = true
    let month = monthOfText.get(text)
    if (month === undefined) {
      month = monthKeyOf(text)
      if (monthOfText.size < MAX_DISTINCT) monthOfText.set(text, month)
    }
    if (month) {
      dates++
      months.set(month, (months.get(month) ?? 0) + 1)
    }
  }
  const numeric = present > 0 && numbers === present
  const kind: ColumnKind = numeric ? 'number' : present > 0 && dates >= present * DATE_SHARE ? 'date' : 'text'
  const values = numeric
    ? []
    : [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count)
  return {
    name: reader.name,
    kind,
    present,
    range: numeric ? { min, max } : null,
    values,
    valuesCapped: capped,
    months: kind === 'date' ? months : new Map(),
  }
}

function tableOf(
  length: number,
  names: string[],
  reader: (name: string) => ColumnReader,
  quickIsNumber?: (name: string) => boolean,
): UserTable {
  const summaries = new Map<string, ColumnSummary>()
  const readers = new Map<string, ColumnReader>()
  const numeric = new Map<string, boolean>()
  const known = new Set(names)
  const readerOf = (name: string) => {
    if (!known.has(name)) return null
    let found = readers.get(name)
    if (!found) readers.set(name, (found = reader(name)))
    return found
  }
  const summary = (name: string) => {
    if (!known.has(name)) return null
    let found = summaries.get(name)
    if (!found) summaries.set(name, (found = summariseColumn(readerOf(name)!)))
    return found
  }
  return {
    length,
    get columns() {
      return names.map((name) => summary(name)!)
    },
    reader: readerOf,
    summary,
    isNumber(name) {
      if (!known.has(name)) return false
      const summarised = summaries.get(name)
      if (summarised) return summarised.kind === 'number'
      if (!quickIsNumber) return summary(name)!.kind === 'number'
      let answer = numeric.get(name)
      if (answer === undefined) numeric.set(name, (answer = quickIsNumber(name)))
      return answer
    },
  }
}

function collectionTable(collection: FeatureCollection): UserTable {
  const names: string[] = []
  const seen = new Set<string>()
  for (const feature of collection.features)
    for (const name of Object.keys(feature.properties ?? {}))
      if (!seen.has(name)) {
        seen.add(name)
        names.push(name)
      }
  const features = collection.features
  return tableOf(features.length, names, (name) => ({
    name,
    length: features.length,
    at: (row) => ownValue(features[row]!.properties, name) ?? null,
  }))
}

function pointTable(table: PointTable): UserTable {
  return tableOf(
    table.length,
    table.columns.map((column) => column.name),
    (name) => {
      const column = table.columns.find((c) => c.name === name)!
      if (column.kind === 'number')
        return {
          name,
          length: table.length,
          at: (row) => (Number.isNaN(column.values[row]!) ? null : column.values[row]!),
        }
      return {
        name,
        length: table.length,
        at: (row) => column.text.slice(column.offsets[row]!, column.offsets[row + 1]!),
      }
    },
    (name) => {
      // As summariseColumn decides: present (not NaN) values, all finite, at least one. Text never is.
      const column = table.columns.find((c) => c.name === name)!
      if (column.kind !== 'number') return false
      const { values } = column
      let present = 0
      for (let row = 0; row < values.length; row++) {
        const value = values[row]!
        if (Number.isNaN(value)) continue
        if (!Number.isFinite(value)) return false
        present++
      }
      return present > 0
    },
  )
}

const tables = new WeakMap<object, UserTable>()

/** The columns of a user layer's data, read once per data object (data is replaced, never mutated). */
export function userTableOf(data: FeatureCollection | PointTable): UserTable {
  let table = tables.get(data)
  if (!table) tables.set(data, (table = 'features' in data ? collectionTable(data) : pointTable(data)))
  return table
}
