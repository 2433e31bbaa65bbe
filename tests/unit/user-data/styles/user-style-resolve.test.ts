// resolveUserStyle: a user layer's style read against its data (categories, classes, sizes, fallbacks).
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { classify } from '../../../../src/domain/classification/classify'
import { defaultUserLayerStyle, type UserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import {
  CATEGORY_COLOURS,
  OTHER_COLOUR,
  RADIUS_RANGE,
  radiusOf,
  resolveUserStyle,
  resolvedUserStyle,
} from '../../../../src/user-data/styles/user-style-resolve'
import { naturalBreaks } from '../../../../src/domain/classification/natural-breaks'

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

  test('graduated by natural breaks: the classes ckmeans gives; quantiles only while its code loads', () => {
    const values = [1, 2, 2, 3, 10, 11, 12, 13, 40]
    const table = userTableOf(collection(values.map((v) => ({ v }))))
    const natural = style({
      colour: { kind: 'graduated', column: 'v', method: 'natural-breaks', classCount: 3, manualBreaksText: '' },
    })
    const loading = resolvedUserStyle(table, natural, '#000', null).colour
    expect(loading).toMatchObject({ classification: classify(values, 'quantile', 3) })
    // The memo must not hand back the quantiles once the natural breaks are in.
    const loaded = resolvedUserStyle(table, natural, '#000', naturalBreaks).colour
    expect(loaded).toMatchObject({ classification: classify(values, 'natural-breaks', 3, undefined, naturalBreaks) })
    expect(
      (loaded as { classification: { classes: { max: number }[] } }).classification.classes.map((c) => c.max),
    ).toEqual([3, 13, 40])
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

describe('resolveUserStyle: categories', () => {
  const categories = (column: string) => style({ colour: { kind: 'categories', column } })

  test('exactly 10 values each keep a colour of their own, without 其他', () => {
    const table = userTableOf(collection(Array.from({ length: 10 }, (_, i) => ({ k: `v${i}` }))))
    const colour = resolveUserStyle(table, categories('k'), '#000').colour
    if (colour.kind !== 'categories') throw new Error('expected categories')
    expect(colour.entries.map((entry) => entry.colour)).toEqual([...CATEGORY_COLOURS])
    expect(colour.other).toBeNull()
  })
  test('a numeric column (codes, classes 1–5) is counted as text, most frequent first', () => {
    const table = userTableOf(collection([{ n: 2 }, { n: 1 }, { n: 1 }, { n: null }, { n: 3 }, { n: 1 }, { n: 3 }]))
    expect(resolveUserStyle(table, categories('n'), '#000').colour).toEqual({
      kind: 'categories',
      column: 'n',
      entries: [
        { value: '1', count: 3, colour: CATEGORY_COLOURS[0] },
        { value: '3', count: 2, colour: CATEGORY_COLOURS[1] },
        { value: '2', count: 1, colour: CATEGORY_COLOURS[2] },
      ],
      other: null,
      missing: 1,
    })
  })
  test('a date column may be coloured by its values; rows without a value are counted as missing', () => {
    const table = userTableOf(collection([{ d: '2022-01-01' }, { d: '' }, { d: '2022-01-01' }, { x: 1 }]))
    expect(resolveUserStyle(table, categories('d'), '#000').colour).toEqual({
      kind: 'categories',
      column: 'd',
      entries: [{ value: '2022-01-01', count: 2, colour: CATEGORY_COLOURS[0] }],
      other: null,
      missing: 2,
    })
  })
  test('a column the data lacks falls back to the layer colour', () => {
    const table = userTableOf(collection([{ k: 'a' }]))
    expect(resolveUserStyle(table, categories('missing'), '#abcdef').colour).toEqual({
      kind: 'single',
      colour: '#abcdef',
    })
  })
})

describe('resolveUserStyle: one colour and the memo of colours', () => {
  test('one colour is the layer colour, whichever colour the layer has now', () => {
    const table = userTableOf(collection([{ k: 'a' }]))
    expect(resolveUserStyle(table, style({}), '#111111').colour).toEqual({ kind: 'single', colour: '#111111' })
    expect(resolveUserStyle(table, style({}), '#222222').colour).toEqual({ kind: 'single', colour: '#222222' })
  })
  test('the colours are not classified again when only the month or the size changes', () => {
    const table = userTableOf(
      collection([
        { v: 1, d: '2022-01-01' },
        { v: 2, d: '2022-02-01' },
      ]),
    )
    const colour = { kind: 'graduated', column: 'v', method: 'quantile', classCount: 2, manualBreaksText: '' } as const
    const first = resolveUserStyle(table, style({ colour, time: { column: 'd', month: '2022-01' } }), '#000')
    const other = resolveUserStyle(table, style({ colour: { kind: 'categories', column: 'v' } }), '#000')
    const again = resolveUserStyle(
      table,
      style({ colour, time: { column: 'd', month: '2022-02' }, sizeColumn: 'v' }),
      '#000',
    )
    expect(other.colour).not.toBe(first.colour)
    expect(again.colour).toBe(first.colour)
  })
  test('the colour memo keeps the last 21 rules of a table, then starts afresh', () => {
    const table = userTableOf(collection([{ k: 'a' }]))
    const colourOf = (i: number) =>
      resolveUserStyle(table, style({ colour: { kind: 'categories', column: `c${i}` } }), '#000').colour
    const first = colourOf(0)
    for (let i = 1; i < 21; i++) colourOf(i)
    expect(colourOf(0)).toBe(first)
    colourOf(21)
    expect(colourOf(0)).not.toBe(first)
  })
})

describe('resolveUserStyle: label, weight and range filter', () => {
  const table = userTableOf(
    collection([
      { t: 'x', n: 1 },
      { t: 'y', n: 3 },
    ]),
  )
  test('a label column the data lacks labels nothing', () => {
    expect(resolveUserStyle(table, style({ labelColumn: 'missing' }), '#000').label).toBeNull()
  })
  test('heatmap weights come from a numeric column only', () => {
    const weight = (weightColumn: string | null) =>
      resolveUserStyle(table, style({ display: 'heatmap', weightColumn }), '#000').weightColumn
    expect(weight('n')).toBe('n')
    expect(weight('t')).toBeNull()
    expect(weight('missing')).toBeNull()
    expect(weight(null)).toBeNull()
  })
  test('a range filter on a text column filters nothing', () => {
    expect(resolveUserStyle(table, style({ filter: { column: 't', min: 0, max: 1 } }), '#000').filter).toBeNull()
  })
})

describe('radiusOf', () => {
  const [small, large] = RADIUS_RANGE
  test('the area grows with the value: the smallest radius at the minimum, the largest at the maximum', () => {
    const size = { min: 10, max: 20 }
    expect(radiusOf(10, size)).toBe(small)
    expect(radiusOf(20, size)).toBe(large)
    expect(radiusOf(12.5, size)).toBeCloseTo(small + (large - small) * 0.5)
  })
  test('values outside the range keep to its ends', () => {
    expect(radiusOf(0, { min: 10, max: 20 })).toBe(small)
    expect(radiusOf(99, { min: 10, max: 20 })).toBe(large)
  })
  test('a range of one value draws every point at the middle radius', () => {
    expect(radiusOf(5, { min: 5, max: 5 })).toBe((small + large) / 2)
  })
})

describe('resolvedUserStyle', () => {
  test('the same style of the same data is resolved once: the map and the legend share the answer', () => {
    const table = userTableOf(collection([{ k: 'a' }]))
    const resolved = resolvedUserStyle(table, style({ labelColumn: 'k' }), '#000')
    expect(resolvedUserStyle(table, style({ labelColumn: 'k' }), '#000')).toBe(resolved)
    expect(resolvedUserStyle(table, style({ labelColumn: 'k' }), '#111')).not.toBe(resolved)
  })
  test('the memo keeps the last 51 styles of a table, then starts afresh', () => {
    const table = userTableOf(collection([{ k: 'a' }]))
    const resolve = (i: number) => resolvedUserStyle(table, style({ labelColumn: `l${i}` }), '#000')
    const first = resolve(0)
    for (let i = 1; i < 51; i++) resolve(i)
    expect(resolve(0)).toBe(first)
    resolve(51)
    expect(resolve(0)).not.toBe(first)
  })
})
