/**
 * SAMPLE monthly water-quality classes (GB 3838-2002) for 金东区's two national-control sections
 * (国控断面), Jan–Oct 2022. The report says only that the two sections averaged class Ⅲ over the
 * period and were rated excellent; the month-by-month classes here are invented to fit that.
 *
 * "Averaged class Ⅲ" is defined for the sample as: the mean of the 20 class numbers
 * (Ⅰ = 1 … 劣Ⅴ = 6) rounds to 3, every month is Ⅳ or better, and most months are Ⅱ–Ⅲ.
 * (Official assessments average the monitored concentrations and classify the averages; the
 * sample has no concentrations, hence the class-number mean.)
 */
import { createRandom, deriveSeed, type Random } from './random'
import { REPORT_MONTHS, type ReportMonth } from '../types'

export type WaterClassNumber = 1 | 2 | 3 | 4 | 5 | 6

export interface WaterClassInfo {
  class: WaterClassNumber
  /** Roman numeral as GB 3838 prints it (Unicode Ⅰ–Ⅴ). */
  label: 'Ⅰ' | 'Ⅱ' | 'Ⅲ' | 'Ⅳ' | 'Ⅴ' | '劣Ⅴ'
  /** ASCII form, as the report writes "III". */
  ascii: 'I' | 'II' | 'III' | 'IV' | 'V' | 'worse than V'
  zh: string
  en: string
  /** Map colour: blues for Ⅰ–Ⅱ, green Ⅲ, yellow Ⅳ, orange Ⅴ, red 劣Ⅴ (the common map scheme). */
  hex: string
  rgb: readonly [number, number, number]
  /** Ⅰ–Ⅲ meet the usual functional-zone target (达标). */
  good: boolean
}

/**
 * GB 3838-2002 classes. Colours: Ⅰ deep blue #1f5fbf and Ⅱ light blue #4fb3e8 (both clean water,
 * told apart by depth of blue), Ⅲ green #2fa84f, Ⅳ yellow #f2c318, Ⅴ orange #f07f1a, 劣Ⅴ red
 * #d7261e. The yellow is darkened from pure #ffff00 so Ⅳ stays readable on a light basemap.
 */
export const WATER_CLASSES: readonly WaterClassInfo[] = [
  { class: 1, label: 'Ⅰ', ascii: 'I', zh: 'Ⅰ类', en: 'Class I', hex: '#1f5fbf', rgb: [31, 95, 191], good: true },
  { class: 2, label: 'Ⅱ', ascii: 'II', zh: 'Ⅱ类', en: 'Class II', hex: '#4fb3e8', rgb: [79, 179, 232], good: true },
  { class: 3, label: 'Ⅲ', ascii: 'III', zh: 'Ⅲ类', en: 'Class III', hex: '#2fa84f', rgb: [47, 168, 79], good: true },
  { class: 4, label: 'Ⅳ', ascii: 'IV', zh: 'Ⅳ类', en: 'Class IV', hex: '#f2c318', rgb: [242, 195, 24], good: false },
  { class: 5, label: 'Ⅴ', ascii: 'V', zh: 'Ⅴ类', en: 'Class V', hex: '#f07f1a', rgb: [240, 127, 26], good: false },
  {
    class: 6,
    label: '劣Ⅴ',
    ascii: 'worse than V',
    zh: '劣Ⅴ类',
    en: 'Worse than class V',
    hex: '#d7261e',
    rgb: [215, 38, 30],
    good: false,
  },
]

export function waterClassInfo(waterClass: WaterClassNumber): WaterClassInfo {
  return WATER_CLASSES[waterClass - 1] as WaterClassInfo
}

export interface WaterSection {
  id: 'dongguanqiao' | 'hongwuqiao'
  name: { zh: string; en: string }
  river: { zh: string; en: string }
  /** Why it matters: the last section on its river before the confluence at 燕尾洲. */
  note: { zh: string; en: string }
}

