// The checks every format shares, called directly with hand-made candidates: every problem in
// full (severity, place, field, found, expected, both messages), the CRS rules, extent and progress.
import type { Feature, Geometry, Position } from 'geojson'
import proj4 from 'proj4'
import { describe, expect, test } from 'vitest'
import { CandidateList, type FeatureOrigin, type ParsedSource } from '../../../../src/user-data/import/candidate'
import { finishImport, type FinishSettings } from '../../../../src/user-data/import/finish-import'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import type { ImportProgress } from '../../../../src/user-data/import/types'
import { PROJECTED_CRS_DEFINITIONS, type ProjectedCrs } from '../../../../src/user-data/import/crs-detect'

const DUOHU: [number, number] = [119.68511, 29.0937]
const BEIJING: [number, number] = [116.4, 39.9]
const project = (crs: ProjectedCrs, position: [number, number]) =>
  proj4('WGS84', PROJECTED_CRS_DEFINITIONS[crs], position) as [number, number]
const MERCATOR_DUOHU = project('EPSG:3857', DUOHU)
const GK3_DUOHU = project('CGCS2000-GK-3deg-120', DUOHU)

const feature = (geometry: Geometry, properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties,
  geometry,
})
const point = (position: Position) => feature({ type: 'Point', coordinates: position })
const line = (...coordinates: Position[]) => feature({ type: 'LineString', coordinates })

function source(features: Feature[], origins?: FeatureOrigin[], extra: Partial<ParsedSource> = {}): ParsedSource {
  const candidates = new CandidateList()
  features.forEach((f, i) => candidates.push(f, origins?.[i] ?? { featureIndex: i, line: null }))
  return { candidates, rejectedCount: 0, failed: false, ...extra }
}

async function finish(
  parsed: ParsedSource,
  settings: Partial<FinishSettings> = {},
  onProgress?: (progress: ImportProgress) => void,
) {
  const context = new ImportContext('f.geojson', onProgress)
  return finishImport(
    parsed,
    { format: 'geojson', encoding: 'utf-8', declaredCrs: 'auto', structuralNet: true, ...settings },
    context,
  )
}

const OUTSIDE_EN = 'the data was kept — check the coordinate system'

describe('nothing to finish', () => {
  test('a failed source: no data, nothing added to its problems', async () => {
    expect(await finish(source([], undefined, { failed: true, rejectedCount: 3 }), { format: 'csv' })).toEqual({
      ok: false,
      data: null,
      format: 'csv',
      encoding: 'utf-8',
      featureCount: 0,
      rejectedCount: 3,
      geometryTypes: [],
      problems: [],
      crsSuggestions: [],
      bbox: null,
    })
  })

  test('no candidates: one error saying no feature was usable', async () => {
    expect(await finish(source([], undefined, { rejectedCount: 2 }), { encoding: 'gbk' })).toEqual({
      ok: false,
      data: null,
      format: 'geojson',
      encoding: 'gbk',
      featureCount: 0,
      rejectedCount: 2,
      geometryTypes: [],
      problems: [
        {
          severity: 'error',
          file: 'f.geojson',
          featureIndex: null,
          line: null,
          field: '',
          found: '0 features',
          expected: 'at least one valid feature',
          message: { zh: '没有可用的要素', en: 'no usable features' },
        },
      ],
      crsSuggestions: [],
      bbox: null,
    })
  })
})

describe('kept features', () => {
  test('the extent of every position, types in order of appearance, the features themselves', async () => {
    const a = line([119.9, 29.2], [119.5, 29.05], [119.6, 29.3], [119.7, 29.1])
    const b = point(DUOHU)
    const c = line([119.8, 29.0], [119.7, 29.1])
    const result = await finish(source([a, b, c]))
    expect(result).toEqual({
      ok: true,
      data: { type: 'FeatureCollection', features: [a, b, c] },
      format: 'geojson',
      encoding: 'utf-8',
      featureCount: 3,
      rejectedCount: 0,
      geometryTypes: ['LineString', 'Point'],
      problems: [],
      crsSuggestions: [],
      bbox: [119.5, 29.0, 119.9, 29.3],
    })
    expect(result.data!.features[0]).toBe(a)
  })
})

