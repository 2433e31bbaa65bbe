// A user layer's style as plain data: the default, and a stored or received style read back field by field.
import { describe, expect, test } from 'vitest'
import {
  defaultUserLayerStyle,
  parseUserLayerStyle,
  type UserLayerStyle,
} from '../../../../src/user-data/styles/user-layer-style'

const parsed = (change: Record<string, unknown>): UserLayerStyle =>
  parseUserLayerStyle({ ...defaultUserLayerStyle(), ...change })
const graduated = (change: Record<string, unknown>) =>
  parsed({ colour: { kind: 'graduated', column: 'v', method: 'quantile', classCount: 3, ...change } }).colour

describe('defaultUserLayerStyle', () => {
  test('one colour, points of one size, no label, every month, no filter', () => {
    expect(defaultUserLayerStyle()).toEqual({
      colour: { kind: 'single' },
      sizeColumn: null,
      labelColumn: null,
      display: 'points',
      weightColumn: null,
      time: null,
      filter: null,
    })
  })
})

describe('parseUserLayerStyle', () => {
  test('anything but an object reads as the default style', () => {
    for (const value of [null, undefined, 'style', 3, ['colour']])
      expect(parseUserLayerStyle(value)).toEqual(defaultUserLayerStyle())
  })
  test('a whole style reads back as it was', () => {
    const style: UserLayerStyle = {
      colour: { kind: 'graduated', column: 'pm25', method: 'equal-interval', classCount: 4, manualBreaksText: '5, 20' },
      sizeColumn: 'n',
      labelColumn: 'name',
      display: 'hexagon',
      weightColumn: 'w',
      time: { column: 'date', month: '2022-03' },
      filter: { column: 'n', min: 1, max: 9 },
    }
    expect(parseUserLayerStyle(JSON.parse(JSON.stringify(style)))).toEqual(style)
  })
  test('a column name is any text of 1 to 200 characters', () => {
    expect(parsed({ sizeColumn: 'x'.repeat(200) }).sizeColumn).toBe('x'.repeat(200))
    expect(parsed({ sizeColumn: 'x'.repeat(201) }).sizeColumn).toBeNull()
    expect(parsed({ sizeColumn: '' }).sizeColumn).toBeNull()
    expect(parsed({ sizeColumn: 42 }).sizeColumn).toBeNull()
    expect(parsed({ labelColumn: ['name'] }).labelColumn).toBeNull()
  })
  test('an unknown display draws points', () => {
    expect(parsed({ display: 'heatmap' }).display).toBe('heatmap')
    expect(parsed({ display: '3d' }).display).toBe('points')
  })
  test('a month is kept only as YYYY-MM of a real month', () => {
    const month = (value: unknown) => parsed({ time: { column: 'd', month: value } }).time
    expect(month('2022-12')).toEqual({ column: 'd', month: '2022-12' })
    expect(month('2022-13')).toEqual({ column: 'd', month: null })
    expect(month('2022-3')).toEqual({ column: 'd', month: null })
    expect(month(202203)).toEqual({ column: 'd', month: null })
    expect(parsed({ time: { column: '', month: '2022-12' } }).time).toBeNull()
  })
  test('a range bound that is not a finite number is open', () => {
    expect(parsed({ filter: { column: 'n', min: '1', max: 5 } }).filter).toEqual({ column: 'n', min: null, max: 5 })
    expect(parsed({ filter: { column: 'n', min: 0, max: null } }).filter).toEqual({ column: 'n', min: 0, max: null })
  })
})

describe('parseUserLayerStyle: the colour rule', () => {
  test('a colour rule that is not an object, of an unknown kind or without a column is one colour', () => {
    for (const colour of [null, 'red', { kind: 'rainbow', column: 'k' }, { kind: 'graduated' }, { kind: 'categories' }])
      expect(parsed({ colour }).colour).toEqual({ kind: 'single' })
    expect(parsed({ colour: { kind: 'categories', column: 'k' } }).colour).toEqual({ kind: 'categories', column: 'k' })
  })
  test('each classification method is kept; an unknown one is quantile', () => {
    for (const method of ['quantile', 'equal-interval', 'natural-breaks', 'manual'])
      expect(graduated({ method })).toMatchObject({ method })
    expect(graduated({ method: 'jenks' })).toMatchObject({ method: 'quantile' })
  })
  test('the class count is a whole number within the palettes (2 to 7), else 5', () => {
    expect(graduated({ classCount: 4 })).toMatchObject({ classCount: 4 })
    expect(graduated({ classCount: 3.5 })).toMatchObject({ classCount: 5 })
    expect(graduated({ classCount: '3' })).toMatchObject({ classCount: 5 })
    expect(graduated({ classCount: 1 })).toMatchObject({ classCount: 2 })
    expect(graduated({ classCount: 12 })).toMatchObject({ classCount: 7 })
  })
  test('manual breaks are text of at most 200 characters; anything else is none', () => {
    expect(graduated({ manualBreaksText: '1, 2' })).toMatchObject({ manualBreaksText: '1, 2' })
    expect(graduated({ manualBreaksText: '1,'.repeat(150) })).toMatchObject({ manualBreaksText: '1,'.repeat(100) })
    expect(graduated({ manualBreaksText: [1, 2] })).toMatchObject({ manualBreaksText: '' })
    expect(graduated({})).toMatchObject({ manualBreaksText: '' })
  })
})
