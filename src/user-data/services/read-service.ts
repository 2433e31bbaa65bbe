/**
 * Reading a service the user named, before it becomes a layer: its capabilities (WMS, WMTS; read in
 * a worker, capabilities-client.ts), its description (ArcGIS MapServer), one of its tiles (a vector
 * tile template: which layers it has), or an archive's header (PMTiles). The answer is either a
 * list of layers to choose from, with the way to make the chosen one's definition, or a definition
 * ready to add. Every refusal is a ServiceReadError in both languages, naming the service; the
 * network's own failures keep their types (NetworkTimeoutError, HttpStatusError, TypeError) for the
 * dialog to say.
 */
import { FileSource, PMTiles, TileType } from 'pmtiles'
import type { ServiceCrs, ServiceDefinition, ServiceKind, ServiceOffer } from '../../domain/services/service-types'
import { ServiceReadError } from '../../domain/services/service-problem'
import { capabilitiesUrl, hostOf, serviceUrlProblem, tileTemplateProblem } from '../../domain/services/service-url'
import { wmsLayerDefinition } from '../../domain/services/wms-capabilities'
import { wmtsLayerDefinition } from '../../domain/services/wmts-capabilities'
import { readWmsInWorker, readWmtsInWorker } from './capabilities-client'
import {
  arcgisDefinition,
  arcgisJsonUrl,
  arcgisLegendUrl,
  readArcgisLegend,
  readArcgisMapServer,
} from '../../domain/services/arcgis-rest'
import { mvtLayerNames } from '../../domain/services/mvt-layer-names'
import type { FeatureCollection } from 'geojson'
import { fetchRemoteGeojson } from './remote-geojson'
import { fetchWithTimeout, networkTimeoutMs, NetworkTimeoutError, withDeadline } from '../../settings/network-timeouts'

/** The largest capabilities document read (a WMS listing thousands of layers is a few MB). */
const MAX_CAPABILITIES_BYTES = 20 * 1024 * 1024

export type ServiceReading =
  | {
      kind: 'offer'
      offer: ServiceOffer
      /** The chosen layer's definition (WMTS: in the chosen matrix set). */
      define(layerId: string, matrixSetId: string | null, crs: ServiceCrs): ServiceDefinition
    }
  | { kind: 'ready'; definition: ServiceDefinition; file?: Blob; collection?: FeatureCollection }

export interface ServiceRequest {
  kind: ServiceKind
  url: string
  /** A PMTiles archive chosen as a file (then `url` is ignored). */
  file?: File | null
  crs: ServiceCrs
  /** GeoJSON at an address: fetched again every so many minutes (0: once). */
  refreshMinutes?: number
}

async function text(url: string): Promise<string> {
  return fetchWithTimeout(url, networkTimeoutMs('service'), async (response) => {
    const body = await response.arrayBuffer()
    if (body.byteLength > MAX_CAPABILITIES_BYTES)
      throw new ServiceReadError({
        zh: `服务的说明文档超过 ${MAX_CAPABILITIES_BYTES / 1024 / 1024} MB，未读取。`,
        en: `The service's document is over ${MAX_CAPABILITIES_BYTES / 1024 / 1024} MB; not read.`,
      })
    return new TextDecoder().decode(body)
  })
}

function checkedUrl(url: string): string {
  const problem = serviceUrlProblem(url)
  if (problem) throw new ServiceReadError(problem)
  return url.trim()
}

const PMTILES_TYPES: Partial<Record<TileType, 'mvt' | 'png' | 'jpeg' | 'webp'>> = {
  [TileType.Mvt]: 'mvt',
  [TileType.Png]: 'png',
  [TileType.Jpeg]: 'jpeg',
  [TileType.Webp]: 'webp',
}

function notAnArchive(url: string, error: unknown): { zh: string; en: string } {
  return {
    zh: `${url} 不是 PMTiles 文件（${(error as Error).message}）。`,
    en: `${url} is not a PMTiles archive (${(error as Error).message}).`,
  }
}

