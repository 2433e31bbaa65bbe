// Edge cases of problem text that the mutation run (npm run test:mutation) showed untested.
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  describeFoundValue,
  FOUND_MAX_LENGTH,
  formatImportProblem,
  truncateForDisplay,
  type ImportProblem,
} from '../../../../src/user-data/import/import-issues'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('truncateForDisplay keeps surrogate pairs whole', () => {
  test('a high surrogate as the last kept character is dropped, whatever follows the pair', () => {
    expect(truncateForDisplay(`${'a'.repeat(78)}😀bbbb`)).toBe(`${'a'.repeat(78)}…`)
  })

  test('a whole pair ending at the cut is kept', () => {
    // index 77 and 78 hold the pair; the low half (0xDE00) is not a high surrogate
    expect(truncateForDisplay(`${'a'.repeat(77)}😀bbb`)).toBe(`${'a'.repeat(77)}😀…`)
  })

  test('the first and last high surrogates (U+D800, U+DBFF) both count', () => {
    expect(truncateForDisplay(`${'a'.repeat(78)}\ud800\udc00bb`)).toBe(`${'a'.repeat(78)}…`)
    expect(truncateForDisplay(`${'a'.repeat(78)}\udbff\udfffbb`)).toBe(`${'a'.repeat(78)}…`)
  })

  test('a custom length', () => {
    expect(truncateForDisplay('abcdef', 4)).toBe('abc…')
    expect(truncateForDisplay('abcd', 4)).toBe('abcd')
    expect(FOUND_MAX_LENGTH).toBe(80)
  })
})

describe('describeFoundValue', () => {
  test('a huge string is cut before it is serialised', () => {
    const stringify = vi.spyOn(JSON, 'stringify')
    expect(describeFoundValue('x'.repeat(201))).toBe(`"${'x'.repeat(78)}…`)
    expect(stringify).toHaveBeenCalledWith('x'.repeat(200))
    stringify.mockClear()
    describeFoundValue('y'.repeat(200))
    expect(stringify).toHaveBeenCalledWith('y'.repeat(200))
  })

  test('numbers and booleans as written', () => {
    expect(describeFoundValue(119.7)).toBe('119.7')
    expect(describeFoundValue(Number.NaN)).toBe('NaN')
    expect(describeFoundValue(false)).toBe('false')
  })

  test('arrays list at most eight elements', () => {
    expect(describeFoundValue([1, 2, 3, 4, 5, 6, 7, 8])).toBe('[1, 2, 3, 4, 5, 6, 7, 8]')
    expect(describeFoundValue([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe('[1, 2, 3, 4, 5, 6, 7, 8, …]')
    expect(describeFoundValue([null, true])).toBe('[null, true]')
  })

  test('objects list at most six keys', () => {
    expect(describeFoundValue({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 })).toBe('{a, b, c, d, e, f}')
    expect(describeFoundValue({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 })).toBe('{a, b, c, d, e, f, …}')
  })

  test('anything else through String()', () => {
    expect(describeFoundValue(Symbol('x'))).toBe('Symbol(x)')
    expect(describeFoundValue(10n)).toBe('10')
  })
})

describe('formatImportProblem', () => {
  const base: ImportProblem = {
    severity: 'warning',
    file: 'b.csv',
    featureIndex: null,
    line: null,
    field: '',
    found: '',
    expected: '',
    message: { zh: '信息', en: 'message' },
  }

  test('line 0 and feature 0 are places too', () => {
    expect(formatImportProblem({ ...base, featureIndex: 0 }, 'en')).toBe('b.csv, feature 0: message')
    expect(formatImportProblem({ ...base, line: 0 }, 'zh')).toBe('文件 b.csv，第 0 行：信息')
  })

  test('only a field that starts with "column " is translated', () => {
    expect(formatImportProblem({ ...base, field: 'properties.column x' }, 'zh')).toBe(
      '文件 b.csv，properties.column x：信息',
    )
    expect(formatImportProblem({ ...base, field: 'column x' }, 'zh')).toBe('文件 b.csv，列 x：信息')
    expect(formatImportProblem({ ...base, field: 'column x' }, 'en')).toBe('b.csv, column x: message')
  })
})
