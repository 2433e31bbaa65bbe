/**
 * deck.gl layers for a user's large point set, from binary attributes: a ScatterplotLayer of the
 * points, or a HeatmapLayer of them, weighted by a numeric column; hexagons are binned from ~100 m
 * cells (src/domain/point-cells.ts), since the HexagonLayer needs a plain array. The positions
 * are the worker's Float32Array as transferred: deck.gl reads them straight into GPU buffers, with
 * no object per point. Imports deck.gl, so the app loads this module with a dynamic import().
 */
import { HeatmapLayer, HexagonLayer } from '@deck.gl/aggregation-layers'
import { ScatterplotLayer } from '@deck.gl/layers'
import type { Layer } from '@deck.gl/core'
import { pointCells, type PointCell } from '../domain/point-cells'
import { binaryPoints } from './heatmap-layers'

export interface UserPointsDraw {
  /** The layer record's id; deck.gl layer ids are derived from it. */
  id: string
  positions: Float32Array
  weights: Float32Array | null
  display: 'points' | 'heatmap' | 'hexagon'
  colour: [number, number, number]
  opacity: number
  /** The properties of the point at an index, for tooltips and panels. */
  propertiesAt(index: number): Record<string, unknown> | null
}

const HEAT_RANGE: [number, number, number][] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
]

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
    data,
    getFillColor: draw.colour,
    radiusUnits: 'pixels',
    getRadius: 2.5,
    radiusMinPixels: 1.5,
    stroked: false,
    opacity: draw.opacity,
  })
}
