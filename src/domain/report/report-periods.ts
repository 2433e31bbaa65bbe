/**
 * The period each report figure covers, in words a reader sees beside the figure. The report's
 * figures do not share one period: air, VOCs and enforcement are for 1–10月 2022; the basin
 * compensation bonus, its rank and the four years are 2021; the 5603 emission sources are the
 * second pollution-source census, finished in 2019; the petitions belong to the first or second
 * round of inspections; the pilots, zero-discharge work, the award and the other 2022 results
 * have no month range. Those 2022 figures are not the whole year's: the report was written
 * before the year ended (its data run to 1-10月, and it says "另2个问题年底前完成"), so they are
 * labelled "to the report's date", never "全年". Section 三 sets 2023 targets. `period` in
 * seeds/report/figures.json says which; this module only words it.
 *
 * Pure TypeScript.
 */
import type { Bilingual, ReportFigure } from '../types'

/** Every period code used in figures.json, with its short label. */
export const PERIOD_LABELS: Readonly<Record<string, Bilingual>> = {
  '2022-01/2022-10': { zh: '1–10月', en: 'Jan–Oct' },
  '2022': { zh: '2022年（截至报告）', en: "2022 (to the report's date)" },
  '2021': { zh: '2021年', en: '2021' },
  '2019': {
    zh: '2019年结束的第二次污染源普查',
    en: 'Second pollution-source census, finished in 2019',
  },
  'first round of central and provincial inspections': { zh: '第一轮督察', en: '1st inspection round' },
  'second round of central inspection': { zh: '第二轮督察', en: '2nd inspection round' },
  '2023 target': { zh: '2023年目标', en: '2023 target' },
}

/** The label of a period code; an unknown code is shown as written rather than hidden. */
export function periodLabel(period: string): Bilingual {
  // Own keys only: `PERIOD_LABELS['toString']` is Object's function, not a label.
  return Object.hasOwn(PERIOD_LABELS, period) ? PERIOD_LABELS[period]! : { zh: period, en: period }
}

/** Whether a figure's period has a label (a test checks every figure in figures.json has one). */
export function hasPeriodLabel(figure: Pick<ReportFigure, 'period'>): boolean {
  return Object.hasOwn(PERIOD_LABELS, figure.period)
}

/**
 * The distinct periods of some figures, in the order first met: what a heading may claim. One
 * period means the heading can name it; several mean it must not name any one of them.
 */
export function distinctPeriods(figures: readonly Pick<ReportFigure, 'period'>[]): string[] {
  return [...new Set(figures.map((figure) => figure.period))]
}
