/**
 * UI state: language, which layers show and how, what is selected. Small and fully reactive.
 * Map events come back here as actions (select, hover); the map adapter watches this store.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Locale } from '../i18n'
import type { Camera, ShareState } from '../domain/share-link'
import { LAYER_DEFINITIONS } from '../layers/registry'

export interface Selection {
  layerId: string
  featureId: string
}

export const useViewStore = defineStore('view', () => {
  const locale = ref<Locale>('zh-CN')
  const visible = ref<Record<string, boolean>>(Object.fromEntries(LAYER_DEFINITIONS.map((d) => [d.id, d.defaultVisible])))
  const opacity = ref<Record<string, number>>(Object.fromEntries(LAYER_DEFINITIONS.map((d) => [d.id, 1])))
  const selection = ref<Selection | null>(null)
  /** Set once the map has drawn everything it was given; end-to-end tests wait for it. */
  const mapIdle = ref(false)
  /** The camera as last reported by the map, or asked for by a share link before the map exists. */
  const camera = ref<Camera | null>(null)

  function setVisible(id: string, value: boolean) {
    visible.value = { ...visible.value, [id]: value }
  }
  function setOpacity(id: string, value: number) {
    opacity.value = { ...opacity.value, [id]: Math.min(1, Math.max(0, value)) }
  }
  function select(next: Selection | null) {
    selection.value = next
  }

  /** Applies a parsed share link; parts it lacks keep their current value. */
  function applyShareState(state: ShareState) {
    if (state.camera) camera.value = state.camera
    if (state.lang) locale.value = state.lang
    if (state.layers) {
      const shown = new Set(state.layers)
      visible.value = Object.fromEntries(LAYER_DEFINITIONS.map((d) => [d.id, !d.listed || shown.has(d.id)]))
    }
    if (state.selection) selection.value = state.selection
  }

  function shareState(): ShareState {
    return {
      camera: camera.value ?? undefined,
      layers: LAYER_DEFINITIONS.filter((d) => d.listed && visible.value[d.id]).map((d) => d.id),
      selection: selection.value ?? undefined,
      lang: locale.value,
    }
  }

  return { locale, visible, opacity, selection, mapIdle, camera, setVisible, setOpacity, select, applyShareState, shareState }
})
