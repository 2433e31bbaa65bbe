// The draw budget called directly, with limits small enough to reach every branch in a unit test:
// where points turn into a point table and where they are refused, where a file of many features is
// refused, and how lines (polygons go the same way) over the vertex budget are simplified step by step (the
// tolerance its notice names, the counts, the progress) or refused when even the coarsest step is
// too much. Every problem is checked in full, both languages.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import { describe, expect, test, vi } from 'vitest'
import { applyDrawBudget, vertexCount } from '../../../../src/user-data/import/draw-budget'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import type { ImportProgress, ImportResult } from '../../../../src/user-data/import/types'
import { pointProperties } from '../../../../src/user-data/tables/point-table'

vi.mock('../../../../src/user-data/import/draw-limits', () => ({
  BINARY_POINT_THRESHOLD: 5,
  MAX_POINTS: 10,
  MAX_GEOJSON_FEATURES: 1_500,
  VERTEX_BUDGET: 2_000,
  MAX_VERTICES: 4_000,
}))

const FILE = 'f.geojson'
/** Degrees near 金东区; the tolerances are 0.00001° (~1 m), 0.0001°, 0.0005° and 0.001° (~100 m). */
const X0 = 119.6
const Y0 = 29.0

const feature = (geometry: Geometry, properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties,
  geometry,
})
/** GeoJSON allows a feature without geometry; ImportResult's type does not, the budget copes anyway. */
const withoutGeometry = { type: 'Feature', properties: {}, geometry: null } as unknown as Feature
const point = (i: number) => feature({ type: 'Point', coordinates: [X0 + i * 0.001, Y0] }, { i })

/**
 * A line of `vertices` positions 0.0002° apart that swings `amplitude` degrees either side of its
 * axis (it starts and ends on the axis): a tolerance above the amplitude leaves its two ends, one
 * well below it keeps every vertex.
 */
function zigzag(vertices: number, amplitude: number, row = 0): Feature {
  const coordinates: Position[] = Array.from({ length: vertices }, (_, i) => {
    const swing = i === 0 || i === vertices - 1 ? 0 : i % 2 === 0 ? amplitude : -amplitude
    return [X0 + i * 0.0002, Y0 + row * 0.1 + swing]
  })
  return feature({ type: 'LineString', coordinates }, { row })
}
/** Swings of ~0.5 m, 5 m, 30 m and 80 m: each is gone at one tolerance step (1, 10, 50, 100 m) and not before. */
const GONE_AT_1_M = 0.000005
const GONE_AT_10_M = 0.00005
const GONE_AT_50_M = 0.0003
const GONE_AT_100_M = 0.0008
/** Swings of ~500 m: kept whole at every step. */
const KEPT = 0.005
/**
 * `vertices` positions that no step removes, as lines of at most 1,000 (turf's Douglas-Peucker
 * recurses once per vertex kept on a zigzag: a single line of a few thousand overflows the stack).
 */
function kept(vertices: number): Feature[] {
  const lines = Math.ceil(vertices / 1_000)
  return Array.from({ length: lines }, (_, i) =>
    zigzag(Math.floor(vertices / lines) + (i < vertices % lines ? 1 : 0), KEPT, 2 + i),
  )
}

function resultOf(features: Feature[]): ImportResult {
  return {
    ok: true,
    data: { type: 'FeatureCollection', features },
    format: 'geojson',
    encoding: 'utf-8',
    featureCount: features.length,
    rejectedCount: 0,
    geometryTypes: [...new Set(features.map((f) => f.geometry?.type ?? 'null'))],
    problems: [],
    crsSuggestions: [],
    bbox: null,
  }
}

async function budget(features: Feature[], onProgress?: (progress: ImportProgress) => void) {
  const result = resultOf(features)
  const after = await applyDrawBudget(result, new ImportContext(FILE, onProgress))
  return { result, after }
}

const problem = (severity: 'error' | 'warning', found: string, expected: string, zh: string, en: string) => ({
  severity,
  file: FILE,
  featureIndex: null,
  line: null,
  field: '',
  found,
  expected,
  message: { zh, en },
})

const verticesOf = (collection: FeatureCollection | null) =>
  collection!.features.reduce((sum, f) => sum + vertexCount(f.geometry), 0)

