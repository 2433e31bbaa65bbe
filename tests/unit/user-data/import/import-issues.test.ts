import { describe, expect, test } from 'vitest'
import {
  describeFoundValue,
  formatImportProblem,
  truncateForDisplay,
  type ImportProblem,
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
