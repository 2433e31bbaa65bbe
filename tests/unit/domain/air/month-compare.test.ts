import { describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { compareMonths } from '../../../../src/domain/air/month-compare'

const station = (id: string, pm25: (number | null)[], kind = 'air') => ({
  type: 'Feature' as const,
  id,
  properties: {
    id,
    kind,
    name: `站 ${id}`,
    pm25,
    pm10: pm25.map((v) => (v === null ? null : v * 2)),
    o3: [100, 100, 100],
  },
  geometry: { type: 'Point' as const, coordinates: [119.7, 29.1] },
})
const collection = (...features: ReturnType<typeof station>[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
})

describe('compareMonths', () => {
  test('each air station’s two months and the difference, second minus first', () => {
    const { rows } = compareMonths(collection(station('a', [46.4, 30, 19.2]), station('b', [20, 25, 30])), 'pm25', 1, 3)
    expect(rows.map((r) => [r.id, r.first, r.second, r.difference])).toEqual([
      ['a', 46.4, 19.2, -27.2],
      ['b', 20, 30, 10],
    ])
    expect(rows[0]!.properties.name).toBe('站 a')
  })

  test('reads the chosen pollutant, and leaves out what is not an air station', () => {
    const { rows } = compareMonths(collection(station('a', [10, 20]), station('w', [1, 2], 'water-auto')), 'pm10', 1, 2)
    expect(rows.map((r) => [r.id, r.first, r.second, r.difference])).toEqual([['a', 20, 40, 20]])
  })

  test('a missing month has no difference and stays out of the mean', () => {
    const result = compareMonths(
      collection(station('a', [10, null]), station('b', [20, 26]), station('c', [30, 40])),
      'pm25',
      1,
      2,
    )
    expect(result.rows[0]!.difference).toBeNull()
    expect(result.mean).toEqual({ first: 25, second: 33, difference: 8 })
  })

  test('no station with both months: no mean; no collection: no rows', () => {
    expect(compareMonths(collection(station('a', [10, null])), 'pm25', 1, 2).mean).toBeNull()
    expect(compareMonths(undefined, 'pm25', 1, 7)).toEqual({ rows: [], mean: null })
  })

  test('the same month twice differs by 0', () => {
    const { rows, mean } = compareMonths(collection(station('a', [12.3])), 'pm25', 1, 1)
    expect(rows[0]!.difference).toBe(0)
    expect(mean).toEqual({ first: 12.3, second: 12.3, difference: 0 })
  })
})
