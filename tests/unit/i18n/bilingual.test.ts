/** From the app's locale to the side of a Bilingual label. */
import { describe, expect, test } from 'vitest'
import { langOf, pick, pickOr } from '../../../src/i18n/bilingual'
import type { Bilingual } from '../../../src/domain/types'

const title: Bilingual = { zh: '国控断面', en: 'National control sections' }

describe('langOf', () => {
  test('zh-CN reads the Chinese side, en the English', () => {
    expect(langOf('zh-CN')).toBe('zh')
    expect(langOf('en')).toBe('en')
  })
})

describe('pick', () => {
  test('gives the text of the locale', () => {
    expect(pick(title, 'zh-CN')).toBe('国控断面')
    expect(pick(title, 'en')).toBe('National control sections')
  })

  test('an empty side stays empty (no silent fallback for complete labels)', () => {
    expect(pick({ zh: '仅中文', en: '' }, 'en')).toBe('')
  })
})

describe('pickOr', () => {
  test('gives the text of the locale when there is one', () => {
    expect(pickOr(title, 'en', '—')).toBe('National control sections')
    expect(pickOr(title, 'zh-CN', '—')).toBe('国控断面')
  })

  test('falls back to the Chinese, then to the fallback', () => {
    expect(pickOr({ zh: '孝顺镇', en: null }, 'en', '—')).toBe('孝顺镇')
    expect(pickOr({ zh: '孝顺镇' }, 'en', '—')).toBe('孝顺镇')
    expect(pickOr({ en: 'Xiaoshun' }, 'zh-CN', '—')).toBe('—')
    expect(pickOr(null, 'zh-CN', '—')).toBe('—')
    expect(pickOr(undefined, 'en', '')).toBe('')
  })

  test('keeps the type of the values', () => {
    const code: number = pickOr<number>({ zh: 1 }, 'en', 0)
    expect(code).toBe(1)
  })
})
