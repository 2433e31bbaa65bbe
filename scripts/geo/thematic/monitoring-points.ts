/**
 * monitoring-points.geojson (sample): monitors of four kinds, all invented in position and (for
 * air) in readings, none claiming to be a real station:
 *  - air: one per township, monthly means from generateAirSample's stationMonthly, 1 decimal;
 *  - water-auto: at the two national-control sections (co-located; no extra stations invented);
 *  - enterprise-online and dust: the report's 2023 plan names 企业污染源在线监控 and 重点路段扬尘自动监控
 *    without numbers, so a small, obviously-labelled sample (12 and 8) is scattered by township area.
 */
import type { Feature, Point } from 'geojson'
import { createRandom, deriveSeed } from '../../../src/domain/samples/random'
import {
  AIR_REPORT_FIGURES,
  generateAirSample,
  SAMPLE_SEEDS,
  DUST_MONITOR_COUNT,
  ENTERPRISE_MONITOR_COUNT,
  type StationMonthlyMean,
} from '../../../src/domain/samples'
import type { PlacedSection } from './national-sections'
import { randomPointInPolygon, scatterByArea, townContaining } from './place'
import type { GeoOutput, TownArea } from './types'

export type MonitorKind = 'air' | 'water-auto' | 'enterprise-online' | 'dust'

export interface MonitoringPointProperties {
  id: string
  kind: MonitorKind
  name: string
  name_en: string
  town_code: string | null
  approximate: true
  sample: true
  /** Water-auto only: the national-control section it shares a place with. */
  section_id?: string
  /** Air only: Jan..Oct 2022 monthly means, μg/m³, 1 decimal (O3: mean of daily maximum 8-hour means). */
  pm25?: number[]
  pm10?: number[]
  o3?: number[]
}

/** Sample sizes: small enough to read as illustration, not an inventory. */

const oneDecimal = (value: number): number => Math.round(value * 10) / 10
const pad2 = (n: number): string => String(n).padStart(2, '0')

function point(
  properties: MonitoringPointProperties,
  lngLat: [number, number],
): Feature<Point, MonitoringPointProperties> {
  return { type: 'Feature', id: properties.id, properties, geometry: { type: 'Point', coordinates: lngLat } }
}

/**
 * District Jan–Oct mean of the rounded station means (mean over stations, then over months),
 * rounded to an integer: must still give the report's 26 and 45, or the rounding has drifted.
 */
export function districtMeanOfRoundedStations(series: readonly number[][]): number {
  const months = series[0]?.length ?? 0
  let total = 0
  for (let m = 0; m < months; m++) total += series.reduce((sum, s) => sum + (s[m] ?? 0), 0) / series.length
  return total / months
}

function airStations(towns: readonly TownArea[]): Feature<Point, MonitoringPointProperties>[] {
  const stations = towns.map((t) => ({ id: `air-${t.code}`, townCode: t.code }))
  const air = generateAirSample({ seed: SAMPLE_SEEDS.air, stations })
  const random = createRandom(deriveSeed(SAMPLE_SEEDS.air, 'air-station-places'))
  const monthlyOf = (id: string, key: keyof Pick<StationMonthlyMean, 'pm25' | 'pm10' | 'o3_8h'>): number[] =>
    air.stationMonthly
      .filter((s) => s.stationId === id)
      .sort((a, b) => a.month - b.month)
      .map((s) => oneDecimal(s[key]))
  const features = towns.map((town) => {
    const id = `air-${town.code}`
    return point(
      {
        id,
        kind: 'air',
        name: `空气监测（示例）· ${town.name}`,
        name_en: `Sample air monitor · ${town.nameEn}`,
        town_code: town.code,
        approximate: true,
        sample: true,
        pm25: monthlyOf(id, 'pm25'),
        pm10: monthlyOf(id, 'pm10'),
        o3: monthlyOf(id, 'o3_8h'),
      },
      randomPointInPolygon(town.feature, random),
    )
  })
  for (const [key, want] of [
    ['pm25', AIR_REPORT_FIGURES.pm25Mean],
    ['pm10', AIR_REPORT_FIGURES.pm10Mean],
  ] as const) {
    const got = Math.round(districtMeanOfRoundedStations(features.map((f) => f.properties[key] ?? [])))
    if (got !== want)
      throw new Error(`monitoring-points: rounded station ${key} means average to ${got}, not the report's ${want}`)
  }
  return features
}

function waterAutoMonitors(
  towns: readonly TownArea[],
  sections: readonly PlacedSection[],
): Feature<Point, MonitoringPointProperties>[] {
  return sections.map((s) =>
    point(
      {
        id: `water-auto-${s.section.id}`,
        kind: 'water-auto',
        name: `${s.section.name.zh}水质自动监测（示例，与国控断面同址）`,
        name_en: `${s.section.name.en} automatic water monitor (sample, at the national control section)`,
        town_code: townContaining(towns, s.point),
        approximate: true,
        sample: true,
        section_id: s.section.id,
      },
      s.point,
    ),
  )
}

function scatteredMonitors(
  towns: readonly TownArea[],
  kind: 'enterprise-online' | 'dust',
  count: number,
  seed: number,
): Feature<Point, MonitoringPointProperties>[] {
  const label =
    kind === 'enterprise-online'
      ? { zh: '企业在线监控（示例）', en: 'Sample enterprise online monitor', id: 'enterprise' }
      : { zh: '扬尘监控（示例）', en: 'Sample dust monitor', id: 'dust' }
  const random = createRandom(deriveSeed(seed, `${kind}-monitor-places`))
  return scatterByArea(count, towns, random).map((placed, i) =>
    point(
      {
        id: `${label.id}-${pad2(i + 1)}`,
        kind,
        name: `${label.zh}${pad2(i + 1)}`,
        name_en: `${label.en} ${pad2(i + 1)}`,
        town_code: placed.townCode,
        approximate: true,
        sample: true,
      },
      placed.lngLat,
    ),
  )
}

export function buildMonitoringPoints(towns: readonly TownArea[], sections: readonly PlacedSection[]): GeoOutput {
  return {
    features: [
      ...airStations(towns),
      ...waterAutoMonitors(towns, sections),
      ...scatteredMonitors(towns, 'enterprise-online', ENTERPRISE_MONITOR_COUNT, SAMPLE_SEEDS.enforcement),
      ...scatteredMonitors(towns, 'dust', DUST_MONITOR_COUNT, SAMPLE_SEEDS.air),
    ],
  }
}
