/**
 * The project file: written from the stores, read back through the import engine (as the worker
 * does), applied to fresh stores; newer versions, missing files, broken indexes and hostile sizes.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { FeatureCollection } from 'geojson'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { readProjectZip, type ParseLayerFile } from '../../../../src/user-data/project/read-project'
import { writeProject } from '../../../../src/user-data/project/write-project'
import { applyProject, captureProjectView } from '../../../../src/stores/apply-project'
import { captureUserState } from '../../../../src/stores/user-state'
import { pointTableFromFeatures } from '../../../../src/user-data/tables/point-table'
import { defaultUserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { parseProjectJson, PROJECT_FORMAT, type ProjectIssue } from '../../../../src/user-data/project/project-file'
import { useLayersStore } from '../../../../src/stores/layers'
import { useIndicatorsStore } from '../../../../src/stores/indicators'
import { useViewStore } from '../../../../src/stores/view'
import { writeZip } from '../../../fixtures/support/zip-writer'

const points: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: '甲', v: 1 }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } },
    { type: 'Feature', properties: { name: '乙', v: 2 }, geometry: { type: 'Point', coordinates: [119.8, 29.2] } },
  ],
}
const indicator = {
  id: 'user:t.csv:x' as const,
  label: { zh: 'x（t.csv）', en: 'x (t.csv)' },
  unit: { zh: '', en: '' },
  kind: 'count' as const,
  provenance: 'user' as const,
  reportFigureIds: [],
  note: { zh: '用户数据', en: 'Your data' },
  values: { '330703001': 3, '330703002': 9 },
}

function stores() {
  return { layers: useLayersStore(), indicators: useIndicatorsStore(), view: useViewStore() }
}

/** Sets up a user's map: a styled layer, a point table, an indicator on the choropleth, a view. */
function setUp() {
  const { layers, indicators, view } = stores()
  const style = {
    ...defaultUserLayerStyle(),
    labelColumn: 'name',
    colour: { kind: 'categories' as const, column: 'name' },
  }
  const a = layers.addUserLayer(points, '站点.geojson', { style })
  layers.renameUserLayer(a, '我的站点')
  const b = layers.addUserPointLayer(pointTableFromFeatures(points.features), 'big.csv', {
    style: { ...defaultUserLayerStyle(), display: 'heatmap', weightColumn: 'v' },
  })
  layers.setOpacity(b, 0.5)
  layers.move(a, -1) // a above b
  indicators.addUserIndicators([indicator])
  layers.setChoropleth(layers.areaLayerId!, {
    indicator: indicator.id,
    method: 'equal-interval',
    classCount: 4,
    coloured: false,
  })
  layers.setVisible('rivers', false)
  layers.setOpacity('district', 0.3)
  view.locale = 'en'
  view.camera = { zoom: 11.5, lat: 29.1, lng: 119.8 }
  view.basemap = { id: 'tianditu-vec', tiandituKey: 'SECRET-KEY-123' }
  useLayersStore().setHeatmapState({ readings: true, pollutant: 'pm10', month: 7 })
  return { a, b }
}

function write(): Uint8Array {
  const { layers, indicators, view } = stores()
  return writeProject({
    snapshot: captureUserState(layers, indicators),
    view: captureProjectView(layers, view),
    appVersion: '0.1.0',
    savedAt: '2026-11-30T09:00:00.000Z',
  })
}

const engine: ParseLayerFile = async (bytes, path) => {
  const result = await importBytes(bytes, { fileName: path, declaredCrs: 'auto' })
  return { collection: result.data, points: result.points ?? null, error: result.ok ? null : 'bad' }
}

function rezip(zip: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip)
  change(files)
  return zipSync(files)
}

beforeEach(() => setActivePinia(createPinia()))

