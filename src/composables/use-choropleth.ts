/**
 * The towns choropleth: the chosen indicator's value per township, classified by the chosen method,
 * and a colour per township code. Category indicators (low-carbon, zero-discharge) use their own
 * categories instead of classes. The legend and the map read the same result, so they always agree.
 */
import { computed } from 'vue'
import { classOf, classify, parseManualBreaks, type Classification } from '../domain/classify'
import { INDICATORS, type IndicatorDefinition } from '../domain/indicators'
import type { Bilingual } from '../domain/types'
import { useDataStore } from '../stores/data'
import { useViewStore } from '../stores/view'

export interface CategoryLegend {
  value: string
  label: Bilingual
  colour: string
  count: number
}

export function useChoropleth() {
  const data = useDataStore()
  const view = useViewStore()

  const indicator = computed<IndicatorDefinition>(
    () => INDICATORS.find((i) => i.id === view.indicator) ?? INDICATORS[0]!,
  )
  const valuesByTown = computed(() =>
    Object.fromEntries(
      Object.entries(data.townIndicators).map(([code, row]) => [code, row[indicator.value.id] ?? null]),
    ),
  )
  const manualBreaks = computed(() => parseManualBreaks(view.manualBreaksText))

  const classification = computed<Classification | null>(() => {
    if (indicator.value.kind !== 'count') return null
    const values = Object.values(valuesByTown.value).map((v) => (typeof v === 'number' ? v : null))
    if (view.classification === 'manual') {
      if (manualBreaks.value.error || manualBreaks.value.breaks.length === 0)
        return classify(values, 'quantile', view.classCount)
      return classify(values, 'manual', manualBreaks.value.breaks.length + 1, manualBreaks.value.breaks)
    }
    return classify(values, view.classification, view.classCount)
  })

  const categories = computed<CategoryLegend[]>(() =>
    (indicator.value.categories ?? []).map((category) => ({
      ...category,
      count: Object.values(valuesByTown.value).filter((v) => v === category.value).length,
    })),
  )

  /** Township code → fill colour; townships without a value are left out (drawn unfilled). */
  const colours = computed<Record<string, string>>(() => {
    const result: Record<string, string> = {}
    for (const [code, value] of Object.entries(valuesByTown.value)) {
      if (classification.value && typeof value === 'number') {
        const index = classOf(value, classification.value)
        const colour = classification.value.classes[index]?.colour
        if (colour) result[code] = colour
      } else if (typeof value === 'string') {
        const colour = indicator.value.categories?.find((c) => c.value === value)?.colour
        if (colour) result[code] = colour
      }
    }
    return result
  })

  return { indicator, valuesByTown, classification, categories, colours, manualBreaks }
}
