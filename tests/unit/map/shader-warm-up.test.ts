/**
 * The warm-up layers (src/map/shader-warm-up.ts) must build the programs and pipelines the real
 * layers of a large point set use: luma.gl keys a render pipeline by the shaders (the layer class
 * and its shader-shaping props) and the buffer layout (which binary attributes, of which type and
 * size). A real layer whose key no warm-up layer has builds its pipeline on its first frame.
 */
import { describe, expect, it } from 'vitest'
import type { Layer } from '@deck.gl/core'
import { warmUpLayers } from '../../../src/map/shader-warm-up'
import { userPointsLayer, type UserPointsDraw } from '../../../src/map/user-points-layers'

/** Props that change neither shaders nor buffer layout: ids, data values, uniforms. */
const NOT_IN_KEY = new Set(['id', 'data', 'opacity', 'visible', 'weightsTextureSize', 'getFillColor', 'colorRange'])

function describeValue(value: unknown): unknown {
  if (typeof value === 'function') return 'function'
  if (ArrayBuffer.isView(value)) return value.constructor.name
  return value
}

/** What of a layer reaches luma.gl's pipeline key, as plain data. */
function programKey(layer: Layer): string {
  const props = layer.props as unknown as Record<string, unknown>
  const shaping = Object.keys(props)
    .filter((key) => !NOT_IN_KEY.has(key))
    .sort()
    .map((key) => [key, describeValue(props[key])])
  const data = props.data as { attributes?: Record<string, { value: unknown; size: number; normalized?: boolean }> }
  const attributes = data?.attributes
    ? Object.entries(data.attributes)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, a]) => [name, describeValue(a.value), a.size, a.normalized ?? false])
    : Array.isArray(props.data)
      ? 'rows'
      : null
  return JSON.stringify([layer.constructor.name, shaping, attributes])
}

const N = 3
function realDraws(): UserPointsDraw[] {
  const draws: UserPointsDraw[] = []
  for (const display of ['points', 'heatmap', 'hexagon'] as const)
    for (const weights of [null, new Float32Array(N)])
      for (const colours of [null, new Uint8Array(N * 3)])
        for (const radii of [null, new Float32Array(N)])
          draws.push({
            id: 'user-1',
            positions: new Float32Array([119.7, 29.1, 119.8, 29.2, 119.9, 29.0]),
            weights,
            colours,
            radii,
            display,
            colour: [200, 60, 20],
            opacity: 0.8,
            propertiesAt: () => null,
          })
  return draws
}

describe('shader warm-up', () => {
  it('builds a layer with the program key of every layer a large point set can be drawn with', () => {
    const warmKeys = new Set(warmUpLayers().map(programKey))
    const missing = realDraws()
      .map((draw) => userPointsLayer(draw))
      .map(programKey)
      .filter((key) => !warmKeys.has(key))
    expect(missing).toEqual([])
  })

  it('tells apart layers whose buffer layouts differ (the check is not vacuous)', () => {
    const draws = realDraws()
    const keys = new Set(draws.map((draw) => programKey(userPointsLayer(draw))))
    // points: plain, coloured, sized, both; heatmap: weighted or not; hexagon: one.
    expect(keys.size).toBe(7)
  })

  it('draws nothing of its own: empty and transparent', () => {
    for (const layer of warmUpLayers()) {
      expect(layer.props.opacity).toBe(0)
      const data = layer.props.data as { length?: number } | unknown[]
      expect(Array.isArray(data) ? data.length : (data as { length: number }).length).toBe(0)
    }
  })
})
