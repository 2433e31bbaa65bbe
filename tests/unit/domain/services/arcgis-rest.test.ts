// ArcGIS MapServer REST descriptions (a Web Mercator cache, a dynamic CGCS2000 service, an error)
// into the one offered layer and its definition, and the legend's pictures as data: URLs.
import { describe, expect, it } from 'vitest'
import {
  arcgisDefinition,
  arcgisJsonUrl,
  arcgisLegendUrl,
  readArcgisLegend,
  readArcgisMapServer,
} from '../../../../src/domain/services/arcgis-rest'
import { fixtureJson, refusal } from './support'

const TILED = 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer?token=t0k3n'
const DYNAMIC = 'http://10.1.2.4:6080/arcgis/rest/services/JinDong/%E6%B2%B3%E9%95%BF%E5%88%B6/MapServer/'

describe('the service’s addresses', () => {
  it('asks …/MapServer for JSON and its legend, keeping a token', () => {
    expect(arcgisJsonUrl(TILED)).toBe(
      'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer?f=json&token=t0k3n',
    )
    expect(arcgisLegendUrl(`${TILED.replace('?', '/3?f=pjson&')}`)).toBe(
      'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer/legend?f=json&token=t0k3n',
    )
    expect(arcgisJsonUrl('http://h/arcgis/rest/services/a/mapserver/export?bbox=1')).toBe(
      'http://h/arcgis/rest/services/a/mapserver?f=json',
    )
  })
})

// Read inside each test, not once per describe: the reading is what the tests are about.
const tiled = () => readArcgisMapServer(fixtureJson('arcgis-tiled.json'), TILED)
const dynamic = () => readArcgisMapServer(fixtureJson('arcgis-dynamic.json'), DYNAMIC)

describe('a Web Mercator cache', () => {
  it('is drawn from its tiles, zooms from its levels, the token kept', () => {
    const service = tiled()
    expect(service.raster).toEqual({
      scheme: 'arcgis-tiles',
      template: 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer/tile/{z}/{y}/{x}?token=t0k3n',
    })
    expect([service.minzoom, service.maxzoom]).toEqual([0, 19])
  })
  it('offers one layer, the whole map, titled from documentInfo, bounds from fullExtent in degrees', () => {
    const service = tiled()
    expect(service.offer).toMatchObject({
      kind: 'arcgis',
      title: '金东区水系',
      attribution: '金华市金东区水务局',
      total: 1,
    })
    const [layer] = service.offer.layers
    expect(layer).toMatchObject({
      id: 'map',
      title: '金东区水系',
      problem: null,
      abstract: '金东区水系与河长制管理范围（切片服务）',
    })
    const [west, south, east, north] = layer!.bounds!
    expect(west).toBeCloseTo(119.5, 6)
    expect(south).toBeCloseTo(28.9, 6)
    expect(east).toBeCloseTo(120, 6)
    expect(north).toBeCloseTo(29.3, 6)
    expect(service.bounds).toEqual(layer!.bounds)
  })
  it('makes the definition, with the legend’s entries', () => {
    const service = tiled()
    const legend = readArcgisLegend(fixtureJson('arcgis-legend.json'))
    const definition = arcgisDefinition(service, 'GCJ-02', legend)
    expect(definition).toMatchObject({
      kind: 'arcgis',
      url: TILED,
      host: 'gis.example.gov.cn',
      title: '金东区水系',
      attribution: '金华市金东区水务局',
      crs: 'GCJ-02',
      minzoom: 0,
      maxzoom: 19,
      legend: { entries: legend },
    })
    expect(arcgisDefinition(service)).not.toHaveProperty('legend')
    expect(arcgisDefinition(service).crs).toBe('WGS84')
  })
  it('is read from OGC scales too when the levels give no resolution', () => {
    const json = structuredClone(fixtureJson('arcgis-tiled.json')) as { tileInfo: { lods: Record<string, number>[] } }
    json.tileInfo.lods = json.tileInfo.lods.map(({ level }) => ({
      level: level!,
      scale: 559082264.0287178 / 2 ** level!,
    }))
    expect(readArcgisMapServer(json, TILED).raster?.scheme).toBe('arcgis-tiles')
  })
  it('is exported instead when the cache is not Web Mercator’s', () => {
    const variants: ((tileInfo: Record<string, unknown>) => void)[] = [
      (tileInfo) => (tileInfo.spatialReference = { wkid: 4490 }),
      (tileInfo) => (tileInfo.rows = tileInfo.cols = 512),
      (tileInfo) => (tileInfo.origin = { x: -5123200, y: 10002100 }),
      (tileInfo) => ((tileInfo.lods as { level: number }[])[3]!.level = 4),
      (tileInfo) => ((tileInfo.lods as { resolution: number }[])[5]!.resolution *= 1.05),
    ]
    for (const change of variants) {
      const json = structuredClone(fixtureJson('arcgis-tiled.json')) as { tileInfo: Record<string, unknown> }
      change(json.tileInfo)
      const service = readArcgisMapServer(json, TILED)
      expect(service.raster?.scheme).toBe('arcgis-export')
      expect(service.minzoom).toBeUndefined()
    }
  })
  it('cannot be drawn when its cache is in CGCS2000 and it does not export', () => {
    const json = structuredClone(fixtureJson('arcgis-tiled.json')) as Record<string, unknown>
    ;(json.tileInfo as Record<string, unknown>).spatialReference = { wkid: 4490, latestWkid: 4490 }
    json.capabilities = 'Query,Data'
    const service = readArcgisMapServer(json, TILED)
    expect(service.raster).toBeNull()
    expect(service.offer.layers[0]!.problem).toEqual({
      zh: '不能绘制：切片在 WKID 4490 中，不是 Web 墨卡托；服务也不允许动态出图（capabilities：Query,Data）',
      en:
        'cannot be drawn: its cache is in WKID 4490, not Web Mercator, and the service does not export pictures ' +
        '(capabilities: Query,Data)',
    })
    expect(refusal(() => arcgisDefinition(service)).en).toMatch(
      /^The ArcGIS service "金东区水系" cannot be drawn: its cache/,
    )
  })
})

