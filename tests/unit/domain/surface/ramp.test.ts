// The surface's continuous ramp: the month's range, a value's colour on it, and the HJ 633 levels
// laid on the legend (bands and breakpoint marks), with the winter PM2.5 month of the sample.
import { describe, expect, it } from 'vitest'
import { readingsColourOf, readingsLegend } from '../../../../src/domain/air/pollutant-scale'
import { RAMP_STOPS, rampColourOf, rampLegend, rampPosition, rampRangeOf } from '../../../../src/domain/surface/ramp'

/** January 2022 PM2.5 at the sample's 11 air stations (public/geo/monitoring-points.geojson): all 良. */
const JANUARY_PM25 = [39.6, 42.7, 43.6, 44.1, 44.8, 46.4, 47, 48.3, 49, 51.8, 53.6]

describe('the ramp over the month range', () => {
  it('the range is the lowest and highest finite value; none without values', () => {
    expect(rampRangeOf(Float32Array.from([50, Number.NaN, 20, 35]))).toEqual({ min: 20, max: 50 })
    expect(rampRangeOf([Number.NaN])).toBeNull()
    expect(rampRangeOf([])).toBeNull()
  })

  it('the ends of the range take the ends of the ramp, the middle its middle stop', () => {
    const range = { min: 20, max: 60 }
    expect(rampColourOf(range, 20)).toEqual(RAMP_STOPS[0])
    expect(rampColourOf(range, 60)).toEqual(RAMP_STOPS[4])
    expect(rampColourOf(range, 40)).toEqual(RAMP_STOPS[2])
    // Halfway between two stops: each channel halfway (rounded).
    expect(rampColourOf(range, 25)).toEqual([64, 42, 112])
    // Outside the range (never from IDW, but a hover may ask): clamped to the ends.
    expect(rampColourOf(range, 5)).toEqual(RAMP_STOPS[0])
    expect(rampColourOf(range, 90)).toEqual(RAMP_STOPS[4])
  })

  it('a range of one value is drawn mid-ramp rather than dividing by zero', () => {
    expect(rampPosition({ min: 30, max: 30 }, 30)).toBe(0.5)
    expect(rampColourOf({ min: 30, max: 30 }, 30)).toEqual(RAMP_STOPS[2])
  })

  it('winter PM2.5: one HJ 633 colour for every station, but many colours on the ramp', () => {
    const range = rampRangeOf(JANUARY_PM25)!
    const levelColours = new Set(JANUARY_PM25.map((v) => readingsColourOf('pm25', v).join()))
    const rampColours = new Set(JANUARY_PM25.map((v) => rampColourOf(range, v).join()))
    expect(levelColours.size).toBe(1)
    expect(rampColours.size).toBe(JANUARY_PM25.length)
    // Higher is lighter along the ramp (viridis' lightness rises), so the order reads without hue.
    const luma = (v: number) => {
      const [r, g, b] = rampColourOf(range, v)
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    for (let i = 1; i < JANUARY_PM25.length; i++)
      expect(luma(JANUARY_PM25[i]!)).toBeGreaterThan(luma(JANUARY_PM25[i - 1]!))
  })
})

describe('the HJ 633 levels on the ramp legend', () => {
  it('a range inside one level: one band over the whole ramp, no breakpoint mark', () => {
    const legend = rampLegend(rampRangeOf(JANUARY_PM25)!, readingsLegend('pm25'))
    expect(legend.range).toEqual({ min: 39.6, max: 53.6 })
    expect(legend.bands).toEqual([{ level: 2, zh: '良', en: 'Good', hex: expect.any(String), from: 0, to: 1 }])
    expect(legend.marks).toEqual([])
  })

  it('a range across breakpoints: a band per level, a mark on each breakpoint at its place', () => {
    // PM2.5 breakpoints 35 (优|良) and 75 (良|轻度污染) inside 25–85.
    const legend = rampLegend({ min: 25, max: 85 }, readingsLegend('pm25'))
    expect(legend.marks).toEqual([
      { value: 35, position: 10 / 60 },
      { value: 75, position: 50 / 60 },
    ])
    expect(legend.bands.map((b) => [b.level, b.from, b.to])).toEqual([
      [1, 0, 10 / 60],
      [2, 10 / 60, 50 / 60],
      [3, 50 / 60, 1],
    ])
  })

  it('a range starting exactly on a breakpoint has no empty band below it', () => {
    const legend = rampLegend({ min: 35, max: 50 }, readingsLegend('pm25'))
    expect(legend.bands.map((b) => b.level)).toEqual([2])
    expect(legend.marks).toEqual([])
  })

  it('one value on a breakpoint: the lower level, over the whole ramp', () => {
    const legend = rampLegend({ min: 35, max: 35 }, readingsLegend('pm25'))
    expect(legend.bands.map((b) => [b.level, b.from, b.to])).toEqual([[1, 0, 1]])
  })
})
