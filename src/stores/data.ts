/**
 * Loading public/geo: the manifest, then every file it lists. Layer data goes to the layers store
 * (one record per layer); the non-spatial documents (town indicators, the 2023 plan, villages) and
 * the report's figures stay here. Big data is held raw (markRaw in a shallowRef).
 */
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { Manifest, ManifestEntry } from '../domain/manifest'
import type { ReportFigure } from '../domain/types'
import { parseReportFigures } from '../domain/report/report'
import type { SearchTown, SearchVillage } from '../domain/places/search'
import { loadGeoJsonEntry, loadJsonEntry, loadManifest } from '../io/geo-loader'
import { useLayersStore } from './layers'

export const useDataStore = defineStore('data', () => {
  const layers = useLayersStore()
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const manifest = shallowRef<Manifest | null>(null)
  /** Non-spatial files by manifest id (town-indicators, plan-2023, villages). */
  const documents = shallowRef<Record<string, unknown>>({})
  const figures = shallowRef<readonly ReportFigure[]>([])
  /** Messages a person can act on: which file, what went wrong. */
  const errors = ref<string[]>([])

  async function loadEntry(item: ManifestEntry) {
    if (item.kind === 'geojson') {
      const result = await loadGeoJsonEntry(item, undefined, layers.record(item.id)?.spec.data)
      if (result.ok) layers.setBuiltData(item.id, result.value, item)
      else errors.value = [...errors.value, result.error]
      return
    }
    const result = await loadJsonEntry(item)
    if (!result.ok) {
      errors.value = [...errors.value, result.error]
      return
    }
    if (item.id === 'report') {
      const parsed = parseReportFigures((result.value as { figures?: unknown }).figures)
      figures.value = markRaw(parsed.figures)
      if (parsed.errors.length) errors.value = [...errors.value, ...parsed.errors.map((e) => `report.json: ${e}`)]
    } else {
      documents.value = { ...documents.value, [item.id]: markRaw(result.value as object) }
    }
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
    await Promise.all(manifestResult.value.entries.map(loadEntry))
    status.value = 'ready'
  }

  /** Township names for search, each at its seat (the area layer's label points). */
  const searchTowns = computed<SearchTown[]>(() => {
    const seats = layers.dataWithCapability('areaSeats')?.features ?? []
    const names = (documents.value.villages as { towns?: Omit<SearchTown, 'seat'>[] } | undefined)?.towns ?? []
    return names.flatMap((town) => {
      const seat = seats.find((s) => s.properties?.code === town.code)
      return seat?.geometry.type === 'Point' ? [{ ...town, seat: seat.geometry.coordinates as [number, number] }] : []
    })
  })
  const searchVillages = computed<SearchVillage[]>(
    () => (documents.value.villages as { villages?: SearchVillage[] } | undefined)?.villages ?? [],
  )

  /** The bounding box the build wrote for the whole district (the layer with the extent capability). */
  const extentBbox = computed(() => {
    const id = layers.idWithCapability('extent')
    return manifest.value?.entries.find((e) => e.id === id)?.bbox ?? null
  })

  return { status, manifest, documents, figures, errors, loadAll, searchTowns, searchVillages, extentBbox }
})
