/**
 * SAMPLE air-quality data for 金东区, Jan–Oct 2022, constrained to the work report's figures:
 *   优良率 86.1%, PM2.5 26 μg/m³, PM10 45 μg/m³, O3 (日最大8小时平均第90百分位数) 164 μg/m³.
 *
 * The daily values are invented. They are generated with a plausible seasonal shape and then adjusted
 * deterministically until the report's figures hold exactly; the generator checks every figure at the
 * end and throws rather than return a sample that does not reconcile. See docs/sample-data.md.
 */
import {
  aqi,
  aqiLevel,
  GOOD_AQI_MAX,
  iaqiUnrounded,
  percentileOrderedRank,
  primaryPollutants,
  type AirPollutant,
  type AqiLevelNumber,
} from '../air/aqi'
import { createRandom, deriveSeed, type Random } from './random'
import { REPORT_MONTHS, type ReportMonth, type TownCode } from '../types'
import { monthLength, reportDays, type ReportDay } from './calendar'

/** The report's air figures for 1–10月 2022 (2022年工作总结, opening paragraph). */
export const AIR_REPORT_FIGURES = {
  goodDayRatePercent: 86.1,
  pm25Mean: 26,
  pm10Mean: 45,
  o3P90: 164,
} as const

/**
 * Day counts of the sample. 86.1% is not reachable with 304 whole valid days (261/304 = 85.86%,
 * 262/304 = 86.18%), so two days are marked invalid (missing data, as happens with monitor downtime)
 * and 260 of the remaining 302 are good: 260/302 = 86.09% → 86.1%.
 */
export const AIR_SAMPLE_DESIGN = {
  totalDays: 304,
  invalidDays: 2,
  validDays: 302,
  goodDays: 260,
  /**
   * Fewest non-good days caused by PM in Jan–Mar: the report blames Q1's sand-dust for light
   * pollution, so the sample must show some, whatever the O3 season takes.
   */
  minPmPollutionDays: 5,
  /** HJ 663-2013 evaluates O3 by the 90th percentile of the daily maximum 8-hour mean. */
  o3Percentile: 90,
} as const

/** Upper concentrations that keep a pollutant's IAQI ≤ 100 with integer μg/m³ values (HJ 633 table 1). */
const GOOD_LIMIT: Readonly<Record<AirPollutant, number>> = { pm25: 75, pm10: 150, o3_8h: 160 }

/**
 * Invented seasonal shapes (μg/m³ around mid-month). Only the shape matters: the adjustment step
 * rescales the level. PM is highest in winter and early spring (heating-season transport, the Q1
 * sand-dust the report mentions); O3 rises through spring, dips in the June plum-rain season
 * (梅雨) and peaks in the dry, sunny September — the "夏秋季臭氧污染" of the report.
 */
const PM25_SHAPE: Readonly<Record<ReportMonth, number>> = {
  1: 46,
  2: 37,
  3: 35,
  4: 27,
  5: 22,
  6: 16,
  7: 14,
  8: 15,
  9: 19,
  10: 25,
}
const O3_SHAPE: Readonly<Record<ReportMonth, number>> = {
  1: 72,
  2: 86,
  3: 104,
  4: 126,
  5: 142,
  6: 124,
  7: 132,
  8: 140,
  9: 152,
  10: 110,
}
/** Typical PM10/PM2.5 ratio on ordinary days (45/26 ≈ 1.73 in the report). */
const PM10_TO_PM25 = 1.72
/** Lowest daily values the sample writes (μg/m³); real daily means in 金华 are rarely lower. */
const FLOOR: Readonly<Record<AirPollutant, number>> = { pm25: 3, pm10: 6, o3_8h: 12 }
/**
 * Highest daily values on a polluted day. PM approaches these smoothly (a strong dust day in 金华 is
 * a few hundred μg/m³ of PM10, not the 600+ of a Beijing dust storm); O3 is simply clipped.
 */
const CEILING: Readonly<Record<AirPollutant, number>> = { pm25: 200, pm10: 450, o3_8h: 265 }

export interface AirStationInput {
  id: string
  townCode: TownCode
}

export interface GenerateAirSampleOptions {
  seed: number
  stations: readonly AirStationInput[]
}