export const NATIONAL_CONTROL_SECTIONS: readonly WaterSection[] = [
  {
    id: 'dongguanqiao',
    name: { zh: '东关桥', en: 'Dongguanqiao' },
    river: { zh: '义乌江', en: 'Yiwu River' },
    note: {
      zh: '义乌江汇入金华江前的最后一个国控断面',
      en: 'Last national control section on the Yiwu River before it joins the Jinhua River',
    },
  },
  {
    id: 'hongwuqiao',
    name: { zh: '洪坞桥', en: 'Hongwuqiao' },
    river: { zh: '武义江', en: 'Wuyi River' },
    note: {
      zh: '武义江汇入金华江前的最后一个国控断面',
      en: 'Last national control section on the Wuyi River before it joins the Jinhua River',
    },
  },
]

/** The report's statement (opening paragraph): both sections averaged class Ⅲ, Jan–Oct 2022. */
export const WATER_REPORT_FIGURES = { meanClass: 3 as WaterClassNumber, period: '2022-01/2022-10' } as const

/**
 * Design limits of the sample. The sum of the 20 class numbers is held within 55..65 (mean
 * 2.75–3.25), comfortably inside the 2.5–3.49 that rounds to Ⅲ; at most 3 section-months are Ⅳ.
 */
export const WATER_SAMPLE_DESIGN = {
  worstClass: 4 as WaterClassNumber,
  maxClassIvMonths: 3,
  minClassSum: 55,
  maxClassSum: 65,
} as const

export interface WaterMonthlyClass {
  sectionId: WaterSection['id']
  month: ReportMonth
  waterClass: WaterClassNumber
}

export interface WaterSampleSummary {
  /** Mean of all class numbers (both sections, 10 months). */
  meanClassNumber: number
  /** The mean rounded: 3 (Ⅲ), matching the report. */
  meanClass: WaterClassNumber
  worstClass: WaterClassNumber
  /** Section-months per class, index 0 = Ⅰ … 5 = 劣Ⅴ. */
  countByClass: number[]
  perSection: { sectionId: WaterSection['id']; meanClassNumber: number }[]
}

export interface WaterSample {
  seed: number
  provenance: 'sample'
  sections: readonly WaterSection[]
  monthly: WaterMonthlyClass[]
  summary: WaterSampleSummary
  sampleNote: { zh: string; en: string }
}

export const WATER_SAMPLE_NOTE = {
  zh:
    '样例数据：东关桥、洪坞桥逐月水质类别为示意生成，并非监测结果；' +
    '按《2022年工作总结》“全区两个地表水国控断面平均水质为III类”约束（类别均值取整为Ⅲ，各月不劣于Ⅳ类）。',
  en:
    'Sample data: the monthly classes of the Dongguanqiao and Hongwuqiao sections are invented, not ' +
    'monitoring results. They are constrained to the 2022 work report, which says both national control ' +
    'sections averaged class III (mean class number rounds to III; no month worse than IV).',
} as const

/**
 * Invented chances of Ⅱ/Ⅲ/Ⅳ by section and season. 洪坞桥 (武义江) is drawn a little cleaner than
 * 东关桥 (义乌江, which carries 义乌's and 东阳's urban load); the flood season (汛期, Jun–Sep) is
 * drawn worse because storm runoff and sewer overflows (the report's 雨污混排、污水溢流) add load.
 */
function classChances(sectionId: WaterSection['id'], month: ReportMonth): [number, number, number] {
  const floodSeason = month >= 6 && month <= 9
  const [classII, classIII] = sectionId === 'dongguanqiao' ? [0.2, 0.7] : [0.35, 0.6]
  const classIV = floodSeason ? 0.15 : 0.05
  const scale = (1 - classIV) / (classII + classIII)
  return [classII * scale, classIII * scale, classIV]
}

