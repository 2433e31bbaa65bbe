/**
 * A user layer's style (plain data, user-layer-style.ts) read against its data: the categories with
 * their colours, the classes of a numeric column (classified exactly as the township choropleth is,
 * by classify.ts), the size scale, the months of the date column and the range filter. The map
 * (expressions, deck.gl attributes) and the legend both draw from this one result. A style that names
 * a column the data lacks, or of the wrong kind, falls back for that part alone. Pure TypeScript.
 */
import {
  classify,
  parseManualBreaks,
  type Classification,
  type NaturalBreaksOf,
} from '../../domain/classification/classify'
import type { ColumnSummary, UserTable } from './user-style-columns'
import { monthSteps } from './user-style-dates'
import type { UserLayerStyle } from './user-layer-style'

/** Distinct, readable category colours (d3's category10 without its grey, which means "other" here). */
export const CATEGORY_COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#393b79',
] as const
export const OTHER_COLOUR = '#9e9e9e'
/** Features without a value in the colour column. */
export const NO_VALUE_COLOUR = '#d4d4d4'
/** Point radius range in pixels; the area of a point grows with its value. */
export const RADIUS_RANGE: [number, number] = [4, 16]
export const DEFAULT_RADIUS = 5
/** Heatmap and hexagon colours, low → high (ColorBrewer YlOrRd). */
export const HEAT_COLOURS = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'] as const

export type ResolvedColour =
  | { kind: 'single'; colour: string }
  | {
      kind: 'categories'
      column: string
      entries: { value: string; colour: string; count: number }[]
      /** Rows whose value is not among the entries ("其他"), or null when every value has its colour. */
      other: { colour: string; count: number } | null
      missing: number
    }
  | {
      kind: 'graduated'
      column: string
      classification: Classification
      /** The manual breaks as typed could not be read; quantile classes are shown meanwhile. */
      breaksError: string | null
      missing: number
    }

export interface ResolvedUserStyle {
  colour: ResolvedColour
  size: { column: string; min: number; max: number } | null
  label: string | null
  display: UserLayerStyle['display']
  weightColumn: string | null
  time: { column: string; month: string | null; steps: string[] } | null
  filter: { column: string; min: number | null; max: number | null; range: { min: number; max: number } } | null
}

function summaryOf(table: UserTable, name: string | null | undefined, kinds: ColumnSummary['kind'][]) {
  const summary = name ? table.summary(name) : null
  return summary && kinds.includes(summary.kind) ? summary : null
}

/** Up to 10 colours; with more values, the 9 most frequent and 其他 for the rest. */
function categories(summary: ColumnSummary): Extract<ResolvedColour, { kind: 'categories' }> {
  const many = summary.values.length > CATEGORY_COLOURS.length || summary.valuesCapped
  const shown = summary.values.slice(0, many ? CATEGORY_COLOURS.length - 1 : CATEGORY_COLOURS.length)
  const entries = shown.map((entry, i) => ({ ...entry, colour: CATEGORY_COLOURS[i]! }))
  const counted = entries.reduce((sum, entry) => sum + entry.count, 0)
  return {
    kind: 'categories',
    column: summary.name,
    entries,
    other: many ? { colour: OTHER_COLOUR, count: summary.present - counted } : null,
    missing: 0,
  }
}

function graduated(
  table: UserTable,
  summary: ColumnSummary,
  rule: Extract<UserLayerStyle['colour'], { kind: 'graduated' }>,
  naturalBreaksOf: NaturalBreaksOf | null,
): ResolvedColour {
  const reader = table.reader(summary.name)!
  const values: (number | null)[] = new Array<number | null>(reader.length)
  for (let row = 0; row < reader.length; row++) {
    const value = reader.at(row)
    values[row] = typeof value === 'number' ? value : null
  }
  let classification: Classification
  let breaksError: string | null = null
  // As the indicators store does for the townships: bad or empty manual breaks show quantiles meanwhile.
  if (rule.method === 'manual') {
    const { breaks, error } = parseManualBreaks(rule.manualBreaksText)
    breaksError = error
    classification =
      error || breaks.length === 0
        ? classify(values, 'quantile', rule.classCount)
        : classify(values, 'manual', breaks.length + 1, breaks)
  } else if (rule.method === 'natural-breaks') {
    // Quantiles meanwhile, until the natural-breaks code has loaded (it loads on first use).
    classification = naturalBreaksOf
      ? classify(values, rule.method, rule.classCount, undefined, naturalBreaksOf)
      : classify(values, 'quantile', rule.classCount)
  } else classification = classify(values, rule.method, rule.classCount)
  return {
    kind: 'graduated',
    column: summary.name,
    classification,
    breaksError,
    missing: reader.length - summary.present,
  }
}

