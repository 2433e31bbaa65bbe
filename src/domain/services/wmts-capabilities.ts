/**
 * A WMTS server's capabilities (天地图, GeoServer's GeoWebCache, ArcGIS Server) read into the layers the
 * user may choose and the tile matrix sets each is offered in, and a chosen layer and set made into
 * a tile template. Each set is classified: Web Mercator (天地图's `w`: drawn as it is, one matrix per
 * web zoom), geographic (天地图's `c`, EPSG:4490/4326: resampled into Web Mercator tiles by
 * geographic-tiles.ts), or other (a Gauss-Krüger zone: listed with the reason it cannot be drawn).
 */
import {
  capabilitiesRoot,
  childElement,
  childElements,
  childText,
  hrefOf,
  numbersIn,
  wrongRoot,
  type DocumentLabel,
} from './capabilities-xml'
import type { XmlElement } from '../text/xml-dom'
import {
  geographicDegreesPerPixel,
  MERCATOR_HALF_WORLD,
  mercatorZoomsOfScales,
  webZoomOfDegreesPerPixel,
} from './scale-sets'
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
  GeographicMatrix,
  LonLatBox,
  OfferedLayer,
  RasterTiles,
  ServiceCrs,
  ServiceDefinition,
  ServiceOffer,
  ServiceProblem,
} from './service-types'
import { hostOf } from './service-url'

/** One TileMatrix as the document writes it. */
export interface WmtsMatrix {
  id: string
  scaleDenominator: number
  /** TopLeftCorner's two numbers in the order written. */
  topLeft: [number, number]
  tileWidth: number
  tileHeight: number
  matrixWidth: number
  matrixHeight: number
}

/** A TileMatrixSet, classified. */
export interface WmtsMatrixSet {
  id: string
  /** SupportedCRS as written (urn:ogc:def:crs:EPSG::4490, EPSG:900913, …). */
  crs: string
  kind: 'mercator' | 'geographic' | 'other'
  /** Null when the set can be drawn; otherwise why not. */
  problem: ServiceProblem | null
  matrices: WmtsMatrix[]
  /** Mercator: the matrix drawn at each web zoom (null where the set has none), and the tiles' size. */
  matrixIds?: (string | null)[]
  tileSize?: number
  /** Geographic: the matrices as geographic-tiles.ts reads them, coarsest first. */
  geographic?: GeographicMatrix[]
  /**
   * The web zooms the set serves. Mercator: its first and last matrix. Geographic: the web zoom whose
   * 256-px tiles have the pixel width (in longitude) of its coarsest and of its finest matrix,
   * log2(360 / 256 / degreesPerPixel) rounded: 天地图's `c` level n is web zoom n.
   */
  minzoom?: number
  maxzoom?: number
}

/** A layer the capabilities offer, with what making its tile template needs. */
export interface WmtsLayer extends OfferedLayer {
  matrixSets: NonNullable<OfferedLayer['matrixSets']>
  /** The format requested (PNG preferred, else JPEG, else the first); null when it names none. */
  format: string | null
  /** The style requested: the default one, else the first ('default' when it names none). */
  style: string
  legendUrl: string | null
  /** RESTful tile templates (ResourceURL resourceType="tile"), as written. */
  resourceUrls: { format: string; template: string }[]
  /** Dimensions (time, elevation) with the default value each is requested at. */
  dimensions: { id: string; value: string }[]
}

/** The offer, its layers with what the tile template needs. */
export interface WmtsOffer extends ServiceOffer {
  layers: WmtsLayer[]
}

export interface WmtsCapabilities {
  offer: WmtsOffer
  /** The address the user gave. */
  url: string
  /** Where GetTile is requested by KVP, without OGC parameters. */
  getTileUrl: string
  matrixSets: WmtsMatrixSet[]
}

const LABEL: DocumentLabel = { zh: 'WMTS 能力文档', en: 'The WMTS capabilities' }

const MERCATOR_CODES = new Set(['EPSG:3857', 'EPSG:900913', 'EPSG:102100', 'EPSG:102113', 'EPSG:3785'])
const GEOGRAPHIC_CODES = new Set(['EPSG:4490', 'EPSG:4326', 'CRS84'])

/**
 * The CRS a SupportedCRS names, in short: EPSG:n (from EPSG:n, urn:ogc:def:crs:EPSG::n,
 * urn:ogc:def:crs:EPSG:6.18.3:n, …/def/crs/EPSG/0/n) or CRS84; null for anything else.
 */
