/**
 * The readings surface as a continuous ramp, beside the HJ 633 levels. When every station is in one
 * level (PM2.5 in a winter month: 39.6–53.6 μg/m³, all 良) the levels paint the whole district one
 * colour; the ramp stretches the month's own range over its colours, so the planner sees where it
 * is higher. The range is the month's station values: IDW never leaves the range of its inputs
 * (DOMAIN-NOTES), so every cell lands on the ramp, and the legend states that range.
 *
 * The ramp is viridis: its lightness rises steadily (it reads in greyscale and with red–green
 * colour blindness) and its hues are none of the HJ 633 level colours, so it is not mistaken for
 * levels. The levels stay on the legend: the part of the range each level covers, and a mark on
 * each breakpoint inside the range. Pure TypeScript.
 */
import type { ReadingsLegend, Rgb } from '../air/pollutant-scale'

/** How the surface is coloured: the fixed HJ 633 levels (the default) or the month's range on a ramp. */
export type SurfaceColouring = 'levels' | 'ramp'

/** Viridis at 0, 0.25, 0.5, 0.75, 1 (matplotlib's values), dark purple (low) to yellow (high). */
export const RAMP_STOPS: readonly Rgb[] = [
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
]

/** The month's range: the lowest and highest finite station value; null when there is none. */
export interface RampRange {
  min: number
  max: number
}

export function rampRangeOf(values: ArrayLike<number>): RampRange | null {
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    if (!Number.isFinite(value)) continue
    if (value < min) min = value
    if (value > max) max = value
  }
  return min <= max ? { min, max } : null
}

/** Where a value lies on the range, 0..1 (clamped); a range of one value puts everything mid-ramp. */
export function rampPosition(range: RampRange, value: number): number {
  if (!(range.max > range.min)) return 0.5
  const t = (value - range.min) / (range.max - range.min)
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0
}

/** The colour of a value on the ramp over the month's range (linear between the stops). */
export function rampColourOf(range: RampRange, value: number): Rgb {
  const scaled = rampPosition(range, value) * (RAMP_STOPS.length - 1)
  const lower = Math.min(Math.floor(scaled), RAMP_STOPS.length - 2)
  const t = scaled - lower
  const a = RAMP_STOPS[lower]!
  const b = RAMP_STOPS[lower + 1]!
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * t)) as Rgb
}

/** The part of the range one HJ 633 level covers, as positions 0..1 along the ramp. */
export interface RampLevelBand {
  level: number
  zh: string
  en: string
  hex: string
  from: number
  to: number
}

/** An HJ 633 breakpoint inside the range, and where it lies along the ramp. */
export interface RampMark {
  value: number
  position: number
}

export interface RampLegend {
  range: RampRange
  /** The levels the range touches, low to high; one band when every station is in one level. */
  bands: RampLevelBand[]
  /** Breakpoints strictly inside the range (none when the range stays within one level). */
  marks: RampMark[]
}

/**
 * The legend of the ramp: the month's range with the HJ 633 levels laid on it. A value on a
 * breakpoint belongs to the lower level (as levelOf says), so a band ends on its breakpoint.
 */
export function rampLegend(range: RampRange, levels: ReadingsLegend): RampLegend {
  const bands: RampLevelBand[] = []
  const marks: RampMark[] = []
  for (const step of levels.steps) {
    const top = step.to ?? Infinity
    // The level holds (from, to]; the first level also holds its from (0).
    const reachesIn = step.from === 0 ? range.max >= 0 : range.max > step.from
    if (!reachesIn || range.min > top) continue
    const single = range.max === range.min
    const band = {
      level: step.level,
      zh: step.zh,
      en: step.en,
      hex: step.hex,
      from: single ? 0 : rampPosition(range, Math.max(range.min, step.from)),
      to: single ? 1 : rampPosition(range, Math.min(range.max, top)),
    }
    // A range that only touches a level's top (the month's lowest value exactly on a breakpoint)
    // would give a band of no width: left out.
    if (band.to > band.from) bands.push(band)
    if (step.from > range.min && step.from < range.max)
      marks.push({ value: step.from, position: rampPosition(range, step.from) })
  }
  return { range, bands, marks }
}
