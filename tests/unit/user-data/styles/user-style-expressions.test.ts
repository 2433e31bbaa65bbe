// The MapLibre expressions of a user layer's style: colours, filters and radii.
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { defaultUserLayerStyle, type UserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import {
  CATEGORY_COLOURS,
  NO_VALUE_COLOUR,
  OTHER_COLOUR,
  RADIUS_RANGE,
  resolveUserStyle,
  type ResolvedUserStyle,
} from '../../../../src/user-data/styles/user-style-resolve'
import {
  colourExpression,
  featureFilter,
  labelExpression,
  radiusExpression,
  userStyleRender,
  valuesInMonth,
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

describe('colour expressions', () => {
  const table = userTableOf(collection([{ k: 'a', v: 1 }, { k: 'b', v: 5 }, { k: 'a', v: 10 }, { v: 7 }]))
  const isNumber = ['==', ['typeof', ['get', 'v']], 'number']
  const text = ['to-string', ['get', 'k']]
  const missing = ['any', ['!', ['has', 'k']], ['==', text, '']]

  test('one colour is the colour itself', () => {
    expect(colourExpression(resolveUserStyle(table, style({}), '#123456'))).toBe('#123456')
  })
  test('categories: grey without a value, then each value its colour, grey again when none is "other"', () => {
    const resolved = resolveUserStyle(table, style({ colour: { kind: 'categories', column: 'k' } }), '#000')
    expect(colourExpression(resolved)).toEqual([
      'case',
      missing,
      NO_VALUE_COLOUR,
      ['==', text, 'a'],
      CATEGORY_COLOURS[0],
      ['==', text, 'b'],
      CATEGORY_COLOURS[1],
      NO_VALUE_COLOUR,
    ])
  })
  test('categories beyond the tenth value fall to the "other" colour', () => {
    const many = userTableOf(collection(Array.from({ length: 11 }, (_, i) => ({ k: `v${i}` }))))
    const expression = colourExpression(
      resolveUserStyle(many, style({ colour: { kind: 'categories', column: 'k' } }), '#000'),
    ) as unknown[]
    expect(expression).toHaveLength(1 + 2 + 9 * 2 + 1)
    expect(expression.at(-1)).toBe(OTHER_COLOUR)
  })
  test('graduated: grey for a non-number, then each class up to its inclusive upper edge, the last class else', () => {
    const resolved = resolveUserStyle(
      table,
      style({
        colour: { kind: 'graduated', column: 'v', method: 'manual', classCount: 3, manualBreaksText: '3, 8' },
      }),
      '#000',
    )
    if (resolved.colour.kind !== 'graduated') throw new Error('expected classes')
    const [low, middle, high] = resolved.colour.classification.classes
    const value = ['to-number', ['get', 'v']]
    expect(colourExpression(resolved)).toEqual([
      'case',
      ['!', isNumber],
      NO_VALUE_COLOUR,
      ['<=', value, 3],
      low!.colour,
      ['<=', value, 8],
      middle!.colour,
      high!.colour,
    ])
  })
  test('graduated without any class draws every feature grey', () => {
    const resolved: ResolvedUserStyle = {
      ...resolveUserStyle(table, style({}), '#000'),
      colour: {
        kind: 'graduated',
        column: 'v',
        classification: { method: 'quantile', classes: [] },
        breaksError: null,
        missing: 0,
      },
    }
    expect(colourExpression(resolved)).toBe(NO_VALUE_COLOUR)
  })
})

describe('radius and label expressions', () => {
  const table = userTableOf(
    collection([
      { n: 2, t: 'x', same: 3 },
      { n: 10, t: 'y', same: 3 },
    ]),
  )
  test('radius: the square root of the value’s share of the range, the smallest radius for a non-number', () => {
    const resolved = resolveUserStyle(table, style({ sizeColumn: 'n' }), '#000')
    const [small, large] = RADIUS_RANGE
    const value = ['to-number', ['get', 'n']]
    expect(radiusExpression(resolved, 5)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'n']], 'number'],
      ['+', small, ['*', large - small, ['sqrt', ['/', ['-', ['min', ['max', value, 2], 10], 2], 8]]]],
      small,
    ])
  })
  test('radius: a column whose values are all alike draws every point at the middle radius', () => {
    const resolved = resolveUserStyle(table, style({ sizeColumn: 'same' }), '#000')
    expect(radiusExpression(resolved, 5)).toBe((RADIUS_RANGE[0] + RADIUS_RANGE[1]) / 2)
  })
  test('label: the column as text, empty where missing; none without a label column', () => {
    expect(labelExpression(resolveUserStyle(table, style({ labelColumn: 't' }), '#000'))).toEqual([
      'to-string',
      ['coalesce', ['get', 't'], ''],
    ])
    expect(labelExpression(resolveUserStyle(table, style({}), '#000'))).toBeNull()
  })
})

describe('month and range filters', () => {
  const table = userTableOf(
    collection([
      { d: '2022-02-01', n: -5 },
      { d: '2022-02-03', n: 1 },
      { d: '2022-02-03', n: 9 },
      { d: '2022-03-01', n: 4 },
    ]),
  )
  const match = (values: string[]) => ['match', ['to-string', ['get', 'd']], values, true, false]
  test('the values of a month, most frequent first as the column lists them; none for an unknown column', () => {
    expect(valuesInMonth(table, 'd', '2022-02')).toEqual(['2022-02-03', '2022-02-01'])
    expect(valuesInMonth(table, 'missing', '2022-02')).toEqual([])
  })
  test('past 10,000 distinct values the rows themselves are read for the month', () => {
    const start = Date.UTC(1990, 0, 1)
    const day = 24 * 3600 * 1000
    const rows = Array.from({ length: 10_040 }, (_, i) => ({ d: new Date(start + i * day).toISOString().slice(0, 10) }))
    const last = rows.at(-1)!.d
    rows.push({ d: last })
    const big = userTableOf(collection(rows))
    expect(big.summary('d')?.valuesCapped).toBe(true)
    const month = last.slice(0, 7)
    const expected = rows.map((row) => row.d).filter((d, i, all) => d.startsWith(month) && all.indexOf(d) === i)
    expect(expected.length).toBeGreaterThan(0)
    expect(valuesInMonth(big, 'd', month)).toEqual(expected)
  })
  test('the month alone is the filter; a month without data keeps nothing', () => {
    const month = (value: string) => resolveUserStyle(table, style({ time: { column: 'd', month: value } }), '#000')
    expect(featureFilter(month('2022-03'), table)).toEqual(match(['2022-03-01']))
    expect(featureFilter(month('2023-01'), table)).toEqual(['==', 1, 0])
  })
  test('an upper bound alone: a number at most the bound; a range without bounds filters nothing', () => {
    const range = (min: number | null, max: number | null) =>
      resolveUserStyle(table, style({ filter: { column: 'n', min, max } }), '#000')
    expect(featureFilter(range(null, 3), table)).toEqual([
      'all',
      ['==', ['typeof', ['get', 'n']], 'number'],
      ['<=', ['to-number', ['get', 'n']], 3],
    ])
    expect(featureFilter(range(null, null), table)).toBeNull()
  })
  test('a resolved style is filtered once: the same render for the same resolved style', () => {
    const resolved = resolveUserStyle(table, style({ time: { column: 'd', month: '2022-02' } }), '#000')
    const render = userStyleRender(table, resolved)
    expect(render).toEqual({ style: resolved, filter: match(['2022-02-03', '2022-02-01']) })
    expect(userStyleRender(table, resolved)).toBe(render)
  })
})
