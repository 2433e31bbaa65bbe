// A user layer's rows for deck.gl: the point table, kept rows, colours and radii per row.
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { pointTableFromFeatures } from '../../../../src/user-data/tables/point-table'
import { defaultUserLayerStyle, type UserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import {
  CATEGORY_COLOURS,
  NO_VALUE_COLOUR,
  OTHER_COLOUR,
  RADIUS_RANGE,
  resolveUserStyle,
} from '../../../../src/user-data/styles/user-style-resolve'
import { monthIndex } from '../../../../src/user-data/styles/user-style-dates'
import {
  keptRows,
  pickRows,
  pointTableOfCollection,
  rowColours,
  rowMonths,
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

const rgbOf = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16))

describe('each row’s month', () => {
  const table = pointTableOfCollection(collection([{ d: '2022-03-05' }, { d: 'soon' }, { d: '2021年12月' }]))!
  test('the month index of each row, −1 where the row has no date', () => {
    expect([...rowMonths(table, 'd')]).toEqual([monthIndex('2022-03'), -1, monthIndex('2021-12')])
  })
  test('a column the table lacks gives every row −1', () => {
    expect([...rowMonths(table, 'missing')]).toEqual([-1, -1, -1])
  })
  test('read once per table and column, up to 21 columns, then afresh', () => {
    const table = pointTableOfCollection(collection([{ d: '2022-03-05' }]))!
    const first = rowMonths(table, 'd')
    expect(rowMonths(table, 'd')).toBe(first)
    for (let i = 0; i < 20; i++) rowMonths(table, `c${i}`)
    expect(rowMonths(table, 'd')).toBe(first)
    rowMonths(table, 'c20')
    expect(rowMonths(table, 'd')).not.toBe(first)
  })
})

describe('rows the range keeps', () => {
  const table = pointTableOfCollection(
    collection([{ n: -5 }, { n: 0 }, { n: 10 }, { n: 5 }, { k: 'no value' }, { n: 3 }]),
  )!
  const kept = (min: number | null, max: number | null) => {
    const resolved = resolveUserStyle(userTableOf(table), style({ filter: { column: 'n', min, max } }), '#000')
    const rows = keptRows(table, resolved)
    return rows && [...rows]
  }
  test('a lower bound alone keeps the rows with a number at least the bound', () => {
    expect(kept(0, null)).toEqual([1, 2, 3, 5])
  })
  test('an upper bound alone keeps the rows with a number at most the bound', () => {
    expect(kept(null, 5)).toEqual([0, 1, 3, 5])
  })
  test('both bounds are inclusive', () => {
    expect(kept(3, 5)).toEqual([3, 5])
  })
  test('a range without bounds keeps every row: no filter', () => {
    expect(kept(null, null)).toBeNull()
  })
})

describe('colours per row', () => {
  test('categories: the 9 most frequent values their colours, the rest 其他, a row without a value grey', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({ k: `v${i}` }))
    const table = pointTableOfCollection(collection([{ k: 'v0' }, ...rows, { n: 1 }]))!
    const resolved = resolveUserStyle(
      userTableOf(table),
      style({ colour: { kind: 'categories', column: 'k' } }),
      '#000',
    )
    const colours = rowColours(table, resolved)!
    const rgb = (row: number) => [...colours.slice(row * 3, row * 3 + 3)]
    expect(rgb(0)).toEqual(rgbOf(CATEGORY_COLOURS[0]))
    expect(rgb(11)).toEqual(rgbOf(OTHER_COLOUR))
    expect(rgb(12)).toEqual(rgbOf(NO_VALUE_COLOUR))
    expect(rowColours(table, resolved)).toBe(colours)
  })
  test('graduated: the colour of each row’s class, grey without a number', () => {
    const table = pointTableOfCollection(collection([{ v: 1 }, { v: 9 }, { k: 'no value' }, { v: 4 }]))!
    const resolved = resolveUserStyle(
      userTableOf(table),
      style({ colour: { kind: 'graduated', column: 'v', method: 'manual', classCount: 2, manualBreaksText: '5' } }),
      '#000',
    )
    if (resolved.colour.kind !== 'graduated') throw new Error('expected classes')
    const [low, high] = resolved.colour.classification.classes.map((c) => rgbOf(c.colour))
    expect([...rowColours(table, resolved)!]).toEqual([...low!, ...high!, ...rgbOf(NO_VALUE_COLOUR), ...low!])
  })
  test('one colour needs no colour per row', () => {
    const table = pointTableOfCollection(collection([{ v: 1 }]))!
    expect(rowColours(table, resolveUserStyle(userTableOf(table), style({}), '#000'))).toBeNull()
  })
})

describe('radii per row', () => {
  test('a row without a number gets the smallest radius, also when the range lies below zero', () => {
    const table = pointTableOfCollection(collection([{ n: -10 }, { k: 'no value' }, { n: 10 }]))!
    const resolved = resolveUserStyle(userTableOf(table), style({ sizeColumn: 'n' }), '#000')
    expect([...rowRadii(table, resolved)!]).toEqual([RADIUS_RANGE[0], RADIUS_RANGE[0], RADIUS_RANGE[1]])
  })
})

describe('pickRows', () => {
  test('the kept rows of an interleaved array, in the order given', () => {
    const positions = new Float32Array([0, 1, 10, 11, 20, 21])
    const picked = pickRows(positions, new Uint32Array([2, 0]), 2)
    expect(picked).toBeInstanceOf(Float32Array)
    expect([...picked]).toEqual([20, 21, 0, 1])
  })
})

describe('the points of a collection', () => {
  test('only Point features become rows; a feature without geometry is skipped', () => {
    // GeoJSON allows a feature without geometry ("geometry": null), which @types/geojson does not spell.
    const unlocated = JSON.parse('{"type":"Feature","geometry":null,"properties":{"n":1}}') as Feature
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        unlocated,
        { type: 'Feature', geometry: { type: 'Point', coordinates: [119.7, 29.1] }, properties: { n: 2 } },
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [119.7, 29.1],
              [119.8, 29.2],
            ],
          },
          properties: { n: 3 },
        },
      ],
    }
    const table = pointTableOfCollection(data)!
    expect(table.length).toBe(1)
    expect(userTableOf(table).summary('n')?.range).toEqual({ min: 2, max: 2 })
  })
  test('a collection without points has no point table', () => {
    const data: FeatureCollection = { type: 'FeatureCollection', features: [] }
    expect(pointTableOfCollection(data)).toBeNull()
  })
})
