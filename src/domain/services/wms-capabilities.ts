/**
 * A WMS server's capabilities (GeoServer, MapServer, a province's 政务 map server; versions 1.3.0 and
 * 1.1.1) read into the layers the user may choose, and a chosen layer made into a GetMap template
 * the map fills per Web Mercator tile. The map draws in Web Mercator, so a layer offered only in
 * CGCS2000 (EPSG:4490) or a Gauss-Krüger zone is listed with the reason it cannot be drawn.
 */
import {
  capabilitiesRoot,
  childElement,
  childElements,
  childText,
  hrefOf,
  wrongRoot,
  type DocumentLabel,
} from './capabilities-xml'
import type { XmlElement } from '../text/xml-dom'
import { refuse, serviceProblem } from './service-problem'
import {
  appendQuery,
  operationUrl,
  queryValue,
  sameHost,
  userQueryParts,
  withoutOgcKeys,
  withoutQuery,
} from './service-query'
import type {
  LonLatBox,
  OfferedLayer,
  ServiceCrs,
  ServiceDefinition,
  ServiceOffer,
  ServiceProblem,
} from './service-types'
import { hostOf } from './service-url'

/** A layer the capabilities offer, with what making its GetMap template needs. */
export interface WmsLayer extends OfferedLayer {
  /** The CRSs it may be requested in, its parents' first (upper case: "EPSG:3857"). */
  crs: string[]
  /** The Web Mercator code it is requested in (EPSG:3857, else EPSG:900913, …); null when it has none. */
  mercatorCode: string | null
  /** Its style's LegendURL, its parents' when it has none of its own. */
  legendUrl: string | null
  /** Its Attribution's Title, its parents' when it has none of its own; '' when none. */
  attribution: string
}

/** The offer, its layers with what the GetMap template needs. */
export interface WmsOffer extends ServiceOffer {
  layers: WmsLayer[]
}

export interface WmsCapabilities {
  offer: WmsOffer
  /** The version the document is in (1.3.0, 1.1.1), and so the requests. */
  version: string
  /** The address the user gave. */
  url: string
  /** Where GetMap is requested, without OGC parameters. */
  getMapUrl: string
  /** Where GetLegendGraphic is requested, without OGC parameters. */
  legendGraphicUrl: string
  /** The picture format GetMap is asked for; null when the server offers no image format. */
  format: string | null
}

const LABEL: DocumentLabel = { zh: 'WMS 能力文档', en: 'The WMS capabilities' }

/** The codes of Web Mercator, in the order they are preferred when a layer lists several. */
const MERCATOR_CODES = ['EPSG:3857', 'EPSG:900913', 'EPSG:102100', 'EPSG:102113']

/** What a layer takes from the layers it is nested in (WMS 1.3.0, 7.2.4.8). */
interface Inherited {
  crs: string[]
  crsSet: Set<string>
  mercatorCode: string | null
  bounds: LonLatBox | undefined
  attribution: string
  legendUrl: string | null
}

/**
 * The image format GetMap is asked for: PNG (transparent), else PNG8, else JPEG, else any image.
 * `formats` are trimmed.
 */
function chooseFormat(formats: string[]): string | null {
  const lower = formats.map((format) => format.toLowerCase())
  for (const wanted of ['image/png', 'image/png8', 'image/jpeg']) {
    const at = lower.indexOf(wanted)
    if (at >= 0) return formats[at]!
  }
  return formats.find((format, index) => lower[index]!.startsWith('image/')) ?? null
}

function box(west: number, south: number, east: number, north: number): LonLatBox | undefined {
  // An empty box (a point) says nothing of where the service draws, and a project file would not keep it
  // (parse-definition.ts): no bounds, rather than tiles cut to a speck around the point.
  if (![west, south, east, north].every(Number.isFinite) || west >= east || south >= north) return undefined
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value))
  return [clamp(west, 180), clamp(south, 90), clamp(east, 180), clamp(north, 90)]
}

/** The layer's own geographic box: EX_GeographicBoundingBox (1.3.0) or LatLonBoundingBox (1.1.1). */
function ownBounds(layer: XmlElement): LonLatBox | undefined {
  const ex = childElement(layer, 'EX_GeographicBoundingBox')
  if (ex) {
    const read = (name: string) => Number(childText(ex, name) || NaN)
    return box(
      read('westBoundLongitude'),
      read('southBoundLatitude'),
      read('eastBoundLongitude'),
      read('northBoundLatitude'),
    )
  }
  const latLon = childElement(layer, 'LatLonBoundingBox')
  if (!latLon) return undefined
  const read = (name: string) => Number(latLon.getAttribute(name) ?? NaN)
  return box(read('minx'), read('miny'), read('maxx'), read('maxy'))
}

