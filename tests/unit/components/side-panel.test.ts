// @vitest-environment happy-dom
/** The side panel picks what to show from the selection: an area, another feature, or the town list. */
import { beforeEach, describe, expect, test } from 'vitest'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { useDataStore } from '../../../src/stores/data'
import { loadLayers, mountIn, settleLazy, useFreshApp } from '../support/app'

import SidePanel from '../../../src/components/SidePanel.vue'
useFreshApp()
beforeEach(() => {
  loadLayers('towns', 'water-sections')
  useDataStore().status = 'ready'
})

type Wrapper = ReturnType<typeof mountIn>
const shown = (wrapper: Wrapper) =>
  ['overview', 'area-panel', 'feature-panel', 'town-list'].filter((id) =>
    wrapper.find(`[data-testid="${id}"]`).exists(),
  )

describe('SidePanel', () => {
  // App lays the column out while the files load, so that the map beside it is made at its final size.
  test('while the data loads: its tabs and a line saying so, and no panel yet', () => {
    useDataStore().status = 'loading'
    const wrapper = mountIn(SidePanel)
    expect(shown(wrapper)).toEqual([])
    expect(wrapper.findAll('[role="tab"]')).toHaveLength(3)
    expect(wrapper.get('[role="tabpanel"]').text()).toBe('正在加载地图数据…')
  })

  test('opens on the overview; the details tab without a selection lists the townships', async () => {
    const wrapper = mountIn(SidePanel)
    expect(shown(wrapper)).toEqual(['overview'])
    await wrapper.get('[data-testid="tab-details"]').trigger('click')
    expect(shown(wrapper)).toEqual(['town-list'])
    const names = wrapper.findAll('[data-testid="town-list"] button').map((b) => b.text())
    expect(names).toHaveLength(11)
    expect(names[0]).toBe('多湖街道')
  })

  test('a feature of the area layer opens the area panel', async () => {
    const view = useViewStore()
    const wrapper = mountIn(SidePanel)
    view.select({ layerId: useLayersStore().areaLayerId!, featureId: '330703101' })
    await settleLazy()
    expect(shown(wrapper)).toEqual(['area-panel'])
    expect(wrapper.get('[data-testid="area-panel"] h2').text()).toBe('孝顺镇')
  })

  test('a feature of another layer opens the feature panel', async () => {
    const view = useViewStore()
    const wrapper = mountIn(SidePanel)
    view.select({ layerId: 'water-sections', featureId: 'dongguanqiao' })
    await settleLazy()
    expect(shown(wrapper)).toEqual(['feature-panel'])
    expect(wrapper.get('[data-testid="feature-panel"] h2').text()).toBe('东关桥')
  })

  test('clicking a township in the list selects it and shows its panel; closing goes back to the list', async () => {
    const view = useViewStore()
    view.sideTab = 'details'
    const wrapper = mountIn(SidePanel)
    await wrapper.get('[data-testid="town-list"] button[data-code="330703103"]').trigger('click')
    await settleLazy()
    expect(view.selection).toEqual({ layerId: 'towns', featureId: '330703103' })
    expect(shown(wrapper)).toEqual(['area-panel'])
    expect(wrapper.get('[data-testid="area-panel"] h2').text()).toBe('曹宅镇')
    await wrapper.get('[data-testid="area-panel"] button.close').trigger('click')
    expect(view.selection).toBeNull()
    expect(shown(wrapper)).toEqual(['town-list'])
  })
})
