/**
 * Warnings (预警) from the readings and water classes the app holds, by fixed rules:
 *
 * - a station-day over a GB 3095-2012 Level II daily limit (24-hour means: PM2.5 75, PM10 150 μg/m³;
 *   O3 has no 24-hour limit: its daily maximum 8-hour mean, 160 μg/m³), where the data has daily
 *   values — a legal exceedance of the daily limit;
 * - a station-month whose mean is above the Level II ANNUAL limit (PM2.5 35, PM10 70) — a signal,
 *   not a legal exceedance (an annual limit applies to a year's mean), and labelled so;
 * - a water section with a month worse than its target class. The report gives no target, only
 *   that the two national sections averaged class Ⅲ; Ⅲ is this app's assumption unless the
 *   section's data gives its own (`limitAssumed` says which).
 *
 * Daily warnings are the only ones against a statutory limit; the monthly ones (air and water) are
 * notices (isMonthlyNotice).
 *
 * Exactly at a limit is not over it ("超过" means greater than). Pure TypeScript: the panel, the
 * area panel, the CSV and the print view all take the same list.
 */
import type { FeatureCollection, Point } from 'geojson'
import type { Provenance } from '../types'
import { compareCodeUnits } from '../text/code-order'
import { townOfPoints, type TownArea } from '../geometry/aggregate'

export type WarningKind = 'air-daily' | 'air-monthly-mean' | 'water-class'
export type WarningSeverity = 'high' | 'medium' | 'notice'
export type WarningPollutant = 'pm25' | 'pm10' | 'o3_8h'

/** GB 3095-2012 Level II daily limits, μg/m³: 24-hour means; O3 has none, so its daily maximum 8-hour mean. */
export const LEVEL_II_24H: Readonly<Record<WarningPollutant, number>> = { pm25: 75, pm10: 150, o3_8h: 160 }
/**
 * GB 3095-2012 Level II annual limits, μg/m³. O3 has none; its year is usually judged (HJ 663-2013)
 * by the 90th percentile of daily maximum 8-hour means against 160.
 */
export const LEVEL_II_ANNUAL: Readonly<Partial<Record<WarningPollutant, number>>> = { pm25: 35, pm10: 70 }
/**
 * The sections' target class (GB 3838-2002 Ⅲ) where a section does not give its own: this app's
 * assumption, not the report's (it gives an average class, Ⅲ, and no target).
 */
export const DEFAULT_TARGET_CLASS = 3

export const SEVERITY_RANK: Readonly<Record<WarningSeverity, number>> = { high: 0, medium: 1, notice: 2 }

export interface EnvWarning {
  id: string
  kind: WarningKind
  severity: WarningSeverity
  /** YYYY-MM-DD for a day, YYYY-MM for a month. */
  date: string
  /** The layer and feature to fly to and select. */
  layerId: string
  featureId: string
  name: { zh: string; en: string }
  lngLat: [number, number]
  townCode: string | null
  /** The pollutant for air warnings; null for water. */
  pollutant: WarningPollutant | null
  /** The concentration (μg/m³) or the water class (1–6, 6 = 劣Ⅴ). */
  value: number
  /** The limit (μg/m³) or the target class. */
  limit: number
  /** True where the limit is this app's assumption (a water section's default class Ⅲ), not a statute or the data's. */
  limitAssumed: boolean
  provenance: Provenance
}

export interface AirStationInput {
  id: string
  name: { zh: string; en: string }
  lngLat: [number, number]
  townCode: string | null
  /** Monthly means by pollutant, index 0 = first month of `year`. */
  monthly: Partial<Record<WarningPollutant, readonly (number | null)[]>>
  /** Daily values, where the data has them. */
  daily: readonly { date: string; pm25?: number | null; pm10?: number | null; o3_8h?: number | null }[]
}

export interface WaterSectionInput {
  id: string
  name: { zh: string; en: string }
  lngLat: [number, number]
  townCode: string | null
  /** Monthly class numbers 1–6, index 0 = first month of `year`. */
  monthlyClasses: readonly (number | null)[]
  targetClass: number
  /** True when the section's data gave no target and targetClass is DEFAULT_TARGET_CLASS. */
  targetAssumed: boolean
}

const month = (year: number, index: number) => `${year}-${String(index + 1).padStart(2, '0')}`
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

export function airWarnings(
  stations: readonly AirStationInput[],
  layerId: string,
  provenance: Provenance,
  year = 2022,
): EnvWarning[] {
  const out: EnvWarning[] = []
  for (const s of stations) {
    const base = { layerId, featureId: s.id, name: s.name, lngLat: s.lngLat, townCode: s.townCode, provenance }
    for (const day of s.daily) {
      for (const pollutant of ['pm25', 'pm10', 'o3_8h'] as const) {
        const value = day[pollutant]
        const limit = LEVEL_II_24H[pollutant]
        if (finite(value) && value > limit)
          out.push({
            ...base,
            id: `${s.id}:${day.date}:${pollutant}`,
            kind: 'air-daily',
            severity: 'high',
            date: day.date,
            pollutant,
            value,
            limit,
            limitAssumed: false,
          })
      }
    }
    for (const pollutant of ['pm25', 'pm10'] as const) {
      const limit = LEVEL_II_ANNUAL[pollutant]!
      s.monthly[pollutant]?.forEach((value, index) => {
        if (!finite(value) || value <= limit) return
        const date = month(year, index)
        out.push({
          ...base,
          id: `${s.id}:${date}:${pollutant}:mean`,
          kind: 'air-monthly-mean',
          severity: 'notice',
          date,
          pollutant,
          value,
          limit,
          limitAssumed: false,
        })
      })
    }
  }
  return out
}