describe('a project round trip', () => {
  test('layers, styles, order, indicator, choropleth, view and language come back; the key never leaves', async () => {
    const { a, b } = setUp()
    const before = stores()
    const orderBefore = [...before.layers.order]
    const zip = write()
    expect(strFromU8(zip)).not.toContain('SECRET-KEY-123')
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(
      expect.arrayContaining(['project.json', `layers/${a}.geojson`, `layers/${b}.points.json`]),
    )

    const result = await importBytes(zip, { fileName: 'p.zip', declaredCrs: 'auto' })
    expect(result.ok).toBe(true)
    expect(result.format).toBe('project')
    setActivePinia(createPinia())
    const after = stores()
    const applied = applyProject(result.project!, after, { published: false })
    expect(applied).toEqual({ refusedReplacements: [], basemapNeedsKey: true })
    expect(after.layers.order).toEqual(orderBefore)
    expect(after.layers.meta(a)?.title.zh).toBe('我的数据：我的站点')
    expect(after.layers.record(a)?.userStyle?.colour).toEqual({ kind: 'categories', column: 'name' })
    expect(after.layers.record(a)?.data?.features.map((f) => f.properties?.name)).toEqual(['甲', '乙'])
    expect(after.layers.record(b)?.points?.positions).toEqual(before.layers.record(b)?.points?.positions)
    expect(after.layers.record(b)?.userStyle).toMatchObject({ display: 'heatmap', weightColumn: 'v' })
    expect(after.layers.record(b)?.opacity).toBe(0.5)
    expect(after.layers.record('rivers')?.visible).toBe(false)
    expect(after.layers.record('district')?.opacity).toBe(0.3)
    expect(after.layers.areaLayer?.choropleth).toEqual({
      indicator: indicator.id,
      coloured: false,
      method: 'equal-interval',
      classCount: 4,
      manualBreaksText: '',
    })
    expect(after.indicators.userIndicators).toEqual([indicator])
    expect(after.view.locale).toBe('en')
    expect(after.view.camera).toEqual({ zoom: 11.5, lat: 29.1, lng: 119.8 })
    expect(after.layers.heatmapState).toMatchObject({ readings: true, pollutant: 'pm10', month: 7 })
    // 天地图 without a key here: the basemap stays offline and the dialog says why.
    expect(after.view.basemap.id).toBe('offline')
  })

  test('the writer drops a 天地图 key even when it is handed one', () => {
    const zip = writeProject({
      snapshot: { layers: [], replacements: [], indicators: [] },
      view: { basemap: { id: 'tianditu-img', tiandituKey: 'HANDED-KEY' } },
      appVersion: '0.1.0',
      savedAt: '',
    })
    const index = JSON.parse(strFromU8(unzipSync(zip)['project.json']!))
    expect(index.view.basemap).toEqual({ id: 'tianditu-img' })
  })

  test('with a key on this computer, its 天地图 basemap opens with the local key', async () => {
    setUp()
    const zip = write()
    setActivePinia(createPinia())
    const after = stores()
    const read = await readProjectZip(zip, engine)
    if (!read.ok) throw new Error('not read')
    applyProject(read.contents, after, { published: false, tiandituKey: 'MINE' })
    expect(after.view.basemap).toEqual({ id: 'tianditu-vec', tiandituKey: 'MINE' })
  })

  test('a replacement of a built-in layer comes back in place of its data', async () => {
    const { layers } = stores()
    const inspections: FeatureCollection = {
      type: 'FeatureCollection',
      features: points.features.map((f, i) => ({ ...f, properties: { id: `i${i}`, kind: 'inspection', month: 3 } })),
    }
    layers.replaceData('enforcement', inspections, '检查.geojson')
    const zip = write()
    setActivePinia(createPinia())
    const after = stores()
    const read = await readProjectZip(zip, engine)
    if (!read.ok) throw new Error('not read')
    expect(applyProject(read.contents, after, { published: false }).refusedReplacements).toEqual([])
    expect(after.layers.record('enforcement')?.replacement).toEqual({ fileName: '检查.geojson', featureCount: 2 })
    expect(after.layers.data('enforcement')?.features.map((f) => f.properties?.kind)).toEqual([
      'inspection',
      'inspection',
    ])
  })

  test('published: layers marked as such; the visitor’s camera, language and layers win', async () => {
    const { a } = setUp()
    const zip = write()
    setActivePinia(createPinia())
    const after = stores()
    after.view.camera = { zoom: 9, lat: 29, lng: 119.5 }
    const read = await readProjectZip(zip, engine)
    if (!read.ok) throw new Error('not read')
    const visitor = { camera: true, locale: true, basemap: true, layers: true, indicator: false }
    applyProject(read.contents, after, { published: true, visitor })
    expect(after.layers.record(a)?.user?.published).toBe(true)
    expect(after.view.camera).toEqual({ zoom: 9, lat: 29, lng: 119.5 })
    expect(after.view.locale).toBe('zh-CN')
    expect(after.layers.record('rivers')?.visible).toBe(true)
    expect(after.layers.areaLayer?.choropleth?.indicator).toBe(indicator.id)
  })
})

