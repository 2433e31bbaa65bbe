/**
 * UI state: language, which layers show and how, what is selected, the camera and the choropleth
 * settings. Small and fully reactive. Map events come back here as actions (select, hover); the map
 * adapter watches this store.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Locale } from '../i18n'
import type { Camera, ShareState } from '../domain/share-link'
import type { ClassificationMethod } from '../domain/classify'
import { INDICATORS, type IndicatorId } from '../domain/indicators'
import { LAYER_DEFINITIONS } from '../layers/registry'
import type { BasemapChoice } from '../map/basemaps'

export interface Selection {
  layerId: string
  featureId: string
}

export interface Hover {
  layerId: string
  properties: Record<string, unknown>
  point: { x: number; y: number }
}

export type SideTab = 'overview' | 'details'

export type Pollutant = 'pm25' | 'pm10' | 'o3_8h' | 'aqi'

/** The deck.gl heatmaps' settings; the map adapter draws them, the month slider and the tour drive them. */
export interface HeatmapState {
  readings: boolean
  pollutant: Pollutant
  /** 1 = January … 10 = October 2022. */
  month: number
  inspections: boolean
  inspectionStyle: 'heatmap' | 'hexagon'
  inspectionKinds: ('inspection' | 'case' | 'transferred')[]
  /** Inclusive month range for the inspection density. */
  inspectionMonths: [number, number]
}

/** Where to move the map: a point and zoom, or bounds to frame. */
export type FlyTarget =
  | { lngLat: [number, number]; zoom: number; durationMs?: number }
  | { bounds: [number, number, number, number]; durationMs?: number }

const isIndicator = (value: string): value is IndicatorId => INDICATORS.some((i) => i.id === value)

export const useViewStore = defineStore('view', () => {
  const locale = ref<Locale>('zh-CN')
  const visible = ref<Record<string, boolean>>(
    Object.fromEntries(LAYER_DEFINITIONS.map((d) => [d.id, d.defaultVisible])),
  )
  const opacity = ref<Record<string, number>>(Object.fromEntries(LAYER_DEFINITIONS.map((d) => [d.id, 1])))
  /** Listed layers, top of the list drawn on top. */
  const layerOrder = ref<string[]>(
    LAYER_DEFINITIONS.filter((d) => d.listed)
      .map((d) => d.id)
      .reverse(),
  )
  const selection = ref<Selection | null>(null)
  const hover = ref<Hover | null>(null)
  /** The inspection hexagon under the pointer and its count. */
  const hexHover = ref<{ count: number; point: { x: number; y: number } } | null>(null)
  const sideTab = ref<SideTab>('overview')
  /** Set once the map has drawn everything it was given; end-to-end tests and the kiosk wait for it. */
  const mapIdle = ref(false)
  /** The camera as last reported by the map, or asked for by a share link before the map exists. */
  const camera = ref<Camera | null>(null)
  /** A request to fly somewhere (search results); the adapter consumes it. */
  const flyTarget = ref<FlyTarget | null>(null)
  /** 'present' is the big-screen mode (?mode=present). */
  const mode = ref<'explore' | 'present'>('explore')
  /**
   * In presentation mode the map, like the stage, is laid out at 1920×1080 and scaled to the screen;
   * it renders at this many device pixels per layout pixel so that the scaled map stays sharp.
   */
  const stageScale = ref(1)
  const heatmap = ref<HeatmapState>({
    readings: false,
    pollutant: 'pm25',
    month: 1,
    inspections: false,
    inspectionStyle: 'heatmap',
    inspectionKinds: ['inspection', 'case', 'transferred'],
    inspectionMonths: [1, 10],
  })

  /** The offline basemap unless the user picks another; online ones are contacted only then. */
  const basemap = ref<BasemapChoice>({ id: 'offline' })
  /** A short message over the map (e.g. a basemap that failed and was replaced). */
  const notice = ref<{ zh: string; en: string } | null>(null)

  const indicator = ref<IndicatorId>('inspections')
  const classification = ref<ClassificationMethod>('quantile')
  const classCount = ref(5)
  const manualBreaksText = ref('')

  /** Shows exactly these listed layers (a tour stop); unlisted base layers stay as they are. */
  function showOnly(ids: readonly string[]) {
    const shown = new Set(ids)
    visible.value = Object.fromEntries(
      Object.keys(visible.value).map((id) => [
        id,
        shown.has(id) || !LAYER_DEFINITIONS.find((d) => d.id === id)?.listed,
      ]),
    )
  }

  function setVisible(id: string, value: boolean) {
    visible.value = { ...visible.value, [id]: value }
  }
  function setOpacity(id: string, value: number) {
    opacity.value = { ...opacity.value, [id]: Math.min(1, Math.max(0, value)) }
  }
  /** Moves a layer one step up (towards the top of the drawing) or down. */
  function moveLayer(id: string, direction: -1 | 1) {
    const order = [...layerOrder.value]
    const from = order.indexOf(id)
    const to = from + direction
    if (from < 0 || to < 0 || to >= order.length) return
    ;[order[from], order[to]] = [order[to]!, order[from]!]
    layerOrder.value = order
  }
  /** A layer added at run time (a user's file): shown, fully opaque, at the top of the list. */
  function registerLayer(id: string) {
    visible.value = { ...visible.value, [id]: true }
    opacity.value = { ...opacity.value, [id]: 1 }
    if (!layerOrder.value.includes(id)) layerOrder.value = [id, ...layerOrder.value]
  }

  function select(next: Selection | null) {
    selection.value = next
    if (next) sideTab.value = 'details'
  }

  /** Applies a parsed share link; parts it lacks keep their current value. */
  function applyShareState(state: ShareState) {
    if (state.camera) camera.value = state.camera
    if (state.lang) locale.value = state.lang
    if (state.layers) {
      const shown = new Set(state.layers)
      visible.value = Object.fromEntries(LAYER_DEFINITIONS.map((d) => [d.id, !d.listed || shown.has(d.id)]))
    }
    if (state.indicator && isIndicator(state.indicator)) indicator.value = state.indicator
    if (state.selection) select(state.selection)
  }

  function shareState(): ShareState {
    return {
      camera: camera.value ?? undefined,
      layers: LAYER_DEFINITIONS.filter((d) => d.listed && visible.value[d.id]).map((d) => d.id),
      selection: selection.value ?? undefined,
      indicator: indicator.value,
      lang: locale.value,
    }
  }

  return {
    locale,
    visible,
    opacity,
    layerOrder,
    selection,
    hover,
    sideTab,
    mapIdle,
    camera,
    flyTarget,
    basemap,
    notice,
    mode,
    stageScale,
    heatmap,
    hexHover,
    indicator,
    classification,
    classCount,
    manualBreaksText,
    setVisible,
    showOnly,
    setOpacity,
    moveLayer,
    registerLayer,
    select,
    applyShareState,
    shareState,
  }
})