export function crsCode(written: string): string | null {
  const text = written.trim()
  if (/crs:?84$/i.test(text)) return 'CRS84'
  if (!/epsg/i.test(text)) return null
  const code = /(\d+)$/.exec(text)?.[1]
  return code ? `EPSG:${Number(code)}` : null
}

function readMatrix(element: XmlElement): WmtsMatrix | null {
  const topLeft = numbersIn(childText(element, 'TopLeftCorner'), 2)
  const read = (name: string) => Number(childText(element, name) || NaN)
  const matrix = {
    id: childText(element, 'Identifier'),
    scaleDenominator: read('ScaleDenominator'),
    topLeft: (topLeft ?? [NaN, NaN]) as [number, number],
    tileWidth: read('TileWidth'),
    tileHeight: read('TileHeight'),
    matrixWidth: read('MatrixWidth'),
    matrixHeight: read('MatrixHeight'),
  }
  const whole = [matrix.tileWidth, matrix.tileHeight, matrix.matrixWidth, matrix.matrixHeight]
  const fine =
    matrix.id !== '' &&
    topLeft !== null &&
    matrix.scaleDenominator > 0 &&
    whole.every((value) => Number.isInteger(value) && value > 0)
  return fine ? matrix : null
}

/** What classifying a set adds to its identifier, CRS and matrices. */
type Classified = Omit<WmtsMatrixSet, 'id' | 'crs' | 'matrices'>

function notDrawable(id: string, crs: string, zh: string, en: string): Classified {
  return { kind: 'other', problem: serviceProblem(`矩阵集“${id}”（${crs}）${zh}`, `matrix set "${id}" (${crs}) ${en}`) }
}

function mercatorSet(id: string, crs: string, matrices: WmtsMatrix[]): Classified {
  const tileSize = matrices[0]!.tileWidth
  if (matrices.some((matrix) => matrix.tileWidth !== tileSize || matrix.tileHeight !== tileSize)) {
    return notDrawable(id, crs, '的瓦片不是同样大小的正方形', 'has tiles that are not squares of one size')
  }
  const offCorner = matrices.find(
    ({ topLeft: [x, y] }) => Math.abs(x + MERCATOR_HALF_WORLD) > 1 || Math.abs(y - MERCATOR_HALF_WORLD) > 1,
  )
  if (offCorner) {
    const corner = offCorner.topLeft.join(' ')
    return notDrawable(
      id,
      crs,
      `的矩阵“${offCorner.id}”左上角是 ${corner}，不是 Web 墨卡托的 -20037508.34 20037508.34`,
      `has matrix "${offCorner.id}" with its top-left corner at ${corner}, not Web Mercator's -20037508.34 20037508.34`,
    )
  }
  const zooms = mercatorZoomsOfScales(
    matrices.map((matrix) => matrix.scaleDenominator),
    tileSize,
  )
  if (!zooms) {
    const scales = matrices
      .slice(0, 3)
      .map((matrix) => `1:${matrix.scaleDenominator}`)
      .join('、')
    return notDrawable(
      id,
      crs,
      `的比例尺（${scales}…）不是 Web 墨卡托的标准级别`,
      `does not use the standard Web Mercator levels (scales ${scales.replace(/、/g, ', ')}, …)`,
    )
  }
  const matrixIds: (string | null)[] = Array.from({ length: Math.max(...zooms) + 1 }, () => null)
  zooms.forEach((z, index) => (matrixIds[z] ??= matrices[index]!.id))
  return {
    kind: 'mercator',
    problem: null,
    matrixIds,
    tileSize,
    minzoom: Math.min(...zooms),
    maxzoom: Math.max(...zooms),
  }
}

/**
 * The matrices of a geographic set. TopLeftCorner is "lat lon" in EPSG:4326 and 4490 and "lon lat"
 * in CRS84; a number beyond ±90 can only be the longitude, whatever the CRS says (天地图's "90.0 -180.0"
 * is latitude first either way, but servers have written both).
 */
