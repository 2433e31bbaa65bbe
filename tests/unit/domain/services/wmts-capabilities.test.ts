// WMTS capabilities (天地图's KVP service with sets c and w, GeoServer's RESTful one) into offered
// layers, classified matrix sets and tile templates.
import { describe, expect, it } from 'vitest'
import {
  crsCode,
  readWmtsCapabilities,
  wmtsLayerDefinition,
  type WmtsCapabilities,
} from '../../../../src/domain/services/wmts-capabilities'
import { fixture, refusal } from './support'

const KEY = '0123456789abcdef0123456789abcdef'
const TIANDITU = `https://t0.tianditu.gov.cn/img_c/wmts?service=wmts&request=GetCapabilities&tk=${KEY}`
const GWC = 'http://10.1.2.3:8080/geoserver/gwc/service/wmts?REQUEST=GetCapabilities&token=abc'

const setOf = (caps: WmtsCapabilities, id: string) => caps.matrixSets.find((set) => set.id === id)!

describe('天地图 (sets c and w, GetTile by KVP)', () => {
  // Read in each test: the reading is what they test.
  const tianditu = () => readWmtsCapabilities(fixture('wmts-tianditu.xml'), TIANDITU)

  it('offers both layers, each in both sets, Web Mercator first', () => {
    const caps = tianditu()
    expect(caps.offer).toMatchObject({
      kind: 'wmts',
      title: '在线地图服务',
      attribution: '国家基础地理信息中心',
      total: 2,
    })
    expect(caps.offer.layers.map((layer) => [layer.id, layer.title, layer.format, layer.style])).toEqual([
      ['img', '全球影像地图服务', 'tiles', 'default'],
      ['cia', '全球影像注记服务', 'tiles', 'default'],
    ])
    expect(caps.offer.layers[0]!.matrixSets).toEqual([
      { id: 'w', kind: 'mercator', problem: null },
      { id: 'c', kind: 'geographic', problem: null },
    ])
    expect(caps.offer.layers[0]!.bounds).toEqual([-180, -90, 180, 90])
    expect(caps.offer.layers[0]!.problem).toBeNull()
  })
  it('reads w (EPSG:900913, 96-dpi scales) as Web Mercator, level n at zoom n', () => {
    const caps = tianditu()
    const w = setOf(caps, 'w')
    expect(w).toMatchObject({ kind: 'mercator', problem: null, tileSize: 256, minzoom: 1, maxzoom: 18 })
    expect(w.matrixIds).toEqual([null, ...Array.from({ length: 18 }, (_, i) => String(i + 1))])
  })
  it('reads c (EPSG:4490, "90.0 -180.0") as geographic, the quad’s exact pixel sizes', () => {
    const caps = tianditu()
    const c = setOf(caps, 'c')
    expect(c).toMatchObject({ kind: 'geographic', problem: null, minzoom: 1, maxzoom: 18 })
    expect(c.geographic).toHaveLength(18)
    expect(c.geographic![0]).toEqual({
      id: '1',
      degreesPerPixel: 0.703125,
      originLon: -180,
      originLat: 90,
      tileWidth: 256,
      tileHeight: 256,
      matrixWidth: 2,
      matrixHeight: 1,
    })
    const level14 = c.geographic!.find((matrix) => matrix.id === '14')!
    expect(level14.degreesPerPixel).toBe(180 / 256 / 2 ** 13)
    expect(level14.matrixWidth).toBe(2 ** 14)
  })
  it('makes a KVP GetTile template with the user’s tk, over https as the user asked', () => {
    const caps = tianditu()
    const definition = wmtsLayerDefinition(caps, 'img', 'w')
    expect(definition.raster).toEqual({
      scheme: 'wmts-mercator',
      template:
        'https://t0.tianditu.gov.cn/img_c/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default' +
        '&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}' +
        `&tk=${KEY}`,
      matrixIds: setOf(caps, 'w').matrixIds,
    })
    expect(definition).toMatchObject({
      kind: 'wmts',
      url: TIANDITU,
      host: 't0.tianditu.gov.cn',
      title: '全球影像地图服务',
      attribution: '国家基础地理信息中心',
      crs: 'WGS84',
      minzoom: 1,
      maxzoom: 18,
      bounds: [-180, -90, 180, 90],
    })
    expect(definition.legend).toBeUndefined()
  })
  it('keeps http when the user typed http', () => {
    const plain = readWmtsCapabilities(fixture('wmts-tianditu.xml'), `http://t0.tianditu.gov.cn/img_c/wmts?tk=${KEY}`)
    expect(plain.getTileUrl).toBe('http://t0.tianditu.gov.cn/img_c/wmts')
  })
  it('makes the geographic definition from c', () => {
    const caps = tianditu()
    const definition = wmtsLayerDefinition(caps, 'cia', 'c', 'WGS84')
    expect(definition.raster?.scheme).toBe('wmts-geographic')
    if (definition.raster?.scheme !== 'wmts-geographic') return
    expect(definition.raster.template).toContain('LAYER=cia&STYLE=default&TILEMATRIXSET=c&FORMAT=tiles')
    expect(definition.raster.matrices).toBe(setOf(caps, 'c').geographic)
    expect([definition.minzoom, definition.maxzoom]).toEqual([1, 18])
  })
  it('refuses a layer or a set it does not offer', () => {
    const caps = tianditu()
    expect(refusal(() => wmtsLayerDefinition(caps, 'vec', 'w')).en).toBe('The WMTS capabilities list no layer "vec"')
    expect(refusal(() => wmtsLayerDefinition(caps, 'img', 'EPSG:3857'))).toEqual({
      zh: '图层“全球影像地图服务”没有矩阵集“EPSG:3857”（它有：w、c）',
      en: 'The layer "全球影像地图服务" has no matrix set "EPSG:3857" (it has: w, c)',
    })
  })
})

