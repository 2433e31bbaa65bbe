// WMS capabilities (1.3.0 from a GeoServer, 1.1.1 from a MapServer) into offered layers and GetMap templates.
import { describe, expect, it } from 'vitest'
import { readWmsCapabilities, wmsLayerDefinition } from '../../../../src/domain/services/wms-capabilities'
import { fixture, refusal } from './support'

const GEOSERVER = 'http://10.1.2.3:8080/geoserver/jindong/wms?SERVICE=WMS&REQUEST=GetCapabilities&token=s3cr3t'
const MAPSERVER = 'https://map.example.gov.cn/cgi-bin/mapserv?map=/srv/maps/zj.map&service=WMS&request=GetCapabilities'

describe('readWmsCapabilities, 1.3.0', () => {
  // Read in each test: the reading is what they test.
  const geoserver = () => readWmsCapabilities(fixture('wms-130-geoserver.xml'), GEOSERVER)
  const layer = (id: string) => geoserver().offer.layers.find((item) => item.id === id)!

  it('offers every named layer, nested ones included, in document order', () => {
    const caps = geoserver()
    expect(caps.version).toBe('1.3.0')
    expect(caps.offer.kind).toBe('wms')
    expect(caps.offer.title).toBe('金东区生态环境 WMS')
    expect(caps.offer.attribution).toBe('金东区生态环境局')
    expect(caps.offer.layers.map((item) => item.id)).toEqual([
      'jindong:rivers',
      'jindong:air_stations',
      'jindong:water_sections',
      'jindong:cadastre',
    ])
    expect(caps.offer.total).toBe(4)
    expect(layer('jindong:rivers')).toMatchObject({ title: '河流水系', abstract: '金东区主要河流', problem: null })
  })
  it('inherits CRSs, bounds and attribution from the layers above', () => {
    expect(layer('jindong:air_stations').crs).toEqual(['EPSG:4326', 'CRS:84', 'EPSG:3857', 'EPSG:4490'])
    expect(layer('jindong:air_stations').bounds).toEqual([119.5, 28.9, 120.0, 29.3])
    expect(layer('jindong:water_sections').bounds).toEqual([119.55, 28.95, 119.95, 29.25])
    expect(layer('jindong:air_stations').attribution).toBe('金华市环境监测中心站')
    expect(layer('jindong:rivers').attribution).toBe('金东区生态环境局')
    expect(layer('jindong:air_stations').problem).toBeNull()
  })
  it('says which CRSs a layer without Web Mercator offers (the first five)', () => {
    const caps = geoserver()
    expect(layer('jindong:cadastre').problem).toEqual({
      zh: '只提供 EPSG:4326、CRS:84、EPSG:4490、EPSG:4549、EPSG:4528 等 6 种坐标系，不能叠加在 Web 墨卡托地图上',
      en:
        'offers only EPSG:4326, CRS:84, EPSG:4490, EPSG:4549, EPSG:4528 and 1 more; ' +
        'it cannot be drawn on a Web Mercator map',
    })
    const problem = refusal(() => wmsLayerDefinition(caps, 'jindong:cadastre'))
    expect(problem.zh).toMatch(/^图层“地籍（高斯-克吕格）”只提供 EPSG:4326/)
    expect(problem.en).toMatch(/^The layer "地籍（高斯-克吕格）" offers only EPSG:4326/)
  })
  it('makes a GetMap template in EPSG:3857 from the GetMap address, the user’s own parameters kept', () => {
    const caps = geoserver()
    const definition = wmsLayerDefinition(caps, 'jindong:water_sections', 'WGS84')
    expect(definition.raster).toEqual({
      scheme: 'wms',
      template:
        'http://10.1.2.3:8080/geoserver/ows?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=jindong:water_sections' +
        '&STYLES=&FORMAT=image/png&TRANSPARENT=TRUE&WIDTH=256&HEIGHT=256&CRS=EPSG:3857&BBOX={bbox-epsg-3857}' +
        '&token=s3cr3t',
    })
    expect(definition).toMatchObject({
      kind: 'wms',
      url: GEOSERVER,
      host: '10.1.2.3:8080',
      title: '水质断面',
      attribution: '金华市环境监测中心站',
      crs: 'WGS84',
      bounds: [119.55, 28.95, 119.95, 29.25],
    })
  })
  it('takes the style’s LegendURL, else asks GetLegendGraphic', () => {
    const caps = geoserver()
    expect(wmsLayerDefinition(caps, 'jindong:rivers').legend?.image).toBe(
      'http://10.1.2.3:8080/geoserver/ows?service=WMS&request=GetLegendGraphic&format=image%2Fpng&width=20' +
        '&height=20&layer=jindong%3Arivers&token=s3cr3t',
    )
    expect(wmsLayerDefinition(caps, 'jindong:air_stations', 'GCJ-02')).toMatchObject({
      crs: 'GCJ-02',
      legend: {
        image:
          'http://10.1.2.3:8080/geoserver/ows?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.3.0&FORMAT=image/png' +
          '&LAYER=jindong:air_stations&token=s3cr3t',
      },
    })
  })
  it('refuses a layer it does not offer', () => {
    const caps = geoserver()
    const problem = refusal(() => wmsLayerDefinition(caps, 'jindong:nothing'))
    expect(problem.en).toBe('The WMS capabilities list no layer "jindong:nothing"')
  })
})