describe('a project that cannot be opened as it is', () => {
  test('a newer format version is refused, naming the version', async () => {
    setUp()
    const zip = rezip(write(), (files) => {
      const index = JSON.parse(strFromU8(files['project.json']!))
      files['project.json'] = strToU8(JSON.stringify({ ...index, version: 2, app: '9.0.0' }))
    })
    const result = await importBytes(zip, { fileName: 'new.zip', declaredCrs: 'auto' })
    expect(result.ok).toBe(false)
    expect(result.project).toBeUndefined()
    expect(result.problems[0]?.message.zh).toContain('项目格式版本 2，应用 9.0.0')
    expect(result.problems[0]?.message.en).toContain('project format 2')
  })

  test('a missing layer file is listed by name; the other layer loads', async () => {
    const { a, b } = setUp()
    const zip = rezip(write(), (files) => delete files[`layers/${a}.geojson`])
    const result = await importBytes(zip, { fileName: 'p.zip', declaredCrs: 'auto' })
    expect(result.ok).toBe(true)
    expect(result.project?.missing).toEqual([
      { layerId: a, name: '我的站点', path: `layers/${a}.geojson`, reason: 'missing' },
    ])
    expect(result.project?.snapshot.layers.map((l) => l.id)).toEqual([b])
    expect(result.problems.some((p) => p.message.zh.includes('我的站点') && p.message.zh.includes('缺失'))).toBe(true)
  })

  test('broken JSON, another format, unknown fields, a replacement this version lacks', async () => {
    expect(parseProjectJson('{"format": ').ok).toBe(false)
    const other = parseProjectJson(JSON.stringify({ format: 'kepler', version: 1 }))
    expect(!other.ok && other.issue.message.en).toContain('not a project')
    const parsed = parseProjectJson(
      JSON.stringify({ format: PROJECT_FORMAT, version: 1, extra: 1, view: { camera: { zoom: 99, lat: 0, lng: 0 } } }),
    )
    expect(parsed.ok && parsed.issues.map((i) => i.message.en)).toEqual([
      'unknown fields in project.json ignored: extra',
    ])
    expect(parsed.ok && parsed.index.view.camera).toBeUndefined()

    const zip = zipSync({
      'project.json': strToU8(
        JSON.stringify({
          format: PROJECT_FORMAT,
          version: 1,
          replacements: [{ layerId: 'no-such-layer', fileName: 'x.geojson', data: 'replacements/x.geojson' }],
        }),
      ),
      'replacements/x.geojson': strToU8(JSON.stringify(points)),
    })
    const read = await readProjectZip(zip, engine)
    if (!read.ok) throw new Error('not read')
    const applied = applyProject(read.contents, stores(), { published: false })
    expect(applied.refusedReplacements.map((r) => r.layerId)).toEqual(['no-such-layer'])
  })
})

