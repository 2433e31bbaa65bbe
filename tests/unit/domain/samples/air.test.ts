import { describe, expect, it } from 'vitest'
import { aqi } from '../../../../src/domain/air/aqi'
import {
  AIR_REPORT_FIGURES,
  generateAirSample,
  summariseAirDays,
  type AirSample,
  type ValidAirDay,
} from '../../../../src/domain/samples/air'

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
