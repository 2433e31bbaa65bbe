/**
 * The small monthly chart beside a tour stop's caption: the stop's own indicator, month by month,
 * where the data has a series for it — the readings of a heatmap stop (district mean over the air
 * stations), or the inspections or cases of an enforcement stop (its township, or the district).
 * Category indicators (low-carbon, zero-discharge) have no series, and neither does a stop without
 * an indicator: no chart is better than a chart of something else.
 *
 * Pure TypeScript.
 */
import type { FeatureCollection } from 'geojson'
import type { Bilingual, TourStop } from './tour-script'

export interface StopSeries {
  label: Bilingual
  unit: string
  /** January first; as many months as the data holds (ten for the report's Jan–Oct). */
  values: number[]
  colour: string
}

export interface StopSeriesInput {
  /** Area code → monthly inspections and cases (the indicators store's monthlyByArea). */
  monthlyByArea: Readonly<Record<string, { inspections: number[]; cases: number[] }>>
  /** monitoring-points.geojson: air stations carry monthly pm25, pm10 and o3 arrays. */
  stations?: FeatureCollection
}

const READING_SERIES: Readonly<Record<string, { key: string; label: Bilingual; colour: string }>> = {
  pm25: { key: 'pm25', label: { zh: 'PM2.5', en: 'PM2.5' }, colour: '#f97316' },
  pm10: { key: 'pm10', label: { zh: 'PM10', en: 'PM10' }, colour: '#eab308' },
  o3_8h: { key: 'o3', label: { zh: 'O₃', en: 'O₃' }, colour: '#38bdf8' },
}

const COUNT_SERIES: Readonly<Record<string, { label: Bilingual; unit: string; colour: string }>> = {
  inspections: { label: { zh: '执法检查', en: 'Inspections' }, unit: '家次', colour: '#94a3b8' },
  cases: { label: { zh: '办理案件', en: 'Cases' }, unit: '件', colour: '#fb923c' },
}

/** Month-by-month mean over the air stations, to one decimal; empty when no station has the series. */
export function districtMonthlyMean(stations: FeatureCollection | undefined, key: string): number[] {
  const series = (stations?.features ?? [])
    .filter((f) => f.properties?.kind === 'air')
    .map((f) => f.properties?.[key])
    .filter((v): v is number[] => Array.isArray(v) && v.every((n) => typeof n === 'number' && Number.isFinite(n)))
  if (series.length === 0) return []
  const months = Math.min(...series.map((s) => s.length))
  const meanOf = (m: number) => series.reduce((sum, s) => sum + s[m]!, 0) / series.length
  return [...Array(months)].map((_, m) => Math.round(meanOf(m) * 10) / 10)
}

/** Sums per-area monthly series month by month. */
function sumMonthly(rows: readonly number[][]): number[] {
  const months = Math.max(0, ...rows.map((r) => r.length))
  return [...Array(months)].map((_, m) => rows.reduce((sum, r) => sum + (r[m] ?? 0), 0))
}

export function stopSeries(stop: TourStop, input: StopSeriesInput): StopSeries | null {
  if (stop.heatmap) {
    const reading = READING_SERIES[stop.heatmap.pollutant]
    if (!reading) return null
    const values = districtMonthlyMean(input.stations, reading.key)
    return values.length ? { label: reading.label, unit: 'μg/m³', values, colour: reading.colour } : null
  }
  const count = stop.indicator ? COUNT_SERIES[stop.indicator] : undefined
  if (!count || !stop.indicator) return null
  const kind = stop.indicator as 'inspections' | 'cases'
  const values =
    'town' in stop.target
      ? (input.monthlyByArea[stop.target.town]?.[kind] ?? [])
      : sumMonthly(Object.values(input.monthlyByArea).map((area) => area[kind]))
  return values.length ? { label: count.label, unit: count.unit, values: [...values], colour: count.colour } : null
}
