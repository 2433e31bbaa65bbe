/**
 * A project file met by the import engine (import-project.ts): what the dialog is answered when the
 * project opens (the count of features and points, the index's own warnings, the contents to open),
 * when it is refused (one error line, nothing else), and when a layer's data file is missing or not
 * readable (a line naming the layer and the file, in Chinese and English, while the rest opens).
 */
import { describe, expect, test } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import type { Feature, FeatureCollection } from 'geojson'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { importProject } from '../../../../src/user-data/import/import-project'
import { importBytes } from '../../../../src/user-data/import/import-file'
import type { ImportProblem, ImportProgress, ImportResult } from '../../../../src/user-data/import/types'
import { readProjectZip, type ParseLayerFile } from '../../../../src/user-data/project/read-project'
import { pointTableFiles } from '../../../../src/user-data/project/point-table-files'
import type { PointTable } from '../../../../src/user-data/tables/point-table'
import { indexLayer as layer, jsonBytes as json, projectIndexText as indexText } from '../../support/project-index'

const point = (name: string, lng: number): Feature => ({
  type: 'Feature',
  properties: { name },
  geometry: { type: 'Point', coordinates: [lng, 29.1] },
})
const twoStations: FeatureCollection = { type: 'FeatureCollection', features: [point('甲', 119.7), point('乙', 119.8)] }
const oneStation: FeatureCollection = { type: 'FeatureCollection', features: [point('丙', 119.9)] }
const fourPoints: PointTable = {
  length: 4,
  positions: new Float32Array([119.5, 29, 119.6, 29.1, 119.7, 29.2, 119.8, 29.3]),
  columns: [{ name: 'v', kind: 'number', values: new Float64Array([1, 2, 3, 4]) }],
}

const engineResult = (over: Partial<ImportResult>): ImportResult => ({
  ok: true,
  data: null,
  format: 'geojson',
  encoding: 'utf-8',
  featureCount: 0,
  rejectedCount: 0,
  geometryTypes: [],
  problems: [],
  crsSuggestions: [],
  bbox: null,
  ...over,
})
const problem = (severity: ImportProblem['severity'], en: string): ImportProblem => ({
  severity,
  file: 'x.geojson',
  featureIndex: null,
  line: null,
  field: '',
  found: '',
  expected: '',
  message: { zh: `（${en}）`, en },
})

/** The engine's part, in small: a file read as GeoJSON unless an answer is given for its path. */
function engine(answers: Record<string, ImportResult> = {}) {
  const calls: string[] = []
  const importLayer = async (bytes: Uint8Array, path: string): Promise<ImportResult> => {
    calls.push(path)
    const answer = answers[path]
    if (answer) return answer
    const data = JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection
    return engineResult({ data, featureCount: data.features.length })
  }
  return { calls, importLayer }
}

async function run(zip: Uint8Array, importLayer = engine().importLayer) {
  const progress: ImportProgress[] = []
  const context = new ImportContext('p.zip', (report) => progress.push(report))
  const result = await importProject(zip, 'p.zip', context, importLayer)
  return { result, progress }
}

const error = (field: string, found: string, zh: string, en: string): ImportProblem => ({
  severity: 'error',
  file: 'p.zip',
  featureIndex: null,
  line: null,
  field,
  found,
  expected: '',
  message: { zh, en },
})