describe('GeoServer (RESTful templates)', () => {
  const geoserver = () => readWmtsCapabilities(fixture('wmts-geoserver-restful.xml'), GWC)
  const layer = (id: string) => geoserver().offer.layers.find((item) => item.id === id)!

  it('lists a layer’s sets drawable first, and says why the others cannot be drawn', () => {
    expect(layer('jindong:landuse').matrixSets).toEqual([
      { id: 'EPSG:900913', kind: 'mercator', problem: null },
      { id: 'EPSG:4326', kind: 'geographic', problem: null },
      {
        id: 'EPSG:4549',
        kind: 'other',
        problem: {
          zh: '矩阵集“EPSG:4549”（urn:ogc:def:crs:EPSG::4549）不是 Web 墨卡托或经纬度坐标系，不能叠加在 Web 墨卡托地图上',
          en:
            'matrix set "EPSG:4549" (urn:ogc:def:crs:EPSG::4549) is neither Web Mercator nor longitude and latitude; ' +
            'it cannot be drawn on a Web Mercator map',
        },
      },
    ])
    expect(layer('jindong:landuse').problem).toBeNull()
  })
  it('sets the layer’s problem when none of its sets can be drawn', () => {
    const caps = geoserver()
    const problem = layer('jindong:dem_hillshade').problem!
    expect(problem.zh).toMatch(/^没有能叠加在 Web 墨卡托地图上的矩阵集：矩阵集“EPSG:4549”/)
    expect(problem.en).toMatch(/^has no matrix set that can be drawn on a Web Mercator map: matrix set "EPSG:4549"/)
    const refused = refusal(() => wmtsLayerDefinition(caps, 'jindong:dem_hillshade', 'EPSG:4549'))
    expect(refused.en).toMatch(/^The layer "地形晕渲" cannot be drawn: matrix set "EPSG:4549" \(/)
  })
  it('fills the RESTful template’s style and set, PNG chosen over JPEG, the user’s token kept', () => {
    const caps = geoserver()
    const definition = wmtsLayerDefinition(caps, 'jindong:landuse', 'EPSG:900913')
    expect(definition.raster).toEqual({
      scheme: 'wmts-mercator',
      template:
        'http://10.1.2.3:8080/geoserver/gwc/service/wmts/rest/jindong:landuse/landuse_default/EPSG:900913/' +
        '{TileMatrix}/{TileRow}/{TileCol}?format=image/png&token=abc',
      matrixIds: Array.from({ length: 13 }, (_, z) => `EPSG:900913:${z}`),
    })
    expect(definition).toMatchObject({
      title: '土地利用',
      attribution: '金东区生态环境局',
      minzoom: 0,
      maxzoom: 12,
      bounds: [119.5, 28.9, 120, 29.3],
      legend: {
        image:
          'http://10.1.2.3:8080/geoserver/ows?service=WMS&request=GetLegendGraphic&format=image%2Fpng&width=20' +
          '&height=20&layer=jindong%3Alanduse&token=abc',
      },
    })
  })
  it('reads GeoServer’s EPSG:4326 grid (OGC scales) as the geographic quad', () => {
    const caps = geoserver()
    const set = setOf(caps, 'EPSG:4326')
    expect(set.geographic![0]).toMatchObject({ id: 'EPSG:4326:0', degreesPerPixel: 0.703125, originLon: -180 })
    expect([set.minzoom, set.maxzoom]).toEqual([1, 11])
    const definition = wmtsLayerDefinition(caps, 'jindong:landuse', 'EPSG:4326')
    expect(definition.raster?.scheme).toBe('wmts-geographic')
  })
  it('reads a set of 512-px tiles: one tile across the world at zoom 0', () => {
    const caps = geoserver()
    const definition = wmtsLayerDefinition(caps, 'jindong:basemap_hidpi', 'EPSG:900913x2')
    expect(definition.raster).toMatchObject({
      scheme: 'wmts-mercator',
      tileSize: 512,
      matrixIds: Array.from({ length: 9 }, (_, z) => `EPSG:900913x2:${z}`),
    })
    expect(wmtsLayerDefinition(caps, 'jindong:landuse', 'EPSG:900913').raster).not.toHaveProperty('tileSize')
  })
  it('fills a dimension with its default (and an empty style identifier with "default")', () => {
    const caps = geoserver()
    const definition = wmtsLayerDefinition(caps, 'jindong:aqi_daily', 'EPSG:900913')
    expect((definition.raster as { template: string }).template).toBe(
      'http://10.1.2.3:8080/geoserver/gwc/service/wmts/rest/jindong:aqi_daily/default/EPSG:900913/{TileMatrix}/{TileRow}/' +
        '{TileCol}?format=image/png&time=2024-06-01&token=abc',
    )
  })
  it('takes the KVP Get of GetTile, not the RESTful one', () => {
    const caps = geoserver()
    expect(caps.getTileUrl).toBe('http://10.1.2.3:8080/geoserver/gwc/service/wmts')
  })
})

/** A small WMTS document: one layer, its sets, and any more of Contents. */
function wmts(layer: string, sets: string, before = ''): string {
  return `<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
    xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">${before}<Contents>${layer}${sets}</Contents></Capabilities>`
}
function layerXml(sets: string[], extra = '<Format>image/png</Format>'): string {
  const links = sets.map((set) => `<TileMatrixSetLink><TileMatrixSet>${set}</TileMatrixSet></TileMatrixSetLink>`)
  return `<Layer><ows:Identifier>L</ows:Identifier>${extra}${links.join('')}</Layer>`
}
function setXml(id: string, crs: string, matrices: [string, number, string, number?][]): string {
  const body = matrices.map(
    ([matrixId, scale, corner, tile = 256]) =>
      `<TileMatrix><ows:Identifier>${matrixId}</ows:Identifier><ScaleDenominator>${scale}</ScaleDenominator>` +
      `<TopLeftCorner>${corner}</TopLeftCorner><TileWidth>${tile}</TileWidth><TileHeight>${tile}</TileHeight>` +
      `<MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>`,
  )
  const head = `<ows:Identifier>${id}</ows:Identifier><ows:SupportedCRS>${crs}</ows:SupportedCRS>`
  return `<TileMatrixSet>${head}${body.join('')}</TileMatrixSet>`
}
const CORNER = '-20037508.3427892 20037508.3427892'
const S0 = 559082264.0287178

describe('classifying matrix sets', () => {
  const read = (set: string) => readWmtsCapabilities(wmts(layerXml(['s']), set), 'http://h/wmts').matrixSets[0]!

  it.each([
    ['urn:ogc:def:crs:EPSG::3857', 'EPSG:3857'],
    ['urn:ogc:def:crs:EPSG:6.18.3:3857', 'EPSG:3857'],
    ['urn:ogc:def:crs:EPSG:6.18:3:3857', 'EPSG:3857'],
    ['http://www.opengis.net/def/crs/EPSG/0/4490', 'EPSG:4490'],
    ['EPSG:102100', 'EPSG:102100'],
    ['urn:ogc:def:crs:OGC:1.3:CRS84', 'CRS84'],
    ['urn:ogc:def:crs:OGC::CRS84', 'CRS84'],
    ['urn:ogc:def:crs:EPSG::4549', 'EPSG:4549'],
    ['urn:ogc:def:crs:SR-ORG::6864', null],
  ])('reads %s as %s', (written, code) => {
    expect(crsCode(written)).toBe(code)
  })
  it('takes Web Mercator in an ArcGIS URN, a matrix missing in the middle left null', () => {
    const set = read(
      setXml('s', 'urn:ogc:def:crs:EPSG:6.18.3:3857', [
        ['0', S0, CORNER],
        ['2', S0 / 4, CORNER],
      ]),
    )
    expect(set).toMatchObject({ kind: 'mercator', matrixIds: ['0', null, '2'], minzoom: 0, maxzoom: 2 })
  })
  it('refuses a Web Mercator set with another corner, naming it', () => {
    expect(read(setXml('s', 'EPSG:3857', [['0', S0, '-20037510 20037508.34']])).kind).toBe('other')
    const set = read(setXml('s', 'EPSG:3857', [['0', S0, '-20037508.34 20037510']]))
    expect(set.kind).toBe('other')
    expect(set.problem?.en).toBe(
      'matrix set "s" (EPSG:3857) has matrix "0" with its top-left corner at -20037508.34 20037510, ' +
        "not Web Mercator's -20037508.34 20037508.34",
    )
  })
  it('refuses a Web Mercator set whose scales are not the standard levels', () => {
    const set = read(
      setXml('s', 'EPSG:3857', [
        ['0', S0, CORNER],
        ['1', S0 / 3, CORNER],
      ]),
    )
    expect(set.kind).toBe('other')
    expect(set.problem?.zh).toContain('不是 Web 墨卡托的标准级别')
    // Within 1 % is still a level.
    expect(read(setXml('s', 'EPSG:3857', [['0', S0 * 1.009, CORNER]])).kind).toBe('mercator')
    expect(read(setXml('s', 'EPSG:3857', [['0', S0 * 1.02, CORNER]])).kind).toBe('other')
  })
  it('refuses Web Mercator tiles of mixed sizes', () => {
    const set = read(
      setXml('s', 'EPSG:3857', [
        ['0', S0, CORNER],
        ['1', S0 / 4, CORNER, 512],
      ]),
    )
    expect(set.problem?.en).toContain('has tiles that are not squares of one size')
  })
  it('reads a CRS84 corner as "lon lat", and a value beyond 90 as the longitude whatever the CRS', () => {
    const crs84 = read(setXml('s', 'urn:ogc:def:crs:OGC:1.3:CRS84', [['0', S0, '-180 90']]))
    expect(crs84.geographic![0]).toMatchObject({ originLon: -180, originLat: 90, degreesPerPixel: 1.40625 })
    const lonFirst = read(setXml('s', 'EPSG:4326', [['0', S0, '-180 90']]))
    expect(lonFirst.geographic![0]).toMatchObject({ originLon: -180, originLat: 90 })
    const latFirst = read(setXml('s', 'EPSG:4490', [['0', S0, '30 100']]))
    expect(latFirst.geographic![0]).toMatchObject({ originLon: 100, originLat: 30 })
    const plain = read(setXml('s', 'EPSG:4490', [['0', S0, '30 60']]))
    expect(plain.geographic![0]).toMatchObject({ originLon: 60, originLat: 30 })
  })
  it('keeps OGC’s pixel size for a geographic set off the quad', () => {
    const set = read(setXml('s', 'EPSG:4490', [['0', 1_000_000, '90 -180']]))
    expect(set.geographic![0]!.degreesPerPixel).toBeCloseTo((1_000_000 * 0.00028) / 111319.49079327358, 15)
  })
  it('refuses a set with missing numbers, or without matrices', () => {
    expect(read(setXml('s', 'EPSG:3857', [['0', S0, '1 2 3']])).problem?.en).toBe(
      'matrix set "s" (EPSG:3857) has a matrix with missing or wrong numbers',
    )
    expect(read(setXml('s', 'EPSG:3857', [])).problem?.zh).toBe('矩阵集“s”（EPSG:3857）没有矩阵（TileMatrix）')
  })
  it('says so when a layer links a set the document lacks, or none', () => {
    const caps = readWmtsCapabilities(wmts(layerXml(['gone']), ''), 'http://h/wmts')
    expect(caps.offer.layers[0]!.matrixSets[0]!.problem?.en).toBe('the capabilities hold no matrix set "gone"')
    expect(refusal(() => wmtsLayerDefinition(caps, 'L', 'gone')).en).toBe(
      'The layer "L" cannot be drawn: the capabilities hold no matrix set "gone"',
    )
    const unlinked = readWmtsCapabilities(wmts(layerXml([]), ''), 'http://h/wmts')
    expect(unlinked.offer.layers[0]!.problem?.en).toBe('is linked to no matrix set (TileMatrixSetLink)')
  })
})

describe('templates', () => {
  const mercator = setXml('GoogleMapsCompatible', 'EPSG:3857', [['0', S0, CORNER]])
  it('fills {Style} and {TileMatrixSet} in any case, and normalises the tile placeholders', () => {
    const layer =
      '<Layer><ows:Identifier>L</ows:Identifier>' +
      '<Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>' +
      '<Format>image/jpgpng</Format><TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet>' +
      '</TileMatrixSetLink><ResourceURL format="image/jpgpng" resourceType="tile" template="https://gis.example.cn' +
      '/arcgis/rest/services/JD/River/MapServer/WMTS/tile/1.0.0/JD_River/{Style}/{TileMatrixSet}/{tilematrix}/' +
      '{tilerow}/{tilecol}"/></Layer>'
    const caps = readWmtsCapabilities(
      wmts(layer, mercator),
      'https://gis.example.cn/arcgis/rest/services/JD/River/MapServer/WMTS/1.0.0/WMTSCapabilities.xml',
    )
    expect((wmtsLayerDefinition(caps, 'L', 'GoogleMapsCompatible').raster as { template: string }).template).toBe(
      'https://gis.example.cn/arcgis/rest/services/JD/River/MapServer/WMTS/tile/1.0.0/JD_River/default/' +
        'GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}',
    )
  })
  it('falls back to the capabilities address for KVP, JPEG chosen when there is no PNG', () => {
    const layer = layerXml(['GoogleMapsCompatible'], '<Format>image/webp</Format><Format>image/jpeg</Format>')
    const caps = readWmtsCapabilities(wmts(layer, mercator), 'http://h/wmts?service=WMTS&tk=k')
    expect(caps.getTileUrl).toBe('http://h/wmts')
    expect((wmtsLayerDefinition(caps, 'L', 'GoogleMapsCompatible').raster as { template: string }).template).toBe(
      'http://h/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=L&STYLE=default&TILEMATRIXSET=GoogleMapsCompatible' +
        '&FORMAT=image/jpeg&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&tk=k',
    )
  })
  it('refuses a layer with neither a format nor a template', () => {
    const caps = readWmtsCapabilities(wmts(layerXml(['GoogleMapsCompatible'], ''), mercator), 'http://h/wmts')
    expect(caps.offer.layers[0]!.problem?.en).toBe('names no tile format (Format)')
    expect(refusal(() => wmtsLayerDefinition(caps, 'L', 'GoogleMapsCompatible')).zh).toBe(
      '图层“L”不能绘制：没有声明瓦片格式（Format）',
    )
  })
})

describe('the KVP GetTile address', () => {
  const metadata = (gets: string) =>
    `<ows:OperationsMetadata><ows:Operation name="GetCapabilities"><ows:DCP><ows:HTTP><ows:Get xlink:href="http://h/caps?"/>` +
    `</ows:HTTP></ows:DCP></ows:Operation><ows:Operation name="GetTile"><ows:DCP><ows:HTTP>${gets}</ows:HTTP>` +
    `</ows:DCP></ows:Operation></ows:OperationsMetadata>`
  const get = (href: string, encoding?: string) =>
    `<ows:Get xlink:href="${href}">${
      encoding
        ? `<ows:Constraint name="GetEncoding"><ows:AllowedValues><ows:Value>${encoding}</ows:Value>` +
          '</ows:AllowedValues></ows:Constraint>'
        : ''
    }</ows:Get>`
  const read = (gets: string) =>
    readWmtsCapabilities(wmts(layerXml([]), '', metadata(gets)), 'http://h/wmts?tk=1').getTileUrl
  it('takes the Get that allows KVP, else one that says nothing of encodings', () => {
    expect(read(get('http://h/rest/', 'RESTful') + get('http://h/kvp?', 'KVP'))).toBe('http://h/kvp')
    expect(read(get('http://h/rest/', 'RESTful') + get('http://h/any?'))).toBe('http://h/any')
    expect(read(get('http://h/rest/', 'RESTful'))).toBe('http://h/wmts')
  })
})

describe('refusals of what is not a WMTS capabilities document', () => {
  it('names the line and column of text that is not XML', () => {
    expect(refusal(() => readWmtsCapabilities('<Capabilities>\n  <Contents>\n</Capabilities>', TIANDITU))).toEqual({
      zh: 'WMTS 能力文档不是 XML：第 3 行第 1 列，结束标签 </Capabilities> 与第 2 行的 <Contents> 不匹配',
      en:
        'The WMTS capabilities are not XML: line 3, column 1, the closing tag </Capabilities> does not match ' +
        '<Contents> opened on line 2',
    })
    expect(refusal(() => readWmtsCapabilities(fixture('nginx-502.html'), TIANDITU)).en).toContain(
      'the server sent a web page, "502 Bad Gateway"',
    )
  })
  it('quotes the exception report', () => {
    const text =
      '<ExceptionReport xmlns="http://www.opengis.net/ows/1.1" version="1.1.0"><Exception exceptionCode=' +
      '"InvalidParameterValue" locator="tk"><ExceptionText>权限验证失败</ExceptionText></Exception></ExceptionReport>'
    expect(refusal(() => readWmtsCapabilities(text, TIANDITU))).toEqual({
      zh: '服务器拒绝了请求：“InvalidParameterValue: 权限验证失败”',
      en: 'The server refused the request: "InvalidParameterValue: 权限验证失败"',
    })
  })
  it('names the root of another kind of document', () => {
    expect(refusal(() => readWmtsCapabilities(fixture('wms-130-geoserver.xml'), TIANDITU)).en).toBe(
      'The WMTS capabilities have the root element <WMS_Capabilities>, not <Capabilities>',
    )
  })
  it('refuses a document without Contents, and one without layers', () => {
    expect(refusal(() => readWmtsCapabilities('<Capabilities version="1.0.0"/>', TIANDITU)).en).toBe(
      'The WMTS capabilities hold no <Contents>',
    )
    expect(refusal(() => readWmtsCapabilities(wmts('', ''), TIANDITU)).zh).toBe('WMTS 能力文档中没有图层（<Layer>）')
  })
})

const H = 20037508.342789244
const square = (id: string, crs: string, matrices: string[]): string =>
  `<TileMatrixSet><ows:Identifier>${id}</ows:Identifier><ows:SupportedCRS>${crs}</ows:SupportedCRS>` +
  `${matrices.join('')}</TileMatrixSet>`
/** One TileMatrix with fields that may be changed or left out (undefined). */
function matrixXml(fields: Partial<Record<string, string | number | undefined>>): string {
  const all: Record<string, string | number | undefined> = {
    'ows:Identifier': '0',
    ScaleDenominator: S0,
    TopLeftCorner: CORNER,
    TileWidth: 256,
    TileHeight: 256,
    MatrixWidth: 1,
    MatrixHeight: 1,
    ...fields,
  }
  const body = Object.entries(all)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
  return `<TileMatrix>${body.join('')}</TileMatrix>`
}

describe('matrices, checked', () => {
  const read = (set: string) => readWmtsCapabilities(wmts(layerXml(['s']), set), 'http://h/wmts').matrixSets[0]!
  const mercator = (...matrices: string[]) => read(square('s', 'EPSG:3857', matrices))

  it('reads a whole matrix', () => {
    expect(mercator(matrixXml({})).matrices).toEqual([
      {
        id: '0',
        scaleDenominator: S0,
        topLeft: [-20037508.3427892, 20037508.3427892],
        tileWidth: 256,
        tileHeight: 256,
        matrixWidth: 1,
        matrixHeight: 1,
      },
    ])
  })

  it('refuses a matrix without identifier, with a scale of 0, or sizes that are not positive whole numbers', () => {
    const broken = [
      { 'ows:Identifier': undefined },
      { ScaleDenominator: 0 },
      { TileWidth: 0 },
      { TileHeight: 256.5 },
      { MatrixWidth: -1 },
      { MatrixHeight: undefined },
    ]
    for (const change of broken) {
      const set = mercator(matrixXml({ 'ows:Identifier': '1', ScaleDenominator: S0 / 2 }), matrixXml(change))
      expect(set.kind).toBe('other')
      expect(set.problem).toEqual({
        zh: '矩阵集“s”（EPSG:3857）的矩阵缺少数字或数字有误',
        en: 'matrix set "s" (EPSG:3857) has a matrix with missing or wrong numbers',
      })
    }
    expect(mercator().problem!.en).toBe('matrix set "s" (EPSG:3857) has no TileMatrix')
  })

  it('refuses Web Mercator tiles that are not squares of one size, in both languages', () => {
    const tall = mercator(matrixXml({ TileHeight: 512 }))
    expect(tall.problem).toEqual({
      zh: '矩阵集“s”（EPSG:3857）的瓦片不是同样大小的正方形',
      en: 'matrix set "s" (EPSG:3857) has tiles that are not squares of one size',
    })
    const wider = mercator(
      matrixXml({}),
      matrixXml({ 'ows:Identifier': '1', ScaleDenominator: S0 / 4, TileWidth: 512 }),
    )
    expect(wider.kind).toBe('other')
  })

  it('takes a corner within a metre of Web Mercator’s, and names one further off in both languages', () => {
    expect(mercator(matrixXml({ TopLeftCorner: `${-H + 1} ${H - 1}` })).kind).toBe('mercator')
    expect(mercator(matrixXml({ TopLeftCorner: '0 0' })).problem!.zh).toBe(
      '矩阵集“s”（EPSG:3857）的矩阵“0”左上角是 0 0，不是 Web 墨卡托的 -20037508.34 20037508.34',
    )
  })

  it('lists the first three scales of a set off the standard levels', () => {
    const scales = [S0, S0 / 3, S0 / 5, S0 / 7]
    const set = mercator(...scales.map((scale, i) => matrixXml({ 'ows:Identifier': `${i}`, ScaleDenominator: scale })))
    const [a, b, c] = scales
    expect(set.problem).toEqual({
      zh: `矩阵集“s”（EPSG:3857）的比例尺（1:${a}、1:${b}、1:${c}…）不是 Web 墨卡托的标准级别`,
      en: `matrix set "s" (EPSG:3857) does not use the standard Web Mercator levels (scales 1:${a}, 1:${b}, 1:${c}, …)`,
    })
  })

  it('says "?" for a set that names no CRS', () => {
    expect(read(square('s', '', [matrixXml({})])).problem!.en).toBe(
      'matrix set "s" (?) is neither Web Mercator nor longitude and latitude; it cannot be drawn on a Web Mercator map',
    )
  })

  it('reads a corner of exactly ±90 by the CRS: "lon lat" in CRS84, "lat lon" in EPSG:4326', () => {
    const geographic = (crs: string, corner: string) =>
      read(square('s', crs, [matrixXml({ TopLeftCorner: corner })])).geographic![0]!
    expect(geographic('urn:ogc:def:crs:OGC:1.3:CRS84', '-90 90')).toMatchObject({ originLon: -90, originLat: 90 })
    expect(geographic('EPSG:4326', '90 60')).toMatchObject({ originLon: 60, originLat: 90 })
    // A second number beyond ±90 is the longitude, even in CRS84.
    expect(geographic('urn:ogc:def:crs:OGC:1.3:CRS84', '30 100')).toMatchObject({ originLon: 100, originLat: 30 })
  })

  it('orders geographic matrices coarsest first, their zooms kept within 0 and 24', () => {
    const set = read(
      square('s', 'EPSG:4326', [
        matrixXml({ 'ows:Identifier': 'fine', ScaleDenominator: 1 }),
        matrixXml({ 'ows:Identifier': 'coarse', ScaleDenominator: S0 * 16 }),
      ]),
    )
    expect(set.geographic!.map((matrix) => matrix.id)).toEqual(['coarse', 'fine'])
    expect([set.minzoom, set.maxzoom]).toEqual([0, 24])
  })

  it('reads a SupportedCRS with spaces around it, and one without a code as none', () => {
    expect(crsCode(' EPSG:3857 ')).toBe('EPSG:3857')
    expect(crsCode('urn:ogc:def:crs:EPSG::')).toBeNull()
  })
})

describe('layers, read', () => {
  const read = (layers: string, url = 'http://h/wmts?tk=k') =>
    readWmtsCapabilities(wmts(layers, setXml('s', 'EPSG:3857', [['0', S0, CORNER]])), url)
  const link = '<TileMatrixSetLink><TileMatrixSet>s</TileMatrixSet></TileMatrixSetLink>'
  const layerOf = (body: string, id = 'L') => `<Layer><ows:Identifier>${id}</ows:Identifier>${link}${body}</Layer>`
  const template = (caps: WmtsCapabilities, id = 'L') =>
    (wmtsLayerDefinition(caps, id, 's').raster as { template: string }).template

  it('skips a layer without identifier and a repeated one', () => {
    const caps = read(
      `<Layer><ows:Title>x</ows:Title>${link}</Layer>${layerOf('<ows:Title>first</ows:Title>')}${layerOf('')}`,
    )
    expect(caps.offer.layers.map((layer) => [layer.id, layer.title])).toEqual([['L', 'first']])
    expect(caps.offer.total).toBe(1)
  })

  it('titles a layer by its identifier when it has no title, and keeps its abstract', () => {
    const [layer] = read(layerOf('<ows:Abstract>说明</ows:Abstract><Format>image/png</Format>')).offer.layers
    expect(layer).toMatchObject({ id: 'L', title: 'L', abstract: '说明', format: 'image/png', style: 'default' })
    expect(read(layerOf('<Format>image/png</Format>')).offer.layers[0]).not.toHaveProperty('abstract')
  })

  it('chooses PNG when it comes first, and image/jpg when there is no PNG or JPEG', () => {
    const format = (formats: string[]) =>
      read(layerOf(formats.map((item) => `<Format> ${item} </Format>`).join(''))).offer.layers[0]!.format
    expect(format(['image/png', 'image/jpeg'])).toBe('image/png')
    expect(format(['image/webp', 'image/JPG'])).toBe('image/JPG')
    expect(format([])).toBeNull()
  })

  it('requests the default style, else the first', () => {
    const style = (id: string, isDefault?: string) =>
      `<Style${isDefault ? ` isDefault="${isDefault}"` : ''}><ows:Identifier>${id}</ows:Identifier></Style>`
    const styleOf = (styles: string) => read(layerOf(`<Format>image/png</Format>${styles}`)).offer.layers[0]!.style
    expect(styleOf(style('a', 'false') + style('b', ' true '))).toBe('b')
    expect(styleOf(style('a') + style('b'))).toBe('a')
  })

  it('reads the WGS84 box, clamped to the world, and leaves out one that is missing, empty or inverted', () => {
    const box = (lower: string, upper: string) =>
      read(
        layerOf(
          `<Format>image/png</Format><ows:WGS84BoundingBox><ows:LowerCorner>${lower}</ows:LowerCorner>` +
            `<ows:UpperCorner>${upper}</ows:UpperCorner></ows:WGS84BoundingBox>`,
        ),
      ).offer.layers[0]!.bounds
    expect(box('119.5 28.9', '120 29.3')).toEqual([119.5, 28.9, 120, 29.3])
    expect(box('-200 -95', '200 95')).toEqual([-180, -90, 180, 90])
    const refused: [string, string][] = [
      ['', '120 29.3'],
      ['119.5 28.9', ''],
      ['120 28.9', '120 29.3'],
      ['119.5 29.3', '120 29.3'],
      ['121 28.9', '120 29.3'],
      ['119.5 30', '120 29.3'],
    ]
    for (const [lower, upper] of refused) expect(box(lower, upper)).toBeUndefined()
  })

  it('takes tile templates only, trimmed, and their formats as the layer’s', () => {
    const resource = (attributes: string) => `<ResourceURL ${attributes}/>`
    const caps = read(
      layerOf(
        resource('format="image/png" resourceType="FeatureInfo" template="http://h/info/{TileMatrix}"') +
          resource('format="image/png" template="http://h/none/{TileMatrix}"') +
          resource('format="image/png" resourceType="tile" template="  "') +
          resource('format="image/png" resourceType="tile"') +
          resource(
            ' format=" image/png " resourceType="Tile" template=" http://h/tiles/{TileMatrix}/{TileRow}/{TileCol} "',
          ),
      ),
    )
    const [layer] = caps.offer.layers
    expect(layer!.resourceUrls).toEqual([
      { format: 'image/png', template: 'http://h/tiles/{TileMatrix}/{TileRow}/{TileCol}' },
    ])
    expect(layer!.format).toBe('image/png')
    expect(layer!.problem).toBeNull()
    expect(template(caps)).toBe('http://h/tiles/{TileMatrix}/{TileRow}/{TileCol}?tk=k')
    const unnamed = read(layerOf(resource('resourceType="tile" template="http://h/t/{TileMatrix}"'))).offer.layers[0]!
    expect([unnamed.resourceUrls, unnamed.format]).toEqual([
      [{ format: '', template: 'http://h/t/{TileMatrix}' }],
      null,
    ])
    expect(unnamed.problem).toBeNull()
  })

  it('asks by KVP when the tile template is no web address', () => {
    const caps = read(
      layerOf(
        '<Format>image/png</Format><ResourceURL format="image/png" resourceType="tile" template="ftp://h/{TileMatrix}"/>',
      ),
    )
    expect(template(caps)).toMatch(/^http:\/\/h\/wmts\?SERVICE=WMTS&REQUEST=GetTile&.*&FORMAT=image\/png&/)
  })

  it('does not send the user’s key to a template on another host', () => {
    const caps = read(
      layerOf('<ResourceURL format="image/png" resourceType="tile" template="http://cdn/t/{TileMatrix}"/>'),
    )
    expect(template(caps)).toBe('http://cdn/t/{TileMatrix}')
  })

  it('fills a dimension of any name, its value the default else the first', () => {
    const dimension = (id: string, values: string) =>
      `<Dimension><ows:Identifier>${id}</ows:Identifier>${values}</Dimension>`
    const caps = read(
      layerOf(
        dimension('band.v', '<Value>b1</Value><Value>b2</Value>') +
          dimension('time', '<Default>2024-06-01</Default><Value>2024-05-01</Value>') +
          '<ResourceURL format="image/png" resourceType="tile" template="http://h/{band.v}/{bandXv}/{Time}/{TileMatrix}"/>',
      ),
    )
    expect(caps.offer.layers[0]!.dimensions).toEqual([
      { id: 'band.v', value: 'b1' },
      { id: 'time', value: '2024-06-01' },
    ])
    expect(template(caps)).toBe('http://h/b1/{bandXv}/2024-06-01/{TileMatrix}?tk=k')
  })

  it('asks for dimensions by KVP too, leaving out one without identifier', () => {
    const caps = read(
      layerOf(
        '<Format>image/png</Format>' +
          '<Dimension><ows:Identifier>time</ows:Identifier><Default>2024</Default></Dimension>' +
          '<Dimension><Default>x</Default></Dimension>',
      ),
    )
    expect(template(caps)).toBe(
      'http://h/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=L&STYLE=default&TILEMATRIXSET=s&FORMAT=image/png' +
        '&TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}&time=2024&tk=k',
    )
  })

  it('passes over an empty matrix set link', () => {
    const caps = read(
      `<Layer><ows:Identifier>L</ows:Identifier><Format>image/png</Format>` +
        `<TileMatrixSetLink><TileMatrixSet></TileMatrixSet></TileMatrixSetLink>${link}</Layer>`,
    )
    expect(caps.offer.layers[0]!.matrixSets.map((set) => set.id)).toEqual(['s'])
  })

  it('resolves a legend’s path against the user’s address, with the user’s key', () => {
    const caps = read(
      layerOf(
        '<Format>image/png</Format><Style><ows:Identifier>a</ows:Identifier>' +
          '<LegendURL format="image/png" xlink:href="/legend.png?layer=L"/></Style>',
      ),
    )
    expect(wmtsLayerDefinition(caps, 'L', 's').legend).toEqual({ image: 'http://h/legend.png?layer=L&tk=k' })
  })

  it('names a missing set and a layer without sets in both languages', () => {
    const caps = readWmtsCapabilities(wmts(layerXml(['gone']), ''), 'http://h/wmts')
    expect(caps.offer.layers[0]!.matrixSets[0]!.problem!.zh).toBe('能力文档中没有矩阵集“gone”')
    const unlinked = readWmtsCapabilities(wmts(layerXml([]), ''), 'http://h/wmts')
    expect(unlinked.offer.layers[0]!.problem!.zh).toBe('没有矩阵集（TileMatrixSetLink）')
    expect(refusal(() => wmtsLayerDefinition(unlinked, 'L', 's'))).toEqual({
      zh: '图层“L”没有矩阵集“s”（它有：无）',
      en: 'The layer "L" has no matrix set "s" (it has: none)',
    })
  })

  it('lists at most five undrawable sets in the layer’s problem', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    const sets = ids.map((id) => square(id, 'EPSG:4549', [matrixXml({})])).join('')
    const caps = readWmtsCapabilities(wmts(layerXml(ids), sets), 'http://h/wmts')
    const reason = (id: string, en: boolean) =>
      en
        ? `matrix set "${id}" (EPSG:4549) is neither Web Mercator nor longitude and latitude; ` +
          'it cannot be drawn on a Web Mercator map'
        : `矩阵集“${id}”（EPSG:4549）不是 Web 墨卡托或经纬度坐标系，不能叠加在 Web 墨卡托地图上`
    const five = ids.slice(0, 5)
    expect(caps.offer.layers[0]!.problem).toEqual({
      zh: `没有能叠加在 Web 墨卡托地图上的矩阵集：${five.map((id) => reason(id, false)).join('；')}`,
      en: `has no matrix set that can be drawn on a Web Mercator map: ${five.map((id) => reason(id, true)).join('; ')}`,
    })
  })
})

