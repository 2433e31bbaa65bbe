/**
 * ReadingsSurfaceSource: one surface worker however many requests wait for the server's answer
 * together, and the latest request gets its surface (the month slider moved while the first request
 * waited: a second worker was started without the outline, and the month's surface never came).
 */
import type { Polygon } from 'geojson'
import { beforeEach, describe, expect, test, vi } from 'vitest'

const created: FakeClient[] = []
class FakeClient {
  hasArea = false
  setArea = vi.fn(async () => {
    this.hasArea = true
    return { grid: {}, insideCells: 1 }
  })
  surface = vi.fn(async () => {
    if (!this.hasArea) throw new Error('surface: no area: send it with setArea first')
    return { grid: {}, values: new Float32Array(1), rgba: new Uint8ClampedArray(4) }
  })
  dispose = vi.fn()
}

vi.mock('../../../src/workers/surface-client', () => ({
  SurfaceClient: {
    create: () => {
      const client = new FakeClient()
      created.push(client)
      return client
    },
  },
}))
vi.mock('../../../src/io/parts', () => ({
  parts: { serverAnswers: () => new Promise((resolve) => setTimeout(() => resolve(true), 5)) },
  PartUnavailableError: class extends Error {},
}))

const { ReadingsSurfaceSource } = await import('../../../src/map/readings-surface')

const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [119.6, 29.0],
      [119.9, 29.0],
      [119.9, 29.3],
      [119.6, 29.0],
    ],
  ],
}
const outline = {
  type: 'FeatureCollection' as const,
  features: [{ type: 'Feature' as const, properties: {}, geometry: square }],
}
const readings = { positions: new Float64Array([119.7, 29.1]), values: new Float32Array([35]) }

describe('ReadingsSurfaceSource', () => {
  beforeEach(() => void created.splice(0))

  test('two requests waiting for the same answer share one worker; the latest gets its surface', async () => {
    const source = new ReadingsSurfaceSource()
    const first = source.compute(outline, readings, 'pm25', 0.8)
    const second = source.compute(outline, readings, 'pm25', 0.8)
    await expect(first).resolves.toMatchObject({ stale: true, surface: null })
    const latest = await second
    expect(latest.stale).toBe(false)
    expect(latest.surface).not.toBeNull()
    expect(created).toHaveLength(1)
    expect(created[0]!.setArea).toHaveBeenCalledTimes(1)
  })
})