describe('readWmsCapabilities, 1.1.1', () => {
  const mapserver = () => readWmsCapabilities(fixture('wms-111-mapserver.xml'), MAPSERVER)

  it('reads SRS and LatLonBoundingBox, and a layer that is only EPSG:4490', () => {
    const caps = mapserver()
    expect(caps.version).toBe('1.1.1')
    expect(caps.offer.layers.map((item) => [item.id, item.bounds])).toEqual([
      ['zj', [118, 27, 123, 31.2]],
      ['ecological_redline', [118.1, 27.1, 122.9, 31.1]],
      ['land_survey_2020', [118, 27, 123, 31.2]],
    ])
    const only4490 = {
      zh: '只提供 EPSG:4490，不能叠加在 Web 墨卡托地图上',
      en: 'offers only EPSG:4490; it cannot be drawn on a Web Mercator map',
    }
    expect(caps.offer.layers[0]!.problem).toEqual(only4490)
    expect(caps.offer.layers[2]!.problem).toEqual(only4490)
    expect(caps.offer.layers[1]!.crs).toEqual(['EPSG:4490', 'EPSG:4326', 'EPSG:900913'])
  })
  it('asks for SRS=EPSG:900913 when that is the code listed, and PNG8 when there is no PNG', () => {
    const caps = mapserver()
    const definition = wmsLayerDefinition(caps, 'ecological_redline')
    expect(definition.raster).toEqual({
      scheme: 'wms',
      template:
        'https://map.example.gov.cn/cgi-bin/mapserv?map=/srv/maps/zj.map&SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap' +
        '&LAYERS=ecological_redline&STYLES=&FORMAT=image/png8&TRANSPARENT=TRUE&WIDTH=256&HEIGHT=256' +
        '&SRS=EPSG:900913&BBOX={bbox-epsg-3857}',
    })
    expect(definition.attribution).toBe('')
    expect(definition.legend?.image).toBe(
      'https://map.example.gov.cn/cgi-bin/mapserv?map=/srv/maps/zj.map&SERVICE=WMS&REQUEST=GetLegendGraphic' +
        '&VERSION=1.1.1&FORMAT=image/png&LAYER=ecological_redline',
    )
  })
})

/** A small 1.3.0 document around one GetMap and some layers. */
function wms(getMap: string, layers: string, root = 'WMS_Capabilities'): string {
  return `<?xml version="1.0"?><${root} version="1.3.0" xmlns="http://www.opengis.net/wms"
    xmlns:xlink="http://www.w3.org/1999/xlink"><Service><Title>T</Title></Service>
    <Capability><Request><GetMap>${getMap}</GetMap></Request>${layers}</Capability></${root}>`
}

