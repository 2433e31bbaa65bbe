/**
 * An ArcGIS Server MapServer (a county's 河长制 or 国土 map service) read from its REST description
 * (…/MapServer?f=json) into the one layer it offers, the whole map: its cache drawn as tiles when the
 * cache is in Web Mercator, else its export operation asked for a picture per Web Mercator tile. Its
 * legend (…/MapServer/legend?f=json) comes with small pictures as base64, kept as data: URLs.
 */
import { mercatorZoomOfResolution, mercatorZoomsOfScales, MERCATOR_HALF_WORLD } from './scale-sets'
import { quoteServiceText, refuse, serviceProblem } from './service-problem'
import { queryParts, withoutQuery } from './service-query'
import type {
  LonLatBox,
  RasterTiles,
  ServiceCrs,
  ServiceDefinition,
  ServiceLegendEntry,
  ServiceOffer,
  ServiceProblem,
} from './service-types'
import { hostOf } from './service-url'

export interface ArcgisMapServer {
  /** One layer, the whole map service (id 'map'). */
  offer: ServiceOffer
  /** The address the user gave. */
  url: string
  /** The service's address, …/MapServer. */
  base: string
  /** How a tile is fetched; null when neither way works (the offered layer's problem says why). */
  raster: RasterTiles | null
  bounds?: LonLatBox
  minzoom?: number
  maxzoom?: number
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')
const number = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)

const MERCATOR_WKIDS = new Set([102100, 3857, 102113, 900913])
const GEOGRAPHIC_WKIDS = new Set([4326, 4490])

/** The service's address: the URL up to …/MapServer (any case), without the query. */
export function arcgisServiceBase(url: string): string {
  const path = withoutQuery(url.trim())
  return /^(.*?\/mapserver)(?=\/|$)/i.exec(path)?.[1] ?? path.replace(/\/+$/, '')
}

/** The user's `token=…`, to carry on every request ('' when none). */
function tokenPart(url: string): string {
  return queryParts(url).find((part) => part.key === 'token')?.raw ?? ''
}

/** The service's description: …/MapServer?f=json (with the token, if the URL has one). */
export function arcgisJsonUrl(url: string): string {
  const token = tokenPart(url)
  return `${arcgisServiceBase(url)}?f=json${token ? `&${token}` : ''}`
}

/** The service's legend: …/MapServer/legend?f=json (with the token, if the URL has one). */
export function arcgisLegendUrl(url: string): string {
  const token = tokenPart(url)
  return `${arcgisServiceBase(url)}/legend?f=json${token ? `&${token}` : ''}`
}

/** Refuses an answer that is not an object, or ArcGIS's { error: { code, message, details } }. */
function answerObject(json: unknown, what: { zh: string; en: string }): Json {
  if (!isObject(json)) {
    const kind = json === null ? 'null' : Array.isArray(json) ? 'array' : typeof json
    refuse(`${what.zh}不是 JSON 对象（是 ${kind}）`, `${what.en} is not a JSON object (it is ${kind})`)
  }
  if (isObject(json.error)) {
    const error = json.error
    const details = Array.isArray(error.details) ? error.details.map(text) : []
    const said = quoteServiceText([text(error.message), ...details].filter(Boolean).join('; ') || '?')
    const code = number(error.code)
    refuse(
      `ArcGIS 服务器拒绝了请求：“${said}”${code !== null ? `（代码 ${code}）` : ''}`,
      `The ArcGIS server refused the request: "${said}"${code !== null ? ` (code ${code})` : ''}`,
    )
  }
  return json
}

function wkidsOf(spatialReference: unknown): number[] {
  if (!isObject(spatialReference)) return []
  return [number(spatialReference.wkid), number(spatialReference.latestWkid)].filter((v): v is number => v !== null)
}

/**
 * The zooms of the cache when it is Web Mercator's (102100/3857, 256-px tiles, the origin at the
 * world's top-left, every level's resolution, else scale, that of its web zoom); null otherwise.
 */
