/**
 * The declaration of a layer from another server (WMS, WMTS, ArcGIS, tiles, PMTiles): the same shape
 * as every layer file, made at run time from its ServiceDefinition. A raster service is one raster
 * map layer; vector tiles are drawn as fills, lines and circles per source layer in the layer's
 * colour. Its provenance names the host and the attribution the service declares: the app shows
 * another server's picture and cannot vouch for it.
 */
import type { LayerSpec, MapLayerSpec } from './types'
import type { ServiceDefinition } from '../domain/services/service-types'

const SERVICE_COLOURS = ['#2563eb', '#b45309', '#0f766e', '#9333ea', '#be123c', '#4d7c0f']

export interface ServiceLayerMeta {
  id: string
  index: number
  definition: ServiceDefinition
  /** The name the user gave the layer; null shows the service's title. */
  name?: string | null
}

/** What the provenance line says: the host and the service's own attribution. */
export function serviceSourceLine(definition: ServiceDefinition): string {
  return definition.attribution ? `${definition.host} · ${definition.attribution}` : definition.host
}

/**
 * The credits line of an exported picture or a printed map: the app's own sources, then each visible
 * service layer's host and attribution (another server's picture on paper says whose it is).
 */
export function creditsWithServices(
  own: string,
  records: readonly { visible: boolean; service?: ServiceDefinition | null }[],
): string {
  const services = records.flatMap((r) => (r.visible && r.service ? [serviceSourceLine(r.service)] : []))
  return [own, ...new Set(services)].filter(Boolean).join(' · ')
}

function vectorLayers(id: string, colour: string, opacity: number, sourceLayers: readonly string[]): MapLayerSpec[] {
  return sourceLayers.flatMap((sourceLayer, i): MapLayerSpec[] => {
    const base = { 'source-layer': sourceLayer } as const
    return [
      {
        id: `${id}-v${i}-fill`,
        type: 'fill',
        ...base,
        filter: ['==', ['geometry-type'], 'Polygon'] as never,
        paint: { 'fill-color': colour, 'fill-opacity': 0.3 * opacity },
      },
      {
        id: `${id}-v${i}-line`,
        type: 'line',
        ...base,
        filter: ['!=', ['geometry-type'], 'Point'] as never,
        paint: { 'line-color': colour, 'line-width': 1.5, 'line-opacity': opacity },
      },
      {
        id: `${id}-v${i}-circle`,
        type: 'circle',
        ...base,
        filter: ['==', ['geometry-type'], 'Point'] as never,
        paint: { 'circle-radius': 4, 'circle-color': colour, 'circle-opacity': opacity },
      },
    ]
  })
}

export function serviceLayerSpec(meta: ServiceLayerMeta): LayerSpec {
  const { definition } = meta
  const colour = SERVICE_COLOURS[meta.index % SERVICE_COLOURS.length]!
  const title = meta.name?.trim() || definition.title || definition.host
  const vector = definition.vector?.sourceLayers
  const shifted =
    definition.crs === 'GCJ-02'
      ? { zh: '服务坐标为 GCJ-02，已按底图对齐。', en: 'The service is in GCJ-02; aligned to the basemap.' }
      : { zh: '', en: '' }
  return {
    id: meta.id,
    title: { zh: title, en: title },
    // Above the built-in layers' band like a user's file; the list order decides among listed layers.
    order: 60 + meta.index,
    defaultVisible: true,
    listed: true,
    provenance: 'user',
    caveat: {
      zh: `来自外部服务 ${definition.host}，由您添加，本系统未核实其内容。${shifted.zh}`,
      en:
        `From the service at ${definition.host}, added by you; its content is not verified here.` +
        (shifted.en ? ` ${shifted.en}` : ''),
    },
    source: serviceSourceLine(definition),
    licence: definition.attribution || '—',
    // Nothing is built or loaded into the app's stores: the map fetches tiles from the service.
    data: { origin: { seed: definition.url }, key: 'id', geometryTypes: [] },
    capabilities: {},
    mapLayers: ({ opacity }) =>
      vector
        ? vectorLayers(meta.id, colour, opacity, vector)
        : [{ id: `${meta.id}-raster`, type: 'raster', paint: { 'raster-opacity': opacity } }],
    // A vector service's entry names what it draws (its source layers), so a new name leaves it right.
    legend: vector ? [{ label: { zh: vector.join('、'), en: vector.join(', ') }, colour, shape: 'fill' }] : [],
    interactiveLayerIds: [],
  }
}
