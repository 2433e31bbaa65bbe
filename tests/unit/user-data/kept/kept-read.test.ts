/**
 * 本机数据 read back (kept-read.ts), against an in-memory key–value store filled as an earlier visit
 * (or a damaged store) left it: each entry's data comes back in its place of the user state, data that
 * is missing or not what its entry says is dropped and named, and every key the index no longer
 * names is deleted.
 */
import { describe, expect, it } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { KeptFromNewerVersion, readKept } from '../../../../src/user-data/kept/kept-read'
import {
  INDEX_KEY,
  INDEX_VERSION,
  KeptWriter,
  type KeptEntry,
  type KeptLayerEntry,
} from '../../../../src/user-data/kept/kept-storage'
import { defaultUserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import type { UserIndicator } from '../../../../src/user-data/tables/user-indicators'
import { MemoryBackend } from '../../support/memory-backend'

const collection = (): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { 名称: '东关桥' }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } },
  ],
})

const table = () => ({
  length: 1,
  positions: new Float32Array([119.7, 29.1]),
  columns: [{ name: 'pm25', kind: 'number' as const, values: new Float64Array([35]) }],
})

const definition = {
  kind: 'xyz',
  url: 'https://tiles.example.com/{z}/{x}/{y}.png',
  host: 'tiles.example.com',
  title: '影像',
  attribution: '© example',
  crs: 'WGS84',
  raster: { scheme: 'xyz', template: 'https://tiles.example.com/{z}/{x}/{y}.png' },
}

const indicator: UserIndicator = {
  id: 'user:台账.csv:信访件数',
  label: { zh: '信访件数', en: '信访件数' },
  unit: { zh: '', en: '' },
  kind: 'count',
  provenance: 'user',
  reportFigureIds: [],
  note: { zh: '', en: '' },
  values: { '330703001': 3 },
}

const common = { bytes: 10, keptAt: '2026-01-02T03:04:05.000Z' }

function layerEntry(id: string, fileName: string): KeptLayerEntry {
  return {
    kind: 'layer',
    key: `layer:${id}`,
    id,
    fileName,
    name: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    visible: true,
    opacity: 1,
    style: defaultUserLayerStyle(),
    ...common,
  }
}

const replacementEntry = (layerId: string, fileName: string): KeptEntry => ({
  kind: 'replacement',
  key: `replacement:${layerId}`,
  layerId,
  fileName,
  ...common,
})

const tableEntry = (fileName: string): KeptEntry => ({
  kind: 'table',
  key: `table:${fileName}`,
  fileName,
  indicatorIds: [],
  ...common,
})

/** A store holding this index and, under each key, this data (undefined: nothing there). */
function storeWith(entries: KeptEntry[], data: Record<string, unknown>): MemoryBackend {
  const backend = new MemoryBackend()
  backend.data.set(INDEX_KEY, { version: INDEX_VERSION, entries })
  for (const [key, value] of Object.entries(data)) if (value !== undefined) backend.data.set(key, value)
  return backend
}