describe('points', () => {
  test('up to the threshold, points stay GeoJSON: the result comes back as it was', async () => {
    const { result, after } = await budget(Array.from({ length: 5 }, (_, i) => point(i)))
    expect(after).toBe(result)
    expect(after.problems).toEqual([])
  })

  test('over the threshold but not all points (a line, or a feature without geometry): still GeoJSON', async () => {
    const withLine = await budget([...Array.from({ length: 5 }, (_, i) => point(i)), zigzag(3, KEPT)])
    expect(withLine.after).toBe(withLine.result)
    const noGeometry = await budget([withoutGeometry, ...Array.from({ length: 5 }, (_, i) => point(i))])
    expect(noGeometry.after).toBe(noGeometry.result)
    expect(noGeometry.after.points ?? null).toBeNull()
  })

  test('over the threshold, up to MAX_POINTS: a point table instead of GeoJSON, with a notice', async () => {
    const { result, after } = await budget(Array.from({ length: 10 }, (_, i) => point(i)))
    expect(after.ok).toBe(true)
    expect(after.data).toBeNull()
    expect(after.featureCount).toBe(10)
    expect(after.points!.length).toBe(10)
    expect(pointProperties(after.points!, 9)).toEqual({ i: 9 })
    expect(after.problems).toEqual([
      problem(
        'warning',
        '10 points',
        'up to 5 for the standard layer',
        '大数据点图层：10 个点（超过 5）用 WebGL 直接绘制；可在图层列表切换热力图或蜂窝图。不能替换内置图层，也不能导出',
        'large point layer: 10 points (over 5) are drawn directly with WebGL; ' +
          'switch to a heatmap or hexagons in the layer list. It cannot replace a built-in layer or be exported',
      ),
    ])
    expect(result.data!.features).toHaveLength(10)
  })

  test('over MAX_POINTS: refused, with the count, the limit and what to do', async () => {
    const { result, after } = await budget(Array.from({ length: 11 }, (_, i) => point(i)))
    expect(after).toEqual({
      ...result,
      ok: false,
      data: null,
      points: null,
      featureCount: 0,
      problems: [
        problem(
          'error',
          '11 points',
          'at most 10 points',
          '文件有 11 个点，超过 10 个的上限；请按区域或时间拆分成几个文件',
          'the file has 11 points, over the limit of 10; split it by area or by time',
        ),
      ],
    })
  })
})

describe('features that are not all points', () => {
  // 1,499 points and one line: 1,501 vertices, inside the vertex budget.
  const features = (count: number) => [zigzag(2, 0), ...Array.from({ length: count - 1 }, (_, i) => point(i))]

  test('up to MAX_GEOJSON_FEATURES they are drawn as they are', async () => {
    const { result, after } = await budget(features(1_500))
    expect(after).toBe(result)
    expect(after.problems).toEqual([])
  })

  test('over it: refused, numbers written 1,501', async () => {
    const { result, after } = await budget(features(1_501))
    expect(after).toEqual({
      ...result,
      ok: false,
      data: null,
      points: null,
      featureCount: 0,
      problems: [
        problem(
          'error',
          '1501 features',
          'at most 1500 features',
          '文件有 1,501 个要素（不全是点），超过 1,500 个的上限，无法安全绘制；请拆分文件，或把多点拆成单点',
          'the file has 1,501 features (not all points), over the limit of 1,500 that can be drawn safely; ' +
            'split the file, or explode multipoints into points',
        ),
      ],
    })
  })
})