describe('the GetMap address and format', () => {
  const layer = '<Layer><Name>a b</Name><CRS>EPSG:3857</CRS></Layer>'
  it('prefers PNG, then PNG8, then JPEG, then any image', () => {
    const format = (formats: string[]) =>
      readWmsCapabilities(wms(formats.map((item) => `<Format>${item}</Format>`).join(''), layer), 'http://h/wms').format
    expect(format(['image/jpeg', 'image/png8', 'image/png'])).toBe('image/png')
    expect(format(['image/jpeg', 'image/png8'])).toBe('image/png8')
    expect(format(['image/gif', 'image/jpeg'])).toBe('image/jpeg')
    expect(format(['application/pdf', 'image/gif'])).toBe('image/gif')
  })
  it('refuses a service without an image format, on every layer', () => {
    const caps = readWmsCapabilities(wms('<Format>application/pdf</Format>', layer), 'http://h/wms')
    expect(caps.offer.layers[0]!.problem?.en).toBe(
      "cannot be drawn: the server's GetMap offers no image format (it offers: application/pdf)",
    )
    expect(refusal(() => wmsLayerDefinition(caps, 'a b')).zh).toContain('不提供图片格式')
  })
  it('falls back to the capabilities address without its query, the user’s parameters kept', () => {
    const caps = readWmsCapabilities(wms('<Format>image/png</Format>', layer), `http://h/wms?tk=1&request=x`)
    expect(caps.getMapUrl).toBe('http://h/wms')
    const template = (wmsLayerDefinition(caps, 'a b').raster as { template: string }).template
    expect(template).toBe(
      'http://h/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=a%20b&STYLES=&FORMAT=image/png&TRANSPARENT=TRUE' +
        '&WIDTH=256&HEIGHT=256&CRS=EPSG:3857&BBOX={bbox-epsg-3857}&tk=1',
    )
  })
  it('puts the user’s host in place of a server that calls itself localhost', () => {
    const getMap =
      '<Format>image/png</Format><DCPType><HTTP><Get><OnlineResource ' +
      'xlink:href="http://localhost:8080/geoserver/ows?SERVICE=WMS&amp;"/></Get></HTTP></DCPType>'
    const caps = readWmsCapabilities(wms(getMap, layer), 'https://gis.example.cn/geoserver/wms')
    expect(caps.getMapUrl).toBe('https://gis.example.cn/geoserver/ows')
  })
  it('gives the user’s key only to a LegendURL on the user’s host', () => {
    const legend = (href: string) =>
      `<Layer><Name>n</Name><CRS>EPSG:3857</CRS><Style><Name>s</Name><LegendURL><OnlineResource ` +
      `xlink:href="${href}"/></LegendURL></Style></Layer>`
    const read = (href: string) =>
      wmsLayerDefinition(readWmsCapabilities(wms('<Format>image/png</Format>', legend(href)), 'http://h/wms?tk=k'), 'n')
        .legend?.image
    expect(read('http://h/legend.png')).toBe('http://h/legend.png?tk=k')
    expect(read('https://elsewhere.example.cn/legend.png')).toBe('https://elsewhere.example.cn/legend.png')
    expect(read('/static/legend.png?v=2')).toBe('http://h/static/legend.png?v=2&tk=k')
  })
  it('accepts EPSG:102100 for an ArcGIS WMS', () => {
    const caps = readWmsCapabilities(
      wms('<Format>image/png</Format>', '<Layer><Name>0</Name><CRS>EPSG:4490</CRS><CRS>EPSG:102100</CRS></Layer>'),
      'http://h/arcgis/services/a/MapServer/WMSServer',
    )
    expect(caps.offer.layers[0]!.mercatorCode).toBe('EPSG:102100')
  })
  it('says so when a layer declares no CRS at all', () => {
    const caps = readWmsCapabilities(wms('<Format>image/png</Format>', '<Layer><Name>x</Name></Layer>'), 'http://h/w')
    expect(caps.offer.layers[0]!.problem?.en).toBe(
      'declares no coordinate system (CRS); it cannot be drawn on a Web Mercator map',
    )
  })
})

