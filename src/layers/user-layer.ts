/**
 * The declaration of a layer a user loaded from a file: the same shape as a built-in layer file,
 * made at run time. Points, lines and polygons each get a plain style in the layer's colour; the
 * tooltip is the feature's name (or its first property) as text, and the panel lists every property.
 */
import type { Geometry } from 'geojson'
import type { LayerSpec } from './types'
import { ownValue } from '../domain/own-keys'

/** Distinct, readable colours for successive user layers. */
const USER_COLOURS = ['#d946ef', '#0891b2', '#65a30d', '#e11d48', '#7c2d12', '#4338ca']

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

export function userLayerSpec(meta: UserLayerMeta): LayerSpec {
  const colour = USER_COLOURS[meta.index % USER_COLOURS.length]!
  const polygon = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false]
  const line = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false]
  const point = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false]
  return {
    id: meta.id,
    title: meta.name
      ? { zh: `我的数据：${meta.name}`, en: `My data: ${meta.name}` }
      : { zh: `我的数据：${meta.fileName}`, en: `My data: ${meta.fileName}` },
    order: 80 + meta.index,
    defaultVisible: true,
    listed: true,
    provenance: 'user',
    caveat: {
      zh: `由您从文件 ${meta.fileName} 载入，未经核实。`,
      en: `Loaded by you from ${meta.fileName}; not verified.`,
    },
    source: meta.fileName,
    licence: '—',
    // A user's file is not built: it arrives through the import dialog, keyed by `id` (added when missing).
    data: { origin: { seed: meta.fileName }, key: 'id', geometryTypes: meta.geometryTypes },
    capabilities: meta.binary ? {} : { exportable: true, countedInAreas: true },
    mapLayers: ({ opacity }) =>
      meta.binary
        ? []
        : [
            {
              id: `${meta.id}-fill`,
              type: 'fill',
              filter: polygon as never,
              paint: { 'fill-color': colour, 'fill-opacity': 0.35 * opacity },
            },
            {
              id: `${meta.id}-line`,
              type: 'line',
              filter: ['any', polygon, line] as never,
              paint: { 'line-color': colour, 'line-width': 2, 'line-opacity': opacity },
            },
            {
              id: `${meta.id}-circle`,
              type: 'circle',
              filter: point as never,
              paint: {
                'circle-radius': 5,
                'circle-color': colour,
                'circle-stroke-color': '#fff',
                'circle-stroke-width': 1.5,
                'circle-opacity': opacity,
              },
            },
          ],
    legend: [{ label: { zh: meta.fileName, en: meta.fileName }, colour, shape: 'circle' }],
    interactiveLayerIds: meta.binary ? [] : [`${meta.id}-circle`, `${meta.id}-line`, `${meta.id}-fill`],
    tooltip: (p) => {
      const name = ownValue(p, 'name') ?? ownValue(p, '名称') ?? Object.values(p)[0]
      return name === undefined || name === null ? null : String(name).slice(0, 120)
    },
    panelFields: 'all',
  }
}
