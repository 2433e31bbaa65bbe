/** Area and length units of the measuring tool: exact conversions, and the texts shown. */
import { describe, expect, test } from 'vitest'
import {
  areaTexts,
  hectaresOf,
  lengthText,
  muOf,
  squareKilometresOf,
  SQUARE_METRES_PER_MU,
} from '../../../../src/domain/measure/units'

describe('conversions', () => {
  test('1 公顷 = 10,000 m² = 15 亩; 1 亩 = 10,000/15 m²', () => {
    expect(hectaresOf(10_000)).toBe(1)
    expect(muOf(10_000)).toBe(15)
    expect(muOf(1_000_000)).toBe(1_500)
    expect(SQUARE_METRES_PER_MU).toBe(10_000 / 15)
    expect(SQUARE_METRES_PER_MU.toFixed(3)).toBe('666.667')
    expect(muOf(SQUARE_METRES_PER_MU * 3)).toBeCloseTo(3, 12)
    // 1 市亩 = 60 平方丈, 1 丈 = 10/3 m.
    expect(SQUARE_METRES_PER_MU).toBeCloseTo(60 * (10 / 3) ** 2, 9)
    expect(squareKilometresOf(2_500_000)).toBe(2.5)
    expect(hectaresOf(1_234_500)).toBe(123.45)
    expect(muOf(1_234_500)).toBe(1851.75)
  })
})

describe('lengthText', () => {
  test('metres below 1 km, kilometres with two decimals above', () => {
    expect(lengthText(850, 'zh-CN')).toBe('850 m')
    expect(lengthText(850.4, 'en')).toBe('850 m')
    expect(lengthText(7.25, 'en')).toBe('7.3 m')
    expect(lengthText(0, 'en')).toBe('0.0 m')
    expect(lengthText(12_345, 'zh-CN')).toBe('12.35 km')
    expect(lengthText(12_345, 'en')).toBe('12.35 km')
    expect(lengthText(1_000, 'en')).toBe('1.00 km')
    expect(lengthText(123_456, 'en')).toBe('123.5 km')
    expect(lengthText(1_234_567, 'zh-CN')).toBe('1,234.6 km')
  })

  test('a length that rounds to 1,000 m is written in km', () => {
    expect(lengthText(999.4, 'en')).toBe('999 m')
    expect(lengthText(999.7, 'en')).toBe('1.00 km')
  })

  test('not a number: a dash', () => {
    expect(lengthText(Number.NaN, 'en')).toBe('—')
  })
})

describe('areaTexts', () => {
  test('km² from 0.1 km², then 公顷 and 亩 (Chinese)', () => {
    expect(areaTexts(1_234_500, 'zh-CN')).toEqual(['1.23 km²', '123.45 公顷', '1,851.8 亩'])
    expect(areaTexts(100_000, 'zh-CN')).toEqual(['0.10 km²', '10.00 公顷', '150.0 亩'])
  })

  test('m² below 0.1 km², ha and mu in English', () => {
    expect(areaTexts(85_000, 'en')).toEqual(['85,000 m²', '8.50 ha', '127.5 mu'])
    expect(areaTexts(99_999.4, 'en')).toEqual(['99,999 m²', '10.00 ha', '150.0 mu'])
    // Rounding to 100,000 m² switches to km², as 999.7 m switches to km.
    expect(areaTexts(99_999.6, 'en')[0]).toBe('0.10 km²')
  })

  test('small areas keep three significant digits instead of writing 0.00', () => {
    expect(areaTexts(4, 'en')).toEqual(['4.0 m²', '0.0004 ha', '0.006 mu'])
    expect(areaTexts(500, 'zh-CN')).toEqual(['500 m²', '0.05 公顷', '0.75 亩'])
  })
})
