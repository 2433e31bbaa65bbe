/**
 * Settings read back from local storage are input like any other: they are range-checked, not just
 * parsed. Each field stands alone: one that is out of range falls back to the default (returned as
 * absent) and the others are kept, so a corrupt value can never blank the map.
 */
import { BASEMAP_OPTIONS, type BasemapChoice } from './basemap-choices'
import type { Camera } from './share-link'
import { validToolTab, type ToolTab } from './tool-tabs'

export const LOCALES = ['zh-CN', 'en'] as const
export type StoredLocale = (typeof LOCALES)[number]

/** The ranges MapLibre accepts (Web Mercator stops at ±85.05°; zoom 0–22 as the map allows). */
export const CAMERA_RANGE = { zoom: [0, 22], lat: [-85, 85], lng: [-180, 180] } as const

export interface StoredSettings {
  locale?: StoredLocale
  basemap?: BasemapChoice
  camera?: Camera
  /** The tool column's open tab. */
  toolTab?: ToolTab
}

const inRange = (value: unknown, [low, high]: readonly [number, number]): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high

/** A camera with every part in range, or null (the map then frames the district). */
export function validCamera(value: unknown): Camera | null {
  if (typeof value !== 'object' || value === null) return null
  const { zoom, lat, lng } = value as Record<string, unknown>
  if (!inRange(zoom, CAMERA_RANGE.zoom) || !inRange(lat, CAMERA_RANGE.lat) || !inRange(lng, CAMERA_RANGE.lng))
    return null
  return { zoom, lat, lng }
}

export function validLocale(value: unknown): StoredLocale | null {
  return LOCALES.find((locale) => locale === value) ?? null
}

/** A known basemap, with a key of sane length and only an http(s) style URL. */
export function validBasemap(value: unknown): BasemapChoice | null {
  if (typeof value !== 'object' || value === null) return null
  const candidate = value as Record<string, unknown>
  const option = BASEMAP_OPTIONS.find((o) => o.id === candidate.id)
  if (!option) return null
  const { tiandituKey, styleUrl } = candidate
  return {
    id: option.id,
    tiandituKey: typeof tiandituKey === 'string' ? tiandituKey.slice(0, 64) : undefined,
    styleUrl:
      typeof styleUrl === 'string' && styleUrl.length <= 2048 && /^https?:\/\/[^\s]+$/.test(styleUrl)
        ? styleUrl
        : undefined,
  }
}

/** The stored text, parsed and checked field by field; anything unusable is left out. */
export function parseStoredSettings(text: string | null): StoredSettings {
  let parsed: unknown
  try {
    parsed = JSON.parse(text ?? '{}')
  } catch {
    return {}
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
  const raw = parsed as Record<string, unknown>
  const settings: StoredSettings = {}
  const locale = validLocale(raw.locale)
  const basemap = validBasemap(raw.basemap)
  const camera = validCamera(raw.camera)
  const toolTab = validToolTab(raw.toolTab)
  if (locale) settings.locale = locale
  if (basemap) settings.basemap = basemap
  if (camera) settings.camera = camera
  if (toolTab) settings.toolTab = toolTab
  return settings
}
