// @vitest-environment happy-dom
/**
 * 本机数据's list: what was kept comes back and is listed with its size and date; rename changes the
 * layer's title; remove and clear all ask first and then take the data off the map and the device;
 * a full store is said with the sizes; without IndexedDB the list says nothing is kept.
 */
import type { FeatureCollection } from 'geojson'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import KeptDataList from '../../../src/components/KeptDataList.vue'
import { INDEX_KEY, type KeptIndex } from '../../../src/user-data/kept/kept-storage'
import { useDataStore } from '../../../src/stores/data'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { SAVE_DELAY_MS, useKeptStore } from '../../../src/stores/kept'
import { useLayersStore } from '../../../src/stores/layers'
import { MemoryBackend } from '../support/memory-backend'
import { mountIn, setLocale, useFreshApp } from '../support/app'

useFreshApp()
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }))
afterEach(() => vi.useRealTimers())

const points: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { n: 1 }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }],
}

async function settle() {
  await flushPromises()
  vi.advanceTimersByTime(SAVE_DELAY_MS + 1)
  await flushPromises()
}

async function startWith(backend: MemoryBackend | null) {
  useDataStore().status = 'ready'
  useKeptStore().start(backend)
  await settle()
}

describe('KeptDataList', () => {
  test('lists each kept thing with its size and date; rename renames the layer', async () => {
    vi.setSystemTime(new Date('2026-03-05T08:30:00Z'))
    const backend = new MemoryBackend()
    await startWith(backend)
    const layers = useLayersStore()
    const id = layers.addUserLayer(points, 'stations.geojson')
    const wrapper = mountIn(KeptDataList)
    expect(wrapper.get('[data-testid="kept-empty"]').text()).toContain('尚无本机数据')
    await settle()
    const item = wrapper.get(`[data-testid="kept-item"][data-key="layer:${id}"]`)
    expect(item.get('[data-testid="kept-title"]').text()).toBe('stations.geojson')
    expect(item.get('[data-testid="kept-meta"]').text()).toMatch(/^0\.\d KB · 2026年3月5日 \d\d:30$/)

    await item.get('[data-testid="kept-rename"]').trigger('click')
    await wrapper.get('[data-testid="kept-name"]').setValue('监测站')
    await wrapper.get('form.rename').trigger('submit')
    expect(layers.meta(id)?.title.zh).toBe('我的数据：监测站')
    await settle()
    expect((backend.data.get(INDEX_KEY) as KeptIndex).entries[0]).toMatchObject({ name: '监测站' })
    expect(wrapper.get('[data-testid="kept-title"]').text()).toBe('监测站')
    setLocale('en')
    await flushPromises()
    expect(wrapper.get('[data-testid="kept-meta"]').text()).toMatch(/KB · Mar 5, 2026/)
  })

  test('remove asks first, then takes the layer off the map and the device', async () => {
    const backend = new MemoryBackend()
    await startWith(backend)
    const layers = useLayersStore()
    const id = layers.addUserLayer(points, 'a.geojson')
    const wrapper = mountIn(KeptDataList)
    await settle()
    await wrapper.get('[data-testid="kept-remove"]').trigger('click')
    expect(layers.record(id)).toBeDefined()
    expect(wrapper.text()).toContain('从地图和本机删除“a.geojson”？')
    await wrapper.get('[data-testid="kept-confirm"]').trigger('click')
    expect(layers.record(id)).toBeUndefined()
    await settle()
    expect(backend.data.has(`layer:${id}`)).toBe(false)
    expect(wrapper.find('[data-testid="kept-item"]').exists()).toBe(false)
  })

  test('clear all removes layers, replacements and joined tables', async () => {
    const backend = new MemoryBackend()
    await startWith(backend)
    const layers = useLayersStore()
    const indicators = useIndicatorsStore()
    layers.addUserLayer(points, 'a.geojson')
    layers.replaceData('monitoring-points', points, 'stations.geojson')
    indicators.addUserIndicators([
      {
        id: 'user:台账.csv:信访',
        label: { zh: '信访', en: '信访' },
        unit: { zh: '', en: '' },
        kind: 'count',
        provenance: 'user',
        reportFigureIds: [],
        note: { zh: '', en: '' },
        values: {},
      },
    ])
    layers.setChoropleth(layers.areaLayerId!, { indicator: 'user:台账.csv:信访' })
    const wrapper = mountIn(KeptDataList)
    await settle()
    expect(wrapper.findAll('[data-testid="kept-title"]').map((w) => w.text())).toEqual([
      'a.geojson',
      '监测点（替换为 stations.geojson）',
      '台账.csv（连接到乡镇）',
    ])
    expect(wrapper.get('[data-testid="kept-total"]').text()).toMatch(/^已保存 3 项，约 \d/)
    await wrapper.get('[data-testid="kept-clear"]').trigger('click')
    await wrapper.get('[data-testid="kept-confirm"]').trigger('click')
    expect(layers.order.some((id) => id.startsWith('user-'))).toBe(false)
    expect(layers.record('monitoring-points')?.replacement).toBeNull()
    expect(indicators.userIndicators).toEqual([])
    // The choropleth showed the removed table's column: it goes back to a built-in indicator.
    expect(layers.areaLayer?.choropleth?.indicator).toBe('inspections')
    await settle()
    expect([...backend.data.keys()]).toEqual([INDEX_KEY])
  })

  test('a full store says how much is needed and keeps what was kept', async () => {
    const backend = new MemoryBackend()
    await startWith(backend)
    const layers = useLayersStore()
    layers.addUserLayer(points, 'small.geojson')
    const wrapper = mountIn(KeptDataList)
    await settle()
    backend.full = /^layer:/
    layers.addUserLayer(points, 'big.geojson')
    await settle()
    expect(wrapper.get('[data-testid="kept-problem"]').text()).toMatch(/保存“big\.geojson”需要约 0\.\d KB/)
    const rows = wrapper.findAll('[data-testid="kept-item"]')
    expect(rows.map((r) => [r.get('[data-testid="kept-title"]').text(), r.attributes('data-kept')])).toEqual([
      ['small.geojson', 'true'],
      ['big.geojson', 'false'],
    ])
    expect(rows[1]!.text()).toContain('未保存')
  })

  test('the first thing kept asks the browser to keep the data, and the list says what it answered', async () => {
    const persist = vi.fn(async () => false)
    vi.stubGlobal('navigator', { storage: { persist, persisted: async () => false } })
    try {
      await startWith(new MemoryBackend())
      const wrapper = mountIn(KeptDataList)
      expect(persist).not.toHaveBeenCalled()
      useLayersStore().addUserLayer(points, 'stations.geojson')
      await settle()
      expect(persist).toHaveBeenCalledTimes(1)
      const line = wrapper.get('[data-testid="kept-persistence"]')
      expect(line.attributes('data-persistence')).toBe('refused')
      expect(line.text()).toContain('浏览器未同意长期保存')
      useLayersStore().addUserLayer(points, 'more.geojson')
      await settle()
      expect(persist).toHaveBeenCalledTimes(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  test('kept by a newer app: said so; nothing on the device is read, deleted or written', async () => {
    const backend = new MemoryBackend()
    const index = { version: 99, entries: [{ kind: 'layer', key: 'layer:user-1', fileName: 'a.geojson' }] }
    backend.data.set(INDEX_KEY, index)
    backend.data.set('layer:user-1', { kind: 'features', collection: points, shape: 'of version 99' })
    backend.data.set('layer:user-2', { kind: 'something version 99 has' })
    await startWith(backend)
    const before = new Map(backend.data)
    const layers = useLayersStore()
    layers.addUserLayer(points, 'today.geojson')
    await settle()
    const wrapper = mountIn(KeptDataList)
    expect(useKeptStore().state).toBe('newer')
    expect(wrapper.get('[data-testid="kept-newer"]').text()).toContain('由更新版本的本应用保存')
    expect(wrapper.find('[data-testid="kept-item"]').exists()).toBe(false)
    expect(layers.order.filter((id) => id.startsWith('user-'))).toHaveLength(1)
    expect(backend.data).toEqual(before)
  })

  test('without IndexedDB the list says that nothing is kept', async () => {
    await startWith(null)
    const wrapper = mountIn(KeptDataList)
    expect(wrapper.get('[data-testid="kept-off"]').text()).toContain('不能在本机保存数据')
  })
})
