/**
 * Service layers whose tiles (or feed) failed, by layer id: why, and how long it waited when it timed
 * out. A tile that arrives clears its layer's entry; the rest of the map is never affected. Loaded
 * with the first service layer (the map's service sources, GeoJSON at an address, the notices).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ServiceFailure } from '../user-data/services/service-failure'

export type { ServiceFailure }

export const useServiceStatusStore = defineStore('service-status', () => {
  const failures = ref<Record<string, ServiceFailure>>({})
  function setStatus(layerId: string, failure: ServiceFailure | null) {
    const current = failures.value[layerId]
    if (!failure) {
      if (!current) return
      const next = { ...failures.value }
      delete next[layerId]
      failures.value = next
    } else if (current?.reason !== failure.reason) failures.value = { ...failures.value, [layerId]: failure }
  }
  return { failures, setStatus }
})
