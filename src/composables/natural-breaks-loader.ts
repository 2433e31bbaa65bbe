/**
 * The natural-breaks function, loaded on first use: its library (ckmeans) stays out of the first
 * view, whose budget has no room for it (docs/decisions/0039-natural-breaks-by-ckmeans.md). Reading
 * it in a computed makes that computed run again once the code is in; until then callers show
 * quantile classes, as they do meanwhile for manual breaks that cannot be read.
 */
import { shallowRef } from 'vue'
import type { NaturalBreaksOf } from '../domain/classification/classify'

const loaded = shallowRef<NaturalBreaksOf | null>(null)
let loading: Promise<void> | null = null

/** The natural-breaks function if loaded; otherwise null, and its load starts (once). */
export function naturalBreaksWhenLoaded(): NaturalBreaksOf | null {
  if (!loaded.value && !loading) {
    loading = import('../domain/classification/natural-breaks').then(
      (module) => void (loaded.value = module.naturalBreaks),
      // A failed load (offline, a server gone) is tried again at the next ask. Not through
      // src/io/parts.ts (decision 0035), which would recover a spoiled module URL by a reload: a
      // static import of it from here split it out of the entry chunk, +0.4 kB over the budget.
      () => void (loading = null),
    )
  }
  return loaded.value
}

/** Loads the natural-breaks function now (tests, and whoever knows it will be needed). */
export async function loadNaturalBreaks(): Promise<NaturalBreaksOf> {
  naturalBreaksWhenLoaded()
  await loading
  if (!loaded.value) throw new Error('natural breaks could not be loaded')
  return loaded.value
}