interface AirDayBase {
  /** ISO date, 2022-01-01 … 2022-10-31. */
  date: string
  month: ReportMonth
}

export interface ValidAirDay extends AirDayBase {
  valid: true
  /** PM2.5 24-hour mean, μg/m³ (integer). */
  pm25: number
  /** PM10 24-hour mean, μg/m³ (integer). */
  pm10: number
  /** O3 daily maximum 8-hour mean, μg/m³ (integer). */
  o3_8h: number
  aqi: number
  level: AqiLevelNumber
  /** AQI ≤ 100 (优良). */
  good: boolean
  /** 首要污染物; empty when AQI ≤ 50. */
  primary: AirPollutant[]
}

/** A day without valid data (missing monitor data); excluded from every mean, percentile and rate. */
export interface InvalidAirDay extends AirDayBase {
  valid: false
  pm25: null
  pm10: null
  o3_8h: null
  aqi: null
  level: null
  good: null
  primary: null
}

export type AirDay = ValidAirDay | InvalidAirDay

export interface AirMonthlySummary {
  month: ReportMonth
  days: number
  validDays: number
  goodDays: number
  /** Mean of the valid days' 24-hour means, μg/m³ (unrounded). */
  pm25: number
  pm10: number
  /** Mean of the valid days' maximum 8-hour means, μg/m³ (unrounded). */
  o3_8h: number
}

export interface StationMonthlyMean {
  stationId: string
  townCode: TownCode
  month: ReportMonth
  /** District monthly mean × the station's normalised factor, μg/m³ (unrounded). */
  pm25: number
  pm10: number
  o3_8h: number
  /** Factors per pollutant; their mean over all stations is 1 in every month. */
  factors: { pm25: number; pm10: number; o3_8h: number }
}

export interface AirSampleSummary {
  totalDays: number
  validDays: number
  invalidDays: number
  goodDays: number
  /** goodDays / validDays × 100, unrounded. */
  goodDayRatePercent: number
  /** Means over valid days, μg/m³, unrounded. */
  pm25Mean: number
  pm10Mean: number
  /** 90th percentile of valid-day O3 maximum 8-hour means (HJ 663-2013 ordered rank). */
  o3P90: number
  /** Valid days with AQI > 100 because of PM (all in Jan–Mar) and because of O3. */
  pmPollutionDays: number
  o3PollutionDays: number
}

export interface AirSample {
  seed: number
  provenance: 'sample'
  period: { start: string; end: string }
  daily: AirDay[]
  monthly: AirMonthlySummary[]
  stationMonthly: StationMonthlyMean[]
  summary: AirSampleSummary
  sampleNote: { zh: string; en: string }
}

export const AIR_SAMPLE_NOTE = {
  zh:
    '样例数据：逐日与各站点数值为示意生成，并非监测实测值；生成时已约束为与《2022年工作总结》一致——' +
    '1–10月全区优良率86.1%，PM2.5 26 μg/m³，PM10 45 μg/m³，O3日最大8小时平均第90百分位数164 μg/m³。',
  en:
    'Sample data: the daily and per-station values are invented, not measurements. They are constrained ' +
    'to match the 2022 work report for Jan–Oct: good-day rate 86.1%, PM2.5 26 μg/m³, PM10 45 μg/m³, ' +
    'O3 90th-percentile daily maximum 8-hour mean 164 μg/m³.',
} as const

// ---------------------------------------------------------------------------------------------
// Raw (unconstrained) series
// ---------------------------------------------------------------------------------------------

/** Linear interpolation between mid-month anchors, so the seasonal shape has no monthly steps. */
function seasonalLevel(shape: Readonly<Record<ReportMonth, number>>, day: ReportDay): number {
  const position = day.month - 1 + (day.dayOfMonth - 0.5) / monthLength(day.month) - 0.5
  const lastIndex = REPORT_MONTHS.length - 1
  const lower = Math.min(Math.max(Math.floor(position), 0), lastIndex)
  const upper = Math.min(lower + 1, lastIndex)
  const weight = Math.min(Math.max(position - lower, 0), 1)
  const lowerValue = shape[REPORT_MONTHS[lower] as ReportMonth]
  const upperValue = shape[REPORT_MONTHS[upper] as ReportMonth]
  return lowerValue + (upperValue - lowerValue) * weight
}

