/**
 * Transient interaction state: what is under the pointer, whether the map has drawn everything,
 * and the short notice over the map. Nothing here is kept in a share link or in local storage.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BasemapId } from '../settings/basemap-choices'
import { HttpStatusError, NetworkTimeoutError } from '../settings/network-timeouts'

/** Why a service layer's tiles failed: a timeout (with its seconds), a refusal, an error answer. */
export interface ServiceFailure {
  reason: string
  timeoutSeconds?: number
  /** The HTTP status of a refusal. */
  status?: number
  /** What was wrong with the answer, in both languages (a feed that is not GeoJSON). */
  problem?: { zh: string; en: string }
}

/** A service's failure as the notice says it: a timeout's seconds, a refusal's status, or the words. */
export function serviceFailureOf(error: unknown): ServiceFailure {
  if (error instanceof NetworkTimeoutError) return { reason: error.message, timeoutSeconds: error.seconds }
  if (error instanceof HttpStatusError) return { reason: error.message, status: error.status }
  const problem = (error as { problem?: { zh?: unknown; en?: unknown } } | null)?.problem
  if (typeof problem?.zh === 'string' && typeof problem.en === 'string')
    return { reason: problem.en, problem: { zh: problem.zh, en: problem.en } }
  return { reason: error instanceof Error ? error.message : String(error) }
}

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
  /**
   * Service layers whose tiles failed, by layer id: why, and how long it waited when it timed out.
   * A tile that arrives clears its layer's entry; the rest of the map is never affected.
   */
  const serviceFailures = ref<Record<string, ServiceFailure>>({})
  function setServiceStatus(layerId: string, failure: ServiceFailure | null) {
    const current = serviceFailures.value[layerId]
    if (!failure) {
      if (!current) return
      const next = { ...serviceFailures.value }
      delete next[layerId]
      serviceFailures.value = next
    } else if (current?.reason !== failure.reason)
      serviceFailures.value = { ...serviceFailures.value, [layerId]: failure }
  }
  return {
    hover,
    hexHover,
    surfaceHover,
    mapIdle,
    firstViewDrawn,
    basemapFailure,
    partFailure,
    serviceFailures,
    setServiceStatus,
  }
})
