/**
 * deck.gl layers for the point-density views: a readings heatmap weighted by concentration, and an
 * inspection heatmap and hexagon bins weighted by count. Pure factories: no MapLibre, no Vue.
 *
 * This module imports deck.gl, so the app must load it with a dynamic `import()` (as it loads
 * deck-overlay.ts), keeping deck.gl out of the first load. The legend's scale lives in
 * src/domain/air/pollutant-scale.ts for the same reason; it is re-exported here for convenience.
 */
import { HeatmapLayer, HexagonLayer, type HexagonLayerPickingInfo } from '@deck.gl/aggregation-layers'
import type { PickingInfo } from '@deck.gl/core'
import { readingsColourScale, type ReadingsPollutant } from '../domain/air/pollutant-scale'
import { DENSITY_RAMP } from '../domain/classification/density-ramp'

export {
  readingsLegend,
  readingsColourScale,
  type ReadingsLegend,
  type ReadingsPollutant,
} from '../domain/air/pollutant-scale'

export type LngLat = [number, number]

/** Interleaved lng,lat (binary, fast) or one [lng, lat] per point. */
export type PointPositions = Float64Array | LngLat[]

/** deck.gl binary data: positions and weights read straight from typed arrays, no per-point objects. */
interface BinaryPoints {
  length: number
  attributes: {
    getPosition: { value: Float32Array | Float64Array; size: 2 }
    getWeight?: { value: Float32Array; size: 1 }
  }
}

/**
 * One binary-data object per (positions, weights) pair. deck.gl compares `data` by identity: a new
 * object on every call would re-upload a million points whenever the opacity changes.
 */
const binaryCache = new WeakMap<Float32Array | Float64Array, Map<Float32Array | null, BinaryPoints>>()

export function binaryPoints(positions: Float32Array | Float64Array, weights: Float32Array | null): BinaryPoints {
  let byWeights = binaryCache.get(positions)
  if (!byWeights) binaryCache.set(positions, (byWeights = new Map()))
  let data = byWeights.get(weights)
  if (!data) {
    data = {
      length: positions.length / 2,
      attributes: {
        getPosition: { value: positions, size: 2 },
        ...(weights ? { getWeight: { value: weights, size: 1 as const } } : {}),
      },
    }
    byWeights.set(weights, data)
  }
  return data
}

function checkWeights(positions: PointPositions, weights: Float32Array) {
  const pointCount = positions instanceof Float64Array ? positions.length / 2 : positions.length
  if (weights.length !== pointCount) throw new Error(`heatmap: ${weights.length} values for ${pointCount} points`)
}

export interface ReadingsHeatmapOptions {
  id: string
  points: { positions: PointPositions; values: Float32Array }
  pollutant: ReadingsPollutant
  opacity: number
  /** Kernel radius on screen; larger smooths more. */
  radiusPixels?: number
}

/**
 * Concentration heatmap: each pixel shows the kernel-weighted MEAN of nearby readings, coloured by
 * the fixed HJ 633 scale of the pollutant, so a colour means the same level at every zoom and pan.
 * (deck.gl divides by max(1, kernel sum), so the faint fringe of an isolated reading reads low.)
 */
export function readingsHeatmapLayer(options: ReadingsHeatmapOptions): HeatmapLayer {
  const { positions, values } = options.points
  checkWeights(positions, values)
  const { colorDomain, colorRange } = readingsColourScale(options.pollutant)
  const common = {
    id: options.id,
    opacity: options.opacity,
    radiusPixels: options.radiusPixels ?? 30,
    aggregation: 'MEAN' as const,
    // intensity 1: the colour lookup is value / colorDomain[1], which is what the scale assumes.
    intensity: 1,
    colorDomain,
    colorRange,
  }
  if (positions instanceof Float64Array) return new HeatmapLayer({ ...common, data: binaryPoints(positions, values) })
  return new HeatmapLayer<LngLat>({
    ...common,
    data: positions,
    getPosition: (point) => point,
    getWeight: (_point, { index }) => values[index]!,
  })
}

