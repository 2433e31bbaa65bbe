/**
 * Reading a service before it becomes a layer: a file that is not a PMTiles archive, a PMTiles
 * archive's header and layers (as a file or at an address), a tile template, a vector tile
 * template's layers read from one tile, WMS, WMTS and ArcGIS offers, and GeoJSON at an address
 * through the import engine. The network is a stand-in; each refusal is checked as the user reads it.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { readService, type ServiceReading } from '../../../../src/user-data/services/read-service'
import { ServiceReadError } from '../../../../src/domain/services/service-problem'
import { readWmsCapabilities, wmsLayerDefinition } from '../../../../src/domain/services/wms-capabilities'
import { readWmtsCapabilities, wmtsLayerDefinition } from '../../../../src/domain/services/wmts-capabilities'
import { arcgisDefinition, readArcgisLegend, readArcgisMapServer } from '../../../../src/domain/services/arcgis-rest'
import { NetworkTimeoutError } from '../../../../src/settings/network-timeouts'
import { writePmtiles } from '../../../fixtures/support/pmtiles-writer'
import { stubWorkers } from '../../support/in-process-workers'
import { refusal } from '../../support/service-refusal'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const field = (number: number, bytes: number[]) => [(number << 3) | 2, bytes.length, ...bytes]
const text = (s: string) => [...new TextEncoder().encode(s)]

describe('reading a service', () => {
  test('a file that is not a PMTiles archive is refused with its name', async () => {
    const file = new File(['<html>not tiles</html>'], 'map.pmtiles')
    const failed = readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' })
    await expect(failed).rejects.toBeInstanceOf(ServiceReadError)
    await expect(readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' })).rejects.toThrow(
      'map.pmtiles is not a PMTiles archive',
    )
  })

  test('a vector PMTiles archive: its layers, zooms, bounds and name', async () => {
    const bytes = writePmtiles([{ z: 3, x: 6, y: 3, bytes: Buffer.from([0x1a, 0]) }], {
      tileType: 1,
      bounds: [119.4, 28.8, 120.2, 29.5],
      metadata: { name: '河网', attribution: '<a href="x">测试</a>', vector_layers: [{ id: 'rivers' }] },
    })
    const file = new File([new Uint8Array(bytes)], 'rivers.pmtiles')
    const reading = await readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' })
    if (reading.kind !== 'ready') throw new Error('expected a ready layer')
    expect(reading.definition).toMatchObject({
      kind: 'pmtiles',
      title: '河网',
      attribution: '测试',
      pmtiles: { tileType: 'mvt', fromFile: true },
      vector: { sourceLayers: ['rivers'] },
      minzoom: 3,
      maxzoom: 3,
    })
    expect(reading.definition.bounds?.[0]).toBeCloseTo(119.4, 5)
    expect(reading.file).toBe(file)
  })

  test('a vector tile template: its layers read from the tile over the district', async () => {
    const tile = new Uint8Array([...field(3, field(1, text('roads'))), ...field(3, field(1, text('水系')))])
    const fetch = vi.fn(
      async (_url: string) => new Response(tile, { headers: { 'Content-Type': 'application/x-protobuf' } }),
    )
    vi.stubGlobal('fetch', fetch)
    const reading = await readService({
      kind: 'vector-tiles',
      url: 'https://tiles.example.cn/base/{z}/{x}/{y}.pbf',
      crs: 'WGS84',
    })
    expect(fetch.mock.calls[0]![0]).toBe('https://tiles.example.cn/base/10/852/425.pbf')
    if (reading.kind !== 'ready') throw new Error('expected a ready layer')
    expect(reading.definition.vector?.sourceLayers).toEqual(['roads', '水系'])
    expect(reading.definition.title).toBe('tiles.example.cn/base')
  })

  test('a template without {z} and an address that is not http(s) are refused before any request', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    await expect(readService({ kind: 'xyz', url: 'https://t.cn/{x}/{y}.png', crs: 'WGS84' })).rejects.toThrow(
      ServiceReadError,
    )
    await expect(readService({ kind: 'wms', url: 'javascript:alert(1)', crs: 'WGS84' })).rejects.toThrow(
      ServiceReadError,
    )
    expect(fetch).not.toHaveBeenCalled()
  })
})

const fixture = (name: string) => readFileSync(`tests/fixtures/services/${name}`, 'utf8')

/** A server: each address answers with its body (or its status); any other is a 404. */
function serve(answers: Record<string, string | Uint8Array<ArrayBuffer> | number>) {
  const fetch = vi.fn(async (url: string, _init?: RequestInit) => {
    const answer = answers[url]
    if (answer === undefined) return new Response('not here', { status: 404 })
    if (typeof answer === 'number') return new Response('refused', { status: answer })
    return new Response(answer)
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

/** A server that answers nothing until the request is aborted. */
function hang() {
  vi.stubGlobal(
    'fetch',
    (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      ),
  )
}

/** What a reading that waits on a server that never answers rejects with, once 15 s have passed. */
async function afterDeadline(reading: Promise<unknown>): Promise<unknown> {
  const settled = reading.catch((error: unknown) => error)
  await vi.advanceTimersByTimeAsync(15_000)
  return settled
}

function ready(reading: ServiceReading) {
  if (reading.kind !== 'ready') throw new Error('expected a ready layer')
  return reading
}

function offer(reading: ServiceReading) {
  if (reading.kind !== 'offer') throw new Error('expected an offer of layers')
  return reading
}

type Archive = Parameters<typeof writePmtiles>[1]

/** A one-tile archive of `tileType` (1 vector, 2 PNG, 5 AVIF) as a chosen file. */
function archiveFile(name: string, options: { tileType: number } & Partial<Omit<Archive, 'tileType'>>): File {
  const bytes = writePmtiles([{ z: 5, x: 26, y: 13, bytes: Buffer.from([1, 2, 3]) }], {
    bounds: [119.4, 28.8, 120.2, 29.5],
    metadata: {},
    ...options,
    tileType: options.tileType as Archive['tileType'],
  })
  return new File([new Uint8Array(bytes)], name)
}

describe('a PMTiles archive', () => {
  test('a raster archive at an address: named after its file, without layers, attribution or bad bounds', async () => {
    const bytes = new Uint8Array(
      writePmtiles([{ z: 8, x: 213, y: 106, bytes: Buffer.from([0x89, 0x50]) }], {
        tileType: 2,
        bounds: [120.2, 28.8, 119.4, 29.5],
        metadata: { name: 42 },
      }),
    )
    const url = 'https://tiles.example.cn/archives/imagery.pmtiles'
    vi.stubGlobal('fetch', async (asked: string, init: RequestInit) => {
      if (asked !== url) return new Response('', { status: 404 })
      const [from, to] = new Headers(init.headers).get('range')!.slice(6).split('-').map(Number)
      return new Response(bytes.slice(from, to! + 1), { status: 206 })
    })
    const reading = ready(await readService({ kind: 'pmtiles', url: ` ${url} `, crs: 'GCJ-02' }))
    expect(reading).toEqual({
      kind: 'ready',
      definition: {
        kind: 'pmtiles',
        url,
        host: 'tiles.example.cn',
        title: 'imagery.pmtiles',
        attribution: '',
        crs: 'GCJ-02',
        pmtiles: { tileType: 'png', fromFile: false },
        minzoom: 8,
        maxzoom: 8,
      },
    })
  })

  test('bounds are kept only when west < east and south < north', async () => {
    const boundsOf = async (bounds: [number, number, number, number]) => {
      const file = archiveFile('a.pmtiles', { tileType: 2, bounds })
      return ready(await readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' })).definition.bounds
    }
    expect(await boundsOf([119.5, 28.5, 120.5, 29.5])).toEqual([119.5, 28.5, 120.5, 29.5])
    expect(await boundsOf([119.5, 29.5, 120.5, 28.5])).toBeUndefined()
    expect(await boundsOf([119.5, 28.5, 119.5, 29.5])).toBeUndefined()
    expect(await boundsOf([119.5, 29.5, 120.5, 29.5])).toBeUndefined()
  })

  test('an empty name in the metadata gives way to the file’s name', async () => {
    const file = archiveFile('影像2025.pmtiles', { tileType: 2, metadata: { name: '', attribution: '© 金东区' } })
    const { definition } = ready(await readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' }))
    expect(definition).toMatchObject({ title: '影像2025.pmtiles', host: '影像2025.pmtiles', attribution: '© 金东区' })
    expect(definition.vector).toBeUndefined()
  })

  test('a vector archive keeps only the layers named in its metadata', async () => {
    const metadata = { vector_layers: [{ id: 'roads' }, { id: 7 }, {}, { id: 'water' }] }
    const file = archiveFile('base.pmtiles', { tileType: 1, metadata })
    const { definition } = ready(await readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' }))
    expect(definition.vector).toEqual({ sourceLayers: ['roads', 'water'] })
  })

  test('a vector archive whose metadata lists no layers is refused', async () => {
    const file = archiveFile('base.pmtiles', { tileType: 1, metadata: { name: 'base' } })
    expect(await refusal(readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' }))).toEqual({
      zh: 'base.pmtiles 是矢量瓦片，但其元数据没有列出图层（vector_layers）。',
      en: 'base.pmtiles holds vector tiles, but its metadata lists no layers (vector_layers).',
    })
  })

  test('an archive of AVIF tiles is refused as unsupported', async () => {
    const file = archiveFile('photo.pmtiles', { tileType: 5 })
    expect(await refusal(readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' }))).toEqual({
      zh: 'photo.pmtiles 的瓦片类型未知或不受支持（AVIF 等）。',
      en: 'photo.pmtiles holds tiles of an unknown or unsupported type (AVIF, …).',
    })
  })

  test('what is not an archive is said so in both languages, naming the address', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>维护中</html>', { status: 206 }))
    const problem = await refusal(
      readService({ kind: 'pmtiles', url: 'https://tiles.example.cn/a.pmtiles', crs: 'WGS84' }),
    )
    expect(problem).toEqual({
      zh: 'https://tiles.example.cn/a.pmtiles 不是 PMTiles 文件（Wrong magic number for PMTiles archive）。',
      en: 'https://tiles.example.cn/a.pmtiles is not a PMTiles archive (Wrong magic number for PMTiles archive).',
    })
  })

  test('a server that sends the whole file, not the byte range asked for, is named as the cause', async () => {
    // The archive is fine; a server without range requests is what to change (the reader's words say so).
    const whole = new Uint8Array(20_000)
    vi.stubGlobal('fetch', async () => new Response(whole, { status: 200, headers: { 'content-length': '20000' } }))
    const problem = await refusal(
      readService({ kind: 'pmtiles', url: 'https://oss.example.cn/a.pmtiles', crs: 'WGS84' }),
    )
    expect(problem).toEqual({
      zh:
        'https://oss.example.cn/a.pmtiles 的服务器不支持按字节范围读取（HTTP Range），按地址读取 PMTiles 需要它；' +
        '请换用支持的存储，或下载后选择文件。',
      en:
        'the server of https://oss.example.cn/a.pmtiles does not answer byte ranges (HTTP Range), which reading a ' +
        'PMTiles archive by its address needs: serve it from storage that does, or download it and choose the file.',
    })
  })

  test('a server that answers with an HTTP error says its status, not that the file is no archive', async () => {
    vi.stubGlobal('fetch', async () => new Response('forbidden', { status: 403 }))
    const problem = await refusal(
      readService({ kind: 'pmtiles', url: 'https://oss.example.cn/b.pmtiles', crs: 'WGS84' }),
    )
    expect(problem).toEqual({
      zh: 'https://oss.example.cn/b.pmtiles 返回 HTTP 403，未能读取 PMTiles 文件。',
      en: 'https://oss.example.cn/b.pmtiles answered HTTP 403.',
    })
  })

  test('an archive at an address that cannot be reached keeps the network’s own error', async () => {
    const unreachable = new TypeError('Failed to fetch')
    vi.stubGlobal('fetch', () => Promise.reject(unreachable))
    await expect(
      readService({ kind: 'pmtiles', url: 'https://tiles.example.cn/a.pmtiles', crs: 'WGS84' }),
    ).rejects.toBe(unreachable)
  })

  test('an archive at an address that does not answer times out after 15 s', async () => {
    vi.useFakeTimers()
    hang()
    const error = await afterDeadline(
      readService({ kind: 'pmtiles', url: 'https://slow.example.cn/a.pmtiles', crs: 'WGS84' }),
    )
    expect(error).toBeInstanceOf(NetworkTimeoutError)
    expect((error as NetworkTimeoutError).seconds).toBe(15)
  })

  test('a chosen file that cannot be read is said not to be an archive, not a network failure', async () => {
    const file = new File(['x'], 'moved.pmtiles')
    file.slice = () => ({ arrayBuffer: () => Promise.reject(new TypeError('the file was moved')) }) as unknown as Blob
    expect(await refusal(readService({ kind: 'pmtiles', url: '', file, crs: 'WGS84' }))).toEqual({
      zh: 'moved.pmtiles 不是 PMTiles 文件（the file was moved）。',
      en: 'moved.pmtiles is not a PMTiles archive (the file was moved).',
    })
  })
})

describe('tile templates', () => {
  test('an XYZ template becomes a layer at once, trimmed, named after its host and first folder', async () => {
    const fetch = serve({})
    const template = 'https://{s}.tiles.example.cn/%E5%BD%B1%E5%83%8F/{z}/{x}/{y}.png'
    const reading = await readService({ kind: 'xyz', url: `  ${template}\n`, crs: 'GCJ-02' })
    expect(reading).toEqual({
      kind: 'ready',
      definition: {
        kind: 'xyz',
        url: template,
        host: '{s}.tiles.example.cn',
        title: '{s}.tiles.example.cn/影像',
        attribution: '',
        crs: 'GCJ-02',
        raster: { scheme: 'xyz', template },
      },
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  test('a template whose first folder is a placeholder is named after its host alone', async () => {
    serve({})
    const title = async (template: string) =>
      ready(await readService({ kind: 'xyz', url: template, crs: 'WGS84' })).definition.title
    expect(await title('https://tiles.example.cn/{z}/{x}/{y}.png')).toBe('tiles.example.cn')
    expect(await title('https://tiles.example.cn/{-y}/{z}/{x}.png')).toBe('tiles.example.cn')
    expect(await title('https://tiles.example.cn/{z}/影像/{x}/{y}.png')).toBe('tiles.example.cn/影像')
    expect(await title('https://tiles.example.cn/v{z}/{x}/{y}.png')).toBe('tiles.example.cn')
    expect(await title('https://tiles.example.cn/%E5/{z}/{x}/{y}.png')).toBe('tiles.example.cn/%E5')
  })

  test('a vector template with rows from the south asks for the district’s tile, and is drawn in WGS84', async () => {
    const tile = new Uint8Array([...field(3, field(1, text('roads')))])
    const template = 'https://tiles.example.cn/tms/{z}/{x}/{-y}.pbf'
    const fetch = serve({ 'https://tiles.example.cn/tms/10/852/598.pbf': tile })
    const reading = await readService({ kind: 'vector-tiles', url: template, crs: 'GCJ-02' })
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(reading).toEqual({
      kind: 'ready',
      definition: {
        kind: 'vector-tiles',
        url: template,
        host: 'tiles.example.cn',
        title: 'tiles.example.cn/tms',
        attribution: '',
        crs: 'WGS84',
        vector: { template, sourceLayers: ['roads'] },
      },
    })
  })

  test('a vector template without {x} is refused before any request', async () => {
    const fetch = serve({})
    const reading = readService({ kind: 'vector-tiles', url: 'https://tiles.example.cn/{z}/{y}.pbf', crs: 'WGS84' })
    expect(await refusal(reading)).toEqual({
      zh: '瓦片地址模板缺少 {x}（需要 {z}、{x} 和 {y} 或 {-y}）',
      en: 'The tile template lacks {x} (it needs {z}, {x} and {y} or {-y})',
    })
    expect(fetch).not.toHaveBeenCalled()
  })

  test('a vector template answered with a web page is refused, naming the tile asked for', async () => {
    serve({ 'https://tiles.example.cn/v/10/852/425.pbf': '<html>' })
    const reading = readService({
      kind: 'vector-tiles',
      url: 'https://tiles.example.cn/v/{z}/{x}/{y}.pbf',
      crs: 'WGS84',
    })
    expect(await refusal(reading)).toEqual({
      zh: 'https://tiles.example.cn/v/10/852/425.pbf 返回的不是矢量瓦片（not a vector tile (wire type 4)）。',
      en: 'https://tiles.example.cn/v/10/852/425.pbf did not answer with a vector tile (not a vector tile (wire type 4)).',
    })
  })

  test('an empty tile over the district says the service may have no data there', async () => {
    serve({ 'https://tiles.example.cn/v/10/852/425.pbf': new Uint8Array(0) })
    const reading = readService({
      kind: 'vector-tiles',
      url: 'https://tiles.example.cn/v/{z}/{x}/{y}.pbf',
      crs: 'WGS84',
    })
    expect(await refusal(reading)).toEqual({
      zh: 'https://tiles.example.cn/v/10/852/425.pbf 这块瓦片没有图层：服务在金东区可能没有数据。',
      en: 'The tile https://tiles.example.cn/v/10/852/425.pbf has no layers: the service may have no data over Jindong.',
    })
  })

  test('a vector tile server that does not answer times out after 15 s', async () => {
    vi.useFakeTimers()
    hang()
    const reading = readService({ kind: 'vector-tiles', url: 'https://slow.example.cn/{z}/{x}/{y}.pbf', crs: 'WGS84' })
    expect(await afterDeadline(reading)).toEqual(new NetworkTimeoutError(15))
  })
})

describe('services that offer layers', () => {
  test('a WMS: its capabilities asked for, its layers offered, the chosen one defined', async () => {
    const xml = fixture('wms-130-geoserver.xml')
    const url = 'http://10.1.2.3:8080/geoserver/wms'
    const fetch = serve({ [`${url}?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`]: xml })
    const reading = offer(await readService({ kind: 'wms', url, crs: 'WGS84' }))
    expect(fetch).toHaveBeenCalledTimes(1)
    const caps = readWmsCapabilities(xml, url)
    expect(reading.offer).toEqual(caps.offer)
    const chosen = reading.define('jindong:water_sections', null, 'GCJ-02')
    expect(chosen).toEqual(wmsLayerDefinition(caps, 'jindong:water_sections', 'GCJ-02'))
    expect(chosen.crs).toBe('GCJ-02')
  })

  test('a capabilities document over 20 MB is refused unread', async () => {
    const url = 'http://10.1.2.3:8080/geoserver/wms'
    serve({ [`${url}?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`]: new Uint8Array(20 * 1024 * 1024 + 1) })
    expect(await refusal(readService({ kind: 'wms', url, crs: 'WGS84' }))).toEqual({
      zh: '服务的说明文档超过 20 MB，未读取。',
      en: "The service's document is over 20 MB; not read.",
    })
  })

  test('a WMS that does not answer times out after 15 s', async () => {
    vi.useFakeTimers()
    hang()
    const reading = readService({ kind: 'wms', url: 'http://slow.example.cn/wms', crs: 'WGS84' })
    expect(await afterDeadline(reading)).toEqual(new NetworkTimeoutError(15))
  })

  test('a WMTS: the chosen layer in the chosen matrix set; none chosen is refused, naming the sets', async () => {
    const xml = fixture('wmts-tianditu.xml')
    const url = 'https://t0.tianditu.gov.cn/img_w/wmts?tk=KEY'
    const fetch = serve({ 'https://t0.tianditu.gov.cn/img_w/wmts?tk=KEY&SERVICE=WMTS&REQUEST=GetCapabilities': xml })
    const reading = offer(await readService({ kind: 'wmts', url, crs: 'WGS84' }))
    expect(fetch).toHaveBeenCalledTimes(1)
    const caps = readWmtsCapabilities(xml, url)
    expect(reading.offer).toEqual(caps.offer)
    expect(reading.define('img', 'w', 'GCJ-02')).toEqual(wmtsLayerDefinition(caps, 'img', 'w', 'GCJ-02'))
    expect(await refusal(Promise.resolve().then(() => reading.define('img', null, 'WGS84')))).toEqual({
      zh: '图层“全球影像地图服务”没有矩阵集“”（它有：w、c）',
      en: 'The layer "全球影像地图服务" has no matrix set "" (it has: w, c)',
    })
  })

  test('an ArcGIS MapServer: its description and legend asked for, the legend kept in the definition', async () => {
    const url = 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer?token=t0k3n'
    const base = 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer'
    const json = fixture('arcgis-tiled.json')
    const legend = fixture('arcgis-legend.json')
    serve({ [`${base}?f=json&token=t0k3n`]: json, [`${base}/legend?f=json&token=t0k3n`]: legend })
    const reading = offer(await readService({ kind: 'arcgis', url, crs: 'WGS84' }))
    const service = readArcgisMapServer(JSON.parse(json), url)
    expect(reading.offer).toEqual(service.offer)
    const definition = reading.define(service.offer.layers[0]!.id, null, 'GCJ-02')
    expect(definition).toEqual(arcgisDefinition(service, 'GCJ-02', readArcgisLegend(JSON.parse(legend))))
    expect(definition.legend?.entries?.length).toBeGreaterThan(0)
  })

  test('an ArcGIS MapServer that refuses its legend is still offered, without one', async () => {
    const url = 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer'
    const json = fixture('arcgis-tiled.json')
    serve({ [`${url}?f=json`]: json, [`${url}/legend?f=json`]: 500 })
    const reading = offer(await readService({ kind: 'arcgis', url, crs: 'WGS84' }))
    const service = readArcgisMapServer(JSON.parse(json), url)
    expect(reading.define('0', null, 'WGS84')).toEqual(arcgisDefinition(service, 'WGS84'))
  })

  test('an ArcGIS description of exactly 20 MB is still read', async () => {
    const url = 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer'
    const json = new Uint8Array(20 * 1024 * 1024).fill(0x20)
    new TextEncoder().encodeInto(fixture('arcgis-tiled.json'), json)
    serve({ [`${url}?f=json`]: json })
    const reading = offer(await readService({ kind: 'arcgis', url, crs: 'WGS84' }))
    expect(reading.offer.layers[0]!.title).toBe('金东区水系')
  })
})

describe('GeoJSON at an address', () => {
  test('its features come with a layer named after the file, drawn in WGS84, fetched once by default', async () => {
    stubWorkers()
    const point = { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }
    const feed = { type: 'FeatureCollection', features: [point] }
    const url = 'https://data.jindong.gov.cn/open/%E7%9B%91%E6%B5%8B%E7%AB%99.geojson'
    serve({ [url]: JSON.stringify(feed) })
    const reading = ready(await readService({ kind: 'geojson', url, crs: 'GCJ-02' }))
    expect(reading.definition).toEqual({
      kind: 'geojson',
      url,
      host: 'data.jindong.gov.cn',
      title: '监测站.geojson',
      attribution: '',
      crs: 'WGS84',
      refreshMinutes: 0,
    })
    expect(reading.collection?.features.map((f) => f.geometry)).toEqual([{ type: 'Point', coordinates: [119.7, 29.1] }])
  })

  test('an address ending in a folder is named after its host; the refresh interval is kept', async () => {
    stubWorkers()
    const url = 'https://iot.example.cn:8443/'
    serve({ [url]: JSON.stringify({ type: 'Point', coordinates: [119.7, 29.1] }) })
    const reading = ready(await readService({ kind: 'geojson', url, crs: 'WGS84', refreshMinutes: 5 }))
    expect(reading.definition).toMatchObject({ title: 'iot.example.cn:8443', refreshMinutes: 5 })
  })
})