describe('a project that opens', () => {
  const { header, files } = pointTableFiles(fourPoints, 'layers/p')
  const zip = zipSync({
    'project.json': strToU8(
      indexText(
        [layer('a', 'layers/a.geojson', '站点'), layer('p', header, '大点集'), layer('b', 'layers/b.geojson')],
        {
          replacements: [{ layerId: 'rivers', fileName: '河流.geojson', data: 'replacements/rivers.geojson' }],
          extra: 1,
        },
      ),
    ),
    'layers/a.geojson': json(twoStations),
    'layers/b.geojson': json(oneStation),
    'replacements/rivers.geojson': json(twoStations),
    ...files,
  })

  test('counts every feature layer’s features and every point table’s rows, and offers the contents', async () => {
    const { calls, importLayer } = engine()
    const { result } = await run(zip, importLayer)
    const parse: ParseLayerFile = async (bytes) => ({
      collection: JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection,
      points: null,
      error: null,
    })
    const read = await readProjectZip(zip, parse)
    if (!read.ok) throw new Error('refused')
    // 2 + 1 features, 4 points; a replacement of a built-in layer is not a layer of the user's.
    expect(result).toEqual({
      ok: true,
      data: null,
      format: 'project',
      encoding: null,
      featureCount: 7,
      rejectedCount: 0,
      geometryTypes: [],
      problems: [
        {
          severity: 'warning',
          file: 'p.zip',
          featureIndex: null,
          line: null,
          field: 'project.json',
          found: '',
          expected: '',
          message: {
            zh: 'project.json 中有未知字段，已忽略：extra',
            en: 'unknown fields in project.json ignored: extra',
          },
        },
      ],
      crsSuggestions: [],
      bbox: null,
      project: read.contents,
    })
    expect(result.project!.snapshot.layers.map((l) => [l.id, l.data.kind])).toEqual([
      ['a', 'features'],
      ['p', 'points'],
      ['b', 'features'],
    ])
    expect(result.project!.snapshot.replacements).toEqual([
      { layerId: 'rivers', fileName: '河流.geojson', collection: twoStations },
    ])
    // Every GeoJSON file goes through the engine, by its path in the zip; a point table does not.
    expect(calls).toEqual(['layers/a.geojson', 'layers/b.geojson', 'replacements/rivers.geojson'])
  })

  test('a layer file the engine answers with a point table (a large point set) opens as points', async () => {
    const table = { ...fourPoints, length: 3 }
    const big = engineResult({ data: null, points: table, featureCount: 3 })
    const { result } = await run(zip, engine({ 'layers/a.geojson': big }).importLayer)
    expect(result.featureCount).toBe(1 + 4 + 3)
    expect(result.project!.snapshot.layers[0]!.data).toEqual({ kind: 'points', table })
  })

  test('progress: parsing from 0 is reported before any layer is read', async () => {
    const log: string[] = []
    const context = new ImportContext('p.zip', (report) => log.push(`${report.phase} ${report.fraction}`))
    const { importLayer } = engine()
    await importProject(zip, 'p.zip', context, (bytes, path) => {
      log.push(path)
      return importLayer(bytes, path)
    })
    expect(log[0]).toBe('parsing 0')
    expect(log[1]).toBe('layers/a.geojson')
  })

  test('a project with no layers opens with nothing to count and no lines', async () => {
    const { result } = await run(zipSync({ 'project.json': strToU8(indexText([])) }))
    expect(result).toMatchObject({ ok: true, featureCount: 0, problems: [] })
    expect(result.project!.snapshot.layers).toEqual([])
  })
})

describe('a refused project: one error line, nothing to open', () => {
  const refusal = (field: string, zh: string, en: string): ImportResult => ({
    ok: false,
    data: null,
    format: 'project',
    encoding: null,
    featureCount: 0,
    rejectedCount: 0,
    geometryTypes: [],
    problems: [error(field, '', zh, en)],
    crsSuggestions: [],
    bbox: null,
  })

  test('a project saved by a newer version', async () => {
    const { calls, importLayer } = engine()
    const zip = zipSync({
      'project.json': strToU8(indexText([layer('a', 'layers/a.geojson')], { version: 2, app: '9.0.0' })),
      'layers/a.geojson': json(twoStations),
    })
    const { result, progress } = await run(zip, importLayer)
    expect(result).toStrictEqual(
      refusal(
        'version',
        '此项目由更新的版本保存（项目格式版本 2，应用 9.0.0）；本应用只能打开格式版本 1，请更新应用后再打开。当前地图未改变。',
        'this project was saved by a newer version (project format 2, app 9.0.0); this app opens format 1 only: ' +
          'update the app to open it. The map has not changed.',
      ),
    )
    expect(calls).toEqual([])
    expect(progress).toEqual([{ phase: 'parsing', fraction: 0 }])
  })

  test('a broken index', async () => {
    const { result } = await run(zipSync({ 'project.json': strToU8('{"format": ') }))
    expect(result).toStrictEqual(
      refusal(
        'project.json',
        'project.json 不是有效的 JSON（Unexpected end of JSON input）',
        'project.json is not valid JSON (Unexpected end of JSON input)',
      ),
    )
  })
})

