/**
 * Transient interaction state: what is under the pointer, whether the map has drawn everything,
 * and the short notice over the map. Nothing here is kept in a share link or in local storage.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BasemapId } from '../settings/basemap-choices'

export interface Hover {
  layerId: string
  properties: Record<string, unknown>
  point: { x: number; y: number }
}

export const useInteractionStore = defineStore('interaction', () => {
  const hover = ref<Hover | null>(null)
  /** The inspection hexagon under the pointer and its count. */
  const hexHover = ref<{ count: number; point: { x: number; y: number } } | null>(null)
  /** The interpolated readings surface under the pointer: its estimated value. */
  const surfaceHover = ref<{ value: number; point: { x: number; y: number } } | null>(null)
  /** Set once the map has drawn everything it was given; end-to-end tests and the kiosk wait for it. */
  const mapIdle = ref(false)
  /** Once true, stays: the map's first view is drawn, and what it did not show may load now. */
  const firstViewDrawn = ref(false)
  /** An online basemap that failed and was replaced by the offline one; the notice over the map says so. */
  const basemapFailure = ref<{ basemap: BasemapId; reason: string; timeoutSeconds?: number } | null>(null)
  /** A lazily loaded part that failed to load (it is tried again the next time it is needed). */
  const partFailure = ref<{ part: 'heatmaps'; reason: string } | null>(null)
  return { hover, hexHover, surfaceHover, mapIdle, firstViewDrawn, basemapFailure, partFailure }
})
