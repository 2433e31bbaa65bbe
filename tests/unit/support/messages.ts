/**
 * Every message of each language: the first view's (src/i18n/zh-CN.ts, en.ts) with the messages of
 * the parts loaded later merged in under their namespaces (src/i18n/parts), as the translator finds
 * them once those parts are loaded. For tests that read a message's text directly.
 */
import en from '../../../src/i18n/en'
import { ABOUT_DATA_MESSAGES } from '../../../src/i18n/parts/about-data'
import { AFTER_FIRST_VIEW_MESSAGES } from '../../../src/i18n/parts/after-first-view'
import { DATA_TOOLS_MESSAGES } from '../../../src/i18n/parts/data-tools'
import { MEASURE_MESSAGES } from '../../../src/i18n/parts/measure'
import { PRINT_MESSAGES } from '../../../src/i18n/parts/print'
import { SERVICE_MESSAGES } from '../../../src/i18n/parts/services'
import zh from '../../../src/i18n/zh-CN'
import { PLATFORM_MESSAGES } from '../../../src/platform/messages'

type Tree = { [key: string]: string | Tree }

/** Each part's module (as a source file imports it), by the namespaces it adds. */
export const PART_MODULES: Record<string, string> = {
  platform: 'platform/messages',
  aboutData: 'i18n/parts/about-data',
  ...Object.fromEntries(Object.keys(DATA_TOOLS_MESSAGES).map((n) => [n, 'i18n/parts/data-tools'])),
  ...Object.fromEntries(Object.keys(MEASURE_MESSAGES).map((n) => [n, 'i18n/parts/measure'])),
  ...Object.fromEntries(Object.keys(PRINT_MESSAGES).map((n) => [n, 'i18n/parts/print'])),
  ...Object.fromEntries(Object.keys(SERVICE_MESSAGES).map((n) => [n, 'i18n/parts/services'])),
}
/** The after-first-view part shares its namespaces with the first view: found by key, not by namespace. */
export const AFTER_FIRST_VIEW_MODULE = 'i18n/parts/after-first-view'

/** Each part, by its namespace: { 'zh-CN': …, en: … }. */
export const PARTS: Record<string, Record<'zh-CN' | 'en', Tree>> = {
  platform: PLATFORM_MESSAGES,
  aboutData: ABOUT_DATA_MESSAGES,
  ...DATA_TOOLS_MESSAGES,
  ...MEASURE_MESSAGES,
  ...PRINT_MESSAGES,
  ...SERVICE_MESSAGES,
  ...AFTER_FIRST_VIEW_MESSAGES,
}

function merged(base: Tree, extra: Tree): Tree {
  const out: Tree = { ...base }
  for (const [key, value] of Object.entries(extra)) {
    const mine = out[key]
    out[key] = typeof value === 'object' && mine && typeof mine === 'object' ? merged(mine, value) : value
  }
  return out
}

/** A language's messages with every part's merged in. */
export function withParts(base: Tree, locale: 'zh-CN' | 'en'): Tree {
  return merged(base, Object.fromEntries(Object.entries(PARTS).map(([name, part]) => [name, part[locale]])))
}

// Typed as the first view's messages deep-merged with the after-first-view part's, for tests that read
// a key by its path.
type AfterFirstView<L extends 'zh-CN' | 'en'> = {
  [N in keyof typeof AFTER_FIRST_VIEW_MESSAGES]: (typeof AFTER_FIRST_VIEW_MESSAGES)[N][L]
}
type DeepMerged<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A
    ? K extends keyof B
      ? A[K] extends object
        ? B[K] extends object
          ? DeepMerged<A[K], B[K]>
          : A[K]
        : A[K]
      : A[K]
    : K extends keyof B
      ? B[K]
      : never
}

export const zhAll = withParts(zh as unknown as Tree, 'zh-CN') as unknown as DeepMerged<
  typeof zh,
  AfterFirstView<'zh-CN'>
>
export const enAll = withParts(en as unknown as Tree, 'en') as unknown as DeepMerged<typeof en, AfterFirstView<'en'>>
