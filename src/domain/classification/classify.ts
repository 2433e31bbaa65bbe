/**
 * Classification of numeric values into classes for choropleth maps and their legends.
 *
 * Class membership rule (every method): with ascending breaks b[0] < b[1] < … < b[n-1], class i
 * holds the values v with b[i-1] < v <= b[i], i.e. each class includes its upper bound; the first
 * class also includes its lower bound (the smallest value). A value on a break therefore belongs to
 * the lower class, as in the usual "0–5, 5–20, 20–50" legend reading "up to and including 5".
 *
 * Breaks that coincide (many equal values, fewer distinct values than classes) are merged, so a
 * classification may have fewer classes than asked for; it never has an empty class except with
 * manual breaks, where the user's class edges are kept even when no value falls between them.
 *
 * Pure TypeScript.
 */

export type ClassificationMethod = 'quantile' | 'equal-interval' | 'natural-breaks' | 'manual'

/** Every method, in the order the legend and the style panel offer them (and files are read against). */
export const CLASSIFICATION_METHODS: readonly ClassificationMethod[] = [
  'quantile',
  'equal-interval',
  'natural-breaks',
  'manual',
]

/** The numbers of classes the legend and the style panel offer (a file may hold 2, MIN_PALETTE_CLASSES). */
export const CLASS_COUNT_CHOICES: readonly number[] = [3, 4, 5, 6, 7]

/**
 * Inner breaks for natural breaks (Jenks): sorted finite values and a class count in, ascending
 * inner breaks out. It lives in natural-breaks.ts and is passed in, because its library loads after
 * the first view (docs/decisions/0039-natural-breaks-by-ckmeans.md).
 */
export type NaturalBreaksOf = (sorted: readonly number[], k: number) => number[]

export interface ValueClass {
  index: number
  /** Lower edge: inclusive for the first class, exclusive (the previous class's max) otherwise. */
  min: number
  /** Upper edge, inclusive. */
  max: number
  /** How many of the classified values fall in the class. */
  count: number
  colour: string
}

export interface Classification {
  method: ClassificationMethod
  classes: ValueClass[]
}

/** The palette is hand-picked for 2..7 classes; more than 7 shades cannot be told apart on a map. */
export const MIN_PALETTE_CLASSES = 2
export const MAX_PALETTE_CLASSES = 7
/** Manual breaks give breaks + 1 classes, so at most this many breaks keep within the palette. */
export const MAX_MANUAL_BREAKS = MAX_PALETTE_CLASSES - 1
const DEFAULT_CLASS_COUNT = 5

/**
 * Light → dark, pale green through yellow and orange to dark red. Every list is ordered by CIE L*
 * lightness with steps of roughly 10 or more, so the order reads without hue (red–green colour
 * blindness) and in greyscale print. L* of each colour is noted for whoever edits these.
 */
const PALETTES: Readonly<Record<number, readonly string[]>> = {
  // L* 94.5, 48.5
  2: ['#e6f5c9', '#e31a1c'],
  // L* 94.5, 69.7, 36.9
  3: ['#e6f5c9', '#fd8d3c', '#b10026'],
  // L* 94.5, 82.4, 62.1, 31.4
  4: ['#e6f5c9', '#fec44f', '#f46d43', '#99000d'],
  // L* 94.5, 82.4, 69.7, 48.5, 25.9
  5: ['#e6f5c9', '#fec44f', '#fd8d3c', '#e31a1c', '#800026'],
  // L* 94.5, 82.4, 69.7, 52.4, 36.9, 25.9
  6: ['#e6f5c9', '#fec44f', '#fd8d3c', '#e0472a', '#b10026', '#800026'],
  // L* 94.5, 82.4, 72.4, 62.1, 48.5, 36.9, 25.9
  7: ['#e6f5c9', '#fec44f', '#fd9a3c', '#f46d43', '#e31a1c', '#b10026', '#800026'],
}

/** A single class has nothing to contrast with; a mid orange reads as "has a value" on the basemap. */
const SINGLE_CLASS_COLOUR = '#fd8d3c'

/** A sequential palette of k colours (light → dark), k an integer in 2..7; otherwise a RangeError. */
export function sequentialPalette(k: number): string[] {
  const palette = Number.isInteger(k) ? PALETTES[k] : undefined
  if (!palette) {
    throw new RangeError(
      `sequentialPalette: k must be an integer from ${MIN_PALETTE_CLASSES} to ${MAX_PALETTE_CLASSES}, got ${String(k)}`,
    )
  }
  return [...palette]
}