describe('refusals of what is not a WMS capabilities document', () => {
  it('quotes the server’s exception report', () => {
    expect(refusal(() => readWmsCapabilities(fixture('wms-exception.xml'), GEOSERVER))).toEqual({
      zh: '服务器拒绝了请求：“InvalidParameterValue: No service: ( wsm )”',
      en: 'The server refused the request: "InvalidParameterValue: No service: ( wsm )"',
    })
  })
  it('quotes an OWS exception report, at most 200 characters', () => {
    const long = 'x'.repeat(500)
    const text = `<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="1.1.0"><ows:Exception
      exceptionCode="NoApplicableCode"><ows:ExceptionText>Too long: ${long}</ows:ExceptionText></ows:Exception>
      </ows:ExceptionReport>`
    const problem = refusal(() => readWmsCapabilities(text, GEOSERVER))
    const quoted = /"(.*)"/.exec(problem.en)![1]!
    expect(quoted).toHaveLength(200)
    expect(quoted.startsWith('NoApplicableCode: Too long: xxx')).toBe(true)
  })
  it('names the line and column where an HTML error page stops being XML', () => {
    expect(refusal(() => readWmsCapabilities(fixture('nginx-502.html'), GEOSERVER))).toEqual({
      zh:
        'WMS 能力文档不是 XML：第 6 行第 1 列，结束标签 </body> 与第 5 行的 <hr> 不匹配；' +
        '服务器返回的是网页“502 Bad Gateway”（错误页或登录页？）',
      en:
        'The WMS capabilities are not XML: line 6, column 1, the closing tag </body> does not match <hr> opened ' +
        'on line 5; the server sent a web page, "502 Bad Gateway" (an error or login page?)',
    })
  })
  it('says JSON is not XML', () => {
    const problem = refusal(() => readWmsCapabilities('{"error":"no"}', GEOSERVER))
    expect(problem.en).toBe(
      'The WMS capabilities are not XML: line 1, column 1, text outside the root element; the server sent JSON',
    )
  })
  it('names the root of a well-formed document of another kind', () => {
    const problem = refusal(() => readWmsCapabilities(fixture('wmts-tianditu.xml'), GEOSERVER))
    expect(problem).toEqual({
      zh: 'WMS 能力文档的根元素是 <Capabilities>，不是 <WMS_Capabilities>（1.3.0）或 <WMT_MS_Capabilities>（1.1.1）',
      en:
        'The WMS capabilities have the root element <Capabilities>, not <WMS_Capabilities> (1.3.0) or ' +
        '<WMT_MS_Capabilities> (1.1.1)',
    })
    expect(refusal(() => readWmsCapabilities('<html><body/></html>', GEOSERVER)).zh).toContain('服务器返回的是网页')
  })
  it('refuses a document without Capability, and one without a named layer', () => {
    expect(refusal(() => readWmsCapabilities('<WMS_Capabilities version="1.3.0"/>', GEOSERVER)).en).toBe(
      'The WMS capabilities hold no <Capability>',
    )
    expect(refusal(() => readWmsCapabilities(wms('', '<Layer><Title>t</Title></Layer>'), GEOSERVER)).zh).toBe(
      'WMS 能力文档中没有可请求的图层（带 <Name> 的 <Layer>）',
    )
  })
})

