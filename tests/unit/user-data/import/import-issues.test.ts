// Problem text: the one-line form of a problem in each language, found values kept short (surrogate pairs
// whole), and how a found value is described.
import { describe, expect, test, afterEach, vi } from 'vitest'
import {
  describeFoundValue,
  formatImportProblem,
  truncateForDisplay,
  type ImportProblem,
  FOUND_MAX_LENGTH,
} from '../../../../src/user-data/import/import-issues'

const problem = (overrides: Partial<ImportProblem>): ImportProblem => ({
  severity: 'error',
  file: 'a.csv',
  featureIndex: null,
  line: null,
  field: '',
  found: '',
  expected: '',
  message: { zh: '发现 "abc"，应为数字', en: 'found "abc"; expected a number' },
  ...overrides,
})

describe('formatImportProblem', () => {
  test('a CSV line and column, in both languages', () => {
    const csv = problem({ line: 12, field: 'column 经度' })
    expect(formatImportProblem(csv, 'zh')).toBe('文件 a.csv，第 12 行，列 经度：发现 "abc"，应为数字')
    expect(formatImportProblem(csv, 'zh-CN')).toBe('文件 a.csv，第 12 行，列 经度：发现 "abc"，应为数字')
    expect(formatImportProblem(csv, 'en')).toBe('a.csv, line 12, column 经度: found "abc"; expected a number')
  })

  test('a GeoJSON feature and path; a whole-file problem', () => {
    const feature = problem({
      file: 'b.geojson',
      featureIndex: 3,
      field: 'geometry.coordinates[0][3]',
      message: { zh: '环未闭合', en: 'the ring is not closed' },
    })
    expect(formatImportProblem(feature, 'zh')).toBe('文件 b.geojson，要素 3，geometry.coordinates[0][3]：环未闭合')
    expect(formatImportProblem(feature, 'en')).toBe(
      'b.geojson, feature 3, geometry.coordinates[0][3]: the ring is not closed',
    )
    expect(formatImportProblem(problem({ message: { zh: '文件是空的', en: 'the file is empty' } }), 'en')).toBe(
      'a.csv: the file is empty',
    )
  })

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

  test('"header" is our word, not the file\'s: 表头 in Chinese, no English word left in the line', () => {
    expect(formatImportProblem({ ...base, line: 1, field: 'header' }, 'zh')).toBe('文件 b.csv，第 1 行，表头：信息')
    expect(formatImportProblem({ ...base, line: 1, field: 'header' }, 'en')).toBe('b.csv, line 1, header: message')
    expect(formatImportProblem({ ...base, field: 'headers' }, 'zh')).toBe('文件 b.csv，headers：信息')
  })

  test('only a field that starts with "column " is translated', () => {
    expect(formatImportProblem({ ...base, field: 'properties.column x' }, 'zh')).toBe(
      '文件 b.csv，properties.column x：信息',
    )
    expect(formatImportProblem({ ...base, field: 'column x' }, 'zh')).toBe('文件 b.csv，列 x：信息')
    expect(formatImportProblem({ ...base, field: 'column x' }, 'en')).toBe('b.csv, column x: message')
  })
})

describe('found values stay short', () => {
  test('truncateForDisplay cuts at 80 characters and never splits a surrogate pair', () => {
    expect(truncateForDisplay('a'.repeat(80))).toBe('a'.repeat(80))
    expect(truncateForDisplay('a'.repeat(81))).toBe(`${'a'.repeat(79)}…`)
    const emoji = `${'a'.repeat(78)}😀😀`
    expect(truncateForDisplay(emoji)).toBe(`${'a'.repeat(78)}…`)
  })

  test('describeFoundValue quotes strings and summarises arrays and objects', () => {
    expect(describeFoundValue('119.7')).toBe('"119.7"')
    expect(describeFoundValue(null)).toBe('null')
    expect(describeFoundValue(undefined)).toBe('nothing')
    expect(describeFoundValue([1, 'x', [2], { a: 1 }])).toBe('[1, "x", […], {…}]')
    expect(describeFoundValue({ a: 1, b: 2 })).toBe('{a, b}')
    expect(describeFoundValue('x'.repeat(1024 * 1024)).length).toBe(80)
  })
})

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