function geographicSet(code: string, matrices: WmtsMatrix[]): Classified {
  const sizes = geographicDegreesPerPixel(
    matrices.map((matrix) => ({ scale: matrix.scaleDenominator, tileWidth: matrix.tileWidth })),
  )
  const geographic = matrices.map((matrix, index): GeographicMatrix => {
    const [a, b] = matrix.topLeft
    const lonFirst = Math.abs(a) > 90 && Math.abs(b) <= 90 ? true : Math.abs(b) > 90 ? false : code === 'CRS84'
    return {
      id: matrix.id,
      degreesPerPixel: sizes[index]!,
      originLon: lonFirst ? a : b,
      originLat: lonFirst ? b : a,
      tileWidth: matrix.tileWidth,
      tileHeight: matrix.tileHeight,
      matrixWidth: matrix.matrixWidth,
      matrixHeight: matrix.matrixHeight,
    }
  })
  geographic.sort((p, q) => q.degreesPerPixel - p.degreesPerPixel)
  const zoom = (dpp: number) => Math.min(24, Math.max(0, Math.round(webZoomOfDegreesPerPixel(dpp))))
  return {
    kind: 'geographic',
    problem: null,
    geographic,
    minzoom: zoom(geographic[0]!.degreesPerPixel),
    maxzoom: zoom(geographic[geographic.length - 1]!.degreesPerPixel),
  }
}

function readMatrixSet(element: XmlElement): WmtsMatrixSet {
  const id = childText(element, 'Identifier')
  const crs = childText(element, 'SupportedCRS')
  const read = childElements(element, 'TileMatrix').map(readMatrix)
  const matrices = read.filter((matrix): matrix is WmtsMatrix => matrix !== null)
  const set = { id, crs, matrices }
  const code = crsCode(crs)
  if (read.length === 0 || matrices.length < read.length) {
    const zh = read.length ? '的矩阵缺少数字或数字有误' : '没有矩阵（TileMatrix）'
    const en = read.length ? 'has a matrix with missing or wrong numbers' : 'has no TileMatrix'
    return { ...set, ...notDrawable(id, crs, zh, en) }
  }
  if (code && MERCATOR_CODES.has(code)) return { ...set, ...mercatorSet(id, crs, matrices) }
  if (code && GEOGRAPHIC_CODES.has(code)) return { ...set, ...geographicSet(code, matrices) }
  return {
    ...set,
    ...notDrawable(
      id,
      crs || '?',
      '不是 Web 墨卡托或经纬度坐标系，不能叠加在 Web 墨卡托地图上',
      'is neither Web Mercator nor longitude and latitude; it cannot be drawn on a Web Mercator map',
    ),
  }
}

/** PNG (transparent) first, else JPEG, else the first format named (天地图 names `tiles`). */
function chooseFormat(formats: string[]): string | null {
  const lower = formats.map((format) => format.toLowerCase())
  for (const wanted of ['image/png', 'image/jpeg', 'image/jpg']) {
    const at = lower.indexOf(wanted)
    if (at >= 0) return formats[at]!
  }
  return formats[0] ?? null
}

function readBounds(layer: XmlElement): LonLatBox | undefined {
  const box = childElement(layer, 'WGS84BoundingBox')
  const lower = numbersIn(childText(box, 'LowerCorner'), 2)
  const upper = numbersIn(childText(box, 'UpperCorner'), 2)
  // An empty box (a point) says nothing of where the service draws, and a project file would not keep it
  // (parse-definition.ts): no bounds, rather than tiles cut to a speck around the point.
  if (!lower || !upper || lower[0]! >= upper[0]! || lower[1]! >= upper[1]!) return undefined
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value))
  return [clamp(lower[0]!, 180), clamp(lower[1]!, 90), clamp(upper[0]!, 180), clamp(upper[1]!, 90)]
}

const KIND_ORDER = { mercator: 0, geographic: 1, other: 2 }

function readLayer(element: XmlElement, sets: Map<string, WmtsMatrixSet>): WmtsLayer {
  const id = childText(element, 'Identifier')
  const resourceUrls = childElements(element, 'ResourceURL')
    .filter((resource) => resource.getAttribute('resourceType')?.toLowerCase() === 'tile')
    .map((resource) => ({
      format: resource.getAttribute('format')?.trim() ?? '',
      template: resource.getAttribute('template')?.trim() ?? '',
    }))
    .filter((resource) => resource.template !== '')
  const formats = childElements(element, 'Format').map((format) => format.textContent.trim())
  for (const resource of resourceUrls)
    if (resource.format && !formats.includes(resource.format)) formats.push(resource.format)
  const styles = childElements(element, 'Style')
  const style = styles.find((item) => item.getAttribute('isDefault')?.trim() === 'true') ?? styles[0]
  const matrixSets = childElements(element, 'TileMatrixSetLink')
    .map((link) => childText(link, 'TileMatrixSet'))
    .filter(Boolean)
    .map((setId) => {
      const set = sets.get(setId)
      return set
        ? { id: setId, kind: set.kind, problem: set.problem }
        : {
            id: setId,
            kind: 'other' as const,
            problem: serviceProblem(`能力文档中没有矩阵集“${setId}”`, `the capabilities hold no matrix set "${setId}"`),
          }
    })
    .sort((p, q) => KIND_ORDER[p.kind] - KIND_ORDER[q.kind])
  const format = chooseFormat(formats)
  const bounds = readBounds(element)
  const abstract = childText(element, 'Abstract')
  return {
    id,
    title: childText(element, 'Title') || id,
    ...(abstract ? { abstract } : {}),
    ...(bounds ? { bounds } : {}),
    problem: layerProblem(matrixSets, format, resourceUrls.length > 0),
    matrixSets,
    format,
    style: childText(style, 'Identifier') || 'default',
    legendUrl: hrefOf(childElement(style, 'LegendURL')),
    resourceUrls,
    dimensions: childElements(element, 'Dimension').map((dimension) => ({
      id: childText(dimension, 'Identifier'),
      value: childText(dimension, 'Default') || childText(dimension, 'Value'),
    })),
  }
}