describe('a large document', () => {
  it('reads 2,000 layers in one pass, each inheriting a long CRS list', () => {
    const crs = Array.from({ length: 300 }, (_, i) => `<CRS>EPSG:${4000 + i}</CRS>`).join('')
    const layers = Array.from(
      { length: 2000 },
      (_, i) =>
        `<Layer queryable="1"><Name>jd:layer_${i}</Name><Title>图层 ${i}</Title>` +
        `${i % 2 ? '<CRS>EPSG:3857</CRS>' : ''}<Style><Name>s</Name></Style></Layer>`,
    ).join('\n')
    const text = wms('<Format>image/png</Format>', `<Layer><Title>root</Title>${crs}${layers}</Layer>`)
    const started = performance.now()
    const caps = readWmsCapabilities(text, 'http://h/wms')
    const elapsed = performance.now() - started
    expect(caps.offer.total).toBe(2000)
    expect(caps.offer.layers[1999]!.id).toBe('jd:layer_1999')
    expect(caps.offer.layers.filter((layer) => layer.problem === null)).toHaveLength(1000)
    // The even layers share the root's list rather than copying it.
    expect(caps.offer.layers[0]!.crs).toBe(caps.offer.layers[2]!.crs)
    expect(elapsed).toBeLessThan(3000)
  })
})

