// The size limit: megabytes as shown, the limit itself, and the failed result of a refused file.
import { describe, expect, test } from 'vitest'
import { checkSizeLimit, fileFailure, formatMegabytes } from '../../../../src/user-data/import/size-limit'

describe('size-limit', () => {
  test('megabytes with one decimal, rounded up; whole numbers without', () => {
    const MB = 1024 * 1024
    expect(formatMegabytes(200 * MB)).toBe('200')
    expect(formatMegabytes(200 * MB + 1)).toBe('200.1')
    expect(formatMegabytes(210239488)).toBe('200.5')
    expect(formatMegabytes(0)).toBe('0')
    expect(formatMegabytes(MB / 4)).toBe('0.3')
  })

  test('the limit itself fits; one byte more is refused with both sizes', () => {
    expect(checkSizeLimit('a.csv', 100, 100)).toBeNull()
    const refused = checkSizeLimit('a.csv', 3 * 1024 * 1024, 1024 * 1024)!
    expect(refused).toMatchObject({ ok: false, format: 'csv', data: null, featureCount: 0 })
    expect(refused.problems).toEqual([
      {
        severity: 'error',
        file: 'a.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '3 MB',
        expected: 'at most 1 MB',
        message: { zh: '文件 3 MB，超过 1 MB 上限', en: 'file is 3 MB, over the 1 MB limit' },
      },
    ])
  })

  test('fileFailure: a failed result of the format the name suggests', () => {
    const message = { zh: '坏', en: 'bad' }
    expect(fileFailure('b.zip', { found: 'x', expected: 'y', message }, 'gbk')).toEqual({
      ok: false,
      data: null,
      format: 'shapefile-zip',
      encoding: 'gbk',
      featureCount: 0,
      rejectedCount: 0,
      geometryTypes: [],
      problems: [
        {
          severity: 'error',
          file: 'b.zip',
          featureIndex: null,
          line: null,
          field: '',
          found: 'x',
          expected: 'y',
          message,
        },
      ],
      crsSuggestions: [],
      bbox: null,
    })
    expect(fileFailure('b.tsv', { found: '', expected: '', message }).encoding).toBeNull()
  })
})
