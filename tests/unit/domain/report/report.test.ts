/**
 * seeds/report/figures.json against the report it was extracted from: every figure must be
 * quoted verbatim and its value must be what the quote says.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  REPORT_TOPICS,
  figureById,
  formatFigure,
  parseReportFigures,
  romanOrChineseToNumber,
} from '../../../../src/domain/report/report'
import type { ReportFigure } from '../../../../src/domain/types'

const reportText = readFileSync(
  new URL('../../../../seeds/report/jindong-2022-environment-work-report.txt', import.meta.url),
  'utf8',
)
const figuresJson: unknown = JSON.parse(
  readFileSync(new URL('../../../../seeds/report/figures.json', import.meta.url), 'utf8'),
)
const { figures, errors } = parseReportFigures(figuresJson)

/** Headline figures, by id, with the exact value the report states. */
const HEADLINE_VALUES: ReadonlyArray<[id: string, value: number]> = [
  ['air-good-day-rate', 86.1],
  ['air-pm25', 26],
  ['air-pm10', 45],
  ['air-o3', 164],
  ['enforcement-inspections', 1095],
  ['enforcement-cases', 41],
  ['enforcement-police-referrals', 5],
  ['enforcement-admin-bureau-referrals', 2],
  ['enforcement-penalty-cases', 34],
  ['enforcement-fines', 86.08],
  ['vocs-rectified', 74],
  ['petitions-first-round-total', 148],
  ['petitions-first-round-central', 81],
  ['petitions-first-round-provincial', 67],
  ['petitions-second-round-central', 54],
  ['plan-2023-no-waste-cells', 30],
  ['plan-2023-no-waste-factories', 2],
  ['zero-discharge-award', 1000],
]

function validFigure(): ReportFigure {
  return {
    id: 'vocs-rectified',
    topic: 'vocs',
    label: { zh: '完成VOCs突出问题整治', en: 'Prominent VOCs problems rectified' },
    value: 74,
    valueText: '74',
    unit: '个',
    period: '2022-01/2022-10',
    quote: '1-10月完成74个VOCs突出问题整治',
  }
}

