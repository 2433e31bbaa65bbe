/**
 * The heatmaps and the township choropleth read back from a project's view: each field kept when it
 * is in range, left out alone (no key at all, so the app keeps its own value) when it is not.
 */
import { describe, expect, test } from 'vitest'
import { parseProjectChoropleth, parseProjectHeatmap } from '../../../../src/user-data/project/project-view'

describe('the heatmaps read back', () => {
  test('a saved heatmap state comes back whole', () => {
    const saved = {
      readings: false,
      readingsStyle: 'density',
      readingsColouring: 'ramp',
      pollutant: 'o3_8h',
      month: 4,
      inspections: true,
      inspectionStyle: 'hexagon',
      inspectionKinds: ['inspection', 'case', 'transferred'],
      inspectionMonths: [2, 9],
    }
    expect(parseProjectHeatmap(saved)).toStrictEqual(saved)
  })

  test('no heatmap object at all is no heatmap: null, an array, a number or text', () => {
    for (const value of [null, undefined, [], [{ readings: true }], 3, 'heatmap'])
      expect(parseProjectHeatmap(value)).toBeNull()
  })

  test('every field of the wrong type or out of its list is left out, not guessed', () => {
    expect(
      parseProjectHeatmap({
        readings: 'yes',
        readingsStyle: 'contour',
        readingsColouring: 'rainbow',
        pollutant: 'so2',
        month: '5',
        inspections: 1,
        inspectionStyle: 'grid',
        inspectionMonths: 'all',
      }),
    ).toStrictEqual({})
  })

  test('a month is a whole number from 1 to 10 (the months the data covers)', () => {
    expect(parseProjectHeatmap({ month: 1 })).toStrictEqual({ month: 1 })
    expect(parseProjectHeatmap({ month: 10 })).toStrictEqual({ month: 10 })
    for (const month of [0, 11, 2.5, -3, '5', null]) expect(parseProjectHeatmap({ month })).toStrictEqual({})
  })

  test('inspection kinds keep the known ones in their own order and drop the rest', () => {
    expect(parseProjectHeatmap({ inspectionKinds: ['transferred', 'fine', 'inspection'] })).toStrictEqual({
      inspectionKinds: ['inspection', 'transferred'],
    })
    expect(parseProjectHeatmap({ inspectionKinds: [] })).toStrictEqual({ inspectionKinds: [] })
    expect(parseProjectHeatmap({ inspectionKinds: 'case' })).toStrictEqual({})
  })

  test('an inspection month range is two months, the first not after the second', () => {
    expect(parseProjectHeatmap({ inspectionMonths: [3, 7] })).toStrictEqual({ inspectionMonths: [3, 7] })
    expect(parseProjectHeatmap({ inspectionMonths: [6, 6] })).toStrictEqual({ inspectionMonths: [6, 6] })
    for (const inspectionMonths of [[7, 3], [3], [3, 5, 7], [0, 5], [3, 11], { 0: 3, 1: 5, length: 2 }])
      expect(parseProjectHeatmap({ inspectionMonths })).toStrictEqual({})
  })
})

describe('the township choropleth read back', () => {
  test('a saved choropleth comes back whole, a user’s indicator included', () => {
    const saved = {
      indicator: 'user:t.csv:x',
      coloured: false,
      method: 'natural-breaks',
      classCount: 6,
      manualBreaksText: '10, 20, 30',
    }
    expect(parseProjectChoropleth(saved)).toStrictEqual(saved)
  })

  test('no choropleth object at all is no choropleth', () => {
    for (const value of [null, undefined, [], ['quantile'], 5, 'choropleth'])
      expect(parseProjectChoropleth(value)).toBeNull()
  })

  test('an indicator is text of 1 to 600 characters', () => {
    expect(parseProjectChoropleth({ indicator: 'a' })).toStrictEqual({ indicator: 'a' })
    const longest = 'user:' + 'x'.repeat(595)
    expect(parseProjectChoropleth({ indicator: longest })).toStrictEqual({ indicator: longest })
    for (const indicator of ['', longest + 'x', ['user:x'], 7])
      expect(parseProjectChoropleth({ indicator })).toStrictEqual({})
  })

  test('colouring, method and text of the wrong kind are left out', () => {
    expect(parseProjectChoropleth({ coloured: 'no', method: 'jenks', manualBreaksText: 5 })).toStrictEqual({})
    expect(parseProjectChoropleth({ coloured: true, method: 'quantile' })).toStrictEqual({
      coloured: true,
      method: 'quantile',
    })
  })

  test('a class count is a whole number the palettes have: 2 to 7', () => {
    expect(parseProjectChoropleth({ classCount: 2 })).toStrictEqual({ classCount: 2 })
    expect(parseProjectChoropleth({ classCount: 7 })).toStrictEqual({ classCount: 7 })
    for (const classCount of [1, 8, 3.5, '4', null]) expect(parseProjectChoropleth({ classCount })).toStrictEqual({})
  })

  test('manual breaks are kept as typed, cut to 200 characters', () => {
    expect(parseProjectChoropleth({ manualBreaksText: '' })).toStrictEqual({ manualBreaksText: '' })
    expect(parseProjectChoropleth({ manualBreaksText: '1, '.repeat(100) })).toStrictEqual({
      manualBreaksText: '1, '.repeat(100).slice(0, 200),
    })
  })
})
