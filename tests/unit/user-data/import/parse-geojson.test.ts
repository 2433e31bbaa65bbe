// GeoJSON text to candidates: every file-level problem in full, the NaN/Infinity warning, the
// roots accepted and refused, the CRS named in old files, and progress.
import { describe, expect, test } from 'vitest'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { parseGeoJsonText } from '../../../../src/user-data/import/parse-geojson'
import type { ImportProgress } from '../../../../src/user-data/import/types'

async function parse(text: string, onProgress?: (progress: ImportProgress) => void) {
  const context = new ImportContext('f.geojson', onProgress)
  const source = await parseGeoJsonText(text, context)
  return { source, problems: context.problems.toArray() }
}

const point = (coordinates: unknown = [119.7, 29.1]) => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Point', coordinates },
})
const problem = (fields: Record<string, unknown>) => ({
  severity: 'error',
  file: 'f.geojson',
  featureIndex: null,
  line: null,
  field: '',
  ...fields,
})

describe('broken JSON', () => {
  test('a syntax error: line, column, what was found and what was expected', async () => {
    const { source, problems } = await parse('{\n  "type" 1}')
    expect(source).toMatchObject({ failed: true })
    expect(problems).toEqual([
      problem({
        line: 2,
        found: '1}',
        expected: 'a colon :',
        message: {
          zh: 'JSON 语法错误：第 2 行第 10 列，发现「1}」，应为冒号 :；未导入任何要素',
          en: 'JSON syntax error: at line 2, column 10 found `1}`; expected a colon :; nothing was imported',
        },
      }),
    ])
  })

  test('a file cut short says so', async () => {
    const { problems } = await parse('{"type": "FeatureCollection", "features": [')
    expect(problems).toEqual([
      problem({
        line: 1,
        found: 'end of file',
        expected: 'a value or ]',
        message: {
          zh: 'JSON 不完整，文件提前结束（下载或复制被截断？）：第 1 行第 44 列，发现文件结尾，应为一个值或 ]；未导入任何要素',
          en:
            'the JSON is incomplete: the file ends early (truncated download or copy?): at line 1, column 44 ' +
            'found the end of the file; expected a value or ]; nothing was imported',
        },
      }),
    ])
  })

  test.each([
    ['{"a": 1,}', 'JSON syntax error: a comma after the last item', 'JSON 语法错误：最后一项后多了逗号'],
    ["{'a': 1}", 'JSON syntax error: single quotes', 'JSON 语法错误：用了单引号'],
    ['{"a": 1 /* c */}', 'JSON syntax error: JSON does not allow comments', 'JSON 语法错误：JSON 不允许注释'],
    ['{} x', 'JSON syntax error: more text after the end of the JSON', 'JSON 语法错误：JSON 结束后还有内容'],
    ['{"a": "\\q"}', 'JSON syntax error: a malformed string', 'JSON 语法错误：字符串写法不对'],
  ])('%s: its own summary', async (text, en, zh) => {
    const { problems } = await parse(text)
    expect(problems[0]!.message.en.startsWith(`${en}: at line 1, column `)).toBe(true)
    expect(problems[0]!.message.zh.startsWith(`${zh}：第 1 行第 `)).toBe(true)
  })
})

describe('NaN and Infinity', () => {
  test('one token: a warning with its place; read as null, so its feature is refused', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [point(), point()] }).replace('119.7', 'NaN')
    const { source, problems } = await parse(text)
    expect(problems[0]).toEqual({
      severity: 'warning',
      file: 'f.geojson',
      featureIndex: null,
      line: 1,
      field: '',
      found: 'NaN',
      expected: 'a number or null',
      message: {
        zh: '第 1 行第 117 列有 NaN：JSON 不允许 NaN 和 Infinity；已按 null 读取，含这些值的坐标会被拒绝',
        en:
          'line 1, column 117: NaN — JSON does not allow NaN or Infinity; read as null, ' +
          'and coordinates holding them are refused',
      },
    })
    expect(source.rejectedCount).toBe(1)
    expect(source.candidates.length).toBe(1)
  })

  test('several tokens: the first, and how many more', async () => {
    const feature = (coordinates: string) =>
      `{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": ${coordinates}}}`
    const { problems } = await parse(`[\n${feature('[-Infinity, NaN]')},\n${feature('[Infinity, 29]')}]`)
    const warning = problems.find((p) => p.found === '-Infinity')!
    expect(warning.line).toBe(2)
    expect(warning.message.en).toMatch(/^line 2, column \d+: -Infinity and 2 more NaN\/Infinity — JSON does not allow/)
    expect(warning.message.zh).toMatch(/^第 2 行第 \d+ 列有 -Infinity 等共 3 处 NaN\/Infinity：/)
  })
})

