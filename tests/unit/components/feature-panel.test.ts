// @vitest-environment happy-dom
/** The feature panel of a water section: its fields, ten monthly classes and provenance, all as text. */
import type { Feature, FeatureCollection } from 'geojson'
import { beforeEach, describe, expect, test } from 'vitest'
import { defineComponent, h } from 'vue'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { loadLayers, manifestEntry, mountIn, readGeo, useFreshApp } from '../support/app'

import FeaturePanel from '../../../src/components/FeaturePanel.vue'
import BottomSheet from '../../../src/components/BottomSheet.vue'
useFreshApp()
beforeEach(() => loadLayers('water-sections'))

const panel = (featureId = 'dongguanqiao') => mountIn(FeaturePanel, { props: { layerId: 'water-sections', featureId } })

/** The water sections with 东关桥's properties changed. */
function withProperties(change: Record<string, unknown>): FeatureCollection {
  const sections = readGeo<FeatureCollection>('water-sections.geojson')
  const features = sections.features.map((f): Feature =>
    f.properties?.id === 'dongguanqiao' ? { ...f, properties: { ...f.properties, ...change } } : f,
  )
  return { type: 'FeatureCollection', features }
}
const fields = (wrapper: ReturnType<typeof panel>) =>
  Object.fromEntries(wrapper.findAll('dt').map((dt, i) => [dt.text(), wrapper.findAll('dd')[i]!.text()]))

describe('FeaturePanel (water section 东关桥)', () => {
  test('shows the name, the declared fields and the ten monthly classes', () => {
    const wrapper = panel()
    expect(wrapper.get('h2').text()).toBe('东关桥')
    expect(fields(wrapper)).toEqual({ 所在河流: '义乌江', 级别: '国控', '1–10月均值类别（示例）': 'Ⅲ' })
    const months = wrapper.findAll('[data-testid="monthly-classes"] li')
    expect(months.map((li) => li.get('span').text())).toEqual([...Array(10)].map((_, i) => `${i + 1}月`))
    expect(months.map((li) => li.get('strong').text())).toEqual(['Ⅲ', 'Ⅲ', 'Ⅲ', 'Ⅲ', 'Ⅲ', 'Ⅲ', 'Ⅱ', 'Ⅱ', 'Ⅲ', 'Ⅲ'])
  })

  test('shows the layer, its badge and caveat; the method, source and licence are one click away in 关于数据', async () => {
    const spec = useLayersStore().record('water-sections')!.spec
    const wrapper = panel()
    expect(wrapper.get('.layer').text()).toMatch(/^国控断面 示例数据/)
    const notes = wrapper.findAll('p.muted').map((p) => p.text())
    expect(notes).toContain(spec.caveat!.zh)
    // The generator's words are for the data page, not the panel.
    expect(wrapper.text()).not.toContain(spec.source)
    expect(wrapper.text()).not.toContain(spec.method!.zh)
    await wrapper.get('[data-testid="feature-about"]').trigger('click')
    expect(useViewStore().about).toBe('layer-water-sections')
  })

  test("its × deselects; in the phone's sheet, whose own × closes, it has none (no two × stacked)", async () => {
    const view = useViewStore()
    view.select({ layerId: 'water-sections', featureId: 'dongguanqiao' })
    const alone = panel()
    await alone.get('[data-testid="feature-panel"] .close').trigger('click')
    expect(view.selection).toBeNull()
    const InSheet = defineComponent({
      render: () =>
        h(BottomSheet, { snap: 'half', title: '详情', available: 800 }, () =>
          h(FeaturePanel, { layerId: 'water-sections', featureId: 'dongguanqiao' }),
        ),
    })
    const sheet = mountIn(InSheet)
    expect(sheet.findAll('[data-testid="sheet-close"]')).toHaveLength(1)
    expect(sheet.find('[data-testid="feature-panel"] .close').exists()).toBe(false)
    expect(sheet.get('[data-testid="feature-panel"] h2').text()).toBe('东关桥')
  })

  test('a property holding HTML is shown as literal text, never as an element', () => {
    const html = '<img src=x onerror=alert(1)>'
    useLayersStore().setBuiltData('water-sections', withProperties({ river: html }), manifestEntry('water-sections'))
    const wrapper = panel()
    expect(wrapper.find('img').exists()).toBe(false)
    expect(fields(wrapper)['所在河流']).toBe(html)
  })

  test('only http(s) values become links', () => {
    const change = { river: 'javascript:alert(1)', level: 'https://example.org/section?id=1' }
    useLayersStore().setBuiltData('water-sections', withProperties(change), manifestEntry('water-sections'))
    const wrapper = panel()
    const links = wrapper.findAll('dd a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['https://example.org/section?id=1'])
    expect(links[0]!.attributes('rel')).toBe('noopener noreferrer')
    expect(fields(wrapper)['所在河流']).toBe('javascript:alert(1)')
  })

  test('a feature that is not in the data says so; the close button clears the selection', async () => {
    const view = useViewStore()
    view.select({ layerId: 'water-sections', featureId: 'nowhere' })
    const wrapper = panel('nowhere')
    expect(wrapper.text()).toContain('未找到所选要素')
    await wrapper.get('button.close').trigger('click')
    expect(view.selection).toBeNull()
  })
})
