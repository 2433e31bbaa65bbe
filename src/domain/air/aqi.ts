/**
 * Air quality index after HJ 633-2012 (环境空气质量指数 AQI 技术规定), for the three pollutants the
 * 2022 work report quotes: PM2.5 and PM10 (24-hour means) and O3 (daily maximum 8-hour mean).
 * Also the percentile method of HJ 663-2013 (环境空气质量评价技术规范), which the report's O3 figure
 * (the 90th percentile of the daily maximum 8-hour mean) relies on.
 *
 * Pure functions; the heatmap legend reads POLLUTANT_BREAKPOINTS and AQI_LEVELS directly.
 */

export type AirPollutant = 'pm25' | 'pm10' | 'o3_8h'

export interface PollutantBreakpoints {
  pollutant: AirPollutant
  label: { zh: string; en: string }
  /** Averaging period the breakpoints apply to. */
  averaging: { zh: string; en: string }
  unit: 'μg/m³'
  /** BP_Lo/BP_Hi concentrations, ascending; `concentrations[i]` pairs with `iaqi[i]`. */
  concentrations: readonly number[]
  iaqi: readonly number[]
}

/**
 * HJ 633-2012 table 1 (the columns this project needs). The O3 8-hour column stops at 800 μg/m³
 * (IAQI 300): HJ 633 says that above 800 the 1-hour O3 value is used instead; see `iaqi`.
 */
export const POLLUTANT_BREAKPOINTS: Readonly<Record<AirPollutant, PollutantBreakpoints>> = {
  pm25: {
    pollutant: 'pm25',
    label: { zh: 'PM2.5', en: 'PM2.5' },
    averaging: { zh: '24小时平均', en: '24-hour mean' },
    unit: 'μg/m³',
    concentrations: [0, 35, 75, 115, 150, 250, 350, 500],
    iaqi: [0, 50, 100, 150, 200, 300, 400, 500],
  },
  pm10: {
    pollutant: 'pm10',
    label: { zh: 'PM10', en: 'PM10' },
    averaging: { zh: '24小时平均', en: '24-hour mean' },
    unit: 'μg/m³',
    concentrations: [0, 50, 150, 250, 350, 420, 500, 600],
    iaqi: [0, 50, 100, 150, 200, 300, 400, 500],
  },
  o3_8h: {
    pollutant: 'o3_8h',
    label: { zh: 'O3', en: 'O3' },
    averaging: { zh: '8小时滑动平均', en: '8-hour moving mean' },
    unit: 'μg/m³',
    concentrations: [0, 100, 160, 215, 265, 800],
    iaqi: [0, 50, 100, 150, 200, 300],
  },
}

export type AqiLevelNumber = 1 | 2 | 3 | 4 | 5 | 6

export interface AqiLevel {
  level: AqiLevelNumber
  /** Inclusive AQI range of the level; `max` is null for the open-ended 严重污染. */
  min: number
  max: number | null
  zh: '优' | '良' | '轻度污染' | '中度污染' | '重度污染' | '严重污染'
  en: 'Excellent' | 'Good' | 'Lightly polluted' | 'Moderately polluted' | 'Heavily polluted' | 'Severely polluted'
  /** HJ 633-2012 table 2 colour. */
  rgb: readonly [number, number, number]
  hex: string
}

/** HJ 633-2012 table 2: AQI levels, categories and their standard colours. */
export const AQI_LEVELS: readonly AqiLevel[] = [
  { level: 1, min: 0, max: 50, zh: '优', en: 'Excellent', rgb: [0, 228, 0], hex: '#00e400' },
  { level: 2, min: 51, max: 100, zh: '良', en: 'Good', rgb: [255, 255, 0], hex: '#ffff00' },
  { level: 3, min: 101, max: 150, zh: '轻度污染', en: 'Lightly polluted', rgb: [255, 126, 0], hex: '#ff7e00' },
  { level: 4, min: 151, max: 200, zh: '中度污染', en: 'Moderately polluted', rgb: [255, 0, 0], hex: '#ff0000' },
  { level: 5, min: 201, max: 300, zh: '重度污染', en: 'Heavily polluted', rgb: [153, 0, 76], hex: '#99004c' },
  { level: 6, min: 301, max: null, zh: '严重污染', en: 'Severely polluted', rgb: [126, 0, 35], hex: '#7e0023' },
]

/** A day counts as good (优良) when its AQI is at most this (HJ 633 levels 1–2). */
export const GOOD_AQI_MAX = 100

/**
 * Rounding up must not turn 75.00000000001 (floating-point noise from the linear formula) into 76,
 * so values within this distance above an integer count as that integer.
 */
const CEIL_TOLERANCE = 1e-9

function ceilInteger(value: number): number {
  const rounded = Math.ceil(value - CEIL_TOLERANCE)
  // Math.ceil(-1e-9) is -0, which would print as "-0" and fail strict equality with 0.
  return rounded === 0 ? 0 : rounded
}

function assertConcentration(pollutant: AirPollutant, concentration: number): void {
  if (typeof concentration !== 'number' || !Number.isFinite(concentration) || concentration < 0) {
    throw new RangeError(`${pollutant}: concentration must be a finite number >= 0 μg/m³, got ${String(concentration)}`)
  }
}

