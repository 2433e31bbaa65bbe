// A large point set as typed columns: how features become columns, one point's properties, weights, bbox, picking.
import type { Feature } from 'geojson'
import { describe, expect, it } from 'vitest'
import {
  nearestPointIndex,
  pointProperties,
  pointTableBbox,
  pointTableFromFeatures,
  weightsOf,
} from '../../../../src/user-data/tables/point-table'

// Features as a parsed file holds them (null properties included), typed once here.
const features = (list: unknown[]): Feature[] => JSON.parse(JSON.stringify(list)) as Feature[]
const point = (lng: number, lat: number, properties: Record<string, unknown> | null) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties,
})

describe('a point table from features', () => {
  const table = pointTableFromFeatures(
    features([
      point(119.5, 29.25, { pm25: 30, name: '甲', extra: { a: 1 } }),
      point(119.75, 29.5, { pm25: null, name: null }),
      point(120, 29.75, null),
      point(120.25, 30, { pm25: 12.5, name: 7 }),
    ]),
  )

  it('keeps the positions as lng, lat pairs', () => {
    expect(table.length).toBe(4)
    expect([...table.positions]).toEqual([119.5, 29.25, 119.75, 29.5, 120, 29.75, 120.25, 30])
  })

  it('a column of numbers, null or missing stays numeric; missing values read as null', () => {
    const pm25 = table.columns.find((c) => c.name === 'pm25')!
    expect(pm25.kind).toBe('number')
    expect([0, 1, 2, 3].map((i) => pointProperties(table, i)!.pm25)).toEqual([30, null, null, 12.5])
  })

  it('a column with any other value is text: null and missing as empty, objects as JSON', () => {
    expect(table.columns.map((c) => [c.name, c.kind])).toEqual([
      ['pm25', 'number'],
      ['name', 'text'],
      ['extra', 'text'],
    ])
    expect([0, 1, 2, 3].map((i) => pointProperties(table, i)!.name)).toEqual(['甲', '', '', '7'])
    expect([0, 1, 2, 3].map((i) => pointProperties(table, i)!.extra)).toEqual(['{"a":1}', '', '', ''])
  })

  it('a name that every object inherits is read only where a point has it', () => {
    const odd = pointTableFromFeatures(features([point(0, 0, { constructor: 5 }), point(1, 1, {})]))
    expect(odd.columns[0]!.kind).toBe('number')
    expect(pointProperties(odd, 1)).toEqual({ constructor: null })
  })

  it("one point's properties are a plain object: listed, editable, out-of-range indices give null", () => {
    const properties = pointProperties(table, 0)!
    expect(Object.keys(properties)).toEqual(['pm25', 'name', 'extra'])
    properties.name = '乙'
    expect(properties.name).toBe('乙')
    expect(pointProperties(table, 4)).toBeNull()
    expect(pointProperties(table, -1)).toBeNull()
  })
})

describe('weights for a heatmap', () => {
  const table = pointTableFromFeatures(
    features([
      point(0, 0, { a: 1, b: 4 }),
      point(0, 0, { a: 2, b: -3 }),
      point(0, 0, { a: 3, b: null }),
      point(0, 0, { a: 4, b: 2 }),
    ]),
  )
  it("are the named column's values, missing and negative ones weighing 0", () => {
    expect([...weightsOf(table, 'b')!]).toEqual([4, 0, 0, 2])
    expect([...weightsOf(table, 'a')!]).toEqual([1, 2, 3, 4])
  })
  it('weigh an infinite value 0', () => {
    const infinite = pointTableFromFeatures(features([point(0, 0, { w: 1 })]))
    const column = infinite.columns[0]!
    if (column.kind === 'number') column.values[0] = Infinity
    expect([...weightsOf(infinite, 'w')!]).toEqual([0])
  })
  it('are null for a missing or text column', () => {
    const mixed = pointTableFromFeatures(features([point(0, 0, { t: 'x' })]))
    expect(weightsOf(mixed, 't')).toBeNull()
    expect(weightsOf(table, 'c')).toBeNull()
  })
})

describe('the bounding box', () => {
  it('spans every point, whatever their order; an empty table has none', () => {
    const table = pointTableFromFeatures(
      features([point(119.5, 29.5, {}), point(120.5, 30.5, {}), point(119, 29, {}), point(120, 30, {})]),
    )
    expect(pointTableBbox(table)).toEqual([119, 29, 120.5, 30.5])
    const lastHighest = pointTableFromFeatures(
      features([point(119.5, 29.5, {}), point(119, 29, {}), point(120, 31, {})]),
    )
    expect(pointTableBbox(lastHighest)).toEqual([119, 29, 120, 31])
    expect(pointTableBbox(pointTableFromFeatures([]))).toBeNull()
  })
})

describe('picking the nearest point', () => {
  const at = (...pairs: number[]) => new Float32Array(pairs)
  it('gives the index of the nearest point within the tolerance, -1 when none', () => {
    expect(nearestPointIndex(at(10, 10, 0.25, 0, 0.125, 0.125), 0, 0, 0.5, 0.5)).toBe(2)
    expect(nearestPointIndex(at(0.125, 0, 10, 10), 0, 0, 0.5, 0.5)).toBe(0)
    expect(nearestPointIndex(at(10, 10), 0, 0, 0.5, 0.5)).toBe(-1)
  })
  it('takes the nearer point though a farther one comes later', () => {
    expect(nearestPointIndex(at(0.125, 0, 0.25, 0), 0, 0, 0.5, 0.5)).toBe(0)
  })
  it('on a tie the later point wins (it is drawn on top)', () => {
    expect(nearestPointIndex(at(0.25, 0, -0.25, 0), 0, 0, 0.5, 0.5)).toBe(1)
  })
  it('picks points on the edge of the tolerance, each way', () => {
    expect(nearestPointIndex(at(0.5, 0), 0, 0, 0.5, 0.5)).toBe(0)
    expect(nearestPointIndex(at(-0.5, 0), 0, 0, 0.5, 0.5)).toBe(0)
    expect(nearestPointIndex(at(0, 0.5), 0, 0, 0.5, 0.5)).toBe(0)
    expect(nearestPointIndex(at(0, -0.5), 0, 0, 0.5, 0.5)).toBe(0)
  })
  it('scales the tolerance per axis: two tolerances away is out, a corner of the box is out', () => {
    expect(nearestPointIndex(at(0.02, 0), 0, 0, 0.01, 0.01)).toBe(-1)
    expect(nearestPointIndex(at(0, 0.02), 0, 0, 0.01, 0.01)).toBe(-1)
    expect(nearestPointIndex(at(0.375, 0.375), 0, 0, 0.5, 0.5)).toBe(-1)
  })
})