export interface InspectionHeatmapOptions {
  id: string
  positions: PointPositions
  opacity: number
  radiusPixels?: number
  /**
   * Fixed domain in deck.gl's SUM units (weight per metre of texture) for a stable legend; by
   * default deck.gl scales to the densest spot in view, which suits a "more / fewer" legend.
   */
  colorDomain?: [number, number]
}

/** Inspection density: every point weighs 1, summed under the kernel. */
export function inspectionHeatmapLayer(options: InspectionHeatmapOptions): HeatmapLayer {
  const common = {
    id: options.id,
    opacity: options.opacity,
    radiusPixels: options.radiusPixels ?? 30,
    aggregation: 'SUM' as const,
    colorRange: DENSITY_RAMP,
    ...(options.colorDomain ? { colorDomain: options.colorDomain } : {}),
  }
  const { positions } = options
  if (positions instanceof Float64Array)
    return new HeatmapLayer({ ...common, data: binaryPoints(positions, null), getWeight: 1 })
  return new HeatmapLayer<LngLat>({ ...common, data: positions, getPosition: (point) => point, getWeight: 1 })
}

/** [lng, lat] pairs for layers that need an array (HexagonLayer draws nothing from binary data). Memoised per array. */
const pairCache = new WeakMap<Float64Array, LngLat[]>()

export function positionPairs(positions: PointPositions): LngLat[] {
  if (!(positions instanceof Float64Array)) return positions
  let pairs = pairCache.get(positions)
  if (!pairs) {
    pairs = new Array<LngLat>(positions.length / 2)
    for (let i = 0; i < pairs.length; i++) pairs[i] = [positions[2 * i]!, positions[2 * i + 1]!]
    pairCache.set(positions, pairs)
  }
  return pairs
}

export interface InspectionHexagonOptions {
  id: string
  positions: PointPositions
  opacity: number
  /** Hexagon radius in metres. */
  radius?: number
  /** Called as the pointer moves: the hovered bin's point count (null off the bins) and deck.gl's info. */
  onHoverCount?: (count: number | null, info: HexagonLayerPickingInfo<LngLat>) => void
}

/**
 * Inspections binned in flat hexagons of ~800 m. Aggregated on the CPU (gpuAggregation: false), so
 * each bin's count is exact, and given a plain array (binary attributes draw nothing here).
 * Hovering reports the bin's count through `onHoverCount` (or read it with hexagonCount(info) from
 * the overlay's own onHover).
 */
export function inspectionHexagonLayer(options: InspectionHexagonOptions): HexagonLayer<LngLat> {
  return new HexagonLayer<LngLat>({
    id: options.id,
    data: positionPairs(options.positions),
    getPosition: (point) => point,
    radius: options.radius ?? 800,
    opacity: options.opacity,
    gpuAggregation: false,
    // Each point weighs 1 and bins SUM their weights: a bin's colour and height value is its count.
    getColorWeight: 1,
    colorAggregation: 'SUM',
    getElevationWeight: 1,
    elevationAggregation: 'SUM',
    extruded: false,
    coverage: 0.92,
    colorRange: DENSITY_RAMP,
    pickable: true,
    autoHighlight: true,
    ...(options.onHoverCount ? { onHover: hoverHandler(options.onHoverCount) } : {}),
  })
}

function hoverHandler(report: NonNullable<InspectionHexagonOptions['onHoverCount']>) {
  return (info: HexagonLayerPickingInfo<LngLat>): boolean => {
    report(hexagonCount(info), info)
    // Not consumed: MapLibre and other layers still see the pointer.
    return false
  }
}

/**
 * Points in the hovered hexagon, or null when no bin is under the pointer. deck.gl 9.4's
 * HexagonLayer.getPickingInfo puts { col, row, position, colorValue, elevationValue, count } on
 * info.object (count is the number of points; with the weights above colorValue equals it).
 */
export function hexagonCount(info: PickingInfo): number | null {
  const picked: unknown = info.object
  if (typeof picked !== 'object' || picked === null || !('count' in picked)) return null
  const { count } = picked
  return typeof count === 'number' ? count : null
}
