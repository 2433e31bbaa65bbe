import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import { iaqi } from '../../../../src/domain/air/aqi'
import { stationReadings } from '../../../../src/domain/air/readings'

const stations = JSON.parse(
  readFileSync(new URL('../../../../public/geo/monitoring-points.geojson', import.meta.url), 'utf8'),
) as FeatureCollection

describe('readings for the heatmap', () => {
  test('one point per air station, weighted by the month’s value', () => {
    const { positions, values } = stationReadings(stations, 'pm25', 1)
    const air = stations.features.filter((f) => f.properties?.kind === 'air')
    expect(values.length).toBe(air.length)
    expect(positions.length).toBe(air.length * 2)
    expect(values[0]).toBeCloseTo((air[0]!.properties!.pm25 as number[])[0]!, 4)
  })

  test('January PM2.5 (dust season) is higher than August', () => {
    const mean = (v: Float32Array) => v.reduce((a, b) => a + b, 0) / v.length
    expect(mean(stationReadings(stations, 'pm25', 1).values)).toBeGreaterThan(
      mean(stationReadings(stations, 'pm25', 8).values),
    )
  })

  test('each station’s AQI is at least the IAQI of each of its pollutants, and equals the largest', () => {
    const air = stations.features.filter((f) => f.properties?.kind === 'air')
    const months = (air[0]!.properties!.pm25 as number[]).length
    expect(months).toBeGreaterThanOrEqual(10)
    for (let month = 1; month <= months; month++) {
      const { positions, values } = stationReadings(stations, 'aqi', month)
      // Every air station has all three series, so none is dropped and the order is the input's.
      expect(values.length, `month ${month}`).toBe(air.length)
      air.forEach((station, i) => {
        const p = station.properties as Record<string, number[]>
        const where = `${String(station.properties!.name ?? i)}, month ${month}`
        expect(positions[2 * i], where).toBeCloseTo((station.geometry as Point).coordinates[0]!, 6)
        const iaqis = [
          iaqi('pm25', p.pm25![month - 1]!),
          iaqi('pm10', p.pm10![month - 1]!),
          iaqi('o3_8h', p.o3![month - 1]!),
        ]
        for (const value of iaqis) expect(values[i], where).toBeGreaterThanOrEqual(value)
        expect(values[i], where).toBe(Math.max(...iaqis))
      })
    }
  })
})
