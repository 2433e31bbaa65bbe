import { describe, expect, test } from 'vitest'
import type { Feature } from 'geojson'
import {
  BINARY_POINT_THRESHOLD,
  MAX_VERTICES,
  VERTEX_BUDGET,
  vertexCount,
} from '../../../../src/user-data/import/draw-budget'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { handleImportRequest } from '../../../../src/user-data/import/import-worker-loop'
import type { ImportWorkerMessage } from '../../../../src/user-data/import/import-protocol'
import {
  nearestPointIndex,
  numericColumnNames,
  pointProperties,
  pointTableBbox,
  pointTableFromFeatures,
  transferablesOf,
  weightsOf,
} from '../../../../src/user-data/tables/point-table'

const encode = (text: string) => new TextEncoder().encode(text)

/** Deterministic CSV of `count` points inside 金东区, with a text and a numeric column. */
function pointsCsv(count: number): string {
  const lines = ['id,name,lng,lat,value']
  for (let i = 0; i < count; i++) {
    const lng = (119.6 + (i % 1000) * 0.0003).toFixed(5)
    const lat = (29.0 + Math.floor(i / 1000) * 0.003).toFixed(5)
    lines.push(`${i},site ${i},${lng},${lat},${i % 7}`)
  }
  return lines.join('\n')
}

describe('point tables', () => {
  const features: Feature[] = [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [119.7, 29.1] },
      properties: { a: 1, constructor: 'x', n: null },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [119.8, 29.2] },
      properties: JSON.parse('{"a":2.5,"constructor":"","__proto__":"p"}') as Record<string, unknown>,
    },
  ]
  const table = pointTableFromFeatures(features)

  test('columns: numbers stay numbers, anything else text; every name is a key', () => {
    expect(table.length).toBe(2)
    expect(Array.from(table.positions)).toEqual([119.7, 29.1, 119.8, 29.2].map(Math.fround))
    expect(numericColumnNames(table)).toEqual(['a', 'n'])
    const first = pointProperties(table, 0)!
    expect(Object.entries(first)).toEqual([
      ['a', 1],
      ['constructor', 'x'],
      ['n', null],
      ['__proto__', ''],
    ])
    const second = pointProperties(table, 1)!
    expect(Object.getOwnPropertyDescriptor(second, '__proto__')?.value).toBe('p')
    expect(second.a).toBe(2.5)
    expect(pointProperties(table, 2)).toBeNull()
    expect(pointProperties(table, -1)).toBeNull()
  })

  test('weights: missing and negative weigh 0; text columns give none', () => {
    expect(Array.from(weightsOf(table, 'a')!)).toEqual([1, 2.5])
    expect(Array.from(weightsOf(table, 'n')!)).toEqual([0, 0])
    expect(weightsOf(table, 'constructor')).toBeNull()
  })

  test('transferables are every buffer, bbox and the nearest point', () => {
    expect(transferablesOf(table)).toHaveLength(1 + table.columns.length)
    expect(pointTableBbox(table)).toEqual([119.7, 29.1, 119.8, 29.2].map(Math.fround))
    expect(nearestPointIndex(table.positions, 119.7001, 29.1001, 0.001, 0.001)).toBe(0)
    expect(nearestPointIndex(table.positions, 119.75, 29.15, 0.001, 0.001)).toBe(-1)
  })
})

describe('the draw budget', () => {
  test('vertices are every position (a ring counts its closing one); no geometry has none', () => {
    expect(vertexCount(null)).toBe(0)
    expect(vertexCount({ type: 'Point', coordinates: [119.7, 29.1] })).toBe(1)
    const ring = [
      [119.7, 29.1],
      [119.8, 29.1],
      [119.8, 29.2],
      [119.7, 29.1],
    ]
    expect(vertexCount({ type: 'Polygon', coordinates: [ring] })).toBe(4)
    expect(
      vertexCount({
        type: 'GeometryCollection',
        geometries: [
          { type: 'MultiPolygon', coordinates: [[ring], [ring]] },
          { type: 'LineString', coordinates: ring.slice(0, 2) },
        ],
      }),
    ).toBe(10)
  })

  test('a small point file stays GeoJSON', async () => {
    const result = await importBytes(encode(pointsCsv(100)), { fileName: 'small.csv', declaredCrs: 'auto' })
    expect(result.data?.features).toHaveLength(100)
    expect(result.points ?? null).toBeNull()
  })

  test('a large point file becomes a point table, with a notice, and is transferred', async () => {
    const count = BINARY_POINT_THRESHOLD + 1
    const messages: { message: ImportWorkerMessage; transfer?: Transferable[] }[] = []
    const file = new File([pointsCsv(count)], 'big.csv')
    await handleImportRequest({ file, options: { declaredCrs: 'auto' } }, (message, transfer) =>
      messages.push({ message, transfer }),
    )
    const last = messages.at(-1)!
    expect(last.message.type).toBe('result')
    const result = (last.message as Extract<ImportWorkerMessage, { type: 'result' }>).result
    expect(result.ok).toBe(true)
    expect(result.data).toBeNull()
    expect(result.featureCount).toBe(count)
    expect(result.points!.length).toBe(count)
    expect(result.points!.positions[2 * 1234]).toBeCloseTo(119.6 + 234 * 0.0003, 4)
    expect(pointProperties(result.points!, 1234)).toEqual({ id: 1234, name: 'site 1234', value: 1234 % 7 })
    expect(last.transfer).toContain(result.points!.positions.buffer)
    expect(result.problems.some((p) => p.severity === 'warning' && /50,000/.test(p.message.en))).toBe(true)
  })

  test('polygons over the vertex budget are simplified, with a notice naming the tolerance', async () => {
    // 30 circles of 40,000 vertices each: 1.2 M vertices, over the budget of 1 M.
    const ring = (cx: number, cy: number, n: number) => {
      const positions = Array.from({ length: n }, (_, i) => {
        const a = (2 * Math.PI * i) / n
        return [cx + 0.01 * Math.cos(a), cy + 0.01 * Math.sin(a)]
      })
      return [...positions, positions[0]!]
    }
    const features = Array.from({ length: 30 }, (_, i) => ({
      type: 'Feature',
      properties: { i },
      geometry: {
        type: 'Polygon',
        coordinates: [ring(119.6 + (i % 6) * 0.05, 29.0 + Math.floor(i / 6) * 0.05, 40_000)],
      },
    }))
    const text = JSON.stringify({ type: 'FeatureCollection', features })
    const result = await importBytes(encode(text), { fileName: 'fine.geojson', declaredCrs: 'auto' })
    expect(result.ok).toBe(true)
    const after = result.data!.features.reduce((sum, f) => sum + vertexCount(f.geometry), 0)
    expect(after).toBeLessThanOrEqual(VERTEX_BUDGET)
    expect(after).toBeGreaterThan(30 * 4)
    expect(result.problems.some((p) => /simplified with a tolerance of about \d+ m/.test(p.message.en))).toBe(true)
    expect(MAX_VERTICES).toBeGreaterThan(VERTEX_BUDGET)
  }, 60_000)
})
