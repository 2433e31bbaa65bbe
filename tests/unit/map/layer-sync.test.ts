/**
 * Layer sync against a fake map: layers arrive in any order and end up in declared order with every
 * label above every fill; an update touches only the properties that changed; a moved layer is moved,
 * not re-added; layers that are not ours (the basemap) are never touched.
 */
import { describe, expect, test } from 'vitest'
import type { LayerSpecification } from 'maplibre-gl'
import { LayerSync, planLayerSync, type DesiredMapLayer, type SyncTarget } from '../../../src/map/layer-sync'
import { desiredMapLayers } from '../../../src/map/desired-layers'
import { LAYER_SPECS } from '../../../src/layers/registry'

/** A map that keeps a list of layers and records every call made to it. */
class FakeMap implements SyncTarget {
  layers: {
    id: string
    type: string
    paint: Record<string, unknown>
    layout: Record<string, unknown>
    filter?: unknown
  }[] = []
  calls: string[] = []
  constructor(basemap: string[] = []) {
    this.layers = basemap.map((id) => ({
      id,
      type: id === 'background' ? 'background' : 'raster',
      paint: {},
      layout: {},
    }))
  }
  getStyle() {
    return { layers: this.layers.map(({ id, type }) => ({ id, type })) }
  }
  getLayer(id: string) {
    return this.layers.find((l) => l.id === id)
  }
  private indexBefore(beforeId?: string) {
    if (beforeId === undefined) return this.layers.length
    const index = this.layers.findIndex((l) => l.id === beforeId)
    if (index < 0) throw new Error(`no layer ${beforeId} to insert before`)
    return index
  }
  addLayer(layer: LayerSpecification, beforeId?: string) {
    if (this.getLayer(layer.id)) throw new Error(`layer ${layer.id} already exists`)
    this.calls.push(`add ${layer.id}${beforeId ? ` before ${beforeId}` : ''}`)
    const { paint = {}, layout = {} } = layer as { paint?: Record<string, unknown>; layout?: Record<string, unknown> }
    const entry = {
      id: layer.id,
      type: layer.type,
      paint: { ...paint },
      layout: { ...layout },
      filter: (layer as { filter?: unknown }).filter,
    }
    this.layers.splice(this.indexBefore(beforeId), 0, entry)
  }
  moveLayer(id: string, beforeId?: string) {
    this.calls.push(`move ${id}${beforeId ? ` before ${beforeId}` : ''}`)
    const entry = this.getLayer(id)!
    this.layers = this.layers.filter((l) => l.id !== id)
    this.layers.splice(this.indexBefore(beforeId), 0, entry)
  }
  removeLayer(id: string) {
    this.calls.push(`remove ${id}`)
    this.layers = this.layers.filter((l) => l.id !== id)
  }
  setPaintProperty(id: string, name: string, value: unknown) {
    this.calls.push(`paint ${id} ${name}`)
    this.getLayer(id)!.paint[name] = value
  }
  setLayoutProperty(id: string, name: string, value: unknown) {
    this.calls.push(`layout ${id} ${name}`)
    this.getLayer(id)!.layout[name] = value
  }
  setFilter(id: string, filter: unknown) {
    this.calls.push(`filter ${id}`)
    this.getLayer(id)!.filter = filter
  }
  ids() {
    return this.layers.map((l) => l.id)
  }
}

const fill = (id: string, colour = '#000', rank = 10): DesiredMapLayer => ({
  layer: { id, type: 'fill', source: id, paint: { 'fill-color': colour } } as LayerSpecification,
  rank,
})
const label = (id: string, rank = 10): DesiredMapLayer => ({
  layer: { id, type: 'symbol', source: id, layout: { 'text-field': 'x' } } as LayerSpecification,
  rank,
})

