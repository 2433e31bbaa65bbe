// @vitest-environment happy-dom
/**
 * The title card on the map says what it shows: the choropleth's indicator, its period and badge
 * with its classes; a heatmap, when on, first (it is drawn on top), with its pollutant and month or
 * its months; nothing when no thematic layer is shown.
 */
import { beforeEach, describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
import type { ReportFigure } from '../../../src/domain/types'
import { useDataStore } from '../../../src/stores/data'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useLayersStore } from '../../../src/stores/layers'
import { loadLayers, mountIn, setLocale, useFreshApp } from '../support/app'
import { stationReadings } from '../../../src/domain/air/readings'
import { rampRangeOf } from '../../../src/domain/surface/ramp'

import MapTitleCard from '../../../src/components/MapTitleCard.vue'
useFreshApp()
beforeEach(() => {
  loadLayers('towns', 'enforcement')
  useDataStore().figures = [{ id: 'enforcement-inspections', period: '2022-01/2022-10' } as ReportFigure]
})

type Wrapper = ReturnType<typeof mountIn>
const subjects = (wrapper: Wrapper) => wrapper.findAll('[data-subject]').map((s) => s.attributes('data-subject'))
const part = (wrapper: Wrapper, subject: string, testid: string) =>
  wrapper.get(`[data-subject="${subject}"] [data-testid="${testid}"]`).text()

describe('MapTitleCard', () => {
  test('names the choropleth: 执法检查, 1–10月, 示例数据, one swatch per class and the unit', () => {
    const wrapper = mountIn(MapTitleCard)
    expect(subjects(wrapper)).toEqual(['choropleth'])
    expect(part(wrapper, 'choropleth', 'map-title-name')).toBe('执法检查')
    expect(part(wrapper, 'choropleth', 'map-title-period')).toBe('1–10月')
    expect(part(wrapper, 'choropleth', 'provenance-badge')).toContain('示例数据')
    const classes = useIndicatorsStore().classification!.classes
    const items = wrapper.findAll('[data-subject="choropleth"] [data-testid="map-title-legend"] li:not(.unit)')
    expect(items.map((li) => li.text())).toEqual(classes.map((c) => `${c.min}–${c.max}`))
    expect(wrapper.get('[data-subject="choropleth"] .unit').text()).toBe('家次')
  })

  test('a heatmap, when on, comes first: the readings with pollutant and month, the density with months', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(MapTitleCard)
    layers.setHeatmapState({ readings: true, pollutant: 'o3_8h', month: 7 })
    layers.setHeatmapState({ inspections: true, inspectionMonths: [3, 5], inspectionKinds: ['case'] })
    await wrapper.vm.$nextTick()
    expect(subjects(wrapper)).toEqual(['readings', 'density', 'choropleth'])
    expect(part(wrapper, 'readings', 'map-title-name')).toBe('监测浓度 · O₃（日最大8小时）')
    expect(part(wrapper, 'readings', 'map-title-period')).toBe('2022年7月')
    expect(part(wrapper, 'readings', 'provenance-badge')).toContain('示例数据')
    expect(part(wrapper, 'density', 'map-title-name')).toBe('执法检查密度')
    expect(part(wrapper, 'density', 'map-title-period')).toBe('2022年3–5月 · 案件')
    setLocale('en')
    await wrapper.vm.$nextTick()
    expect(part(wrapper, 'readings', 'map-title-period')).toBe('Month 7, 2022')
    expect(part(wrapper, 'density', 'map-title-period')).toBe('Months 3-5, 2022 · Cases')
  })

  test("the surface on a continuous ramp: the ramp and the month's station range, not the HJ 633 levels", async () => {
    loadLayers('monitoring-points')
    const layers = useLayersStore()
    const wrapper = mountIn(MapTitleCard)
    layers.setHeatmapState({ readings: true, readingsStyle: 'surface', pollutant: 'pm25', month: 1 })
    await wrapper.vm.$nextTick()
    const labels = () =>
      wrapper.findAll('[data-subject="readings"] [data-testid="map-title-legend"] li:not(.unit)').map((li) => li.text())
    const levels = labels()
    expect(levels).toHaveLength(6)
    layers.setHeatmapState({ readingsColouring: 'ramp' })
    await wrapper.vm.$nextTick()
    const { values } = stationReadings(layers.dataWithCapability('readings') ?? undefined, 'pm25', 1)
    const range = rampRangeOf(values)!
    const format = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1))
    expect(labels()).toEqual([format(range.min), '', '', '', format(range.max)])
  })

  test('says nothing when no thematic layer is shown; a category indicator lists its categories', async () => {
    const layers = useLayersStore()
    const wrapper = mountIn(MapTitleCard)
    layers.setVisible('towns', false)
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="map-title"]').exists()).toBe(false)
    layers.setVisible('towns', true)
    layers.setChoropleth('towns', { indicator: 'low-carbon' })
    await wrapper.vm.$nextTick()
    const labels = wrapper
      .findAll('[data-subject="choropleth"] [data-testid="map-title-legend"] li')
      .map((li) => li.text())
    expect(labels).toEqual(['低碳试点乡镇（街道）', '含低碳试点村'])
  })

  test("a user's layer coloured by a column: its name and column, the user's badge, its categories", async () => {
    const layers = useLayersStore()
    const sites: FeatureCollection = {
      type: 'FeatureCollection',
      features: ['企业', '工地', '企业'].map((kind, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [119.7 + i / 100, 29.1] },
        properties: { name: `点${i}`, kind },
      })),
    }
    const id = layers.addUserLayer(sites, 'sites.geojson')
    const wrapper = mountIn(MapTitleCard)
    await wrapper.vm.$nextTick()
    expect(subjects(wrapper)).toEqual(['choropleth'])
    layers.setUserStyle(id, { colour: { kind: 'categories', column: 'kind' } })
    await wrapper.vm.$nextTick()
    expect(subjects(wrapper)).toEqual(['user-layer', 'choropleth'])
    expect(part(wrapper, 'user-layer', 'map-title-name')).toBe('我的数据：sites.geojson · kind')
    expect(part(wrapper, 'user-layer', 'provenance-badge')).toContain('用户数据')
    const labels = wrapper
      .findAll('[data-subject="user-layer"] [data-testid="map-title-legend"] li:not(.unit)')
      .map((li) => li.text())
    expect(labels.sort()).toEqual(['企业', '工地'])
    layers.setVisible(id, false)
    await wrapper.vm.$nextTick()
    expect(subjects(wrapper)).toEqual(['choropleth'])
  })
})