describe('a layer whose data file is missing or not readable: a line, and the rest opens', () => {
  const long = `the file is cut short ${'x'.repeat(100)}`

  test('missing, or refused by the engine with its first error, or with no error at all', async () => {
    const zip = zipSync({
      'project.json': strToU8(
        indexText([
          layer('a', 'layers/a.geojson', '站点'),
          layer('b', 'layers/b.geojson'),
          layer('c', 'layers/c.geojson', '水质'),
          layer('d', 'layers/d.geojson'),
        ]),
      ),
      'layers/b.geojson': strToU8('{"type": "FeatureCollection", "features": ['),
      'layers/c.geojson': strToU8('<html>'),
      'layers/d.geojson': json(oneStation),
    })
    const { importLayer } = engine({
      'layers/b.geojson': engineResult({
        ok: false,
        problems: [problem('warning', 'a warning first'), problem('error', long), problem('error', 'second')],
      }),
      'layers/c.geojson': engineResult({ ok: false, problems: [problem('warning', 'only a warning')] }),
    })
    const { result } = await run(zip, importLayer)
    expect(result.ok).toBe(true)
    expect(result.featureCount).toBe(1)
    expect(result.project!.snapshot.layers.map((l) => l.id)).toEqual(['d'])
    expect(result.problems).toStrictEqual([
      error(
        'layers/a.geojson',
        'nothing',
        '图层“站点”的数据文件 layers/a.geojson 缺失，该图层未载入',
        'layer "站点": data file layers/a.geojson is missing; not loaded',
      ),
      error(
        'layers/b.geojson',
        long.slice(0, 80),
        '图层“b.geojson”的数据文件 layers/b.geojson 无法读取，该图层未载入',
        'layer "b.geojson": data file layers/b.geojson is not readable; not loaded',
      ),
      error(
        'layers/c.geojson',
        'not readable',
        '图层“水质”的数据文件 layers/c.geojson 无法读取，该图层未载入',
        'layer "水质": data file layers/c.geojson is not readable; not loaded',
      ),
    ])
    // The reason is cut to 80 characters, not shortened further with an ellipsis.
    expect(result.problems[1]!.found).toHaveLength(80)
    expect(result.project!.missing.map((m) => m.reason)).toEqual(['missing', long, 'not readable'])
  })

  test('a short reason is shown whole', async () => {
    const zip = zipSync({
      'project.json': strToU8(indexText([layer('b', 'layers/b.geojson', '站点')])),
      'layers/b.geojson': strToU8('{}'),
    })
    const { importLayer } = engine({
      'layers/b.geojson': engineResult({ ok: false, problems: [problem('error', 'no features')] }),
    })
    const { result } = await run(zip, importLayer)
    expect(result.problems.map((p) => p.found)).toEqual(['no features'])
    expect(result).toMatchObject({ ok: true, featureCount: 0 })
  })

  test('through the engine itself: a broken GeoJSON layer file gives the engine’s own first error', async () => {
    const broken = strToU8('{"type": "FeatureCollection", "features": [')
    const zip = zipSync({
      'project.json': strToU8(indexText([layer('a', 'layers/a.geojson', '站点'), layer('b', 'layers/b.geojson')])),
      'layers/a.geojson': broken,
      'layers/b.geojson': json(twoStations),
    })
    const alone = await importBytes(broken, { fileName: 'layers/a.geojson', declaredCrs: 'auto' })
    const reason = alone.problems.find((p) => p.severity === 'error')!.message.en
    const result = await importBytes(zip, { fileName: 'p.zip', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: true, format: 'project', featureCount: 2 })
    expect(result.problems).toStrictEqual([
      error(
        'layers/a.geojson',
        reason.slice(0, 80),
        '图层“站点”的数据文件 layers/a.geojson 无法读取，该图层未载入',
        'layer "站点": data file layers/a.geojson is not readable; not loaded',
      ),
    ])
  })
})

describe('a cancel while a project opens', () => {
  test('stops the layer being read: the import rejects with an AbortError', async () => {
    const zip = zipSync({
      'project.json': strToU8(indexText([layer('a', 'layers/a.geojson')])),
      'layers/a.geojson': json(twoStations),
    })
    const controller = new AbortController()
    // Cancelled once the project itself has started (its "parsing 0"), before its layer is read.
    const onProgress = (progress: ImportProgress) => {
      if (progress.phase === 'parsing') controller.abort()
    }
    const opening = importBytes(zip, { fileName: 'p.zip', declaredCrs: 'auto' }, onProgress, controller.signal)
    await expect(opening).rejects.toMatchObject({ name: 'AbortError' })
  })
})