describe('a dynamic service', () => {
  it('is drawn by export in Web Mercator, titled from its address when the map says nothing', () => {
    const service = dynamic()
    expect(service.raster).toEqual({
      scheme: 'arcgis-export',
      template:
        'http://10.1.2.4:6080/arcgis/rest/services/JinDong/%E6%B2%B3%E9%95%BF%E5%88%B6/MapServer/export' +
        '?bbox={bbox-epsg-3857}&bboxSR=3857&imageSR=3857&size=256,256&format=png32&transparent=true&f=image',
    })
    expect(service.offer.title).toBe('河长制')
    expect(service.offer.attribution).toBe('')
    expect(service.bounds).toEqual([119.52, 28.91, 119.98, 29.28])
    const definition = arcgisDefinition(service)
    expect(definition).toMatchObject({ title: '河长制', host: '10.1.2.4:6080', bounds: [119.52, 28.91, 119.98, 29.28] })
    expect(definition).not.toHaveProperty('minzoom')
  })
  it('is exported when it says its cache is not used', () => {
    const json = { ...(fixtureJson('arcgis-tiled.json') as object), singleFusedMapCache: false }
    expect(readArcgisMapServer(json, TILED).raster?.scheme).toBe('arcgis-export')
  })
  it('takes mapName when it names the map, and exports when capabilities are not said', () => {
    const json = { ...(fixtureJson('arcgis-dynamic.json') as object), mapName: '河长制管理', capabilities: undefined }
    const named = readArcgisMapServer(json, DYNAMIC)
    expect(named.offer.title).toBe('河长制管理')
    expect(named.raster?.scheme).toBe('arcgis-export')
  })
  it('leaves out bounds in another coordinate system', () => {
    const json = fixtureJson('arcgis-dynamic.json') as Record<string, Record<string, unknown>>
    json.fullExtent!.spatialReference = { wkid: 4549 }
    expect(readArcgisMapServer(json, DYNAMIC).bounds).toBeUndefined()
  })
})

