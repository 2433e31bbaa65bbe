import { describe, expect, it } from 'vitest'
import { englishOrdinal, rankText } from '../../../src/i18n/ordinal'

describe('englishOrdinal', () => {
  it('writes 1st, 2nd, 3rd and th for the rest', () => {
    expect([1, 2, 3, 4, 5, 9, 10].map(englishOrdinal)).toEqual(['1st', '2nd', '3rd', '4th', '5th', '9th', '10th'])
  })

  it('writes 11th, 12th, 13th (also 111th…) but 21st, 22nd, 23rd, 101st', () => {
    expect([11, 12, 13, 111, 112, 113].map(englishOrdinal)).toEqual(['11th', '12th', '13th', '111th', '112th', '113th'])
    expect([21, 22, 23, 101, 102, 103].map(englishOrdinal)).toEqual(['21st', '22nd', '23rd', '101st', '102nd', '103rd'])
  })
})

describe('rankText', () => {
  it('is the plain number in Chinese and an ordinal in English', () => {
    expect(rankText(2, 'zh-CN')).toBe('2')
    expect(rankText(2, 'en')).toBe('2nd')
  })
})
