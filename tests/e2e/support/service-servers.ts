/**
 * Small map services on 127.0.0.1 for the service-layer tests: a WMS 1.3.0 (capabilities with a layer
 * in EPSG:3857 and one offered only in EPSG:4490, GetMap as a solid picture, a legend), a 天地图-like
 * WMTS with its `c` (CGCS2000 degrees) and `w` (Web Mercator) sets whose tiles carry a red mark
 * centred on one place, an XYZ service and a WMS layer in GCJ-02 with the same mark where that place
 * is in GCJ-02,
 * text that is not XML, and a tile server that never answers. Every request is
 * recorded, so a test can check the boxes the map asked for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import gcoord from 'gcoord'
import { rgbaPng } from './png'

export const WMS_COLOUR: [number, number, number] = [192, 38, 211]
export const MARK_COLOUR: [number, number, number] = [255, 0, 0]

export interface ServiceServers {
  origin: string
  /** Every request's path and query, in order. */
  requests: { path: string; query: URLSearchParams }[]
  close(): Promise<void>
}

const HALF_WORLD = 20037508.3427892
/** 天地图's level-1 scale; each level halves it. */
const LEVEL1_SCALE = 2.958293554545656e8

function wmsCapabilities(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink">
  <Service><Name>WMS</Name><Title>浙江省生态环境测试服务</Title></Service>
  <Capability>
    <Request>
      <GetCapabilities><Format>text/xml</Format></GetCapabilities>
      <GetMap><Format>image/png</Format><Format>image/jpeg</Format>
        <DCPType><HTTP><Get><OnlineResource xlink:href="${origin}/wms?"/></Get></HTTP></DCPType></GetMap>
    </Request>
    <Exception><Format>XML</Format></Exception>
    <Layer>
      <Title>生态环境</Title>
      <CRS>EPSG:4490</CRS>
      <Layer queryable="1">
        <Name>zj:redline</Name>
        <Title>生态保护红线（测试）</Title>
        <CRS>EPSG:3857</CRS>
        <EX_GeographicBoundingBox>
          <westBoundLongitude>119.4</westBoundLongitude><eastBoundLongitude>120.1</eastBoundLongitude>
          <southBoundLatitude>28.9</southBoundLatitude><northBoundLatitude>29.4</northBoundLatitude>
        </EX_GeographicBoundingBox>
        <Attribution><Title>浙江省测试数据</Title></Attribution>
        <Style><Name>default</Name><Title>default</Title>
          <LegendURL width="20" height="20"><Format>image/png</Format>
            <OnlineResource xlink:href="${origin}/legend.png"/></LegendURL></Style>
      </Layer>
      <Layer>
        <Name>zj:mark-gcj</Name>
        <Title>标记（GCJ-02）</Title>
        <CRS>EPSG:3857</CRS>
      </Layer>
      <Layer>
        <Name>zj:units-4490</Name>
        <Title>环境管控单元（仅 CGCS2000）</Title>
      </Layer>
    </Layer>
  </Capability>
</WMS_Capabilities>`
}

function matrices(set: 'c' | 'w'): string {
  return Array.from({ length: 18 }, (_, i) => {
    const level = i + 1
    const scale = LEVEL1_SCALE / 2 ** i
    const corner = set === 'c' ? '90.0 -180.0' : `${-HALF_WORLD} ${HALF_WORLD}`
    const width = set === 'c' ? 2 ** level : 2 ** level
    const height = set === 'c' ? 2 ** (level - 1) : 2 ** level
    return `<TileMatrix><ows:Identifier>${level}</ows:Identifier><ScaleDenominator>${scale}</ScaleDenominator>
      <TopLeftCorner>${corner}</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
      <MatrixWidth>${width}</MatrixWidth><MatrixHeight>${height}</MatrixHeight></TileMatrix>`
  }).join('\n')
}

function wmtsCapabilities(origin: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
  xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:ServiceIdentification>
    <ows:Title>在线地图服务（测试）</ows:Title><ows:ServiceType>OGC WMTS</ows:ServiceType>
  </ows:ServiceIdentification>
  <ows:ServiceProvider><ows:ProviderName>测试测绘局</ows:ProviderName></ows:ServiceProvider>
  <ows:OperationsMetadata>
    <ows:Operation name="GetTile"><ows:DCP><ows:HTTP>
      <ows:Get xlink:href="${origin}/wmts?">
      <ows:Constraint name="GetEncoding">
        <ows:AllowedValues><ows:Value>KVP</ows:Value></ows:AllowedValues>
      </ows:Constraint>
    </ows:Get></ows:HTTP></ows:DCP></ows:Operation>
  </ows:OperationsMetadata>
  <Contents>
    <Layer>
      <ows:Title>标记</ows:Title><ows:Identifier>mark</ows:Identifier>
      <ows:WGS84BoundingBox>
        <ows:LowerCorner>-180.0 -90.0</ows:LowerCorner><ows:UpperCorner>180.0 90.0</ows:UpperCorner>
      </ows:WGS84BoundingBox>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>tiles</Format>
      <TileMatrixSetLink><TileMatrixSet>c</TileMatrixSet></TileMatrixSetLink>
      <TileMatrixSetLink><TileMatrixSet>w</TileMatrixSet></TileMatrixSetLink>
    </Layer>
    <TileMatrixSet><ows:Identifier>c</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::4490</ows:SupportedCRS>
      ${matrices('c')}</TileMatrixSet>
    <TileMatrixSet><ows:Identifier>w</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::900913</ows:SupportedCRS>
      ${matrices('w')}</TileMatrixSet>
  </Contents>
</Capabilities>`
}