/**
 * The pmtiles reader's own words for a server that is not the archive's fault: it sent the whole file
 * (no byte ranges) or an HTTP error. Either would read "not a PMTiles archive" otherwise, which sends the
 * user looking at the file when the server is what to change.
 */
function archiveAtAddressProblem(url: string, error: unknown): { zh: string; en: string } {
  const message = (error as Error).message
  if (/HTTP Byte Serving|no content-length/i.test(message))
    return {
      zh: `${url} 的服务器不支持按字节范围读取（HTTP Range），按地址读取 PMTiles 需要它；请换用支持的存储，或下载后选择文件。`,
      en:
        `the server of ${url} does not answer byte ranges (HTTP Range), which reading a PMTiles archive by its ` +
        'address needs: serve it from storage that does, or download it and choose the file.',
    }
  const status = /^Bad response code: (\d+)$/.exec(message)
  if (status)
    return { zh: `${url} 返回 HTTP ${status[1]}，未能读取 PMTiles 文件。`, en: `${url} answered HTTP ${status[1]}.` }
  return notAnArchive(url, error)
}

async function readPmtiles(request: ServiceRequest): Promise<ServiceReading> {
  const file = request.file ?? null
  const url = file ? file.name : checkedUrl(request.url)
  const archive = new PMTiles(file ? new FileSource(file) : url)
  let header
  try {
    header = await withDeadline(archive.getHeader(), networkTimeoutMs('service'))
  } catch (error) {
    // The network's own failures are said as such; anything else means the bytes are not an archive.
    if (!file && (error instanceof TypeError || error instanceof NetworkTimeoutError)) throw error
    throw new ServiceReadError(file ? notAnArchive(url, error) : archiveAtAddressProblem(url, error))
  }
  const tileType = PMTILES_TYPES[header.tileType]
  if (!tileType)
    throw new ServiceReadError({
      zh: `${url} 的瓦片类型未知或不受支持（AVIF 等）。`,
      en: `${url} holds tiles of an unknown or unsupported type (AVIF, …).`,
    })
  const metadata = ((await archive.getMetadata().catch(() => ({}))) ?? {}) as {
    name?: unknown
    attribution?: unknown
    vector_layers?: { id?: unknown }[]
  }
  const sourceLayers = Array.isArray(metadata.vector_layers)
    ? metadata.vector_layers.flatMap((l) => (typeof l.id === 'string' ? [l.id] : []))
    : []
  if (tileType === 'mvt' && sourceLayers.length === 0)
    throw new ServiceReadError({
      zh: `${url} 是矢量瓦片，但其元数据没有列出图层（vector_layers）。`,
      en: `${url} holds vector tiles, but its metadata lists no layers (vector_layers).`,
    })
  const bounds: [number, number, number, number] = [header.minLon, header.minLat, header.maxLon, header.maxLat]
  const definition: ServiceDefinition = {
    kind: 'pmtiles',
    url,
    host: file ? file.name : hostOf(url),
    title: typeof metadata.name === 'string' && metadata.name ? metadata.name : url.split('/').pop()!,
    attribution: typeof metadata.attribution === 'string' ? metadata.attribution.replace(/<[^>]*>/g, '') : '',
    crs: request.crs,
    pmtiles: { tileType, fromFile: Boolean(file) },
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    ...(bounds.every(Number.isFinite) && bounds[0] < bounds[2] && bounds[1] < bounds[3] ? { bounds } : {}),
    ...(tileType === 'mvt' ? { vector: { sourceLayers } } : {}),
  }
  return { kind: 'ready', definition, ...(file ? { file } : {}) }
}

/**
 * A tile template's name in the layer list: its host and first folder ("tiles.example.cn/imagery"). A
 * folder with a placeholder in it ({z}, {x}, {-y}…) names nothing, nor does the last part (the tile's file).
 */
function templateTitle(template: string): string {
  const path = template.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0]!
  const folder = path
    .split('/')
    .slice(1, -1)
    .find((part) => part && !part.includes('{'))
  return folder ? `${hostOf(template)}/${decodedOrAsIs(folder)}` : hostOf(template)
}

