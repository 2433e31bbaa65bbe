/** The platform screens' words (src/platform/words.ts) in the view's language. */
import { useLocaleText } from './use-locale-text'
import { word, type WordKey } from '../platform/words'
import type { Bilingual } from '../domain/types'

export function usePlatformWords() {
  const { lang, pick } = useLocaleText()
  const w = (key: WordKey, values?: Record<string, string | number>) => word(key, lang.value, values)
  return { w, pick: (text: Bilingual) => pick(text), lang }
}
