import { describe, expect, test } from 'vitest'
import { CELL_DEGREES, pointCells } from '../../../../src/domain/geometry/point-cells'

describe('pointCells', () => {
  test('points in one cell merge at their mean position, with summed weight and count', () => {
    const positions = new Float32Array([119.7001, 29.1001, 119.7003, 29.1007])
    const [cell, ...rest] = pointCells(positions, new Float32Array([2, 3]))
    expect(rest).toEqual([])
    expect(cell!.count).toBe(2)
    expect(cell!.weight).toBe(5)
    expect(cell!.position[0]).toBeCloseTo(119.7002, 4)
    expect(cell!.position[1]).toBeCloseTo(29.1004, 4)
  })

  test('points a few cells apart north–south or east–west stay apart, each at its own position', () => {
    const sameColumn = pointCells(new Float32Array([119.7001, 29.1001, 119.7001, 29.1051]), null)
    expect(sameColumn.map((c) => c.count)).toEqual([1, 1])
    expect(sameColumn[1]!.position[1]).toBeCloseTo(29.1051, 4)
    const sameRow = pointCells(new Float32Array([119.7001, 29.1001, 119.7051, 29.1001]), null)
    expect(sameRow.map((c) => c.count)).toEqual([1, 1])
    expect(sameRow[1]!.position[0]).toBeCloseTo(119.7051, 4)
  })

  test('cells are about 100 m; a larger size merges more', () => {
    expect(CELL_DEGREES).toBe(0.001)
    const positions = new Float32Array([119.7001, 29.1001, 119.7051, 29.1051])
    expect(pointCells(positions, null)).toHaveLength(2)
    expect(pointCells(positions, null, 0.01)).toEqual([
      { position: [expect.closeTo(119.7026, 4), expect.closeTo(29.1026, 4)], weight: 2, count: 2 },
    ])
  })

  test('no points, no cells', () => {
    expect(pointCells(new Float32Array(0), null)).toEqual([])
  })
})
