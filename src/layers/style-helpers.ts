/** Small pieces shared by layer declarations: label fields and the font stack. */
import { ownValue } from '../domain/text/own-keys'
import type { Locale } from '../i18n'
import { langOf } from '../i18n/bilingual'

/** Labels are drawn with local fonts (no glyph download): see src/map/offline-style.ts. */
export const LABEL_FONT = ['Noto Sans CJK SC Regular']

/** The feature's name in the UI language, falling back to Chinese where there is no English. */
export function nameField(locale: Locale): unknown[] {
  return langOf(locale) === 'en' ? ['coalesce', ['get', 'name_en'], ['get', 'name']] : ['get', 'name']
}

export const HALO = { 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.5 } as const

/** Plain-text value of a property in the UI language: `name_en` for English where there is one. */
export function localisedName(properties: Record<string, unknown>, locale: Locale): string {
  const name = ownValue(properties, 'name')
  const value = langOf(locale) === 'en' ? (ownValue(properties, 'name_en') ?? name) : name
  return value === undefined || value === null ? '' : String(value)
}
