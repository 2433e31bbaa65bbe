import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'
import type { Locale } from './bilingual'

export type { Locale }
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en'
}

/** Chinese first: the bureau's staff and planners read Chinese; English is the second language. */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})
