import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed } from '../../../../src/domain/samples/random'
import {
  NATIONAL_CONTROL_SECTIONS,
  WATER_CLASSES,
  generateWaterSample,
  summariseWater,
  waterClassInfo,
  type WaterSample,
} from '../../../../src/domain/samples/water'

const SEED = 20221101

function expectReconciles(sample: WaterSample): void {
  expect(sample.monthly).toHaveLength(20)
  const classes = sample.monthly.map((record) => record.waterClass)
  const meanClass = classes.reduce<number>((sum, value) => sum + value, 0) / classes.length
  expect(Math.round(meanClass)).toBe(3) // the report: 平均水质为III类
  expect(classes.every((value) => Number.isInteger(value) && value >= 1 && value <= 4)).toBe(true)
  // Mostly Ⅱ–Ⅲ: at most three Ⅳ section-months.
  expect(classes.filter((value) => value === 2 || value === 3).length).toBeGreaterThanOrEqual(17)
}

describe('generateWaterSample', () => {
  const sample = generateWaterSample({ seed: SEED })

  it('covers both national-control sections for Jan–Oct', () => {
    expect(sample.sections.map((section) => section.name.zh)).toEqual(['东关桥', '洪坞桥'])
    expect(sample.sections.map((section) => section.river.zh)).toEqual(['义乌江', '武义江'])
    for (const section of NATIONAL_CONTROL_SECTIONS) {
      const months = sample.monthly.filter((record) => record.sectionId === section.id).map((record) => record.month)
      expect(months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    }
  })

  it('averages class Ⅲ with no month worse than Ⅳ', () => {
    expectReconciles(sample)
    expect(sample.summary.meanClass).toBe(3)
    expect(sample.summary.worstClass).toBeLessThanOrEqual(4)
    expect(sample.summary.meanClassNumber).toBeGreaterThanOrEqual(2.75)
    expect(sample.summary.meanClassNumber).toBeLessThanOrEqual(3.25)
    expect(sample.summary.countByClass.reduce((sum, count) => sum + count, 0)).toBe(20)
    expect(summariseWater(sample.monthly)).toEqual(sample.summary)
  })

  it('is deterministic, varies with the seed and always reconciles', () => {
    expect(generateWaterSample({ seed: SEED })).toEqual(sample)
    const seeds = Array.from({ length: 200 }, (_, i) => i)
    const samples = seeds.map((seed) => generateWaterSample({ seed }))
    samples.forEach(expectReconciles)
    const patterns = new Set(samples.map((other) => other.monthly.map((record) => record.waterClass).join('')))
    expect(patterns.size).toBeGreaterThan(100)
  })

  it('labels itself as sample data', () => {
    expect(sample.provenance).toBe('sample')
    expect(sample.sampleNote.zh).toContain('样例数据')
    expect(sample.sampleNote.en).toMatch(/^Sample data/)
  })
})

describe('generateWaterSample: draws and repairs', () => {
  const manySamples = (count: number): WaterSample[] =>
    Array.from({ length: count }, (_, seed) => generateWaterSample({ seed }))
  const shareOf = (records: { waterClass: number }[], waterClass: number): number =>
    records.filter((record) => record.waterClass === waterClass).length / records.length

  it('draws the flood season (Jun–Sep) worse: Ⅳ in about 15% of its months, 5% in Oct–May', () => {
    const monthly = manySamples(400).flatMap((sample) => sample.monthly)
    const flood = monthly.filter((record) => record.month >= 6 && record.month <= 9)
    const dry = monthly.filter((record) => record.month < 6 || record.month > 9)
    const october = monthly.filter((record) => record.month === 10)
    expect(shareOf(flood, 4)).toBeGreaterThan(0.11)
    expect(shareOf(flood, 4)).toBeLessThan(0.17)
    expect(shareOf(dry, 4)).toBeGreaterThan(0.03)
    expect(shareOf(dry, 4)).toBeLessThan(0.07)
    expect(shareOf(october, 4)).toBeLessThan(0.08) // October is past the flood season
  })

  it('draws 洪坞桥 (武义江) a little cleaner than 东关桥 (义乌江): about 31% against 18% of months Ⅱ', () => {
    const monthly = manySamples(400).flatMap((sample) => sample.monthly)
    const dongguanqiao = monthly.filter((record) => record.sectionId === 'dongguanqiao')
    const hongwuqiao = monthly.filter((record) => record.sectionId === 'hongwuqiao')
    expect(shareOf(dongguanqiao, 2)).toBeGreaterThan(0.14)
    expect(shareOf(dongguanqiao, 2)).toBeLessThan(0.23)
    expect(shareOf(hongwuqiao, 2)).toBeGreaterThan(0.26)
    expect(shareOf(hongwuqiao, 2)).toBeLessThan(0.36)
  })

  it('keeps a section-month Ⅳ exactly when drawn so, up to three of them; a too-clean sample keeps its Ⅳs', () => {
    // The draw: one number per section-month in record order; Ⅳ above 1 − 5% (Oct–May) or 1 − 15% (Jun–Sep).
    let samplesWithThree = 0
    for (let seed = 0; seed < 200; seed++) {
      const sample = generateWaterSample({ seed })
      const random = createRandom(deriveSeed(seed, 'water-classes'))
      const drawnIv = sample.monthly.flatMap((record, index) => {
        const chanceIv = record.month >= 6 && record.month <= 9 ? 0.15 : 0.05
        return random.next() >= 1 - chanceIv ? [index] : []
      })
      const keptIv = sample.monthly.flatMap((record, index) => (record.waterClass === 4 ? [index] : []))
      expect(keptIv.length).toBe(Math.min(drawnIv.length, 3))
      expect(drawnIv).toEqual(expect.arrayContaining(keptIv))
      if (keptIv.length === 3) samplesWithThree++
    }
    expect(samplesWithThree).toBeGreaterThan(0)
  })

  it('raises a too-clean sample only as far as mean 2.75 (class sum 55)', () => {
    const means = manySamples(200).map((sample) => sample.summary.meanClassNumber)
    expect(Math.min(...means)).toBe(2.75)
  })

  it('will not summarise no records, saying so', () => {
    expect(() => summariseWater([])).toThrow(new Error('summariseWater: no records'))
  })
})

describe('WATER_CLASSES', () => {
  it('lists GB 3838 classes Ⅰ–劣Ⅴ with distinct colours', () => {
    expect(WATER_CLASSES.map((info) => info.label)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', '劣Ⅴ'])
    expect(WATER_CLASSES.map((info) => info.class)).toEqual([1, 2, 3, 4, 5, 6])
    expect(WATER_CLASSES.map((info) => info.good)).toEqual([true, true, true, false, false, false])
    expect(new Set(WATER_CLASSES.map((info) => info.hex)).size).toBe(6)
    for (const info of WATER_CLASSES) {
      expect(info.hex).toMatch(/^#[0-9a-f]{6}$/)
      const hex = `#${info.rgb.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`
      expect(info.hex).toBe(hex)
    }
    expect(waterClassInfo(3).ascii).toBe('III')
  })

  it('uses blues for Ⅰ–Ⅱ, green for Ⅲ, yellow Ⅳ, orange Ⅴ and red 劣Ⅴ', () => {
    const [c1, c2, c3, c4, c5, c6] = WATER_CLASSES.map((info) => info.rgb)
    const blue = (rgb: readonly number[] | undefined): boolean =>
      !!rgb && (rgb[2] as number) > (rgb[0] as number) && (rgb[2] as number) > (rgb[1] as number) - 60
    expect(blue(c1) && blue(c2)).toBe(true)
    expect((c3?.[1] ?? 0) > (c3?.[0] ?? 0) && (c3?.[1] ?? 0) > (c3?.[2] ?? 0)).toBe(true) // green dominant
    expect((c4?.[0] ?? 0) > 200 && (c4?.[1] ?? 0) > 180 && (c4?.[2] ?? 255) < 80).toBe(true) // yellow
    expect((c5?.[0] ?? 0) > 200 && (c5?.[1] ?? 0) > 90 && (c5?.[1] ?? 255) < 160).toBe(true) // orange
    expect((c6?.[0] ?? 0) > 180 && (c6?.[1] ?? 255) < 80).toBe(true) // red
  })
})