/**
 * AR(1) noise with unit variance: weather comes in spells of several days, so pollution episodes
 * should too (independent daily noise would look like static).
 */
function autoregressiveNoise(random: Random, length: number, persistence: number): number[] {
  const innovationSd = Math.sqrt(1 - persistence * persistence)
  const series: number[] = []
  let state = random.normal(0, 1)
  for (let i = 0; i < length; i++) {
    series.push(state)
    state = persistence * state + random.normal(0, innovationSd)
  }
  return series
}

/**
 * Two invented sand-dust episodes in Q1 (one late Jan–Feb, one in March), 2–3 days each. Dust lifts
 * PM10 far more than PM2.5, which is how the report's Q1 light pollution shows up in the sample.
 */
function dustIntensity(random: Random, days: readonly ReportDay[]): number[] {
  const intensity = days.map(() => 0)
  const windows: readonly [string, string][] = [
    ['2022-01-15', '2022-02-20'],
    ['2022-03-05', '2022-03-25'],
  ]
  for (const [from, to] of windows) {
    const fromIndex = days.findIndex((day) => day.date === from)
    const toIndex = days.findIndex((day) => day.date === to)
    const start = random.int(fromIndex, toIndex)
    const profile = random.next() < 0.5 ? [0.7, 1] : [0.6, 1, 0.5]
    const peak = random.uniform(0.8, 1.2)
    profile.forEach((share, offset) => {
      intensity[start + offset] = share * peak
    })
  }
  return intensity
}

interface RawSeries {
  invalid: Set<number>
  pm25: number[]
  pm10: number[]
  o3: number[]
}

function rawSeries(random: Random, days: readonly ReportDay[]): RawSeries {
  // Missing-data days are drawn first and from their own draws, so the rest of the series does not
  // depend on where they fall.
  const invalid = new Set(random.shuffle(days.map((day) => day.index)).slice(0, AIR_SAMPLE_DESIGN.invalidDays))
  const dust = dustIntensity(random, days)
  const pmNoise = autoregressiveNoise(random, days.length, 0.65)
  const o3Noise = autoregressiveNoise(random, days.length, 0.5)
  const ratioNoise = days.map(() => random.normal(0, 0.08))

  const pmSpread = 0.36
  const o3Spread = 0.2
  const pm25 = days.map((day, i) => {
    // Lognormal around the seasonal level (the −σ²/2 keeps its mean on the level).
    const lognormal = Math.exp(pmSpread * (pmNoise[i] as number) - (pmSpread * pmSpread) / 2)
    return seasonalLevel(PM25_SHAPE, day) * lognormal * (1 + 0.5 * (dust[i] as number))
  })
  const pm10 = pm25.map((value, i) => {
    const ordinaryRatio = Math.min(Math.max(PM10_TO_PM25 * Math.exp(ratioNoise[i] as number), 1.35), 2.3)
    // Coarse dust: at a dust peak PM2.5 is only ~30% of PM10.
    return value * ordinaryRatio * (1 + 1.0 * (dust[i] as number))
  })
  const o3 = days.map((day, i) => {
    const lognormal = Math.exp(o3Spread * (o3Noise[i] as number) - (o3Spread * o3Spread) / 2)
    return seasonalLevel(O3_SHAPE, day) * lognormal
  })
  return { invalid, pm25, pm10, o3 }
}

// ---------------------------------------------------------------------------------------------
// Deterministic adjustment to the report's figures
// ---------------------------------------------------------------------------------------------

/** Sorts indices by value, ties by index, so rank-based fixes never depend on sort stability. */
function rankOrder(values: readonly number[]): number[] {
  return values.map((_, index) => index).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b)
}

/**
 * O3: scale so the raw 90th percentile lands on 164, round to integers, then pin the order statistics
 * that the HJ 663 percentile reads (X(s) and X(s+1), k = 1 + (n−1)·0.9) to exactly 164. Values keep
 * their rank order, so the seasonal pattern survives. Returns integer values in the input's order.
 *
 * Every day ranked at or above s has O3 ≥ 164 > 160, i.e. AQI > 100; if the scaled series puts more
 * days over 160 than the good-day budget allows, the lowest of those are trimmed to 160.
 */
