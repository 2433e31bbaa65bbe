/**
 * Reading a project file: what is refused before anything is unpacked (not a zip, no project.json,
 * an index or a project too large), in Chinese and English; and, once the index is read, which layer
 * files are listed as missing, under which name and for which reason, while the others load.
 */
import { describe, expect, test } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import type { FeatureCollection } from 'geojson'
import {
  isProjectZip,
  MAX_PROJECT_INDEX_BYTES,
  readProjectZip,
  type ParseLayerFile,
  type ProjectRead,
} from '../../../../src/user-data/project/read-project'
import { pointTableFiles } from '../../../../src/user-data/project/point-table-files'
import type { PointTable } from '../../../../src/user-data/tables/point-table'
import { PMTILES_FROM_FILE } from '../../support/service-definitions'
import { indexLayer as layer, jsonBytes as json, projectIndexText as indexText } from '../../support/project-index'
import { writeZip } from '../../../fixtures/support/zip-writer'

const stations: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '甲' }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }],
}
const table: PointTable = {
  length: 2,
  positions: new Float32Array([119.5, 29, 120.25, 29.5]),
  columns: [{ name: 'v', kind: 'number', values: new Float64Array([1, 2]) }],
}

/** The import engine's part, in small: a FeatureCollection is read, anything else is an error. */
const parseGeoJson: ParseLayerFile = async (bytes) => {
  const value = JSON.parse(new TextDecoder().decode(bytes)) as { type?: string }
  return value.type === 'FeatureCollection'
    ? { collection: value as FeatureCollection, points: null, error: null }
    : { collection: null, points: null, error: 'not a FeatureCollection' }
}

function contents(read: ProjectRead) {
  if (!read.ok) throw new Error(`refused: ${read.issue.message.en}`)
  return read.contents
}
function issue(read: ProjectRead) {
  if (read.ok) throw new Error('read')
  return read.issue
}

describe('what makes a zip a project', () => {
  test('project.json at its root, not in a folder', () => {
    expect(isProjectZip(['layers/a.geojson', 'project.json'])).toBe(true)
    expect(isProjectZip(['data/project.json', 'a.shp'])).toBe(false)
  })
})

describe('a project file refused before any layer is read', () => {
  test('bytes that are not a zip', async () => {
    expect(issue(await readProjectZip(strToU8('not a zip'), parseGeoJson))).toEqual({
      fatal: true,
      field: 'zip',
      message: {
        zh: '项目文件无法读取：the zip is too short to hold a directory',
        en: 'the project file cannot be read: the zip is too short to hold a directory',
      },
    })
  })

  test('a zip without project.json', async () => {
    const zip = zipSync({ 'layers/a.geojson': json(stations) })
    expect(issue(await readProjectZip(zip, parseGeoJson))).toEqual({
      fatal: true,
      field: 'project.json',
      message: { zh: '压缩包中没有 project.json', en: 'the zip holds no project.json' },
    })
  })

  test('a project.json over the index limit; one of exactly the limit is read', async () => {
    const text = strToU8(indexText())
    const zip = zipSync({ 'project.json': text })
    const over = await readProjectZip(zip, parseGeoJson, { index: text.length - 1, unpacked: 1 << 20 })
    expect(issue(over)).toEqual({
      fatal: true,
      field: 'project.json',
      message: {
        zh: `project.json 超过 ${text.length - 1} 字节上限`,
        en: `project.json is over the ${text.length - 1}-byte limit`,
      },
    })
    expect(contents(await readProjectZip(zip, parseGeoJson, { index: text.length, unpacked: 1 << 20 })).app).toBe(
      '0.1.0',
    )
  })

  test('without limits given, a project.json declaring more than 32 MiB is refused', async () => {
    const zip = writeZip([
      { name: 'project.json', bytes: strToU8(indexText()), declaredSize: MAX_PROJECT_INDEX_BYTES + 1 },
    ])
    expect(issue(await readProjectZip(zip, parseGeoJson)).message.en).toBe(
      `project.json is over the ${MAX_PROJECT_INDEX_BYTES}-byte limit`,
    )
  })

  test('a project.json that cannot be unpacked says why', async () => {
    const zip = writeZip([{ name: 'project.json', bytes: strToU8(indexText()), deflate: true, declaredSize: 10 }])
    const why = 'project.json: unpacks to more than the 10 bytes allowed (its header says less)'
    expect(issue(await readProjectZip(zip, parseGeoJson))).toEqual({
      fatal: true,
      field: 'project.json',
      message: { zh: `project.json 无法解压：${why}`, en: `project.json cannot be unpacked: ${why}` },
    })
  })

  test('of two entries named project.json, the first is the index', async () => {
    const zip = writeZip([
      { name: 'project.json', bytes: strToU8(indexText()) },
      { name: 'project.json', bytes: strToU8('{"format": "something else"}') },
    ])
    expect(contents(await readProjectZip(zip, parseGeoJson)).app).toBe('0.1.0')
  })
})

