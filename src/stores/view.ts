/**
 * UI state: language, what is selected, the side tab, the tool tab, the camera, the mode and the
 * basemap. Small and fully reactive. Per-layer state (visibility, opacity, order, style, and the heatmaps' settings,
 * which are layer records too) is in the layers store; transient pointer state in the interaction store.
 */
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Locale } from '../i18n'
import type { Camera } from '../settings/share-link'
import type { BasemapChoice } from '../settings/basemap-choices'
import type { ToolTab } from '../settings/tool-tabs'
import type { PicturePage } from '../settings/picture-pages'
import type { MultiPolygon, Polygon } from 'geojson'
import type { Bilingual } from '../domain/types'

export interface Selection {
  layerId: string
  featureId: string
}

/** A shape whose contents the side panel counts: a drawn polygon, a measured area or a buffer. */
export interface AnalysedShape {
  geometry: Polygon | MultiPolygon
  /** What it is, in both languages (东关桥 周边 1 km; 测量的面). */
  title: Bilingual
}

export type SideTab = 'overview' | 'details' | 'warnings'

export const useViewStore = defineStore('view', () => {
  const locale = ref<Locale>('zh-CN')
  const selection = ref<Selection | null>(null)
  const sideTab = ref<SideTab>('overview')
  /** The tool column's open tab (图层 · 分析 · 数据); remembered in local storage. */
  const toolTab = ref<ToolTab>('layers')
  /** The camera as last reported by the map, or asked for by a share link before the map exists. */
  const camera = ref<Camera | null>(null)
  /** 'present' is the big-screen mode (?mode=present). */
  const mode = ref<'explore' | 'present'>('explore')
  /**
   * In presentation mode the map, like the stage, is laid out at 1920×1080 and scaled to the screen;
   * it renders at this many device pixels per layout pixel so that the scaled map stays sharp.
   */
  const stageScale = ref(1)
  /** The offline basemap unless the user picks another; online ones are contacted only then. */
  const basemap = ref<BasemapChoice>({ id: 'offline' })
  /** The exported picture's title (empty: the app's) and shape, kept while the page is open. */
  const picture = ref<{ title: string; page: PicturePage }>({ title: '', page: 'window' })
  /** 关于数据, open at a section ('marks', 'provenance-sample', 'layer-towns'…); null when closed. */
  const about = ref<string | null>(null)

  /** The shape the side panel counts inside; it stands over the selection until closed or another is chosen. */
  const shape = shallowRef<AnalysedShape | null>(null)

  function select(next: Selection | null) {
    selection.value = next
    shape.value = null
    if (next) sideTab.value = 'details'
  }
  function analyse(next: AnalysedShape | null) {
    shape.value = next
    if (next) sideTab.value = 'details'
  }

  return {
    locale,
    selection,
    sideTab,
    toolTab,
    camera,
    mode,
    stageScale,
    basemap,
    picture,
    about,
    shape,
    select,
    analyse,
  }
})
