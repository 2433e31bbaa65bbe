/**
 * The stores in the middle: one record per layer with metadata resolved in one place (spec → built
 * data → the user's replacement), a user's layer as the same kind of record as a built-in one, the
 * choropleth classified once, and a new spec appearing everywhere without any other edit.
 */
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, test } from 'vitest'
import type { Manifest } from '../../../src/domain/manifest'
import { resolveLayerMeta } from '../../../src/layers/resolve-meta'
import { layerSpec } from '../../../src/layers/registry'
import type { LayerSpec } from '../../../src/layers/types'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useLayersStore } from '../../../src/stores/layers'
import { useDataStore } from '../../../src/stores/data'

const read = <T>(file: string) =>
  JSON.parse(readFileSync(new URL(`../../../public/geo/${file}`, import.meta.url), 'utf8')) as T
const manifest = read<Manifest>('manifest.json')
const entry = (id: string) => manifest.entries.find((e) => e.id === id)!
const towns = read<FeatureCollection>('towns.geojson')
const enforcement = read<FeatureCollection>('enforcement.geojson')
const point = (properties: Record<string, unknown>): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }],
})

beforeEach(() => setActivePinia(createPinia()))

describe('resolveLayerMeta', () => {
  const spec = layerSpec('towns')!
  test('the spec says what a built-in layer is; the built data adds its count', () => {
    expect(resolveLayerMeta(spec, entry('towns'), null)).toMatchObject({
      title: spec.title,
      provenance: 'approximate',
      caveat: spec.caveat,
      source: spec.source,
      featureCount: 11,
      userFile: null,
    })
  })
  test("the user's replacement wins over both, in every field that describes the data", () => {
    const meta = resolveLayerMeta(spec, entry('towns'), { fileName: 'real-towns.geojson', featureCount: 12 })
    expect(meta).toMatchObject({ provenance: 'user', source: 'real-towns.geojson', featureCount: 12, method: null })
    expect(meta.caveat?.zh).toContain('real-towns.geojson')
    expect(meta.title).toEqual(spec.title)
  })
})

describe('layers store', () => {
  test('has one record per spec, listed ones in the list, top of the list = highest order', () => {
    const layers = useLayersStore()
    expect(Object.keys(layers.records)).toContain('county-labels')
    expect(layers.order).not.toContain('county-labels')
    expect(layers.order[0]).toBe('monitoring-points')
    expect(layers.order.at(-1)).toBe('counties')
    expect(layers.areaLayerId).toBe('towns')
  })

  test('after a replacement, meta says "your file" wherever it is read', () => {
    const layers = useLayersStore()
    layers.setBuiltData('towns', towns, entry('towns'))
    expect(layers.meta('towns')?.provenance).toBe('approximate')
    layers.replaceData('towns', towns, 'mine.geojson')
    expect(layers.meta('towns')).toMatchObject({ provenance: 'user', userFile: 'mine.geojson' })
    expect(layers.record('towns')?.spec.provenance).toBe('approximate')
  })

  test("a user's file is one call: a visible record on top, keyed, with its own metadata", () => {
    const layers = useLayersStore()
    const id = layers.addUserLayer(point({ name: 'x' }), 'stations.csv')
    expect(layers.order[0]).toBe(id)
    expect(layers.record(id)).toMatchObject({ visible: true, opacity: 1 })
    expect(layers.data(id)?.features[0]?.properties?.id).toBe(`${id}-0`)
    expect(layers.meta(id)).toMatchObject({ provenance: 'user', userFile: 'stations.csv', featureCount: 1 })
    expect(layers.addUserLayer(point({}), 'second.csv')).not.toBe(id)
  })

  test('visibility, opacity (clamped), order and showOnly act on the records', () => {
    const layers = useLayersStore()
    layers.setOpacity('rivers', 2)
    expect(layers.record('rivers')?.opacity).toBe(1)
    layers.setOpacity('rivers', -1)
    expect(layers.record('rivers')?.opacity).toBe(0)
    const before = [...layers.order]
    layers.move('rivers', -1)
    const at = before.indexOf('rivers')
    expect(layers.order[at - 1]).toBe('rivers')
    expect(layers.drawRank.rivers).toBeGreaterThan(layers.drawRank[before[at - 1]!]!)
    layers.move(layers.order[0]!, -1)
    expect(layers.order.length).toBe(before.length)
    layers.showOnly(['towns'])
    expect(layers.visibleListedIds).toEqual(['towns'])
    expect(layers.record('county-labels')?.visible).toBe(true)
  })
})

describe('indicators store', () => {
  test('counts the inspections in each township, and they add up to the report’s 1,095', () => {
    const layers = useLayersStore()
    layers.setBuiltData('towns', towns, entry('towns'))
    layers.setBuiltData('enforcement', enforcement, entry('enforcement'))
    const indicators = useIndicatorsStore()
    const total = Object.values(indicators.byArea).reduce((sum, row) => sum + Number(row.inspections), 0)
    expect(total).toBe(1095)
  })

  test('classifies once: every township with a value has the colour of its class', () => {
    const layers = useLayersStore()
    layers.setBuiltData('towns', towns, entry('towns'))
    layers.setBuiltData('enforcement', enforcement, entry('enforcement'))
    const indicators = useIndicatorsStore()
    layers.setChoropleth('towns', { method: 'equal-interval', classCount: 3 })
    const classes = indicators.classification!.classes
    expect(classes).toHaveLength(3)
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(11)
    expect(Object.keys(indicators.colours)).toHaveLength(11)
    for (const colour of Object.values(indicators.colours)) expect(classes.map((c) => c.colour)).toContain(colour)
    useDataStore().documents = { 'town-indicators': read('town-indicators.json') }
    layers.setChoropleth('towns', { indicator: 'zero-discharge' })
    expect(indicators.classification).toBeNull()
    expect(indicators.categories.map((c) => c.count).reduce((a, b) => a + b, 0)).toBe(3)
  })
})

describe('adding a layer is adding one spec', () => {
  test('a new spec gets a record, a place in the list, resolved metadata and its data', () => {
    const spec: LayerSpec = {
      ...layerSpec('seats')!,
      id: 'noise-stations',
      title: { zh: '噪声监测点', en: 'Noise stations' },
      order: 72,
      provenance: 'sample',
      caveat: { zh: '示例', en: 'Sample' },
    }
    const layers = useLayersStore()
    layers.register([spec])
    expect(layers.order[0]).toBe('noise-stations')
    layers.setBuiltData('noise-stations', point({ code: 'n1', name: '站' }), null)
    expect(layers.meta('noise-stations')).toMatchObject({ title: spec.title, provenance: 'sample', featureCount: 1 })
  })
})