function fitO3(raw: readonly number[], maxPollutedDays: number): number[] {
  const target = AIR_REPORT_FIGURES.o3P90
  const n = raw.length
  const scale = target / percentileOrderedRank(raw, AIR_SAMPLE_DESIGN.o3Percentile)
  const values = raw.map((value) => Math.min(Math.max(Math.round(value * scale), FLOOR.o3_8h), CEILING.o3_8h))
  const order = rankOrder(raw)
  const k = 1 + (n - 1) * (AIR_SAMPLE_DESIGN.o3Percentile / 100)
  const s = Math.floor(k) // 1-based rank of X(s)
  order.forEach((dayIndex, rankIndex) => {
    const rank = rankIndex + 1
    const value = values[dayIndex] as number
    if (rank === s || rank === s + 1) values[dayIndex] = target
    else if (rank < s) values[dayIndex] = Math.min(value, target)
    else values[dayIndex] = Math.max(value, target)
  })

  let polluted = values.filter((value) => value > GOOD_LIMIT.o3_8h).length
  for (let rankIndex = 0; rankIndex < s - 1 && polluted > maxPollutedDays; rankIndex++) {
    const dayIndex = order[rankIndex] as number
    if ((values[dayIndex] as number) > GOOD_LIMIT.o3_8h) {
      values[dayIndex] = GOOD_LIMIT.o3_8h
      polluted -= 1
    }
  }
  if (polluted > maxPollutedDays) {
    throw new Error(`air sample: O3 alone gives ${polluted} polluted days, more than the ${maxPollutedDays} allowed`)
  }
  return values
}

interface IntegerBounds {
  lo: number
  hi: number
  /**
   * Values are squeezed smoothly below `hi` instead of clipped, so a cap (75 for PM2.5 and 150 for
   * PM10 on ordinary days) does not collect a suspicious pile of identical values.
   */
  softCap: boolean
}

function softCompress(value: number, cap: number): number {
  const knee = 0.8 * cap
  if (value <= knee) return value
  // Asymptote just under cap + 0.5, so rounding can reach the cap but never pass it.
  const span = cap + 0.49 - knee
  return knee + span * (1 - Math.exp(-(value - knee) / span))
}

/**
 * Integers within per-day bounds whose sum is exactly `targetSum`, following `raw`'s shape:
 * bisect a common scale factor until the rounded, bounded sum reaches the target (the sum is
 * non-decreasing in the factor), then take back any overshoot one unit at a time from the days
 * that were rounded up the most. Deterministic; throws when the bounds make the target impossible.
 */
function fitIntegerSeries(
  raw: readonly number[],
  bounds: readonly IntegerBounds[],
  targetSum: number,
  label: string,
): number[] {
  const lowest = bounds.reduce((sum, bound) => sum + bound.lo, 0)
  const highest = bounds.reduce((sum, bound) => sum + bound.hi, 0)
  if (targetSum < lowest || targetSum > highest) {
    throw new Error(`air sample: ${label} sum ${targetSum} is outside the feasible range ${lowest}..${highest}`)
  }
  const scaled = (factor: number): number[] =>
    raw.map((value, i) => {
      const bound = bounds[i] as IntegerBounds
      const x = factor * value
      return bound.softCap ? softCompress(x, bound.hi) : x
    })
  const rounded = (xs: readonly number[]): number[] =>
    xs.map((x, i) => {
      const bound = bounds[i] as IntegerBounds
      return Math.min(Math.max(Math.round(x), bound.lo), bound.hi)
    })
  const total = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0)

  let high = 1
  for (let doubling = 0; total(rounded(scaled(high))) < targetSum; doubling++) {
    if (doubling > 60) throw new Error(`air sample: cannot scale ${label} up to ${targetSum}`)
    high *= 2
  }
  let low = 0
  for (let step = 0; step < 80; step++) {
    const middle = (low + high) / 2
    if (total(rounded(scaled(middle))) >= targetSum) high = middle
    else low = middle
  }
  const xs = scaled(high)
  const values = rounded(xs)
  let overshoot = total(values) - targetSum
  const takeBackOrder = values
    .map((_, index) => index)
    .sort((a, b) => (values[b] as number) - (xs[b] as number) - ((values[a] as number) - (xs[a] as number)) || a - b)
  while (overshoot > 0) {
    let progressed = false
    for (const index of takeBackOrder) {
      if (overshoot === 0) break
      if ((values[index] as number) - 1 >= (bounds[index] as IntegerBounds).lo) {
        values[index] = (values[index] as number) - 1
        overshoot -= 1
        progressed = true
      }
    }
    if (!progressed) throw new Error(`air sample: cannot bring ${label} down to ${targetSum}`)
  }
  return values
}