/** Colours for n classes; n = 1 and n > 7 (only reachable with many manual breaks) do not throw. */
function coloursFor(classCount: number): string[] {
  if (classCount <= 0) return []
  if (classCount === 1) return [SINGLE_CLASS_COLOUR]
  if (classCount <= MAX_PALETTE_CLASSES) return sequentialPalette(classCount)
  // Beyond the palette, interpolate along the 7-colour ramp rather than fail or repeat colours.
  const ramp = sequentialPalette(MAX_PALETTE_CLASSES).map(hexToRgb)
  return Array.from({ length: classCount }, (_, i) => {
    const position = (i * (ramp.length - 1)) / (classCount - 1)
    const lower = Math.floor(position)
    const upper = Math.min(lower + 1, ramp.length - 1)
    const t = position - lower
    const a = ramp[lower]!
    const b = ramp[upper]!
    return rgbToHex(a.map((channel, c) => channel + (b[c]! - channel) * t))
  })
}

function hexToRgb(hex: string): number[] {
  return [1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16))
}

function rgbToHex(rgb: readonly number[]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`
}

function isValidValue(value: number | null): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

/** Integer class count in 1..7; a bad k falls back to the default rather than throwing in the UI. */
function normaliseClassCount(k: number | undefined): number {
  if (k === undefined || !Number.isFinite(k)) return DEFAULT_CLASS_COUNT
  return Math.min(MAX_PALETTE_CLASSES, Math.max(1, Math.round(k)))
}

/**
 * Quantile inner breaks: n sorted values are cut into k consecutive groups of ⌊n/k⌋ or ⌈n/k⌉
 * values. Group i (1-based) ends at sorted position ⌈i·n/k⌉ (1-based), so break i is
 * sorted[⌈i·n/k⌉ − 1]; the larger groups are spread evenly, the first group being one of them.
 * E.g. 11 values, k = 5: positions 3, 5, 7, 9 → groups of 3, 2, 2, 2, 2; 12 values: positions
 * 3, 5, 8, 10 → 3, 2, 3, 2, 2. With tied values a group extends to include all copies of its last value (the
 * membership rule puts equal values in one class), which may leave later groups smaller or merged.
 */
function quantileBreaks(sorted: readonly number[], k: number): number[] {
  const n = sorted.length
  const breaks: number[] = []
  for (let i = 1; i < k; i++) {
    breaks.push(sorted[Math.ceil((i * n) / k) - 1]!)
  }
  return breaks
}

/** Equal-interval inner breaks: min + i·(max − min)/k for i = 1..k−1. */
function equalIntervalBreaks(min: number, max: number, k: number): number[] {
  const width = (max - min) / k
  const breaks: number[] = []
  for (let i = 1; i < k; i++) breaks.push(min + i * width)
  return breaks
}

/** Ascending, unique, finite, and strictly between lower and upper (edges there would give empty classes). */
function innerEdges(breaks: readonly number[], lower: number, upper: number): number[] {
  const inside = breaks.filter((b) => Number.isFinite(b) && b >= lower && b < upper)
  return [...new Set(inside)].sort((a, b) => a - b)
}

/** Index of the class holding value given the upper edges of all classes (last = overall max). */
function classIndexByUpperEdges(value: number, upperEdges: readonly number[]): number {
  // Binary search for the first upper edge >= value; values above the last edge clamp to the last class.
  let low = 0
  let high = upperEdges.length - 1
  while (low < high) {
    const mid = (low + high) >> 1
    if (value <= upperEdges[mid]!) high = mid
    else low = mid + 1
  }
  return low
}

/**
 * Classifies values into k classes (default 5, clamped to 1..7) by quantile, equal interval or
 * natural breaks (with naturalBreaksOf, from natural-breaks.ts; without it natural breaks throw), or
 * by the user's manualBreaks (ascending inner break values; k is then ignored, breaks + 1 classes).
 * null and NaN (and ±Infinity) values are ignored. Empty input gives no classes. See the file
 * comment for the membership rule and how coinciding breaks are merged.
 */
export function classify(
  values: readonly (number | null)[],
  method: ClassificationMethod,
  k?: number,
  manualBreaks?: readonly number[],
  naturalBreaksOf?: NaturalBreaksOf,
): Classification {
  const valid = values.filter(isValidValue).sort((a, b) => a - b)
  if (valid.length === 0) return { method, classes: [] }
  const dataMin = valid[0]!
  const dataMax = valid[valid.length - 1]!

  let lower = dataMin
  let upper = dataMax
  let inner: number[]
  if (method === 'manual') {
    const userBreaks = [...new Set((manualBreaks ?? []).filter((b) => Number.isFinite(b)))].sort((a, b) => a - b)
    // The user's edges are kept even outside the data: widen the outer edges to include them, so
    // "0–5, 5–20, 20–50" stays three classes whatever this dataset's range.
    if (userBreaks.length > 0) {
      lower = Math.min(dataMin, userBreaks[0]!)
      upper = Math.max(dataMax, userBreaks[userBreaks.length - 1]!)
    }
    // A break equal to the top edge would leave an empty class above it with no range; drop it.
    inner = userBreaks.filter((b) => b < upper)
  } else {
    const classCount = normaliseClassCount(k)
    let candidates: number[]
    if (method === 'quantile') candidates = quantileBreaks(valid, classCount)
    else if (method === 'equal-interval') candidates = equalIntervalBreaks(dataMin, dataMax, classCount)
    else if (naturalBreaksOf) candidates = naturalBreaksOf(valid, classCount)
    else throw new Error('classify: natural breaks need naturalBreaksOf (src/domain/classification/natural-breaks.ts)')
    inner = innerEdges(candidates, lower, upper)
  }

  const upperEdges = [...inner, upper]
  const counts = new Array<number>(upperEdges.length).fill(0)
  for (const value of valid) counts[classIndexByUpperEdges(value, upperEdges)]! += 1
  const colours = coloursFor(upperEdges.length)
  const classes = upperEdges.map((max, index): ValueClass => ({
    index,
    min: index === 0 ? lower : upperEdges[index - 1]!,
    max,
    count: counts[index]!,
    colour: colours[index]!,
  }))
  return { method, classes }
}

/**
 * Index of the class that holds value, or -1 for null/NaN or when there are no classes. Values
 * outside the classified range (e.g. a town added later) go to the nearest end class, so the map
 * never leaves a valued area uncoloured.
 */
export function classOf(value: number | null, classification: Classification): number {
  if (!isValidValue(value) || classification.classes.length === 0) return -1
  return classIndexByUpperEdges(
    value,
    classification.classes.map((valueClass) => valueClass.max),
  )
}

/** A number as people type it: optional sign, digits with an optional decimal part, optional exponent. */
const NUMBER_TOKEN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/
/** Separators people use between numbers, including the full-width comma and 、 of Chinese input. */
const BREAK_SEPARATORS = /[\s,，;；、]+/

/**
 * Parses manual breaks such as "5, 20, 50" (commas, Chinese commas, semicolons or spaces between).
 * The result is ascending with duplicates removed, so "50 20 20" gives [20, 50]. On an error the
 * breaks are empty and the error names the offending token; nothing is half-applied.
 */
export function parseManualBreaks(text: string): { breaks: number[]; error: string | null } {
  const tokens = text.split(BREAK_SEPARATORS).filter((token) => token.length > 0)
  if (tokens.length === 0) {
    return { breaks: [], error: 'no breaks given; enter numbers separated by commas, e.g. "5, 20, 50"' }
  }
  const numbers: number[] = []
  for (const token of tokens) {
    const value = Number(token)
    if (!NUMBER_TOKEN.test(token) || !Number.isFinite(value)) {
      return { breaks: [], error: `"${token}" is not a number; enter numbers separated by commas, e.g. "5, 20, 50"` }
    }
    numbers.push(value)
  }
  const breaks = [...new Set(numbers)].sort((a, b) => a - b)
  if (breaks.length > MAX_MANUAL_BREAKS) {
    return {
      breaks: [],
      error:
        `${breaks.length} breaks given ("${tokens.join(', ')}"); ` +
        `at most ${MAX_MANUAL_BREAKS} breaks (${MAX_PALETTE_CLASSES} classes) can be told apart`,
    }
  }
  return { breaks, error: null }
}
