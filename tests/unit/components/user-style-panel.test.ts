// @vitest-environment happy-dom
/** A user layer's style panel, opened from its row, and its legend: what the user sets is what is drawn. */
import { describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { useLayersStore } from '../../../src/stores/layers'
import { useUserStylesStore } from '../../../src/stores/user-styles'
import { mountIn, useFreshApp, settleLazy } from '../support/app'
import { desiredMapLayers } from '../../../src/map/desired-layers'
import { userPointDraws } from '../../../src/map/user-point-draws'
import { pointTableFromFeatures } from '../../../src/user-data/tables/point-table'
import { userTableOf } from '../../../src/user-data/styles/user-style-columns'
import { resolvedUserStyle } from '../../../src/user-data/styles/user-style-resolve'
import { userLegendItems } from '../../../src/components/user-style-format'
import { i18n } from '../../../src/i18n'

import LayerList from '../../../src/components/LayerList.vue'
import LegendPanel from '../../../src/components/LegendPanel.vue'
useFreshApp()

const points = (): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [
    ['企业', 10, '2022-01-05'],
    ['工地', 30, '2022/2/1'],
    ['企业', 50, '2022年3月'],
  ].map(([kind, pm25, date], i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [119.7 + i / 100, 29.1] },
    properties: JSON.parse(JSON.stringify({ name: `站${i}`, constructor: kind, pm25, date })) as Record<
      string,
      unknown
    >,
  })),
})

function drawn(id: string) {
  const layers = useLayersStore()
  return desiredMapLayers({
    records: [layers.record(id)!],
    rank: {},
    locale: 'zh-CN',
    selection: null,
    choropleth: {},
    theme: 'light',
    hasSource: () => true,
    resolvedStyle: useUserStylesStore().resolvedStyle,
  }).map((d) => d.layer)
}