describe('layers, read', () => {
  const read = (layers: string, getMap = '<Format>image/png</Format>', url = 'http://h/wms?tk=k') =>
    readWmsCapabilities(wms(getMap, layers), url)
  const only = (layers: string) => read(layers).offer.layers

  it('keeps the order of the layers at the top, and takes each name once', () => {
    const layers = only(
      '<Layer><Name>b</Name><CRS>EPSG:3857</CRS></Layer><Layer><Name>a</Name><CRS>EPSG:3857</CRS></Layer>' +
        '<Layer><Name>b</Name><Title>again</Title></Layer>',
    )
    expect(layers.map((layer) => [layer.id, layer.title])).toEqual([
      ['b', 'b'],
      ['a', 'a'],
    ])
  })

  it('adds a layer’s own CRSs to its parents’, once each, whatever the spacing', () => {
    const [parent, child, second] = only(
      '<Layer><Name>p</Name><CRS>EPSG:4490</CRS><CRS></CRS>' +
        '<Layer><Name>c</Name><SRS> EPSG:4326  epsg:3857 </SRS><CRS>EPSG:4490</CRS><CRS>EPSG:4326</CRS></Layer>' +
        '<Layer><Name>s</Name><CRS>EPSG:4490</CRS></Layer></Layer>',
    )
    expect(parent!.crs).toEqual(['EPSG:4490'])
    expect(child!.crs).toEqual(['EPSG:4490', 'EPSG:4326', 'EPSG:3857'])
    expect(child!.mercatorCode).toBe('EPSG:3857')
    expect(second!.crs).toEqual(['EPSG:4490'])
    expect(second!.mercatorCode).toBeNull()
    expect(parent!.problem).toEqual({
      zh: '只提供 EPSG:4490，不能叠加在 Web 墨卡托地图上',
      en: 'offers only EPSG:4490; it cannot be drawn on a Web Mercator map',
    })
  })

  it('names at most five CRSs of a layer without Web Mercator, and how many more', () => {
    const codes = [4490, 4326, 4549, 4528, 4527, 4526, 4525].map((code) => `<CRS>EPSG:${code}</CRS>`).join('')
    expect(only(`<Layer><Name>n</Name>${codes}</Layer>`)[0]!.problem).toEqual({
      zh: '只提供 EPSG:4490、EPSG:4326、EPSG:4549、EPSG:4528、EPSG:4527 等 7 种坐标系，不能叠加在 Web 墨卡托地图上',
      en:
        'offers only EPSG:4490, EPSG:4326, EPSG:4549, EPSG:4528, EPSG:4527 and 2 more; ' +
        'it cannot be drawn on a Web Mercator map',
    })
    expect(only('<Layer><Name>x</Name></Layer>')[0]!.problem!.zh).toBe(
      '没有声明坐标系（CRS），不能叠加在 Web 墨卡托地图上',
    )
  })

  it('takes its own bounds over its parent’s, from either kind of box, and leaves out an empty or broken one', () => {
    const ex = (w: number, s: number, e: number, n: number) =>
      `<EX_GeographicBoundingBox><westBoundLongitude>${w}</westBoundLongitude><southBoundLatitude>${s}` +
      `</southBoundLatitude><eastBoundLongitude>${e}</eastBoundLongitude><northBoundLatitude>${n}` +
      `</northBoundLatitude></EX_GeographicBoundingBox>`
    const latLon = '<LatLonBoundingBox minx="119" miny="28" maxx="121" maxy="30"/>'
    const layers = only(
      `<Layer><Name>p</Name><CRS>EPSG:3857</CRS>${ex(-200, -95, 200, 95)}` +
        `<Layer><Name>own</Name>${latLon}</Layer><Layer><Name>inherited</Name></Layer>` +
        `<Layer><Name>empty</Name>${ex(120, 28, 120, 30)}</Layer>` +
        `<Layer><Name>flat</Name>${ex(119, 29, 121, 29)}</Layer>` +
        `<Layer><Name>broken</Name><LatLonBoundingBox minx="119" miny="28" maxx="121"/></Layer></Layer>`,
    )
    expect(layers.map((layer) => [layer.id, layer.bounds])).toEqual([
      ['p', [-180, -90, 180, 90]],
      ['own', [119, 28, 121, 30]],
      ['inherited', [-180, -90, 180, 90]],
      ['empty', [-180, -90, 180, 90]],
      ['flat', [-180, -90, 180, 90]],
      ['broken', [-180, -90, 180, 90]],
    ])
    expect(only(`<Layer><Name>n</Name>${ex(121, 28, 120, 30)}</Layer>`)[0]).not.toHaveProperty('bounds')
  })

  it('takes the first style with a legend', () => {
    const caps = read(
      '<Layer><Name>n</Name><CRS>EPSG:3857</CRS><Style><Name>a</Name></Style><Style><Name>b</Name>' +
        '<LegendURL><OnlineResource xlink:href="http://h/b.png"/></LegendURL></Style></Layer>',
    )
    expect(wmsLayerDefinition(caps, 'n').legend).toEqual({ image: 'http://h/b.png?tk=k' })
    // Drawn as WGS84 unless the user says the service is GCJ-02.
    expect(wmsLayerDefinition(caps, 'n').crs).toBe('WGS84')
  })

  it('gives the user’s key to a legend on the GetMap host too', () => {
    const getMap =
      '<Format>image/png</Format><DCPType><HTTP><Get><OnlineResource xlink:href="http://maps.example.cn/ows?"/>' +
      '</Get></HTTP></DCPType>'
    const layer =
      '<Layer><Name>n</Name><CRS>EPSG:3857</CRS><Style><Name>a</Name><LegendURL>' +
      '<OnlineResource xlink:href="http://maps.example.cn/legend.png"/></LegendURL></Style></Layer>'
    expect(wmsLayerDefinition(read(layer, getMap), 'n').legend).toEqual({
      image: 'http://maps.example.cn/legend.png?tk=k',
    })
  })

  it('asks GetLegendGraphic where the document says, in its version', () => {
    const text = `<WMT_MS_Capabilities><Service><Title>T</Title></Service><Capability><Request>
      <GetMap><Format>image/png</Format></GetMap><GetLegendGraphic><DCPType><HTTP><Get><OnlineResource
      xlink:href="http://h/legend?SERVICE=WMS&amp;map=a" xmlns:xlink="http://www.w3.org/1999/xlink"/></Get></HTTP>
      </DCPType></GetLegendGraphic></Request><Layer><Name>n</Name><SRS>EPSG:3857</SRS></Layer></Capability>
      </WMT_MS_Capabilities>`
    const caps = readWmsCapabilities(text, 'http://h/wms')
    expect([caps.version, caps.legendGraphicUrl]).toEqual(['1.1.1', 'http://h/legend?map=a'])
    expect(wmsLayerDefinition(caps, 'n').legend).toEqual({
      image: 'http://h/legend?map=a&SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.1.1&FORMAT=image/png&LAYER=n',
    })
    expect(wmsLayerDefinition(caps, 'n').raster).toEqual({
      scheme: 'wms',
      template:
        'http://h/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=n&STYLES=&FORMAT=image/png&TRANSPARENT=TRUE' +
        '&WIDTH=256&HEIGHT=256&SRS=EPSG:3857&BBOX={bbox-epsg-3857}',
    })
  })

  it('reads the version written, else the root’s', () => {
    const version = (root: string, attribute: string) =>
      readWmsCapabilities(
        `<${root}${attribute}><Capability><Layer><Name>n</Name></Layer></Capability></${root}>`,
        'http://h/wms',
      ).version
    expect(version('WMS_Capabilities', '')).toBe('1.3.0')
    expect(version('WMT_MS_Capabilities', '')).toBe('1.1.1')
    expect(version('WMT_MS_Capabilities', ' version=" 1.1.0 "')).toBe('1.1.0')
  })

  it('titles the offer by the service, else its first layer, and credits the first layer’s attribution', () => {
    const text = `<WMS_Capabilities version="1.3.0"><Service><Name>WMS</Name></Service><Capability>
      <Layer><Title>金东区</Title><Attribution><Title>金东区自然资源局</Title></Attribution>
      <Layer><Name>n</Name><CRS>EPSG:3857</CRS></Layer></Layer></Capability></WMS_Capabilities>`
    const caps = readWmsCapabilities(text, 'http://h/wms')
    expect([caps.offer.title, caps.offer.attribution]).toEqual(['金东区', '金东区自然资源局'])
    expect(caps.offer.layers[0]!.attribution).toBe('金东区自然资源局')
  })
})