describe('refusals', () => {
  it('quotes ArcGIS’s error answer', () => {
    expect(refusal(() => readArcgisMapServer(fixtureJson('arcgis-error.json'), TILED))).toEqual({
      zh: 'ArcGIS 服务器拒绝了请求：“Token Required”（代码 499）',
      en: 'The ArcGIS server refused the request: "Token Required" (code 499)',
    })
    const detailed = { error: { code: 500, message: 'Error exporting map', details: ['Service is stopped.'] } }
    expect(refusal(() => readArcgisLegend(detailed)).en).toBe(
      'The ArcGIS server refused the request: "Error exporting map; Service is stopped." (code 500)',
    )
  })
  it('refuses what is not an object', () => {
    expect(refusal(() => readArcgisMapServer([], TILED)).en).toBe(
      "The ArcGIS service's answer is not a JSON object (it is array)",
    )
    expect(refusal(() => readArcgisMapServer('<html>', TILED)).zh).toBe('ArcGIS 服务的回答不是 JSON 对象（是 string）')
    expect(refusal(() => readArcgisLegend(null)).en).toBe(
      "The ArcGIS legend's answer is not a JSON object (it is null)",
    )
  })
  it('refuses the description of something else, and says when it is one layer', () => {
    expect(refusal(() => readArcgisMapServer({ currentVersion: 10.8, services: [] }, TILED)).en).toBe(
      "This is not an ArcGIS MapServer's description (no mapName or tileInfo)",
    )
    const layer = { id: 0, name: '河道', type: 'Feature Layer', geometryType: 'esriGeometryPolyline' }
    expect(refusal(() => readArcgisMapServer(layer, TILED)).zh).toBe(
      '这不是 ArcGIS MapServer 的描述（没有 mapName 或 tileInfo）；它是一个图层，请使用 …/MapServer 的地址',
    )
  })
  it('refuses a legend answer without layers', () => {
    expect(refusal(() => readArcgisLegend({ legend: [] })).en).toBe("The ArcGIS legend's answer holds no layers")
  })
})

describe('the legend', () => {
  it('labels each entry with its layer, keeps PNG, JPEG and GIF in base64, and skips the rest', () => {
    const entries = readArcgisLegend(fixtureJson('arcgis-legend.json'))
    expect(entries.map((entry) => entry.label)).toEqual(['河道: 一级河道', '河道', '河长公示牌: 公示牌'])
    for (const entry of entries) expect(entry.image).toMatch(/^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]+=*$/)
  })
  it('checks each picture’s type and data', () => {
    const entry = (contentType: string, imageData: unknown) => ({
      layers: [{ layerName: 'L', legend: [{ label: 'x', contentType, imageData }] }],
    })
    expect(readArcgisLegend(entry('image/jpeg', '/9j/4AAQ'))).toEqual([
      { label: 'L: x', image: 'data:image/jpeg;base64,/9j/4AAQ' },
    ])
    expect(readArcgisLegend(entry('IMAGE/GIF', 'R0lG\nODlh'))[0]!.image).toBe('data:image/gif;base64,R0lGODlh')
    expect(readArcgisLegend(entry('image/svg+xml', 'PHN2Zz4='))).toEqual([])
    expect(readArcgisLegend(entry('text/html', 'PGI+'))).toEqual([])
    expect(readArcgisLegend(entry('image/png', 'abc'))).toEqual([])
    expect(readArcgisLegend(entry('image/png', 'ab"c'))).toEqual([])
    expect(readArcgisLegend(entry('image/png', ''))).toEqual([])
    expect(readArcgisLegend(entry('image/png', 42))).toEqual([])
    expect(readArcgisLegend(entry('image/png', 'A'.repeat(100_004)))).toEqual([])
  })
})

type Description = Record<string, unknown> & { tileInfo: Record<string, unknown> }
/** The Web Mercator cache's description, changed by `change`, read at `url`. */
function tiledWith(change: (json: Description) => void, url = TILED) {
  const json = structuredClone(fixtureJson('arcgis-tiled.json')) as Description
  change(json)
  return readArcgisMapServer(json, url)
}
const H = 20037508.342789244

describe('the service’s addresses, more', () => {
  it('trims the address, and keeps a path without MapServer as it is, less its trailing slashes', () => {
    expect(arcgisJsonUrl('  https://h/arcgis/rest/services/a/MapServer  ')).toBe(
      'https://h/arcgis/rest/services/a/MapServer?f=json',
    )
    expect(arcgisJsonUrl('https://h/arcgis/rest/services/a/ImageServer//')).toBe(
      'https://h/arcgis/rest/services/a/ImageServer?f=json',
    )
    expect(arcgisLegendUrl('https://h/arcgis/rest/services/a/MapServer/0')).toBe(
      'https://h/arcgis/rest/services/a/MapServer/legend?f=json',
    )
  })
})

