/**
 * Two months of the readings side by side, per air station: "PM2.5 in January beside July". Each
 * station's value in both months and the difference (second − first); the mean over the stations
 * that have both, so a station missing a month does not tilt the comparison.
 *
 * Pure TypeScript.
 */
import type { FeatureCollection } from 'geojson'
import type { ReadingsPollutant } from './pollutant-scale'
import { airStations, stationValue } from './readings'

export interface StationMonths {
  id: string
  properties: Record<string, unknown>
  first: number | null
  second: number | null
  /** second − first; null when either month has no value. */
  difference: number | null
}

export interface MonthComparison {
  rows: StationMonths[]
  /** Means over the stations with a value in both months; null when none has. */
  mean: { first: number; second: number; difference: number } | null
}

/** Differences of readings given to one decimal stay at one decimal (7.1 − 3.2 is 3.9, not 3.8999…). */
const tidy = (n: number) => Math.round(n * 1000) / 1000

export function compareMonths(
  stations: FeatureCollection | undefined,
  pollutant: ReadingsPollutant,
  first: number,
  second: number,
): MonthComparison {
  const rows = airStations(stations).map((f, index) => {
    const properties = (f.properties ?? {}) as Record<string, unknown>
    const a = stationValue(properties, pollutant, first)
    const b = stationValue(properties, pollutant, second)
    return {
      id: String(f.id ?? properties.id ?? index),
      properties,
      first: a,
      second: b,
      difference: a !== null && b !== null ? tidy(b - a) : null,
    }
  })
  const both = rows.filter((row) => row.difference !== null)
  if (both.length === 0) return { rows, mean: null }
  const meanOf = (values: number[]) => tidy(values.reduce((sum, v) => sum + v, 0) / values.length)
  const meanFirst = meanOf(both.map((row) => row.first!))
  const meanSecond = meanOf(both.map((row) => row.second!))
  return { rows, mean: { first: meanFirst, second: meanSecond, difference: tidy(meanSecond - meanFirst) } }
}
