/**
 * MapLibre expressions for a resolved user style: fill/circle colour by category or class, circle
 * radius by a numeric column, the label text, and the feature filter of the month and the range.
 * Column names are data: each ['get', …] names the column as MapLibre holds it (mapSafeKey escapes
 * `constructor`, `__proto__` and the like, see own-keys.ts). Categories are compared with '==' in a
 * 'case', not with 'match', whose labels live in a plain object where "constructor" is already taken.
 * Pure TypeScript: expressions are plain arrays.
 */
import { mapSafeKey } from '../../domain/text/own-keys'
import { monthKeyOf } from './user-style-dates'
import type { UserTable } from './user-style-columns'
import { textOf } from './user-style-columns'
import { NO_VALUE_COLOUR, RADIUS_RANGE, type ResolvedUserStyle } from './user-style-resolve'

export type Expression = unknown[]

const get = (column: string): Expression => ['get', mapSafeKey(column)]
const isNumber = (column: string): Expression => ['==', ['typeof', get(column)], 'number']

/** A colour per feature: a constant for one colour, else a 'case' over categories or classes. */
export function colourExpression(style: ResolvedUserStyle): string | Expression {
  const colour = style.colour
  if (colour.kind === 'single') return colour.colour
  if (colour.kind === 'categories') {
    const value = ['to-string', get(colour.column)]
    const cases = colour.entries.flatMap((entry) => [['==', value, entry.value], entry.colour])
    const rest = colour.other?.colour ?? NO_VALUE_COLOUR
    // A feature without the value is grey, not "other".
    const missing = [['any', ['!', ['has', mapSafeKey(colour.column)]], ['==', value, '']], NO_VALUE_COLOUR]
    return ['case', ...missing, ...cases, rest]
  }
  const classes = colour.classification.classes
  if (classes.length === 0) return NO_VALUE_COLOUR
  // Upper edges are inclusive (classify.ts), which 'step' (lower-inclusive) cannot say; a 'case' can.
  const value = ['to-number', get(colour.column)]
  const cases = classes.slice(0, -1).flatMap((c) => [['<=', value, c.max], c.colour])
  return ['case', ['!', isNumber(colour.column)], NO_VALUE_COLOUR, ...cases, classes[classes.length - 1]!.colour]
}

/** Circle radius: area grows with the value (square root), RADIUS_RANGE from min to max. */
export function radiusExpression(style: ResolvedUserStyle, fallback: number): number | Expression {
  const size = style.size
  if (!size) return fallback
  const [small, large] = RADIUS_RANGE
  if (!(size.max > size.min)) return (small + large) / 2
  const value = ['to-number', get(size.column)]
  const share = ['/', ['-', ['min', ['max', value, size.min], size.max], size.min], size.max - size.min]
  return ['case', isNumber(size.column), ['+', small, ['*', large - small, ['sqrt', share]]], small]
}

export function labelExpression(style: ResolvedUserStyle): Expression | null {
  if (!style.label) return null
  return ['to-string', ['coalesce', get(style.label), '']]
}

/**
 * The values of a date column that fall in a month, compared as text: MapLibre cannot parse
 * "2022年3月", so the month is read here and the filter lists the column's own values.
 */
export function valuesInMonth(table: UserTable, column: string, month: string): string[] {
  const summary = table.summary(column)
  if (!summary) return []
  const values = summary.values.filter((entry) => monthKeyOf(entry.value) === month).map((entry) => entry.value)
  // Past MAX_DISTINCT the summary did not list every value: read the rows themselves.
  if (!summary.valuesCapped) return values
  const reader = table.reader(column)!
  const found = new Set<string>()
  for (let row = 0; row < reader.length; row++) {
    const text = textOf(reader.at(row))
    if (monthKeyOf(text) === month) found.add(text)
  }
  return [...found]
}

/** The filter of the chosen month and the numeric range, or null when neither is set. */
export function featureFilter(style: ResolvedUserStyle, table: UserTable): Expression | null {
  const parts: Expression[] = []
  if (style.time?.month) {
    const values = valuesInMonth(table, style.time.column, style.time.month)
    // Date values are dates (never "constructor"), so 'match' with its fast lookup is safe here.
    parts.push(values.length ? ['match', ['to-string', get(style.time.column)], values, true, false] : ['==', 1, 0])
  }
  const filter = style.filter
  if (filter && (filter.min !== null || filter.max !== null)) {
    const value = ['to-number', get(filter.column)]
    parts.push(isNumber(filter.column))
    if (filter.min !== null) parts.push(['>=', value, filter.min])
    if (filter.max !== null) parts.push(['<=', value, filter.max])
  }
  if (parts.length === 0) return null
  return parts.length === 1 ? parts[0]! : ['all', ...parts]
}

/** What a user layer's map layers read from its style: the resolved style and the feature filter. */
export interface UserStyleRender {
  style: ResolvedUserStyle
  filter: Expression | null
}

const renders = new WeakMap<ResolvedUserStyle, UserStyleRender>()
/** Once per resolved style (itself memoised per data and style), so an unchanged layer is not re-filtered. */
export function userStyleRender(table: UserTable, style: ResolvedUserStyle): UserStyleRender {
  let found = renders.get(style)
  if (!found) renders.set(style, (found = { style, filter: featureFilter(style, table) }))
  return found
}
