// @vitest-environment happy-dom
/** SearchBox flies to a place and opens its township; ExportMenu asks the map for its pixels. */
import type { Feature, FeatureCollection, Point } from 'geojson'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { useDataStore } from '../../../src/stores/data'
import { useViewStore } from '../../../src/stores/view'
import { fakeController, loadLayers, mountIn, readGeo, setLocale, useFreshApp } from '../support/app'

import { pictureMapSize, pictureSize } from '../../../src/settings/picture-pages'

import SearchBox from '../../../src/components/SearchBox.vue'
import ExportMenu from '../../../src/components/ExportMenu.vue'
useFreshApp()
afterEach(() => vi.restoreAllMocks())

const XIAOSHUN = '330703101'
const seatOf = (code: string) =>
  (
    readGeo<FeatureCollection<Point>>('seats.geojson').features.find(
      (f) => f.properties?.code === code,
    ) as Feature<Point>
  ).geometry.coordinates

describe('SearchBox', () => {
  beforeEach(() => {
    loadLayers('towns', 'seats')
    useDataStore().documents = { villages: readGeo('villages.json') }
  })

  // The result shows the village's full name (月潭村委会); its short name 月潭村 is only matched.
  test('typing "yuetan" lists 月潭村 in 孝顺镇', async () => {
    const wrapper = mountIn(SearchBox)
    await wrapper.get('input').setValue('yuetan')
    const options = wrapper.findAll('[role="option"]')
    expect(options.map((o) => o.get('.name').text())).toEqual(['月潭村委会'])
    expect(options[0]!.get('.kind').text()).toBe('村（社区） · 孝顺镇')
  })

  test('choosing 月潭村 moves the map to the township seat and selects the township', async () => {
    const { controller, calls } = fakeController()
    const view = useViewStore()
    const wrapper = mountIn(SearchBox, { controller })
    await wrapper.get('input').setValue('yuetan')
    await wrapper.get('[role="option"]').trigger('mousedown')
    expect(calls.moveTo).toEqual([{ lngLat: seatOf(XIAOSHUN), zoom: 12 }])
    expect(view.selection).toEqual({ layerId: 'towns', featureId: XIAOSHUN })
    expect(wrapper.get('[data-testid="search-note"]').text()).toBe('月潭村委会：无坐标，定位到所属乡镇（孝顺镇）')
    expect(wrapper.find('[role="option"]').exists()).toBe(false)
  })

  test('the note stays while its township is selected, and goes with another selection or new typing', async () => {
    const view = useViewStore()
    const wrapper = mountIn(SearchBox)
    const note = () => wrapper.find('[data-testid="search-note"]')
    await wrapper.get('input').setValue('yuetan')
    await wrapper.get('[role="option"]').trigger('mousedown')
    expect(note().exists()).toBe(true)
    view.select({ layerId: 'towns', featureId: '330703001' })
    await wrapper.vm.$nextTick()
    expect(note().exists()).toBe(false)
    await wrapper.get('input').setValue('yuetan')
    await wrapper.get('[role="option"]').trigger('mousedown')
    expect(note().exists()).toBe(true)
    await wrapper.get('input').setValue('曹')
    expect(note().exists()).toBe(false)
  })

  test('in English the note uses ASCII punctuation', async () => {
    setLocale('en')
    const wrapper = mountIn(SearchBox)
    await wrapper.get('input').setValue('yuetan')
    await wrapper.get('[role="option"]').trigger('mousedown')
    expect(wrapper.get('[data-testid="search-note"]').text()).not.toMatch(/[：（）]/)
  })

  test('Enter chooses the highlighted result; a query without results says so', async () => {
    const { controller, calls } = fakeController()
    const wrapper = mountIn(SearchBox, { controller })
    await wrapper.get('input').setValue('xqzw')
    expect(wrapper.get('.results').text()).toBe('无结果')
    await wrapper.get('input').setValue('曹宅')
    await wrapper.get('input').trigger('keydown', { key: 'Enter' })
    expect(calls.moveTo).toEqual([{ lngLat: seatOf('330703103'), zoom: 11.5 }])
    expect(useViewStore().selection?.featureId).toBe('330703103')
  })
})

/**
 * A 2D context that records what is written (fillText) and the size of each canvas it is asked for,
 * standing in for happy-dom's missing canvas.
 */