interface FittedDay {
  dayIndex: number
  pm25: number
  pm10: number
  o3: number
}

/** Adjusts the raw valid days so every report figure holds exactly (see module comment). */
function fitValidDays(raw: RawSeries, days: readonly ReportDay[]): FittedDay[] {
  const validIndices = days.filter((day) => !raw.invalid.has(day.index)).map((day) => day.index)
  const n = validIndices.length
  const nonGoodDays = n - AIR_SAMPLE_DESIGN.goodDays
  const at = (series: readonly number[], position: number): number => series[validIndices[position] as number] as number

  // 1. O3 — fixes the percentile and decides how many days O3 pushes over AQI 100.
  const o3 = fitO3(
    validIndices.map((index) => raw.o3[index] as number),
    nonGoodDays - AIR_SAMPLE_DESIGN.minPmPollutionDays,
  )
  const o3Polluted = o3.filter((value) => value > GOOD_LIMIT.o3_8h).length
  const pmPollutedCount = nonGoodDays - o3Polluted

  // 2. PM-polluted days: the Jan–Mar days (O3 within its limit) with the highest PM IAQI at the
  //    level the report implies; the pollutant with the higher IAQI is the one pushed over.
  const pm25Target = Math.round(AIR_REPORT_FIGURES.pm25Mean * n)
  const pm10Target = Math.round(AIR_REPORT_FIGURES.pm10Mean * n)
  const meanOf = (series: readonly number[]): number =>
    validIndices.reduce((sum, index) => sum + (series[index] as number), 0) / n
  const pm25Guess = AIR_REPORT_FIGURES.pm25Mean / meanOf(raw.pm25)
  const pm10Guess = AIR_REPORT_FIGURES.pm10Mean / meanOf(raw.pm10)
  const candidates = validIndices
    .map((dayIndex, position) => {
      const pm25Iaqi = iaqiUnrounded('pm25', at(raw.pm25, position) * pm25Guess)
      const pm10Iaqi = iaqiUnrounded('pm10', at(raw.pm10, position) * pm10Guess)
      return { position, dayIndex, score: Math.max(pm25Iaqi, pm10Iaqi), driver: pm25Iaqi >= pm10Iaqi ? 'pm25' : 'pm10' }
    })
    .filter(
      ({ position, dayIndex }) =>
        (days[dayIndex] as ReportDay).month <= 3 && (o3[position] as number) <= GOOD_LIMIT.o3_8h,
    )
    .sort((a, b) => b.score - a.score || a.dayIndex - b.dayIndex)
  if (candidates.length < pmPollutedCount) {
    throw new Error(`air sample: only ${candidates.length} Q1 days for ${pmPollutedCount} PM-polluted days`)
  }
  const pmDriver = new Map<number, AirPollutant>()
  for (const candidate of candidates.slice(0, pmPollutedCount)) {
    pmDriver.set(candidate.position, candidate.driver === 'pm25' ? 'pm25' : 'pm10')
  }

  // 3. PM2.5 — exact sum n × 26 within per-day bounds: ordinary days stay ≤ 75, the days PM2.5
  //    drives over AQI 100 stay ≥ 76.
  const pm25 = fitIntegerSeries(
    validIndices.map((index) => raw.pm25[index] as number),
    validIndices.map((_, position) => {
      const driver = pmDriver.get(position)
      if (driver === undefined) return { lo: FLOOR.pm25, hi: GOOD_LIMIT.pm25, softCap: true }
      if (driver === 'pm25') return { lo: GOOD_LIMIT.pm25 + 1, hi: CEILING.pm25, softCap: true }
      return { lo: FLOOR.pm25, hi: CEILING.pm25, softCap: true }
    }),
    pm25Target,
    'PM2.5',
  )

  // 4. PM10 — exact sum n × 45; never below the same day's PM2.5 (PM2.5 is part of PM10).
  const pm10 = fitIntegerSeries(
    validIndices.map((index) => raw.pm10[index] as number),
    validIndices.map((_, position) => {
      const dayPm25 = pm25[position] as number
      const driver = pmDriver.get(position)
      const lo = Math.max(FLOOR.pm10, dayPm25)
      if (driver === undefined) return { lo, hi: GOOD_LIMIT.pm10, softCap: true }
      if (driver === 'pm10') return { lo: Math.max(lo, GOOD_LIMIT.pm10 + 1), hi: CEILING.pm10, softCap: true }
      return { lo, hi: CEILING.pm10, softCap: true }
    }),
    pm10Target,
    'PM10',
  )

  return validIndices.map((dayIndex, position) => ({
    dayIndex,
    pm25: pm25[position] as number,
    pm10: pm10[position] as number,
    o3: o3[position] as number,
  }))
}

