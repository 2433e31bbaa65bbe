/**
 * The layers store answers by capability, and the two derived layers (the readings surface, the
 * inspection density) are records like every other: visible, opacity, provenance from their source.
 */
import type { FeatureCollection } from 'geojson'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, test } from 'vitest'
import { useLayersStore } from '../../../src/stores/layers'

const points: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'p1', kind: 'air' }, geometry: { type: 'Point', coordinates: [119.8, 29.1] } },
  ],
}

beforeEach(() => setActivePinia(createPinia()))

describe('layers by capability', () => {
  test('each capability the app asks for names exactly one built-in layer', () => {
    const layers = useLayersStore()
    for (const capability of ['areaUnit', 'readings', 'inspections', 'waterClasses', 'areaSeats', 'extent'] as const)
      expect(
        layers.withCapability(capability).map((r) => r.spec.id),
        capability,
      ).toHaveLength(1)
    expect(layers.idWithCapability('readingsSurface')).not.toBeNull()
    expect(layers.idWithCapability('inspectionDensity')).not.toBeNull()
    expect(layers.idWithCapability('readingsSurface')).not.toBe(layers.idWithCapability('inspectionDensity'))
  })

  test('dataWithCapability reads the data of the layer that declares it', () => {
    const layers = useLayersStore()
    const id = layers.idWithCapability('readings')!
    expect(layers.dataWithCapability('readings')).toBeNull()
    layers.setBuiltData(id, points, null)
    expect(layers.dataWithCapability('readings')?.features).toHaveLength(1)
    expect(layers.dataWithCapability('inspections')).toBeNull()
  })
})

describe('the derived layers are records', () => {
  test('the heatmap state lives in their records: visibility, pollutant, month, kinds, months', () => {
    const layers = useLayersStore()
    expect(layers.heatmapState).toMatchObject({ readings: false, inspections: false, pollutant: 'pm25', month: 1 })
    layers.setHeatmapState({ readings: true, pollutant: 'pm10', month: 7, inspectionMonths: [3, 5] })
    const surface = layers.firstWithCapability('readingsSurface')!
    const density = layers.firstWithCapability('inspectionDensity')!
    expect(surface.visible).toBe(true)
    expect(surface.surface).toEqual({ style: 'surface', colouring: 'levels', pollutant: 'pm10', month: 7 })
    expect(density.visible).toBe(false)
    expect(density.density?.months).toEqual([3, 5])
    layers.setVisible(density.spec.id, true)
    expect(layers.heatmapState.inspections).toBe(true)
  })

  test("a derived layer carries its source's provenance: sample, then the user's once replaced", () => {
    const layers = useLayersStore()
    const surfaceId = layers.idWithCapability('readingsSurface')!
    expect(layers.meta(surfaceId)?.provenance).toBe('sample')
    layers.replaceData(layers.idWithCapability('readings')!, points, 'my-readings.csv')
    expect(layers.meta(surfaceId)).toMatchObject({ provenance: 'user', userFile: 'my-readings.csv' })
  })

  test('they are not listed, and showOnly (a tour stop, a share link) leaves them as they are', () => {
    const layers = useLayersStore()
    const surfaceId = layers.idWithCapability('readingsSurface')!
    expect(layers.order).not.toContain(surfaceId)
    layers.setHeatmapState({ readings: true })
    layers.showOnly([])
    expect(layers.record(surfaceId)?.visible).toBe(true)
  })
})

describe('the readings surface colouring', () => {
  test('HJ 633 levels by default; the ramp is kept in the heatmap state like the other options', async () => {
    const layers = useLayersStore()
    expect(layers.heatmapState.readingsColouring).toBe('levels')
    layers.setHeatmapState({ readingsColouring: 'ramp', month: 2 })
    expect(layers.heatmapState).toMatchObject({ readingsColouring: 'ramp', month: 2, readingsStyle: 'surface' })
    layers.setHeatmapState({ pollutant: 'pm10' })
    expect(layers.heatmapState.readingsColouring).toBe('ramp')
    // A project file carries it; an unknown value is left out rather than guessed.
    const { parseProjectHeatmap } = await import('../../../src/user-data/project/project-view')
    expect(parseProjectHeatmap({ readingsColouring: 'ramp' })).toEqual({ readingsColouring: 'ramp' })
    expect(parseProjectHeatmap({ readingsColouring: 'rainbow' })).toEqual({})
  })
})