describe('the unpacked budget, all files together', () => {
  const index = strToU8(indexText([layer('a', 'layers/a.geojson', '站点')]))
  const data = json(stations)
  const zip = zipSync({ 'project.json': index, 'layers/a.geojson': data })

  test('a project of exactly the budget loads whole', async () => {
    const read = contents(
      await readProjectZip(zip, parseGeoJson, { index: 1 << 20, unpacked: index.length + data.length }),
    )
    expect(read.missing).toEqual([])
    expect(read.snapshot.layers.map((l) => l.data)).toEqual([{ kind: 'features', collection: stations }])
  })

  test('a layer file past the budget is listed, naming the budget and the file', async () => {
    const unpacked = index.length + data.length - 1
    const read = contents(await readProjectZip(zip, parseGeoJson, { index: 1 << 20, unpacked }))
    expect(read.missing).toEqual([
      {
        layerId: 'a',
        name: '站点',
        path: 'layers/a.geojson',
        reason: `the project unpacks to more than ${unpacked} bytes (at layers/a.geojson)`,
      },
    ])
    expect(read.snapshot.layers).toEqual([])
  })
})

describe('layer files that cannot be loaded are listed by name, the others load', () => {
  test('a missing file, or one the engine refuses, under the layer’s name or else its file name', async () => {
    const zip = zipSync({
      'project.json': strToU8(
        indexText([
          layer('a', 'layers/a.geojson', '站点'),
          layer('b', 'layers/b.geojson'),
          layer('c', 'layers/c.points.json', '大点集'),
          layer('d', 'layers/d.geojson'),
        ]),
      ),
      'layers/b.geojson': json({ type: 'Feature' }),
      'layers/d.geojson': json(stations),
    })
    const read = contents(await readProjectZip(zip, parseGeoJson))
    expect(read.missing).toEqual([
      { layerId: 'a', name: '站点', path: 'layers/a.geojson', reason: 'missing' },
      { layerId: 'b', name: 'b.geojson', path: 'layers/b.geojson', reason: 'not a FeatureCollection' },
      { layerId: 'c', name: '大点集', path: 'layers/c.points.json', reason: 'missing' },
    ])
    expect(read.snapshot.layers.map((l) => l.id)).toEqual(['d'])
  })

  test('a cancel is not a damaged layer: the engine’s AbortError stops the whole reading', async () => {
    const zip = zipSync({
      'project.json': strToU8(indexText([layer('a', 'layers/a.geojson'), layer('d', 'layers/d.geojson')])),
      'layers/a.geojson': json(stations),
      'layers/d.geojson': json(stations),
    })
    const cancelled: ParseLayerFile = () => Promise.reject(new DOMException('cancelled', 'AbortError'))
    await expect(readProjectZip(zip, cancelled)).rejects.toMatchObject({ name: 'AbortError' })
    // Any other error is the layer's own: listed, and the reading goes on.
    const broken: ParseLayerFile = () => Promise.reject(new Error('broken'))
    expect(contents(await readProjectZip(zip, broken)).missing.map((m) => m.reason)).toEqual(['broken', 'broken'])
  })

  test('a large point layer comes back as a point table', async () => {
    const { header, files } = pointTableFiles(table, 'layers/p')
    const zip = zipSync({ 'project.json': strToU8(indexText([layer('p', header, '点')])), ...files })
    const read = contents(await readProjectZip(zip, parseGeoJson))
    expect(read.missing).toEqual([])
    expect(read.snapshot.layers).toEqual([
      {
        id: 'p',
        fileName: 'p.geojson',
        name: '点',
        addedAt: '2026-12-01T00:00:00.000Z',
        visible: true,
        opacity: 1,
        style: expect.any(Object),
        data: { kind: 'points', table },
      },
    ])
  })

  test('service definitions missing, not JSON or not a definition are listed, the layer left out', async () => {
    const zip = zipSync({
      'project.json': strToU8(
        indexText([
          layer('s1', 'layers/s1.service.json', '影像'),
          layer('s2', 'layers/s2.service.json'),
          layer('s3', 'layers/s3.service.json', '红线'),
        ]),
      ),
      'layers/s2.service.json': strToU8('not json'),
      'layers/s3.service.json': json({ kind: 'wms', url: 'javascript:alert(1)' }),
    })
    const read = contents(await readProjectZip(zip, parseGeoJson))
    expect(read.missing).toEqual([
      { layerId: 's1', name: '影像', path: 'layers/s1.service.json', reason: 'missing' },
      { layerId: 's2', name: 's2.geojson', path: 'layers/s2.service.json', reason: expect.stringMatching(/JSON/) },
      { layerId: 's3', name: '红线', path: 'layers/s3.service.json', reason: 'not a service definition' },
    ])
    expect(read.snapshot.layers).toEqual([])
  })

  test('a PMTiles archive is looked for beside its definition, named for its last .service.json', async () => {
    const data = 'layers/a.service.json.b.service.json'
    const archive = new Uint8Array([0x50, 0x4d, 0x54, 0x69, 0x6c, 0x65, 0x73, 3])
    const index = strToU8(indexText([layer('a', data, '影像')]))
    const withArchive = zipSync({
      'project.json': index,
      [data]: json(PMTILES_FROM_FILE),
      'layers/a.service.json.b.pmtiles': archive,
    })
    const [loaded] = contents(await readProjectZip(withArchive, parseGeoJson)).snapshot.layers
    const file = loaded?.data.kind === 'service' ? loaded.data.file : null
    expect(new Uint8Array(await file!.arrayBuffer())).toEqual(archive)

    const without = contents(
      await readProjectZip(zipSync({ 'project.json': index, [data]: json(PMTILES_FROM_FILE) }), parseGeoJson),
    )
    expect(without.missing).toEqual([
      { layerId: 'a', name: '影像', path: 'layers/a.service.json.b.pmtiles', reason: 'missing' },
    ])
    expect(without.snapshot.layers).toEqual([])
  })
})

describe('replacements of built-in layers', () => {
  test('a missing file is listed under its file name; a point table cannot stand in for a built-in layer', async () => {
    const { header, files } = pointTableFiles(table, 'replacements/enforcement')
    const zip = zipSync({
      'project.json': strToU8(
        indexText([], {
          replacements: [
            { layerId: 'towns', fileName: '乡镇.geojson', data: 'replacements/towns.geojson' },
            { layerId: 'enforcement', fileName: '检查.csv', data: header },
            { layerId: 'rivers', fileName: '河流.geojson', data: 'replacements/rivers.geojson' },
          ],
        }),
      ),
      'replacements/rivers.geojson': json(stations),
      ...files,
    })
    const read = contents(await readProjectZip(zip, parseGeoJson))
    expect(read.missing).toEqual([
      { layerId: 'towns', name: '乡镇.geojson', path: 'replacements/towns.geojson', reason: 'missing' },
      {
        layerId: 'enforcement',
        name: '检查.csv',
        path: header,
        reason: 'too many points to stand in for a built-in layer',
      },
    ])
    expect(read.snapshot.replacements).toEqual([{ layerId: 'rivers', fileName: '河流.geojson', collection: stations }])
  })
})
