/**
 * From the app's locale to the side of a Bilingual text. Pure TypeScript (no Vue, no vue-i18n), so
 * the stores, the layers and the build scripts can use it as well as the components.
 */
import type { Bilingual } from '../domain/types'

/** The interface languages: Chinese first, English second. */
export type Locale = 'zh-CN' | 'en'

/** The side of a Bilingual text a locale reads. */
export type Lang = keyof Bilingual

const LANG_OF: Record<Locale, Lang> = { 'zh-CN': 'zh', en: 'en' }

export function langOf(locale: Locale): Lang {
  return LANG_OF[locale]
}

/** The text in the locale's language. */
export function pick(text: Bilingual, locale: Locale): string {
  return text[langOf(locale)]
}

/**
 * For values that may be missing (a caveat, a feature's `name` / `name_en` properties): the text in
 * the locale's language, else the Chinese, else the fallback.
 */
export function pickOr<T>(text: { zh?: T | null; en?: T | null } | null | undefined, locale: Locale, fallback: T): T {
  return text?.[langOf(locale)] ?? text?.zh ?? fallback
}
