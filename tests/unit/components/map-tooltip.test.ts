// @vitest-environment happy-dom
/**
 * The hover tooltip over a township says the map's indicator, its value with the unit and the
 * township's rank, marked with the indicator's provenance (示例数据 for the sample), in both languages.
 */
import { describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useInteractionStore } from '../../../src/stores/interaction'
import { rankAreas } from '../../../src/domain/indicators/township-ranking'
import { loadLayers, mountIn, readGeo, setLocale, settleLazy, useFreshApp } from '../support/app'
import MapTooltip from '../../../src/components/MapTooltip.vue'

useFreshApp()

/** The township with the second most inspections, by the table's ranking. */
function secondTown() {
  const indicators = useIndicatorsStore()
  const entries = indicators.areas.map((a) => ({ code: a.code, name: a.name, value: indicators.valuesByArea[a.code] }))
  return rankAreas(entries)[1]!
}

function hoverTown(code: string) {
  const town = readGeo<FeatureCollection>('towns.geojson').features.find((f) => f.properties?.code === code)!
  useInteractionStore().hover = { layerId: 'towns', properties: town.properties!, point: { x: 10, y: 10 } }
}

describe('MapTooltip over a township', () => {
  test('name, indicator value with unit, rank of the ranked townships, and the sample mark', async () => {
    loadLayers('towns', 'enforcement')
    const wrapper = mountIn(MapTooltip)
    const second = secondTown()
    hoverTown(second.code)
    await settleLazy()
    const tooltip = wrapper.get('[data-testid="map-tooltip"]').text()
    expect(tooltip).toContain(second.name)
    expect(wrapper.get('[data-testid="map-tooltip-rank"]').text()).toBe(
      `执法检查 ${second.value!.toLocaleString('zh-CN')} 家次 · 第 2 / 11 名示例数据`,
    )
  })

  test('in English: "2nd of 11"', async () => {
    setLocale('en')
    loadLayers('towns', 'enforcement')
    const wrapper = mountIn(MapTooltip)
    hoverTown(secondTown().code)
    await settleLazy()
    expect(wrapper.get('[data-testid="map-tooltip-rank"]').text()).toMatch(
      /^Enforcement inspections [\d,]+ inspections · 2nd of 11Sample data$/,
    )
  })

  test('without the counted data: "no data" and no rank', async () => {
    loadLayers('towns')
    const wrapper = mountIn(MapTooltip)
    hoverTown('330703103')
    await settleLazy()
    expect(wrapper.get('[data-testid="map-tooltip-rank"]').text()).toBe('执法检查 无数据示例数据')
  })

  test('another layer’s feature keeps its own tooltip, without a rank', async () => {
    loadLayers('towns', 'monitoring-points')
    const wrapper = mountIn(MapTooltip)
    const station = readGeo<FeatureCollection>('monitoring-points.geojson').features[0]!
    useInteractionStore().hover = {
      layerId: 'monitoring-points',
      properties: station.properties!,
      point: { x: 1, y: 1 },
    }
    await settleLazy()
    expect(wrapper.get('[data-testid="map-tooltip"]').text()).toContain(String(station.properties!.name))
    expect(wrapper.find('[data-testid="map-tooltip-rank"]').exists()).toBe(false)
  })
})