function layerProblem(sets: WmtsLayer['matrixSets'], format: string | null, restful: boolean): ServiceProblem | null {
  if (!format && !restful) return serviceProblem('没有声明瓦片格式（Format）', 'names no tile format (Format)')
  if (sets.length === 0)
    return serviceProblem('没有矩阵集（TileMatrixSetLink）', 'is linked to no matrix set (TileMatrixSetLink)')
  if (sets.some((set) => set.problem === null)) return null
  const listed = sets.slice(0, 5)
  return serviceProblem(
    `没有能叠加在 Web 墨卡托地图上的矩阵集：${listed.map((set) => set.problem!.zh).join('；')}`,
    `has no matrix set that can be drawn on a Web Mercator map: ${listed.map((set) => set.problem!.en).join('; ')}`,
  )
}

/** The KVP GetTile address: the OperationsMetadata Get that allows KVP (or says nothing of encodings). */
function getTileHref(root: XmlElement): string | null {
  const metadata = childElement(root, 'OperationsMetadata')
  const operation =
    metadata && childElements(metadata, 'Operation').find((item) => item.getAttribute('name') === 'GetTile')
  const http = childElement(operation, 'DCP', 'HTTP')
  const gets = http ? childElements(http, 'Get') : []
  const encodings = (get: XmlElement) =>
    childElements(get, 'Constraint')
      .filter((constraint) => constraint.getAttribute('name') === 'GetEncoding')
      .flatMap((constraint) => {
        const allowed = childElement(constraint, 'AllowedValues')
        return allowed ? childElements(allowed, 'Value') : []
      })
      .map((value) => value.textContent.trim().toUpperCase())
  const kvp = gets.find((get) => encodings(get).includes('KVP')) ?? gets.find((get) => encodings(get).length === 0)
  return hrefOf(kvp)
}

/**
 * Reads a WMTS GetCapabilities answer (`url`: the address the user gave). Refuses what is not XML,
 * an exception report, another kind of document, and a service without layers.
 */
export function readWmtsCapabilities(text: string, url: string): WmtsCapabilities {
  const root = capabilitiesRoot(text, LABEL)
  if (root.localName !== 'Capabilities') wrongRoot(root, LABEL, { zh: '<Capabilities>', en: '<Capabilities>' })
  const contents = childElement(root, 'Contents')
  if (!contents) refuse(`${LABEL.zh}中没有 <Contents>`, `${LABEL.en} hold no <Contents>`)
  const matrixSets = childElements(contents, 'TileMatrixSet').map(readMatrixSet)
  const byId = new Map(matrixSets.map((set) => [set.id, set]))
  const layers: WmtsLayer[] = []
  const seen = new Set<string>()
  for (const element of childElements(contents, 'Layer')) {
    const layer = readLayer(element, byId)
    if (!layer.id || seen.has(layer.id)) continue
    seen.add(layer.id)
    layers.push(layer)
  }
  if (layers.length === 0) refuse(`${LABEL.zh}中没有图层（<Layer>）`, `${LABEL.en} list no layer (<Layer>)`)
  const getTile = operationUrl(getTileHref(root), url) ?? withoutQuery(url)
  return {
    offer: {
      kind: 'wmts',
      title: childText(childElement(root, 'ServiceIdentification'), 'Title'),
      attribution: childText(childElement(root, 'ServiceProvider'), 'ProviderName'),
      layers,
      total: layers.length,
    },
    url,
    getTileUrl: withoutOgcKeys(getTile),
    matrixSets,
  }
}

