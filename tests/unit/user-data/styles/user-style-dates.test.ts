// Dates in a user layer's column: the month key of a value, and the slider's steps.
import { describe, expect, test } from 'vitest'
import {
  MAX_SLIDER_MONTHS,
  monthIndex,
  monthKeyOf,
  monthParts,
  monthSteps,
} from '../../../../src/user-data/styles/user-style-dates'

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

describe('the years a month may lie in', () => {
  test('1900 to 2100 inclusive; a year outside is taken as no date', () => {
    expect(monthKeyOf('1900-01-01')).toBe('1900-01')
    expect(monthKeyOf('2100-12')).toBe('2100-12')
    expect(monthKeyOf('1899-12-31')).toBeNull()
    expect(monthKeyOf('2101-01')).toBeNull()
  })
})

describe('month keys and indices', () => {
  test('a key YYYY-MM is months since year 0', () => {
    expect(monthIndex('2022-03')).toBe(2022 * 12 + 2)
    expect(monthIndex('2022-01')).toBe(2022 * 12)
    expect(monthIndex('2022-12')).toBe(2022 * 12 + 11)
  })
  test.each([['2022-00'], ['2022-13'], ['x2022-03'], ['2022-03x'], ['2022-03-01'], ['2022-3'], ['']])(
    '%s is not a key',
    (key) => expect(monthIndex(key)).toBeNull(),
  )
  test('the year and month of a key, for the interface’s own wording; none for a bad key', () => {
    expect(monthParts('2022-03')).toEqual({ year: 2022, month: 3 })
    expect(monthParts('2022-12')).toEqual({ year: 2022, month: 12 })
    expect(monthParts('March')).toBeNull()
  })
})

describe('the slider’s steps', () => {
  test('a key that is not a month is left out', () => {
    expect(monthSteps(['bad', '2022-02', '2022-13', '2022-01'])).toEqual(['2022-01', '2022-02'])
  })
  test('at most 600 months (fifty years) from the first', () => {
    const steps = monthSteps(['1950-01', '2100-12'])
    expect(steps).toHaveLength(MAX_SLIDER_MONTHS)
    expect(steps[0]).toBe('1950-01')
    expect(steps.at(-1)).toBe('1999-12')
  })
})
