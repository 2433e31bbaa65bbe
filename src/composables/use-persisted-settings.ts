/**
 * Local storage holds only the user's own settings: language, basemap (with the 天地图 key or
 * style URL they typed), the last view and the tool column's open tab. Nothing loaded from data
 * goes there. A share link in the address bar wins over what was stored.
 */
import { watch } from 'vue'
import { parseShareHash } from '../settings/share-link'
import { parseStoredSettings } from '../settings/stored-settings'
import { useViewStore } from '../stores/view'

export const SETTINGS_KEY = 'jindong-map:settings'

function readStoredText(): string | null {
  try {
    return localStorage.getItem(SETTINGS_KEY)
  } catch {
    return null // storage blocked: start from the defaults
  }
}

export function usePersistedSettings() {
  const view = useViewStore()
  // Range-checked field by field (src/settings/stored-settings.ts): a corrupt field is dropped alone.
  const stored = parseStoredSettings(readStoredText())
  const link = parseShareHash(window.location.hash)

  if (!link.lang && stored.locale) view.locale = stored.locale
  const basemap = stored.basemap
  const envKey = import.meta.env.VITE_TIANDITU_TK as string | undefined
  if (basemap) view.basemap = basemap
  if (envKey && !view.basemap.tiandituKey) view.basemap = { ...view.basemap, tiandituKey: envKey }
  if (!link.camera && stored.camera) view.camera = stored.camera
  if (stored.toolTab) view.toolTab = stored.toolTab

  watch(
    () => ({ locale: view.locale, basemap: view.basemap, camera: view.camera, toolTab: view.toolTab }),
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
