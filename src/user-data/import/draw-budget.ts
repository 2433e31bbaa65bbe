/**
 * What drawing a parsed file will cost, decided in the worker before anything reaches the map.
 *
 * - Points: up to BINARY_POINT_THRESHOLD they stay GeoJSON (MapLibre circles, every style and
 *   export). Above it they become a PointTable (typed arrays, transferred) drawn by deck.gl from
 *   binary attributes: a MapLibre GeoJSON source tiles every point in its worker and rebuilds tiles
 *   on each zoom (300,000 features took 11 s with 0.9 s main-thread tasks; 1,000,000 crashed the
 *   tab), and structured-cloning a million feature objects to the page alone blocks it for seconds.
 *   50,000 keeps the GeoJSON path well inside a second on 2 cores.
 * - Above MAX_POINTS (5,000,000: 40 MB of positions, the most a 200 MB CSV can hold) points are refused.
 * - Lines and polygons: above VERTEX_BUDGET vertices they are simplified (turf.simplify,
 *   Douglas-Peucker, tolerance raised step by step) with a notice naming the tolerance; a file still
 *   over MAX_VERTICES at the coarsest step, or with more than MAX_GEOJSON_FEATURES features that
 *   cannot go the binary way, is refused with the limit and what to do.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { simplify } from '@turf/turf'
import { pointTableFromFeatures } from '../tables/point-table'
import { everyPosition } from './geometry-positions'
import type { ImportContext } from './import-context'
import type { ImportResult } from './types'

import { BINARY_POINT_THRESHOLD, MAX_GEOJSON_FEATURES, MAX_POINTS, MAX_VERTICES, VERTEX_BUDGET } from './draw-limits'

export { BINARY_POINT_THRESHOLD, MAX_GEOJSON_FEATURES, MAX_POINTS, MAX_VERTICES, VERTEX_BUDGET }
/** 1234567 → "1,234,567" in both languages' messages. */
const n = (value: number) => value.toLocaleString('en')
/** Degrees: ~1 m, ~10 m, ~50 m, ~100 m near Jinhua. */
const TOLERANCES = [0.00001, 0.0001, 0.0005, 0.001] as const

export function vertexCount(geometry: Geometry | null): number {
  if (!geometry) return 0
  let count = 0
  everyPosition(geometry, () => ++count > 0)
  return count
}

function refuse(
  result: ImportResult,
  context: ImportContext,
  found: string,
  expected: string,
  message: { zh: string; en: string },
): ImportResult {
  context.problems.add({ severity: 'error', found, expected, message })
  return { ...result, ok: false, data: null, points: null, featureCount: 0, problems: context.problems.toArray() }
}

const isPoint = (feature: Feature) => feature.geometry?.type === 'Point'

/**
 * turf's Douglas-Peucker recurses once per vertex it keeps where vertices tie for the farthest: a
 * regular zigzag of some thousands of vertices overflows the stack. Such a feature is kept as it is
 * and counted so (the budget then refuses the file by its numbers if it must), rather than the whole
 * import failing with "Maximum call stack size exceeded".
 */
function simplifiedFeature(feature: Feature, tolerance: number): Feature {
  try {
    return simplify(feature, { tolerance, highQuality: false })
  } catch (error) {
    if (error instanceof RangeError) return feature
    throw error
  }
}

async function simplified(collection: FeatureCollection, tolerance: number, context: ImportContext) {
  const features: Feature[] = []
  let vertices = 0
  for (let i = 0; i < collection.features.length; i++) {
    if (i % 500 === 0) await context.checkpoint('converting', i / collection.features.length)
    const feature = collection.features[i]!
    const geometry = feature.geometry?.type === 'Point' ? feature : simplifiedFeature(feature, tolerance)
    vertices += vertexCount(geometry.geometry)
    features.push(geometry)
  }
  return { features, vertices }
}