/** A `c` tile: transparent, with a 5 × 5 pixel red mark centred on the place where it falls. */
function geographicTile(level: number, row: number, col: number, mark: [number, number]): Buffer {
  const dpp = 180 / 256 / 2 ** (level - 1)
  return rgbaPng(256, 256, (x, y) => {
    const lng = -180 + (col * 256 + x + 0.5) * dpp
    const lat = 90 - (row * 256 + y + 0.5) * dpp
    const inside = Math.abs(lng - mark[0]) <= 2.5 * dpp && Math.abs(lat - mark[1]) <= 2.5 * dpp
    return inside ? [...MARK_COLOUR, 255] : [0, 0, 0, 0]
  })
}

/** Web Mercator pixel of a lon/lat at zoom z (256-px tiles). */
function worldPixel(z: number, [lng, lat]: [number, number]): [number, number] {
  const size = 256 * 2 ** z
  const sin = Math.sin((lat * Math.PI) / 180)
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size]
}

/** A GetMap picture of a GCJ-02 WMS: the mark where the place is in GCJ-02, inside the box asked for. */
function gcj02Picture(box: number[], mark: [number, number]): Buffer {
  const [lng, lat] = gcoord.transform(mark, gcoord.WGS84, gcoord.GCJ02) as [number, number]
  const half = 20037508.342789244
  const x = (lng / 180) * half
  const y = (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) * half
  const [minX, minY, maxX, maxY] = box as [number, number, number, number]
  const [mx, my] = [((x - minX) / (maxX - minX)) * 256, ((maxY - y) / (maxY - minY)) * 256]
  return rgbaPng(256, 256, (px, py) =>
    Math.abs(px + 0.5 - mx) <= 2.5 && Math.abs(py + 0.5 - my) <= 2.5 ? [...MARK_COLOUR, 255] : [0, 0, 0, 0],
  )
}

/** An XYZ tile of a GCJ-02 service (高德-like): the mark drawn where the place is in GCJ-02. */
function gcj02Tile(z: number, x: number, y: number, mark: [number, number]): Buffer {
  const [mx, my] = worldPixel(z, gcoord.transform(mark, gcoord.WGS84, gcoord.GCJ02) as [number, number])
  return rgbaPng(256, 256, (px, py) => {
    const inside = Math.abs(x * 256 + px + 0.5 - mx) <= 2.5 && Math.abs(y * 256 + py + 0.5 - my) <= 2.5
    return inside ? [...MARK_COLOUR, 255] : [0, 0, 0, 0]
  })
}

export async function startServiceServers(mark: [number, number]): Promise<ServiceServers> {
  const requests: ServiceServers['requests'] = []
  const sockets = new Set<Socket>()
  const wmsTile = rgbaPng(256, 256, () => [...WMS_COLOUR, 255])
  const legend = rgbaPng(20, 20, () => [...WMS_COLOUR, 255])
  let origin = ''
  const send = (response: ServerResponse, type: string, body: string | Buffer) => {
    // The app is on another port of 127.0.0.1: another origin, so the service says it may be read.
    response.writeHead(200, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*' })
    response.end(body)
  }
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', origin)
    const query = new URLSearchParams([...url.searchParams].map(([k, v]) => [k.toUpperCase(), v]))
    requests.push({ path: url.pathname, query })
    if (url.pathname.startsWith('/hang/')) return // never answers
    if (url.pathname === '/not-xml') return send(response, 'text/html', '<html><body><p>维护中<br></body></html>')
    if (url.pathname === '/legend.png') return send(response, 'image/png', legend)
    const gcj = /^\/gcj\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname)
    if (gcj) return send(response, 'image/png', gcj02Tile(Number(gcj[1]), Number(gcj[2]), Number(gcj[3]), mark))
    if (url.pathname === '/wms') {
      if (query.get('REQUEST') === 'GetCapabilities') return send(response, 'text/xml', wmsCapabilities(origin))
      if (query.get('REQUEST') === 'GetMap' && query.get('LAYERS') === 'zj:mark-gcj')
        return send(response, 'image/png', gcj02Picture(query.get('BBOX')!.split(',').map(Number), mark))
      if (query.get('REQUEST') === 'GetMap') return send(response, 'image/png', wmsTile)
      if (query.get('REQUEST') === 'GetLegendGraphic') return send(response, 'image/png', legend)
    }
    if (url.pathname === '/wmts') {
      if (query.get('REQUEST') === 'GetCapabilities') return send(response, 'text/xml', wmtsCapabilities(origin))
      if (query.get('REQUEST') === 'GetTile' && query.get('TILEMATRIXSET') === 'c') {
        const tile = geographicTile(
          Number(query.get('TILEMATRIX')),
          Number(query.get('TILEROW')),
          Number(query.get('TILECOL')),
          mark,
        )
        return send(response, 'image/png', tile)
      }
    }
    response.writeHead(404, { 'Access-Control-Allow-Origin': '*' })
    response.end()
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
