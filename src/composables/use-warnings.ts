/**
 * The warnings (预警) of the data the app holds now — the built-in sample or the user's replacement —
 * computed by the pure rules in src/domain/warnings/warnings.ts, placed in the current townships, sorted by
 * severity then date. The panel, the area panel, the CSV and the print view read this one list.
 */
import { computed } from 'vue'
import { useLayersStore } from '../stores/layers'
import { useIndicatorsStore } from '../stores/indicators'
import { toCsv } from '../domain/text/export-table'
import type { Provenance } from '../domain/types'
import { useLocaleText } from './use-locale-text'
import { useAreaNames } from './use-area-names'
import {
  type EnvWarning,
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

const WATER_CLASS_LABELS = ['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ', '劣Ⅴ']

/** Words for a warning in the current language: its sentence, severity and township name. */
export function useWarningText() {
  const { t, pick } = useLocaleText()
  const { nameOf } = useAreaNames()
  const pollutant = (w: EnvWarning) => (w.pollutant ? t(`heatmap.pollutants.${w.pollutant}`) : '')
  function describe(w: EnvWarning): string {
    if (w.kind === 'water-class')
      return t(w.limitAssumed ? 'warnings.waterAssumed' : 'warnings.water', {
        value: WATER_CLASS_LABELS[w.value - 1] ?? w.value,
        limit: WATER_CLASS_LABELS[w.limit - 1] ?? w.limit,
      })
    // O3 has no 24-hour limit: its daily value is the daily maximum 8-hour mean.
    const key =
      w.kind !== 'air-daily'
        ? 'warnings.airMonthly'
        : w.pollutant === 'o3_8h'
          ? 'warnings.airDailyO3'
          : 'warnings.airDaily'
    return t(key, { pollutant: pollutant(w), value: w.value.toFixed(1), limit: w.limit })
  }
  function townName(code: string | null): string {
    return code ? nameOf(code) : '—'
  }
  /** The list as CSV rows (UTF-8 with BOM via toCsv), one per warning, with its provenance. */
  function csv(warnings: readonly EnvWarning[]): string {
    const c = (k: string) => t(`warnings.columns.${k}`)
    const header = ['severity', 'date', 'place', 'town', 'kind', 'detail', 'value', 'limit', 'provenance'].map(c)
    return toCsv(
      [...header, 'lng', 'lat'],
      warnings.map((w) => [
        t(`warnings.severity.${w.severity}`),
        w.date,
        pick(w.name),
        townName(w.townCode),
        t(`warnings.kind.${w.kind}`),
        describe(w),
        w.value,
        w.limit,
        t(`provenance.${w.provenance}`),
        w.lngLat[0],
        w.lngLat[1],
      ]),
    )
  }
  return { describe, townName, csv }
}