function mercatorCache(json: Json): { minzoom: number; maxzoom: number } | null {
  const tileInfo = json.tileInfo
  if (!isObject(tileInfo) || json.singleFusedMapCache === false) return null
  if (!wkidsOf(tileInfo.spatialReference).some((wkid) => MERCATOR_WKIDS.has(wkid))) return null
  if (number(tileInfo.rows) !== 256 || number(tileInfo.cols) !== 256) return null
  const origin = isObject(tileInfo.origin) ? tileInfo.origin : {}
  const x = number(origin.x)
  const y = number(origin.y)
  if (x === null || y === null || Math.abs(x + MERCATOR_HALF_WORLD) > 1 || Math.abs(y - MERCATOR_HALF_WORLD) > 1) {
    return null
  }
  const lods = Array.isArray(tileInfo.lods) ? tileInfo.lods.filter(isObject) : []
  const levels = lods.map((lod) => number(lod.level))
  if (lods.length === 0 || levels.some((level) => level === null)) return null
  const resolutions = lods.map((lod) => number(lod.resolution))
  const zooms = resolutions.every((resolution) => resolution !== null)
    ? resolutions.map((resolution) => mercatorZoomOfResolution(resolution!, 256))
    : mercatorZoomsOfScales(
        lods.map((lod) => number(lod.scale) ?? NaN),
        256,
      )
  if (!zooms || zooms.some((zoom, index) => zoom !== levels[index])) return null
  return { minzoom: Math.min(...(levels as number[])), maxzoom: Math.max(...(levels as number[])) }
}

/** fullExtent in degrees, when it is in degrees (4326, 4490) or in Web Mercator (102100, 3857). */
function extentBounds(extent: unknown): LonLatBox | undefined {
  if (!isObject(extent)) return undefined
  const values = [extent.xmin, extent.ymin, extent.xmax, extent.ymax].map(number)
  if (values.some((value) => value === null)) return undefined
  const [xmin, ymin, xmax, ymax] = values as number[]
  // An empty box (a point) says nothing of where the service draws, and a project file would not keep it
  // (parse-definition.ts): no bounds, rather than tiles cut to a speck around the point.
  if (xmin! >= xmax! || ymin! >= ymax!) return undefined
  const wkids = wkidsOf(extent.spatialReference)
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value))
  if (wkids.some((wkid) => GEOGRAPHIC_WKIDS.has(wkid))) {
    return [clamp(xmin!, 180), clamp(ymin!, 90), clamp(xmax!, 180), clamp(ymax!, 90)]
  }
  if (wkids.some((wkid) => MERCATOR_WKIDS.has(wkid))) {
    const lon = (metres: number) => clamp((metres / MERCATOR_HALF_WORLD) * 180, 180)
    const lat = (metres: number) =>
      (2 * Math.atan(Math.exp((clamp(metres, MERCATOR_HALF_WORLD) / MERCATOR_HALF_WORLD) * Math.PI)) - Math.PI / 2) *
      (180 / Math.PI)
    return [lon(xmin!), lat(ymin!), lon(xmax!), lat(ymax!)]
  }
  return undefined
}

/** ArcMap's default frame name says nothing of the map: "Layers" / "图层". */
const DEFAULT_MAP_NAMES = new Set(['layers', '图层'])

function serviceTitle(json: Json, base: string): string {
  const documentTitle = isObject(json.documentInfo) ? text(json.documentInfo.Title) : ''
  const mapName = text(json.mapName)
  const parts = base.split('/').filter(Boolean)
  const named =
    parts[parts.length - 1]?.toLowerCase() === 'mapserver' ? parts[parts.length - 2] : parts[parts.length - 1]
  let fromPath = named ?? ''
  try {
    fromPath = decodeURIComponent(fromPath)
  } catch {
    // A malformed escape: the name as written.
  }
  return documentTitle || (DEFAULT_MAP_NAMES.has(mapName.toLowerCase()) ? '' : mapName) || fromPath
}

/**
 * Reads a MapServer's REST description (`url`: the address the user gave). Refuses what is not an
 * object, ArcGIS's error answer (a token required, a service stopped), and a description of another
 * thing (a layer, a FeatureServer); a service that can be neither tiled nor exported is offered with
 * its problem.
 */