describe('the cache, checked', () => {
  it('keeps the cache’s own levels as the zooms', () => {
    const service = tiledWith((json) => {
      json.tileInfo.lods = (json.tileInfo.lods as { level: number }[]).filter(({ level }) => level >= 3 && level <= 10)
    })
    expect(service.raster?.scheme).toBe('arcgis-tiles')
    expect([service.minzoom, service.maxzoom]).toEqual([3, 10])
  })

  it('takes the tiles without a token when the address has none', () => {
    const url = 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer'
    expect(tiledWith(() => {}, url).raster).toEqual({ scheme: 'arcgis-tiles', template: `${url}/tile/{z}/{y}/{x}` })
  })

  it('accepts an origin within a metre of the world’s corner, and skips level entries that are not objects', () => {
    const within = tiledWith((json) => (json.tileInfo.origin = { x: -H + 1, y: H - 1 }))
    expect(within.raster?.scheme).toBe('arcgis-tiles')
    const odd = tiledWith((json) => (json.tileInfo.lods = [null, ...(json.tileInfo.lods as unknown[]), 'x']))
    expect([odd.raster?.scheme, odd.minzoom, odd.maxzoom]).toEqual(['arcgis-tiles', 0, 19])
  })

  it('is read from the scales when a level lacks its resolution', () => {
    const service = tiledWith((json) => delete (json.tileInfo.lods as Record<string, unknown>[])[4]!.resolution)
    expect(service.raster?.scheme).toBe('arcgis-tiles')
  })

  it('is not used when any of its parts is missing or off', () => {
    const variants: ((tileInfo: Record<string, unknown>) => void)[] = [
      (tileInfo) => delete tileInfo.spatialReference,
      (tileInfo) => (tileInfo.spatialReference = 102100),
      (tileInfo) => (tileInfo.rows = 512),
      (tileInfo) => (tileInfo.cols = 512),
      (tileInfo) => delete tileInfo.origin,
      (tileInfo) => (tileInfo.origin = { y: H }),
      (tileInfo) => (tileInfo.origin = { x: -H }),
      (tileInfo) => (tileInfo.origin = { x: -H - 2, y: H }),
      (tileInfo) => (tileInfo.origin = { x: -H, y: H + 2 }),
      (tileInfo) => delete tileInfo.lods,
      (tileInfo) => (tileInfo.lods = []),
      (tileInfo) => delete (tileInfo.lods as Record<string, unknown>[])[2]!.level,
      (tileInfo) => {
        const lod = (tileInfo.lods as Record<string, number>[])[2]!
        delete (lod as Record<string, unknown>).level
        lod.resolution! *= 1.5
      },
    ]
    for (const change of variants) {
      const service = tiledWith((json) => change(json.tileInfo))
      expect(service.raster?.scheme).toBe('arcgis-export')
      expect(service).not.toHaveProperty('minzoom')
    }
  })

  it('says where the cache is when it is not Web Mercator’s, or that there is none', () => {
    const noExport = (json: Description) => (json.capabilities = 'Query, Data')
    const latest = tiledWith((json) => {
      noExport(json)
      json.tileInfo.spatialReference = { latestWkid: 4326 }
    })
    expect(latest.offer.layers[0]!.problem!.en).toMatch(/^cannot be drawn: its cache is in WKID 4326, not Web Mercator/)
    const unknown = tiledWith((json) => {
      noExport(json)
      delete json.tileInfo.spatialReference
    })
    expect(unknown.offer.layers[0]!.problem!.en).toMatch(/^cannot be drawn: it has no cache, not Web Mercator/)
    const none = tiledWith((json) => {
      noExport(json)
      delete (json as Record<string, unknown>).tileInfo
      json.singleFusedMapCache = false
    })
    expect(none.offer.layers[0]!.problem).toEqual({
      zh: '不能绘制：没有切片，不是 Web 墨卡托；服务也不允许动态出图（capabilities：Query, Data）',
      en:
        'cannot be drawn: it has no cache, not Web Mercator, and the service does not export pictures ' +
        '(capabilities: Query, Data)',
    })
  })

  it('exports when the capabilities name Map in any case or spacing, with the token', () => {
    const service = tiledWith((json) => {
      json.capabilities = 'Query, MAP '
      json.singleFusedMapCache = false
    })
    expect(service.raster).toEqual({
      scheme: 'arcgis-export',
      template:
        'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer/export?bbox={bbox-epsg-3857}' +
        '&bboxSR=3857&imageSR=3857&size=256,256&format=png32&transparent=true&f=image&token=t0k3n',
    })
  })
})

