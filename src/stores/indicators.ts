/**
 * What is derived from the loaded data for each area (township), computed once here: the indicator
 * values, the monthly inspection series, the worker's counts, and the choropleth of the chosen
 * indicator (classes, categories and a colour per area). The map, the legend, the area panel and the
 * export all read these same results, so they always agree.
 */
import { naturalBreaksWhenLoaded } from '../composables/natural-breaks-loader'
import { withUserLayerProvenance } from '../user-data/tables/user-layer-indicators'
import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { townAreasFrom } from '../domain/geometry/aggregate'
import { classOf, classify, parseManualBreaks, type Classification } from '../domain/classification/classify'
import {
  computeTownIndicators,
  INDICATORS,
  monthlyEnforcement,
  type IndicatorDefinition,
  type TownIndicatorRow,
} from '../domain/indicators/township-indicators'
import type { Bilingual } from '../domain/types'
import type { UserIndicator } from '../user-data/tables/user-indicators'
import { useDataStore } from './data'
import { useLayersStore } from './layers'

export interface EnforcementAggregate {
  months: [number, number]
  inspections: Record<string, number>
  cases: Record<string, number>
  monthly: Record<string, { inspections: number[]; cases: number[] }>
}

export interface CategoryLegend {
  value: string
  label: Bilingual
  colour: string
  count: number
}

/** Adds each user indicator's value (or null: no data) to every area's row. */
function withUserValues<T extends Record<string, Record<string, unknown>>>(
  rows: T,
  added: readonly UserIndicator[],
): T {
  if (added.length === 0) return rows
  for (const [code, row] of Object.entries(rows)) {
    for (const indicator of added) (row as Record<string, unknown>)[indicator.id] = indicator.values[code] ?? null
  }
  return rows
}

export const useIndicatorsStore = defineStore('indicators', () => {
  const layers = useLayersStore()
  const data = useDataStore()

  const areas = computed(() => {
    const collection = layers.areaLayer?.data
    return collection ? townAreasFrom(collection) : []
  })

  /** Inspection and case counts per area from the aggregation worker; null until it answers. */
  const enforcementAggregate = shallowRef<EnforcementAggregate | null>(null)
  /** The inspection density's points under the current filter (WGS84, lng/lat interleaved). */
  const densityPositions = shallowRef<Float64Array | null>(null)
  /** How many points the inspection density draws (worker count, for the legend and tests). */
  const densityTotal = ref<number | null>(null)
  function setEnforcementAggregate(aggregate: EnforcementAggregate) {
    enforcementAggregate.value = markRaw(aggregate)
  }
  function setDensity(positions: Float64Array | null, total: number | null) {
    densityPositions.value = positions ? markRaw(positions) : null
    densityTotal.value = total
  }

  const input = computed(() => ({
    towns: areas.value,
    // Once the worker has counted the inspections, the main thread does not count them again.
    enforcement: enforcementAggregate.value ? undefined : (layers.dataWithCapability('inspections') ?? undefined),
    monitoring: layers.dataWithCapability('readings') ?? undefined,
    table: (data.documents['town-indicators'] as { towns?: TownIndicatorRow[] } | undefined)?.towns,
  }))

  /** Columns of the user's tables joined to the areas by name (ImportDialog); each replaces one of the same id. */
  const userIndicators = shallowRef<readonly UserIndicator[]>([])
  function addUserIndicators(added: readonly UserIndicator[]) {
    const ids = new Set(added.map((indicator) => indicator.id))
    userIndicators.value = markRaw([...userIndicators.value.filter((i) => !ids.has(i.id)), ...added])
  }
  /** Takes the user's indicators away (本机数据's remove); a choropleth showing one goes back to the first built-in. */
  function removeUserIndicators(ids: readonly string[]) {
    const gone = new Set(ids)
    userIndicators.value = markRaw(userIndicators.value.filter((i) => !gone.has(i.id)))
    const areaId = layers.areaLayerId
    const shown = layers.areaLayer?.choropleth?.indicator
    if (areaId && shown && gone.has(shown)) layers.setChoropleth(areaId, { indicator: INDICATORS[0]!.id })
  }
  /** The built-in indicators, then the user's: what the legend offers and the area panel lists. */
  const definitions = computed<readonly IndicatorDefinition[]>(() => [
    // Counted from a layer the user's table replaced: the user's badge (src/user-data/tables/user-layer-indicators.ts).
    ...withUserLayerProvenance(INDICATORS, {
      inspections: layers.firstWithCapability('inspections')?.replacement?.fileName,
      readings: layers.firstWithCapability('readings')?.replacement?.fileName,
    }),
    ...userIndicators.value,
  ])

  /** Every indicator for every area. */
  const byArea = computed(() => {
    const values = withUserValues(computeTownIndicators(input.value), userIndicators.value)
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
  const monthlyByArea = computed(() => enforcementAggregate.value?.monthly ?? monthlyEnforcement(input.value))

  /** The choropleth of the area layer, as its style in the layers store asks. */
  const style = computed(() => layers.areaLayer?.choropleth ?? null)
  const indicator = computed<IndicatorDefinition>(
    () => definitions.value.find((i) => i.id === style.value?.indicator) ?? INDICATORS[0]!,
  )
  const valuesByArea = computed(() =>
    Object.fromEntries(Object.entries(byArea.value).map(([code, row]) => [code, row[indicator.value.id] ?? null])),
  )
  const manualBreaks = computed(() => parseManualBreaks(style.value?.manualBreaksText ?? ''))

  const classification = computed<Classification | null>(() => {
    if (indicator.value.kind !== 'count' || !style.value) return null
    const values = Object.values(valuesByArea.value).map((v) => (typeof v === 'number' ? v : null))
    const { method, classCount } = style.value
    if (method === 'natural-breaks') {
      // Quantiles meanwhile: the natural-breaks code loads on first use (this computed runs again then).
      const naturalBreaksOf = naturalBreaksWhenLoaded()
      return naturalBreaksOf
        ? classify(values, method, classCount, undefined, naturalBreaksOf)
        : classify(values, 'quantile', classCount)
    }
    if (method !== 'manual') return classify(values, method, classCount)
    const { breaks, error } = manualBreaks.value
    if (error || breaks.length === 0) return classify(values, 'quantile', classCount)
    return classify(values, 'manual', breaks.length + 1, breaks)
  })

  const categories = computed<CategoryLegend[]>(() =>
    (indicator.value.categories ?? []).map((category) => ({
      ...category,
      count: Object.values(valuesByArea.value).filter((v) => v === category.value).length,
    })),
  )

  /** Area code → fill colour; areas without a value are left out (drawn unfilled). */
  const colours = computed<Record<string, string>>(() => {
    const result: Record<string, string> = {}
    if (style.value?.coloured === false) return result
    for (const [code, value] of Object.entries(valuesByArea.value)) {
      if (classification.value && typeof value === 'number') {
        const colour = classification.value.classes[classOf(value, classification.value)]?.colour
        if (colour) result[code] = colour
      } else if (typeof value === 'string') {
        const colour = indicator.value.categories?.find((c) => c.value === value)?.colour
        if (colour) result[code] = colour
      }
    }
    return result
  })

  return {
    areas,
    userIndicators,
    addUserIndicators,
    removeUserIndicators,
    definitions,
    byArea,
    monthlyByArea,
    enforcementAggregate,
    densityPositions,
    densityTotal,
    setEnforcementAggregate,
    setDensity,
    indicator,
    valuesByArea,
    manualBreaks,
    classification,
    categories,
    colours,
  }
})
