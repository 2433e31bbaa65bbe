/**
 * The warnings (预警) of the data the app holds now — the built-in sample or the user's replacement —
 * computed by the pure rules in src/domain/warnings/warnings.ts, placed in the current townships, sorted by
 * severity then date. The panel, the area panel, the CSV and the print view read this one list.
 */
import { computed } from 'vue'
import { useLayersStore } from '../stores/layers'
import { useIndicatorsStore } from '../stores/indicators'
import type { Provenance } from '../domain/types'
import {
  airStationsFrom,
  airWarnings,
  noticesByTown,
  placeInTowns,
  sortWarnings,
  warningsByTown,
  waterSectionsFrom,
  waterWarnings,
} from '../domain/warnings/warnings'

/** The layers the rules read, by capability: air stations' readings and the national sections' monthly classes. */
export const WARNING_SOURCES = { air: 'readings', water: 'waterClasses' } as const

export function useWarnings() {
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  const stations = computed(() => airStationsFrom(layers.dataWithCapability(WARNING_SOURCES.air)))
  const warnings = computed(() => {
    const air = airWarnings(
      stations.value,
      layers.idWithCapability(WARNING_SOURCES.air) ?? '',
      layers.metaWithCapability(WARNING_SOURCES.air)?.provenance ?? 'sample',
      // A user's readings table carries its year (src/user-data/tables/readings-table.ts); the sample is 2022.
      Number(layers.dataWithCapability(WARNING_SOURCES.air)?.features[0]?.properties?.year) || 2022,
    )
    const water = waterWarnings(
      waterSectionsFrom(layers.dataWithCapability(WARNING_SOURCES.water)),
      layers.idWithCapability(WARNING_SOURCES.water) ?? '',
      layers.metaWithCapability(WARNING_SOURCES.water)?.provenance ?? 'sample',
    )
    return sortWarnings(placeInTowns([...air, ...water], indicators.areas))
  })
  /** Whether any station has daily values (the 24-hour rule can only run on those). */
  const hasDaily = computed(() => stations.value.some((s) => s.daily.length > 0))
  const byTown = computed(() => warningsByTown(warnings.value))
  /** Of those, the monthly notices (not a statutory limit): the area panel says what its count is. */
  const noticesByTownCount = computed(() => noticesByTown(warnings.value))
  /** The badge for counts drawn from both sources: sample if either is sample data. */
  const provenance = computed<Provenance>(() => {
    const kinds = [
      layers.metaWithCapability(WARNING_SOURCES.air)?.provenance,
      layers.metaWithCapability(WARNING_SOURCES.water)?.provenance,
    ]
    return kinds.includes('sample') ? 'sample' : (kinds.find((k) => k !== undefined) ?? 'sample')
  })
  return { warnings, hasDaily, byTown, noticesByTown: noticesByTownCount, provenance }
}