// ---------------------------------------------------------------------------------------------
// Aggregates
// ---------------------------------------------------------------------------------------------

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/** Recomputes the report-level figures from daily records (used by the generator's self-check and the tests). */
export function summariseAirDays(daily: readonly AirDay[]): AirSampleSummary {
  const valid = daily.filter((day): day is ValidAirDay => day.valid)
  if (valid.length === 0) throw new Error('summariseAirDays: no valid days')
  const polluted = valid.filter((day) => day.aqi > GOOD_AQI_MAX)
  const goodDays = valid.length - polluted.length
  return {
    totalDays: daily.length,
    validDays: valid.length,
    invalidDays: daily.length - valid.length,
    goodDays,
    goodDayRatePercent: (goodDays / valid.length) * 100,
    pm25Mean: mean(valid.map((day) => day.pm25)),
    pm10Mean: mean(valid.map((day) => day.pm10)),
    o3P90: percentileOrderedRank(
      valid.map((day) => day.o3_8h),
      AIR_SAMPLE_DESIGN.o3Percentile,
    ),
    pmPollutionDays: polluted.filter((day) => day.o3_8h <= GOOD_LIMIT.o3_8h).length,
    o3PollutionDays: polluted.filter((day) => day.o3_8h > GOOD_LIMIT.o3_8h).length,
  }
}

export function summariseAirMonths(daily: readonly AirDay[]): AirMonthlySummary[] {
  return REPORT_MONTHS.map((month) => {
    const inMonth = daily.filter((day) => day.month === month)
    const valid = inMonth.filter((day): day is ValidAirDay => day.valid)
    if (valid.length === 0) throw new Error(`summariseAirMonths: month ${month} has no valid days`)
    return {
      month,
      days: inMonth.length,
      validDays: valid.length,
      goodDays: valid.filter((day) => day.good).length,
      pm25: mean(valid.map((day) => day.pm25)),
      pm10: mean(valid.map((day) => day.pm10)),
      o3_8h: mean(valid.map((day) => day.o3_8h)),
    }
  })
}

/**
 * Per-station monthly means. Each station has a persistent factor per pollutant (0.88–1.12: a
 * station by a main road stays dirtier than one in the hills) plus a small monthly wobble, kept
 * within 0.85–1.15. The factors are then divided by their mean over stations in each month, so the
 * stations average back to the district monthly mean (up to floating-point rounding).
 */
function stationMonthlyMeans(
  random: Random,
  stations: readonly AirStationInput[],
  monthly: readonly AirMonthlySummary[],
): StationMonthlyMean[] {
  if (stations.length === 0) return []
  const pollutants: readonly AirPollutant[] = ['pm25', 'pm10', 'o3_8h']
  const baseFactors = stations.map(() => pollutants.map(() => random.uniform(0.88, 1.12)))
  const records: StationMonthlyMean[] = []
  for (const summary of monthly) {
    const rawFactors = baseFactors.map((bases) =>
      bases.map((base) => Math.min(Math.max(base + random.normal(0, 0.03), 0.85), 1.15)),
    )
    const meanFactor = pollutants.map((_, p) => mean(rawFactors.map((factors) => factors[p] as number)))
    stations.forEach((station, s) => {
      const factor = (p: number): number => ((rawFactors[s] as number[])[p] as number) / (meanFactor[p] as number)
      const factors = { pm25: factor(0), pm10: factor(1), o3_8h: factor(2) }
      records.push({
        stationId: station.id,
        townCode: station.townCode,
        month: summary.month,
        pm25: summary.pm25 * factors.pm25,
        pm10: summary.pm10 * factors.pm10,
        o3_8h: summary.o3_8h * factors.o3_8h,
        factors,
      })
    })
  }
  return records
}

