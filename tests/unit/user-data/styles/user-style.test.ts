/** A user layer's style read against its data: dates, columns, colours, sizes, filters and rows. */
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { classify } from '../../../../src/domain/classification/classify'
import { pointTableFromFeatures } from '../../../../src/user-data/tables/point-table'
import { defaultUserLayerStyle, type UserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { monthKeyOf, monthSteps } from '../../../../src/user-data/styles/user-style-dates'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import {
  CATEGORY_COLOURS,
  OTHER_COLOUR,
  RADIUS_RANGE,
  resolveUserStyle,
} from '../../../../src/user-data/styles/user-style-resolve'
import {
  colourExpression,
  featureFilter,
  radiusExpression,
} from '../../../../src/user-data/styles/user-style-expressions'
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

describe('monthKeyOf', () => {
  test.each([
    ['2022-03-15', '2022-03'],
    ['2022/3/15', '2022-03'],
    ['2022.3.5', '2022-03'],
    ['2022-03-15 10:30', '2022-03'],
    ['2022-03-15T10:30:00Z', '2022-03'],
    ['2022-03', '2022-03'],
    ['2022/12', '2022-12'],
    ['2022年3月', '2022-03'],
    ['2022 年 3 月 15 日', '2022-03'],
  ])('%s is in %s', (text, month) => expect(monthKeyOf(text)).toBe(month))

  test.each([['2022-13-01'], ['2022-02-30'], ['3/15/2022'], ['202203'], ['abc'], [''], ['1850-01-01']])(
    '%s is not a date',
    (text) => expect(monthKeyOf(text)).toBeNull(),
  )
  test('numbers are not dates (202203 may be an id; Excel serials arrive converted)', () => {
    expect(monthKeyOf(44927)).toBeNull()
    expect(monthKeyOf(null)).toBeNull()
  })
  test('the slider steps through every month between the first and last, gaps included', () => {
    expect(monthSteps(['2022-03', '2021-12', '2022-01'])).toEqual(['2021-12', '2022-01', '2022-02', '2022-03'])
    expect(monthSteps([])).toEqual([])
  })
})

describe('columns', () => {
  const data = collection([
    { kind: '企业', pm25: 10, date: '2022-01-05', constructor: 'a' },
    { kind: '工地', pm25: 30, date: '2022/2/1', constructor: 'b' },
    { kind: '企业', pm25: null, date: '2022年3月', constructor: 'a' },
    { kind: '', pm25: 50, date: '2022-03-20', constructor: 'a' },
  ])
  test('numbers, text and dates are told apart; missing values are not counted', () => {
    const table = userTableOf(data)
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
      ['kind', 'text'],
      ['pm25', 'number'],
      ['date', 'date'],
      ['constructor', 'text'],
    ])
    expect(table.summary('pm25')).toMatchObject({ present: 3, range: { min: 10, max: 50 } })
    expect(table.summary('kind')?.values).toEqual([
      { value: '企业', count: 2 },
      { value: '工地', count: 1 },
    ])
    expect([...table.summary('date')!.months]).toEqual([
      ['2022-01', 1],
      ['2022-02', 1],
      ['2022-03', 2],
    ])
    expect(table.summary('constructor')?.values[0]).toEqual({ value: 'a', count: 3 })
    expect(table.summary('toString')).toBeNull()
    // Read once per data object.
    expect(userTableOf(data)).toBe(table)
  })
})

describe('resolveUserStyle', () => {
  test('categories: a colour per value; with more than 10 values the top 9 and 其他', () => {
    const few = userTableOf(collection([{ k: 'a' }, { k: 'b' }, { k: 'a' }]))
    const colour = resolveUserStyle(few, style({ colour: { kind: 'categories', column: 'k' } }), '#000000').colour
    expect(colour).toMatchObject({
      kind: 'categories',
      entries: [
        { value: 'a', count: 2, colour: CATEGORY_COLOURS[0] },
        { value: 'b', count: 1, colour: CATEGORY_COLOURS[1] },
      ],
      other: null,
    })
    const rows = Array.from({ length: 12 }, (_, i) => ({ k: `v${i}` })).concat([{ k: 'v11' }, { k: 'v11' }])
    const many = resolveUserStyle(
      userTableOf(collection(rows)),
      style({ colour: { kind: 'categories', column: 'k' } }),
      '#000000',
    ).colour
    if (many.kind !== 'categories') throw new Error('expected categories')
    expect(many.entries).toHaveLength(9)
    expect(many.entries[0]).toMatchObject({ value: 'v11', count: 3 })
    expect(many.other).toEqual({ colour: OTHER_COLOUR, count: 14 - 3 - 8 })
  })

  test('graduated: the classes classify() gives the townships; bad manual breaks fall back to quantiles', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 40]
    const table = userTableOf(collection(values.map((v) => ({ v }))))
    const rule = {
      kind: 'graduated',
      column: 'v',
      method: 'equal-interval',
      classCount: 3,
      manualBreaksText: '',
    } as const
    const colour = resolveUserStyle(table, style({ colour: rule }), '#000').colour
    expect(colour).toMatchObject({ kind: 'graduated', classification: classify(values, 'equal-interval', 3) })
    const manual = resolveUserStyle(
      table,
      style({ colour: { ...rule, method: 'manual', manualBreaksText: '5, 20' } }),
      '#000',
    ).colour
    expect(manual).toMatchObject({ classification: classify(values, 'manual', 3, [5, 20]), breaksError: null })
    const bad = resolveUserStyle(
      table,
      style({ colour: { ...rule, method: 'manual', manualBreaksText: 'x' } }),
      '#000',
    ).colour
    expect(bad).toMatchObject({ classification: classify(values, 'quantile', 3) })
    expect((bad as { breaksError: string }).breaksError).toContain('"x"')
  })

  test('a column the data lacks, or of the wrong kind, falls back for that part alone', () => {
    const table = userTableOf(collection([{ t: 'x', n: 1 }]))
    const resolved = resolveUserStyle(
      table,
      style({
        colour: { kind: 'graduated', column: 't', method: 'quantile', classCount: 5, manualBreaksText: '' },
        sizeColumn: 'missing',
        labelColumn: 't',
        time: { column: 'n', month: '2022-01' },
        filter: { column: 'n', min: 0, max: null },
      }),
      '#123456',
    )
    expect(resolved.colour).toEqual({ kind: 'single', colour: '#123456' })
    expect(resolved.size).toBeNull()
    expect(resolved.label).toBe('t')
    expect(resolved.time).toBeNull()
    expect(resolved.filter).toEqual({ column: 'n', min: 0, max: null, range: { min: 1, max: 1 } })
  })
})

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
