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

describe('parseReportFigures: every field checked, each problem said in its own words', () => {
  const figure = (change: Record<string, unknown>, drop: string[] = []) => {
    const entry: Record<string, unknown> = { ...validFigure(), ...change }
    for (const field of drop) delete entry[field]
    return entry
  }
  const errorsOf = (entry: unknown) => parseReportFigures([entry]).errors

  it.each([
    [{ id: 'VOCs_Rectified' }, 'field "id" must be kebab-case (a-z, 0-9 and single hyphens), found "VOCs_Rectified"'],
    [{ id: 'a--b' }, 'field "id" must be kebab-case (a-z, 0-9 and single hyphens), found "a--b"'],
    [{ extra: 1 }, 'unknown field "extra"'],
    [{ label: 'VOCs' }, 'field "label" must be an object with "zh" and "en", found "VOCs"'],
    [{ label: ['a'] }, 'field "label" must be an object with "zh" and "en", found an array'],
    [{ label: null }, 'field "label" must be an object with "zh" and "en", found null'],
    [{ label: { zh: ' ', en: 'x' } }, 'field "label.zh" must be a non-empty string, found " "'],
    [{ label: { en: 'x' } }, 'field "label.zh" must be a non-empty string, found nothing'],
    [{ label: { zh: 'x', en: 3 } }, 'field "label.en" must be a non-empty string, found 3'],
    [{ label: { zh: 'x' } }, 'field "label.en" must be a non-empty string, found nothing'],
    [{ value: Number.POSITIVE_INFINITY }, 'field "value" must be a finite number, found Infinity'],
    [{ value: true }, 'field "value" must be a finite number, found boolean true'],
    [{ valueText: '' }, 'field "valueText" must be a non-empty string, found ""'],
    [{ valueText: 74 }, 'field "valueText" must be a non-empty string, found 74'],
    [{ unit: 5 }, 'field "unit" must be a string, found 5'],
    [{ period: '  ' }, 'field "period" must be a non-empty string, found "  "'],
    [{ quote: {} }, 'field "quote" must be a non-empty string, found an object'],
    [
      { valueText: '七十四个', quote: '完成七十四个VOCs突出问题整治' },
      'field "valueText" must be Arabic, Roman or Chinese numerals, found "七十四个"',
    ],
    [{ quote: '完成VOCs突出问题整治' }, 'field "quote" must contain valueText "74", found "完成VOCs突出问题整治"'],
  ])('%j: %s', (change, message) => {
    const result = parseReportFigures([figure(change)])
    expect(result.figures).toEqual([])
    expect(result.errors).toEqual([
      `figure 0 (id ${JSON.stringify((change as { id?: string }).id ?? 'vocs-rectified')}): ${message}`,
    ])
  })

  it.each(['topic', 'label', 'value', 'valueText', 'unit', 'period', 'id'])('a missing %s is named', (field) => {
    const errors = errorsOf(figure({}, [field]))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(new RegExp(`: field "${field}" is missing$`))
  })

  it('an empty unit is a bare count and is accepted; an empty id is named by its index only', () => {
    expect(parseReportFigures([figure({ unit: '' })]).errors).toEqual([])
    expect(errorsOf(figure({ id: '' }))).toEqual(['figure 0: field "id" must be a non-empty string, found ""'])
    expect(errorsOf(figure({}, ['id']))).toEqual(['figure 0: field "id" is missing'])
  })

  it('an entry that is not an object is named with what it is; the others still load', () => {
    const result = parseReportFigures([null, [], 'x', 7, undefined, validFigure()])
    expect(result.errors).toEqual([
      'figure 0: must be an object, found null',
      'figure 1: must be an object, found an array',
      'figure 2: must be an object, found "x"',
      'figure 3: must be an object, found 7',
      'figure 4: must be an object, found undefined undefined',
    ])
    expect(result.figures).toEqual([validFigure()])
  })

  it('every problem of one entry is listed, not only the first', () => {
    expect(errorsOf(figure({ topic: 'noise', value: 'x', extra: 1 }, ['quote']))).toHaveLength(4)
  })
})

describe('numbers written in words', () => {
  it.each([
    ['XC', 90],
    ['MCMXCIV', 1994],
    ['一万二千', 12_000],
    ['三万', 30_000],
    ['两万五', 20_005],
  ])('reads %s as %d', (text, value) => {
    expect(romanOrChineseToNumber(text)).toBe(value)
  })

  it('leaves space around the text', () => {
    expect(romanOrChineseToNumber(' 四 ')).toBe(4)
  })
})

describe('formatFigure in English: amounts and places', () => {
  const base = validFigure()
  it.each([
    [{ unit: '万元', value: 1000, valueText: '1000' }, 'CNY 10 million'],
    [{ unit: '万元', value: 86.08, valueText: '86.08' }, 'CNY 860,800'],
    [{ unit: '万元', value: 150, valueText: '150' }, 'CNY 1,500,000'],
    [{ unit: '名', value: 1, valueText: '第一' }, '1st place'],
    [{ unit: '名', value: 2, valueText: '第二' }, '2nd place'],
    [{ unit: '名', value: 3, valueText: '第三' }, '3rd place'],
    [{ unit: '名', value: 4, valueText: '第四' }, '4th place'],
    [{ unit: '名', value: 11, valueText: '第十一' }, '11th place'],
    [{ unit: '名', value: 12, valueText: '第十二' }, '12th place'],
    [{ unit: '名', value: 13, valueText: '第十三' }, '13th place'],
    [{ unit: '名', value: 21, valueText: '第二十一' }, '21st place'],
    [{ unit: '名', value: 112, valueText: '第一百一十二' }, '112th place'],
    [{ unit: '名', value: 1, valueText: '1' }, '1 person'],
    [{ unit: '名', value: 3, valueText: '3' }, '3 people'],
    [{ unit: '千克', value: 1234.5, valueText: '1234.5' }, '1,234.5 千克'],
  ])('%j → %s', (change, text) => {
    expect(formatFigure({ ...base, ...change }, 'en')).toBe(text)
  })
})
