/**
 * The measuring tool on the map: draws the sketch store (the points clicked, the open segment to the
 * pointer, the last measurement with its figure) and the shape the side panel counts in (view.shape),
 * and, while a tool is chosen, takes the map's clicks for the store instead of selecting features.
 * Loaded when the tool or a shape is first used; attached once per map.
 */
import { effectScope, watch } from 'vue'
import type { Feature, FeatureCollection } from 'geojson'
import type { LayerSpecification, MapLayerMouseEvent, MapMouseEvent } from 'maplibre-gl'
import { useSketchStore } from '../stores/sketch'
import { useViewStore } from '../stores/view'
import { areaTexts, lengthText } from '../domain/measure/units'
import { LABEL_FONT } from '../layers/style-helpers'
import { fromDisplay } from './crs-shift'
import type { MapAdapter } from './map-adapter'

export const SKETCH_SOURCE = 'jindong-sketch'
const SKETCH_COLOUR = '#ea580c'
const SHAPE_COLOUR = '#7c3aed'

const LAYERS = [
  {
    id: `${SKETCH_SOURCE}-fill`,
    type: 'fill',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: {
      'fill-color': ['case', ['==', ['get', 'role'], 'shape'], SHAPE_COLOUR, SKETCH_COLOUR],
      'fill-opacity': 0.12,
    },
  },
  {
    id: `${SKETCH_SOURCE}-line`,
    type: 'line',
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: {
      'line-color': ['case', ['==', ['get', 'role'], 'shape'], SHAPE_COLOUR, SKETCH_COLOUR],
      'line-width': 3,
    },
  },
  {
    id: `${SKETCH_SOURCE}-vertex`,
    type: 'circle',
    filter: ['==', ['get', 'role'], 'vertex'],
    paint: {
      'circle-radius': 4.5,
      'circle-color': '#fff',
      'circle-stroke-color': SKETCH_COLOUR,
      'circle-stroke-width': 2,
    },
  },
  {
    id: `${SKETCH_SOURCE}-label`,
    type: 'symbol',
    filter: ['==', ['get', 'role'], 'label'],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': LABEL_FONT,
      'text-size': 14,
      'text-anchor': 'bottom-left',
      'text-offset': [0.6, -0.4],
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': '#7c2d12', 'text-halo-color': '#fff', 'text-halo-width': 2 },
  },
] as const

type LngLat = [number, number]
const point = (at: LngLat, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: at },
})

const attached = new WeakSet<MapAdapter>()

/** Draws the sketch and the analysed shape on this map, and routes clicks while a tool is chosen. */
export function attachSketch(adapter: MapAdapter) {
  if (attached.has(adapter)) return
  attached.add(adapter)
  const sketch = useSketchStore()
  const view = useViewStore()
  const map = adapter.map
  const real = (event: MapMouseEvent): LngLat => fromDisplay([event.lngLat.lng, event.lngLat.lat], adapter.basemaps.crs)

  /** What the store holds, as features in real (WGS84) coordinates; the adapter shifts them for the basemap. */
  function features(): FeatureCollection {
    const out: Feature[] = []
    const locale = view.locale
    if (view.shape) out.push({ type: 'Feature', properties: { role: 'shape' }, geometry: view.shape.geometry })
    const measured = sketch.measurement
    if (measured?.tool === 'distance') {
      out.push({
        type: 'Feature',
        properties: { role: 'line' },
        geometry: { type: 'LineString', coordinates: measured.coordinates },
      })
      out.push(point(measured.coordinates.at(-1)!, { role: 'label', label: lengthText(measured.metres, locale) }))
    } else if (measured?.tool === 'area') {
      const ring = [...measured.ring, measured.ring[0]!]
      out.push({ type: 'Feature', properties: { role: 'area' }, geometry: { type: 'Polygon', coordinates: [ring] } })
      out.push(point(measured.ring.at(-1)!, { role: 'label', label: areaTexts(measured.squareMetres, locale)[0] }))
    }
    const live = sketch.live
    if (live.length > 1) {
      const ring = sketch.needsRing && live.length > 2
      out.push({
        type: 'Feature',
        properties: { role: 'open' },
        geometry: ring
          ? { type: 'Polygon', coordinates: [[...live, live[0]!]] }
          : { type: 'LineString', coordinates: live },
      })
      const figure = ring ? areaTexts(sketch.liveSquareMetres, locale)[0] : lengthText(sketch.liveMetres, locale)
      if (sketch.tool === 'distance' || sketch.tool === 'area')
        out.push(point(live.at(-1)!, { role: 'label', label: figure }))
    }
    for (const at of sketch.vertices) out.push(point(at, { role: 'vertex' }))
    return { type: 'FeatureCollection', features: out }
  }

  /** The sketch stays above every layer the layer sync adds later. */
  function raise() {
    const ids = map.getStyle().layers.map((l) => l.id)
    const top = ids.slice(-LAYERS.length)
    if (LAYERS.every((l, i) => top[i] === l.id)) return
    for (const layer of LAYERS) if (map.getLayer(layer.id)) map.moveLayer(layer.id)
  }

  async function draw() {
    await adapter.setSourceData(SKETCH_SOURCE, features())
    for (const layer of LAYERS)
      if (!map.getLayer(layer.id)) map.addLayer({ ...layer, source: SKETCH_SOURCE } as unknown as LayerSpecification)
    raise()
  }
  map.on('styledata', () => map.getLayer(LAYERS[0].id) && raise())

  // While a tool is chosen, the map's clicks are the tool's: nothing is selected, a double-click finishes.
  const onClick = (event: MapLayerMouseEvent) => sketch.tool && sketch.addVertex(real(event))
  const onMove = (event: MapLayerMouseEvent) => sketch.tool && sketch.movePointer(real(event))
  const onDoubleClick = (event: MapLayerMouseEvent) => {
    if (!sketch.tool) return
    event.preventDefault()
    sketch.finish()
  }
  map.on('click', onClick)
  map.on('mousemove', onMove)
  map.on('dblclick', onDoubleClick)

  const scope = effectScope(true)
  scope.run(() => {
    watch(
      () => sketch.tool,
      (tool) => {
        adapter.picking = tool === null
        map.getCanvas().style.cursor = tool ? 'crosshair' : ''
        if (tool) map.doubleClickZoom.disable()
        else map.doubleClickZoom.enable()
      },
      { immediate: true },
    )
    watch(
      () => [sketch.vertices, sketch.pointer, sketch.measurement, sketch.tool, view.shape, view.locale] as const,
      () => void draw(),
      { immediate: true },
    )
  })
  map.once('remove', () => scope.stop())
}