describe('what the offer says', () => {
  it('is a MapServer when it has a map name, a cache, or says whether its cache is used', () => {
    const only = (json: object) => readArcgisMapServer(json, DYNAMIC).offer.total
    expect(only({ mapName: 'x' })).toBe(1)
    expect(only({ tileInfo: {} })).toBe(1)
    expect(only({ singleFusedMapCache: false })).toBe(1)
    expect(refusal(() => readArcgisMapServer({ singleFusedMapCache: 'false' }, DYNAMIC)).zh).toBe(
      '这不是 ArcGIS MapServer 的描述（没有 mapName 或 tileInfo）',
    )
    expect(refusal(() => readArcgisMapServer({ name: '影像', drawingInfo: {} }, DYNAMIC)).en).toBe(
      "This is not an ArcGIS MapServer's description (no mapName or tileInfo); " +
        'it is one layer: use the …/MapServer address',
    )
  })

  it('is titled by documentInfo, else a map name that is not the default frame’s, else the address', () => {
    const title = (json: object, url = DYNAMIC) => readArcgisMapServer({ mapName: 'Layers', ...json }, url).offer.title
    expect(title({ documentInfo: { Title: ' 水系图 ' }, mapName: '河网' })).toBe('水系图')
    expect(title({ documentInfo: { Title: 7 }, mapName: ' 河网 ' })).toBe('河网')
    expect(title({ documentInfo: { Title: '' } })).toBe('河长制')
    expect(title({ mapName: 'LAYERS' })).toBe('河长制')
    expect(title({ mapName: 7, tileInfo: {} })).toBe('河长制')
    expect(title({}, 'http://h/arcgis/rest/services/JinDong/水系/mapserver')).toBe('水系')
    expect(title({}, 'http://h/arcgis/rest/services/JinDong/%E6%B0%B4%E7%B3%BB/MapServer')).toBe('水系')
    expect(title({}, 'http://h/arcgis/rest/services/JinDong/%E6%B0/MapServer')).toBe('%E6%B0')
    expect(title({}, 'http://h/arcgis/rest/services/JinDong/河网//MapServer')).toBe('河网')
    expect(title({}, 'http://h/services/河网/')).toBe('河网')
  })

  it('quotes the service description, else the map’s description, as the layer’s abstract', () => {
    const abstract = (json: object) => readArcgisMapServer({ mapName: 'm', ...json }, DYNAMIC).offer.layers[0]!.abstract
    expect(abstract({ serviceDescription: ' 服务 ', description: '地图' })).toBe('服务')
    expect(abstract({ serviceDescription: '', description: '地图\n说明' })).toBe('地图 说明')
    expect(abstract({ description: 'x'.repeat(600) })).toHaveLength(500)
    expect(readArcgisMapServer({ mapName: 'm' }, DYNAMIC).offer.layers[0]).toStrictEqual({
      id: 'map',
      title: 'm',
      problem: null,
    })
  })

  it('reads the extent in degrees, clamped to the world, or in Web Mercator metres', () => {
    const bounds = (fullExtent: unknown) => readArcgisMapServer({ mapName: 'm', fullExtent }, DYNAMIC).bounds
    const degrees = { wkid: 4490 }
    expect(bounds({ xmin: -200, ymin: -95, xmax: 200, ymax: 95, spatialReference: degrees })).toEqual([
      -180, -90, 180, 90,
    ])
    expect(bounds({ xmin: 100, ymin: 20, xmax: 120, ymax: 40, spatialReference: { latestWkid: 4326 } })).toEqual([
      100, 20, 120, 40,
    ])
    const [west, south, east, north] = bounds({
      xmin: -H / 2,
      ymin: 0,
      xmax: H * 2,
      ymax: H,
      spatialReference: { wkid: 3857 },
    })!
    expect(west).toBeCloseTo(-90, 9)
    expect(south).toBeCloseTo(0, 9)
    expect(east).toBeCloseTo(180, 9)
    expect(north).toBeCloseTo(85.0511287798, 9)
    expect(bounds({ xmin: 0, ymin: -H * 3, xmax: H / 4, ymax: H / 2, spatialReference: { wkid: 102100 } })).toEqual([
      0,
      expect.closeTo(-85.0511287798, 9),
      expect.closeTo(45, 9),
      expect.closeTo(66.5132604431, 9),
    ])
  })

  it('leaves out an extent that is not a box of numbers, empty, or inverted', () => {
    const bounds = (fullExtent: unknown) => readArcgisMapServer({ mapName: 'm', fullExtent }, DYNAMIC)
    const box = { xmin: 100, ymin: 20, xmax: 120, ymax: 40, spatialReference: { wkid: 4490 } }
    for (const extent of [
      'x',
      { ...box, xmin: '100' },
      { ...box, ymax: null },
      { ...box, xmin: Number.NEGATIVE_INFINITY },
      { ...box, xmax: 100 },
      { ...box, ymax: 20 },
      { ...box, xmin: 121 },
      { ...box, ymin: 41 },
      { ...box, spatialReference: undefined },
    ]) {
      const service = bounds(extent)
      expect(service).not.toHaveProperty('bounds')
      expect(service.offer.layers[0]).not.toHaveProperty('bounds')
    }
  })
})

