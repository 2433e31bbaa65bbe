// GeoJSON files through importBytes (import-file.ts).
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
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
