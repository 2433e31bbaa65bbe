// @vitest-environment happy-dom
/** The layer list: one row per listed layer, in list order, whose controls act on the layers store. */
import type { FeatureCollection } from 'geojson'
import { describe, expect, test } from 'vitest'
import zhCN from '../../../src/i18n/zh-CN'
import { useLayersStore } from '../../../src/stores/layers'
import { loadLayers, mountIn, readGeo, setLocale, useFreshApp } from '../support/app'

import LayerList from '../../../src/components/LayerList.vue'
useFreshApp()

const rows = (wrapper: ReturnType<typeof mountIn>) => wrapper.findAll('li[data-layer]')
const row = (wrapper: ReturnType<typeof mountIn>, id: string) => wrapper.get(`li[data-layer="${id}"]`)
/** The badge's visible word (its help text follows in a hidden span). */
const badgeWord = (wrapper: ReturnType<typeof mountIn>, id: string) =>
  row(wrapper, id).get('[data-testid="provenance-badge"]').element.firstChild?.textContent?.trim()

describe('LayerList', () => {
  test('lists every listed layer in list order, with its Chinese title and provenance badge', () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LayerList)
    expect(rows(wrapper).map((r) => r.attributes('data-layer'))).toEqual(layers.order)
    expect(rows(wrapper).map((r) => r.get('.name span').text())).toEqual(layers.listed.map((r) => r.spec.title.zh))
    expect(row(wrapper, 'towns').get('.name').text()).toBe('乡镇（街道）')
    for (const record of layers.listed)
      expect(badgeWord(wrapper, record.spec.id)).toBe(zhCN.provenance[record.spec.provenance])
    expect(badgeWord(wrapper, 'monitoring-points')).toBe('示例数据')
    expect(layers.order).not.toContain('county-labels')
  })

  test('unticking a layer hides it in the store', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LayerList)
    expect(layers.record('rivers')?.visible).toBe(true)
    await row(wrapper, 'rivers').get('input[type="checkbox"]').setValue(false)
    expect(layers.record('rivers')?.visible).toBe(false)
    await row(wrapper, 'rivers').get('input[type="checkbox"]').setValue(true)
    expect(layers.record('rivers')?.visible).toBe(true)
  })

  test('↑ and ↓ move a layer in layers.order, and the rows follow', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LayerList)
    const before = [...layers.order]
    const at = before.indexOf('rivers')
    await row(wrapper, 'rivers').get('button[aria-label="上移 河流"]').trigger('click')
    expect(layers.order.indexOf('rivers')).toBe(at - 1)
    expect(rows(wrapper)[at - 1]?.attributes('data-layer')).toBe('rivers')
    await row(wrapper, 'rivers').get('button[aria-label="下移 河流"]').trigger('click')
    await row(wrapper, 'rivers').get('button[aria-label="下移 河流"]').trigger('click')
    expect(layers.order.indexOf('rivers')).toBe(at + 1)
  })

  test('the top row cannot move up nor the bottom row down', () => {
    const wrapper = mountIn(LayerList)
    const all = rows(wrapper)
    expect(all[0]!.findAll('button')[0]!.attributes('disabled')).toBeDefined()
    expect(all[0]!.findAll('button')[1]!.attributes('disabled')).toBeUndefined()
    expect(all.at(-1)!.findAll('button')[1]!.attributes('disabled')).toBeDefined()
  })

  test('the opacity slider sets the record’s opacity', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LayerList)
    await row(wrapper, 'towns').get('input[type="range"]').setValue('0.35')
    expect(layers.record('towns')?.opacity).toBe(0.35)
  })

  test('after the user replaces the townships, their badge says user data', async () => {
    const layers = useLayersStore()
    loadLayers('towns')
    const wrapper = mountIn(LayerList)
    expect(badgeWord(wrapper, 'towns')).toBe('近似')
    layers.replaceData('towns', readGeo<FeatureCollection>('towns.geojson'), 'mine.geojson')
    await wrapper.vm.$nextTick()
    expect(badgeWord(wrapper, 'towns')).toBe(zhCN.provenance.user)
    expect(badgeWord(wrapper, 'rivers')).toBe('近似')
  })

  test('shows English titles once the language is English', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(LayerList)
    setLocale('en')
    await wrapper.vm.$nextTick()
    expect(rows(wrapper).map((r) => r.get('.name span').text())).toEqual(layers.listed.map((r) => r.spec.title.en))
    expect(row(wrapper, 'towns').get('.name').text()).toBe('Townships')
    expect(row(wrapper, 'towns').get('input[type="checkbox"]').attributes('aria-label')).toBe('Show Townships')
  })
})
