/**
 * The translator's parts: messages that travel with a part loaded later (addMessages) are found under
 * their namespace in both languages, with their placeholders, and loading English does not drop them.
 */
import { describe, expect, test } from 'vitest'
import { addMessages, i18n, loadLocale } from '../../../src/i18n'
import '../../../src/platform/messages'

const { t } = i18n.global

describe('message parts', () => {
  test("a part's messages are found under its namespace, with their placeholders", () => {
    expect(t('platform.login')).toBe('登录')
    expect(t('platform.published', { version: 3 })).toBe('已发布第 3 版。')
  })

  test('loading English keeps them, and each language reads its own side', async () => {
    await loadLocale('en')
    expect(t('platform.login', {}, { locale: 'en' })).toBe('Log in')
    expect(t('platform.login', {}, { locale: 'zh-CN' })).toBe('登录')
    expect(t('app.title', {}, { locale: 'en' })).not.toBe('app.title')
  })

  test('a message a part lacks in English falls back to its Chinese; an unknown key reads as itself', async () => {
    addMessages('test-part', { 'zh-CN': { only: '仅中文' }, en: {} })
    await loadLocale('en')
    expect(t('test-part.only', {}, { locale: 'en' })).toBe('仅中文')
    expect(t('test-part.none')).toBe('test-part.none')
  })
})
