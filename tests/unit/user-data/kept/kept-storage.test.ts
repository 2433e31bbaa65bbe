/**
 * 本机数据's storage against an in-memory key–value store: what is written where, that unchanged
 * data is not written again, that a full store loses nothing already kept, and that data whose index
 * never came is cleaned up on the next start.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { FeatureCollection } from 'geojson'
import { applyUserState, captureUserState, type UserStateSnapshot } from '../../../../src/stores/user-state'
import {
  estimateBytes,
  indicatorFileName,
  INDEX_KEY,
  isQuotaError,
  KeptWriter,
  type KeptIndex,
  estimateBytesInSteps,
  utf8Length,
} from '../../../../src/user-data/kept/kept-storage'
import { readKept } from '../../../../src/user-data/kept/kept-read'
import { defaultUserLayerStyle } from '../../../../src/user-data/styles/user-layer-style'
import { pointTableFromFeatures } from '../../../../src/user-data/tables/point-table'
import type { UserIndicator } from '../../../../src/user-data/tables/user-indicators'
import { useLayersStore } from '../../../../src/stores/layers'
import { useIndicatorsStore } from '../../../../src/stores/indicators'
import { formatBytes } from '../../../../src/domain/text/byte-size'
import { MemoryBackend } from '../../support/memory-backend'

const points: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'a', v: 1 }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } },
    { type: 'Feature', properties: { id: 'b', v: 2 }, geometry: { type: 'Point', coordinates: [119.8, 29.2] } },
  ],
}

function indicator(file: string, column: string): UserIndicator {
  return {
    id: `user:${file}:${column}`,
    label: { zh: column, en: column },
    unit: { zh: '', en: '' },
    kind: 'count',
    provenance: 'user',
    reportFigureIds: [],
    note: { zh: '', en: '' },
    values: { '330703001': 3 },
  }
}

function state(): UserStateSnapshot {
  return captureUserState(useLayersStore(), useIndicatorsStore())
}

describe('本机数据 storage', () => {
  beforeEach(() => setActivePinia(createPinia()))

  test('each thing under its own key, the index naming them; read back as the same user state', async () => {
    const layers = useLayersStore()
    const indicators = useIndicatorsStore()
    const style = { ...defaultUserLayerStyle(), labelColumn: 'id' }
    const a = layers.addUserLayer(points, 'a.geojson', { style })
    const b = layers.addUserPointLayer(pointTableFromFeatures(points.features), 'b.csv')
    layers.renameUserLayer(a, '我的点')
    layers.setOpacity(b, 0.5)
    indicators.addUserIndicators([indicator('台账.csv', '信访件数'), indicator('台账.csv', '面积:公顷')])
    const backend = new MemoryBackend()
    const writer = new KeptWriter(backend)
    const { index, failures } = await writer.save(state())
    expect(failures).toEqual([])
    expect(backend.writes).toEqual([`layer:${b}`, `layer:${a}`, 'table:台账.csv', INDEX_KEY])
    expect(index.entries.map((e) => [e.kind, e.key, e.fileName])).toEqual([
      ['layer', `layer:${b}`, 'b.csv'],
      ['layer', `layer:${a}`, 'a.geojson'],
      ['table', 'table:台账.csv', '台账.csv'],
    ])
    expect(index.entries.every((e) => e.bytes > 0 && !Number.isNaN(Date.parse(e.keptAt)))).toBe(true)
    // The point table is kept as typed arrays, not as JSON.
    const stored = backend.data.get(`layer:${b}`) as { table: { positions: unknown } }
    expect(stored.table.positions).toBeInstanceOf(Float32Array)

    setActivePinia(createPinia())
    const read = await readKept(backend)
    expect(read.lost).toEqual([])
    const layers2 = useLayersStore()
    const indicators2 = useIndicatorsStore()
    applyUserState(read.snapshot, layers2, indicators2)
    expect(layers2.order.slice(0, 2)).toEqual([b, a])
    expect(layers2.meta(a)?.title.zh).toBe('我的数据：我的点')
    expect(layers2.record(a)?.userStyle?.labelColumn).toBe('id')
    expect(layers2.record(b)?.opacity).toBe(0.5)
    expect(layers2.record(b)?.points?.positions).toBeInstanceOf(Float32Array)
    expect(indicators2.userIndicators.map((i) => i.id)).toEqual(['user:台账.csv:信访件数', 'user:台账.csv:面积:公顷'])
  })

  test('a rename or a style change rewrites the index only; a removal deletes the data after the index', async () => {
    const layers = useLayersStore()
    const a = layers.addUserLayer(points, 'a.geojson')
    const backend = new MemoryBackend()
    const writer = new KeptWriter(backend)
    await writer.save(state())
    backend.writes = []
    layers.renameUserLayer(a, '新名字')
    const { index } = await writer.save(state())
    expect(backend.writes).toEqual([INDEX_KEY])
    expect(index.entries[0]).toMatchObject({ kind: 'layer', name: '新名字' })
    backend.writes = []
    layers.setVisible('rivers', false)
    await writer.save(state())
    expect(backend.writes).toEqual([])

    layers.removeUserLayer(a)
    await writer.save(state())
    expect([...backend.data.keys()]).toEqual([INDEX_KEY])
    expect((backend.data.get(INDEX_KEY) as KeptIndex).entries).toEqual([])
  })

  test('a replacement of a built-in layer is kept and put back', async () => {
    const layers = useLayersStore()
    layers.replaceData('monitoring-points', points, 'stations.geojson')
    const backend = new MemoryBackend()
    await new KeptWriter(backend).save(state())
    setActivePinia(createPinia())
    const read = await readKept(backend)
    const layers2 = useLayersStore()
    applyUserState(read.snapshot, layers2, useIndicatorsStore())
    expect(layers2.record('monitoring-points')?.replacement?.fileName).toBe('stations.geojson')
    expect(layers2.data('monitoring-points')?.features).toHaveLength(2)
  })

  test('a full store: the new layer is refused with its size, and everything kept before stays', async () => {
    const layers = useLayersStore()
    const a = layers.addUserLayer(points, 'a.geojson')
    const backend = new MemoryBackend()
    const writer = new KeptWriter(backend)
    await writer.save(state())
    const before = structuredClone(backend.data.get(INDEX_KEY))

    const b = layers.addUserLayer(points, 'big.geojson')
    backend.full = new RegExp(`^layer:${b}$`)
    const { index, failures } = await writer.save(state())
    expect(failures).toMatchObject([{ key: `layer:${b}`, fileName: 'big.geojson', quota: true }])
    expect(failures[0]!.bytes).toBe(estimateBytes({ kind: 'features', collection: layers.data(b) }))
    expect(index.entries.map((e) => e.key)).toEqual([`layer:${a}`])
    // The same data is not tried again until something is removed.
    const again = await writer.save(state())
    expect(again.failures).toMatchObject([{ key: `layer:${b}`, quota: true, message: '' }])

    // The index itself cannot be written: the previous one, and its data, stay.
    backend.full = /^index$/
    layers.renameUserLayer(a, 'x')
    const blocked = await writer.save(state())
    expect(blocked.failures.map((f) => f.key)).toContain(INDEX_KEY)
    expect(backend.data.get(INDEX_KEY)).toEqual(before)
    expect(backend.data.has(`layer:${a}`)).toBe(true)

    setActivePinia(createPinia())
    const read = await readKept(backend)
    expect(read.snapshot.layers.map((l) => [l.id, l.fileName])).toEqual([[a, 'a.geojson']])
  })

  test('data written without its index (a crash between the two) is deleted on the next start', async () => {
    const backend = new MemoryBackend()
    useLayersStore().addUserLayer(points, 'a.geojson')
    await new KeptWriter(backend).save(state())
    await backend.set('layer:user-9', { kind: 'features', collection: points })
    const read = await readKept(backend)
    expect(read.snapshot.layers).toHaveLength(1)
    expect([...backend.data.keys()].sort()).toEqual([INDEX_KEY, 'layer:user-1'])
  })

  test('an entry whose data is gone is dropped and named; a newer index version is not read', async () => {
    const backend = new MemoryBackend()
    useLayersStore().addUserLayer(points, 'a.geojson')
    await new KeptWriter(backend).save(state())
    backend.data.delete('layer:user-1')
    expect((await readKept(backend)).lost).toEqual(['a.geojson'])
    backend.data.set(INDEX_KEY, { version: 99, entries: [] })
    expect((await readKept(backend)).snapshot.layers).toEqual([])
  })

  test('quota errors as each browser names them; sizes in KB and MB', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true)
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true)
    expect(isQuotaError({ code: 22 })).toBe(true)
    expect(isQuotaError(new Error('other'))).toBe(false)
    expect(indicatorFileName(indicator('a.csv', 'x:y'))).toBe('a.csv')
    expect(formatBytes(512, 'zh-CN')).toBe('0.5 KB')
    expect(formatBytes(12.34 * 1024 * 1024, 'en')).toBe('12 MB')
    expect(formatBytes(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB')
  })
})

describe('utf8Length (the kept size of a text column, counted without encoding it)', () => {
  const encoder = new TextEncoder()
  const samples = [
    '',
    'ascii only, 123',
    'é ü ß',
    '金东区 生态环境',
    'emoji 🌏🌫️ and 𠮷',
    'lone high \ud83c here',
    'lone low \udf0f here',
    'ends with a high surrogate \ud83c',
    '\udf0f\ud83c reversed pair',
    '\u007f\u0080\u07ff\u0800\uffff',
  ]
  for (const text of samples)
    test(`counts ${JSON.stringify(text)} as TextEncoder writes it`, () => {
      expect(utf8Length(text)).toBe(encoder.encode(text).length)
    })
})

describe('estimateBytesInSteps (a large point set counted a slice of text per task)', () => {
  const pointData = (text: string) => {
    const offsets = new Uint32Array([0, text.length])
    return {
      kind: 'points' as const,
      table: {
        length: 1,
        positions: new Float32Array([119.7, 29.1]),
        columns: [
          { name: '浓度', kind: 'number' as const, values: new Float64Array([1]) },
          { name: 'name', kind: 'text' as const, text, offsets },
        ],
      },
    }
  }
  // Pairs placed so that a step of 3 characters ends between their halves.
  const texts = ['ab🌏cd𠮷e', '金东🌏🌏🌏区', 'plain ascii text', '', '\ud83c lone']
  for (const text of texts)
    test(`gives what estimateBytes gives, in steps of 3 characters: ${JSON.stringify(text)}`, async () => {
      const value = pointData(text)
      await expect(estimateBytesInSteps(value, 3)).resolves.toBe(estimateBytes(value))
    })
  test('is estimateBytes for anything else', async () => {
    const value = { type: 'FeatureCollection', features: [{ name: '金东' }] }
    await expect(estimateBytesInSteps(value)).resolves.toBe(estimateBytes(value))
  })
})
