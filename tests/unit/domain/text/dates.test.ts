// readDate: the one date reader, for the readings and inspections tables and for a user layer's month
// slider. Every form either of the two former readers took is read (user-table.ts parseTableDate and
// user-style-dates.ts monthKeyOf), with what it reads.
import { describe, expect, test } from 'vitest'
import { readDate } from '../../../../src/domain/text/dates'

const ymd = (year: number | null, month: number, day: number | null = null) => ({ year, month, day })

describe('readDate', () => {
  // The forms the month slider (monthKeyOf) read before.
  test.each([
    ['2022-03-15', ymd(2022, 3, 15)],
    ['2022/3/15', ymd(2022, 3, 15)],
    ['2022.3.5', ymd(2022, 3, 5)],
    ['2022-03/15', ymd(2022, 3, 15)],
    ['2022-03-15 10:30', ymd(2022, 3, 15)],
    ['2022-03-15 10:30:45', ymd(2022, 3, 15)],
    ['2022-03-15T10:30:00Z', ymd(2022, 3, 15)],
    ['2022-03-15T10:30:00.123+08:00', ymd(2022, 3, 15)],
    ['2022-03-15T10:30+0800', ymd(2022, 3, 15)],
    ['2022-03', ymd(2022, 3)],
    ['2022/12', ymd(2022, 12)],
    ['2022.7', ymd(2022, 7)],
    ['2022年3月', ymd(2022, 3)],
    ['2022年3月15日', ymd(2022, 3, 15)],
    ['2022 年 3 月 15 日', ymd(2022, 3, 15)],
    ['  2022-03-15  ', ymd(2022, 3, 15)],
  ])('the slider’s form %s', (text, date) => expect(readDate(text)).toEqual(date))

  // The forms the readings and inspections tables (parseTableDate) read before.
  test.each([
    ['2022-01-15', ymd(2022, 1, 15)],
    ['2022/3/8', ymd(2022, 3, 8)],
    ['2022.1.15', ymd(2022, 1, 15)],
    ['2023年4月', ymd(2023, 4)],
    ['2022年4月9日', ymd(2022, 4, 9)],
    ['2022年4月9', ymd(2022, 4, 9)],
    ['2022年4', ymd(2022, 4)],
    ['2022-4月', ymd(2022, 4)],
    ['2022-4-9日', ymd(2022, 4, 9)],
    ['2022/4/', ymd(2022, 4)],
    ['2022 - 04 - 09', ymd(2022, 4, 9)],
    ['2022-01-15 08:30', ymd(2022, 1, 15)],
    ['2022-01 08:30', ymd(2022, 1)],
    ['2022-01-15T08:30:00 (北京时间)', ymd(2022, 1, 15)],
    ['２０２２－０３－１５', ymd(2022, 3, 15)],
    ['２０２２年３月', ymd(2022, 3)],
    ['1850-01-01', ymd(1850, 1, 1)],
    ['7月', ymd(null, 7)],
    ['3月', ymd(null, 3)],
    ['3 月', ymd(null, 3)],
    ['12', ymd(null, 12)],
    ['07', ymd(null, 7)],
    ['7', ymd(null, 7)],
    ['１２月', ymd(null, 12)],
  ])('the tables’ form %s', (text, date) => expect(readDate(text)).toEqual(date))

  test('a leap day only in a leap year', () => {
    expect(readDate('2024-02-29')).toEqual(ymd(2024, 2, 29))
    expect(readDate('2023-02-29')).toBeNull()
    expect(readDate('2022-04-31')).toBeNull()
    expect(readDate('2022-12-31')).toEqual(ymd(2022, 12, 31))
  })

  test.each([
    ['2022-13-01'],
    ['2022-13'],
    ['2022-00'],
    ['2022-02-30'],
    ['2022-03-00'],
    ['2022-03-32'],
    ['13月'],
    ['0'],
    ['00月'],
    ['3/15/2022'],
    ['15.3.2022'],
    ['202203'],
    ['20220315'],
    ['22-03-15'],
    ['2022-03-15 noon'],
    ['next week'],
    ['abc'],
    [''],
    ['   '],
  ])('%s is not a date', (text) => expect(readDate(text)).toBeNull())
})