describe('hostile sizes', () => {
  test('project.json whose header understates its size stops at the declared size', async () => {
    const big = strToU8(JSON.stringify({ format: PROJECT_FORMAT, version: 1, pad: 'x'.repeat(5_000_000) }))
    const zip = writeZip([{ name: 'project.json', bytes: big, deflate: true, declaredSize: 1000 }])
    const read = await readProjectZip(zip, engine)
    expect(!read.ok && read.issue.message.en).toMatch(/cannot be unpacked.*more than the 1000 bytes/)
  })

  test('an index over its limit and a project over the unpacked budget are refused', async () => {
    setUp()
    const zip = write()
    const small = await readProjectZip(zip, engine, { index: 100, unpacked: 1 << 30 })
    expect(!small.ok && small.issue.message.en).toContain('over the 100-byte limit')
    const indexSize = unzipSync(zip)['project.json']!.length
    const budget = await readProjectZip(zip, engine, { index: 1 << 20, unpacked: indexSize + 10 })
    expect(budget.ok && budget.contents.missing.map((m) => m.reason).join()).toContain(
      `more than ${indexSize + 10} bytes`,
    )
  })

  test('a point table whose header lies or whose positions leave the globe is refused by file', async () => {
    const { b } = setUp()
    const lying = rezip(write(), (files) => {
      const header = JSON.parse(strFromU8(files[`layers/${b}.points.json`]!))
      files[`layers/${b}.points.json`] = strToU8(JSON.stringify({ ...header, length: 3 }))
    })
    const read = await readProjectZip(lying, engine)
    expect(read.ok && read.contents.missing[0]?.reason).toContain('the header needs 24')

    const huge = rezip(write(), (files) => {
      const header = JSON.parse(strFromU8(files[`layers/${b}.points.json`]!))
      files[`layers/${b}.points.json`] = strToU8(JSON.stringify({ ...header, length: 1e12 }))
    })
    const hugeRead = await readProjectZip(huge, engine)
    expect(hugeRead.ok && hugeRead.contents.missing[0]?.reason).toContain('up to 5000000')

    const offGlobe = rezip(write(), (files) => {
      files[`layers/${b}/positions.f32`] = new Uint8Array(new Float32Array([119, 29, 500, 29]).buffer)
    })
    const offRead = await readProjectZip(offGlobe, engine)
    expect(offRead.ok && offRead.contents.missing[0]?.reason).toContain('point 1 is not a WGS84 position')
  })

  test('a text column whose offsets run past its text is refused', async () => {
    const { b } = setUp()
    const zip = rezip(write(), (files) => {
      const header = JSON.parse(strFromU8(files[`layers/${b}.points.json`]!))
      const text = header.columns.find((c: { kind: string }) => c.kind === 'text')
      files[text.offsets] = new Uint8Array(new Uint32Array([0, 1, 99]).buffer)
    })
    const read = await readProjectZip(zip, engine)
    expect(read.ok && read.contents.missing[0]?.reason).toContain('offsets do not fit')
  })
})

