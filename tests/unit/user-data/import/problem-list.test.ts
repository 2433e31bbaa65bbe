// The problem list: defaults filled in, whole-file problems first, and the cap with its overflow line
// counting errors and warnings left out.
import { describe, expect, test } from 'vitest'
import { ProblemList } from '../../../../src/user-data/import/problem-list'
import { MAX_LISTED_PROBLEMS } from '../../../../src/user-data/import/types'

describe('ProblemList', () => {
  test('fills in the file and the defaults, and cuts found to 80 characters', () => {
    const list = new ProblemList('f.csv')
    list.add({ severity: 'warning', message: { zh: '甲', en: 'a' } })
    list.add({
      severity: 'error',
      line: 3,
      featureIndex: 0,
      field: 'column x',
      found: 'y'.repeat(100),
      expected: 'n',
      message: { zh: '乙', en: 'b' },
    })
    expect(list.toArray()).toEqual([
      {
        severity: 'warning',
        file: 'f.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '',
        expected: '',
        message: { zh: '甲', en: 'a' },
      },
      {
        severity: 'error',
        file: 'f.csv',
        featureIndex: 0,
        line: 3,
        field: 'column x',
        found: `${'y'.repeat(79)}…`,
        expected: 'n',
        message: { zh: '乙', en: 'b' },
      },
    ])
    expect(list.errorCount).toBe(1)
  })

  test('whole-file problems come first; feature 0 and line 0 are not whole-file', () => {
    const list = new ProblemList('f')
    const message = (en: string) => ({ zh: en, en })
    list.add({ severity: 'error', featureIndex: 0, message: message('feature 0') })
    list.add({ severity: 'error', line: 0, message: message('line 0') })
    list.add({ severity: 'warning', featureIndex: null, line: null, message: message('file') })
    expect(list.toArray().map((problem) => problem.message.en)).toEqual(['file', 'feature 0', 'line 0'])
  })

  test('at most MAX_LISTED_PROBLEMS, then one line counting errors and warnings left out', () => {
    const list = new ProblemList('f')
    for (let i = 0; i < MAX_LISTED_PROBLEMS; i++)
      list.add({ severity: 'error', line: i + 2, message: { zh: '', en: '' } })
    expect(list.toArray()).toHaveLength(MAX_LISTED_PROBLEMS)
    list.add({ severity: 'warning', line: 1, message: { zh: '', en: '' } })
    const problems = list.toArray()
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(problems.at(-1)).toEqual({
      severity: 'warning',
      file: 'f',
      featureIndex: null,
      line: null,
      field: '',
      found: '1',
      expected: '',
      message: {
        zh: '还有 1 个问题未列出（0 个错误，1 个警告）',
        en: 'and 1 more problems not listed (0 errors, 1 warnings)',
      },
    })
    list.add({ severity: 'error', line: 1, message: { zh: '', en: '' } })
    expect(list.toArray().at(-1)!.severity).toBe('error')
    expect(list.errorCount).toBe(MAX_LISTED_PROBLEMS + 1)
  })

  test('file-level and item-level problems are capped apart, and the overflow of both is counted', () => {
    const list = new ProblemList('f')
    const message = { zh: '', en: '' }
    for (let i = 0; i < 150; i++) list.add({ severity: 'warning', message })
    for (let i = 0; i < 150; i++) list.add({ severity: 'error', line: i + 1, message })
    const problems = list.toArray()
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(problems.slice(0, 150).every((problem) => problem.line === null)).toBe(true)
    expect(problems.at(-1)!.message.en).toBe('and 100 more problems not listed (100 errors, 0 warnings)')
    expect(problems.at(-1)!.severity).toBe('error')
  })
})

describe('ProblemList overflow', () => {
  test('warnings left out are counted as warnings, even when errors were listed', () => {
    const list = new ProblemList('f')
    const message = { zh: '', en: '' }
    for (let i = 0; i < 150; i++) list.add({ severity: 'error', message })
    for (let i = 0; i < 150; i++) list.add({ severity: 'warning', line: i + 1, message })
    const problems = list.toArray()
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(problems.at(-1)).toMatchObject({
      severity: 'warning',
      found: '100',
      message: {
        zh: '还有 100 个问题未列出（0 个错误，100 个警告）',
        en: 'and 100 more problems not listed (0 errors, 100 warnings)',
      },
    })
  })
})