describe('the GetMap format, more', () => {
  const layer = '<Layer><Name>n</Name><CRS>EPSG:3857</CRS></Layer>'
  const read = (getMap: string) => readWmsCapabilities(wms(getMap, layer), 'http://h/wms')
  const formats = (list: string[]) => list.map((item) => `<Format>${item}</Format>`).join('')

  it('takes PNG when it comes first, in any case or spacing', () => {
    expect(read(formats(['image/png', 'image/jpeg'])).format).toBe('image/png')
    expect(read(formats(['image/gif', 'IMAGE/PNG'])).format).toBe('IMAGE/PNG')
    expect(read(formats(['text/html', ' image/jpeg '])).format).toBe('image/jpeg')
  })

  it('lists at most five of the formats offered when none is an image, or says none', () => {
    const six = ['application/pdf', 'text/html', 'text/xml', 'application/json', 'image-svg', 'kml']
    expect(read(formats(six)).offer.layers[0]!.problem).toEqual({
      zh: '不能绘制：服务器的 GetMap 不提供图片格式（提供：application/pdf、text/html、text/xml、application/json、image-svg）',
      en:
        "cannot be drawn: the server's GetMap offers no image format " +
        '(it offers: application/pdf, text/html, text/xml, application/json, image-svg)',
    })
    const none = readWmsCapabilities(
      '<WMS_Capabilities><Capability><Layer><Name>n</Name><CRS>EPSG:3857</CRS></Layer></Capability></WMS_Capabilities>',
      'http://h/wms',
    )
    expect(none.offer.layers[0]!.problem).toEqual({
      zh: '不能绘制：服务器的 GetMap 不提供图片格式（提供：无）',
      en: "cannot be drawn: the server's GetMap offers no image format (it offers: none)",
    })
  })

  it('refuses a document without a named layer, in English too', () => {
    expect(refusal(() => readWmsCapabilities(wms('', ''), 'http://h/wms')).en).toBe(
      'The WMS capabilities list no layer that can be requested (a <Layer> with a <Name>)',
    )
  })
})