describe('readKept', () => {
  it('an index written by a newer version is left as it is: refused by name, nothing deleted', async () => {
    const backend = new MemoryBackend()
    const index = { version: 2, entries: [layerEntry('user-1', 'a.geojson')] }
    backend.data.set(INDEX_KEY, index)
    backend.data.set('layer:user-1', { kind: 'features', collection: collection() })
    backend.data.set('layer:user-9', { kind: 'a kind version 2 has' })
    const failure = await readKept(backend).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(KeptFromNewerVersion)
    expect(failure).toMatchObject({ name: 'KeptFromNewerVersion', version: 2 })
    expect([...backend.data.keys()].sort()).toEqual([INDEX_KEY, 'layer:user-1', 'layer:user-9'].sort())
    expect(backend.data.get(INDEX_KEY)).toBe(index)
  })

  it('an empty store or a damaged index read as nothing kept, nothing lost', async () => {
    for (const index of [undefined, { version: 1 }, { version: '2', entries: [] }]) {
      const backend = new MemoryBackend()
      if (index) backend.data.set(INDEX_KEY, index)
      backend.data.set('layer:user-1', { kind: 'features', collection: collection() })
      const read = await readKept(backend)
      expect(read.snapshot).toEqual({ layers: [], replacements: [], indicators: [] })
      expect(read.index).toEqual({ version: INDEX_VERSION, entries: [] })
      expect(read.lost).toEqual([])
      expect(read.refs.size).toBe(0)
    }
  })

  it('puts each kind back in its place: features, points and service layers, a replacement, a table', async () => {
    const features = { kind: 'features', collection: collection() }
    const points = { kind: 'points', table: table() }
    const file = new Blob(['PMTiles'])
    const service = { kind: 'service', definition: { ...definition, maxzoom: 99, extra: 'dropped' }, file }
    const note = { zh: '位置为近似', en: 'Approximate positions' }
    const entries = [
      layerEntry('user-1', 'a.geojson'),
      layerEntry('user-2', 'b.csv'),
      layerEntry('user-3', 'tiles.example.com'),
      replacementEntry('monitoring-points', 'stations.geojson'),
      tableEntry('台账.csv'),
    ]
    const backend = storeWith(entries, {
      'layer:user-1': features,
      'layer:user-2': points,
      'layer:user-3': service,
      'replacement:monitoring-points': { fileName: 'stations.geojson', collection: collection(), note },
      'table:台账.csv': [indicator],
    })
    const read = await readKept(backend)
    expect(read.lost).toEqual([])
    expect(read.index).toEqual({ version: INDEX_VERSION, entries })
    const layer = (id: string, fileName: string) => ({
      id,
      fileName,
      name: null,
      addedAt: '2026-01-01T00:00:00.000Z',
      visible: true,
      opacity: 1,
      style: defaultUserLayerStyle(),
    })
    expect(read.snapshot).toStrictEqual({
      layers: [
        { ...layer('user-1', 'a.geojson'), data: features },
        { ...layer('user-2', 'b.csv'), data: points },
        // The definition is checked as one from a project file: what it does not allow is gone.
        { ...layer('user-3', 'tiles.example.com'), data: { kind: 'service', definition, file } },
      ],
      replacements: [{ layerId: 'monitoring-points', fileName: 'stations.geojson', collection: collection(), note }],
      indicators: [indicator],
    })
    expect(read.snapshot.layers[2]!.data).toMatchObject({ file: expect.any(Blob) as unknown })
  })

  it('a replacement note that is not two texts is left out', async () => {
    for (const note of [{ zh: '近似' }, { en: 'Approximate' }, { zh: 1, en: 'x' }, 'note', null]) {
      const backend = storeWith([replacementEntry('monitoring-points', 's.geojson')], {
        'replacement:monitoring-points': { fileName: 's.geojson', collection: collection(), note },
      })
      const read = await readKept(backend)
      expect(read.snapshot.replacements).toStrictEqual([
        { layerId: 'monitoring-points', fileName: 's.geojson', collection: collection() },
      ])
    }
  })

  it('drops and names each entry whose data is missing or not what the entry says, and deletes that data', async () => {
    const cases: [KeptEntry, unknown][] = [
      [layerEntry('user-1', 'missing.geojson'), undefined],
      [layerEntry('user-2', 'no-table.csv'), { kind: 'points', table: null }],
      [layerEntry('user-9', 'text-table.csv'), { kind: 'points', table: 'positions' }],
      [layerEntry('user-3', 'no-collection.geojson'), { kind: 'features' }],
      [layerEntry('user-4', 'no-features.geojson'), { kind: 'features', collection: { features: 'x' } }],
      [layerEntry('user-5', 'no-kind.geojson'), { collection: collection() }],
      [layerEntry('user-6', 'bad-service'), { kind: 'service', definition: { ...definition, url: 'ftp://x' } }],
      // A Blob through JSON (an old copy) is {}: the archive is gone.
      [layerEntry('user-7', 'lost-archive'), { kind: 'service', definition, file: {} }],
      [layerEntry('user-8', 'a-table.csv'), [indicator]],
      [replacementEntry('rivers', 'missing-replacement.geojson'), undefined],
      [replacementEntry('roads', 'no-collection-replacement.geojson'), { fileName: 'x' }],
      [replacementEntry('lakes', 'a-list.geojson'), [indicator]],
      [tableEntry('missing.csv'), undefined],
      [tableEntry('not-a-list.csv'), { kind: 'features', collection: collection() }],
    ]
    const backend = storeWith(
      cases.map(([entry]) => entry),
      Object.fromEntries(cases.map(([entry, data]) => [entry.key, data])),
    )
    const read = await readKept(backend)
    expect(read.lost).toEqual(cases.map(([entry]) => entry.fileName))
    expect(read.snapshot).toEqual({ layers: [], replacements: [], indicators: [] })
    expect(read.index.entries).toEqual([])
    expect([...backend.data.keys()]).toEqual([INDEX_KEY])
  })

  it('a service layer without a file, next to a lost one, is kept', async () => {
    const backend = storeWith([layerEntry('user-1', 'tiles.example.com'), layerEntry('user-2', 'lost')], {
      'layer:user-1': { kind: 'service', definition },
      'layer:user-2': { kind: 'service', definition: null },
    })
    const read = await readKept(backend)
    expect(read.snapshot.layers.map((l) => l.data)).toEqual([{ kind: 'service', definition }])
    expect(read.lost).toEqual(['lost'])
  })

  it('names what was read, so that saving it unchanged writes no data again', async () => {
    const entries = [
      layerEntry('user-1', 'a.geojson'),
      layerEntry('user-2', 'b.csv'),
      replacementEntry('monitoring-points', 'stations.geojson'),
      tableEntry('台账.csv'),
    ]
    const backend = storeWith(entries, {
      'layer:user-1': { kind: 'features', collection: collection() },
      'layer:user-2': { kind: 'points', table: table() },
      'replacement:monitoring-points': { fileName: 'stations.geojson', collection: collection() },
      'table:台账.csv': [indicator],
    })
    const read = await readKept(backend)
    const writer = new KeptWriter(backend, read.index)
    for (const [key, refs] of read.refs) writer.remember(key, refs)
    backend.writes = []
    const { failures } = await writer.save(read.snapshot)
    expect(failures).toEqual([])
    expect(backend.writes.filter((key) => key !== INDEX_KEY)).toEqual([])
    expect([...backend.data.keys()].sort()).toEqual([INDEX_KEY, ...entries.map((e) => e.key)].sort())
  })
})
