import { describe, expect, it } from 'vitest'
import {
  AQI_LEVELS,
  POLLUTANT_BREAKPOINTS,
  aqi,
  aqiLevel,
  iaqi,
  iaqiUnrounded,
  percentileOrderedRank,
  primaryPollutants,
  type AirPollutant,
} from '../../../../src/domain/air/aqi'

describe('iaqi (HJ 633-2012)', () => {
  it('hits the IAQI steps exactly at every breakpoint', () => {
    for (const pollutant of Object.keys(POLLUTANT_BREAKPOINTS) as AirPollutant[]) {
      const { concentrations, iaqi: steps } = POLLUTANT_BREAKPOINTS[pollutant]
      expect(concentrations.length).toBe(steps.length)
      concentrations.forEach((concentration, i) => {
        expect(iaqi(pollutant, concentration)).toBe(steps[i])
      })
    }
  })

  it('uses the HJ 633-2012 breakpoints', () => {
    expect(POLLUTANT_BREAKPOINTS.pm25.concentrations).toEqual([0, 35, 75, 115, 150, 250, 350, 500])
    expect(POLLUTANT_BREAKPOINTS.pm10.concentrations).toEqual([0, 50, 150, 250, 350, 420, 500, 600])
    expect(POLLUTANT_BREAKPOINTS.o3_8h.concentrations).toEqual([0, 100, 160, 215, 265, 800])
    expect(POLLUTANT_BREAKPOINTS.o3_8h.iaqi).toEqual([0, 50, 100, 150, 200, 300])
  })

  it('gives the textbook PM2.5 values', () => {
    expect(iaqi('pm25', 35)).toBe(50)
    expect(iaqi('pm25', 75)).toBe(100)
    expect(iaqi('pm25', 55)).toBe(75)
    expect(iaqi('pm25', 0)).toBe(0)
  })

  it('interpolates linearly between breakpoints and rounds up', () => {
    expect(iaqiUnrounded('pm25', 36)).toBeCloseTo(51.25, 12)
    expect(iaqi('pm25', 36)).toBe(52)
    expect(iaqi('pm25', 76)).toBe(102) // 101.25 → 102: the lowest integer PM2.5 that is not good
    expect(iaqi('pm10', 100)).toBe(75)
    expect(iaqi('pm10', 151)).toBe(101)
    expect(iaqi('o3_8h', 130)).toBe(75)
    expect(iaqi('o3_8h', 161)).toBe(101) // 100 + 50/55
    expect(iaqi('o3_8h', 164)).toBe(104) // 103.6…
  })

  it('does not let floating-point noise push an exact integer up', () => {
    // 50/40 × 20 + 50 is exactly 75; values like 0.1 + 0.2 must not break the rounding either.
    expect(iaqi('pm25', 55)).toBe(75)
    expect(iaqi('pm25', 0.1 + 0.2)).toBe(1)
  })

  it('clamps above the table (O3 8h above 800 would need the 1-hour value)', () => {
    expect(iaqi('o3_8h', 800)).toBe(300)
    expect(iaqi('o3_8h', 1200)).toBe(300)
    expect(iaqi('pm25', 900)).toBe(500)
    expect(iaqi('pm10', 700)).toBe(500)
  })

  it('rejects negative or non-finite concentrations', () => {
    expect(() => iaqi('pm25', -1)).toThrow(RangeError)
    expect(() => iaqi('pm10', Number.NaN)).toThrow(/finite/)
    expect(() => iaqi('o3_8h', Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('aqi', () => {
  it('is the maximum IAQI', () => {
    expect(aqi({ pm25: 26, pm10: 45, o3_8h: 164 })).toBe(104)
    expect(aqi({ pm25: 55, pm10: 40, o3_8h: 80 })).toBe(75)
    expect(aqi({ pm25: 10, pm10: 20, o3_8h: 30 })).toBe(20) // IAQIs 15, 20, 15
  })

  it('names primary pollutants only above 50', () => {
    expect(primaryPollutants({ pm25: 10, pm10: 20, o3_8h: 30 })).toEqual([])
    expect(primaryPollutants({ pm25: 55, pm10: 40, o3_8h: 80 })).toEqual(['pm25'])
    expect(primaryPollutants({ pm25: 75, pm10: 150, o3_8h: 160 })).toEqual(['pm25', 'pm10', 'o3_8h'])
  })
})

describe('aqiLevel', () => {
  it('maps the HJ 633 ranges', () => {
    const cases: [number, number][] = [
      [0, 1],
      [50, 1],
      [51, 2],
      [100, 2],
      [101, 3],
      [150, 3],
      [151, 4],
      [200, 4],
      [201, 5],
      [300, 5],
      [301, 6],
      [500, 6],
    ]
    for (const [value, level] of cases) expect(aqiLevel(value).level).toBe(level)
    expect(aqiLevel(50.5).level).toBe(2)
  })

  it('carries the standard names and colours', () => {
    expect(AQI_LEVELS.map((level) => level.zh)).toEqual(['优', '良', '轻度污染', '中度污染', '重度污染', '严重污染'])
    expect(AQI_LEVELS.map((level) => level.rgb)).toEqual([
      [0, 228, 0],
      [255, 255, 0],
      [255, 126, 0],
      [255, 0, 0],
      [153, 0, 76],
      [126, 0, 35],
    ])
    for (const level of AQI_LEVELS) {
      const hex = `#${level.rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`
      expect(level.hex).toBe(hex)
    }
    expect(aqiLevel(75)).toMatchObject({ zh: '良', en: 'Good' })
  })

  it('rejects invalid AQIs', () => {
    expect(() => aqiLevel(-1)).toThrow(RangeError)
    expect(() => aqiLevel(Number.NaN)).toThrow(RangeError)
  })
})

describe('percentileOrderedRank (HJ 663-2013)', () => {
  it('uses k = 1 + (n − 1)·p with linear interpolation', () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5]
    expect(percentileOrderedRank(values, 90)).toBeCloseTo(9.1, 12) // k = 9.1
    expect(percentileOrderedRank(values, 50)).toBeCloseTo(5.5, 12) // k = 5.5
    expect(percentileOrderedRank(values, 0)).toBe(1)
    expect(percentileOrderedRank(values, 100)).toBe(10)
    expect(percentileOrderedRank([42], 90)).toBe(42)
  })

  it('reads ranks 271 and 272 for 302 days', () => {
    const values = Array.from({ length: 302 }, (_, i) => i + 1) // X(r) = r
    expect(percentileOrderedRank(values, 90)).toBeCloseTo(271.9, 9)
  })

  it('does not modify its input and validates it', () => {
    const values = [3, 1, 2]
    percentileOrderedRank(values, 90)
    expect(values).toEqual([3, 1, 2])
    expect(() => percentileOrderedRank([], 90)).toThrow()
    expect(() => percentileOrderedRank([1], 101)).toThrow(RangeError)
    expect(() => percentileOrderedRank([1, Number.NaN], 50)).toThrow(RangeError)
  })
})

describe('what the errors say', () => {
  it('names the function or pollutant and the value refused', () => {
    expect(() => iaqi('pm25', -1)).toThrow('pm25: concentration must be a finite number >= 0 μg/m³, got -1')
    expect(() => aqiLevel(Number.NaN)).toThrow('aqiLevel: AQI must be a finite number >= 0, got NaN')
    expect(() => percentileOrderedRank([], 90)).toThrow('percentileOrderedRank: need at least one value')
    expect(() => percentileOrderedRank([1], 101)).toThrow(
      'percentileOrderedRank: percent must be within 0..100, got 101',
    )
    expect(() => percentileOrderedRank([1, Infinity], 50)).toThrow(
      'percentileOrderedRank: every value must be a finite number',
    )
  })

  it('refuses a percent below 0 or not finite, as well as above 100', () => {
    expect(() => percentileOrderedRank([1, 2], -1)).toThrow(RangeError)
    expect(() => percentileOrderedRank([1, 2], Number.NaN)).toThrow(RangeError)
    expect(() => percentileOrderedRank([1, 2], Infinity)).toThrow(RangeError)
  })
})
