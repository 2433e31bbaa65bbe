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

describe('readings: which stations and which value', () => {
  const station = (properties: Record<string, unknown> | null, coordinates: number[] | null = [119.7, 29.1]) => ({
    type: 'Feature' as const,
    properties,
    geometry: coordinates ? { type: 'Point' as const, coordinates } : (null as unknown as Point),
  })
  const series = { pm25: [30, 80], pm10: [60, 90], o3: [120, 170] }
  const collection = (features: ReturnType<typeof station>[]): FeatureCollection => ({
    type: 'FeatureCollection',
    features,
  })

  test('no stations at all gives no points', () => {
    const { positions, values } = stationReadings(undefined, 'pm25', 1)
    expect([positions.length, values.length]).toEqual([0, 0])
  })

  test('only air stations with a point: water stations, features without properties or geometry are left out', () => {
    const input = collection([
      station({ kind: 'water', ...series }),
      station(null),
      station({ kind: 'air', ...series }, null),
      { ...station({ kind: 'air', ...series }), geometry: { type: 'LineString', coordinates: [[119, 29]] } as never },
      station({ kind: 'air', ...series }, [119.65, 29.05]),
    ])
    const { positions, values } = stationReadings(input, 'pm25', 2)
    expect([...positions]).toEqual([119.65, 29.05])
    expect([...values]).toEqual([80])
  })

  test('each pollutant reads its own series for the month; AQI is the largest IAQI of the three', () => {
    const input = collection([station({ kind: 'air', ...series })])
    expect([...stationReadings(input, 'pm25', 2).values]).toEqual([80])
    expect([...stationReadings(input, 'pm10', 2).values]).toEqual([90])
    expect([...stationReadings(input, 'o3_8h', 2).values]).toEqual([170])
    const largest = Math.max(iaqi('pm25', 80), iaqi('pm10', 90), iaqi('o3_8h', 170))
    expect(largest).toBe(iaqi('o3_8h', 170))
    expect([...stationReadings(input, 'aqi', 2).values]).toEqual([largest])
  })

  test('a station without a number for the month is left out, for AQI when any one of the three is missing', () => {
    const gaps = collection([
      station({ kind: 'air', pm25: [30, 'n/a'], pm10: [60, 90], o3: [120, 170] }, [1, 1]),
      station({ kind: 'air', pm25: [30, 80], pm10: [60, 90], o3: [120, Number.NaN] }, [2, 2]),
      station({ kind: 'air', pm25: [30, 80], pm10: null, o3: [120, 170] }, [3, 3]),
      station({ kind: 'air', ...series }, [4, 4]),
    ])
    expect([...stationReadings(gaps, 'pm25', 2).positions]).toEqual([2, 2, 3, 3, 4, 4])
    expect([...stationReadings(gaps, 'pm10', 2).positions]).toEqual([1, 1, 2, 2, 4, 4])
    expect([...stationReadings(gaps, 'o3_8h', 2).positions]).toEqual([1, 1, 3, 3, 4, 4])
    expect([...stationReadings(gaps, 'aqi', 2).positions]).toEqual([4, 4])
    expect([...stationReadings(gaps, 'aqi', 3).positions]).toEqual([])
  })
})
