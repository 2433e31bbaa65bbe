import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { lineAndColumn, replaceNonFiniteTokens, scanJson } from '../../../../src/user-data/import/json-syntax'
import { checkFeatureStructure, closestGeometryType } from '../../../../src/user-data/import/geometry-structure'
import { MAX_LISTED_PROBLEMS, type DeclaredCrs } from '../../../../src/user-data/import/types'
import { formatImportProblem } from '../../../../src/user-data/import/import-issues'

const bytes = (text: string) => new TextEncoder().encode(text)
const run = (text: string, fileName = 'test.geojson', declaredCrs: DeclaredCrs = 'auto') =>
  importBytes(bytes(text), { fileName, declaredCrs })
const point = (coordinates: unknown, properties: unknown = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
})
const collection = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features })
const DUOHU: [number, number] = [119.68511, 29.0937]

describe('scanJson finds where JSON goes wrong', () => {
  test.each([
    ['{"a": 1,}', 'trailing-comma', 8],
    ['[1, 2,]', 'trailing-comma', 6],
    ["{'a': 1}", 'single-quote', 1],
    ['{"a": 1} // note', 'after-end', 9],
    ['{"a": 1 /* c */}', 'comment', 8],
    ['{"a": [1, 2', 'truncated', 11],
    ['{"a": "abc', 'truncated', 10],
    ['{"a": tru', 'truncated', 9],
    ['{"a": 12.', 'truncated', 9],
    ['{"a" 1}', 'unexpected', 5],
    ['{"a": "x\ny"}', 'bad-string', 8],
    ['{"a": "\\q"}', 'bad-string', 7],
    ['[01]', 'unexpected', 2],
  ])('%s → %s at %i', (text, kind, position) => {
    expect(() => JSON.parse(text)).toThrow()
    const scan = scanJson(text)
    expect(scan.error?.kind).toBe(kind)
    expect(scan.error?.position).toBe(position)
  })

  test('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '"x"', '-0.5e-3', '{"a": [true, false, null, {"b": "\\u00e9\\n"}]}', ' \n[1]\n ']) {
      expect(scanJson(text)).toEqual({ error: null, nonFinite: [] })
    }
  })

  test('lists bare NaN and Infinity tokens but not the words inside strings', () => {
    const text = '{"a": NaN, "b": "NaN", "c": [-Infinity, Infinity]}'
    const scan = scanJson(text)
    expect(scan.error).toBeNull()
    expect(scan.nonFinite.map((token) => token.token)).toEqual(['NaN', '-Infinity', 'Infinity'])
    expect(JSON.parse(replaceNonFiniteTokens(text, scan.nonFinite))).toEqual({ a: null, b: 'NaN', c: [null, null] })
  })

  test('survives deep nesting without recursion', () => {
    const deep = '['.repeat(100_000)
    expect(scanJson(deep).error?.kind).toBe('truncated')
  })

  test('lineAndColumn is 1-based', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 })
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 })
    expect(lineAndColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 })
  })
})

describe('checkFeatureStructure', () => {
  test.each([
    [point(['1', 2]), 'geometry.coordinates', /text "1"/],
    [point([1]), 'geometry.coordinates', /1 value/],
    [point([]), 'geometry.coordinates', /empty geometry/],
    [
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[1, 2]] } },
      'geometry.coordinates',
      /line has 1 position/,
    ],
    [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [1, 2],
                [2, 2],
                [2, 3],
                [1, 2],
              ],
            ],
            [],
          ],
        },
      },
      'geometry.coordinates[1]',
      /empty geometry/,
    ],
    [
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 'x'] }] },
      },
      'geometry.geometries[0].coordinates',
      /text "x"/,
    ],
    [{ type: 'Feature', properties: {}, geometry: { type: 'Point' } }, 'geometry.coordinates', /no coordinates/],
    [
      { type: 'Feature', properties: 'name', geometry: { type: 'Point', coordinates: [1, 2] } },
      'properties',
      /expected an object or null/,
    ],
    [{ type: 'feature', properties: {}, geometry: null }, 'type', /expected "Feature"/],
    [42, '', /expected a Feature object/],
  ])('%j → %s', (feature, field, message) => {
    const problem = checkFeatureStructure(feature)
    expect(problem?.field).toBe(field)
    expect(problem?.message.en).toMatch(message)
    expect(problem?.message.zh).toBeTruthy()
  })

  test('accepts heights and a missing properties member', () => {
    expect(checkFeatureStructure({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2, 30] } })).toBeNull()
  })

  test('suggests the geometry type meant', () => {
    expect(closestGeometryType('Polgon')).toBe('Polygon')
    expect(closestGeometryType('point')).toBe('Point')
    expect(closestGeometryType('multilinestring')).toBe('MultiLineString')
    expect(closestGeometryType('Circle')).toBeNull()
  })
})

