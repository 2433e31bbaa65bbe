// @vitest-environment happy-dom
/**
 * Two months side by side: the selected pollutant at each air station in two chosen months (January
 * beside July at first), the difference and the mean; a month's heading shows that month on the map.
 */
import { describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
import { useLayersStore } from '../../../src/stores/layers'
import { loadLayers, mountIn, readGeo, setLocale, useFreshApp } from '../support/app'
import MonthCompare from '../../../src/components/MonthCompare.vue'

useFreshApp()

const air = () =>
  readGeo<FeatureCollection>('monitoring-points.geojson').features.filter((f) => f.properties?.kind === 'air')

function mountCompare() {
  loadLayers('towns', 'monitoring-points')
  return mountIn(MonthCompare, { props: { provenance: 'sample' } })
}

const cells = (wrapper: ReturnType<typeof mountIn>, id: string) =>
  wrapper.findAll(`tbody tr[data-station="${id}"] td`).map((td) => td.text())

describe('MonthCompare', () => {
  test('January beside July for every air station, with the difference and the township’s name', () => {
    const wrapper = mountCompare()
    const stations = air()
    expect(wrapper.findAll('tbody tr')).toHaveLength(stations.length)
    expect(wrapper.get('thead').text()).toMatch(/1月[\s\S]*7月[\s\S]*差值/)
    const station = stations[0]!
    const pm25 = station.properties!.pm25 as number[]
    const difference = pm25[6]! - pm25[0]!
    expect(cells(wrapper, String(station.id))).toEqual([
      pm25[0]!.toFixed(1),
      pm25[6]!.toFixed(1),
      `${difference > 0 ? '+' : ''}${difference.toFixed(1)}`,
    ])
    expect(wrapper.get(`tbody tr[data-station="${station.id}"] th`).text()).toBe('多湖街道')
    expect(wrapper.get('tfoot').text()).toContain('各站平均')
    expect(wrapper.text()).toContain('示例数据')
  })

  test('other months and another pollutant', async () => {
    const wrapper = mountCompare()
    await wrapper.get('[data-testid="compare-first"]').setValue('3')
    await wrapper.get('[data-testid="compare-second"]').setValue('10')
    useLayersStore().setHeatmapState({ pollutant: 'pm10' })
    await wrapper.vm.$nextTick()
    const station = air()[1]!
    const pm10 = station.properties!.pm10 as number[]
    expect(cells(wrapper, String(station.id)).slice(0, 2)).toEqual([pm10[2]!.toFixed(1), pm10[9]!.toFixed(1)])
  })

  test('AQI in whole numbers, the readings to one decimal even when whole', async () => {
    const wrapper = mountCompare()
    useLayersStore().setHeatmapState({ pollutant: 'aqi' })
    await wrapper.vm.$nextTick()
    expect(cells(wrapper, String(air()[0]!.id))[0]).toMatch(/^\d+$/)
    useLayersStore().setHeatmapState({ pollutant: 'pm25' })
    await wrapper.vm.$nextTick()
    const whole = air().find((f) => Number.isInteger((f.properties!.pm25 as number[])[0]))
    if (whole) expect(cells(wrapper, String(whole.id))[0]).toMatch(/\.0$/)
  })

  test('a month’s heading shows that month of the readings on the map', async () => {
    const wrapper = mountCompare()
    const layers = useLayersStore()
    layers.setHeatmapState({ readings: false, month: 1 })
    await wrapper.findAll('thead button')[1]!.trigger('click')
    expect(layers.heatmapState.month).toBe(7)
    expect(layers.heatmapState.readings).toBe(true)
    expect(wrapper.findAll('thead button')[1]!.attributes('aria-pressed')).toBe('true')
  })

  test('in English, with ASCII punctuation', () => {
    setLocale('en')
    const wrapper = mountCompare()
    expect(wrapper.get('summary').text()).toBe('Compare two months')
    expect(wrapper.get('tbody th').text()).toBe('Duohu Subdistrict')
    expect(wrapper.text()).not.toMatch(/[“”（）－]/)
  })
})
