/** The one way to choose a bilingual text's language from the interface locale. */
import type { Bilingual } from '../domain/types'
import type { Locale } from '.'

export function langOf(locale: Locale): 'zh' | 'en' {
  return locale === 'en' ? 'en' : 'zh'
}

export function pick(text: Bilingual, locale: Locale): string {
  return text[langOf(locale)]
}
