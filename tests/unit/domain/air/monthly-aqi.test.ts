import { describe, expect, test } from 'vitest'
import { monthlyAqiLevels } from '../../../../src/domain/air/monthly-aqi'

describe('monthlyAqiLevels', () => {
  test('names each month’s level from the three monthly means', () => {
    const levels = monthlyAqiLevels({ pm25: [20, 60], pm10: [40, 80], o3: [100, 120] })
    expect(levels.map((l) => [l.month, l.aqi, l.level.zh, l.level.en])).toEqual([
      [1, 50, '优', 'Excellent'],
      [2, 82, '良', 'Good'],
    ])
  })
  test('skips a month with a missing mean, and a station without readings', () => {
    expect(monthlyAqiLevels({ pm25: [20, null], pm10: [40, 50], o3: [100, 100] }).map((l) => l.month)).toEqual([1])
    expect(monthlyAqiLevels({ name: 'x' })).toEqual([])
    expect(monthlyAqiLevels(null)).toEqual([])
  })
})

describe('monthlyAqiLevels: which months count', () => {
  test('a month of clean air (all three means 0) is a month, AQI 0, 优', () => {
    expect(monthlyAqiLevels({ pm25: [0], pm10: [0], o3: [0] })).toEqual([
      { month: 1, aqi: 0, level: expect.objectContaining({ zh: '优' }) },
    ])
  })
  test('a month with a mean that is infinite, NaN or negative is skipped, not an error', () => {
    const series = { pm25: [Infinity, Number.NaN, -1, 20], pm10: [40, 40, 40, 40], o3: [100, 100, 100, 100] }
    expect(monthlyAqiLevels(series).map((l) => l.month)).toEqual([4])
    expect(monthlyAqiLevels({ pm25: [20], pm10: [40], o3: [Infinity] })).toEqual([])
  })
})