/** A folder name as a person reads it ("%E5%BD%B1%E5%83%8F" is 影像); malformed escapes stay as written. */
function decodedOrAsIs(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

/** Where the district is, for the one tile a vector template is asked for (z 10 holds it). */
const DISTRICT_TILE = { z: 10, x: 852, y: 425 }

async function readVectorTemplate(request: ServiceRequest): Promise<ServiceReading> {
  const template = checkedUrl(request.url)
  const problem = tileTemplateProblem(template)
  if (problem) throw new ServiceReadError(problem)
  const { z, x, y } = DISTRICT_TILE
  const url = template
    .replace('{z}', String(z))
    .replace('{x}', String(x))
    .replace('{y}', String(y))
    .replace('{-y}', String(2 ** z - 1 - y))
  const bytes = await fetchWithTimeout(url, networkTimeoutMs('service'), (r) => r.arrayBuffer())
  let sourceLayers: string[]
  try {
    sourceLayers = mvtLayerNames(new Uint8Array(bytes))
  } catch (error) {
    throw new ServiceReadError({
      zh: `${url} 返回的不是矢量瓦片（${(error as Error).message}）。`,
      en: `${url} did not answer with a vector tile (${(error as Error).message}).`,
    })
  }
  if (sourceLayers.length === 0)
    throw new ServiceReadError({
      zh: `${url} 这块瓦片没有图层：服务在金东区可能没有数据。`,
      en: `The tile ${url} has no layers: the service may have no data over Jindong.`,
    })
  const host = hostOf(template)
  return {
    kind: 'ready',
    definition: {
      kind: 'vector-tiles',
      url: template,
      host,
      title: templateTitle(template),
      attribution: '',
      crs: 'WGS84',
      vector: { template, sourceLayers },
    },
  }
}

export async function readService(request: ServiceRequest): Promise<ServiceReading> {
  switch (request.kind) {
    case 'pmtiles':
      return readPmtiles(request)
    case 'vector-tiles':
      return readVectorTemplate(request)
    case 'xyz': {
      const template = checkedUrl(request.url)
      const problem = tileTemplateProblem(template)
      if (problem) throw new ServiceReadError(problem)
      const host = hostOf(template)
      return {
        kind: 'ready',
        definition: {
          kind: 'xyz',
          url: template,
          host,
          title: templateTitle(template),
          attribution: '',
          crs: request.crs,
          raster: { scheme: 'xyz', template },
        },
      }
    }
    case 'wms': {
      const url = checkedUrl(request.url)
      const caps = await readWmsInWorker(await text(capabilitiesUrl(url, 'wms')), url)
      return { kind: 'offer', offer: caps.offer, define: (id, _set, crs) => wmsLayerDefinition(caps, id, crs) }
    }
    case 'wmts': {
      const url = checkedUrl(request.url)
      const caps = await readWmtsInWorker(await text(capabilitiesUrl(url, 'wmts')), url)
      return {
        kind: 'offer',
        offer: caps.offer,
        define: (id, set, crs) => wmtsLayerDefinition(caps, id, set ?? '', crs),
      }
    }
    case 'arcgis': {
      const url = checkedUrl(request.url)
      const json = JSON.parse(await text(arcgisJsonUrl(url))) as unknown
      const service = readArcgisMapServer(json, url)
      // The legend is a courtesy: a service without one (or refusing it) is still added.
      const legend = await text(arcgisLegendUrl(url))
        .then((body) => readArcgisLegend(JSON.parse(body) as unknown))
        .catch(() => undefined)
      return {
        kind: 'offer',
        offer: service.offer,
        define: (_id, _set, crs) => arcgisDefinition(service, crs, legend),
      }
    }
    case 'geojson': {
      const url = checkedUrl(request.url)
      const collection = await fetchRemoteGeojson(url)
      const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || '') || hostOf(url)
      const definition: ServiceDefinition = {
        kind: 'geojson',
        url,
        host: hostOf(url),
        title: name,
        attribution: '',
        crs: 'WGS84',
        refreshMinutes: request.refreshMinutes ?? 0,
      }
      return { kind: 'ready', definition, collection }
    }
  }
}