const colourMemo = new WeakMap<UserTable, Map<string, ResolvedColour>>()

/** The colour part, once per (data, rule): classifying a million values must not rerun as the month moves. */
function colourOf(
  table: UserTable,
  rule: UserLayerStyle['colour'],
  layerColour: string,
  naturalBreaksOf: NaturalBreaksOf | null,
): ResolvedColour {
  if (rule.kind === 'single') return { kind: 'single', colour: layerColour }
  let byRule = colourMemo.get(table)
  if (!byRule) colourMemo.set(table, (byRule = new Map()))
  // The quantiles shown while natural breaks load are not kept as the natural breaks' answer.
  const key = JSON.stringify([rule, naturalBreaksOf !== null])
  const known = byRule.get(key)
  if (known) return known
  let found: ResolvedColour = { kind: 'single', colour: layerColour }
  if (rule.kind === 'categories') {
    const summary = summaryOf(table, rule.column, ['text', 'date', 'number'])
    const counted = summary?.kind === 'number' ? numberAsText(table, summary) : summary
    if (counted) found = { ...categories(counted), missing: table.length - counted.present }
  } else {
    const summary = summaryOf(table, rule.column, ['number'])
    if (summary) found = graduated(table, summary, rule, naturalBreaksOf)
  }
  if (byRule.size > 20) byRule.clear()
  byRule.set(key, found)
  return found
}

export function resolveUserStyle(
  table: UserTable,
  style: UserLayerStyle,
  layerColour: string,
  naturalBreaksOf: NaturalBreaksOf | null = null,
): ResolvedUserStyle {
  const colour = colourOf(table, style.colour, layerColour, naturalBreaksOf)
  const size = summaryOf(table, style.sizeColumn, ['number'])
  const time = summaryOf(table, style.time?.column, ['date'])
  const filter = summaryOf(table, style.filter?.column, ['number'])
  return {
    colour,
    size: size?.range ? { column: size.name, ...size.range } : null,
    label: style.labelColumn && table.summary(style.labelColumn) ? style.labelColumn : null,
    display: style.display,
    weightColumn: style.weightColumn && table.isNumber(style.weightColumn) ? style.weightColumn : null,
    time: time ? { column: time.name, month: style.time?.month ?? null, steps: monthSteps(time.months.keys()) } : null,
    filter:
      filter?.range && style.filter
        ? { column: filter.name, min: style.filter.min, max: style.filter.max, range: filter.range }
        : null,
  }
}

/** A numeric column shown as categories (codes, classes 1–5): its values counted as text. */
function numberAsText(table: UserTable, summary: ColumnSummary): ColumnSummary {
  const reader = table.reader(summary.name)!
  const counts = new Map<string, number>()
  for (let row = 0; row < reader.length; row++) {
    const value = reader.at(row)
    if (typeof value === 'number' && Number.isFinite(value))
      counts.set(String(value), (counts.get(String(value)) ?? 0) + 1)
  }
  const values = [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count)
  return { ...summary, kind: 'text', values, valuesCapped: false }
}

/** Radius in pixels of a value on the size scale: area proportional to (value − min). */
export function radiusOf(value: number, size: { min: number; max: number }): number {
  const [small, large] = RADIUS_RANGE
  if (!(size.max > size.min)) return (small + large) / 2
  const share = Math.min(1, Math.max(0, (value - size.min) / (size.max - size.min)))
  return small + (large - small) * Math.sqrt(share)
}

const memo = new WeakMap<UserTable, Map<string, ResolvedUserStyle>>()

/** resolveUserStyle, once per (data, style, colour): the map and the legend ask for it on every change. */
export function resolvedUserStyle(
  table: UserTable,
  style: UserLayerStyle,
  layerColour: string,
  naturalBreaksOf: NaturalBreaksOf | null = null,
): ResolvedUserStyle {
  let byStyle = memo.get(table)
  if (!byStyle) memo.set(table, (byStyle = new Map()))
  const key = JSON.stringify([style, layerColour, naturalBreaksOf !== null])
  let found = byStyle.get(key)
  if (!found) {
    if (byStyle.size > 50) byStyle.clear()
    byStyle.set(key, (found = resolveUserStyle(table, style, layerColour, naturalBreaksOf)))
  }
  return found
}
