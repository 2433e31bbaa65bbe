/** The surface worker's message handling, in node without a Worker. */
import { describe, expect, test } from 'vitest'
import type { Polygon } from 'geojson'
import { createSurfaceState, handleSurfaceRequest } from '../../../src/workers/surface-protocol'
import { readingsColourOf } from '../../../src/domain/air/pollutant-scale'
import { RAMP_STOPS, rampColourOf } from '../../../src/domain/surface/ramp'

// A 0.02° square (about 2 km): 10 × 11 cells of ~200 m.
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [119.7, 29.1],
      [119.72, 29.1],
      [119.72, 29.12],
      [119.7, 29.12],
      [119.7, 29.1],
    ],
  ],
}

describe('surface protocol', () => {
  test('a surface before an area is an error reply, not a throw', () => {
    const { response } = handleSurfaceRequest(createSurfaceState(), {
      id: 1,
      type: 'surface',
      positions: new Float64Array([119.71, 29.11]),
      values: new Float32Array([40]),
      pollutant: 'pm25',
    })
    expect(response).toEqual({ id: 1, ok: false, error: 'no area: send it with setArea first' })
  })

  test('setArea builds the grid; surface answers values and colours, transferring both buffers', () => {
    const state = createSurfaceState()
    const area = handleSurfaceRequest(state, { id: 1, type: 'setArea', geometry: square, cellMetres: 200 })
    expect(area.response.ok && area.response.type === 'setArea' && area.response.result.insideCells).toBeGreaterThan(80)
    const { response, transfer } = handleSurfaceRequest(state, {
      id: 2,
      type: 'surface',
      positions: new Float64Array([119.705, 29.105, 119.715, 29.115]),
      values: new Float32Array([30, 80]),
      pollutant: 'pm25',
    })
    if (!response.ok || response.type !== 'surface') throw new Error('expected a surface')
    const { grid, values, rgba } = response.result
    expect(values).toHaveLength(grid.columns * grid.rows)
    expect(transfer).toEqual([values.buffer, rgba.buffer])
    expect(values.every((v) => v >= 30 && v <= 80)).toBe(true)
    expect([...rgba.subarray(0, 4)]).toEqual([...readingsColourOf('pm25', values[0]!), 255])
  })

  test('the ramp: one level among the stations, many colours over their range, its ends at the stations', () => {
    const state = createSurfaceState()
    handleSurfaceRequest(state, { id: 1, type: 'setArea', geometry: square, cellMetres: 200 })
    // Both stations 良 (35 < v ≤ 75): the levels give one colour, the ramp stretches 40–60 over its stops.
    const request = {
      id: 2,
      type: 'surface',
      positions: new Float64Array([119.705, 29.105, 119.715, 29.115]),
      values: new Float32Array([40, 60]),
      pollutant: 'pm25',
    } as const
    const coloursOf = (rgba: Uint8ClampedArray) => {
      const colours = new Set<string>()
      for (let i = 0; i < rgba.length; i += 4) if (rgba[i + 3]) colours.add(rgba.subarray(i, i + 3).join())
      return colours
    }
    const levels = handleSurfaceRequest(state, request).response
    const ramp = handleSurfaceRequest(state, { ...request, id: 3, colouring: 'ramp' }).response
    if (!levels.ok || levels.type !== 'surface' || !ramp.ok || ramp.type !== 'surface')
      throw new Error('expected surfaces')
    expect(coloursOf(levels.result.rgba).size).toBe(1)
    expect(coloursOf(ramp.result.rgba).size).toBeGreaterThan(10)
    const { values, rgba } = ramp.result
    const cell = values.findIndex((v) => !Number.isNaN(v))
    expect([...rgba.subarray(cell * 4, cell * 4 + 4)]).toEqual([
      ...rampColourOf({ min: 40, max: 60 }, values[cell]!),
      255,
    ])
    // The stations' cells hold their readings, so both ends of the ramp appear.
    expect(coloursOf(rgba).has(RAMP_STOPS[0]!.join())).toBe(true)
    expect(coloursOf(rgba).has(RAMP_STOPS[4]!.join())).toBe(true)
  })
})