function drawClass(random: Random, chances: [number, number, number]): WaterClassNumber {
  const u = random.next()
  if (u < chances[0]) return 2
  if (u < chances[0] + chances[1]) return 3
  return 4
}

function summarise(monthly: readonly WaterMonthlyClass[]): WaterSampleSummary {
  const classes = monthly.map((record) => record.waterClass)
  const meanClassNumber = classes.reduce<number>((sum, value) => sum + value, 0) / classes.length
  const countByClass = WATER_CLASSES.map((info) => classes.filter((value) => value === info.class).length)
  return {
    meanClassNumber,
    meanClass: Math.round(meanClassNumber) as WaterClassNumber,
    worstClass: Math.max(...classes) as WaterClassNumber,
    countByClass,
    perSection: NATIONAL_CONTROL_SECTIONS.map((section) => {
      const own = monthly.filter((record) => record.sectionId === section.id).map((record) => record.waterClass)
      return { sectionId: section.id, meanClassNumber: own.reduce<number>((sum, value) => sum + value, 0) / own.length }
    }),
  }
}

export function summariseWater(monthly: readonly WaterMonthlyClass[]): WaterSampleSummary {
  if (monthly.length === 0) throw new Error('summariseWater: no records')
  return summarise(monthly)
}

export function generateWaterSample(opts: { seed: number }): WaterSample {
  const random = createRandom(deriveSeed(opts.seed, 'water-classes'))
  const monthly: WaterMonthlyClass[] = []
  for (const month of REPORT_MONTHS) {
    for (const section of NATIONAL_CONTROL_SECTIONS) {
      monthly.push({ sectionId: section.id, month, waterClass: drawClass(random, classChances(section.id, month)) })
    }
  }

  // Deterministic repairs, in a seeded order so no single month is always the one changed.
  const repairOrder = random.shuffle(monthly.map((_, index) => index))
  const classSum = (): number => monthly.reduce<number>((sum, record) => sum + record.waterClass, 0)
  const setClass = (index: number, waterClass: WaterClassNumber): void => {
    ;(monthly[index] as WaterMonthlyClass).waterClass = waterClass
  }
  // (a) "mostly Ⅱ–Ⅲ": at most three Ⅳ months; the rest become Ⅲ.
  let classIvMonths = 0
  for (const index of repairOrder) {
    if ((monthly[index] as WaterMonthlyClass).waterClass !== 4) continue
    classIvMonths += 1
    if (classIvMonths > WATER_SAMPLE_DESIGN.maxClassIvMonths) setClass(index, 3)
  }
  // (b) mean within 2.75–3.25: raise Ⅱ → Ⅲ while too clean, lower Ⅳ → Ⅲ then Ⅲ → Ⅱ while too poor.
  for (const index of repairOrder) {
    if (classSum() >= WATER_SAMPLE_DESIGN.minClassSum) break
    if ((monthly[index] as WaterMonthlyClass).waterClass === 2) setClass(index, 3)
  }
  for (const from of [4, 3] as const) {
    for (const index of repairOrder) {
      if (classSum() <= WATER_SAMPLE_DESIGN.maxClassSum) break
      if ((monthly[index] as WaterMonthlyClass).waterClass === from) setClass(index, (from - 1) as WaterClassNumber)
    }
  }

  const summary = summarise(monthly)
  if (summary.meanClass !== WATER_REPORT_FIGURES.meanClass || summary.worstClass > WATER_SAMPLE_DESIGN.worstClass) {
    throw new Error(`water sample does not reconcile: mean ${summary.meanClassNumber}, worst ${summary.worstClass}`)
  }
  return {
    seed: opts.seed,
    provenance: 'sample',
    sections: NATIONAL_CONTROL_SECTIONS,
    monthly,
    summary,
    sampleNote: { zh: WATER_SAMPLE_NOTE.zh, en: WATER_SAMPLE_NOTE.en },
  }
}