describe('the root', () => {
  test('not an object', async () => {
    for (const [text, found] of [
      ['5', '5'],
      ['"x"', '"x"'],
      ['true', 'true'],
    ]) {
      const { source, problems } = await parse(text!)
      expect(source.failed).toBe(true)
      expect(problems).toEqual([
        problem({
          found,
          expected: 'an object',
          message: {
            zh: `文件内容是 ${found}，应为 GeoJSON 对象`,
            en: `the file holds ${found}; expected a GeoJSON object`,
          },
        }),
      ])
    }
  })

  test('an array of Features is read as a collection, with a warning', async () => {
    const { source, problems } = await parse(JSON.stringify([point(), point()]))
    expect(source.candidates.length).toBe(2)
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'f.geojson',
        featureIndex: null,
        line: null,
        field: '',
        found: 'array of 2 Features',
        expected: 'FeatureCollection',
        message: {
          zh: '文件是要素数组而不是 FeatureCollection；已按 FeatureCollection 读取',
          en: 'the file is an array of Features, not a FeatureCollection; read as a FeatureCollection',
        },
      },
    ])
  })

  test.each([
    ['[]', '[]'],
    ['[null]', '[null]'],
    ['[1]', '[1]'],
    ['[{"type": "Point", "coordinates": [1, 2]}]', '[{…}]'],
  ])('any other array is refused: %s', async (text, found) => {
    const { source, problems } = await parse(text)
    expect(source.failed).toBe(true)
    expect(problems).toEqual([
      problem({
        found,
        expected: 'FeatureCollection, Feature or a geometry',
        message: {
          zh: `文件是一个数组（${found}），应为 FeatureCollection、Feature 或几何对象`,
          en: `the file is an array (${found}); expected a FeatureCollection, a Feature or a geometry`,
        },
      }),
    ])
  })

  test('an array with one Feature and one other thing is refused', async () => {
    expect((await parse(JSON.stringify([point(), 1]))).source.failed).toBe(true)
  })

  test('features that are not an array', async () => {
    const { problems } = await parse('{"type": "FeatureCollection", "features": {"a": 1}}')
    expect(problems).toEqual([
      problem({
        field: 'features',
        found: '{a}',
        expected: 'an array of Features',
        message: {
          zh: 'features 为 {a}，应为要素数组 [...]；未导入任何要素',
          en: '"features" is {a}; expected an array of Features [...]; nothing was imported',
        },
      }),
    ])
  })

  test('a Feature and a bare geometry are read as one feature each', async () => {
    const feature = await parse(JSON.stringify(point()))
    expect(feature.source.candidates.features).toEqual([point()])
    const geometry = await parse('{"type": "Point", "coordinates": [119.7, 29.1]}')
    expect(geometry.source.candidates.features).toEqual([point()])
    expect(geometry.problems).toEqual([])
  })

  test('TopoJSON and other types', async () => {
    expect((await parse('{"type": "Topology", "objects": {}}')).problems).toEqual([
      problem({
        field: 'objects',
        found: 'no objects',
        expected: 'a valid TopoJSON Topology',
        message: { zh: 'TopoJSON 中没有 objects', en: 'the TopoJSON has no objects' },
      }),
    ])
    expect((await parse('{"type": "Circle"}')).problems).toEqual([
      problem({
        field: 'type',
        found: '"Circle"',
        expected: 'FeatureCollection, Feature or a geometry',
        message: {
          zh: 'type 为 "Circle"，应为 FeatureCollection、Feature 或几何类型；未导入任何要素',
          en: '"type" is "Circle"; expected FeatureCollection, Feature or a geometry type; nothing was imported',
        },
      }),
    ])
    expect((await parse('{"features": []}')).problems[0]!.found).toBe('nothing')
  })
})

describe('a CRS named in the file', () => {
  const withCrs = (crs: unknown) => parse(JSON.stringify({ type: 'FeatureCollection', crs, features: [point()] }))

  test('another CRS than WGS84 is a warning', async () => {
    expect((await withCrs({ type: 'name', properties: { name: 'EPSG:3857' } })).source.namedCrs).toBe('EPSG:3857')
    expect((await withCrs({ type: 'name', properties: { name: 'EPSG:2385' } })).problems).toEqual([
      {
        severity: 'warning',
        file: 'f.geojson',
        featureIndex: null,
        line: null,
        field: 'crs',
        found: '"EPSG:2385"',
        expected: 'WGS84 (RFC 7946)',
        message: {
          zh: '文件声明坐标系 "EPSG:2385"；GeoJSON 应为 WGS84，请确认导入时选择的坐标系',
          en:
            'the file names the CRS "EPSG:2385"; GeoJSON should be WGS84 — ' +
            'check the coordinate system chosen for the import',
        },
      },
    ])
  })

  test.each(['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326', 'EPSG:4490', 'WGS84', 'WGS 84', 'wgs_84'])(
    '%s is WGS84 enough',
    async (name) => {
      expect((await withCrs({ type: 'name', properties: { name } })).problems).toEqual([])
    },
  )

  test('no name, no properties, no crs: nothing to say', async () => {
    expect((await withCrs({ type: 'name', properties: {} })).problems).toEqual([])
    expect((await withCrs({ type: 'name' })).problems).toEqual([])
    expect((await withCrs(null)).problems).toEqual([])
    expect((await parse(JSON.stringify({ type: 'FeatureCollection', features: [point()] }))).problems).toEqual([])
  })
})

describe('features', () => {
  test('bad features are refused with their index; good ones kept with theirs', async () => {
    const { source, problems } = await parse(JSON.stringify([point(), point('x'), point()]))
    expect(source).toMatchObject({ failed: false, rejectedCount: 1 })
    expect(source.candidates.originAt(1)).toEqual({ featureIndex: 2, line: null })
    expect(problems[1]).toMatchObject({ severity: 'error', featureIndex: 1, field: 'geometry.coordinates' })
  })

  test('progress: parsing, then validating from 0, every 1000 features, and 1', async () => {
    const seen: ImportProgress[] = []
    const features = Array.from({ length: 1001 }, () => point())
    await parse(JSON.stringify({ type: 'FeatureCollection', features }), (progress) => seen.push(progress))
    expect(seen).toEqual([
      { phase: 'parsing', fraction: 0 },
      { phase: 'parsing', fraction: 1 },
      { phase: 'validating', fraction: 0 },
      { phase: 'validating', fraction: 1000 / 1001 },
      { phase: 'validating', fraction: 1 },
    ])
  })
})
