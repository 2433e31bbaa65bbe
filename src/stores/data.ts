/**
 * What is loaded: the manifest, each layer's FeatureCollection and the report's figures.
 * Big data is held raw (markRaw in a shallowRef): deep reactivity over thousands of coordinates
 * would cost seconds and buys nothing, since the map adapter copies data into MapLibre anyway.
 */
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { FeatureCollection } from 'geojson'
import type { Manifest } from '../domain/manifest'
import type { ReportFigure } from '../domain/types'
import { parseReportFigures } from '../domain/report'
import { loadGeoJsonEntry, loadJsonEntry, loadManifest } from '../data/geo-loader'

export const useDataStore = defineStore('data', () => {
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const manifest = shallowRef<Manifest | null>(null)
  /** Layer id → data; replaced as a whole so watchers see one change per load. */
  const layers = shallowRef<Record<string, FeatureCollection>>({})
  const figures = shallowRef<readonly ReportFigure[]>([])
  /** Messages a person can act on: which file, what went wrong. */
  const errors = ref<string[]>([])

  function setLayer(id: string, data: FeatureCollection) {
    layers.value = { ...layers.value, [id]: markRaw(data) }
  }

  async function loadAll() {
    status.value = 'loading'
    const manifestResult = await loadManifest()
    if (!manifestResult.ok) {
      errors.value = [...errors.value, manifestResult.error]
      status.value = 'failed'
      return
    }
    manifest.value = markRaw(manifestResult.value)
    await Promise.all(
      manifestResult.value.entries.map(async (entry) => {
        if (entry.kind === 'geojson') {
          const result = await loadGeoJsonEntry(entry)
          if (result.ok) setLayer(entry.id, result.value)
          else errors.value = [...errors.value, result.error]
        } else if (entry.id === 'report') {
          const result = await loadJsonEntry(entry)
          if (!result.ok) {
            errors.value = [...errors.value, result.error]
            return
          }
          const parsed = parseReportFigures((result.value as { figures?: unknown }).figures)
          figures.value = markRaw(parsed.figures)
          if (parsed.errors.length) errors.value = [...errors.value, ...parsed.errors.map((e) => `report.json: ${e}`)]
        }
      }),
    )
    status.value = 'ready'
  }

  return { status, manifest, layers, figures, errors, setLayer, loadAll }
})