function ownLegendUrl(layer: XmlElement): string | null {
  for (const style of childElements(layer, 'Style')) {
    const href = hrefOf(childElement(style, 'LegendURL', 'OnlineResource'))
    if (href) return href
  }
  return null
}

/** What this layer inherits and adds; the parent's lists are shared when it adds nothing. */
function inherit(layer: XmlElement, parent: Inherited): Inherited {
  let crs = parent.crs
  let crsSet = parent.crsSet
  for (const element of [...childElements(layer, 'CRS'), ...childElements(layer, 'SRS')]) {
    // 1.1.0 servers, and some 1.1.1 ones, list several codes in one SRS.
    for (const code of element.textContent.trim().toUpperCase().split(/\s+/)) {
      if (!code || crsSet.has(code)) continue
      if (crs === parent.crs) {
        crs = [...parent.crs]
        crsSet = new Set(parent.crsSet)
      }
      crs.push(code)
      crsSet.add(code)
    }
  }
  const mercatorCode = MERCATOR_CODES.find((code) => crsSet.has(code)) ?? null
  const attribution = childText(childElement(layer, 'Attribution'), 'Title')
  return {
    crs,
    crsSet,
    mercatorCode,
    bounds: ownBounds(layer) ?? parent.bounds,
    attribution: attribution || parent.attribution,
    legendUrl: ownLegendUrl(layer) ?? parent.legendUrl,
  }
}

function crsProblem(crs: string[]): ServiceProblem {
  if (crs.length === 0) {
    return serviceProblem(
      '没有声明坐标系（CRS），不能叠加在 Web 墨卡托地图上',
      'declares no coordinate system (CRS); it cannot be drawn on a Web Mercator map',
    )
  }
  const first = crs.slice(0, 5)
  const more = crs.length - first.length
  return serviceProblem(
    `只提供 ${first.join('、')}${more ? ` 等 ${crs.length} 种坐标系` : ''}，不能叠加在 Web 墨卡托地图上`,
    `offers only ${first.join(', ')}${more ? ` and ${more} more` : ''}; it cannot be drawn on a Web Mercator map`,
  )
}

/** Every named layer, nested ones included, in document order; one pass over the layer tree. */
function readLayers(capability: XmlElement, formatProblem: ServiceProblem | null): WmsLayer[] {
  const layers: WmsLayer[] = []
  const seen = new Set<string>()
  const top: Inherited = {
    crs: [],
    crsSet: new Set(),
    mercatorCode: null,
    bounds: undefined,
    attribution: '',
    legendUrl: null,
  }
  const stack: { element: XmlElement; parent: Inherited }[] = childElements(capability, 'Layer')
    .reverse()
    .map((element) => ({ element, parent: top }))
  while (stack.length) {
    const { element, parent } = stack.pop()!
    const here = inherit(element, parent)
    const name = childText(element, 'Name')
    if (name && !seen.has(name)) {
      seen.add(name)
      const abstract = childText(element, 'Abstract')
      layers.push({
        id: name,
        title: childText(element, 'Title') || name,
        ...(abstract ? { abstract } : {}),
        ...(here.bounds ? { bounds: here.bounds } : {}),
        problem: formatProblem ?? (here.mercatorCode ? null : crsProblem(here.crs)),
        crs: here.crs,
        mercatorCode: here.mercatorCode,
        legendUrl: here.legendUrl,
        attribution: here.attribution,
      })
    }
    const children = childElements(element, 'Layer')
    for (let i = children.length - 1; i >= 0; i--) stack.push({ element: children[i]!, parent: here })
  }
  return layers
}

/**
 * Reads a WMS GetCapabilities answer (`url`: the address the user gave). Refuses what is not XML,
 * an exception report, another kind of document, and a service without a named layer.
 */
