// resolveUserStyle: a user layer's style read against its data (categories, classes, sizes, fallbacks).
import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { classify } from '../../../../src/domain/classification/classify'
import { defaultUserLayerStyle, type UserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { userTableOf } from '../../../../src/user-data/styles/user-style-columns'
import {
  CATEGORY_COLOURS,
  OTHER_COLOUR,
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
