/** The inspection density's ramp: six colours from light to dark, written as the CSS the legend shows. */
import { describe, expect, test } from 'vitest'
import { DENSITY_RAMP, rampHex } from '../../../../src/domain/classification/density-ramp'

/** Relative luminance (sRGB, WCAG): how light a colour reads. */
const luminance = ([r, g, b]: readonly number[]) =>
  [r!, g!, b!]
    .map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0)

describe('DENSITY_RAMP', () => {
  test('six colours, each darker than the one before: fewer to more inspections', () => {
    expect(DENSITY_RAMP).toHaveLength(6)
    const light = DENSITY_RAMP.map(luminance)
    for (let i = 1; i < light.length; i++) expect(light[i]!, `colour ${i}`).toBeLessThan(light[i - 1]!)
    expect(DENSITY_RAMP[0]).toEqual([254, 235, 226])
    expect(DENSITY_RAMP.at(-1)).toEqual([122, 1, 119])
  })
})

describe('rampHex', () => {
  test('two hex digits per channel, padded with a zero', () => {
    expect(rampHex([254, 235, 226])).toBe('#feebe2')
    expect(rampHex([122, 1, 119])).toBe('#7a0177')
    expect(rampHex([0, 0, 0])).toBe('#000000')
    expect(DENSITY_RAMP.map(rampHex)).toEqual(['#feebe2', '#fcc5c0', '#fa9fb5', '#f768a1', '#c51b8a', '#7a0177'])
  })
})
