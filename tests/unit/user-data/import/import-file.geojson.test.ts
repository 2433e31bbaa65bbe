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
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'test.geojson',
        featureIndex: null,
        line: null,
        field: 'crs',
        found: 'EPSG:3857',
        expected: 'WGS84 (RFC 7946)',
        message: {
          zh: '文件的 crs 声明为 EPSG:3857，已按此换算为 WGS84',
          en: 'the file\'s "crs" names EPSG:3857; the coordinates were converted from it to WGS84',
        },
      },
    ])
  })

  test('a CRS the user chose wins over the one the file names, without a word', async () => {
    const text = JSON.stringify({
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'EPSG:3857' } },
      features: [point(DUOHU)],
    })
    const result = await run(text, 'test.geojson', 'EPSG:4326')
    expect(result.problems).toEqual([])
    expect(result.data!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: DUOHU })
  })
})

describe('importBytes with TopoJSON', () => {
  const pointGeometry = (extra: Record<string, unknown> = {}) => ({ type: 'Point', coordinates: DUOHU, ...extra })
  const objects = (...geometries: unknown[]) => JSON.stringify({ places: { type: 'GeometryCollection', geometries } })

  test.each([
    ['no whitespace', `{"type":"Topology","arcs":[],"objects":${objects(pointGeometry())}}`],
    [
      'whitespace and newlines around the root\'s "type"',
      `\r\n\t {\n  "type" :\n  "Topology" ,\n  "arcs": [],\n  "objects": ${objects(pointGeometry())}\n}`,
    ],
  ])('a Topology root is reported as topojson (%s)', async (_, text) => {
    expect(await run(text, 'places.json')).toMatchObject({ ok: true, format: 'topojson', featureCount: 1 })
  })

  test('the root decides, wherever its "type" is: sorted keys put it after "arcs" and "objects"', async () => {
    const text = `{"arcs":[],"objects":${objects(pointGeometry())},"type":"Topology"}`
    expect(await run(text, 'places.topojson')).toMatchObject({ ok: true, format: 'topojson', featureCount: 1 })
    expect(await run(`{"arcs":[],"objects":{},"type":"Topology"}`)).toMatchObject({ ok: false, format: 'topojson' })
  })

  test.each([
    ['no whitespace', '{"type":"Topology","objects":{'],
    ['whitespace and newlines', '\n  {\n  "type"\t: \n "Topology",\n  "objects": {'],
  ])('a TopoJSON cut short is still named TopoJSON (%s)', async (_, text) => {
    const result = await run(text, 'places.json')
    expect(result).toMatchObject({ ok: false, format: 'topojson' })
    expect(result.problems[0]!.message.en).toMatch(/^the JSON is incomplete/)
  })

  test('a GeoJSON whose text mentions "Topology" after its root is GeoJSON, whole or cut short', async () => {
    const text = collection(point(DUOHU, { shape: { type: 'Topology' } }))
    expect(text.indexOf('{"type":"Topology"')).toBeLessThan(200)
    expect(await run(text)).toMatchObject({ ok: true, format: 'geojson', featureCount: 1 })
    expect(await run(text.slice(0, -3))).toMatchObject({ ok: false, format: 'geojson' })
  })

  test('TopoJSON goes through the structural net: a bad bbox member is refused', async () => {
    const text = `{"type":"Topology","arcs":[],"objects":${objects(pointGeometry(), pointGeometry({ bbox: 'x' }))}}`
    const result = await run(text, 'places.topojson')
    expect(result).toMatchObject({ format: 'topojson', featureCount: 1, rejectedCount: 1 })
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        featureIndex: 1,
        expected: 'valid GeoJSON',
        message: {
          zh: 'GeoJSON 检查未通过：not valid GeoJSON: at 0: bbox must be an array',
          en: 'GeoJSON check failed: not valid GeoJSON: at 0: bbox must be an array',
        },
      }),
    ])
  })
})
