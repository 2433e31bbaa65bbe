/**
 * Builds the style a render case draws: the app's background colour, each source the layer uses as
 * inline GeoJSON from the case's fixtures, and the layer's map layers with their source ids filled in
 * (the definition's own id where a map layer names none), as src/map/map-adapter.ts does. A user
 * layer's case draws src/layers/user-layer.ts with its style resolved from the case (user-layer.ts).
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec'
import type { FeatureCollection, Position } from 'geojson'
import { BACKGROUND_COLOUR, BACKGROUND_DARK } from '../../../src/map/offline-style'
import type { RenderCase } from './cases'
import { LAYERS, type MapLayer } from './specs'
import { USER_LAYER, USER_LAYER_ID, userStyleOf } from './user-layer'

/** Smallest span of the camera's box in degrees, so a single point still gets a view around it. */
const MIN_SPAN_DEG = 0.02

export interface CaseStyle {
  style: StyleSpecification
  bounds: [number, number, number, number]
}

export function caseStyle(renderCase: RenderCase, breakColour = false): CaseStyle {
  const isUserLayer = renderCase.layerId === USER_LAYER_ID
  const layer = isUserLayer ? USER_LAYER : LAYERS.find((candidate) => candidate.id === renderCase.layerId)
  if (!layer) throw new Error(`case ${renderCase.name}: no layer with id ${renderCase.layerId}`)
  const context = { ...renderCase.context }
  if (isUserLayer) {
    const data = renderCase.fixture(USER_LAYER_ID)
    if (!data) throw new Error(`case ${renderCase.name}: no fixture ${USER_LAYER_ID}.geojson`)
    context.userStyle = userStyleOf(renderCase.userStyle, data)
  }
  const mapLayers = layer.mapLayers(context).map((spec) => ({ ...spec, source: spec.source ?? layer.id }))
  if (breakColour) breakFirstColour(mapLayers)
  const sources: Record<string, FeatureCollection> = {}
  for (const { source } of mapLayers) {
    const data = renderCase.fixture(source)
    if (!data) throw new Error(`case ${renderCase.name}: no fixture ${source}.geojson for source '${source}'`)
    sources[source] = data
  }
  const background = renderCase.context.theme === 'dark' ? BACKGROUND_DARK : BACKGROUND_COLOUR
  const style = {
    version: 8,
    sources: Object.fromEntries(Object.entries(sources).map(([id, data]) => [id, { type: 'geojson', data }])),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': background } }, ...mapLayers],
  } as StyleSpecification
  return { style, bounds: boundsOf(Object.values(sources)) }
}

/**
 * RENDER_BREAK's test-only fault: the first colour paint property of the layer turns magenta, or green
 * where it already is a magenta-like colour (a user layer's first colour, #d946ef), which would not show.
 */
function breakFirstColour(mapLayers: MapLayer[]) {
  for (const spec of mapLayers) {
    const withPaint = spec as { paint?: Record<string, unknown> }
    const key = Object.keys(withPaint.paint ?? {}).find((name) => name.endsWith('-color'))
    if (key) {
      const magentaLike = /^#[c-f][0-9a-f][0-5][0-9a-f][c-f][0-9a-f]$/i.test(String(withPaint.paint![key]))
      withPaint.paint = { ...withPaint.paint, [key]: magentaLike ? '#00ff00' : '#ff00ff' }
      return
    }
  }
  throw new Error('RENDER_BREAK: the layer has no colour paint property to break')
}

function boundsOf(collections: FeatureCollection[]): [number, number, number, number] {
  const box = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (value: unknown) => {
    if (typeof (value as Position)[0] === 'number') {
      const [x, y] = value as [number, number]
      box[0] = Math.min(box[0] as number, x)
      box[1] = Math.min(box[1] as number, y)
      box[2] = Math.max(box[2] as number, x)
      box[3] = Math.max(box[3] as number, y)
    } else (value as unknown[]).forEach(visit)
  }
  for (const { features } of collections)
    for (const { geometry } of features) if ('coordinates' in geometry) visit(geometry.coordinates)
  const [west, south, east, north] = box as [number, number, number, number]
  const padX = Math.max(0, MIN_SPAN_DEG - (east - west)) / 2
  const padY = Math.max(0, MIN_SPAN_DEG - (north - south)) / 2
  return [west - padX, south - padY, east + padX, north + padY]
}
