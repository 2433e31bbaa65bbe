/**
 * 本机数据's storage against an in-memory key–value store: what is written where, that unchanged
 * data is not written again, that a full store loses nothing already kept, and that data whose index
 * never came is cleaned up on the next start.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest'
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
import { KeptFromNewerVersion, readKept } from '../../../../src/user-data/kept/kept-read'
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
    await expect(readKept(backend)).rejects.toBeInstanceOf(KeptFromNewerVersion)
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
    // The ends of the surrogate ranges, and a lone half next to a character of three bytes.
    '\ud800\udc00 \udbff\udfff \ud800\udfff \udbff\udc00',
    '金\udf0f',
    '\ud83c金',
    // Two lone low halves, a high half before a private-use character (U+E000).
    '\udf0f\udf0f',
    '\ud83c\ue000',
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
  const texts = [
    'ab🌏cd𠮷e',
    '金东🌏🌏🌏区',
    'plain ascii text',
    '',
    '\ud83c lone',
    'abc🌏xyz',
    'ab\u{10000}c',
    'ab\u{10ffff}c',
  ]
  for (const text of texts)
    test(`gives what estimateBytes gives, in steps of 1, 2 and 3 characters: ${JSON.stringify(text)}`, async () => {
      const value = pointData(text)
      for (const step of [1, 2, 3]) await expect(estimateBytesInSteps(value, step)).resolves.toBe(estimateBytes(value))
    })
  test('lets other tasks run between its steps: nine characters in steps of 3 take three tasks', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const settle = () => new Promise((resolve) => setImmediate(resolve))
    try {
      let done = false
      const counted = estimateBytesInSteps(pointData('abcdefghi'), 3).then((n) => {
        done = true
        return n
      })
      for (let task = 0; task < 3; task++) {
        await settle()
        expect(done).toBe(false)
        vi.advanceTimersToNextTimer()
      }
      await settle()
      expect(done).toBe(true)
      expect(await counted).toBe(estimateBytes(pointData('abcdefghi')))
    } finally {
      vi.useRealTimers()
    }
  })
  test('is estimateBytes for anything else', async () => {
    const value = { type: 'FeatureCollection', features: [{ name: '金东' }] }
    await expect(estimateBytesInSteps(value)).resolves.toBe(estimateBytes(value))
  })
})

describe('KeptWriter against snapshots made here (no stores)', () => {
  const collection = (name: string): FeatureCollection => ({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }],
  })
  const layer = (id: string, fileName: string, data: FeatureCollection): UserStateSnapshot['layers'][number] => ({
    id,
    fileName,
    name: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    visible: true,
    opacity: 1,
    style: defaultUserLayerStyle(),
    data: { kind: 'features', collection: data },
  })
  const snapshot = (parts: Partial<UserStateSnapshot>): UserStateSnapshot => ({
    layers: [],
    replacements: [],
    indicators: [],
    ...parts,
  })

  test('a new writer knows an empty index, and saving nothing writes nothing', async () => {
    const backend = new MemoryBackend()
    const writer = new KeptWriter(backend)
    expect(writer.index).toEqual({ version: 1, entries: [] })
    const { index, failures } = await writer.save(snapshot({}))
    expect(index).toEqual({ version: 1, entries: [] })
    expect(failures).toEqual([])
    expect(backend.writes).toEqual([])
  })

  test('new data under a kept layer or replacement, or a changed table, is written again', async () => {
    const backend = new MemoryBackend()
    const writer = new KeptWriter(backend)
    const [x, y] = [indicator('t.csv', 'x'), indicator('t.csv', 'y')]
    await writer.save(
      snapshot({
        layers: [layer('user-1', 'a.geojson', collection('first'))],
        replacements: [{ layerId: 'rivers', fileName: 'r.geojson', collection: collection('first') }],
        indicators: [x],
      }),
    )
    backend.writes = []
    const second = collection('second')
    await writer.save(
      snapshot({
        layers: [layer('user-1', 'a.geojson', second)],
        replacements: [{ layerId: 'rivers', fileName: 'r.geojson', collection: second }],
        indicators: [x, y],
      }),
    )
    expect(backend.writes).toEqual(['layer:user-1', 'replacement:rivers', 'table:t.csv', INDEX_KEY])
    expect(backend.data.get('layer:user-1')).toEqual({ kind: 'features', collection: second })
    expect(backend.data.get('replacement:rivers')).toEqual({ fileName: 'r.geojson', collection: second })
    expect((backend.data.get(INDEX_KEY) as KeptIndex).entries[2]).toMatchObject({
      kind: 'table',
      indicatorIds: ['user:t.csv:x', 'user:t.csv:y'],
    })
    // One of the table's indicators replaced by another object: the table is written again.
    backend.writes = []
    await writer.save(snapshot({ layers: [layer('user-1', 'a.geojson', second)], indicators: [x, { ...y }] }))
    expect(backend.writes).toContain('table:t.csv')
  })

  test('a replacement keeps its note, as plain text in both languages', async () => {
    const backend = new MemoryBackend()
    const note = { zh: '位置为近似', en: 'Approximate positions' }
    await new KeptWriter(backend).save(
      snapshot({ replacements: [{ layerId: 'rivers', fileName: 'r.geojson', collection: collection('a'), note }] }),
    )
    expect(backend.data.get('replacement:rivers')).toEqual({ fileName: 'r.geojson', collection: collection('a'), note })
  })

  test('what remember() names as already in the store is not written again', async () => {
    const backend = new MemoryBackend()
    const data = collection('kept')
    const first = new KeptWriter(backend)
    const saved = await first.save(snapshot({ layers: [layer('user-1', 'a.geojson', data)] }))
    backend.writes = []
    const writer = new KeptWriter(backend, saved.index)
    writer.remember('layer:user-1', [data])
    await writer.save(snapshot({ layers: [layer('user-1', 'a.geojson', data)] }))
    expect(backend.writes).toEqual([])
  })

  test('new data under a kept layer that does not fit: the old data and its entry stay, on every save', async () => {
    const backend = new MemoryBackend()
    const writer = new KeptWriter(backend)
    await writer.save(snapshot({ layers: [layer('user-1', 'a.geojson', collection('old'))] }))
    const before = structuredClone(backend.data.get(INDEX_KEY)) as KeptIndex
    backend.full = /^layer:user-1$/
    const bigger = snapshot({ layers: [layer('user-1', 'a.geojson', collection('new and bigger'))] })
    for (let save = 0; save < 2; save++) {
      const { index, failures } = await writer.save(bigger)
      expect(failures).toMatchObject([{ key: 'layer:user-1', quota: true }])
      expect(index.entries).toEqual(before.entries)
      expect(backend.data.get('layer:user-1')).toEqual({ kind: 'features', collection: collection('old') })
    }
  })

  test('refused data is tried again once something is removed; a failure other than a full disk, at once', async () => {
    const backend = new MemoryBackend()
    const writer = new KeptWriter(backend)
    const [a, c] = [layer('user-1', 'a.geojson', collection('a')), layer('user-3', 'c.geojson', collection('c'))]
    await writer.save(snapshot({ layers: [a, c] }))
    const b = layer('user-2', 'b.geojson', collection('b'))
    backend.full = /^layer:user-2$/
    expect((await writer.save(snapshot({ layers: [a, b, c] }))).failures).toMatchObject([{ key: 'layer:user-2' }])
    backend.full = null
    // a removed, c still there: room may have been made for b.
    const { failures, index } = await writer.save(snapshot({ layers: [b, c] }))
    expect(failures).toEqual([])
    expect(index.entries.map((e) => e.key)).toEqual(['layer:user-2', 'layer:user-3'])

    const flaky = new MemoryBackend()
    const again = new KeptWriter(flaky)
    const set = flaky.set.bind(flaky)
    let calls = 0
    flaky.set = async (key, value) => {
      if (calls++ === 0) throw new Error('The transaction was aborted.')
      return set(key, value)
    }
    const first = await again.save(snapshot({ layers: [a] }))
    expect(first.failures).toMatchObject([{ key: 'layer:user-1', quota: false }])
    const second = await again.save(snapshot({ layers: [a] }))
    expect(second.failures).toEqual([])
    expect(flaky.data.get('layer:user-1')).toEqual({ kind: 'features', collection: collection('a') })
  })

  test('an index that cannot be written is reported as the index, with no file name', async () => {
    const backend = new MemoryBackend()
    backend.full = /^index$/
    const { failures } = await new KeptWriter(backend).save(
      snapshot({ layers: [layer('user-1', 'a.geojson', points)] }),
    )
    expect(failures).toEqual([
      {
        key: INDEX_KEY,
        fileName: '',
        bytes: expect.any(Number) as unknown,
        quota: true,
        message: 'QuotaExceededError: The quota has been exceeded.',
      },
    ])
    expect(failures[0]!.bytes).toBeGreaterThan(0)
  })
})

describe('sizes and errors', () => {
  const bytes = (text: string) => new TextEncoder().encode(text).length

  test('quota errors under every name and code; anything else is not one', () => {
    expect(isQuotaError({ code: 1014 })).toBe(true)
    expect(isQuotaError({ name: 'QuotaExceededError' })).toBe(true)
    for (const other of [null, undefined, 'QuotaExceededError', 22, { code: 0 }])
      expect(isQuotaError(other)).toBe(false)
  })

  test('an indicator id without a column part names its file whole', () => {
    expect(indicatorFileName({ ...indicator('a.csv', 'x'), id: 'user:a.csv' })).toBe('a.csv')
  })

  test('typed arrays count by length, a service layer with its archive by the file and its definition', () => {
    expect(estimateBytes(new Float64Array(4))).toBe(32)
    const definition = { kind: 'pmtiles', url: 'tiles.pmtiles', title: '影像' }
    const value = { kind: 'service', definition, file: new Blob([new Uint8Array(1000)]) }
    expect(estimateBytes(value)).toBe(1000 + bytes(JSON.stringify({ kind: 'service', definition, file: null })))
  })

  test('a point set counts its arrays by length and its texts in UTF-8; other values as JSON', () => {
    const value = {
      kind: 'points',
      table: {
        length: 2,
        positions: new Float32Array(4),
        columns: [
          { name: '浓度', kind: 'number', values: new Float64Array(2) },
          { name: 'name', kind: 'text', text: '东关ab', offsets: new Uint32Array(3) },
        ],
      },
    }
    // positions 16, 浓度 6 + values 16, name 4 + offsets 12 + 东关ab 8
    expect(estimateBytes(value)).toBe(62)
    expect(estimateBytes({ kind: 'features', collection: { features: [] } })).toBe(
      bytes('{"kind":"features","collection":{"features":[]}}'),
    )
    expect(estimateBytes(null)).toBe(4)
    expect(estimateBytes(undefined)).toBe(0)
  })
})