export function readArcgisMapServer(json: unknown, url: string): ArcgisMapServer {
  const answer = answerObject(json, { zh: 'ArcGIS 服务的回答', en: "The ArcGIS service's answer" })
  const isMapServer =
    typeof answer.mapName === 'string' || isObject(answer.tileInfo) || typeof answer.singleFusedMapCache === 'boolean'
  if (!isMapServer) {
    const layer = typeof answer.geometryType === 'string' || typeof answer.drawingInfo === 'object'
    refuse(
      `这不是 ArcGIS MapServer 的描述（没有 mapName 或 tileInfo）${layer ? '；它是一个图层，请使用 …/MapServer 的地址' : ''}`,
      `This is not an ArcGIS MapServer's description (no mapName or tileInfo)` +
        (layer ? '; it is one layer: use the …/MapServer address' : ''),
    )
  }
  const base = arcgisServiceBase(url)
  const token = tokenPart(url)
  const cache = mercatorCache(answer)
  const capabilities = typeof answer.capabilities === 'string' ? answer.capabilities : null
  const exports = capabilities === null || capabilities.split(',').some((item) => item.trim().toLowerCase() === 'map')
  let raster: RasterTiles | null = null
  let problem: ServiceProblem | null = null
  if (cache) {
    raster = { scheme: 'arcgis-tiles', template: `${base}/tile/{z}/{y}/{x}${token ? `?${token}` : ''}` }
  } else if (exports) {
    const params = 'bbox={bbox-epsg-3857}&bboxSR=3857&imageSR=3857&size=256,256&format=png32&transparent=true&f=image'
    raster = { scheme: 'arcgis-export', template: `${base}/export?${params}${token ? `&${token}` : ''}` }
  } else {
    const wkids = isObject(answer.tileInfo) ? wkidsOf(answer.tileInfo.spatialReference) : []
    const cached = wkids.length ? `切片在 WKID ${wkids[0]} 中` : '没有切片'
    const cachedEn = wkids.length ? `its cache is in WKID ${wkids[0]}` : 'it has no cache'
    problem = serviceProblem(
      `不能绘制：${cached}，不是 Web 墨卡托；服务也不允许动态出图（capabilities：${capabilities}）`,
      `cannot be drawn: ${cachedEn}, not Web Mercator, and the service does not export pictures ` +
        `(capabilities: ${capabilities})`,
    )
  }
  const title = serviceTitle(answer, base)
  const bounds = extentBounds(answer.fullExtent)
  const description = text(answer.serviceDescription) || text(answer.description)
  return {
    offer: {
      kind: 'arcgis',
      title,
      attribution: text(answer.copyrightText),
      layers: [
        {
          id: 'map',
          title,
          ...(description ? { abstract: quoteServiceText(description, 500) } : {}),
          ...(bounds ? { bounds } : {}),
          problem,
        },
      ],
      total: 1,
    },
    url,
    base,
    raster,
    ...(bounds ? { bounds } : {}),
    ...(cache ?? {}),
  }
}

/** The definition of the map service; refuses one that cannot be drawn. */
export function arcgisDefinition(
  service: ArcgisMapServer,
  crs: ServiceCrs = 'WGS84',
  legend?: ServiceLegendEntry[],
): ServiceDefinition {
  const layer = service.offer.layers[0]!
  if (!service.raster) {
    const problem = layer.problem ?? serviceProblem('不能绘制', 'cannot be drawn')
    refuse(`ArcGIS 服务“${layer.title}”${problem.zh}`, `The ArcGIS service "${layer.title}" ${problem.en}`)
  }
  return {
    kind: 'arcgis',
    url: service.url,
    host: hostOf(service.url),
    title: layer.title,
    attribution: service.offer.attribution,
    crs,
    raster: service.raster,
    ...(service.bounds ? { bounds: service.bounds } : {}),
    ...(service.minzoom !== undefined ? { minzoom: service.minzoom, maxzoom: service.maxzoom } : {}),
    ...(legend?.length ? { legend: { entries: legend } } : {}),
  }
}

const LEGEND_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif'])
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
/** A legend swatch is a few hundred bytes; a bigger picture is not kept in the project file. */
const MAX_IMAGE_CHARACTERS = 100_000

/**
 * The entries of a MapServer's legend answer: "layer: label" with its picture as a data: URL. Only
 * PNG, JPEG and GIF in well-formed base64 are kept; anything else is skipped (an image/svg+xml
 * could carry script). Refuses what is not a legend answer.
 */
export function readArcgisLegend(json: unknown): ServiceLegendEntry[] {
  const answer = answerObject(json, { zh: 'ArcGIS 图例的回答', en: "The ArcGIS legend's answer" })
  if (!Array.isArray(answer.layers)) {
    refuse('ArcGIS 图例的回答中没有 layers', "The ArcGIS legend's answer holds no layers")
  }
  const entries: ServiceLegendEntry[] = []
  for (const layer of answer.layers) {
    if (!isObject(layer) || !Array.isArray(layer.legend)) continue
    const layerName = text(layer.layerName)
    for (const item of layer.legend) {
      if (!isObject(item)) continue
      const contentType = text(item.contentType).toLowerCase()
      const imageData = typeof item.imageData === 'string' ? item.imageData.replace(/\s+/g, '') : ''
      const wellFormed = BASE64.test(imageData) && imageData.length % 4 === 0
      if (!LEGEND_TYPES.has(contentType) || !wellFormed || imageData.length > MAX_IMAGE_CHARACTERS) continue
      const label = text(item.label)
      entries.push({
        label: layerName && label ? `${layerName}: ${label}` : layerName || label,
        image: `data:${contentType};base64,${imageData}`,
      })
    }
  }
  return entries
}