describe('positions that are not degrees', () => {
  test('a bad position after good ones is named by its own path', async () => {
    const result = await finish(
      source(
        [line([119.7, 29.1], [119.8, 29.2], [500, 29.123456789, 12]), point(DUOHU)],
        [
          { featureIndex: 4, line: null },
          { featureIndex: 5, line: null },
        ],
      ),
    )
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(1)
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'f.geojson',
        featureIndex: 4,
        line: null,
        field: 'geometry.coordinates[2]',
        found: '[500, 29.123457]',
        expected: 'WGS84 degrees',
        message: {
          zh: '发现 [500, 29.123457]，应为经度 −180…180、纬度 −90…90（WGS84 度）',
          en: 'found [500, 29.123457]; expected longitude −180…180 and latitude −90…90 (WGS84 degrees)',
        },
      },
    ])
  })

  test('the first bad position is the one named, even with good and bad ones after it', async () => {
    const result = await finish(source([line([500, 29], [119.7, 29.1], [600, 29]), point(DUOHU), point(DUOHU)]))
    expect(result.problems[0]).toMatchObject({ field: 'geometry.coordinates[0]', found: '[500, 29]' })
  })

  test('most positions projected: one file-level error with the CRS to choose', async () => {
    const result = await finish(source([point(MERCATOR_DUOHU)]))
    expect(result.featureCount).toBe(0)
    expect(result.rejectedCount).toBe(1)
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'f.geojson',
        featureIndex: null,
        line: null,
        field: 'geometry.coordinates',
        found: `[${MERCATOR_DUOHU.map((value) => Number(value.toFixed(6))).join(', ')}]`,
        expected: 'WGS84 degrees [lng, lat]',
        message: {
          zh: expect.stringMatching(/；1 个要素因此未导入。请选择“Web 墨卡托（EPSG:3857）”后重新导入$/),
          en: expect.stringMatching(
            /^coordinates are metres, .*; 1 feature was not imported\. Choose "Web Mercator \(EPSG:3857\)" and import again$/,
          ),
        },
      },
    ])
    expect(result.crsSuggestions.map((suggestion) => suggestion.crs)).toEqual(['EPSG:3857'])
    const two = await finish(source([point(MERCATOR_DUOHU), point(MERCATOR_DUOHU)]))
    expect(two.problems[0]!.message.en).toMatch(/; 2 features were not imported\./)
    expect(two.problems[0]!.message.zh).toMatch(/；2 个要素因此未导入/)
  })

  test('unknown coordinates: the explanation without a CRS to choose', async () => {
    const result = await finish(source([point([5e8, 5e8]), point([6e8, 5e8])]))
    expect(result.problems).toEqual([
      expect.objectContaining({
        field: 'geometry.coordinates',
        found: '[500000000, 500000000]',
        message: {
          zh:
            '坐标不是经纬度度数（如 [500000000, 500000000]），也不像 Web 墨卡托或 CGCS2000 高斯投影；' +
            '2 个要素未导入。请先转换为 WGS84（EPSG:4326）',
          en:
            'coordinates are not degrees (e.g. [500000000, 500000000]) and do not look like Web Mercator or ' +
            'CGCS2000 Gauss-Krüger; 2 features were not imported. Convert them to WGS84 (EPSG:4326) first',
        },
      }),
    ])
    expect(result.crsSuggestions).toEqual([])
  })

  test('swapped axes are explained once too', async () => {
    const result = await finish(source([point([29.0937, 119.68511])]))
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message.en).toMatch(/Choose "swap latitude and longitude" and import again$/)
  })

  test('a conversion with no answer names the position before and the CRS', async () => {
    const result = await finish(source([point(DUOHU)], [{ featureIndex: null, line: 7 }]), {
      declaredCrs: 'CGCS2000-GK-6deg-20',
      format: 'csv',
    })
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'f.geojson',
        featureIndex: null,
        line: 7,
        field: 'geometry.coordinates',
        found: '[119.68511, 29.0937]',
        expected: 'WGS84 degrees',
        message: {
          zh: '按“CGCS2000 高斯 6 度带第 20 带（EPSG:4498）”换算 [119.68511, 29.0937] 得不到有效坐标',
          en:
            'converting [119.68511, 29.0937] as "CGCS2000 Gauss-Krüger 6° zone 20 (EPSG:4498)" ' +
            'gives no valid position',
        },
      },
    ])
  })
})