/**
 * IAQI before rounding: HJ 633-2012 formula (1),
 *   IAQI = (IAQI_Hi − IAQI_Lo) / (BP_Hi − BP_Lo) × (C − BP_Lo) + IAQI_Lo.
 * Concentrations beyond the last breakpoint are clamped to it (IAQI 500 for PM, 300 for O3 8h):
 * for O3 above 800 μg/m³ HJ 633 switches to the 1-hour value, which these samples do not carry,
 * so the 8-hour value is held at the top of its own table rather than extrapolated.
 */
export function iaqiUnrounded(pollutant: AirPollutant, concentration: number): number {
  assertConcentration(pollutant, concentration)
  const { concentrations, iaqi: steps } = POLLUTANT_BREAKPOINTS[pollutant]
  const last = concentrations.length - 1
  if (concentration >= (concentrations[last] as number)) return steps[last] as number
  for (let i = 0; i < last; i++) {
    const bpLo = concentrations[i] as number
    const bpHi = concentrations[i + 1] as number
    if (concentration <= bpHi) {
      const iaqiLo = steps[i] as number
      const iaqiHi = steps[i + 1] as number
      return ((iaqiHi - iaqiLo) / (bpHi - bpLo)) * (concentration - bpLo) + iaqiLo
    }
  }
  // Unreachable: the loop covers [0, last breakpoint).
  return steps[last] as number
}

/** IAQI of one pollutant, rounded up to an integer as HJ 633-2012 requires (向上进位取整). */
export function iaqi(pollutant: AirPollutant, concentration: number): number {
  return ceilInteger(iaqiUnrounded(pollutant, concentration))
}

export interface AirConcentrations {
  /** PM2.5 24-hour mean, μg/m³. */
  pm25: number
  /** PM10 24-hour mean, μg/m³. */
  pm10: number
  /** O3 daily maximum 8-hour moving mean, μg/m³. */
  o3_8h: number
}

const POLLUTANTS: readonly AirPollutant[] = ['pm25', 'pm10', 'o3_8h']

/** AQI = max of the IAQIs (HJ 633-2012 formula (2)); an integer because each IAQI is rounded up. */
export function aqi(concentrations: AirConcentrations): number {
  return Math.max(...POLLUTANTS.map((pollutant) => iaqi(pollutant, concentrations[pollutant])))
}

/**
 * Primary pollutants (首要污染物): those whose IAQI equals the AQI, named only when AQI > 50
 * (HJ 633-2012); an empty list on an excellent day.
 */
export function primaryPollutants(concentrations: AirConcentrations): AirPollutant[] {
  const dayAqi = aqi(concentrations)
  if (dayAqi <= 50) return []
  return POLLUTANTS.filter((pollutant) => iaqi(pollutant, concentrations[pollutant]) === dayAqi)
}

/** The HJ 633 level an AQI falls in. Fractional AQIs (e.g. averaged ones) above 50 count as level 2, and so on. */
export function aqiLevel(aqiValue: number): AqiLevel {
  if (typeof aqiValue !== 'number' || !Number.isFinite(aqiValue) || aqiValue < 0) {
    throw new RangeError(`aqiLevel: AQI must be a finite number >= 0, got ${String(aqiValue)}`)
  }
  const upperBounds = [50, 100, 150, 200, 300]
  const index = upperBounds.findIndex((upper) => aqiValue <= upper)
  return AQI_LEVELS[index === -1 ? AQI_LEVELS.length - 1 : index] as AqiLevel
}

/** What a level can be asked of: one pollutant's concentration (μg/m³) or an AQI. */
export type LevelScale = AirPollutant | 'aqi'

/**
 * The HJ 633 level of a value: of an AQI, or of one pollutant's concentration through its IAQI
 * (rounded up, as HJ 633 requires). A value exactly on a breakpoint belongs to the lower level:
 * PM2.5 35 μg/m³ is IAQI 50, 优; 75 is IAQI 100, 良; O3 (8-hour) 160 is IAQI 100, 良 — and just
 * above each, the next level. Values beyond the table keep its top level (see iaqiUnrounded).
 *
 * The one level function of the app: the heatmap and surface colours, their legend and the station
 * panel all come from it (src/domain/air/pollutant-scale.ts, monthly-aqi.ts).
 */
export function levelOf(scale: LevelScale, value: number): AqiLevel {
  return aqiLevel(scale === 'aqi' ? value : iaqi(scale, value))
}

/**
 * p-th percentile by the ordered-rank method of HJ 663-2013 (环境空气质量评价技术规范), the method
 * behind "O3 日最大8小时平均第90百分位数":
 *   sort ascending X(1) ≤ … ≤ X(n); k = 1 + (n − 1) × p%; s = integer part of k;
 *   m_p = X(s) + (X(s+1) − X(s)) × (k − s), and m_p = X(n) when s = n.
 * `percent` is p in 0..100 (90 for the O3 evaluation).
 */
export function percentileOrderedRank(values: readonly number[], percent: number): number {
  if (values.length === 0) throw new Error('percentileOrderedRank: need at least one value')
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`percentileOrderedRank: percent must be within 0..100, got ${String(percent)}`)
  }
  if (!values.every((value) => Number.isFinite(value))) {
    throw new RangeError('percentileOrderedRank: every value must be a finite number')
  }
  const sorted = values.slice().sort((a, b) => a - b)
  const n = sorted.length
  const k = 1 + (n - 1) * (percent / 100)
  const s = Math.floor(k)
  const xs = sorted[s - 1] as number
  if (s >= n) return xs
  const xNext = sorted[s] as number
  return xs + (xNext - xs) * (k - s)
}
