// @vitest-environment happy-dom
/**
 * 测量与标绘 in the 分析 tab, 周边分析 in a feature's panel and 范围统计 in the side panel: the tool's
 * buttons and figures, a buffer around 东关桥 and its refusals, and what the shape panel lists.
 */
import { nextTick } from 'vue'
import { describe, expect, test, vi } from 'vitest'
import MeasureTools from '../../../src/components/MeasureTools.vue'
import NearbyAnalysis from '../../../src/components/NearbyAnalysis.vue'
import ShapePanel from '../../../src/components/ShapePanel.vue'
import { useSketchStore } from '../../../src/stores/sketch'
import { useViewStore } from '../../../src/stores/view'
import { fakeController, loadLayers, mountIn, useFreshApp } from '../support/app'

useFreshApp()

const A: [number, number] = [119.68511, 29.0937]
const B: [number, number] = [119.86984, 29.17997]

describe('MeasureTools', () => {
  test('a tool chosen is pressed, the map is asked to draw the sketch, and a distance shows its figure', async () => {
    const { controller, calls } = fakeController()
    const wrapper = mountIn(MeasureTools, { controller })
    expect(wrapper.findAll('[data-testid^="measure-tool-"]').map((b) => b.text())).toEqual([
      '测距',
      '测面积',
      '点',
      '线',
      '面',
      '注记',
    ])
    await wrapper.get('[data-testid="measure-tool-distance"]').trigger('click')
    expect(wrapper.get('[data-testid="measure-tool-distance"]').attributes('aria-pressed')).toBe('true')
    expect(calls.sketch).toBeGreaterThan(0)
    const sketch = useSketchStore()
    sketch.addVertex(A)
    sketch.movePointer(B)
    await nextTick()
    expect(wrapper.get('[data-testid="measure-live"]').text()).toMatch(/^当前：20\.\d\d km$/)
    sketch.addVertex(B)
    await wrapper.get('[data-testid="measure-finish"]').trigger('click')
    expect(wrapper.get('[data-testid="measure-figure"]').text()).toMatch(/^20\.\d\d km$/)
  })

  test('Esc leaves the tool; a problem is said in the panel', async () => {
    const wrapper = mountIn(MeasureTools)
    await wrapper.get('[data-testid="measure-tool-polygon"]').trigger('click')
    const sketch = useSketchStore()
    sketch.addVertex(A)
    await wrapper.get('[data-testid="measure-finish"]').trigger('click')
    expect(wrapper.get('[data-testid="measure-problem"]').text()).toContain('至少需要 3 个')
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect(sketch.tool).toBeNull()
    wrapper.unmount()
  })
})

describe('NearbyAnalysis and ShapePanel', () => {
  test('1 km around 东关桥 becomes the analysed shape, named in both languages', async () => {
    loadLayers('towns', 'water-sections', 'monitoring-points', 'enforcement', 'district')
    const view = useViewStore()
    const wrapper = mountIn(NearbyAnalysis, {
      props: { layerId: 'water-sections', featureId: 'dongguanqiao', name: '国控断面' },
    })
    await wrapper.get('[data-testid="nearby-radius"]').setValue(1000)
    await wrapper.get('form').trigger('submit')
    // turf's buffer is fetched on the first use.
    await vi.waitFor(() => expect(view.shape).not.toBeNull())
    expect(view.shape?.title).toEqual({ zh: '东关桥 周边 1 km', en: 'Within 1 km of Dongguanqiao' })
    expect(view.shape?.geometry.type).toBe('Polygon')
    // A point has no inside: only the buffer is offered.
    expect(wrapper.find('[data-testid="nearby-inside"]').exists()).toBe(false)
  })

  test('a radius of 0 or 1,000 km is refused with a message, and no shape is made', async () => {
    loadLayers('water-sections')
    const view = useViewStore()
    const wrapper = mountIn(NearbyAnalysis, {
      props: { layerId: 'water-sections', featureId: 'dongguanqiao', name: '国控断面' },
    })
    for (const [radius, says] of [
      [0, '至少为 1 米'],
      [1_000_000, '最大为 50 千米'],
    ] as const) {
      await wrapper.get('[data-testid="nearby-radius"]').setValue(radius)
      await wrapper.get('form').trigger('submit')
      await vi.waitFor(() => expect(wrapper.find('[data-testid="nearby-problem"]').text()).toContain(says))
      expect(view.shape).toBeNull()
    }
  })

  test('the shape panel lists the townships, monitoring points and layer counts inside', async () => {
    loadLayers('towns', 'water-sections', 'monitoring-points', 'enforcement', 'district')
    const view = useViewStore()
    const nearby = mountIn(NearbyAnalysis, {
      props: { layerId: 'water-sections', featureId: 'dongguanqiao', name: '国控断面' },
    })
    await nearby.get('form').trigger('submit')
    await vi.waitFor(() => expect(view.shape).not.toBeNull())
    const { controller, calls } = fakeController()
    const panel = mountIn(ShapePanel, { props: { shape: view.shape }, controller })
    expect(panel.get('h2').text()).toBe('东关桥 周边 1 km')
    expect(panel.get('[data-testid="shape-area"]').text()).toMatch(/^3\.1\d km² · 31\d\.\d\d 公顷 · 4,[67]\d\d\.\d 亩$/)
    expect(panel.findAll('[data-testid="shape-towns"] tbody tr').length).toBeGreaterThan(0)
    // 东关桥 lies at 多湖街道's edge: a sliver of the township, said as such, not as 0.0%.
    expect(panel.get('[data-testid="shape-towns"] tbody td:last-child').text()).toBe('<0.1%')
    expect(panel.findAll('[data-testid="shape-monitoring"] li').map((li) => li.text())).toContain('东关桥')
    expect(panel.get('[data-testid="shape-layers"] tr[data-layer="water-sections"] td').text()).toBe('1')
    // The map frames the shape.
    expect(calls.moveTo).toHaveLength(1)
    expect('bounds' in calls.moveTo[0]!).toBe(true)
  })

  test('a shape smaller than a surface cell takes the estimate of the cell it lies in, and says so', () => {
    loadLayers('towns', 'monitoring-points', 'district')
    const [lng, lat] = A
    const d = 0.00005
    const square = [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ]
    const panel = mountIn(ShapePanel, {
      props: { shape: { geometry: { type: 'Polygon', coordinates: [square] }, title: { zh: '小方块', en: 'Tiny' } } },
    })
    expect(panel.get('[data-testid="shape-surface"]').text()).toMatch(
      /范围小于一个 200 米格网，取其所在格网的估算值 \d/,
    )
  })
})
