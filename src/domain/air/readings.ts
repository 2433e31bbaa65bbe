/**
 * The readings heatmap's input: one weighted point per air station for the chosen pollutant and
 * month. AQI here is computed from the station's monthly means with the HJ 633 daily tables — an
 * indication of the month's level, not an official monthly AQI (which does not exist).
 */
import { ownValue } from '../text/own-keys'
import type { Feature, FeatureCollection, Point } from 'geojson'
import { aqi } from './aqi'
import type { ReadingsPollutant } from './pollutant-scale'

/** An air station's value of one pollutant in one month (1 = January); null where it has none. */
export function stationValue(
  properties: Record<string, unknown>,
  pollutant: ReadingsPollutant,
  month: number,
): number | null {
  const valueOf = (key: string): number | null => {
    const series = ownValue(properties, key)
    const value = Array.isArray(series) ? series[month - 1] : undefined
    return typeof value === 'number' && Number.isFinite(value) ? value : null
  }
  const pm25 = valueOf('pm25')
  const pm10 = valueOf('pm10')
  const o3 = valueOf('o3')
  if (pollutant === 'pm25') return pm25
  if (pollutant === 'pm10') return pm10
  if (pollutant === 'o3_8h') return o3
  return pm25 !== null && pm10 !== null && o3 !== null ? aqi({ pm25, pm10, o3_8h: o3 }) : null
}

/** The air stations (points of kind 'air') of a readings collection. */
export function airStations(stations: FeatureCollection | undefined): Feature<Point>[] {
  return (stations?.features ?? []).filter(
    (f): f is Feature<Point> => f.properties?.kind === 'air' && f.geometry?.type === 'Point',
  )
}

export function stationReadings(
  stations: FeatureCollection | undefined,
  pollutant: ReadingsPollutant,
  month: number,
): { positions: Float64Array; values: Float32Array } {
  const rows = airStations(stations).flatMap((f) => {
    const value = stationValue((f.properties ?? {}) as Record<string, unknown>, pollutant, month)
    const coordinates = f.geometry.coordinates
    return value === null || !coordinates ? [] : [{ lng: coordinates[0]!, lat: coordinates[1]!, value }]
  })
  const positions = new Float64Array(rows.length * 2)
  const values = new Float32Array(rows.length)
  rows.forEach((row, i) => {
    positions[2 * i] = row.lng
    positions[2 * i + 1] = row.lat
    values[i] = row.value
  })
  return { positions, values }
}
