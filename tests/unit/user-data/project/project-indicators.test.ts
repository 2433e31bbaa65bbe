/**
 * A project's joined indicators read back: a user indicator with bilingual texts and finite values by
 * township code comes back as it was saved; anything else is dropped and counted in one line, in both
 * languages.
 */
import { describe, expect, test } from 'vitest'
import { parseProjectIndicators } from '../../../../src/user-data/project/project-indicators'
import type { ProjectIssue } from '../../../../src/user-data/project/project-issue'

const saved = {
  id: 'user:t.csv:x',
  label: { zh: 'x（t.csv）', en: 'x (t.csv)' },
  unit: { zh: '家', en: 'firms' },
  kind: 'count',
  provenance: 'user',
  reportFigureIds: [],
  note: { zh: '用户数据', en: 'Your data' },
  values: { '330703001': 3, '330703002': 9.5 },
}

function read(value: unknown) {
  const issues: ProjectIssue[] = []
  const indicators = parseProjectIndicators(value, issues)
  return { indicators, issues }
}

const droppedLine = (count: number): ProjectIssue => ({
  fatal: false,
  field: 'indicators',
  message: { zh: `${count} 个指标无效，已跳过`, en: `${count} indicators are not valid; skipped` },
})

/** For each variant of the saved indicator, read back alone: whether it is kept. */
function kept(variants: Record<string, unknown>[]): boolean[] {
  return variants.map((variant) => read([{ ...saved, ...variant }]).indicators.length === 1)
}

describe('joined indicators read back', () => {
  test('a saved indicator comes back as it was, with nothing to report', () => {
    expect(read([saved])).toStrictEqual({ indicators: [saved], issues: [] })
  })

  test('no list at all is no indicators and no complaint', () => {
    for (const value of [undefined, null, {}, 'user:x', 3])
      expect(read(value)).toStrictEqual({ indicators: [], issues: [] })
  })

  test('whatever the file says, a joined column is the user’s own count, in no report figure', () => {
    const [indicator] = read([
      { ...saved, kind: 'rate', provenance: 'official', reportFigureIds: ['fig-3'] },
    ]).indicators
    expect(indicator).toMatchObject({ kind: 'count', provenance: 'user', reportFigureIds: [] })
  })

  test('a missing or malformed unit or note is empty text in both languages', () => {
    const bare: Record<string, unknown> = { ...saved }
    delete bare.unit
    delete bare.note
    const empty = { zh: '', en: '' }
    expect(read([bare]).indicators[0]).toMatchObject({ unit: empty, note: empty })
    expect(read([{ ...saved, unit: { zh: '家' }, note: 'note' }]).indicators[0]).toMatchObject({
      unit: empty,
      note: empty,
    })
    expect(read([{ ...saved, unit: { zh: 'u'.repeat(41), en: 'u' } }]).indicators[0]?.unit).toStrictEqual(empty)
    expect(read([{ ...saved, note: { zh: 'n', en: 'n'.repeat(2001) } }]).indicators[0]?.note).toStrictEqual(empty)
  })

  test('a unit of 40 characters and a note of 2000 are kept', () => {
    const unit = { zh: '单'.repeat(40), en: 'u'.repeat(40) }
    const note = { zh: '注'.repeat(2000), en: 'n'.repeat(2000) }
    expect(read([{ ...saved, unit, note }]).indicators[0]).toMatchObject({ unit, note })
  })

  test('an id is user:… of at most 600 characters', () => {
    const longest = 'user:' + 'x'.repeat(595)
    expect(kept([{ id: longest }, { id: longest + 'x' }, { id: 'pm25' }, { id: 5 }, { id: ['user:x'] }])).toEqual([
      true,
      false,
      false,
      false,
      false,
    ])
  })

  test('a label is text in both languages, each at most 400 characters', () => {
    const zh = '标'.repeat(400)
    const en = 'l'.repeat(400)
    expect(
      kept([
        { label: { zh, en } },
        { label: { zh: zh + '标', en: 'l' } },
        { label: { zh: '标', en: en + 'l' } },
        { label: { zh: ['标'], en: 'l' } },
        { label: { zh: '标', en: ['l'] } },
        { label: { zh: '标' } },
        { label: null },
        { label: 'x' },
        { label: ['标', 'l'] },
      ]),
    ).toEqual([true, false, false, false, false, false, false, false, false])
  })

  test('values are an object by township code: null, a number or a list is not', () => {
    expect(kept([{ values: {} }, { values: null }, { values: 5 }, { values: [1, 2] }, { values: 'x' }])).toEqual([
      true,
      false,
      false,
      false,
      false,
    ])
  })

  test('only finite numbers under 6-to-12-digit codes are kept', () => {
    const values = {
      '330703': 1,
      '330703001002': 2,
      '33070': 3,
      '3307030010021': 4,
      district: 5,
      '330703003': '6',
      '330703004': null,
      '330703005': Infinity,
      '330703006': NaN,
      '330703007': -7.25,
    }
    expect(read([{ ...saved, values }]).indicators[0]?.values).toStrictEqual({
      '330703': 1,
      '330703001002': 2,
      '330703007': -7.25,
    })
  })

  test('an indicator keeps at most 1000 townships', () => {
    const values = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [String(330703000 + i), i]))
    const back = read([{ ...saved, values }]).indicators[0]?.values ?? {}
    expect(Object.keys(back)).toHaveLength(1000)
    expect(back['330704000']).toBeUndefined()
  })

  test('invalid entries are dropped and counted in one line; the valid ones keep their order', () => {
    const second = { ...saved, id: 'user:u.csv:y' }
    const { indicators, issues } = read([null, saved, 'user:x', { ...saved, id: 'x' }, 7, second, []])
    expect(indicators.map((indicator) => indicator.id)).toEqual(['user:t.csv:x', 'user:u.csv:y'])
    expect(issues).toStrictEqual([droppedLine(5)])
  })

  test('at most 500 indicators are read; the ones past it are counted as dropped', () => {
    const many = Array.from({ length: 502 }, (_, i) => ({ ...saved, id: `user:t.csv:c${i}` }))
    many[3] = { ...saved, id: 'not-a-user-indicator' }
    const { indicators, issues } = read(many)
    expect(indicators).toHaveLength(499)
    expect(indicators.at(-1)?.id).toBe('user:t.csv:c499')
    expect(issues).toStrictEqual([droppedLine(3)])
  })

  test('exactly 500 valid indicators are all kept, with nothing to report', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ ...saved, id: `user:t.csv:c${i}` }))
    expect(read(many).indicators).toHaveLength(500)
    expect(read(many).issues).toStrictEqual([])
  })
})
