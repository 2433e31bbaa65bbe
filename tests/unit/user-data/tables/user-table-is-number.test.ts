/**
 * UserTable.isNumber answers what summary(name).kind === 'number' would, without a summary for a
 * large point set's typed columns (the weight column's check at add, src/user-data/styles/user-style-resolve.ts).
 */
import { describe, expect, it } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import type { PointTable } from '../../../../src/user-data/tables/point-table'

const number = (name: string, values: number[]) => ({ name, kind: 'number' as const, values: new Float64Array(values) })
function points(): PointTable {
  const text = '东关桥洪坞桥'
  return {
    length: 3,
    positions: new Float32Array(6),
    columns: [
      number('pm25', [35, Number.NaN, 12]),
      number('empty', [Number.NaN, Number.NaN, Number.NaN]),
      number('infinite', [1, Number.POSITIVE_INFINITY, 2]),
      number('constructor', [0, -1, 2]),
      { name: 'name', kind: 'text', text, offsets: new Uint32Array([0, 3, 6, 6]) },
    ],
  }
}

describe('UserTable.isNumber', () => {
  const names = ['pm25', 'empty', 'infinite', 'constructor', 'name', 'missing', '__proto__']

  it('agrees with the summary for every column of a point table (typed columns answered in one pass)', () => {
    const fast = userTableOf(points())
    const answers = names.map((name) => fast.isNumber(name))
    const summarised = userTableOf(points())
    expect(answers).toEqual(names.map((name) => summarised.summary(name)?.kind === 'number'))
    expect(answers).toEqual([true, false, false, true, false, false, false])
  })

  it('agrees with the summary for a feature collection (where it is the summary)', () => {
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
          properties: { pm25: 35, name: '东关桥', mixed: 1 },
        },
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
          properties: { pm25: null, name: '洪坞桥', mixed: 'a' },
        },
      ],
    }
    const table = userTableOf(collection)
    expect(['pm25', 'name', 'mixed', 'missing'].map((name) => table.isNumber(name))).toEqual([
      true,
      false,
      false,
      false,
    ])
  })
})
