/** A large point set sent to the kept-data writer in pieces comes back whole (kept-idb-protocol.ts). */
import { describe, expect, it } from 'vitest'
import { joinPoints, splitPoints } from '../../../../src/user-data/kept/kept-idb-protocol'

const points = {
  kind: 'points',
  fileName: 'ledger.csv',
  table: {
    length: 2,
    positions: new Float32Array([119.7, 29.1, 119.8, 29.2]),
    columns: [
      { name: 'pm25', kind: 'number', values: new Float64Array([35, Number.NaN]) },
      { name: '名称', kind: 'text', text: '东关桥洪坞桥', offsets: new Uint32Array([0, 3, 6]) },
      { name: 'constructor', kind: 'number', values: new Float64Array([1, 2]) },
    ],
  },
}

describe('splitPoints / joinPoints', () => {
  it('sends every big piece apart (positions, numbers, offsets, text) and puts them back', () => {
    const split = splitPoints(points)!
    expect(split.parts).toEqual([
      points.table.positions,
      points.table.columns[0]!.values,
      points.table.columns[1]!.offsets,
      points.table.columns[1]!.text,
      points.table.columns[2]!.values,
    ])
    // The skeleton holds none of them.
    expect(JSON.stringify(split.skeleton)).not.toContain('东关桥')
    expect((split.skeleton as { table: { positions: unknown } }).table.positions).toBeNull()
    const joined = joinPoints(structuredClone(split.skeleton), structuredClone(split.parts))
    expect(joined).toEqual(points)
  })

  it('leaves any other value whole', () => {
    expect(splitPoints({ type: 'FeatureCollection', features: [] })).toBeNull()
    expect(splitPoints(null)).toBeNull()
    expect(splitPoints(undefined)).toBeNull()
    expect(splitPoints('points')).toBeNull()
  })

  it('refuses a skeleton whose parts do not match', () => {
    const split = splitPoints(points)!
    expect(() => joinPoints(split.skeleton, split.parts.slice(1))).toThrow(/fewer/)
    expect(() => joinPoints(split.skeleton, [...split.parts, 'extra'])).toThrow(/more/)
  })
})
