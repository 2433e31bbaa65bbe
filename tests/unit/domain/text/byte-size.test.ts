import { describe, expect, test } from 'vitest'
import { formatBytes, formatKeptDate } from '../../../../src/domain/text/byte-size'

describe('formatBytes', () => {
  test('KB below a megabyte, MB from one megabyte on', () => {
    expect(formatBytes(1024 * 1024 - 1024, 'en')).toBe('1,023 KB')
    expect(formatBytes(1024 * 1024, 'en')).toBe('1.0 MB')
  })

  test('one decimal below 10, none from 10 on', () => {
    expect(formatBytes(9.5 * 1024, 'en')).toBe('9.5 KB')
    expect(formatBytes(10 * 1024, 'en')).toBe('10 KB')
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB')
  })

  test('never 0 KB: an empty or tiny file reads 0.1 KB', () => {
    expect(formatBytes(0, 'zh-CN')).toBe('0.1 KB')
    expect(formatBytes(20, 'zh-CN')).toBe('0.1 KB')
  })
})

describe('formatKeptDate', () => {
  test('a date and time in the locale’s order', () => {
    const text = formatKeptDate('2026-11-30T09:05:00', 'en')
    expect(text).toContain('2026')
    expect(text).toContain('9:05')
    expect(formatKeptDate('2026-11-30T09:05:00', 'zh-CN')).toContain('2026年11月30日')
  })

  test('a text that is not a date gives an empty string', () => {
    expect(formatKeptDate('not a date', 'en')).toBe('')
    expect(formatKeptDate('', 'zh-CN')).toBe('')
  })
})
