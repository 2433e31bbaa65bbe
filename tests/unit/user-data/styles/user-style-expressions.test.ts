// The MapLibre expressions of a user layer's style: colours, filters and radii.
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { defaultUserLayerStyle, type UserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import { CATEGORY_COLOURS, resolveUserStyle } from '../../../../src/user-data/styles/user-style-resolve'
import {
  colourExpression,
  featureFilter,
  radiusExpression,
} from '../../../../src/user-data/styles/user-style-expressions'

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

describe('expressions', () => {
  const data = collection([
    { constructor: 'x', n: 1, d: '2022-01-02' },
    { constructor: 'y', n: 9, d: '2022年2月' },
  ])
  const table = userTableOf(data)
  test('categories compare as text under the escaped name of a column called constructor', () => {
    const resolved = resolveUserStyle(table, style({ colour: { kind: 'categories', column: 'constructor' } }), '#000')
    const expression = JSON.stringify(colourExpression(resolved))
    expect(expression).toContain('["get","\u241fconstructor"]')
    expect(expression).toContain(`["==",["to-string",["get","\u241fconstructor"]],"x"],"${CATEGORY_COLOURS[0]}"`)
  })
  test('the month filter lists the column values of that month; the range filter needs a number', () => {
    const resolved = resolveUserStyle(
      table,
      style({ time: { column: 'd', month: '2022-02' }, filter: { column: 'n', min: 2, max: null } }),
      '#000',
    )
    expect(featureFilter(resolved, table)).toEqual([
      'all',
      ['match', ['to-string', ['get', 'd']], ['2022年2月'], true, false],
      ['==', ['typeof', ['get', 'n']], 'number'],
      ['>=', ['to-number', ['get', 'n']], 2],
    ])
    expect(featureFilter(resolveUserStyle(table, style({}), '#000'), table)).toBeNull()
  })
  test('radius grows from the smallest to the largest value', () => {
    const resolved = resolveUserStyle(table, style({ sizeColumn: 'n' }), '#000')
    expect(JSON.stringify(radiusExpression(resolved, 5))).toContain('"sqrt"')
    expect(radiusExpression(resolveUserStyle(table, style({}), '#000'), 5)).toBe(5)
  })
})
