/**
 * Fixed colour scales for the readings heatmap, from the HJ 633-2012 breakpoints.
 *
 * Why fixed: a heatmap that rescales to the viewport (deck.gl's default) shows the same air as red
 * in one view and green in the next. Here a colour always means an AQI level: the scale runs from 0
 * to the top of the pollutant's HJ 633 table, and each 1 μg/m³ (or 1 AQI point) of it is painted in
 * the colour of the level it falls in, so level changes land on the breakpoints.
 *
 * Pure TypeScript, no deck.gl: the legend imports this without pulling deck.gl into the first load.
 */
import { AQI_LEVELS, POLLUTANT_BREAKPOINTS, type AirPollutant, type AqiLevel, type AqiLevelNumber } from './aqi'

export type ReadingsPollutant = AirPollutant | 'aqi'

export type Rgb = [number, number, number]

export interface ReadingsLegendStep {
  level: AqiLevelNumber
  zh: AqiLevel['zh']
  en: AqiLevel['en']
  /** Lower end of the level in the pollutant's unit (the breakpoint where the level starts). */
  from: number
  /** Upper end (the next level's breakpoint), or null for the last level drawn ("and above"). */
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
  const { steps } = readingsLegend(pollutant)
  const colorRange: Rgb[] = []
  for (let unit = 0; unit < top; unit++) {
    // The colour of the level containing the middle of this 1-unit slice.
    const middle = unit + 0.5
    let step = steps[0]!
    for (const candidate of steps) if (candidate.from <= middle) step = candidate
    colorRange.push(step.rgb)
  }
  const scale: ReadingsColourScale = { colorDomain: [FADE_IN_VALUE, top], colorRange }
  scales.set(pollutant, scale)
  return scale
}

/** The colour a value is drawn in (what the heatmap shows where the local mean equals value). */
export function readingsColourOf(pollutant: ReadingsPollutant, value: number): Rgb {
  const { colorRange, colorDomain } = readingsColourScale(pollutant)
  const unit = Math.min(colorRange.length - 1, Math.max(0, Math.floor((value / colorDomain[1]) * colorRange.length)))
  return colorRange[unit]!
}
