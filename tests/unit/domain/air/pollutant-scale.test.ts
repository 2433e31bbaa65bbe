/**
 * One function for levels (issue 23, item 9): a value exactly on an HJ 633-2012 breakpoint belongs
 * to the lower level — PM2.5 35 μg/m³ is 优 and 75 良, O3 (8-hour) 160 良 — and the map (heatmap
 * texture, surface colour), the legend and the station panel all say the same as aqi.ts's levelOf.
 * Checked against the standard's table as coded in aqi.ts (POLLUTANT_BREAKPOINTS, AQI_LEVELS).
 */
import { describe, expect, test } from 'vitest'
import { AQI_LEVELS, POLLUTANT_BREAKPOINTS, levelOf, type AirPollutant } from '../../../../src/domain/air/aqi'
import { monthlyAqiLevels } from '../../../../src/domain/air/monthly-aqi'
import {
  readingsColourOf,
  readingsColourScale,
  readingsLegend,
  type ReadingsPollutant,
} from '../../../../src/domain/air/pollutant-scale'

const POLLUTANTS: AirPollutant[] = ['pm25', 'pm10', 'o3_8h']
const zhOf = (scale: ReadingsPollutant, value: number) => levelOf(scale, value).zh
const rgb = (zh: string) => [...AQI_LEVELS.find((level) => level.zh === zh)!.rgb]

describe('levelOf: a value on a breakpoint is in the lower level', () => {
  test('the cases of the issue: PM2.5 35 is 优, 75 is 良; O3 8-hour 160 is 良', () => {
    expect(zhOf('pm25', 35)).toBe('优')
    expect(zhOf('pm25', 35.1)).toBe('良')
    expect(zhOf('pm25', 75)).toBe('良')
    expect(zhOf('pm25', 75.1)).toBe('轻度污染')
    expect(zhOf('o3_8h', 160)).toBe('良')
    expect(zhOf('o3_8h', 160.1)).toBe('轻度污染')
  })

  test.each(POLLUTANTS)('%s: every breakpoint of the HJ 633 table', (pollutant) => {
    const { concentrations, iaqi } = POLLUTANT_BREAKPOINTS[pollutant]
    concentrations.forEach((bp, i) => {
      if (i === 0 || (iaqi[i] as number) > 300) return
      // At the breakpoint, the level whose AQI range ends on that IAQI; just above, the next one.
      const below = AQI_LEVELS.find((level) => level.max === iaqi[i])!
      expect(levelOf(pollutant, bp).level, `${pollutant} ${bp}`).toBe(below.level)
      if (bp < concentrations.at(-1)!)
        expect(levelOf(pollutant, bp + 0.01).level, `${pollutant} ${bp}+`).toBe(below.level + 1)
    })
  })

  test('an AQI on a level bound is in that level: 50 优, 51 良, 100 良, 100.5 轻度污染', () => {
    expect([50, 51, 100, 100.5].map((v) => zhOf('aqi', v))).toEqual(['优', '良', '良', '轻度污染'])
  })
})

describe('the map, the legend and the panel use it', () => {
  test('the surface colour of a value is its level’s colour, on the breakpoints too', () => {
    expect(readingsColourOf('pm25', 35)).toEqual(rgb('优'))
    expect(readingsColourOf('pm25', 75)).toEqual(rgb('良'))
    expect(readingsColourOf('o3_8h', 160)).toEqual(rgb('良'))
    for (const pollutant of [...POLLUTANTS, 'aqi'] as const)
      for (let value = 0; value <= 600; value += 0.5)
        expect(readingsColourOf(pollutant, value), `${pollutant} ${value}`).toEqual([...levelOf(pollutant, value).rgb])
  })

  test('the heatmap texture: each texel has the level of the value it is drawn pure at', () => {
    for (const pollutant of [...POLLUTANTS, 'aqi'] as const) {
      readingsColourScale(pollutant).colorRange.forEach((colour, unit) =>
        expect(colour, `${pollutant} texel ${unit}`).toEqual([...levelOf(pollutant, unit + 0.5).rgb]),
      )
    }
  })

  test('the legend: a level holds its upper breakpoint and not its lower one', () => {
    for (const pollutant of [...POLLUTANTS, 'aqi'] as const) {
      for (const step of readingsLegend(pollutant).steps) {
        if (step.to !== null) expect(levelOf(pollutant, step.to).level, `${pollutant} to ${step.to}`).toBe(step.level)
        if (step.level > 1) {
          expect(levelOf(pollutant, step.from).level, `${pollutant} from ${step.from}`).toBe(step.level - 1)
          expect(levelOf(pollutant, step.from + 0.01).level).toBe(step.level)
        }
      }
    }
    const pm25 = readingsLegend('pm25').steps
    expect(pm25.slice(0, 2).map((s) => [s.zh, s.from, s.to])).toEqual([
      ['优', 0, 35],
      ['良', 35, 75],
    ])
  })

  test('the station panel: a month whose PM2.5 mean is 75 (and the others low) is 良, not 轻度污染', () => {
    const [month] = monthlyAqiLevels({ pm25: [75], pm10: [40], o3: [90] })
    expect(month).toMatchObject({ aqi: 100, level: { zh: '良' } })
    expect(month!.level).toBe(levelOf('pm25', 75))
  })
})

describe('the legend of each scale', () => {
  test('O3 (8-hour) shows five levels: its table ends at 800 μg/m³, IAQI 300, where 严重污染 would start', () => {
    const steps = readingsLegend('o3_8h').steps
    expect(steps.map((s) => [s.level, s.from, s.to])).toEqual([
      [1, 0, 100],
      [2, 100, 160],
      [3, 160, 215],
      [4, 215, 265],
      [5, 265, null],
    ])
  })

  test('PM2.5, PM10 and AQI show all six, each in its level’s name and colour, the last open-ended', () => {
    for (const pollutant of ['pm25', 'pm10', 'aqi'] as const) {
      const { steps, unit } = readingsLegend(pollutant)
      expect(steps, pollutant).toHaveLength(6)
      expect(unit).toBe(pollutant === 'aqi' ? 'AQI' : 'μg/m³')
      steps.forEach((step, i) => {
        const level = AQI_LEVELS[i]!
        expect(step).toMatchObject({ level: level.level, zh: level.zh, en: level.en, hex: level.hex })
        expect(step.rgb).toEqual([...level.rgb])
      })
      expect(steps.at(-1)!.to).toBeNull()
    }
    expect(readingsLegend('aqi').steps.map((s) => s.from)).toEqual([0, 50, 100, 150, 200, 300])
  })

  test('a value that is not a number or below 0 is drawn as 0 is, in the first level’s colour', () => {
    for (const value of [Number.NaN, -5, -Infinity, 0])
      expect(readingsColourOf('pm25', value), String(value)).toEqual(rgb('优'))
  })
})
