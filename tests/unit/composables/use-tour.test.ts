// @vitest-environment happy-dom
/** useTour with a fake map: each stop shows exactly its layers, sets its indicator and moves the camera. */
import { bbox } from '@turf/turf'
import type { FeatureCollection } from 'geojson'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, test } from 'vitest'
import type { CameraPadding } from '../../../src/composables/use-map-controller'
import { paddingChanged } from '../../../src/presentation/free-area'
import { useTour } from '../../../src/composables/use-tour'
import type { Manifest } from '../../../src/domain/manifest'
import { parseReportFigures } from '../../../src/domain/report/report'
import { useDataStore } from '../../../src/stores/data'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { fakeController, loadLayers, manifestEntry, mountComposable, readGeo, useFreshApp } from '../support/app'

useFreshApp()
beforeEach(() => {
  loadLayers('towns', 'seats')
  const data = useDataStore()
  data.manifest = readGeo<Manifest>('manifest.json')
  data.figures = parseReportFigures(readGeo<{ figures: unknown }>('report.json').figures).figures
})

const DUOHU = '330703001'

async function startTour(framePadding?: () => CameraPadding | null) {
  const { controller, calls } = fakeController()
  const { result: tour, wrapper } = mountComposable(() => useTour({ framePadding }), { controller })
  await tour.begin()
  await nextTick() // the camera moves once the stop's overlays are drawn
  return { tour, calls, wrapper }
}

describe('useTour (default tour)', () => {
  test('the first stop shows exactly its layers and frames the district', async () => {
    const { tour, calls } = await startTour()
    expect(tour.errors.value).toEqual([])
    expect(tour.stop.value?.id).toBe('district-air')
    expect([...useLayersStore().visibleListedIds].sort()).toEqual(['counties', 'district', 'rivers', 'seats', 'towns'])
    expect(calls.moveTo).toHaveLength(1)
    expect(calls.moveTo[0]).toMatchObject({ bounds: manifestEntry('district').bbox })
  })

  test('the next stop sets its indicator, frames its township and opens its panel', async () => {
    const { tour, calls } = await startTour()
    tour.runner()!.next()
    await nextTick()
    const layers = useLayersStore()
    expect(tour.stop.value?.id).toBe('duohu-low-carbon')
    expect([...layers.visibleListedIds].sort()).toEqual(
      ['counties', 'district', 'low-carbon', 'seats', 'towns', 'zero-discharge'].sort(),
    )
    expect(layers.records.towns?.choropleth?.indicator).toBe('low-carbon')
    const duohu = readGeo<FeatureCollection>('towns.geojson').features.find((f) => f.properties?.code === DUOHU)!
    expect(calls.moveTo.at(-1)).toMatchObject({ bounds: bbox(duohu.geometry) })
    expect(useViewStore().selection).toEqual({ layerId: 'towns', featureId: DUOHU })
  })

  test("a stop without an indicator draws the townships as outlines; the user's theme comes back", async () => {
    const layers = useLayersStore()
    layers.setChoropleth('towns', { indicator: 'cases' })
    const { tour } = await startTour()
    expect(tour.stop.value?.id).toBe('district-air')
    expect(layers.records.towns?.choropleth?.coloured).toBe(false)
    tour.runner()!.next()
    await nextTick()
    expect(layers.records.towns?.choropleth).toMatchObject({ indicator: 'low-carbon', coloured: true })
    tour.end()
    expect(layers.records.towns?.choropleth).toMatchObject({ indicator: 'cases', coloured: true })
  })

  test('frames each stop clear of the overlays, and again when they change', async () => {
    let padding: CameraPadding = { top: 250, right: 40, bottom: 300, left: 40 }
    const { tour, calls } = await startTour(() => padding)
    expect(calls.moveTo.at(-1)).toMatchObject({ bounds: manifestEntry('district').bbox, padding })
    tour.reframe(paddingChanged)
    expect(calls.moveTo).toHaveLength(1) // unchanged overlays: no new move
    padding = { ...padding, right: 600 } // the side panel opened
    tour.reframe(paddingChanged)
    expect(calls.moveTo).toHaveLength(2)
    expect(calls.moveTo.at(-1)).toMatchObject({ padding: { right: 600 } })
  })

  test('end() puts back the layers the user had before the tour', async () => {
    const layers = useLayersStore()
    layers.setVisible('enforcement', true)
    layers.setVisible('rivers', false)
    const before = [...layers.visibleListedIds]
    const { tour } = await startTour()
    tour.runner()!.next()
    expect(layers.visibleListedIds).not.toEqual(before)
    tour.end()
    expect(layers.visibleListedIds).toEqual(before)
    expect(tour.runner()).toBeNull()
  })

  test('unmounting ends the tour the same way', async () => {
    const layers = useLayersStore()
    layers.showOnly(['water-sections'])
    const { wrapper } = await startTour()
    expect(layers.visibleListedIds).not.toEqual(['water-sections'])
    wrapper.unmount()
    expect(layers.visibleListedIds).toEqual(['water-sections'])
  })
})
