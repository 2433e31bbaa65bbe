// @vitest-environment happy-dom
/** The area panel of 多湖街道: its indicators, what lies inside it per layer, and its provenance. */
import { booleanPointInPolygon } from '@turf/turf'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import { beforeEach, describe, expect, test } from 'vitest'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useLayersStore } from '../../../src/stores/layers'
import { loadLayers, mountIn, readGeo, useFreshApp } from '../support/app'

import AreaPanel from '../../../src/components/AreaPanel.vue'
useFreshApp()
beforeEach(() => loadLayers('towns', 'enforcement', 'monitoring-points', 'seats', 'water-sections'))

const DUOHU = '330703001'
const duohu = () =>
  readGeo<FeatureCollection>('towns.geojson').features.find((f) => f.properties?.code === DUOHU) as Feature<
    Polygon | MultiPolygon
  >
/** Points of a public/geo file inside 多湖街道, counted here with turf alone. */
const pointsInside = (file: string) =>
  readGeo<FeatureCollection<Point>>(file).features.filter((f) => booleanPointInPolygon(f.geometry, duohu())).length

describe('AreaPanel (多湖街道)', () => {
  test('shows the name, code and area with its approximate badge', () => {
    const wrapper = mountIn(AreaPanel, { props: { code: DUOHU } })
    expect(wrapper.get('h2').text()).toBe('多湖街道')
    const facts = wrapper.findAll('.facts dd').map((dd) => dd.text())
    expect(facts[0]).toBe(DUOHU)
    expect(facts[1]).toMatch(new RegExp(`^${duohu().properties!.area_km2} km² 近似`))
  })

  test('shows every indicator; the inspections are those counted in the township', () => {
    const wrapper = mountIn(AreaPanel, { props: { code: DUOHU } })
    const rows = wrapper.findAll('[data-testid="indicator-table"] tr')
    expect(rows.map((r) => r.get('th').text())).toEqual([
      '执法检查',
      '办理案件',
      'VOCs突出问题整治',
      '第一轮督察信访交办件',
      '第二轮督察交办信访件',
      '省级低碳试点',
      '污水零直排区创建',
      '监测点位',
    ])
    const inspections = useIndicatorsStore().byArea[DUOHU]!.inspections as number
    expect(inspections).toBeGreaterThan(0)
    expect(wrapper.get('[data-indicator="inspections"] td').text()).toBe(`${inspections.toLocaleString('zh-CN')} 家次`)
    expect(wrapper.get('[data-indicator="inspections"] [data-testid="provenance-badge"]').text()).toContain('示例数据')
  })

  test('counts each loaded layer’s features inside the township, not the townships themselves', () => {
    const wrapper = mountIn(AreaPanel, { props: { code: DUOHU } })
    const inside = Object.fromEntries(
      wrapper.findAll('[data-testid="inside-counts"] tr').map((r) => [r.attributes('data-layer'), r.get('td').text()]),
    )
    expect(Object.keys(inside).sort()).toEqual(['enforcement', 'monitoring-points', 'seats', 'water-sections'])
    expect(pointsInside('enforcement.geojson')).toBeGreaterThan(0)
    expect(inside.enforcement).toBe(String(pointsInside('enforcement.geojson')))
    expect(inside['monitoring-points']).toBe(String(pointsInside('monitoring-points.geojson')))
    expect(inside.seats).toBe('1')
    expect(wrapper.get('[data-layer="seats"] th').text()).toBe('乡镇驻地')
  })

  test('ends with the area layer’s caveat, the user’s once replaced', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(AreaPanel, { props: { code: DUOHU } })
    expect(wrapper.findAll('p.muted').at(-1)!.text()).toBe(layers.record('towns')!.spec.caveat!.zh)
    layers.replaceData('towns', readGeo<FeatureCollection>('towns.geojson'), 'mine.geojson')
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('p.muted').at(-1)!.text()).toBe('已用您的文件 mine.geojson 替换，未经核实。')
    expect(wrapper.get('.facts [data-testid="provenance-badge"]').text()).toContain('用户数据')
  })
})
