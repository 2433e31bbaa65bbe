/**
 * The one way a component speaks: `t` for interface sentences (the message files in src/i18n) and
 * `pick` for the Bilingual labels that come with the data, both in the view store's locale.
 *
 *   const { t, pick } = useLocaleText()
 *   t('layers.show', { name: pick(definition.title) })
 */
import { computed } from 'vue'
import { useI18n, type NamedValue } from '../i18n'
import type { Bilingual } from '../domain/types'
import { langOf, pick as pickIn, pickOr as pickOrIn, type Lang, type Locale } from '../i18n/bilingual'
import { useViewStore } from '../stores/view'

export function useLocaleText() {
  const view = useViewStore()
  const { t } = useI18n()
  const locale = computed<Locale>(() => view.locale)
  const lang = computed<Lang>(() => langOf(view.locale))

  /** A Bilingual label in the current language. */
  const pick = (text: Bilingual): string => pickIn(text, view.locale)
  /** A label that may be missing: the current language's, else the Chinese, else the fallback. */
  const pickOr = <T>(text: { zh?: T | null; en?: T | null } | null | undefined, fallback: T): T =>
    pickOrIn(text, view.locale, fallback)
  /**
   * A message in both languages, for text kept in a store and shown later with `pick` (so it follows
   * a language switch): `named` gives the values for each language.
   */
  const inBoth = (key: string, named: (lang: Lang) => NamedValue = () => ({})): Bilingual => {
    const text = (target: Locale) => t(key, named(langOf(target)), { locale: target })
    return { zh: text('zh-CN'), en: text('en') }
  }

  return { t, locale, lang, pick, pickOr, inBoth }
}
