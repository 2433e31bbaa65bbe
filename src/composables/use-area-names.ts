/**
 * The area layer's units (the townships) as the interface names them: each feature's code (the layer's
 * `areaUnit.codeProperty`) and its name in the current language. One reading for the town list, the
 * ranking, the month comparison, the area panel and the warnings, whichever layer is the area layer.
 */
import { computed } from 'vue'
import type { Feature } from 'geojson'
import { localisedName } from '../layers/style-helpers'
import { useLayersStore } from '../stores/layers'
import { useViewStore } from '../stores/view'

export interface AreaUnit {
  code: string
  name: string
  feature: Feature
}

export function useAreaNames() {
  const layers = useLayersStore()
  const view = useViewStore()
  const codeProperty = computed(() => layers.areaLayer?.spec.capabilities?.areaUnit?.codeProperty ?? 'code')
  const areas = computed<AreaUnit[]>(() =>
    (layers.areaLayer?.data?.features ?? []).map((feature) => ({
      code: String(feature.properties?.[codeProperty.value]),
      name: localisedName(feature.properties ?? {}, view.locale),
      feature,
    })),
  )
  const byCode = computed(() => new Map(areas.value.map((area) => [area.code, area])))
  /** The area's name in the current language; the code itself for a code no area has. */
  const nameOf = (code: string) => byCode.value.get(code)?.name || code
  return { areas, byCode, nameOf }
}
