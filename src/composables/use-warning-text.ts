/**
 * Words for the warnings (src/composables/use-warnings.ts): each one's sentence, severity and township
 * name in the current language, and the list as CSV. Apart from the warnings themselves because only
 * the warnings tab and the print view read them, after the first view; the area panel needs the counts only.
 */
import { toCsv } from '../domain/text/export-table'
import type { EnvWarning } from '../domain/warnings/warnings'
import { useAreaNames } from './use-area-names'
import { useLocaleText } from './use-locale-text'

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
