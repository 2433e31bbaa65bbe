// @vitest-environment happy-dom
/**
 * The legend: a block per visible layer, the area layer's with its classes; ChoroplethControls above
 * the layer list edits that choropleth in the layers store (mounted together here, as in the 图层 tab).
 */
import type { FeatureCollection } from 'geojson'
import { beforeEach, describe, expect, test } from 'vitest'
import { defineComponent, h } from 'vue'
import { useDataStore } from '../../../src/stores/data'
import { useLayersStore } from '../../../src/stores/layers'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { loadLayers, mountIn, readGeo, useFreshApp } from '../support/app'
import { loadNaturalBreaks } from '../../../src/composables/natural-breaks-loader'

import LegendPanel from '../../../src/components/LegendPanel.vue'
import ChoroplethControls from '../../../src/components/ChoroplethControls.vue'
useFreshApp()
beforeEach(() => loadLayers('towns', 'enforcement'))

/** The 图层 tab's choropleth controls over the legend. */
const LayersTab = defineComponent({ render: () => [h(ChoroplethControls), h(LegendPanel)] })

type Wrapper = ReturnType<typeof mountIn>
const block = (wrapper: Wrapper, id: string) => wrapper.get(`[data-legend="${id}"]`)
const classRows = (wrapper: Wrapper) => block(wrapper, 'towns').findAll('[data-testid="choropleth-classes"] li')
/** "3 个乡镇" → 3 */
const counts = (wrapper: Wrapper) => classRows(wrapper).map((li) => Number(li.get('.count').text().split(' ')[0]))
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0)

describe('LegendPanel', () => {
  test('has a block for each visible listed layer only, in list order', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LegendPanel)
    const ids = () => wrapper.findAll('[data-legend]').map((b) => b.attributes('data-legend'))
    expect(ids()).toEqual(layers.visibleListedIds)
    expect(ids()).toContain('rivers')
    layers.setVisible('rivers', false)
    await wrapper.vm.$nextTick()
    expect(ids()).not.toContain('rivers')
    expect(ids()).toEqual(layers.visibleListedIds)
  })

  test('the townships block names the indicator chosen above and shows five classes counting all 11 townships', () => {
    const wrapper = mountIn(LayersTab)
    const towns = block(wrapper, 'towns')
    expect(towns.get('strong').text()).toBe('乡镇（街道）')
    const select = wrapper.get('[data-testid="choropleth-controls"] [data-testid="indicator-select"]')
      .element as HTMLSelectElement
    expect(select.options[select.selectedIndex]?.textContent?.trim()).toBe('执法检查')
    expect(towns.get('[data-testid="legend-indicator"]').text()).toBe('执法检查')
    expect(classRows(wrapper)).toHaveLength(5)
    expect(sum(counts(wrapper))).toBe(11)
    expect(towns.text()).toContain('乡镇范围（近似）')
    expect(wrapper.findAll('[data-testid="indicator-select"]')).toHaveLength(1)
  })

  test("不着色 draws the townships as outlines: no fill, no classes, the layer's own legend", async () => {
    const layers = useLayersStore()
    const indicators = useIndicatorsStore()
    const wrapper = mountIn(LayersTab)
    expect(Object.keys(indicators.colours)).toHaveLength(11)
    await wrapper.get('[data-testid="indicator-select"]').setValue('')
    expect(layers.records.towns?.choropleth).toMatchObject({ indicator: 'inspections', coloured: false })
    expect(indicators.colours).toEqual({})
    expect(block(wrapper, 'towns').find('[data-testid="choropleth-classes"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="method-select"]').exists()).toBe(false)
    expect(block(wrapper, 'towns').text()).toContain('乡镇范围（近似）')
    await wrapper.get('[data-testid="indicator-select"]').setValue('cases')
    expect(layers.records.towns?.choropleth).toMatchObject({ indicator: 'cases', coloured: true })
    expect(Object.keys(indicators.colours)).toHaveLength(11)
  })

  test('changing the method and the class count restyles the townships and the classes shown', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LayersTab)
    const quantile = classRows(wrapper).map((li) => li.text())
    await wrapper.get('[data-testid="method-select"]').setValue('equal-interval')
    expect(layers.records.towns?.choropleth?.method).toBe('equal-interval')
    expect(classRows(wrapper).map((li) => li.text())).not.toEqual(quantile)
    expect(sum(counts(wrapper))).toBe(11)
    await wrapper.get('[data-testid="class-count"]').setValue('3')
    expect(layers.records.towns?.choropleth?.classCount).toBe(3)
    expect(classRows(wrapper)).toHaveLength(3)
    expect(sum(counts(wrapper))).toBe(11)
  })

  test('natural breaks: quantiles with a note while its code loads, then its own classes', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LayersTab)
    const quantile = classRows(wrapper).map((li) => li.text())
    await wrapper.get('[data-testid="method-select"]').setValue('natural-breaks')
    expect(layers.records.towns?.choropleth?.method).toBe('natural-breaks')
    const option = wrapper.get('[data-testid="method-select"] option[value="natural-breaks"]')
    expect(option.text()).toBe('自然断点')
    // The code is asked for on this first pick; until it is in, quantiles and a note say so.
    expect(classRows(wrapper).map((li) => li.text())).toEqual(quantile)
    expect(wrapper.get('[data-testid="natural-breaks-loading"]').text()).toContain('暂以分位数显示')
    await loadNaturalBreaks()
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="natural-breaks-loading"]').exists()).toBe(false)
    expect(classRows(wrapper).map((li) => li.text())).not.toEqual(quantile)
    expect(sum(counts(wrapper))).toBe(11)
  })

  test('choosing a category indicator shows its categories instead of classes', async () => {
    const layers = useLayersStore()
    useDataStore().documents = { 'town-indicators': readGeo('town-indicators.json') }
    const wrapper = mountIn(LayersTab)
    await wrapper.get('[data-testid="indicator-select"]').setValue('zero-discharge')
    expect(layers.records.towns?.choropleth?.indicator).toBe('zero-discharge')
    expect(wrapper.find('[data-testid="method-select"]').exists()).toBe(false)
    expect(classRows(wrapper).map((li) => li.text().split(/\s+/)[0])).toEqual([
      '2022年完成污水零直排创建',
      '样板镇建设完成并通过验收',
    ])
    expect(sum(counts(wrapper))).toBe(3)
  })

  test('the caveat is the resolved one: the spec’s, then the user’s replacement’s', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LegendPanel)
    expect(block(wrapper, 'towns').get('.caveat').text()).toBe(layers.record('towns')!.spec.caveat!.zh)
    layers.replaceData('towns', readGeo<FeatureCollection>('towns.geojson'), 'mine.geojson')
    await wrapper.vm.$nextTick()
    expect(block(wrapper, 'towns').get('.caveat').text()).toBe('已用您的文件 mine.geojson 替换，未经核实。')
    expect(block(wrapper, 'towns').get('[data-testid="provenance-badge"]').text()).toContain('用户数据')
  })
})
