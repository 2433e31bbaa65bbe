/**
 * The surface worker's messages and what it does with them, as pure functions (tested in node
 * without a Worker; the worker file only wires onmessage). Same pattern as aggregation-protocol.ts.
 *
 * The worker keeps the grid and the district mask (set once per outline), then answers one
 * request per month and pollutant with the IDW values and their RGBA image.
 */
import type { MultiPolygon, Polygon } from 'geojson'
import { gridOver, idwSurface, polygonMask, surfaceImage, type SurfaceGrid } from '../domain/surface/idw'
import { readingsColourOf, type ReadingsPollutant } from '../domain/air/pollutant-scale'
import { rampColourOf, rampRangeOf, type SurfaceColouring } from '../domain/surface/ramp'

/**
 * Above `above` stations each cell uses only its k nearest: 1,000 stations then cost about as much
 * as 50, and a cell's value is little changed by stations beyond its 12 nearest (weights fall as 1/d²).
 */
export const NEAREST_STATIONS = { above: 100, k: 12 } as const

export interface SurfaceResult {
  grid: SurfaceGrid
  /** One value per cell, row 0 north; NaN outside the outline. */
  values: Float32Array
  /** RGBA per cell in the fixed HJ 633 colours or on the month's ramp; alpha 0 outside the outline. */
  rgba: Uint8ClampedArray
  /** Milliseconds the worker spent on this month (interpolation and colouring). */
  ms: number
}

export type SurfaceRequest =
  | { id: number; type: 'setArea'; geometry: Polygon | MultiPolygon; cellMetres: number }
  | {
      id: number
      type: 'surface'
      positions: Float64Array
      values: Float32Array
      pollutant: ReadingsPollutant
      /** The HJ 633 levels unless asked otherwise (requests written before the ramp). */
      colouring?: SurfaceColouring
    }

export type SurfaceResponse =
  | { id: number; ok: true; type: 'setArea'; result: { grid: SurfaceGrid; insideCells: number } }
  | { id: number; ok: true; type: 'surface'; result: SurfaceResult }
  | { id: number; ok: false; error: string }

export interface SurfaceState {
  grid: SurfaceGrid | null
  mask: Uint8Array | null
}

export function createSurfaceState(): SurfaceState {
  return { grid: null, mask: null }
}

function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const ring of rings)
    for (const [x, y] of ring) {
      box[0] = Math.min(box[0], x!)
      box[1] = Math.min(box[1], y!)
      box[2] = Math.max(box[2], x!)
      box[3] = Math.max(box[3], y!)
    }
  return box
}

/** Handles one request; never throws (errors become error replies). Returns buffers to transfer. */
export function handleSurfaceRequest(
  state: SurfaceState,
  request: SurfaceRequest,
): { response: SurfaceResponse; transfer: ArrayBuffer[] } {
  try {
    if (request.type === 'setArea') {
      state.grid = gridOver(bboxOf(request.geometry), request.cellMetres)
      state.mask = polygonMask(state.grid, request.geometry)
      const insideCells = state.mask.reduce((n, m) => n + m, 0)
      return {
        response: { id: request.id, ok: true, type: 'setArea', result: { grid: state.grid, insideCells } },
        transfer: [],
      }
    }
    if (request.type === 'surface') {
      if (!state.grid || !state.mask) throw new Error('no area: send it with setArea first')
      const started = performance.now()
      const values = idwSurface(
        state.grid,
        { positions: request.positions, values: request.values },
        { mask: state.mask },
      )
      // The ramp's range is the stations' (IDW stays within it), the same the legend states.
      const range = request.colouring === 'ramp' ? rampRangeOf(request.values) : null
      const rgba = surfaceImage(values, (v) =>
        range ? rampColourOf(range, v) : readingsColourOf(request.pollutant, v),
      )
      const result: SurfaceResult = { grid: state.grid, values, rgba, ms: performance.now() - started }
      return {
        response: { id: request.id, ok: true, type: 'surface', result },
        transfer: [values.buffer as ArrayBuffer, rgba.buffer as ArrayBuffer],
      }
    }
    const unknownType: never = request
    throw new Error(`unknown request ${JSON.stringify(unknownType)}`)
  } catch (error) {
    return {
      response: { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) },
      transfer: [],
    }
  }
}