export function readWmsCapabilities(text: string, url: string): WmsCapabilities {
  const root = capabilitiesRoot(text, LABEL)
  const modern = root.localName === 'WMS_Capabilities'
  if (!modern && root.localName !== 'WMT_MS_Capabilities') {
    wrongRoot(root, LABEL, {
      zh: '<WMS_Capabilities>（1.3.0）或 <WMT_MS_Capabilities>（1.1.1）',
      en: '<WMS_Capabilities> (1.3.0) or <WMT_MS_Capabilities> (1.1.1)',
    })
  }
  const version = root.getAttribute('version')?.trim() || (modern ? '1.3.0' : '1.1.1')
  const capability = childElement(root, 'Capability')
  if (!capability) refuse(`${LABEL.zh}中没有 <Capability>`, `${LABEL.en} hold no <Capability>`)
  const request = childElement(capability, 'Request')
  const getMap = childElement(request, 'GetMap')
  const onlineResource = (operation: XmlElement | undefined) =>
    operationUrl(hrefOf(childElement(operation, 'DCPType', 'HTTP', 'Get', 'OnlineResource')), url)
  const getMapUrl = withoutOgcKeys(onlineResource(getMap) ?? withoutQuery(url))
  const legendGraphic = onlineResource(childElement(request, 'GetLegendGraphic'))
  const formats = getMap ? childElements(getMap, 'Format').map((element) => element.textContent.trim()) : []
  const format = chooseFormat(formats)
  const offered = formats.slice(0, 5)
  const formatProblem = format
    ? null
    : serviceProblem(
        `不能绘制：服务器的 GetMap 不提供图片格式（提供：${offered.join('、') || '无'}）`,
        `cannot be drawn: the server's GetMap offers no image format (it offers: ${offered.join(', ') || 'none'})`,
      )
  const layers = readLayers(capability, formatProblem)
  if (layers.length === 0) {
    refuse(
      `${LABEL.zh}中没有可请求的图层（带 <Name> 的 <Layer>）`,
      `${LABEL.en} list no layer that can be requested (a <Layer> with a <Name>)`,
    )
  }
  const service = childElement(root, 'Service')
  const firstLayer = childElement(capability, 'Layer')
  return {
    offer: {
      kind: 'wms',
      title: childText(service, 'Title') || childText(firstLayer, 'Title'),
      attribution: childText(childElement(firstLayer, 'Attribution'), 'Title'),
      layers,
      total: layers.length,
    },
    version,
    url,
    getMapUrl,
    legendGraphicUrl: legendGraphic ? withoutOgcKeys(legendGraphic) : getMapUrl,
    format,
  }
}

/** The layer's legend: its style's LegendURL, else GetLegendGraphic. */
function legendImage(caps: WmsCapabilities, layer: WmsLayer, extra: string[]): string {
  if (layer.legendUrl) {
    const href = operationUrl(layer.legendUrl, caps.url) ?? layer.legendUrl
    const ours = sameHost(href, caps.url) || sameHost(href, caps.getMapUrl)
    return ours ? appendQuery(href, extra) : href
  }
  const params = [
    'SERVICE=WMS',
    'REQUEST=GetLegendGraphic',
    `VERSION=${queryValue(caps.version)}`,
    'FORMAT=image/png',
    `LAYER=${queryValue(layer.id)}`,
  ]
  return appendQuery(caps.legendGraphicUrl, [...params, ...extra])
}

/**
 * The definition of one offered layer: a GetMap template in Web Mercator, 256 px, transparent, with
 * the user's own parameters (天地图's `tk`) kept. Refuses a layer the document does not offer and one
 * that cannot be drawn (the offered layer's problem).
 */
export function wmsLayerDefinition(
  caps: WmsCapabilities,
  layerId: string,
  crs: ServiceCrs = 'WGS84',
): ServiceDefinition {
  const layer = caps.offer.layers.find((item) => item.id === layerId)
  if (!layer) refuse(`${LABEL.zh}中没有图层“${layerId}”`, `${LABEL.en} list no layer "${layerId}"`)
  if (layer.problem || !layer.mercatorCode || !caps.format) {
    const problem = layer.problem ?? crsProblem(layer.crs)
    refuse(`图层“${layer.title}”${problem.zh}`, `The layer "${layer.title}" ${problem.en}`)
  }
  const extra = userQueryParts(caps.url)
  const crsKey = caps.version.startsWith('1.3') ? 'CRS' : 'SRS'
  const params = [
    'SERVICE=WMS',
    `VERSION=${queryValue(caps.version)}`,
    'REQUEST=GetMap',
    `LAYERS=${queryValue(layer.id)}`,
    'STYLES=',
    `FORMAT=${queryValue(caps.format)}`,
    'TRANSPARENT=TRUE',
    'WIDTH=256',
    'HEIGHT=256',
    `${crsKey}=${layer.mercatorCode}`,
    'BBOX={bbox-epsg-3857}',
  ]
  return {
    kind: 'wms',
    url: caps.url,
    host: hostOf(caps.url),
    title: layer.title,
    attribution: layer.attribution,
    crs,
    raster: { scheme: 'wms', template: appendQuery(caps.getMapUrl, [...params, ...extra]) },
    ...(layer.bounds ? { bounds: layer.bounds } : {}),
    legend: { image: legendImage(caps, layer, extra) },
  }
}
