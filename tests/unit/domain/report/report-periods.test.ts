/** report-periods: a period code's words, whether a figure has them, and what a heading may claim. */
import { describe, expect, test } from 'vitest'
import { distinctPeriods, hasPeriodLabel, periodLabel } from '../../../../src/domain/report/report-periods'

describe('report periods', () => {
  test('each code is worded in both languages; an unknown code is shown as written, not hidden', () => {
    expect(periodLabel('2022-01/2022-10')).toEqual({ zh: '1–10月', en: 'Jan–Oct' })
    expect(periodLabel('2021')).toEqual({ zh: '2021年', en: '2021' })
    expect(periodLabel('2023 target')).toEqual({ zh: '2023年目标', en: '2023 target' })
    expect(periodLabel('second round of central inspection')).toEqual({ zh: '第二轮督察', en: '2nd inspection round' })
    expect(periodLabel('2020 H1')).toEqual({ zh: '2020 H1', en: '2020 H1' })
    expect(periodLabel('toString')).toEqual({ zh: 'toString', en: 'toString' })
  })

  test('a label belongs to the table itself: a name an object inherits is not a period', () => {
    expect(hasPeriodLabel({ period: '2021' })).toBe(true)
    expect(hasPeriodLabel({ period: '2020' })).toBe(false)
    expect(hasPeriodLabel({ period: 'toString' })).toBe(false)
    expect(hasPeriodLabel({ period: 'constructor' })).toBe(false)
  })

  test('the distinct periods of some figures, in the order first met', () => {
    const figures = [{ period: '2022' }, { period: '2021' }, { period: '2022' }, { period: '2023 target' }]
    expect(distinctPeriods(figures)).toEqual(['2022', '2021', '2023 target'])
    expect(distinctPeriods([{ period: '2021' }, { period: '2021' }])).toEqual(['2021'])
    expect(distinctPeriods([])).toEqual([])
  })
})
