/**
 * Fixed colour scales for the readings heatmap and surface, from the HJ 633-2012 breakpoints.
 *
 * Why fixed: a heatmap that rescales to the viewport (deck.gl's default) shows the same air as red
 * in one view and green in the next. Here a colour always means an AQI level: the scale runs from 0
 * to the top of the pollutant's HJ 633 table, and each 1 μg/m³ (or 1 AQI point) of it is painted in
 * the colour of the level it falls in, so level changes land on the breakpoints.
 *
 * Levels come from aqi.ts's levelOf and from nowhere else, so the map, the legend and the panels
 * agree on a value exactly on a breakpoint: it belongs to the lower level (PM2.5 35 is 优, 75 良;
 * O3 160 良).
 *
 * Pure TypeScript, no deck.gl: the legend imports this without pulling deck.gl into the first load.
 */
import { AQI_LEVELS, POLLUTANT_BREAKPOINTS, levelOf, type AqiLevel, type AqiLevelNumber, type LevelScale } from './aqi'

export type ReadingsPollutant = LevelScale

export type Rgb = [number, number, number]

/**
 * One level of the legend. It holds the values above `from` up to and including `to` (the first
 * level from 0 inclusive): a value on a breakpoint is in the lower level, as levelOf says.
 */
export interface ReadingsLegendStep {
  level: AqiLevelNumber
  zh: AqiLevel['zh']
  en: AqiLevel['en']
  /** The breakpoint the level starts above (0 for the first level, which includes it). */
  from: number
  /** The breakpoint the level ends on (included), or null for the last level drawn ("above from"). */
  to: number | null
  hex: string
  rgb: Rgb
}

export interface ReadingsLegend {
  pollutant: ReadingsPollutant
  unit: 'μg/m³' | 'AQI'
  steps: ReadingsLegendStep[]
}

export interface ReadingsColourScale {
  /** [fade-in value, top of the scale]: values above the top take the last colour. */
  colorDomain: [number, number]
  /** One colour per unit step from 0 to the top. */
  colorRange: Rgb[]
}

/** Each level's colour, one shared array per level (the surface asks for one per grid cell). */
const LEVEL_RGB: readonly Rgb[] = AQI_LEVELS.map((level) => [...level.rgb])
const rgbOf = (level: AqiLevel): Rgb => LEVEL_RGB[level.level - 1]!

/** IAQI values where the six levels start (HJ 633-2012 table 2: 0, 51, 101, … as integers). */
const LEVEL_START_IAQI = [0, 50, 100, 150, 200, 300] as const

/**
 * Below this value the heatmap fades out instead of colouring: it hides only the faint kernel
 * fringe. (0 would divide by zero in deck.gl's shader.)
 */
const FADE_IN_VALUE = 1

/** Top of the scale: the last concentration of the pollutant's HJ 633 table, or AQI 500. */
function scaleTop(pollutant: ReadingsPollutant): number {
  if (pollutant === 'aqi') return 500
  const { concentrations } = POLLUTANT_BREAKPOINTS[pollutant]
  return concentrations[concentrations.length - 1]!
}

/** The concentration at which a level starts: where the breakpoint table reaches that IAQI. */
function levelStart(pollutant: ReadingsPollutant, startIaqi: number): number | null {
  if (pollutant === 'aqi') return startIaqi
  const { concentrations, iaqi } = POLLUTANT_BREAKPOINTS[pollutant]
  const index = iaqi.indexOf(startIaqi)
  return index === -1 ? null : concentrations[index]!
}

/**
 * The levels a pollutant's heatmap can show. A level starting at or beyond the top of the table is
 * left out: O3's 8-hour table ends at IAQI 300 (800 μg/m³; beyond it HJ 633 uses the 1-hour
 * value), so the O3 heatmap has five levels.
 */
export function readingsLegend(pollutant: ReadingsPollutant): ReadingsLegend {
  const top = scaleTop(pollutant)
  const starts = LEVEL_START_IAQI.map((iaqi) => levelStart(pollutant, iaqi))
  const steps: ReadingsLegendStep[] = []
  AQI_LEVELS.forEach((level, i) => {
    const from = starts[i]
    if (from === null || from === undefined || from >= top) return
    steps.push({ level: level.level, zh: level.zh, en: level.en, from, to: null, hex: level.hex, rgb: [...level.rgb] })
  })
  steps.forEach((step, i) => (step.to = steps[i + 1]?.from ?? null))
  return { pollutant, unit: pollutant === 'aqi' ? 'AQI' : 'μg/m³', steps }
}

const scales = new Map<ReadingsPollutant, ReadingsColourScale>()

/**
 * colorDomain and colorRange for deck.gl's HeatmapLayer with aggregation 'MEAN'. Memoised: the same
 * arrays each time, so deck.gl does not rebuild its colour texture when a layer is re-created.
 */
export function readingsColourScale(pollutant: ReadingsPollutant): ReadingsColourScale {
  const cached = scales.get(pollutant)
  if (cached) return cached
  const top = scaleTop(pollutant)
  const colorRange: Rgb[] = []
  for (let unit = 0; unit < top; unit++) {
    // deck.gl samples the colour texture linearly, so texel `unit` is drawn pure at the value
    // unit + 0.5: it takes the level of that value, and two levels blend only across a breakpoint.
    colorRange.push(rgbOf(levelOf(pollutant, unit + 0.5)))
  }
  const scale: ReadingsColourScale = { colorDomain: [FADE_IN_VALUE, top], colorRange }
  scales.set(pollutant, scale)
  return scale
}

/**
 * The colour a value is drawn in: its level's, by levelOf (the surface paints each cell with this;
 * the heatmap shows it where the local mean equals value). Below 0 or not a number counts as 0.
 */
export function readingsColourOf(pollutant: ReadingsPollutant, value: number): Rgb {
  return rgbOf(levelOf(pollutant, Number.isFinite(value) && value > 0 ? value : 0))
}