describe('importBytes with GeoJSON', () => {
  test('keeps the valid features, lists the invalid ones, and never throws', async () => {
    const result = await run(
      collection(point(DUOHU, { name: 'a' }), point(['x', 29]), null, 'text', point(DUOHU, { name: 'b' })),
    )
    expect(result.ok).toBe(true)
    expect(result.featureCount).toBe(2)
    expect(result.rejectedCount).toBe(3)
    expect(result.problems.map((problem) => problem.featureIndex)).toEqual([1, 2, 3])
    expect(result.data!.features.map((feature) => feature.properties!.name)).toEqual(['a', 'b'])
  })

  test('reads a Feature, a bare geometry and an array of Features', async () => {
    expect((await run(JSON.stringify(point(DUOHU)))).featureCount).toBe(1)
    const bare = await run(JSON.stringify({ type: 'Point', coordinates: DUOHU }))
    expect(bare.data!.features[0]).toEqual({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates: DUOHU },
    })
    const array = await run(JSON.stringify([point(DUOHU), point(DUOHU)]))
    expect(array.featureCount).toBe(2)
    expect(array.problems[0]!.message.en).toMatch(/array of Features/)
  })

  test('explains TopoJSON and other roots', async () => {
    expect((await run('{"type": "Topology", "objects": {}}')).problems[0]!.message.en).toMatch(/TopoJSON/)
    expect((await run('{"type": "Foo"}')).problems[0]!.message.en).toMatch(/"type" is "Foo"/)
    expect((await run('[1, 2]')).problems[0]!.message.en).toMatch(/is an array/)
  })

  test('a UTF-8 BOM and surrounding whitespace are fine; the content decides the format, not the name', async () => {
    const result = await run(`\uFEFF \n${collection(point(DUOHU))}`, 'points.csv')
    expect(result.format).toBe('geojson')
    expect(result.featureCount).toBe(1)
  })

  test('property values are kept exactly, including "__proto__" and nested objects', async () => {
    const text =
      '{"type":"Feature","properties":{"__proto__":{"x":1},"n":1.5,"s":"<b>","o":{"a":[1]}},' +
      '"geometry":{"type":"Point","coordinates":[119.68511,29.0937]}}'
    const result = await run(text)
    const properties = result.data!.features[0]!.properties!
    expect(Object.keys(properties)).toEqual(['__proto__', 'n', 's', 'o'])
    expect(properties.s).toBe('<b>')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  test('mixed geometry types are listed in order of appearance', async () => {
    const line = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'LineString', coordinates: [DUOHU, [119.7, 29.1]] },
    }
    const result = await run(collection(line, point(DUOHU), line))
    expect(result.geometryTypes).toEqual(['LineString', 'Point'])
    expect(result.bbox).toEqual([119.68511, 29.0937, 119.7, 29.1])
  })

  test('problems are capped, with one summary line', async () => {
    const features = Array.from({ length: 500 }, () => point(['1', '2']))
    const result = await run(collection(point(DUOHU), ...features))
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(500)
    expect(result.problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(result.problems.at(-1)!.message.en).toBe('and 300 more problems not listed (300 errors, 0 warnings)')
  })

  test('an all-invalid file is not ok and says no feature was usable', async () => {
    const result = await run(collection(point(null), point('x')))
    expect(result.ok).toBe(false)
    expect(result.data).toBeNull()
    expect(formatImportProblem(result.problems[0]!, 'zh')).toBe('文件 test.geojson：没有可用的要素')
  })

  test('a CRS named in the file (old GeoJSON) that we cannot convert is mentioned', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4547' } },
      features: [point(DUOHU)],
    })
    expect((await run(text)).problems[0]!.message.en).toMatch(/names the CRS "urn:ogc:def:crs:EPSG::4547"/)
  })

  test('a file naming EPSG:3857 in its crs member is converted when the CRS is left on auto', async () => {
    const metres = [13323285.5, 3387577.36] // 多湖街道 (119.68511, 29.0937) in Web Mercator
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      features: [point(metres)],
    })
    const result = await run(text)
    expect(result.featureCount).toBe(1)
    const [lng, lat] = (result.data!.features[0]!.geometry as { coordinates: number[] }).coordinates
    expect(lng).toBeCloseTo(119.6851, 3)
    expect(lat).toBeCloseTo(29.0937, 3)
    expect(result.problems[0]!.message.en).toMatch(/"crs" names EPSG:3857; the coordinates were converted/)
  })
})
