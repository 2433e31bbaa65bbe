/**
 * The readings heatmap's input: one weighted point per air station for the chosen pollutant and
 * month. AQI here is computed from the station's monthly means with the HJ 633 daily tables — an
 * indication of the month's level, not an official monthly AQI (which does not exist).
 */
import { ownValue } from '../text/own-keys'
import type { FeatureCollection } from 'geojson'
import { aqi } from './aqi'
import type { ReadingsPollutant } from './pollutant-scale'

export function stationReadings(
  stations: FeatureCollection | undefined,
  pollutant: ReadingsPollutant,
  month: number,
): { positions: Float64Array; values: Float32Array } {
  const air = (stations?.features ?? []).filter((f) => f.properties?.kind === 'air' && f.geometry?.type === 'Point')
  const valueOf = (key: string, properties: Record<string, unknown>): number | null => {
    const series = ownValue(properties, key)
    const value = Array.isArray(series) ? series[month - 1] : undefined
    return typeof value === 'number' && Number.isFinite(value) ? value : null
  }
  const rows = air.flatMap((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>
    const pm25 = valueOf('pm25', p)
    const pm10 = valueOf('pm10', p)
    const o3 = valueOf('o3', p)
    const value =
      pollutant === 'pm25'
        ? pm25
        : pollutant === 'pm10'
          ? pm10
          : pollutant === 'o3_8h'
            ? o3
            : pm25 !== null && pm10 !== null && o3 !== null
              ? aqi({ pm25, pm10, o3_8h: o3 })
              : null
    const coordinates = f.geometry?.type === 'Point' ? f.geometry.coordinates : null
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
