import { afterEach, describe, expect, it, vi } from 'vitest'
import { aqi, type AirConcentrations } from '../../../../src/domain/air/aqi'
import type { ReportDay } from '../../../../src/domain/samples/calendar'
import type { Random } from '../../../../src/domain/samples/random'
import {
  AIR_REPORT_FIGURES,
  generateAirSample,
  summariseAirDays,
  summariseAirMonths,
  type AirDay,
  type AirSample,
  type ValidAirDay,
} from '../../../../src/domain/samples/air'

/**
 * Stand-ins for the generator's collaborators, off unless a test sets them (and reset after each):
 * a noise-free random stream, a wrong AQI or percentile, an edited calendar. They show what the
 * generator does with inputs that the real modules never give it: ties in the raw series, and a
 * sample that does not reconcile.
 */
const fake = vi.hoisted(() => ({
  random: undefined as undefined | (() => Random),
  aqi: undefined as undefined | ((concentrations: AirConcentrations) => number),
  percentile: undefined as undefined | ((values: readonly number[], percent: number) => number),
  reportDays: undefined as undefined | ((days: ReportDay[]) => ReportDay[]),
}))
vi.mock('../../../../src/domain/samples/random', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/domain/samples/random')>()
  return { ...actual, createRandom: (seed: number) => fake.random?.() ?? actual.createRandom(seed) }
})
vi.mock('../../../../src/domain/air/aqi', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/domain/air/aqi')>()
  return {
    ...actual,
    aqi: (concentrations: AirConcentrations) => (fake.aqi ?? actual.aqi)(concentrations),
    percentileOrderedRank: (values: readonly number[], percent: number) =>
      (fake.percentile ?? actual.percentileOrderedRank)(values, percent),
  }
})
vi.mock('../../../../src/domain/samples/calendar', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/domain/samples/calendar')>()
  return { ...actual, reportDays: () => (fake.reportDays ?? ((days) => days))(actual.reportDays()) }
})
afterEach(() => {
  fake.random = undefined
  fake.aqi = undefined
  fake.percentile = undefined
  fake.reportDays = undefined
})

const STATIONS = [
  { id: 'station-a', townCode: 'T01' },
  { id: 'station-b', townCode: 'T02' },
  { id: 'station-c', townCode: 'T05' },
  { id: 'station-d', townCode: 'T09' },
]
const SEED = 20221031

const validDays = (sample: AirSample): ValidAirDay[] => sample.daily.filter((day): day is ValidAirDay => day.valid)
const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length

/** HJ 663-2013 ordered-rank percentile, written out again here so the test does not trust the module. */
function p90(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b)
  const k = 1 + (sorted.length - 1) * 0.9
  const s = Math.floor(k)
  const low = sorted[s - 1] as number
  const high = sorted[Math.min(s, sorted.length - 1)] as number
  return low + (high - low) * (k - s)
}

/** Every report figure, recomputed from the daily records with the public AQI function. */
function expectReconciles(sample: AirSample): void {
  const valid = validDays(sample)
  expect(sample.daily).toHaveLength(304)
  expect(valid).toHaveLength(302)

  const pm25Mean = mean(valid.map((day) => day.pm25))
  const pm10Mean = mean(valid.map((day) => day.pm10))
  expect(Math.abs(pm25Mean - 26)).toBeLessThan(0.05)
  expect(Math.round(pm25Mean)).toBe(AIR_REPORT_FIGURES.pm25Mean)
  expect(Math.abs(pm10Mean - 45)).toBeLessThan(0.05)
  expect(Math.round(pm10Mean)).toBe(AIR_REPORT_FIGURES.pm10Mean)

  expect(Math.round(p90(valid.map((day) => day.o3_8h)))).toBe(164)

  const good = valid.filter((day) => aqi(day) <= 100).length
  expect(good).toBe(260)
  expect(Math.round((good / valid.length) * 1000) / 10).toBe(86.1)
}