describe('the user style panel', () => {
  test('opens from the row of a user layer only, and offers the columns that fit', async () => {
    const layers = useLayersStore()
    const id = layers.addUserLayer(points(), 'stations.geojson')
    const wrapper = mountIn(LayerList)
    expect(wrapper.findAll('[data-testid="user-style-toggle"]')).toHaveLength(1)
    await wrapper.get(`li[data-layer="${id}"] [data-testid="user-style-toggle"]`).trigger('click')
    await settleLazy()
    const panel = wrapper.get('[data-testid="user-style-panel"]')
    await panel.get('[data-testid="user-style-colour"]').setValue('graduated')
    const columns = panel.get('[data-testid="user-style-colour-column"]').findAll('option')
    expect(columns.map((o) => o.text())).toEqual(['pm25'])
    expect(layers.record(id)?.userStyle?.colour).toMatchObject({
      kind: 'graduated',
      column: 'pm25',
      method: 'quantile',
    })
    await panel.get('[data-testid="user-style-colour"]').setValue('categories')
    await panel.get('[data-testid="user-style-colour-column"]').setValue('constructor')
    expect(layers.record(id)?.userStyle?.colour).toEqual({ kind: 'categories', column: 'constructor' })
    // The map draws categories under the escaped name.
    const circle = drawn(id).find((l) => l.id === `${id}-circle`) as { paint: Record<string, unknown> }
    expect(JSON.stringify(circle.paint['circle-color'])).toContain('\u241fconstructor')
  })

  test('a date column gives a month slider at its first month; a range filter shows the column range', async () => {
    const layers = useLayersStore()
    const id = layers.addUserLayer(points(), 'stations.geojson')
    const wrapper = mountIn(LayerList)
    await wrapper.get(`li[data-layer="${id}"] [data-testid="user-style-toggle"]`).trigger('click')
    await settleLazy()
    const time = wrapper.get('[data-testid="user-style-time"]')
    expect(time.findAll('option').map((o) => o.text())).toEqual(['不按月份', 'date'])
    await time.setValue('date')
    expect(layers.record(id)?.userStyle?.time).toEqual({ column: 'date', month: '2022-01' })
    expect(wrapper.get('[data-testid="user-style-month-label"]').text()).toBe('2022年1月')
    await wrapper.get('[data-testid="user-style-month"]').setValue('2')
    expect(layers.record(id)?.userStyle?.time?.month).toBe('2022-03')
    await wrapper.get('[data-testid="user-style-filter"]').setValue('pm25')
    expect(wrapper.get('[data-testid="user-style-range"]').text()).toContain('10 – 50')
    await wrapper.get('[data-testid="user-style-min"]').setValue('20')
    expect(layers.record(id)?.userStyle?.filter).toEqual({ column: 'pm25', min: 20, max: null })
    const circle = drawn(id).find((l) => l.id === `${id}-circle`) as { filter: unknown }
    expect(JSON.stringify(circle.filter)).toContain('"2022年3月"')
    expect(JSON.stringify(circle.filter)).toContain('[">=",["to-number",["get","pm25"]],20]')
  })

  test('a label adds a symbol layer; a heatmap hands the points to deck.gl through a point table', () => {
    const layers = useLayersStore()
    const id = layers.addUserLayer(points(), 'stations.geojson')
    layers.setUserStyle(id, { labelColumn: 'name' })
    expect(drawn(id).find((l) => l.id === `${id}-label`)).toMatchObject({ type: 'symbol' })
    expect(userPointDraws(Object.values(layers.records), {}, useUserStylesStore().resolvedStyle)).toHaveLength(0)
    layers.setUserStyle(id, { display: 'heatmap', weightColumn: 'pm25' })
    expect(drawn(id).some((l) => l.id === `${id}-circle`)).toBe(false)
    const [draw] = userPointDraws(Object.values(layers.records), {}, useUserStylesStore().resolvedStyle)
    expect(draw).toMatchObject({ id, display: 'heatmap' })
    expect([...draw!.weights!]).toEqual([10, 30, 50])
    layers.setUserStyle(id, { time: { column: 'date', month: '2022-02' } })
    const [filtered] = userPointDraws(Object.values(layers.records), {}, useUserStylesStore().resolvedStyle)
    expect([...filtered!.weights!]).toEqual([30])
    expect(filtered!.propertiesAt(0)).toMatchObject({ name: '站1' })
  })

  test('a large point set takes colours, radii and the month as typed arrays', () => {
    const layers = useLayersStore()
    const id = layers.addUserPointLayer(pointTableFromFeatures(points().features), 'big.csv')
    layers.setUserStyle(id, { colour: { kind: 'categories', column: 'constructor' }, sizeColumn: 'pm25' })
    const [draw] = userPointDraws(Object.values(layers.records), {}, useUserStylesStore().resolvedStyle)
    expect(draw!.colours).toHaveLength(9)
    expect([...draw!.colours!.slice(0, 3)]).toEqual([...draw!.colours!.slice(6, 9)])
    expect([...draw!.radii!]).toEqual([4, expect.closeTo(4 + 12 * Math.sqrt(0.5), 5), 16])
    layers.setUserStyle(id, { time: { column: 'date', month: '2022-03' } })
    const [march] = userPointDraws(Object.values(layers.records), {}, useUserStylesStore().resolvedStyle)
    expect([...march!.positions]).toEqual([...draw!.positions.slice(4, 6)])
    // A pick of the one drawn point names row 2 of the table.
    expect(march!.rowAt!(0)).toBe(2)
  })

  test('the legend shows the categories with their counts, the classes, and the size scale', async () => {
    const layers = useLayersStore()
    const id = layers.addUserLayer(points(), 'stations.geojson')
    layers.setUserStyle(id, { colour: { kind: 'categories', column: 'constructor' }, sizeColumn: 'pm25' })
    const legend = mountIn(LegendPanel)
    await settleLazy()
    const categories = legend.get(`[data-legend="${id}"] [data-testid="user-style-categories"]`).text()
    expect(categories).toContain('企业')
    expect(categories).toContain('2 个')
    expect(legend.get('[data-testid="user-style-size-legend"]').text()).toContain('半径 4–16 像素')
    layers.setUserStyle(id, {
      colour: { kind: 'graduated', column: 'pm25', method: 'equal-interval', classCount: 4, manualBreaksText: '' },
    })
    return legend.vm.$nextTick().then(() => {
      expect(legend.findAll('[data-testid="user-style-classes-legend"] li')).toHaveLength(4)
    })
  })

  test('the PNG export lists the same classes and the size scale', () => {
    const layers = useLayersStore()
    const id = layers.addUserLayer(points(), 'stations.geojson')
    layers.setUserStyle(id, {
      colour: { kind: 'graduated', column: 'pm25', method: 'equal-interval', classCount: 4, manualBreaksText: '' },
      sizeColumn: 'pm25',
    })
    const table = userTableOf(layers.data(id)!)
    const items = userLegendItems(resolvedUserStyle(table, layers.record(id)!.userStyle!, '#000'), (key, named) =>
      i18n.global.t(key, named ?? {}),
    )
    expect(items.map((i) => i.label)).toEqual([
      'pm25: 10 – 20（1 个）',
      'pm25: 20 – 30（1 个）',
      'pm25: 30 – 40（0 个）',
      'pm25: 40 – 50（1 个）',
      '点大小：半径 4–16 像素，面积与“pm25”成正比',
    ])
  })
})
