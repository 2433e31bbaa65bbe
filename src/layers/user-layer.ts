/**
 * The declaration of a layer a user loaded from a file: the same shape as a built-in layer file,
 * made at run time. Points, lines and polygons are drawn in the layer's colour, or as its style says
 * (see userMapLayers); the tooltip is the feature's name (or its first property) as text, and the
 * panel lists every property.
 */
import type { Geometry } from 'geojson'
import type { LayerSpec, MapLayerSpec } from './types'
import { HALO, LABEL_FONT } from './style-helpers'
import {
  colourExpression,
  labelExpression,
  radiusExpression,
  type UserStyleRender,
} from '../user-data/styles/user-style-expressions'
import { ownValue } from '../domain/text/own-keys'

/** Distinct, readable colours for successive user layers. */
const USER_COLOURS = ['#d946ef', '#0891b2', '#65a30d', '#e11d48', '#7c2d12', '#4338ca']

/**
 * The file name of the layer the measuring tool's drawings (标绘) go to. A drawn layer is kept and
 * saved like a loaded one, and its file name, which travels with it, says that it was drawn.
 */
export const DRAWN_LAYER_FILE = '地图标绘'

export interface UserLayerMeta {
  id: string
  fileName: string
  /** Index among user layers, for the colour and the draw order. */
  index: number
  geometryTypes: Geometry['type'][]
  /** A large point set drawn by deck.gl from typed arrays: no MapLibre layers, no export, not counted. */
  binary?: boolean
  /** The name the user gave the layer; null or absent shows the file name. */
  name?: string | null
}

const POLYGON = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false]
const LINE = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false]
const POINT = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false]

/** The geometry filter, and the style's month and range filter when there is one. */
const filtered = (geometry: unknown[], render: UserStyleRender | null | undefined) =>
  (render?.filter ? ['all', geometry, render.filter] : geometry) as never

/**
 * Fills, lines and circles coloured by the style (one colour, categories or classes), circles sized
 * by a column, and labels from a column in the basemap's local font stack (no glyphs are fetched).
 * Points shown as a heatmap or hexagons are drawn by deck.gl (src/map/user-point-draws.ts), not here.
 */
function userMapLayers(
  id: string,
  colour: string,
  opacity: number,
  render: UserStyleRender | null | undefined,
): MapLayerSpec[] {
  const style = render?.style
  const paintColour = (style ? colourExpression(style) : colour) as never
  const layers: MapLayerSpec[] = [
    {
      id: `${id}-fill`,
      type: 'fill',
      filter: filtered(POLYGON, render),
      paint: { 'fill-color': paintColour, 'fill-opacity': 0.35 * opacity },
    },
    {
      id: `${id}-line`,
      type: 'line',
      filter: filtered(['any', POLYGON, LINE], render),
      paint: { 'line-color': paintColour, 'line-width': 2, 'line-opacity': opacity },
    },
  ]
  if (!style || style.display === 'points')
    layers.push({
      id: `${id}-circle`,
      type: 'circle',
      filter: filtered(POINT, render),
      paint: {
        'circle-radius': (style ? radiusExpression(style, 5) : 5) as never,
        'circle-color': paintColour,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5,
        'circle-opacity': opacity,
      },
    })
  const label = style ? labelExpression(style) : null
  if (label) {
    const text = { 'text-field': label as never, 'text-font': LABEL_FONT, 'text-size': 13 }
    const paint = { 'text-color': '#1f2937', ...HALO, 'text-opacity': opacity }
    // Points and areas: under the point, at the area's inside; lines: along the line.
    layers.push(
      {
        id: `${id}-label`,
        type: 'symbol',
        filter: filtered(['!', LINE], render),
        layout: { ...text, 'text-anchor': 'top', 'text-offset': [0, 0.9], 'text-max-width': 12 },
        paint,
      },
      {
        id: `${id}-label-line`,
        type: 'symbol',
        filter: filtered(LINE, render),
        layout: { ...text, 'symbol-placement': 'line' },
        paint,
      },
    )
  }
  return layers
}

export function userLayerSpec(meta: UserLayerMeta): LayerSpec {
  const colour = USER_COLOURS[meta.index % USER_COLOURS.length]!
  return {
    id: meta.id,
    title: meta.name
      ? { zh: `我的数据：${meta.name}`, en: `My data: ${meta.name}` }
      : { zh: `我的数据：${meta.fileName}`, en: `My data: ${meta.fileName}` },
    order: 80 + meta.index,
    defaultVisible: true,
    listed: true,
    provenance: 'user',
    caveat:
      meta.fileName === DRAWN_LAYER_FILE
        ? { zh: '由您在地图上绘制（标绘），未经核实。', en: 'Drawn by you on the map; not verified.' }
        : {
            zh: `由您从文件 ${meta.fileName} 载入，未经核实。`,
            en: `Loaded by you from ${meta.fileName}; not verified.`,
          },
    source: meta.fileName,
    licence: '—',
    // A user's file is not built: it arrives through the import dialog, keyed by `id` (added when missing).
    data: { origin: { seed: meta.fileName }, key: 'id', geometryTypes: meta.geometryTypes },
    capabilities: meta.binary ? {} : { exportable: true, countedInAreas: true },
    mapLayers: ({ opacity, userStyle }) => (meta.binary ? [] : userMapLayers(meta.id, colour, opacity, userStyle)),
    legend: [{ label: { zh: meta.fileName, en: meta.fileName }, colour, shape: 'circle' }],
    interactiveLayerIds: meta.binary ? [] : [`${meta.id}-circle`, `${meta.id}-line`, `${meta.id}-fill`],
    tooltip: (p) => {
      const name = ownValue(p, 'name') ?? ownValue(p, '名称') ?? Object.values(p)[0]
      return name === undefined || name === null ? null : String(name).slice(0, 120)
    },
    panelFields: 'all',
  }
}