describe('the vertex budget', () => {
  const simplifiedNotice = (before: number, metres: number, after: number) =>
    problem(
      'warning',
      `${before} vertices`,
      'at most 2000 vertices',
      `文件有 ${before.toLocaleString('en')} 个顶点，超过 2,000 个的绘制预算：` +
        `已按约 ${metres} 米的容差简化为 ${after.toLocaleString('en')} 个顶点`,
      `the file has ${before.toLocaleString('en')} vertices, over the drawing budget of 2,000: ` +
        `simplified with a tolerance of about ${metres} m to ${after.toLocaleString('en')} vertices`,
    )

  test('exactly at the budget: drawn as it is, no notice', async () => {
    const { result, after } = await budget([zigzag(1_000, KEPT), zigzag(1_000, GONE_AT_1_M, 1)])
    expect(after).toBe(result)
    expect(after.problems).toEqual([])
  })

  test.each([
    [GONE_AT_1_M, 1],
    [GONE_AT_10_M, 10],
    [GONE_AT_50_M, 50],
    [GONE_AT_100_M, 100],
  ])('over it: the tolerance is raised until the file fits (swings of %f° → about %i m)', async (swing, metres) => {
    const { after } = await budget([zigzag(2_001, swing)])
    expect(after.problems).toEqual([simplifiedNotice(2_001, metres, 2)])
    expect(after.ok).toBe(true)
    expect(after.data!.features[0]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [X0, Y0],
        [X0 + 2_000 * 0.0002, Y0],
      ],
    })
  })

  test('the simplified lines replace the data; points among them are kept as they are', async () => {
    const points = [point(0), point(1), point(2)]
    const line = zigzag(2_100, GONE_AT_10_M)
    const { result, after } = await budget([points[0]!, line, points[1]!, points[2]!])
    expect(after).toEqual({ ...result, data: after.data, problems: [simplifiedNotice(2_103, 10, 5)] })
    expect(after.data).toEqual({
      type: 'FeatureCollection',
      features: [
        points[0],
        {
          ...line,
          geometry: {
            ...line.geometry,
            coordinates: [
              [X0, Y0],
              [X0 + 2_099 * 0.0002, Y0],
            ],
          },
        },
        points[1],
        points[2],
      ],
    })
    // The points were not run through the simplifier (which copies what it is given).
    expect(after.data!.features[0]).toBe(points[0])
    expect(after.data!.features[3]).toBe(points[2])
    // The file as read is untouched.
    expect(verticesOf(result.data)).toBe(2_103)
  })

  test('a step that brings the file exactly to the budget is the one taken', async () => {
    // 1,998 vertices that no step removes, and 50 that go at 10 m: 2,048, then 2,000 at 10 m.
    const { after } = await budget([...kept(1_998), zigzag(50, GONE_AT_10_M, 1)])
    expect(after.problems).toEqual([simplifiedNotice(2_048, 10, 2_000)])
    expect(verticesOf(after.data)).toBe(2_000)
  })

  test('over the budget even at the coarsest step, within MAX_VERTICES: kept at about 100 m', async () => {
    const { after } = await budget([...kept(3_998), zigzag(50, GONE_AT_10_M, 1)])
    expect(after.ok).toBe(true)
    expect(after.problems).toEqual([simplifiedNotice(4_048, 100, 4_000)])
    expect(verticesOf(after.data)).toBe(4_000)
  })

  test('still over MAX_VERTICES at the coarsest step: refused, with what to do', async () => {
    const { result, after } = await budget([...kept(3_999), zigzag(50, GONE_AT_10_M, 1)])
    expect(after).toEqual({
      ...result,
      ok: false,
      data: null,
      points: null,
      featureCount: 0,
      problems: [
        problem(
          'error',
          '4049 vertices',
          'at most 4000 vertices',
          '文件有 4,049 个顶点，简化到约 100 米后仍有 4,001 个，超过 4,000 个的上限；' +
            '请先在 QGIS（矢量→几何→简化）或 mapshaper 中简化，或拆分文件',
          'the file has 4,049 vertices, still 4,001 after simplifying to about 100 m, over the limit of 4,000; ' +
            'simplify it first in QGIS (Vector → Geometry → Simplify) or mapshaper, or split the file',
        ),
      ],
    })
  })

  // Four overflowing attempts (one per tolerance) take seconds on a loaded machine: a longer timeout.
  test('a line too regular for the simplifier (its recursion overflows) is counted whole, not a crash', async () => {
    const { after } = await budget([zigzag(6_000, KEPT)])
    expect(after).toMatchObject({ ok: false, data: null })
    expect(after.problems).toEqual([
      expect.objectContaining({ severity: 'error', found: '6000 vertices', expected: 'at most 4000 vertices' }),
    ])
    expect(after.problems[0]!.message.en).toContain('still 6,000 after simplifying to about 100 m')
  }, 30_000)

  test('simplifying reports progress as "converting", every 500 features', async () => {
    const seen: ImportProgress[] = []
    // 1,000 points and a line of 1,100 vertices that goes at 1 m: one step, over 1,001 features.
    const points = Array.from({ length: 1_000 }, (_, i) => point(i))
    const { after } = await budget([...points, zigzag(1_100, GONE_AT_1_M)], (progress) => seen.push(progress))
    expect(after.problems).toEqual([simplifiedNotice(2_100, 1, 1_002)])
    expect(seen).toEqual([
      { phase: 'converting', fraction: 0 },
      { phase: 'converting', fraction: 500 / 1_001 },
      { phase: 'converting', fraction: 1_000 / 1_001 },
    ])
  })

  test('the quick simplification: a first pass drops vertices within the tolerance of the last kept', async () => {
    // At 1 m (t = 0.00001°): the third vertex lies within t of the second, which lies 0.9 t off the
    // line's chord, so the quick pass leaves the two ends; the thorough one would keep the third
    // (1.5 t off the chord). Chosen for speed: a file over the budget has a million vertices.
    const t = 0.00001
    const spike = feature({
      type: 'LineString',
      coordinates: [
        [X0, Y0 + 0.5],
        [X0 + 5 * t, Y0 + 0.5 + 0.9 * t],
        [X0 + 5.5 * t, Y0 + 0.5 + 1.5 * t],
        [X0 + 10 * t, Y0 + 0.5],
      ],
    })
    const { after } = await budget([zigzag(2_001, GONE_AT_1_M), spike])
    expect(after.problems).toEqual([simplifiedNotice(2_005, 1, 4)])
  })
})