function recordingCanvas(): { drawn: string[]; sizes: number[][] } {
  const drawn: string[] = []
  const sizes: number[][] = []
  const context = new Proxy({} as Record<string | symbol, unknown>, {
    get: (target, key) =>
      key in target
        ? target[key]
        : key === 'fillText'
          ? (text: string) => void drawn.push(text)
          : key === 'measureText'
            ? (text: string) => ({ width: text.length * 8 })
            : () => undefined,
    set: (target, key, value) => ((target[key] = value), true),
  })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    sizes.push([this.width, this.height])
    return context as never
  })
  return { drawn, sizes }
}

describe('ExportMenu', () => {
  beforeEach(() => loadLayers('towns', 'enforcement', 'water-sections'))

  test('PNG: asks the map for a capture; happy-dom has no 2D canvas, so the error is shown as text', async () => {
    const { controller, calls } = fakeController()
    const wrapper = mountIn(ExportMenu, { controller })
    await wrapper.get('[data-testid="export-png-1x"]').trigger('click')
    await vi.dynamicImportSettled()
    await flushPromises()
    expect(calls.capture).toEqual([1])
    expect(wrapper.get('[role="status"]').text()).toMatch(/null/)
    expect(wrapper.get('[data-testid="export-png-1x"]').attributes('disabled')).toBeUndefined()
  })

  test('PNG 2×: with a recording 2D context, the title and each visible layer’s legend are drawn', async () => {
    const { drawn } = recordingCanvas()
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download)
    })
    const { controller, calls } = fakeController()
    const wrapper = mountIn(ExportMenu, { controller })
    await wrapper.get('[data-testid="export-png-2x"]').trigger('click')
    await vi.waitFor(() => expect(downloads).toHaveLength(1))
    expect(calls.capture).toEqual([2])
    expect(downloads[0]).toMatch(/^jindong-map-\d{4}-\d{2}-\d{2}@2x\.png$/)
    expect(drawn[0]).toBe('金东生态环境一张图')
    expect(drawn).toContain('乡镇（街道）（近似） · 执法检查（示例数据）')
    expect(drawn).toContain('国控断面（示例数据）')
    // The title card over the map: what it shows and its badge, as on screen.
    expect(drawn.slice(2, 4)).toEqual(['执法检查', '示例数据'])
    expect(drawn.join('\n')).not.toContain('执法检查与案件')
  })

  test('a meeting picture: its own title, an A4 page, the themes first in the legend, a north arrow', async () => {
    loadLayers('counties', 'district', 'rivers', 'seats')
    const { drawn, sizes } = recordingCanvas()
    const downloads: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download)
    })
    const { controller, calls } = fakeController()
    const wrapper = mountIn(ExportMenu, { controller })
    await wrapper.get('[data-testid="export-title"]').setValue('曹宅镇执法检查情况')
    await wrapper.get('[data-testid="export-page"]').setValue('a4-landscape')
    await wrapper.get('[data-testid="export-png-1x"]').trigger('click')
    await vi.waitFor(() => expect(downloads).toHaveLength(1))
    const page = pictureSize('a4-landscape')!
    expect(calls.captureSize).toEqual([pictureMapSize(page)])
    expect(sizes.at(-1)).toEqual([page.width, page.height])
    expect(downloads[0]).toMatch(/^jindong-map-\d{4}-\d{2}-\d{2}-a4-landscape@1x\.png$/)
    expect(drawn[0]).toBe('曹宅镇执法检查情况')
    expect(drawn).toContain('北')
    const at = (title: string) => drawn.indexOf(title)
    // The themes in the layer list's order, then the reference layers (outline, neighbours, rivers).
    const themes = [at('国控断面（示例数据）'), at('乡镇（街道）（近似） · 执法检查（示例数据）')]
    const references = ['金东区界（开放数据）', '金华市相邻县市区（开放数据）', '河流（近似）', '乡镇驻地（近似）'].map(
      at,
    )
    expect(Math.min(...themes)).toBeGreaterThan(0)
    expect(Math.min(...references)).toBeGreaterThan(Math.max(...themes))
  })

  test('GeoJSON: the selected feature alone when it belongs to the chosen layer', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:x'))
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    useViewStore().select({ layerId: 'water-sections', featureId: 'dongguanqiao' })
    const wrapper = mountIn(ExportMenu)
    await wrapper.get('[data-testid="export-layer"]').setValue('water-sections')
    await wrapper.get('[data-testid="export-geojson"]').trigger('click')
    const exported = JSON.parse(await blobs[0]!.text()) as FeatureCollection
    expect(exported.features.map((f) => f.properties?.name)).toEqual(['东关桥'])
  })
})
