/**
 * A service definition read back from 本机数据, a project file or the published project: checked
 * field by field, since a project file may come from anyone. Addresses must be http(s); a PMTiles
 * archive from a file carries its file beside it. Anything else gives null (the layer is reported
 * as not restored, and nothing else is lost).
 */
import type {
  GeographicMatrix,
  LonLatBox,
  RasterTiles,
  ServiceDefinition,
  ServiceKind,
  ServiceLegend,
} from './service-types'

const KINDS: readonly ServiceKind[] = ['xyz', 'wms', 'wmts', 'arcgis', 'vector-tiles', 'pmtiles', 'geojson']
const TILE_TYPES = ['mvt', 'png', 'jpeg', 'webp'] as const

type Loose = Record<string, unknown>
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown, max = 2000): v is string => typeof v === 'string' && v.length <= max
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** An absolute http(s) address (a template's braces included). */
export function isWebAddress(value: unknown): value is string {
  if (!text(value, 4000)) return false
  try {
    const url = new URL(value.replace(/[{}]/g, ''))
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
  } catch {
    return false
  }
}

/** A legend picture: an http(s) address or an inline PNG, JPEG or GIF. */
const isPicture = (v: unknown): v is string =>
  isWebAddress(v) || (text(v, 200_000) && /^data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/=]+$/.test(v))

function matrixOf(value: unknown): GeographicMatrix | null {
  if (!isObject(value) || !text(value.id, 100)) return null
  const numbers = [
    'degreesPerPixel',
    'originLon',
    'originLat',
    'tileWidth',
    'tileHeight',
    'matrixWidth',
    'matrixHeight',
  ]
  if (!numbers.every((k) => finite(value[k]))) return null
  if ((value.degreesPerPixel as number) <= 0 || (value.tileWidth as number) < 1 || (value.tileHeight as number) < 1)
    return null
  return value as unknown as GeographicMatrix
}

function rasterOf(value: unknown): RasterTiles | null {
  if (!isObject(value) || !isWebAddress(value.template)) return null
  const template = value.template
  switch (value.scheme) {
    case 'xyz':
    case 'wms':
    case 'arcgis-tiles':
    case 'arcgis-export':
      return { scheme: value.scheme, template }
    case 'wmts-mercator': {
      const ids = value.matrixIds
      if (!Array.isArray(ids) || ids.length > 30 || !ids.every((id) => id === null || text(id, 100))) return null
      const tileSize = value.tileSize
      if (tileSize !== undefined && tileSize !== 256 && tileSize !== 512) return null
      return {
        scheme: 'wmts-mercator',
        template,
        matrixIds: ids as (string | null)[],
        ...(tileSize === 512 ? { tileSize: 512 } : {}),
      }
    }
    case 'wmts-geographic': {
      const matrices = Array.isArray(value.matrices) ? value.matrices.slice(0, 30).map(matrixOf) : []
      if (matrices.length === 0 || matrices.some((m) => m === null)) return null
      return { scheme: 'wmts-geographic', template, matrices: matrices as GeographicMatrix[] }
    }
    default:
      return null
  }
}

function boundsOf(value: unknown): LonLatBox | undefined {
  if (!Array.isArray(value) || value.length !== 4 || !value.every(finite)) return undefined
  const [w, s, e, n] = value as LonLatBox
  return w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90 ? [w, s, e, n] : undefined
}

function legendOf(value: unknown): ServiceLegend | undefined {
  if (!isObject(value)) return undefined
  const legend: ServiceLegend = {}
  if (isPicture(value.image)) legend.image = value.image
  if (Array.isArray(value.entries))
    legend.entries = value.entries
      .slice(0, 200)
      .filter((e): e is { label: string; image: string } => isObject(e) && text(e.label, 300) && isPicture(e.image))
      .map((e) => ({ label: e.label, image: e.image }))
  return legend.image || legend.entries?.length ? legend : undefined
}

export function parseServiceDefinition(value: unknown): ServiceDefinition | null {
  if (!isObject(value) || !KINDS.includes(value.kind as ServiceKind)) return null
  const kind = value.kind as ServiceKind
  if (!text(value.host, 300) || !text(value.title, 500) || !text(value.attribution, 1000)) return null
  if (value.crs !== 'WGS84' && value.crs !== 'GCJ-02') return null
  const pmtiles = isObject(value.pmtiles) ? value.pmtiles : null
  const fromFile = kind === 'pmtiles' && pmtiles?.fromFile === true
  if (fromFile ? !text(value.url, 300) : !isWebAddress(value.url)) return null
  const definition: ServiceDefinition = {
    kind,
    url: value.url as string,
    host: value.host,
    title: value.title,
    attribution: value.attribution,
    crs: value.crs,
  }
  if (value.raster !== undefined) {
    const raster = rasterOf(value.raster)
    if (!raster) return null
    definition.raster = raster
  }
  if (value.vector !== undefined) {
    const vector = value.vector
    if (!isObject(vector) || !Array.isArray(vector.sourceLayers)) return null
    const sourceLayers = vector.sourceLayers.filter((l): l is string => text(l, 200)).slice(0, 50)
    if (vector.template !== undefined && !isWebAddress(vector.template)) return null
    definition.vector = { ...(vector.template ? { template: vector.template as string } : {}), sourceLayers }
  }
  if (kind === 'pmtiles') {
    const tileType = pmtiles?.tileType
    if (!TILE_TYPES.includes(tileType as (typeof TILE_TYPES)[number])) return null
    definition.pmtiles = { tileType: tileType as (typeof TILE_TYPES)[number], fromFile }
  }
  if (!definition.raster && !definition.vector && kind !== 'pmtiles' && kind !== 'geojson') return null
  const bounds = boundsOf(value.bounds)
  if (bounds) definition.bounds = bounds
  for (const key of ['minzoom', 'maxzoom'] as const) {
    const zoom = value[key]
    if (finite(zoom) && zoom >= 0 && zoom <= 24) definition[key] = zoom
  }
  const legend = legendOf(value.legend)
  if (legend) definition.legend = legend
  if (finite(value.refreshMinutes) && value.refreshMinutes >= 0 && value.refreshMinutes <= 1440)
    definition.refreshMinutes = value.refreshMinutes
  return definition
}