/** The result as the map can draw it: unchanged, points as a table, simplified, or refused. */
export async function applyDrawBudget(result: ImportResult, context: ImportContext): Promise<ImportResult> {
  const collection = result.data
  if (!result.ok || !collection) return result
  const features = collection.features
  const count = features.length
  if (count > BINARY_POINT_THRESHOLD && features.every(isPoint)) {
    if (count > MAX_POINTS)
      return refuse(result, context, `${count} points`, `at most ${MAX_POINTS} points`, {
        zh: `文件有 ${n(count)} 个点，超过 ${n(MAX_POINTS)} 个的上限；请按区域或时间拆分成几个文件`,
        en: `the file has ${n(count)} points, over the limit of ${n(MAX_POINTS)}; split it by area or by time`,
      })
    await context.pause()
    const points = pointTableFromFeatures(features)
    context.problems.add({
      severity: 'warning',
      found: `${count} points`,
      expected: `up to ${BINARY_POINT_THRESHOLD} for the standard layer`,
      message: {
        zh: `大数据点图层：${n(count)} 个点（超过 ${n(BINARY_POINT_THRESHOLD)}）用 WebGL 直接绘制；可在图层列表切换热力图或蜂窝图。不能替换内置图层，也不能导出`,
        en:
          `large point layer: ${n(count)} points (over ${n(BINARY_POINT_THRESHOLD)}) are drawn directly with WebGL; ` +
          `switch to a heatmap or hexagons in the layer list. It cannot replace a built-in layer or be exported`,
      },
    })
    return { ...result, data: null, points, problems: context.problems.toArray() }
  }
  if (count > MAX_GEOJSON_FEATURES)
    return refuse(result, context, `${count} features`, `at most ${MAX_GEOJSON_FEATURES} features`, {
      zh: `文件有 ${n(count)} 个要素（不全是点），超过 ${n(MAX_GEOJSON_FEATURES)} 个的上限，无法安全绘制；请拆分文件，或把多点拆成单点`,
      en:
        `the file has ${n(count)} features (not all points), ` +
        `over the limit of ${n(MAX_GEOJSON_FEATURES)} that can be drawn safely; ` +
        'split the file, or explode multipoints into points',
    })
  let vertices = 0
  for (const feature of features) vertices += vertexCount(feature.geometry)
  if (vertices <= VERTEX_BUDGET) return result
  for (const tolerance of TOLERANCES) {
    const attempt = await simplified(collection, tolerance, context)
    if (attempt.vertices <= VERTEX_BUDGET || tolerance === TOLERANCES[TOLERANCES.length - 1]) {
      if (attempt.vertices > MAX_VERTICES)
        return refuse(result, context, `${vertices} vertices`, `at most ${MAX_VERTICES} vertices`, {
          zh:
            `文件有 ${n(vertices)} 个顶点，简化到约 100 米后仍有 ${n(attempt.vertices)} 个，超过 ${n(MAX_VERTICES)} 个的上限；` +
            `请先在 QGIS（矢量→几何→简化）或 mapshaper 中简化，或拆分文件`,
          en:
            `the file has ${n(vertices)} vertices, still ${n(attempt.vertices)} after simplifying to about 100 m, ` +
            `over the limit of ${n(MAX_VERTICES)}; ` +
            'simplify it first in QGIS (Vector → Geometry → Simplify) or mapshaper, or split the file',
        })
      const metres = Math.round(tolerance * 100_000)
      context.problems.add({
        severity: 'warning',
        found: `${vertices} vertices`,
        expected: `at most ${VERTEX_BUDGET} vertices`,
        message: {
          zh: `文件有 ${n(vertices)} 个顶点，超过 ${n(VERTEX_BUDGET)} 个的绘制预算：已按约 ${metres} 米的容差简化为 ${n(attempt.vertices)} 个顶点`,
          en:
            `the file has ${n(vertices)} vertices, over the drawing budget of ${n(VERTEX_BUDGET)}: ` +
            `simplified with a tolerance of about ${metres} m to ${n(attempt.vertices)} vertices`,
        },
      })
      return {
        ...result,
        data: { type: 'FeatureCollection', features: attempt.features },
        problems: context.problems.toArray(),
      }
    }
  }
  return result
}