describe('the structural net', () => {
  const emptyCollection = feature({ type: 'GeometryCollection', geometries: [] })

  test('a feature the layer checks refuse is named with the first error', async () => {
    const result = await finish(source([point(DUOHU), emptyCollection]))
    expect(result.rejectedCount).toBe(1)
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'f.geojson',
        featureIndex: 1,
        line: null,
        field: '',
        found: '"GeometryCollection"',
        expected: 'valid GeoJSON',
        message: {
          zh: 'GeoJSON 检查未通过：geometry.coordinates: empty geometry; expected at least one position',
          en: 'GeoJSON check failed: geometry.coordinates: empty geometry; expected at least one position',
        },
      },
    ])
  })

  test('an error without a field is given as it is', async () => {
    const triangle = feature({
      type: 'Polygon',
      coordinates: [
        [
          [119.7, 29.1],
          [119.8, 29.1],
          [119.7, 29.1],
        ],
      ],
    })
    const result = await finish(source([triangle, point(DUOHU)]))
    expect(result.problems[0]!.message.en).toMatch(/^GeoJSON check failed: not valid GeoJSON: /)
  })

  test('not run when the settings say so (CSV points are built by the importer)', async () => {
    const result = await finish(source([point(DUOHU), emptyCollection]), { structuralNet: false })
    expect(result.featureCount).toBe(2)
    expect(result.problems).toEqual([])
  })
})

describe('outside 金华市', () => {
  test('kept, with one warning naming the first feature outside and the count', async () => {
    const result = await finish(
      source(
        [point(DUOHU), line(BEIJING, [116.5, 40.123456789, 50]), point([2.35, 48.85])],
        [
          { featureIndex: null, line: 2 },
          { featureIndex: null, line: 3 },
          { featureIndex: null, line: 4 },
        ],
      ),
      { format: 'csv' },
    )
    expect(result.featureCount).toBe(3)
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'f.geojson',
        featureIndex: null,
        line: null,
        field: '',
        found: '[116.4, 39.9]',
        expected: 'inside 119, 28.4, 120.9, 29.8 (金华市)',
        message: {
          zh: '2 个要素（共 3 个）位于金华市范围外（如第 3 行：[116.4, 39.9]）；数据已保留，请确认坐标系',
          en: `2 of 3 features lie outside Jinhua (e.g. line 3 at [116.4, 39.9]); ${OUTSIDE_EN}`,
        },
      },
    ])
  })

  test('the place of a feature is its index (0 when unknown)', async () => {
    const at = async (origin: FeatureOrigin) => (await finish(source([point(BEIJING)], [origin]))).problems[0]!.message
    expect(await at({ featureIndex: 3, line: null })).toEqual({
      zh: '1 个要素（共 1 个）位于金华市范围外（如要素 3：[116.4, 39.9]）；数据已保留，请确认坐标系',
      en: `1 of 1 features lie outside Jinhua (e.g. feature 3 at [116.4, 39.9]); ${OUTSIDE_EN}`,
    })
    expect((await at({ featureIndex: null, line: null })).en).toContain('(e.g. feature 0 at')
  })

  test('only the first position outside is shown, without its height', async () => {
    const result = await finish(source([line(DUOHU, [116.4, 39.9, 100], [2.35, 48.85])]))
    expect(result.problems[0]!.found).toBe('[116.4, 39.9]')
  })
})

