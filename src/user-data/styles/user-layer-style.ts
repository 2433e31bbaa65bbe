/**
 * How a user's layer is drawn, as plain data (kepler.gl keeps a layer's saved `config` apart from its
 * type the same way): colour, size, label, heatmap or hexagons, the month shown and a range filter,
 * each by a column of the user's file. It is what the style panel edits, what IndexedDB keeps and
 * what a project file carries, so it holds only JSON values, and `parseUserLayerStyle` reads one back
 * field by field: a field that is missing or out of range falls back to its default alone.
 */
import type { ClassificationMethod } from '../../domain/classification/classify'
import { CLASSIFICATION_METHODS, MAX_PALETTE_CLASSES, MIN_PALETTE_CLASSES } from '../../domain/classification/classify'

export type UserColourRule =
  /** One colour for every feature (the layer's own, from its place among the user's layers). */
  | { kind: 'single' }
  /** A colour per distinct value of a text column. */
  | { kind: 'categories'; column: string }
  /** Classes of a numeric column, classified as the township choropleth is. */
  | { kind: 'graduated'; column: string; method: ClassificationMethod; classCount: number; manualBreaksText: string }

export interface UserLayerStyle {
  colour: UserColourRule
  /** Points: radius by a numeric column; null draws every point the same size. */
  sizeColumn: string | null
  /** Text drawn beside each feature; null for none. */
  labelColumn: string | null
  /** Points: drawn one by one, or as a deck.gl heatmap or hexagon layer. */
  display: 'points' | 'heatmap' | 'hexagon'
  /** Heatmap and hexagon weights: a numeric column, or null to count points. */
  weightColumn: string | null
  /** A date or month column and the month shown ('2022-03'), or null for every month. */
  time: { column: string; month: string | null } | null
  /** Only features whose value in a numeric column lies within [min, max] (a null bound is open). */
  filter: { column: string; min: number | null; max: number | null } | null
}

export function defaultUserLayerStyle(): UserLayerStyle {
  return {
    colour: { kind: 'single' },
    sizeColumn: null,
    labelColumn: null,
    display: 'points',
    weightColumn: null,
    time: null,
    filter: null,
  }
}

const DISPLAYS: readonly UserLayerStyle['display'][] = ['points', 'heatmap', 'hexagon']
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
/** A column name as stored: any non-empty text (names are data, see own-keys.ts), bounded in length. */
function columnName(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : null
}
function bound(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

function parseColour(value: unknown): UserColourRule {
  if (!isRecord(value)) return { kind: 'single' }
  const column = columnName(value.column)
  if (value.kind === 'categories' && column) return { kind: 'categories', column }
  if (value.kind === 'graduated' && column) {
    const method = CLASSIFICATION_METHODS.find((m) => m === value.method) ?? 'quantile'
    const count = typeof value.classCount === 'number' && Number.isInteger(value.classCount) ? value.classCount : 5
    return {
      kind: 'graduated',
      column,
      method,
      classCount: Math.min(MAX_PALETTE_CLASSES, Math.max(MIN_PALETTE_CLASSES, count)),
      manualBreaksText: typeof value.manualBreaksText === 'string' ? value.manualBreaksText.slice(0, 200) : '',
    }
  }
  return { kind: 'single' }
}

/** A stored or received style, checked field by field; anything unreadable becomes the default. */
export function parseUserLayerStyle(value: unknown): UserLayerStyle {
  const style = defaultUserLayerStyle()
  if (!isRecord(value)) return style
  style.colour = parseColour(value.colour)
  style.sizeColumn = columnName(value.sizeColumn)
  style.labelColumn = columnName(value.labelColumn)
  style.display = DISPLAYS.find((d) => d === value.display) ?? 'points'
  style.weightColumn = columnName(value.weightColumn)
  if (isRecord(value.time) && columnName(value.time.column)) {
    const month = typeof value.time.month === 'string' && MONTH.test(value.time.month) ? value.time.month : null
    style.time = { column: value.time.column as string, month }
  }
  if (isRecord(value.filter) && columnName(value.filter.column)) {
    style.filter = { column: value.filter.column as string, min: bound(value.filter.min), max: bound(value.filter.max) }
  }
  return style
}