/** A RESTful template with the style, the matrix set and the dimensions filled, the tile's placeholders kept. */
function restfulTemplate(template: string, layer: WmtsLayer, setId: string): string {
  let filled = template
    .replace(/\{style\}/gi, queryValue(layer.style))
    .replace(/\{tilematrixset\}/gi, queryValue(setId))
    .replace(/\{tilematrix\}/gi, '{TileMatrix}')
    .replace(/\{tilerow\}/gi, '{TileRow}')
    .replace(/\{tilecol\}/gi, '{TileCol}')
  for (const dimension of layer.dimensions) {
    const placeholder = new RegExp(`\\{${dimension.id.replace(/[^\w-]/g, '\\$&')}\\}`, 'gi')
    filled = filled.replace(placeholder, queryValue(dimension.value))
  }
  return filled
}

function tileTemplate(caps: WmtsCapabilities, layer: WmtsLayer, setId: string): string {
  const extra = userQueryParts(caps.url)
  const resource = layer.resourceUrls.find((item) => item.format === layer.format) ?? layer.resourceUrls[0]
  if (resource) {
    const template = operationUrl(restfulTemplate(resource.template, layer, setId), caps.url)
    if (template) return sameHost(template, caps.url) ? appendQuery(template, extra) : template
  }
  const params = [
    'SERVICE=WMTS',
    'REQUEST=GetTile',
    'VERSION=1.0.0',
    `LAYER=${queryValue(layer.id)}`,
    `STYLE=${queryValue(layer.style)}`,
    `TILEMATRIXSET=${queryValue(setId)}`,
    `FORMAT=${queryValue(layer.format ?? '')}`,
    'TILEMATRIX={TileMatrix}',
    'TILEROW={TileRow}',
    'TILECOL={TileCol}',
    ...layer.dimensions.filter((dimension) => dimension.id).map((d) => `${queryValue(d.id)}=${queryValue(d.value)}`),
  ]
  return appendQuery(caps.getTileUrl, [...params, ...extra])
}

/**
 * The definition of one offered layer in one of its matrix sets. Refuses a layer or set the document
 * does not offer, a set not linked to the layer, and one that cannot be drawn.
 */
export function wmtsLayerDefinition(
  caps: WmtsCapabilities,
  layerId: string,
  matrixSetId: string,
  crs: ServiceCrs = 'WGS84',
): ServiceDefinition {
  const layer = caps.offer.layers.find((item) => item.id === layerId)
  if (!layer) refuse(`${LABEL.zh}中没有图层“${layerId}”`, `${LABEL.en} list no layer "${layerId}"`)
  const linked = layer.matrixSets.find((set) => set.id === matrixSetId)
  if (!linked) {
    const offered = layer.matrixSets.map((set) => set.id)
    refuse(
      `图层“${layer.title}”没有矩阵集“${matrixSetId}”（它有：${offered.join('、') || '无'}）`,
      `The layer "${layer.title}" has no matrix set "${matrixSetId}" (it has: ${offered.join(', ') || 'none'})`,
    )
  }
  const set = caps.matrixSets.find((item) => item.id === matrixSetId)
  // A drawable set leaves the layer only the problem of naming no format (layerProblem).
  const problem = linked.problem ?? layer.problem
  if (!set || problem) {
    const said = problem ?? linked.problem!
    refuse(`图层“${layer.title}”不能绘制：${said.zh}`, `The layer "${layer.title}" cannot be drawn: ${said.en}`)
  }
  const template = tileTemplate(caps, layer, matrixSetId)
  const raster: RasterTiles =
    set.kind === 'mercator'
      ? {
          scheme: 'wmts-mercator',
          template,
          matrixIds: set.matrixIds!,
          ...(set.tileSize !== 256 ? { tileSize: set.tileSize } : {}),
        }
      : { scheme: 'wmts-geographic', template, matrices: set.geographic! }
  return {
    kind: 'wmts',
    url: caps.url,
    host: hostOf(caps.url),
    title: layer.title,
    attribution: caps.offer.attribution,
    crs,
    raster,
    ...(layer.bounds ? { bounds: layer.bounds } : {}),
    ...(set.minzoom !== undefined ? { minzoom: set.minzoom, maxzoom: set.maxzoom } : {}),
    ...(layer.legendUrl ? { legend: { image: legendImage(caps, layer.legendUrl) } } : {}),
  }
}

function legendImage(caps: WmtsCapabilities, href: string): string {
  const url = operationUrl(href, caps.url) ?? href
  return sameHost(url, caps.url) ? appendQuery(url, userQueryParts(caps.url)) : url
}