describe('seeds/report/figures.json', () => {
  it('passes parseReportFigures with no errors', () => {
    expect(errors).toEqual([])
    expect(Array.isArray(figuresJson)).toBe(true)
    expect(figures).toHaveLength((figuresJson as unknown[]).length)
  })

  it('has unique ids', () => {
    const ids = figures.map((figure) => figure.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('quotes every figure verbatim from the report, including its valueText', () => {
    for (const figure of figures) {
      expect(reportText, `quote of ${figure.id}`).toContain(figure.quote)
      expect(figure.quote, `valueText of ${figure.id}`).toContain(figure.valueText)
    }
  })

  it('has values that match their valueText', () => {
    for (const figure of figures) {
      const converted = /^\d+(?:\.\d+)?$/.test(figure.valueText)
        ? Number.parseFloat(figure.valueText)
        : romanOrChineseToNumber(figure.valueText)
      expect(converted, `valueText ${JSON.stringify(figure.valueText)} of ${figure.id}`).toBe(figure.value)
    }
  })

  it('lists figures in report order', () => {
    // Position of the figure's own number in the report, so figures sharing one quote still sort.
    const positions = figures.map((figure) => reportText.indexOf(figure.quote) + figure.quote.indexOf(figure.valueText))
    const sorted = [...positions].sort((a, b) => a - b)
    expect(positions).toEqual(sorted)
  })

  it.each(HEADLINE_VALUES)('has headline figure %s = %d', (id, value) => {
    expect(figureById(figures, id)?.value).toBe(value)
  })

  it('covers every topic (the report states no soil figure)', () => {
    const topicsWithFigures = new Set(figures.map((figure) => figure.topic))
    for (const topic of REPORT_TOPICS) {
      if (topic === 'soil') continue
      expect(topicsWithFigures.has(topic), `topic ${topic}`).toBe(true)
    }
  })
})

describe('parseReportFigures', () => {
  it('accepts a valid figure', () => {
    expect(parseReportFigures([validFigure()])).toEqual({ figures: [validFigure()], errors: [] })
  })

  it('names index, id and field for a non-number value', () => {
    const broken = [validFigure(), { ...validFigure(), id: 'vocs-broken', value: 'abc' }]
    const result = parseReportFigures(broken)
    expect(result.figures).toHaveLength(1)
    expect(result.errors).toContain('figure 1 (id "vocs-broken"): field "value" must be a finite number, found "abc"')
  })

  it('reports a missing quote', () => {
    const withoutQuote: Partial<ReportFigure> = validFigure()
    delete withoutQuote.quote
    const result = parseReportFigures([withoutQuote])
    expect(result.figures).toEqual([])
    expect(result.errors).toEqual(['figure 0 (id "vocs-rectified"): field "quote" is missing'])
  })

  it('reports NaN, unknown topics, duplicate ids and a valueText that disagrees with value', () => {
    const result = parseReportFigures([
      { ...validFigure(), value: Number.NaN },
      { ...validFigure(), id: 'other', topic: 'noise' },
      { ...validFigure(), id: 'other' },
      { ...validFigure(), id: 'third', value: 75 },
    ])
    expect(result.errors).toEqual([
      'figure 0 (id "vocs-rectified"): field "value" must be a finite number, found NaN',
      expect.stringContaining('figure 1 (id "other"): field "topic" must be one of'),
      'figure 2 (id "other"): field "id" duplicates figure 1',
      'figure 3 (id "third"): field "valueText" "74" reads as 74, but "value" is 75',
    ])
  })

  it('rejects input that is not an array', () => {
    expect(parseReportFigures({}).errors).toEqual(['figures must be a JSON array, found an object'])
  })
})

describe('romanOrChineseToNumber', () => {
  it.each([
    ['III', 3],
    ['IV', 4],
    ['XIV', 14],
    ['四', 4],
    ['两', 2],
    ['第二', 2],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
  ])('reads %s as %d', (text, value) => {
    expect(romanOrChineseToNumber(text)).toBe(value)
  })

  it.each(['', '74', 'IIII', 'abc', '第'])('rejects %j', (text) => {
    expect(romanOrChineseToNumber(text)).toBeNull()
  })
})

describe('formatFigure', () => {
  const byId = (id: string): ReportFigure => {
    const figure = figureById(figures, id)
    if (figure === undefined) throw new Error(`no figure ${id}`)
    return figure
  }

  it('keeps the report unit in Chinese', () => {
    expect(formatFigure(byId('air-good-day-rate'), 'zh-CN')).toBe('86.1%')
    expect(formatFigure(byId('air-pm25'), 'zh-CN')).toBe('26 μg/m³')
    expect(formatFigure(byId('enforcement-inspections'), 'zh-CN')).toBe('1,095 家次')
    expect(formatFigure(byId('water-national-control-average-class'), 'zh-CN')).toBe('III类')
    expect(formatFigure(byId('water-eco-compensation-rank'), 'zh-CN')).toBe('第二名')
  })

  it('translates units in English', () => {
    expect(formatFigure(byId('air-good-day-rate'), 'en')).toBe('86.1%')
    expect(formatFigure(byId('enforcement-inspections'), 'en')).toBe('1,095 inspections')
    expect(formatFigure(byId('enforcement-fines'), 'en')).toBe('CNY 860,800')
    expect(formatFigure(byId('zero-discharge-award'), 'en')).toBe('CNY 10 million')
    expect(formatFigure(byId('water-eco-compensation-bonus'), 'en')).toBe('CNY 1,667,000')
    expect(formatFigure(byId('solid-waste-aluminium-dross-capacity'), 'en')).toBe('50,000 t/yr')
    expect(formatFigure(byId('water-national-control-average-class'), 'en')).toBe('Class III')
    expect(formatFigure(byId('water-eco-compensation-rank'), 'en')).toBe('2nd place')
    expect(formatFigure(byId('party-discipline-knowledge-tests'), 'en')).toBe('1 time')
    expect(formatFigure(byId('vocs-rectified'), 'en')).toBe('74')
  })
})