export function waterWarnings(
  sections: readonly WaterSectionInput[],
  layerId: string,
  provenance: Provenance,
  year = 2022,
): EnvWarning[] {
  return sections.flatMap((s) =>
    s.monthlyClasses.flatMap((value, index): EnvWarning[] => {
      if (!finite(value) || value <= s.targetClass) return []
      const date = month(year, index)
      return [
        {
          id: `${s.id}:${date}:class`,
          kind: 'water-class',
          severity: value >= 5 ? 'high' : 'medium',
          date,
          layerId,
          featureId: s.id,
          name: s.name,
          lngLat: s.lngLat,
          townCode: s.townCode,
          pollutant: null,
          value,
          limit: s.targetClass,
          limitAssumed: s.targetAssumed,
          provenance,
        },
      ]
    }),
  )
}

/** Most severe first; within a severity the latest first; then by place and id, so the order is stable. */
export function sortWarnings(warnings: readonly EnvWarning[]): EnvWarning[] {
  return [...warnings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareCodeUnits(b.date, a.date) ||
      compareCodeUnits(a.featureId, b.featureId) ||
      compareCodeUnits(a.id, b.id),
  )
}

function pointOf(feature: FeatureCollection['features'][number]): [number, number] | null {
  const g = feature.geometry as Point | null
  return g?.type === 'Point' && finite(g.coordinates[0]) && finite(g.coordinates[1])
    ? [g.coordinates[0], g.coordinates[1]]
    : null
}

function nameOf(p: Record<string, unknown>, id: string) {
  const zh = typeof p.name === 'string' ? p.name : id
  return { zh, en: typeof p.name_en === 'string' ? p.name_en : zh }
}

const series = (v: unknown) => (Array.isArray(v) ? v.map((x) => (finite(x) ? x : null)) : undefined)

/**
 * Air stations of a monitoring-points collection (kind "air", points): monthly `pm25` / `pm10`
 * arrays, and an optional `daily` array of { date, pm25, pm10, o3_8h } (the built-in sample has none).
 */
export function airStationsFrom(collection: FeatureCollection | null | undefined): AirStationInput[] {
  return (collection?.features ?? []).flatMap((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>
    const lngLat = pointOf(f)
    if (p.kind !== 'air' || !lngLat) return []
    const id = String(p.id ?? f.id ?? '')
    const daily = Array.isArray(p.daily)
      ? (p.daily as unknown[]).flatMap((d) => {
          const day = d as Record<string, unknown>
          if (typeof day?.date !== 'string') return []
          return [
            {
              date: day.date,
              pm25: series([day.pm25])?.[0],
              pm10: series([day.pm10])?.[0],
              o3_8h: series([day.o3_8h ?? day.o3])?.[0],
            },
          ]
        })
      : []
    const monthly = { pm25: series(p.pm25), pm10: series(p.pm10) }
    const townCode = typeof p.town_code === 'string' ? p.town_code : null
    return [{ id, name: nameOf(p, id), lngLat, townCode, monthly, daily }]
  })
}

/** Water sections with `monthly_classes` (1–6) and an optional `target_class`. */
export function waterSectionsFrom(collection: FeatureCollection | null | undefined): WaterSectionInput[] {
  return (collection?.features ?? []).flatMap((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>
    const lngLat = pointOf(f)
    const monthlyClasses = series(p.monthly_classes)
    if (!lngLat || !monthlyClasses) return []
    const id = String(p.id ?? f.id ?? '')
    const targetAssumed = !finite(p.target_class)
    const targetClass = finite(p.target_class) ? p.target_class : DEFAULT_TARGET_CLASS
    const townCode = typeof p.town_code === 'string' ? p.town_code : null
    return [{ id, name: nameOf(p, id), lngLat, townCode, monthlyClasses, targetClass, targetAssumed }]
  })
}

/**
 * Whether a warning is a monthly notice rather than a daily value over a statutory limit: a
 * monthly mean above an annual limit, or a month of water worse than its (usually assumed) target.
 */
export function isMonthlyNotice(warning: Pick<EnvWarning, 'kind'>): boolean {
  return warning.kind !== 'air-daily'
}

/** Warnings per township code (warnings without a township are left out). */
export function warningsByTown(warnings: readonly EnvWarning[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const w of warnings) if (w.townCode) counts[w.townCode] = (counts[w.townCode] ?? 0) + 1
  return counts
}

/** The monthly notices among each township's warnings (see isMonthlyNotice). */
export function noticesByTown(warnings: readonly EnvWarning[]): Record<string, number> {
  return warningsByTown(warnings.filter(isMonthlyNotice))
}

/**
 * Each warning's township from the current township geometry (so real boundaries, once imported,
 * move it); the data's own town_code is kept only where the point is in no township.
 */
export function placeInTowns(warnings: readonly EnvWarning[], towns: readonly TownArea[]): EnvWarning[] {
  if (towns.length === 0) return [...warnings]
  const codes = townOfPoints(
    warnings.map((w) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: w.lngLat } })),
    towns,
  )
  return warnings.map((w, i) => ({ ...w, townCode: codes[i] ?? w.townCode }))
}
