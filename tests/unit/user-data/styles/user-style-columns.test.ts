// A user layer's columns: numbers, text and dates told apart, and UserTable.isNumber answering what the
// summary would without one for a large point set's typed columns.
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { MAX_DISTINCT, textOf, userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import type { PointTable } from '../../../../src/user-data/tables/point-table'

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

  test('agrees with the summary for every column of a point table (typed columns answered in one pass)', () => {
    const fast = userTableOf(points())
    const answers = names.map((name) => fast.isNumber(name))
    const summarised = userTableOf(points())
    expect(answers).toEqual(names.map((name) => summarised.summary(name)?.kind === 'number'))
    expect(answers).toEqual([true, false, false, true, false, false, false])
  })

  test('agrees with the summary for a feature collection (where it is the summary)', () => {
    const featureCollection: FeatureCollection = {
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
    const table = userTableOf(featureCollection)
    expect(['pm25', 'name', 'mixed', 'missing'].map((name) => table.isNumber(name))).toEqual([
      true,
      false,
      false,
      false,
    ])
  })
})

describe('textOf', () => {
  test('a cell as text: empty for no value, JSON for an object or a list', () => {
    expect(textOf(null)).toBe('')
    expect(textOf(undefined)).toBe('')
    expect(textOf({ a: 1 })).toBe('{"a":1}')
    expect(textOf([1, 2])).toBe('[1,2]')
    expect(textOf(5)).toBe('5')
    expect(textOf(false)).toBe('false')
    expect(textOf('东关桥')).toBe('东关桥')
  })
})

describe('a column summary', () => {
  // Built by hand, not through JSON: a parsed file cannot hold NaN, a point table's number column can.
  const table = (values: unknown[]) =>
    userTableOf({
      type: 'FeatureCollection',
      features: values.map((value): Feature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [119.7, 29.1] },
        properties: { c: value },
      })),
    }).summary('c')!

  test('NaN, null and empty text are no value', () => {
    expect(table([1, Number.NaN, null, 3])).toMatchObject({ kind: 'number', present: 2, range: { min: 1, max: 3 } })
    expect(table(['a', '', null, 'a'])).toMatchObject({ kind: 'text', present: 2, values: [{ value: 'a', count: 2 }] })
  })
  test('the range is the smallest and largest value whatever their order', () => {
    expect(table([9, 2, 5])).toMatchObject({ range: { min: 2, max: 9 }, values: [] })
  })
  test('objects are counted as their JSON text', () => {
    expect(table([{ a: 1 }, { a: 1 }]).values).toEqual([{ value: '{"a":1}', count: 2 }])
  })
  test('a column without any value is text, not a date', () => {
    expect(table([null, ''])).toMatchObject({ kind: 'text', present: 0, values: [] })
  })
  test('a column is a date column when at least 90% of its values are dates; only then has it months', () => {
    const dates = Array.from({ length: 9 }, (_, i) => `2022-0${i + 1}-01`)
    expect(table([...dates, 'unknown']).kind).toBe('date')
    const text = table(['2022-01-01', 'unknown', 'later'])
    expect(text.kind).toBe('text')
    expect(text.months.size).toBe(0)
  })
  test(`distinct values are counted one by one up to ${MAX_DISTINCT}; past that the column says so`, () => {
    const summary = table(Array.from({ length: MAX_DISTINCT + 1 }, (_, i) => `v${i}`))
    expect(summary.values).toHaveLength(MAX_DISTINCT)
    expect(summary.valuesCapped).toBe(true)
    expect(summary.present).toBe(MAX_DISTINCT + 1)
    expect(table(Array.from({ length: MAX_DISTINCT }, (_, i) => `v${i}`)).valuesCapped).toBe(false)
  })
})

describe('UserTable readers and summaries', () => {
  test('a column the data lacks has no reader; a column has one reader and one summary', () => {
    const table = userTableOf(collection([{ a: 1 }]))
    expect(table.reader('missing')).toBeNull()
    expect(table.reader('a')).toBe(table.reader('a'))
    expect(table.summary('a')).toBe(table.summary('a'))
  })
})