describe('planLayerSync', () => {
  test('adds bottom first, labels above every fill, ranks in order, whatever order they are given in', () => {
    const map = new FakeMap(['background', 'basemap-osm'])
    new LayerSync().sync(map, [
      label('b-label', 20),
      fill('c-fill', '#c', 30),
      fill('a-fill', '#a', 10),
      label('a-label', 10),
    ])
    expect(map.ids()).toEqual(['background', 'basemap-osm', 'a-fill', 'c-fill', 'a-label', 'b-label'])
  })

  test('a fill added later goes under the labels already there', () => {
    const map = new FakeMap()
    const sync = new LayerSync()
    sync.sync(map, [label('a-label', 10), fill('a-fill', '#a', 10)])
    sync.sync(map, [label('a-label', 10), fill('a-fill', '#a', 10), fill('z-fill', '#z', 99)])
    expect(map.ids()).toEqual(['a-fill', 'z-fill', 'a-label'])
  })

  test('an unchanged layer costs no call; a changed colour costs one paint call and nothing else', () => {
    const map = new FakeMap()
    const sync = new LayerSync()
    sync.sync(map, [fill('a-fill', '#aaa'), label('a-label')])
    map.calls = []
    sync.sync(map, [fill('a-fill', '#aaa'), label('a-label')])
    expect(map.calls).toEqual([])
    sync.sync(map, [fill('a-fill', '#bbb'), label('a-label')])
    expect(map.calls).toEqual(['paint a-fill fill-color'])
    expect(map.getLayer('a-fill')!.paint['fill-color']).toBe('#bbb')
  })

  test('visibility and filters are updated in place', () => {
    const map = new FakeMap()
    const sync = new LayerSync()
    const hidden = { ...fill('a-fill'), layer: { ...fill('a-fill').layer, layout: { visibility: 'none' } } }
    sync.sync(map, [fill('a-fill')])
    map.calls = []
    sync.sync(map, [{ ...hidden, layer: { ...hidden.layer, filter: ['==', 'k', 1] } as LayerSpecification }])
    expect(map.calls.sort()).toEqual(['filter a-fill', 'layout a-fill visibility'])
  })

  test('a new rank moves the layer (not re-added) into its place', () => {
    const map = new FakeMap()
    const sync = new LayerSync()
    sync.sync(map, [fill('a-fill', '#a', 10), fill('b-fill', '#b', 20)])
    map.calls = []
    sync.sync(map, [fill('a-fill', '#a', 30), fill('b-fill', '#b', 20)])
    expect(map.calls).toEqual(['move a-fill'])
    expect(map.ids()).toEqual(['b-fill', 'a-fill'])
  })

  test('a layer no longer wanted is removed; the basemap is never touched', () => {
    const map = new FakeMap(['background', 'basemap-osm'])
    const sync = new LayerSync()
    sync.sync(map, [fill('a-fill'), fill('b-fill', '#b', 20)])
    map.calls = []
    sync.sync(map, [fill('b-fill', '#b', 20)])
    expect(map.calls).toEqual(['remove a-fill'])
    expect(map.ids()).toEqual(['background', 'basemap-osm', 'b-fill'])
  })

  test('the plan itself is pure: same inputs, same operations, nothing applied', () => {
    const desired = [fill('a-fill'), label('a-label')]
    const first = planLayerSync([], new Map(), desired)
    expect(planLayerSync([], new Map(), desired)).toEqual(first)
    expect(first.map((op) => op.op)).toEqual(['add', 'add'])
  })
})

describe('desiredMapLayers from the real specs', () => {
  const records = LAYER_SPECS.map((spec) => ({ spec, visible: spec.defaultVisible, opacity: 1 }))
  const rank = Object.fromEntries(LAYER_SPECS.map((s) => [s.id, s.order]))
  const input = {
    records,
    rank,
    locale: 'zh-CN' as const,
    selection: { layerId: 'towns', featureId: '330703001' },
    choropleth: { '330703001': '#123456' },
    theme: 'light' as const,
    hasSource: () => true,
    resolvedStyle: () => null,
  }

  test('every spec draws into a map in declared order, labels on top, hidden layers with visibility none', () => {
    const map = new FakeMap(['background'])
    new LayerSync().sync(map, desiredMapLayers(input))
    const ids = map.ids()
    const firstLabel = ids.findIndex((id) => map.getLayer(id)!.type === 'symbol')
    expect(ids.slice(firstLabel).every((id) => map.getLayer(id)!.type === 'symbol')).toBe(true)
    expect(ids.indexOf('counties-fill')).toBeLessThan(ids.indexOf('district-fill'))
    expect(ids.indexOf('district-fill')).toBeLessThan(ids.indexOf('towns-fill'))
    expect(map.getLayer('enforcement-inspection')!.layout.visibility).toBe('none')
    expect(map.getLayer('towns-fill')!.layout.visibility).toBe('visible')
  })

  test('only the area layer gets the choropleth, and only the selected layer its selection', () => {
    const layers = desiredMapLayers(input)
    const towns = layers.find((d) => d.layer.id === 'towns-fill')!.layer as { paint: Record<string, unknown> }
    expect(JSON.stringify(towns.paint['fill-color'])).toContain('#123456')
    const selected = layers.find((d) => d.layer.id === 'towns-selected')!.layer as { filter: unknown }
    expect(JSON.stringify(selected.filter)).toContain('330703001')
    const zero = layers.find((d) => d.layer.id === 'zero-discharge-fill')!.layer as { paint: Record<string, unknown> }
    expect(JSON.stringify(zero.paint)).not.toContain('#123456')
  })

  test('a layer whose source has not arrived is left out', () => {
    const layers = desiredMapLayers({ ...input, hasSource: (id) => id !== 'seats' })
    expect(layers.some((d) => d.layer.id === 'seats-circle')).toBe(false)
    // The townships' labels are drawn from the seats' points.
    expect(layers.some((d) => d.layer.id === 'towns-label')).toBe(false)
    expect(layers.some((d) => d.layer.id === 'towns-fill')).toBe(true)
  })
})
