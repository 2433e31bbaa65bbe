/**
 * What is loaded: the manifest, each layer's FeatureCollection, the other JSON files and the
 * report's figures, plus what is derived from them (township indicators).
 * Big data is held raw (markRaw in a shallowRef): deep reactivity over thousands of coordinates
 * would cost seconds and buys nothing, since the map adapter copies data into MapLibre anyway.
 */
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { FeatureCollection } from 'geojson'
import type { Manifest, ManifestEntry } from '../domain/manifest'
import type { ReportFigure } from '../domain/types'
import { parseReportFigures } from '../domain/report'
import { featureKey } from '../domain/feature-key'
import { townAreasFrom } from '../domain/aggregate'
import { computeTownIndicators, monthlyEnforcement, type TownIndicatorRow } from '../domain/indicators'
import type { SearchTown, SearchVillage } from '../domain/search'
import { loadGeoJsonEntry, loadJsonEntry, loadManifest } from '../data/geo-loader'
import { LAYER_DEFINITIONS } from '../layers/registry'
import type { LayerDefinition } from '../layers/types'
import { userLayerDefinition } from '../layers/user-layer'

export interface EnforcementAggregate {
  months: [number, number]
  inspections: Record<string, number>
  cases: Record<string, number>
  monthly: Record<string, { inspections: number[]; cases: number[] }>
}

export const useDataStore = defineStore('data', () => {
  const status = ref<'idle' | 'loading' | 'ready' | 'failed'>('idle')
  const manifest = shallowRef<Manifest | null>(null)
  /** Layer id → data; replaced as a whole so watchers see one change per load. */
  const layers = shallowRef<Record<string, FeatureCollection>>({})
  /** Non-spatial files by manifest id (town-indicators, plan-2023, villages). */
  const documents = shallowRef<Record<string, unknown>>({})
  const figures = shallowRef<readonly ReportFigure[]>([])
  /** Messages a person can act on: which file, what went wrong. */
  const errors = ref<string[]>([])

  function setLayer(id: string, data: FeatureCollection) {
    layers.value = { ...layers.value, [id]: markRaw(data) }
  }

  /** Built-in entries whose data the user replaced: what the panels and badges must now say. */
  const replaced = ref<Record<string, { fileName: string; featureCount: number }>>({})
  /** Layers the user added from files, declared at run time like the built-in ones. */
  const userDefinitions = shallowRef<LayerDefinition[]>([])

  function entry(id: string): ManifestEntry | undefined {
    const builtIn = manifest.value?.entries.find((e) => e.id === id)
    const replacement = replaced.value[id]
    if (builtIn && replacement) {
      return {
        ...builtIn,
        provenance: 'user',
        caveat: {
          zh: `已用您的文件 ${replacement.fileName} 替换`,
          en: `Replaced with your file ${replacement.fileName}`,
        },
        source: replacement.fileName,
        licence: '—',
        featureCount: replacement.featureCount,
      }
    }
    return builtIn
  }

  /** Every layer declaration, built-in and user, in draw order. */
  const definitions = computed(() => [...LAYER_DEFINITIONS, ...userDefinitions.value].sort((a, b) => a.order - b.order))
  function definition(id: string): LayerDefinition | undefined {
    return definitions.value.find((d) => d.id === id)
  }

  /** Replaces a built-in layer's data with a user's; nothing else changes. Returns the layer id. */
  function replaceLayer(id: string, collection: FeatureCollection, fileName: string) {
    setLayer(id, collection)
    replaced.value = { ...replaced.value, [id]: { fileName, featureCount: collection.features.length } }
  }

  /** Adds a user's file as a new layer; returns its id. */
  function addUserLayer(collection: FeatureCollection, fileName: string): string {
    const index = userDefinitions.value.length
    const id = `user-${index + 1}`
    const geometryTypes = [...new Set(collection.features.flatMap((f) => (f.geometry ? [f.geometry.type] : [])))]
    userDefinitions.value = [...userDefinitions.value, userLayerDefinition({ id, fileName, index, geometryTypes })]
    // Selections and share links name a feature by its id or code; give one to features without.
    const keyed: FeatureCollection = {
      type: 'FeatureCollection',
      features: collection.features.map((f, i) =>
        featureKey(f.properties) === null ? { ...f, properties: { ...f.properties, id: `${id}-${i}` } } : f,
      ),
    }
    setLayer(id, keyed)
    return id
  }

  async function loadEntry(item: ManifestEntry) {
    if (item.kind === 'geojson') {
      const result = await loadGeoJsonEntry(item)
      if (result.ok) setLayer(item.id, result.value)
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

  const townAreas = computed(() => (layers.value.towns ? townAreasFrom(layers.value.towns) : []))

  /**
   * Inspection and case counts per township from the aggregation worker, over the chosen months;
   * null until it answers (the main-thread count stands in until then).
   */
  const enforcementAggregate = shallowRef<EnforcementAggregate | null>(null)
  /** Points the inspection density currently draws (worker count, for the legend and tests). */
  const densityTotal = ref<number | null>(null)
  function setEnforcementAggregate(aggregate: EnforcementAggregate) {
    enforcementAggregate.value = markRaw(aggregate)
  }

  const indicatorInput = computed(() => ({
    towns: townAreas.value,
    // Once the worker has counted the inspections, the main thread does not count them again.
    enforcement: enforcementAggregate.value ? undefined : layers.value.enforcement,
    monitoring: layers.value['monitoring-points'],
    table: (documents.value['town-indicators'] as { towns?: TownIndicatorRow[] } | undefined)?.towns,
  }))
  /** Every indicator for every township, recomputed when the towns or the points change. */
  const townIndicators = computed(() => {
    const values = computeTownIndicators(indicatorInput.value)
    const aggregate = enforcementAggregate.value
    if (!aggregate) return values
    return Object.fromEntries(
      Object.entries(values).map(([code, row]) => [
        code,
        {
          ...row,
          inspections: aggregate.inspections[code] ?? row.inspections,
          cases: aggregate.cases[code] ?? row.cases,
        },
      ]),
    ) as typeof values
  })
  const townMonthly = computed(() => enforcementAggregate.value?.monthly ?? monthlyEnforcement(indicatorInput.value))

  const searchTowns = computed<SearchTown[]>(() => {
    const seats = layers.value.seats?.features ?? []
    const names = (documents.value.villages as { towns?: Omit<SearchTown, 'seat'>[] } | undefined)?.towns ?? []
    return names.flatMap((town) => {
      const seat = seats.find((s) => s.properties?.code === town.code)
      return seat?.geometry.type === 'Point' ? [{ ...town, seat: seat.geometry.coordinates as [number, number] }] : []
    })
  })
  const searchVillages = computed<SearchVillage[]>(
    () => (documents.value.villages as { villages?: SearchVillage[] } | undefined)?.villages ?? [],
  )

  return {
    status,
    manifest,
    layers,
    documents,
    figures,
    errors,
    replaced,
    definitions,
    entry,
    definition,
    setLayer,
    replaceLayer,
    addUserLayer,
    loadAll,
    townAreas,
    townIndicators,
    townMonthly,
    searchTowns,
    searchVillages,
    enforcementAggregate,
    setEnforcementAggregate,
    densityTotal,
  }
})
