/**
 * The interface's two languages: messages in zh-CN.ts (the default, in the first view's code) and
 * en.ts (loaded on first use: loadLocale). A small translator of our own, in place of vue-i18n: our
 * messages use named placeholders only (`{name}`), no plurals, links or formats, and vue-i18n with its
 * message compiler was 19 kB gzip of the first view (docs/decisions: "Our own translator").
 *
 *   const { t } = useI18n()          // in a component or composable
 *   t('layers.show', { name })       // in the current language
 *   t('app.title', {}, { locale: 'en' })
 */
import { ref, shallowRef, type App } from 'vue'
import zhCN from './zh-CN'
import type { Locale } from './bilingual'

export type { Locale }
export const LOCALES: readonly Locale[] = ['zh-CN', 'en']

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en'
}

/** Values for a message's `{placeholders}`. */
export type NamedValue = Record<string, unknown>
type Messages = Record<string, unknown>

/** The message at a dotted key, or undefined. */
function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** `{name}` → the named value, as text; a placeholder without a value stays as written. */
export function interpolate(message: string, named: NamedValue): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(named, name) ? String(named[name]) : whole,
  )
}

/** Chinese first: the bureau's staff and planners read Chinese; English is the second language. */
const FALLBACK: Locale = 'zh-CN'
const locale = ref<Locale>('zh-CN')
const messages = shallowRef<Partial<Record<Locale, Messages>>>({ 'zh-CN': zhCN })
/**
 * Messages that travel with a part loaded later (the platform's screens: src/platform/messages.ts), each
 * under its own namespace, in both languages: the first view's code carries none of them, and English
 * loaded later (loadLocale) does not replace them.
 */
const partMessages = shallowRef<Record<Locale, Messages>>({ 'zh-CN': {}, en: {} })

/** Adds a part's messages under a namespace (its keys read "namespace.key"); the part's module calls it once. */
export function addMessages(namespace: string, part: Record<Locale, Messages>): void {
  partMessages.value = {
    'zh-CN': { ...partMessages.value['zh-CN'], [namespace]: part['zh-CN'] },
    en: { ...partMessages.value.en, [namespace]: part.en },
  }
}

/**
 * A message in the current language (or `options.locale`), with its placeholders filled; the Chinese
 * message where the language lacks one; the key itself where neither has it (a test catches those).
 */
function t(key: string, named: NamedValue = {}, options: { locale?: Locale } = {}): string {
  const wanted = options.locale ?? locale.value
  const message =
    lookup(messages.value[wanted], key) ??
    lookup(partMessages.value[wanted], key) ??
    lookup(messages.value[FALLBACK], key) ??
    lookup(partMessages.value[FALLBACK], key)
  return message === undefined ? key : interpolate(message, named)
}

function setLocaleMessage(target: Locale, value: Messages) {
  messages.value = { ...messages.value, [target]: value }
}

export const i18n = {
  global: { t, locale, messages, setLocaleMessage },
  /** `app.use(i18n)`: nothing to install (components import useI18n); kept so main.ts reads as before. */
  install(_app: App) {},
}

/** The translator, for components and composables. */
export function useI18n() {
  return { t, locale }
}

/**
 * The messages of a language, loaded on first use: English is not in the first view's code. Resolves
 * once `t` speaks it (a failed load is tried again on the next switch; meanwhile Chinese stays).
 */
export async function loadLocale(target: Locale): Promise<void> {
  if (messages.value[target]) return
  setLocaleMessage(target, (await import('./en')).default)
}
