import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { stationReadings } from '../../src/domain/readings'

const stations = JSON.parse(
  readFileSync(new URL('../../public/geo/monitoring-points.geojson', import.meta.url), 'utf8'),
) as FeatureCollection

describe('readings for the heatmap', () => {
  test('one point per air station, weighted by the month’s value', () => {
    const { positions, values } = stationReadings(stations, 'pm25', 1)
    const air = stations.features.filter((f) => f.properties?.kind === 'air')
    expect(values.length).toBe(air.length)
    expect(positions.length).toBe(air.length * 2)
    expect(values[0]).toBeCloseTo((air[0]!.properties!.pm25 as number[])[0]!, 4)
  })

  test('January PM2.5 (dust season) is higher than August, and AQI is at least each IAQI', () => {
    const mean = (v: Float32Array) => v.reduce((a, b) => a + b, 0) / v.length
    expect(mean(stationReadings(stations, 'pm25', 1).values)).toBeGreaterThan(
      mean(stationReadings(stations, 'pm25', 8).values),
    )
    for (const v of stationReadings(stations, 'aqi', 6).values) expect(v).toBeGreaterThan(0)
  })
})