function validateStations(stations: readonly AirStationInput[]): void {
  const seen = new Set<string>()
  for (const station of stations) {
    if (typeof station.id !== 'string' || station.id === '') throw new Error('air sample: every station needs an id')
    if (seen.has(station.id)) throw new Error(`air sample: duplicate station id "${station.id}"`)
    seen.add(station.id)
  }
}

/** Throws unless the sample reproduces the report (guards the generator against a bad seed or edit). */
function assertReconciles(summary: AirSampleSummary): void {
  const problems: string[] = []
  if (summary.validDays !== AIR_SAMPLE_DESIGN.validDays) problems.push(`valid days ${summary.validDays}`)
  if (summary.goodDays !== AIR_SAMPLE_DESIGN.goodDays) problems.push(`good days ${summary.goodDays}`)
  if (Math.round(summary.goodDayRatePercent * 10) / 10 !== AIR_REPORT_FIGURES.goodDayRatePercent) {
    problems.push(`good-day rate ${summary.goodDayRatePercent}`)
  }
  if (Math.abs(summary.pm25Mean - AIR_REPORT_FIGURES.pm25Mean) >= 0.05) problems.push(`PM2.5 mean ${summary.pm25Mean}`)
  if (Math.abs(summary.pm10Mean - AIR_REPORT_FIGURES.pm10Mean) >= 0.05) problems.push(`PM10 mean ${summary.pm10Mean}`)
  if (Math.round(summary.o3P90) !== AIR_REPORT_FIGURES.o3P90) problems.push(`O3 p90 ${summary.o3P90}`)
  if (summary.pmPollutionDays < AIR_SAMPLE_DESIGN.minPmPollutionDays)
    problems.push(`PM polluted days ${summary.pmPollutionDays}`)
  if (problems.length > 0) throw new Error(`air sample does not reconcile with the report: ${problems.join(', ')}`)
}

export function generateAirSample(opts: GenerateAirSampleOptions): AirSample {
  validateStations(opts.stations)
  const days = reportDays()
  const raw = rawSeries(createRandom(deriveSeed(opts.seed, 'air-daily')), days)
  const fitted = new Map(fitValidDays(raw, days).map((day) => [day.dayIndex, day]))

  const daily: AirDay[] = days.map((day) => {
    const values = fitted.get(day.index)
    if (values === undefined) {
      return {
        date: day.date,
        month: day.month,
        valid: false,
        pm25: null,
        pm10: null,
        o3_8h: null,
        aqi: null,
        level: null,
        good: null,
        primary: null,
      }
    }
    const concentrations = { pm25: values.pm25, pm10: values.pm10, o3_8h: values.o3 }
    const dayAqi = aqi(concentrations)
    return {
      date: day.date,
      month: day.month,
      valid: true,
      ...concentrations,
      aqi: dayAqi,
      level: aqiLevel(dayAqi).level,
      good: dayAqi <= GOOD_AQI_MAX,
      primary: primaryPollutants(concentrations),
    }
  })

  const summary = summariseAirDays(daily)
  assertReconciles(summary)
  const monthly = summariseAirMonths(daily)
  const stationMonthly = stationMonthlyMeans(
    createRandom(deriveSeed(opts.seed, 'air-stations')),
    opts.stations,
    monthly,
  )

  return {
    seed: opts.seed,
    provenance: 'sample',
    period: { start: days[0]?.date ?? '', end: days[days.length - 1]?.date ?? '' },
    daily,
    monthly,
    stationMonthly,
    summary,
    sampleNote: { zh: AIR_SAMPLE_NOTE.zh, en: AIR_SAMPLE_NOTE.en },
  }
}
