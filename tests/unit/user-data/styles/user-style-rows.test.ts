// A user layer's rows for deck.gl: the point table, kept rows, colours and radii per row.
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { pointTableFromFeatures } from '../../../../src/user-data/tables/point-table'
import { defaultUserLayerStyle, type UserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import { RADIUS_RANGE, resolveUserStyle } from '../../../../src/user-data/styles/user-style-resolve'
import {
  keptRows,
  pointTableOfCollection,
  rowColours,
  rowRadii,
} from '../../../../src/user-data/styles/user-style-rows'

function collection(rows: Record<string, unknown>[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map((properties, i): Feature => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [119.7 + i / 100, 29.1] },
      // JSON.parse defines "__proto__" and "constructor" as own keys, as the import does.
      properties: JSON.parse(JSON.stringify(properties)) as Record<string, unknown>,
    })),
  }
}

const style = (change: Partial<UserLayerStyle>): UserLayerStyle => ({ ...defaultUserLayerStyle(), ...change })

describe('rows for deck.gl', () => {
  const data = collection([
    { k: 'a', n: 0, d: '2022-01-02' },
    { k: 'b', n: 10, d: '2022-02-02' },
    { k: 'a', n: 5, d: '2022-02-15' },
  ])
  const table = pointTableOfCollection(data)!
  const tableOf = userTableOf(table)
  test('a GeoJSON collection becomes one point table, memoised', () => {
    expect(pointTableOfCollection(data)).toBe(table)
    expect(table.length).toBe(3)
  })
  test('the month and the range keep rows', () => {
    const month = resolveUserStyle(tableOf, style({ time: { column: 'd', month: '2022-02' } }), '#000')
    expect([...keptRows(table, month)!]).toEqual([1, 2])
    const range = resolveUserStyle(tableOf, style({ filter: { column: 'n', min: 1, max: 6 } }), '#000')
    expect([...keptRows(table, range)!]).toEqual([2])
    expect(keptRows(table, resolveUserStyle(tableOf, style({}), '#000'))).toBeNull()
  })
  test('colours and radii per row', () => {
    const resolved = resolveUserStyle(
      tableOf,
      style({ colour: { kind: 'categories', column: 'k' }, sizeColumn: 'n' }),
      '#000',
    )
    const colours = rowColours(table, resolved)!
    expect([...colours.slice(0, 3)]).toEqual([...colours.slice(6, 9)])
    expect([...colours.slice(0, 3)]).not.toEqual([...colours.slice(3, 6)])
    expect([...rowRadii(table, resolved)!]).toEqual([
      RADIUS_RANGE[0],
      RADIUS_RANGE[1],
      expect.closeTo(RADIUS_RANGE[0] + (RADIUS_RANGE[1] - RADIUS_RANGE[0]) * Math.sqrt(0.5), 5),
    ])
  })
  test('a point table from a large file reads the same way', () => {
    const big = pointTableFromFeatures(data.features)
    expect(userTableOf(big).summary('d')?.kind).toBe('date')
  })
})