describe('refusals, more', () => {
  it('quotes what the error says, trimmed, and leaves out a code it does not give', () => {
    expect(refusal(() => readArcgisMapServer({ error: { message: ' Invalid URL ', details: 'none' } }, TILED))).toEqual(
      {
        zh: 'ArcGIS 服务器拒绝了请求：“Invalid URL”',
        en: 'The ArcGIS server refused the request: "Invalid URL"',
      },
    )
    expect(refusal(() => readArcgisMapServer({ error: { details: [' Service is stopped. ', 5, ''] } }, TILED))).toEqual(
      {
        zh: 'ArcGIS 服务器拒绝了请求：“Service is stopped.”',
        en: 'The ArcGIS server refused the request: "Service is stopped."',
      },
    )
    expect(refusal(() => readArcgisLegend({ error: { code: 403 } }))).toEqual({
      zh: 'ArcGIS 服务器拒绝了请求：“?”（代码 403）',
      en: 'The ArcGIS server refused the request: "?" (code 403)',
    })
  })

  it('says the legend’s answer in Chinese too', () => {
    expect(refusal(() => readArcgisLegend(7)).zh).toBe('ArcGIS 图例的回答不是 JSON 对象（是 number）')
    expect(refusal(() => readArcgisLegend({ layers: {} })).zh).toBe('ArcGIS 图例的回答中没有 layers')
  })

  it('refuses to define a service that cannot be drawn, whatever it was offered with', () => {
    const service = tiled()
    const undrawable = {
      ...service,
      raster: null,
      offer: { ...service.offer, layers: [{ id: 'map', title: 'm', problem: null }] },
    }
    expect(refusal(() => arcgisDefinition(undrawable))).toEqual({
      zh: 'ArcGIS 服务“m”不能绘制',
      en: 'The ArcGIS service "m" cannot be drawn',
    })
  })
})

describe('the legend, more', () => {
  it('skips layers and entries that are not what a legend holds, and labels by layer or label alone', () => {
    const png = 'iVBORw0KGgo='
    const entries = readArcgisLegend({
      layers: [
        null,
        { layerName: 'no legend' },
        { layerName: 'A', legend: [null, { label: '', contentType: 'image/png', imageData: png }] },
        { legend: [{ label: ' b ', contentType: 'image/png', imageData: png }] },
      ],
    })
    expect(entries).toEqual([
      { label: 'A', image: `data:image/png;base64,${png}` },
      { label: 'b', image: `data:image/png;base64,${png}` },
    ])
  })

  it('keeps a picture of up to 100 000 characters', () => {
    const entry = { label: 'x', contentType: 'image/png', imageData: 'A'.repeat(100_000) }
    expect(readArcgisLegend({ layers: [{ layerName: 'L', legend: [entry] }] })).toHaveLength(1)
  })
})
