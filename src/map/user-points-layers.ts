/**
 * deck.gl layers for a user's large point set, from binary attributes: a ScatterplotLayer of the
 * points, or a HeatmapLayer of them, weighted by a numeric column; hexagons are binned from ~100 m
 * cells (src/domain/geometry/point-cells.ts), since the HexagonLayer needs a plain array. The positions
 * are the worker's Float32Array as transferred: deck.gl reads them straight into GPU buffers, with
 * no object per point. Imports deck.gl, so the app loads this module with a dynamic import().
 */
import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers'
import { ScatterplotLayer } from '@deck.gl/layers'
import type { Layer } from '@deck.gl/core'
import { pointCells, type PointCell } from '../domain/geometry/point-cells'
import { binaryPoints } from './heatmap-layers'
import { HEAT_COLOURS } from '../user-data/styles/user-style-resolve'

export interface UserPointsDraw {
  /** The layer record's id; deck.gl layer ids are derived from it. */
  id: string
  positions: Float32Array
  weights: Float32Array | null
  display: 'points' | 'heatmap' | 'hexagon'
  colour: [number, number, number]
  /** RGB per point (colour by category or class), or null for `colour`. */
  colours?: Uint8Array | null
  /** Radius in pixels per point (size by a column), or null for the default. */
  radii?: Float32Array | null
  opacity: number
  /** The properties of the point at an index, for tooltips and panels. */
  propertiesAt(index: number): Record<string, unknown> | null
  /** The row of the layer's table drawn at an index (the month and range filters drop rows). */
  rowAt?(index: number): number
}

/** The legend's heat colours (src/user-data/styles/user-style-resolve.ts), as deck.gl takes them. */
const HEAT_RANGE = HEAT_COLOURS.map((hex): [number, number, number] => {
  const value = Number.parseInt(hex.slice(1), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255]
})

/** Cells per (positions, weights), computed once: hexagons from cells, not a million objects. */
const cellCache = new WeakMap<Float32Array, Map<Float32Array | null, PointCell[]>>()
function cells(positions: Float32Array, weights: Float32Array | null): PointCell[] {
  let byWeights = cellCache.get(positions)
  if (!byWeights) cellCache.set(positions, (byWeights = new Map()))
  let found = byWeights.get(weights)
  if (!found) byWeights.set(weights, (found = pointCells(positions, weights)))
  return found
}

export function userPointsLayer(draw: UserPointsDraw): Layer {
  const data = binaryPoints(draw.positions, draw.weights)
  if (draw.display === 'heatmap')
    return new HeatmapLayer({
      id: `${draw.id}-heatmap`,
      data,
      ...(draw.weights ? {} : { getWeight: 1 }),
      radiusPixels: 25,
      aggregation: 'SUM',
      colorRange: HEAT_RANGE,
      opacity: draw.opacity,
    })
  if (draw.display === 'hexagon')
    return new HexagonLayer<PointCell>({
      id: `${draw.id}-hexagons`,
      data: cells(draw.positions, draw.weights),
      getPosition: (cell) => cell.position,
      getColorWeight: (cell) => cell.weight,
      colorAggregation: 'SUM',
      gpuAggregation: false,
      radius: 500,
      coverage: 0.92,
      extruded: false,
      colorRange: HEAT_RANGE,
      opacity: draw.opacity,
    })
  return new ScatterplotLayer({
    id: `${draw.id}-points`,
    data: styledPoints(draw),
    getFillColor: draw.colour,
    radiusUnits: 'pixels',
    getRadius: 2.5,
    radiusMinPixels: 1.5,
    stroked: false,
    opacity: draw.opacity,
  })
}

/** Positions with per-point colours and radii as binary attributes, one object per set of arrays. */
const styledCache = new WeakMap<Float32Array, Map<unknown, Map<unknown, unknown>>>()
function styledPoints(draw: UserPointsDraw) {
  const plain = binaryPoints(draw.positions, null)
  if (!draw.colours && !draw.radii) return plain
  let byColours = styledCache.get(draw.positions)
  if (!byColours) styledCache.set(draw.positions, (byColours = new Map()))
  let byRadii = byColours.get(draw.colours ?? null)
  if (!byRadii) byColours.set(draw.colours ?? null, (byRadii = new Map()))
  let data = byRadii.get(draw.radii ?? null)
  if (!data) {
    data = {
      length: plain.length,
      attributes: {
        ...plain.attributes,
        ...(draw.colours ? { getFillColor: { value: draw.colours, size: 3, normalized: true } } : {}),
        ...(draw.radii ? { getRadius: { value: draw.radii, size: 1 } } : {}),
      },
    }
    byRadii.set(draw.radii ?? null, data)
  }
  return data as typeof plain
}
