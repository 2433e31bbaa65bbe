// Dates in a user layer's column: the month key of a value, and the slider's steps.
import { describe, expect, test } from 'vitest'
import { monthKeyOf, monthSteps } from '../../../../src/user-data/styles/user-style-dates'

describe('monthKeyOf', () => {
  test.each([
    ['2022-03-15', '2022-03'],
    ['2022/3/15', '2022-03'],
    ['2022.3.5', '2022-03'],
    ['2022-03-15 10:30', '2022-03'],
    ['2022-03-15T10:30:00Z', '2022-03'],
    ['2022-03', '2022-03'],
    ['2022/12', '2022-12'],
    ['2022年3月', '2022-03'],
    ['2022 年 3 月 15 日', '2022-03'],
    ['２０２２年３月', '2022-03'],
    ['2022年3', '2022-03'],
  ])('%s is in %s', (text, month) => expect(monthKeyOf(text)).toBe(month))

  test.each([['2022-13-01'], ['2022-02-30'], ['3/15/2022'], ['202203'], ['abc'], [''], ['1850-01-01']])(
    '%s is not a date',
    (text) => expect(monthKeyOf(text)).toBeNull(),
  )
  test('a month without a year is read (src/domain/text/dates.ts) but has no key on this axis', () => {
    expect(monthKeyOf('3月')).toBeNull()
    expect(monthKeyOf('03')).toBeNull()
  })
  test('numbers are not dates (202203 may be an id; Excel serials arrive converted)', () => {
    expect(monthKeyOf(44927)).toBeNull()
    expect(monthKeyOf(null)).toBeNull()
  })
  test('the slider steps through every month between the first and last, gaps included', () => {
    expect(monthSteps(['2022-03', '2021-12', '2022-01'])).toEqual(['2021-12', '2022-01', '2022-02', '2022-03'])
    expect(monthSteps([])).toEqual([])
  })
})
