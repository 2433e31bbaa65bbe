// @vitest-environment happy-dom
/** The strip on the map names each visible layer whose data is sample, approximate or the user's. */
import type { FeatureCollection } from 'geojson'
import { beforeEach, describe, expect, test } from 'vitest'
import { layerSpec } from '../../../src/layers/registry'
import { useLayersStore } from '../../../src/stores/layers'
import { loadLayers, mountIn, readGeo, setLocale, useFreshApp } from '../support/app'

import MapNotice from '../../../src/components/MapNotice.vue'
useFreshApp()
beforeEach(() => loadLayers('counties', 'district', 'towns', 'water-sections', 'enforcement'))

const named = (wrapper: ReturnType<typeof mountIn>) =>
  wrapper.findAll('[data-testid="map-notice"] span').map((s) => s.text())

describe('MapNotice', () => {
  test('names the visible approximate and sample layers, not the open-data ones', () => {
    const wrapper = mountIn(MapNotice)
    expect(named(wrapper).sort()).toEqual(['乡镇（街道）（近似）', '国控断面（示例数据）'].sort())
    expect(wrapper.text()).not.toContain('金东区界')
    expect(wrapper.text()).not.toContain('金华市相邻县市区')
  })

  test('in English with ASCII brackets', () => {
    setLocale('en')
    const wrapper = mountIn(MapNotice)
    expect(named(wrapper)).toContain('National control sections (Sample data)')
    expect(wrapper.text()).not.toMatch(/[（）]/)
  })

  test('leaves out hidden layers and names one once shown', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(MapNotice)
    expect(wrapper.text()).not.toContain('执法检查与案件')
    layers.setVisible('enforcement', true)
    layers.setVisible('towns', false)
    await wrapper.vm.$nextTick()
    expect(named(wrapper)).toContain('执法检查与案件（示例数据）')
    expect(wrapper.text()).not.toContain('乡镇（街道）')
  })

  test('says user data for a replaced layer, and never names an official one', async () => {
    const layers = useLayersStore()
    const title = { zh: '报告点位', en: 'Report sites' }
    layers.register([{ ...layerSpec('district')!, id: 'report-sites', title, provenance: 'official', order: 12 }])
    layers.setBuiltData('report-sites', readGeo<FeatureCollection>('district.geojson'), null)
    layers.replaceData('towns', readGeo<FeatureCollection>('towns.geojson'), 'mine.geojson')
    const wrapper = mountIn(MapNotice)
    expect(named(wrapper)).toContain('乡镇（街道）（用户数据）')
    expect(wrapper.text()).not.toContain('报告点位')
    expect(wrapper.text()).not.toContain('官方')
    expect(layers.record('report-sites')?.visible).toBe(true)
  })

  test('names the heatmaps while they are on', async () => {
    const wrapper = mountIn(MapNotice)
    expect(wrapper.text()).not.toContain('热力图')
    useLayersStore().setHeatmapState({ readings: true, inspections: true })
    await wrapper.vm.$nextTick()
    expect(named(wrapper).slice(0, 2)).toEqual(['监测浓度热力图（示例数据）', '执法检查密度（示例数据）'])
  })

  test('is not there when nothing visible is approximate, sample or the user’s', async () => {
    useLayersStore().showOnly(['counties', 'district'])
    const wrapper = mountIn(MapNotice)
    expect(wrapper.find('[data-testid="map-notice"]').exists()).toBe(false)
  })
})