describe('the KVP GetTile address, more', () => {
  const read = (get: string) =>
    readWmtsCapabilities(
      wmts(
        layerXml([]),
        '',
        `<ows:OperationsMetadata><ows:Operation name="GetTile"><ows:DCP><ows:HTTP>${get}</ows:HTTP></ows:DCP>` +
          '</ows:Operation></ows:OperationsMetadata>',
      ),
      'http://h/wmts',
    ).getTileUrl
  const constraint = (name: string, values: string) => `<ows:Constraint name="${name}">${values}</ows:Constraint>`
  it('reads the encodings in any case and spacing, and only from the GetEncoding constraint', () => {
    const allowed = (value: string) => `<ows:AllowedValues><ows:Value>${value}</ows:Value></ows:AllowedValues>`
    expect(read(`<ows:Get xlink:href="http://h/kvp?">${constraint('GetEncoding', allowed(' kvp '))}</ows:Get>`)).toBe(
      'http://h/kvp',
    )
    expect(read(`<ows:Get xlink:href="http://h/any?">${constraint('Other', allowed('REST'))}</ows:Get>`)).toBe(
      'http://h/any',
    )
    expect(read(`<ows:Get xlink:href="http://h/open?">${constraint('GetEncoding', '')}</ows:Get>`)).toBe(
      'http://h/open',
    )
  })
})

describe('refusals of what is not a WMTS capabilities document, more', () => {
  it('says so in Chinese too', () => {
    expect(refusal(() => readWmtsCapabilities(fixture('wms-130-geoserver.xml'), TIANDITU)).zh).toBe(
      'WMTS 能力文档的根元素是 <WMS_Capabilities>，不是 <Capabilities>',
    )
    expect(refusal(() => readWmtsCapabilities(wmts('', ''), TIANDITU)).en).toBe(
      'The WMTS capabilities list no layer (<Layer>)',
    )
  })
})
