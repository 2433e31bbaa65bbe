// @vitest-environment happy-dom
/** A large point layer in the interface: its row's count, its style panel's draw-as and weight, and a point's panel. */
import { describe, expect, test } from 'vitest'
import { pointTableFromFeatures } from '../../../src/user-data/tables/point-table'
import { useLayersStore } from '../../../src/stores/layers'
import { mountIn, useFreshApp, settleLazy } from '../support/app'

import LayerList from '../../../src/components/LayerList.vue'
import FeaturePanel from '../../../src/components/FeaturePanel.vue'
useFreshApp()

const table = () =>
  pointTableFromFeatures(
    [0, 1, 2].map((i) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [119.7 + i / 100, 29.1] },
      properties: JSON.parse(`{"name":"站点${i}","pm25":${i * 10},"constructor":"c${i}"}`) as Record<string, unknown>,
    })),
  )

describe('a large point layer', () => {
  test('its row counts its points; its 样式 panel offers points, heatmap, hexagons and a weight', async () => {
    const layers = useLayersStore()
    const id = layers.addUserPointLayer(table(), 'big.csv')
    const wrapper = mountIn(LayerList)
    const row = wrapper.get(`li[data-layer="${id}"]`)
    expect(row.get('[data-testid="big-points-count"]').text()).toContain('3 个点')
    expect(wrapper.findAll('[data-testid="big-points-count"]')).toHaveLength(1)
    await row.get('[data-testid="user-style-toggle"]').trigger('click')
    await settleLazy()
    await row.get('[data-testid="user-style-display"]').setValue('heatmap')
    const weight = row.get('[data-testid="user-style-weight"]')
    expect(weight.findAll('option').map((o) => o.text())).toEqual(['计数（每点为 1）', 'pm25'])
    await weight.setValue('pm25')
    expect(layers.record(id)?.userStyle).toMatchObject({ display: 'heatmap', weightColumn: 'pm25' })
    await weight.setValue('')
    expect(layers.record(id)?.userStyle?.weightColumn).toBeNull()
    // Counted as features in the list's metadata, and not exportable.
    expect(layers.meta(id)?.featureCount).toBe(3)
    expect(layers.record(id)?.spec.capabilities?.exportable).toBeFalsy()
  })

  test("a picked point's panel lists its row, any column name included", () => {
    const layers = useLayersStore()
    const id = layers.addUserPointLayer(table(), 'big.csv')
    const text = mountIn(FeaturePanel, { props: { layerId: id, featureId: '2' } }).text()
    expect(text).toContain('站点2')
    expect(text).toContain('20')
    expect(text).toContain('c2')
    expect(layers.pointProperties(id, 'x')).toBeNull()
    expect(layers.pointProperties(id, '3')).toBeNull()
  })
})