describe('generateAirSample', () => {
  const sample = generateAirSample({ seed: SEED, stations: STATIONS })

  it('covers 2022-01-01 … 2022-10-31 with two missing-data days', () => {
    expect(sample.daily[0]?.date).toBe('2022-01-01')
    expect(sample.daily[303]?.date).toBe('2022-10-31')
    expect(sample.period).toEqual({ start: '2022-01-01', end: '2022-10-31' })
    const invalid = sample.daily.filter((day) => !day.valid)
    expect(invalid).toHaveLength(2)
    for (const day of invalid) expect([day.pm25, day.pm10, day.o3_8h, day.aqi]).toEqual([null, null, null, null])
    expect(new Set(sample.daily.map((day) => day.date)).size).toBe(304)
  })

  it('reproduces the report: PM2.5 26, PM10 45, O3 p90 164, good-day rate 86.1%', () => {
    expectReconciles(sample)
    expect(sample.summary).toMatchObject({
      totalDays: 304,
      validDays: 302,
      invalidDays: 2,
      goodDays: 260,
      pm25Mean: 26,
      pm10Mean: 45,
      o3P90: 164,
    })
    expect(sample.summary.goodDayRatePercent.toFixed(1)).toBe('86.1')
    expect(summariseAirDays(sample.daily)).toEqual(sample.summary)
  })

  it('writes plausible daily values', () => {
    for (const day of validDays(sample)) {
      for (const value of [day.pm25, day.pm10, day.o3_8h]) {
        expect(Number.isInteger(value)).toBe(true)
        expect(value).toBeGreaterThan(0)
      }
      expect(day.pm10).toBeGreaterThanOrEqual(day.pm25) // PM2.5 is part of PM10
      expect(day.aqi).toBe(aqi(day))
      expect(day.good).toBe(day.aqi <= 100)
      expect(day.pm10).toBeLessThanOrEqual(450)
    }
  })

  it('has PM high in Jan–Mar and O3 high in May–Sep', () => {
    const byMonths = (months: number[], pick: (day: ValidAirDay) => number): number =>
      mean(
        validDays(sample)
          .filter((day) => months.includes(day.month))
          .map(pick),
      )
    const q1 = [1, 2, 3]
    const summer = [5, 6, 7, 8, 9]
    expect(byMonths(q1, (day) => day.pm25)).toBeGreaterThan(1.5 * byMonths(summer, (day) => day.pm25))
    expect(byMonths(q1, (day) => day.pm10)).toBeGreaterThan(1.5 * byMonths(summer, (day) => day.pm10))
    expect(byMonths(summer, (day) => day.o3_8h)).toBeGreaterThan(1.2 * byMonths(q1, (day) => day.o3_8h))
    // The PM-polluted days (AQI > 100 with O3 within its limit) are all in Q1, as the report says.
    const pmPolluted = validDays(sample).filter((day) => !day.good && day.o3_8h <= 160)
    expect(pmPolluted.length).toBeGreaterThanOrEqual(5)
    expect(pmPolluted.every((day) => day.month <= 3)).toBe(true)
    expect(sample.summary.pmPollutionDays + sample.summary.o3PollutionDays).toBe(42)
  })

  it('summarises months consistently with the daily series', () => {
    expect(sample.monthly.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(sample.monthly.reduce((sum, month) => sum + month.goodDays, 0)).toBe(260)
    expect(sample.monthly.reduce((sum, month) => sum + month.validDays, 0)).toBe(302)
    expect(sample.monthly.reduce((sum, month) => sum + month.days, 0)).toBe(304)
    // Valid-day-weighted monthly means give back the period means.
    const weighted = (pick: (month: AirSample['monthly'][number]) => number): number =>
      sample.monthly.reduce((sum, month) => sum + pick(month) * month.validDays, 0) / 302
    expect(weighted((month) => month.pm25)).toBeCloseTo(26, 9)
    expect(weighted((month) => month.pm10)).toBeCloseTo(45, 9)
    for (const month of sample.monthly) {
      const days = validDays(sample).filter((day) => day.month === month.month)
      expect(month.o3_8h).toBeCloseTo(mean(days.map((day) => day.o3_8h)), 9)
      expect(month.goodDays).toBe(days.filter((day) => day.good).length)
    }
  })

  it('gives station monthly means that average back to the district monthly means', () => {
    expect(sample.stationMonthly).toHaveLength(STATIONS.length * 10)
    for (const month of sample.monthly) {
      const stations = sample.stationMonthly.filter((record) => record.month === month.month)
      expect(stations.map((record) => record.stationId)).toEqual(STATIONS.map((station) => station.id))
      expect(Math.abs(mean(stations.map((record) => record.pm25)) - month.pm25)).toBeLessThan(1e-9)
      expect(Math.abs(mean(stations.map((record) => record.pm10)) - month.pm10)).toBeLessThan(1e-9)
      expect(Math.abs(mean(stations.map((record) => record.o3_8h)) - month.o3_8h)).toBeLessThan(1e-9)
      for (const record of stations) {
        for (const factor of Object.values(record.factors)) {
          expect(factor).toBeGreaterThan(0.8)
          expect(factor).toBeLessThan(1.2)
        }
        expect(record.townCode).toBe(STATIONS.find((station) => station.id === record.stationId)?.townCode)
      }
    }
  })

  it('is deterministic: the same seed gives the same sample', () => {
    expect(generateAirSample({ seed: SEED, stations: STATIONS })).toEqual(sample)
  })

  it('varies with the seed but always reconciles', () => {
    const other = generateAirSample({ seed: SEED + 1, stations: STATIONS })
    expect(other.daily).not.toEqual(sample.daily)
    expect(other.stationMonthly).not.toEqual(sample.stationMonthly)
    for (let seed = 1; seed <= 40; seed++) expectReconciles(generateAirSample({ seed, stations: [] }))
  })

  it('keeps the daily series independent of the station list', () => {
    const withoutStations = generateAirSample({ seed: SEED, stations: [] })
    expect(withoutStations.daily).toEqual(sample.daily)
    expect(withoutStations.stationMonthly).toEqual([])
  })

  it('labels itself as sample data tied to the report', () => {
    expect(sample.provenance).toBe('sample')
    expect(sample.sampleNote.zh).toContain('样例数据')
    expect(sample.sampleNote.en).toMatch(/^Sample data/)
    for (const figure of ['86.1', '26', '45', '164']) {
      expect(sample.sampleNote.zh).toContain(figure)
      expect(sample.sampleNote.en).toContain(figure)
    }
  })

  it('rejects duplicate station ids', () => {
    expect(() =>
      generateAirSample({
        seed: 1,
        stations: [
          { id: 'x', townCode: 'T01' },
          { id: 'x', townCode: 'T02' },
        ],
      }),
    ).toThrow(/duplicate station/)
  })
})

/** A valid day record as the generator writes it (AQI and level from the concentrations given). */
function validDay(date: string, concentrations: AirConcentrations): ValidAirDay {
  const dayAqi = aqi(concentrations)
  return {
    date,
    month: Number(date.slice(5, 7)) as ValidAirDay['month'],
    valid: true,
    ...concentrations,
    aqi: dayAqi,
    level: dayAqi <= 50 ? 1 : dayAqi <= 100 ? 2 : 3,
    good: dayAqi <= 100,
    primary: [],
  }
}

function invalidDay(date: string): AirDay {
  const month = Number(date.slice(5, 7)) as AirDay['month']
  return {
    date,
    month,
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

describe('summariseAirDays', () => {
  it('counts a polluted day with O3 at exactly 160 as PM pollution and one at 161 as O3 pollution', () => {
    const summary = summariseAirDays([
      validDay('2022-01-10', { pm25: 100, pm10: 120, o3_8h: 160 }),
      validDay('2022-07-10', { pm25: 20, pm10: 40, o3_8h: 161 }),
      validDay('2022-07-11', { pm25: 20, pm10: 40, o3_8h: 150 }),
      invalidDay('2022-07-12'),
    ])
    expect(summary).toMatchObject({
      totalDays: 4,
      validDays: 3,
      invalidDays: 1,
      goodDays: 1,
      pmPollutionDays: 1,
      o3PollutionDays: 1,
    })
  })

  it('refuses a series without a valid day', () => {
    expect(() => summariseAirDays([])).toThrow('summariseAirDays: no valid days')
    expect(() => summariseAirDays([invalidDay('2022-01-01')])).toThrow('summariseAirDays: no valid days')
  })
})

describe('summariseAirMonths', () => {
  it('refuses a month without a valid day, naming it', () => {
    const days: AirDay[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((month) =>
      validDay(`2022-${String(month).padStart(2, '0')}-01`, { pm25: 20, pm10: 40, o3_8h: 100 }),
    )
    expect(summariseAirMonths(days).map((month) => month.validDays)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    days[3] = invalidDay('2022-04-01')
    expect(() => summariseAirMonths(days)).toThrow('summariseAirMonths: month 4 has no valid days')
  })
})

describe('generateAirSample across seeds', () => {
  const samples = (): AirSample[] =>
    Array.from({ length: 40 }, (_, i) => generateAirSample({ seed: i + 1, stations: [] }))
  const pmPolluted = (sample: AirSample): ValidAirDay[] =>
    validDays(sample).filter((day) => !day.good && day.o3_8h <= 160)

  it('pins the O3 90th percentile to exactly 164, not just to something that rounds to it', () => {
    for (const sample of samples()) {
      expect(p90(validDays(sample).map((day) => day.o3_8h))).toBe(164)
      expect(sample.summary.o3P90).toBe(164)
    }
  })

  it('gives O3 at most 37 polluted days (42 non-good less the 5 that Q1 PM needs), and all 37 when it can', () => {
    const o3Days = samples().map((sample) => sample.summary.o3PollutionDays)
    for (const count of o3Days) {
      expect(count).toBeGreaterThanOrEqual(32) // the days ranked at or above the percentile
      expect(count).toBeLessThanOrEqual(37)
    }
    expect(Math.max(...o3Days)).toBe(37)
  })

  it('holds each PM-polluted day over the limit of its own pollutant, in Jan–Mar, and PM10 never below PM2.5', () => {
    let pm25Only = 0
    let pm10Only = 0
    for (const sample of samples()) {
      const days = pmPolluted(sample)
      expect(days.length).toBeGreaterThanOrEqual(5)
      for (const day of days) {
        expect(day.month).toBeLessThanOrEqual(3)
        expect(day.pm25 >= 76 || day.pm10 >= 151).toBe(true)
      }
      // Each pollutant is the one pushed over on some days: PM2.5 alone, or PM10 alone (sand-dust days).
      pm25Only += days.filter((day) => day.pm10 <= 150).length
      pm10Only += days.filter((day) => day.pm25 <= 75).length
      for (const day of validDays(sample)) expect(day.pm10).toBeGreaterThanOrEqual(day.pm25)
    }
    expect(pm25Only).toBeGreaterThan(0)
    expect(pm10Only).toBeGreaterThan(0)
  })

  it('squeezes PM under its caps smoothly: an ordinary day can reach the cap, never pass it, never pile up', () => {
    let pm25AtCap = 0
    for (const sample of samples()) {
      const ordinary = validDays(sample).filter((day) => day.good || day.o3_8h > 160)
      for (const day of ordinary) {
        expect(day.pm25).toBeLessThanOrEqual(75)
        expect(day.pm10).toBeLessThanOrEqual(150)
      }
      pm25AtCap += ordinary.filter((day) => day.pm25 === 75).length
      expect(ordinary.filter((day) => day.pm10 === 150).length).toBeLessThanOrEqual(1)
      // A sand-dust day approaches the 450 ceiling of PM10 smoothly too, rather than being clipped to it.
      expect(validDays(sample).filter((day) => day.pm10 === 450)).toEqual([])
    }
    expect(pm25AtCap).toBeGreaterThan(0)
  })
})

describe('generateAirSample with the build seed', () => {
  it('gives the figures docs/sample-data.md quotes: 35 O3-polluted and 7 PM-polluted days, two missing days', () => {
    const sample = generateAirSample({ seed: SEED, stations: [] })
    expect(sample.daily.filter((day) => !day.valid).map((day) => day.date)).toEqual(['2022-01-23', '2022-05-19'])
    expect(sample.summary).toMatchObject({ o3PollutionDays: 35, pmPollutionDays: 7 })
  })
})

describe('generateAirSample station checks', () => {
  it('rejects a station without an id, and names a duplicate one', () => {
    expect(() => generateAirSample({ seed: 1, stations: [{ id: '', townCode: 'T01' }] })).toThrow(
      'air sample: every station needs an id',
    )
    const noId = { townCode: 'T01' } as unknown as { id: string; townCode: string }
    expect(() => generateAirSample({ seed: 1, stations: [noId] })).toThrow('air sample: every station needs an id')
    expect(() =>
      generateAirSample({
        seed: 1,
        stations: [
          { id: 'x', townCode: 'T01' },
          { id: 'x', townCode: 'T02' },
        ],
      }),
    ).toThrow('air sample: duplicate station id "x"')
  })
})

describe('generateAirSample self-check', () => {
  it('names the good days, good-day rate and PM-polluted days when the AQI does not reproduce 260 good days', () => {
    fake.aqi = () => 40
    expect(() => generateAirSample({ seed: SEED, stations: [] })).toThrow(
      'air sample does not reconcile with the report: good days 302, good-day rate 100, PM polluted days 0',
    )
  })

  it('names the O3 percentile when the recomputed one is not 164', () => {
    fake.percentile = (values) => p90(values) + 10 // a percentile that reads 10 μg/m³ high, in the fit and the check
    expect(() => generateAirSample({ seed: SEED, stations: [] })).toThrow(
      'air sample does not reconcile with the report: O3 p90 174',
    )
  })

  it('names the valid-day count when the calendar loses a day', () => {
    fake.reportDays = (days) => days.slice(0, -1)
    expect(() => generateAirSample({ seed: SEED, stations: [] })).toThrow(
      `air sample does not reconcile with the report: valid days 301, good-day rate ${(260 / 301) * 100}`,
    )
  })
})

describe('generateAirSample with a noise-free random stream', () => {
  /**
   * Every normal draw at its mean, so the raw series is the bare seasonal shape: flat before mid-January
   * and after mid-October, where equal raw values cross a rounding step together and overshoot the
   * target sum. Missing days: 30–31 Oct (the shuffle reverses); dust on 20–21 Feb and 25–26 Mar.
   */
  const noiseFree = (): Random => ({
    next: () => 0.3,
    uniform: (min, max) => (min + max) / 2,
    int: (_, max) => max,
    normal: (mean) => mean,
    pick: <T>(items: readonly T[]) => items[0] as T,
    shuffle: (items) => items.slice().reverse(),
  })
  const run = (sample: AirSample, from: string, to: string): ValidAirDay[] =>
    validDays(sample).filter((day) => day.date >= from && day.date <= to)

  it('still reconciles when ties in the raw series overshoot the PM sums', () => {
    fake.random = noiseFree
    const sample = generateAirSample({ seed: 1, stations: [] })
    expectReconciles(sample)
    expect(sample.summary).toMatchObject({ pmPollutionDays: 5, o3PollutionDays: 37, o3P90: 164 })
    for (const day of validDays(sample)) expect(day.pm10).toBeGreaterThanOrEqual(day.pm25)
  })

  it('gives a tie in PM score to the earlier day: 1 Jan is the flat January run’s PM-polluted day', () => {
    fake.random = noiseFree
    const sample = generateAirSample({ seed: 1, stations: [] })
    expect(
      validDays(sample)
        .filter((day) => !day.good && day.o3_8h <= 160)
        .map((day) => day.date),
    ).toEqual(['2022-01-01', '2022-02-20', '2022-02-21', '2022-03-25', '2022-03-26'])
    expect(run(sample, '2022-01-01', '2022-01-01')[0]?.pm10).toBe(151) // held just over the PM10 limit
  })

  it('takes an overshoot back one unit a day from the days rounded up the most, earliest first', () => {
    fake.random = noiseFree
    const sample = generateAirSample({ seed: 1, stations: [] })
    // PM2.5: the January run (raw 46.5 after scaling) is split, the lower values first.
    expect(run(sample, '2022-01-01', '2022-01-16').map((day) => day.pm25)).toEqual([
      ...Array<number>(6).fill(46),
      ...Array<number>(10).fill(47),
    ])
    // PM10: the October run (raw 42.5) is split the same way; the January run, not on a half, is left level.
    expect(run(sample, '2022-10-16', '2022-10-29').map((day) => day.pm10)).toEqual([
      ...Array<number>(7).fill(42),
      ...Array<number>(7).fill(43),
    ])
    expect(new Set(run(sample, '2022-01-02', '2022-01-16').map((day) => day.pm10))).toEqual(new Set([78]))
  })
})