describe('declared CRS', () => {
  test('a projection declared for data a .prj already converted is not applied, with a warning', async () => {
    const result = await finish(source([point(DUOHU)], undefined, { convertedByPrj: true }), {
      declaredCrs: 'EPSG:3857',
      format: 'shapefile-zip',
    })
    expect(result.featureCount).toBe(1)
    expect(result.data!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: DUOHU })
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'f.geojson',
        featureIndex: null,
        line: null,
        field: '',
        found: 'EPSG:3857',
        expected: 'auto',
        message: {
          zh: '坐标已按 .prj 换算为 WGS84，忽略所选的“Web 墨卡托（EPSG:3857）”',
          en:
            'the .prj already converted the coordinates to WGS84; ' +
            'the chosen "Web Mercator (EPSG:3857)" was not applied',
        },
      },
    ])
  })

  test('a non-projected declaration still applies after a .prj', async () => {
    const result = await finish(source([point(DUOHU)], undefined, { convertedByPrj: true }), {
      declaredCrs: 'swap-axes',
    })
    expect(result.problems.map((problem) => problem.expected)).not.toContain('auto')
    expect(result.rejectedCount).toBe(1)
  })

  test('converted features are copies without their old bbox', async () => {
    const original = { ...point(MERCATOR_DUOHU), bbox: [1, 2, 3, 4] } as Feature
    const result = await finish(source([original]), { declaredCrs: 'EPSG:3857' })
    const converted = result.data!.features[0]!
    expect(converted).not.toHaveProperty('bbox')
    expect((converted.geometry as { coordinates: number[] }).coordinates[0]).toBeCloseTo(DUOHU[0], 6)
    expect(original.bbox).toEqual([1, 2, 3, 4])
    expect(result.crsSuggestions).toEqual([])
    expect(result.problems).toEqual([])
  })

  test('a wrong declaration: a warning naming what the data looks like, the other offers kept', async () => {
    const features = [GK3_DUOHU, GK3_DUOHU, GK3_DUOHU, MERCATOR_DUOHU, MERCATOR_DUOHU].map(point)
    const result = await finish(source(features), { declaredCrs: 'EPSG:3857' })
    expect(result.problems[0]).toEqual({
      severity: 'warning',
      file: 'f.geojson',
      featureIndex: null,
      line: null,
      field: '',
      found: 'EPSG:3857',
      expected: 'CGCS2000-GK-3deg-120',
      message: {
        zh: '按“Web 墨卡托（EPSG:3857）”换算后数据不在金华市；坐标更像“CGCS2000 高斯 3 度带 120°E（EPSG:4549）”',
        en:
          'converted as "Web Mercator (EPSG:3857)" the data is not in Jinhua; ' +
          'the coordinates look more like "CGCS2000 Gauss-Krüger 3° CM 120°E (EPSG:4549)"',
      },
    })
    expect(result.crsSuggestions.map((suggestion) => suggestion.crs)).toEqual(['CGCS2000-GK-3deg-120'])
  })

  test('half the data outside is not "mostly outside"', async () => {
    const features = [GK3_DUOHU, GK3_DUOHU, MERCATOR_DUOHU, MERCATOR_DUOHU].map(point)
    const result = await finish(source(features), { declaredCrs: 'EPSG:3857' })
    expect(result.problems.map((problem) => problem.expected)).not.toContain('CGCS2000-GK-3deg-120')
    expect(result.crsSuggestions).toEqual([])
  })

  test('nothing kept after converting: the warning still says what the data looks like', async () => {
    const result = await finish(source([point(MERCATOR_DUOHU)]), { declaredCrs: 'GCJ-02' })
    expect(result.featureCount).toBe(0)
    expect(result.problems.map((problem) => [problem.severity, problem.found, problem.expected])).toEqual([
      ['warning', 'GCJ-02', 'EPSG:3857'],
      ['error', `[${MERCATOR_DUOHU.map((value) => Number(value.toFixed(6))).join(', ')}]`, 'WGS84 degrees'],
    ])
    expect(result.crsSuggestions.map((suggestion) => suggestion.crs)).toEqual(['EPSG:3857'])
  })

  test('no warning when the data looks like no projection, or like the one declared', async () => {
    const degreesAsMetres = await finish(source([point(BEIJING)]), { declaredCrs: 'EPSG:3857' })
    expect(degreesAsMetres.problems.map((problem) => problem.severity)).toEqual(['warning'])
    expect(degreesAsMetres.problems[0]!.message.en).toMatch(/lie outside Jinhua/)
    const beijingMetres = await finish(source([point(project('EPSG:3857', BEIJING))]), { declaredCrs: 'EPSG:3857' })
    expect(beijingMetres.problems.map((problem) => problem.message.en)).toEqual([
      expect.stringMatching(/^1 of 1 features lie outside Jinhua/),
    ])
  })
})

describe('sampling and progress', () => {
  test('over 2000 candidates, every n-th is sampled for the CRS guess', async () => {
    // Even candidates are degrees, odd ones metres: a sample of every second one sees degrees only.
    const features = Array.from({ length: 2002 }, (_, i) => point(i % 2 === 0 ? DUOHU : MERCATOR_DUOHU))
    const result = await finish(source(features))
    expect(result.featureCount).toBe(1001)
    expect(result.crsSuggestions).toEqual([])
  })

  test('converting from 0, every 1000 candidates, then 1', async () => {
    const seen: ImportProgress[] = []
    await finish(source(Array.from({ length: 1001 }, () => point(DUOHU))), {}, (progress) => seen.push(progress))
    expect(seen).toEqual([
      { phase: 'converting', fraction: 0 },
      { phase: 'converting', fraction: 1000 / 1001 },
      { phase: 'converting', fraction: 1 },
    ])
  })
})