describe('project.json read back field by field', () => {
  const source = (fields: Record<string, unknown>) => JSON.stringify({ format: PROJECT_FORMAT, version: 1, ...fields })
  function opened(fields: Record<string, unknown>) {
    const parsed = parseProjectJson(source(fields))
    if (!parsed.ok) throw new Error(`refused: ${parsed.issue.message.en}`)
    return parsed
  }
  function refused(text: string): ProjectIssue {
    const parsed = parseProjectJson(text)
    if (parsed.ok) throw new Error('opened')
    return parsed.issue
  }
  const skipped = (field: string, zh: string, en: string): ProjectIssue => ({
    fatal: false,
    field,
    message: { zh, en },
  })
  const layer = (id: string) => ({ id, data: `layers/${id}.geojson` })

  test('broken JSON is refused, quoting the parser', () => {
    expect(refused('{"format": ')).toStrictEqual({
      fatal: true,
      field: 'project.json',
      message: {
        zh: 'project.json 不是有效的 JSON（Unexpected end of JSON input）',
        en: 'project.json is not valid JSON (Unexpected end of JSON input)',
      },
    })
  })

  test('JSON that is not this app’s project is refused, naming the format expected', () => {
    for (const text of ['null', '[1]', '"jindong-eco-map-project"', '{}', '{"format": "kepler", "version": 1}'])
      expect(refused(text)).toStrictEqual({
        fatal: true,
        field: 'format',
        message: {
          zh: 'project.json 不是本应用的项目文件（format 应为 jindong-eco-map-project）',
          en: 'project.json is not a project of this app (format should be jindong-eco-map-project)',
        },
      })
  })

  test('a version that is not a whole number from 1 is refused as missing', () => {
    for (const version of [undefined, null, '1', 1.5, 0, -1])
      expect(refused(source({ version }))).toStrictEqual({
        fatal: true,
        field: 'version',
        message: { zh: 'project.json 缺少有效的格式版本（version）', en: 'project.json has no valid format version' },
      })
  })

  test('a newer version is refused in full: the versions, the app that saved it, what to do', () => {
    expect(refused(source({ version: 2, app: '9.0.0' }))).toStrictEqual({
      fatal: true,
      field: 'version',
      message: {
        zh: '此项目由更新的版本保存（项目格式版本 2，应用 9.0.0）；本应用只能打开格式版本 1，请更新应用后再打开。当前地图未改变。',
        en:
          'this project was saved by a newer version (project format 2, app 9.0.0); this app opens format 1 only: ' +
          'update the app to open it. The map has not changed.',
      },
    })
  })

  test('the app that saved it is shown when it is text of at most 40 characters, “?” otherwise', () => {
    const app = (value: unknown) => refused(source({ version: 3, app: value })).message.en.match(/app (.*)\); /)?.[1]
    expect(app('v'.repeat(40))).toBe('v'.repeat(40))
    expect(app('v'.repeat(41))).toBe('?')
    expect(app(['9.0.0'])).toBe('?')
    expect(app(9)).toBe('?')
    expect(app(undefined)).toBe('?')
  })

  test('a bare index opens empty, with nothing to report', () => {
    expect(parseProjectJson(source({}))).toStrictEqual({
      ok: true,
      issues: [],
      index: {
        format: PROJECT_FORMAT,
        version: 1,
        app: '?',
        savedAt: '',
        view: {},
        layers: [],
        replacements: [],
        indicators: [],
      },
    })
  })

  test('the app and the time it was saved are kept; a time over 40 characters is not', () => {
    const { index } = opened({ app: '0.1.0', savedAt: '2026-11-30T09:00:00.000Z' })
    expect([index.app, index.savedAt]).toEqual(['0.1.0', '2026-11-30T09:00:00.000Z'])
    expect(opened({ savedAt: 'x'.repeat(41) }).index.savedAt).toBe('')
  })

  test('unknown fields are reported, not fatal: up to eight by name, then how many more', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']
    const ten = opened(Object.fromEntries(names.map((name) => [name, 1])))
    expect(ten.issues).toStrictEqual([
      skipped(
        'project.json',
        'project.json 中有未知字段，已忽略：a, b, c, d, e, f, g, h …(+2)',
        'unknown fields in project.json ignored: a, b, c, d, e, f, g, h …(+2)',
      ),
    ])
    const eight = opened(Object.fromEntries(names.slice(0, 8).map((name) => [name, 1])))
    expect(eight.issues.map((issue) => issue.message.en)).toEqual([
      'unknown fields in project.json ignored: a, b, c, d, e, f, g, h',
    ])
    const view = opened({ view: { locale: 'en', theme: 'dark' } })
    expect(view.issues).toStrictEqual([
      skipped('view', 'view 中有未知字段，已忽略：theme', 'unknown fields in view ignored: theme'),
    ])
    expect(view.index.view).toStrictEqual({ locale: 'en' })
  })

  test('more than 200 layers and replacements together are refused, counting both', () => {
    const layers = Array.from({ length: 150 }, (_, i) => layer(`l${i}`))
    const replacements = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ layerId: `r${i}`, data: `replacements/r${i}.geojson` }))
    expect(refused(source({ layers, replacements: replacements(60) }))).toStrictEqual({
      fatal: true,
      field: 'layers',
      message: { zh: '项目列出 210 个图层，超过上限 200', en: 'the project lists 210 layers, over the limit of 200' },
    })
    expect(refused(source({ layers: [...layers, ...layers.slice(0, 51)] })).message.en).toBe(
      'the project lists 201 layers, over the limit of 200',
    )
    const full = opened({ layers, replacements: replacements(50) })
    expect([full.index.layers.length, full.index.replacements.length]).toEqual([150, 50])
  })

  test('a layer comes back as it was saved', () => {
    const style = { ...defaultUserLayerStyle(), display: 'hexagon', labelColumn: 'name' }
    const saved = {
      id: 'a1',
      fileName: '站点.geojson',
      name: '我的站点',
      addedAt: '2026-11-30T09:00:00.000Z',
      visible: false,
      opacity: 0.4,
      style,
      data: 'layers/a1.points.json',
    }
    expect(opened({ layers: [saved] }).index.layers).toStrictEqual([saved])
  })

  test('a layer with only its id and data file gets the defaults: its id as file name, shown, opaque', () => {
    expect(opened({ layers: [layer('a1')] }).index.layers).toStrictEqual([
      {
        id: 'a1',
        fileName: 'a1.geojson',
        name: null,
        addedAt: '1970-01-01T00:00:00.000Z',
        visible: true,
        opacity: 1,
        style: defaultUserLayerStyle(),
        data: 'layers/a1.geojson',
      },
    ])
    const odd = opened({ layers: [{ ...layer('a1'), fileName: '', name: '', visible: 'no', addedAt: 5 }] })
    expect(odd.index.layers[0]).toMatchObject({ fileName: 'a1.geojson', name: null, visible: true })
    expect(odd.index.layers[0]?.addedAt).toBe('1970-01-01T00:00:00.000Z')
    expect(opened({ layers: [{ ...layer('a1'), fileName: 'f'.repeat(301) }] }).index.layers[0]?.fileName).toBe(
      'a1.geojson',
    )
  })

  test('a layer’s opacity is kept from 0 to 1; anything else is fully opaque', () => {
    const opacities = [0, 1, 0.25, -0.1, 1.1, '0.5', null]
    const { index } = opened({ layers: opacities.map((opacity, i) => ({ ...layer(`a${i}`), opacity })) })
    expect(index.layers.map((entry) => entry.opacity)).toEqual([0, 1, 0.25, 1, 1, 1, 1])
  })

  test('a layer without a valid id or a safe data path is skipped, saying which', () => {
    const { index, issues } = opened({
      layers: [
        5,
        null,
        { data: 'layers/x.geojson' },
        { id: 'bad id', data: 'layers/x.geojson' },
        { id: 'b', data: '../../etc/passwd' },
        { id: 'c' },
        { id: 'd', data: 'layers\\d.geojson' },
        layer('ok'),
      ],
    })
    expect(index.layers.map((entry) => entry.id)).toEqual(['ok'])
    expect(issues).toStrictEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) =>
        skipped(
          `layers[${i}]`,
          `layers[${i}] 缺少有效的 id 或数据文件路径，已跳过`,
          `layers[${i}] has no valid id or data file path; skipped`,
        ),
      ),
    )
  })

  test('a layer listed twice is read once, the first entry winning', () => {
    const { index, issues } = opened({ layers: [layer('a'), { ...layer('a'), data: 'layers/other.geojson' }] })
    expect(index.layers.map((entry) => entry.data)).toEqual(['layers/a.geojson'])
    expect(issues).toEqual([])
  })

  test('a replacement comes back with its file name, or its layer’s id as one', () => {
    const saved = { layerId: 'enforcement', fileName: '检查.geojson', data: 'replacements/enforcement.geojson' }
    const { index } = opened({ replacements: [saved, { layerId: 'rivers', data: 'replacements/rivers.geojson' }] })
    expect(index.replacements).toStrictEqual([
      saved,
      { layerId: 'rivers', fileName: 'rivers.geojson', data: 'replacements/rivers.geojson' },
    ])
  })

  test('a replacement without a valid layer id or a safe data path is skipped, saying which', () => {
    const { index, issues } = opened({
      replacements: [
        'rivers',
        { data: 'replacements/x.geojson' },
        { layerId: 'no such/layer', data: 'replacements/x.geojson' },
        { layerId: 'rivers' },
        { layerId: 'rivers', data: '../rivers.geojson' },
        { layerId: 'roads', data: 'replacements/roads.geojson' },
      ],
    })
    expect(index.replacements.map((entry) => entry.layerId)).toEqual(['roads'])
    expect(issues).toStrictEqual(
      [0, 1, 2, 3, 4].map((i) =>
        skipped(`replacements[${i}]`, `replacements[${i}] 无效，已跳过`, `replacements[${i}] is not valid; skipped`),
      ),
    )
  })

  test('a saved view comes back whole; a 天地图 key in a received file is dropped', () => {
    const view = {
      camera: { zoom: 11.5, lat: 29.1, lng: 119.8 },
      locale: 'en',
      basemap: { id: 'custom', styleUrl: 'https://tiles.example.org/style.json' },
      heatmap: { readings: true, pollutant: 'pm10', month: 7 },
      choropleth: { indicator: 'user:t.csv:x', method: 'quantile', classCount: 4 },
      order: ['a1', 'district', 'rivers'],
      visible: ['a1', 'district'],
      opacity: { district: 0.3, a1: 0, rivers: 1 },
    }
    expect(opened({ view }).index.view).toStrictEqual(view)
    expect(
      opened({ view: { basemap: { id: 'tianditu-vec', tiandituKey: 'SECRET-KEY-123' } } }).index.view,
    ).toStrictEqual({ basemap: { id: 'tianditu-vec' } })
  })

  test('view fields of the wrong kind are left out, each alone', () => {
    expect(
      opened({
        view: {
          camera: 'here',
          locale: 'fr',
          basemap: { id: 'google' },
          heatmap: null,
          choropleth: ['quantile'],
          order: 'a1',
          visible: { a1: true },
          opacity: [0.5],
        },
      }).index.view,
    ).toStrictEqual({})
    expect(opened({ view: 'map' }).index.view).toStrictEqual({})
  })

  test('the layer order and the shown layers keep valid ids only, at most 1000', () => {
    const { view } = opened({ view: { order: ['a1', 5, 'bad id', null, 'b2', '-x'], visible: [] } }).index
    expect(view).toStrictEqual({ order: ['a1', 'b2'], visible: [] })
    const many = Array.from({ length: 1001 }, (_, i) => `l${i}`)
    expect(opened({ view: { visible: many } }).index.view.visible).toEqual(many.slice(0, 1000))
  })

  test('a built-in layer’s opacity is kept for a valid id and a number from 0 to 1', () => {
    const opacity = { rivers: 0.5, district: 0, roads: 1, 'bad id': 0.5, a: -0.1, b: 1.1, c: '0.5', d: null }
    expect(opened({ view: { opacity } }).index.view.opacity).toStrictEqual({ rivers: 0.5, district: 0, roads: 1 })
  })
})
