/**
 * Local storage holds only the user's own settings: language, basemap (with the 天地图 key or style
 * URL they typed) and the last view. Nothing loaded from data goes there. A share link in the
 * address bar wins over what was stored.
 */
import { watch } from 'vue'
import { parseShareHash } from '../domain/share-link'
import { isLocale } from '../i18n'
import { BASEMAP_OPTIONS, type BasemapChoice } from '../domain/basemaps'
import { useViewStore } from '../stores/view'

export const SETTINGS_KEY = 'jindong-map:settings'

interface StoredSettings {
  locale?: string
  basemap?: BasemapChoice
  camera?: { zoom: number; lat: number; lng: number }
}

function readStored(): StoredSettings {
  try {
    const parsed = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}') as unknown
    return typeof parsed === 'object' && parsed !== null ? (parsed as StoredSettings) : {}
  } catch {
    return {}
  }
}

function validBasemap(choice: unknown): BasemapChoice | null {
  const candidate = choice as BasemapChoice | null
  if (!candidate || !BASEMAP_OPTIONS.some((o) => o.id === candidate.id)) return null
  return {
    id: candidate.id,
    tiandituKey: typeof candidate.tiandituKey === 'string' ? candidate.tiandituKey.slice(0, 64) : undefined,
    styleUrl:
      typeof candidate.styleUrl === 'string' && /^https?:\/\//.test(candidate.styleUrl)
        ? candidate.styleUrl
        : undefined,
  }
}

export function usePersistedSettings() {
  const view = useViewStore()
  const stored = readStored()
  const link = parseShareHash(window.location.hash)

  if (!link.lang && isLocale(stored.locale)) view.locale = stored.locale
  const basemap = validBasemap(stored.basemap)
  const envKey = import.meta.env.VITE_TIANDITU_TK as string | undefined
  if (basemap) view.basemap = basemap
  if (envKey && !view.basemap.tiandituKey) view.basemap = { ...view.basemap, tiandituKey: envKey }
  const camera = stored.camera
  if (!link.camera && camera && [camera.zoom, camera.lat, camera.lng].every(Number.isFinite)) view.camera = camera

  watch(
    () => ({ locale: view.locale, basemap: view.basemap, camera: view.camera }),
    (settings) => {
      try {
        localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings))
      } catch {
        // Private browsing or a full quota: settings simply are not remembered.
      }
    },
    { deep: true },
  )
}
