import { defaultUserLayerStyle } from '../../../src/user-data/styles/user-layer-style'
import { describe, expect, test } from 'vitest'
import { pointCells } from '../../../src/domain/geometry/point-cells'
import { pointTableFromFeatures } from '../../../src/user-data/tables/point-table'
import { userLayerSpec } from '../../../src/layers/user-layer'
import { userPointDraws } from '../../../src/map/user-point-draws'
import { resolveRecordStyle } from '../../../src/stores/user-styles'
import type { LayerRecord } from '../../../src/stores/layers'

const table = pointTableFromFeatures(
  [1, 2, 3].map((i) => ({
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [119.7 + i / 100, 29.1] },
    properties: { name: `p${i}`, pm25: i * 10 },
  })),
)

/** The datasets store's getter, for records made here (no store). */
const resolvedOf = (records: readonly LayerRecord[]) => (id: string) =>
  resolveRecordStyle(records.find((r) => r.spec.id === id))

function draws(records: LayerRecord[], rank: Record<string, number>) {
  return userPointDraws(records, rank, resolvedOf(records))
}

function record(id: string, change: Partial<LayerRecord> = {}): LayerRecord {
  return {
    user: { fileName: `${id}.csv`, name: null, addedAt: '2022-01-01T00:00:00Z' },
    spec: userLayerSpec({ id, fileName: `${id}.csv`, index: 0, geometryTypes: ['Point'], binary: true }),
    data: null,
    built: null,
    replacement: null,
    visible: true,
    opacity: 0.5,
    choropleth: null,
    points: table,
    userStyle: { ...defaultUserLayerStyle(), weightColumn: 'pm25' },
    ...change,
  }
}

describe('the deck.gl draws of large point sets', () => {
  test('visible sets only, bottom of the list first, with their colour and opacity', () => {
    const drawn = draws(
      [record('user-1'), record('user-2', { visible: false }), record('user-3'), record('plain', { points: null })],
      { 'user-1': 90, 'user-3': 80 },
    )
    expect(drawn.map((d) => d.id)).toEqual(['user-3', 'user-1'])
    expect(drawn[0]!.opacity).toBe(0.5)
    expect(drawn[0]!.colour).toEqual([217, 70, 239])
    expect(drawn[0]!.positions).toBe(table.positions)
    expect(drawn[0]!.propertiesAt(1)).toEqual({ name: 'p2', pm25: 20 })
  })

  test('points carry no weights; a heatmap takes the chosen column, memoised', () => {
    expect(draws([record('user-1')], {})[0]!.weights).toBeNull()
    const heat = record('user-1', {
      userStyle: { ...defaultUserLayerStyle(), display: 'heatmap', weightColumn: 'pm25' },
    })
    const first = draws([heat], {})[0]!
    expect(Array.from(first.weights!)).toEqual([10, 20, 30])
    expect(draws([heat], {})[0]!.weights).toBe(first.weights)
    const counted = record('user-1', { userStyle: { ...defaultUserLayerStyle(), display: 'hexagon' } })
    expect(draws([counted], {})[0]!.weights).toBeNull()
  })
})

describe('cells for hexagons', () => {
  test('one entry per occupied cell: mean position, summed weight, count', () => {
    const positions = new Float32Array([119.70001, 29.10001, 119.70009, 29.10009, 119.75, 29.15])
    const cells = pointCells(positions, new Float32Array([2, 3, 5]))
    expect(cells).toHaveLength(2)
    expect(cells[0]!.count).toBe(2)
    expect(cells[0]!.weight).toBe(5)
    expect(cells[0]!.position[0]).toBeCloseTo(119.70005, 5)
    expect(cells[1]).toMatchObject({ count: 1, weight: 5 })
    expect(pointCells(positions, null).map((c) => c.weight)).toEqual([2, 1])
  })
})
