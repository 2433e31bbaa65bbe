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

describe('a Web Mercator cache', () => {
  const service = readArcgisMapServer(fixtureJson('arcgis-tiled.json'), TILED)
  it('is drawn from its tiles, zooms from its levels, the token kept', () => {
    expect(service.raster).toEqual({
      scheme: 'arcgis-tiles',
      template: 'https://gis.example.gov.cn/arcgis/rest/services/JinDong/ShuiXi/MapServer/tile/{z}/{y}/{x}?token=t0k3n',
    })
    expect([service.minzoom, service.maxzoom]).toEqual([0, 19])
  })
  it('offers one layer, the whole map, titled from documentInfo, bounds from fullExtent in degrees', () => {
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
  })
  it('makes the definition, with the legend’s entries', () => {
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
  const service = readArcgisMapServer(fixtureJson('arcgis-dynamic.json'), DYNAMIC)
  it('is drawn by export in Web Mercator, titled from its address when the map says nothing', () => {
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
