import { describe, expect, test } from 'vitest'
import { isWebAddress, parseServiceDefinition } from '../../../../src/domain/services/parse-definition'
import type { ServiceDefinition } from '../../../../src/domain/services/service-types'

const WMTS: ServiceDefinition = {
  kind: 'wmts',
  url: 'https://t0.tianditu.gov.cn/vec_c/wmts?tk=KEY',
  host: 't0.tianditu.gov.cn',
  title: '矢量底图',
  attribution: '国家地理信息公共服务平台',
  crs: 'WGS84',
  raster: {
    scheme: 'wmts-geographic',
    template: 'https://t0.tianditu.gov.cn/vec_c/wmts?TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}',
    matrices: [
      {
        id: '1',
        degreesPerPixel: 0.703125,
        originLon: -180,
        originLat: 90,
        tileWidth: 256,
        tileHeight: 256,
        matrixWidth: 2,
        matrixHeight: 1,
      },
    ],
  },
  bounds: [-180, -90, 180, 90],
  minzoom: 1,
  maxzoom: 18,
  legend: { entries: [{ label: '道路', image: 'data:image/png;base64,iVBORw0KGgo=' }] },
}

describe('a service definition read back', () => {
  test('a whole definition comes back equal', () => {
    expect(parseServiceDefinition(JSON.parse(JSON.stringify(WMTS)))).toEqual(WMTS)
  })

  test('addresses must be http(s), without credentials', () => {
    expect(isWebAddress('https://a.cn/{z}/{x}/{y}.png')).toBe(true)
    expect(isWebAddress('http://10.0.0.1:8080/wms')).toBe(true)
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'https://u:p@a.cn/x', 'a.cn/x', 42])
      expect(isWebAddress(bad)).toBe(false)
    expect(parseServiceDefinition({ ...WMTS, url: 'javascript:alert(1)' })).toBeNull()
    expect(parseServiceDefinition({ ...WMTS, raster: { ...WMTS.raster, template: 'data:text/html,x' } })).toBeNull()
  })

  test('a wrong kind, CRS, scheme or matrix is refused', () => {
    expect(parseServiceDefinition({ ...WMTS, kind: 'wfs' })).toBeNull()
    expect(parseServiceDefinition({ ...WMTS, crs: 'EPSG:4490' })).toBeNull()
    expect(parseServiceDefinition({ ...WMTS, raster: { scheme: 'svg', template: 'https://a.cn/x' } })).toBeNull()
    const matrices = [{ id: '1', degreesPerPixel: -1 }]
    expect(parseServiceDefinition({ ...WMTS, raster: { ...WMTS.raster, matrices } })).toBeNull()
    expect(parseServiceDefinition({ ...WMTS, raster: undefined })).toBeNull()
    expect(parseServiceDefinition(null)).toBeNull()
    expect(parseServiceDefinition([WMTS])).toBeNull()
  })

  test('unusable extras are dropped, not trusted', () => {
    const read = parseServiceDefinition({
      ...WMTS,
      bounds: [10, 10, 0, 0],
      minzoom: 99,
      legend: { image: 'javascript:x', entries: [{ label: '<b>x</b>', image: 'data:text/html,<script>' }] },
    })!
    expect(read.bounds).toBeUndefined()
    expect(read.minzoom).toBeUndefined()
    expect(read.legend).toBeUndefined()
  })

  test('a PMTiles archive from a file names the file, not an address', () => {
    const archive = {
      kind: 'pmtiles',
      url: 'imagery.pmtiles',
      host: 'imagery.pmtiles',
      title: '影像',
      attribution: '',
      crs: 'WGS84',
      pmtiles: { tileType: 'png', fromFile: true },
    }
    expect(parseServiceDefinition(archive)).toEqual(archive)
    expect(parseServiceDefinition({ ...archive, pmtiles: { tileType: 'png', fromFile: false } })).toBeNull()
    expect(parseServiceDefinition({ ...archive, pmtiles: { tileType: 'avif', fromFile: true } })).toBeNull()
  })
})

/** A geographic matrix that is whole; the tests below change one field at a time. */
const MATRIX = WMTS.raster!.scheme === 'wmts-geographic' ? WMTS.raster!.matrices[0]! : expect.unreachable()
const withMatrices = (matrices: unknown): unknown => ({ ...WMTS, raster: { ...WMTS.raster, matrices } })
const GEOJSON = {
  kind: 'geojson',
  url: 'https://data.example.cn/wells.geojson',
  host: 'data.example.cn',
  title: '水井',
  attribution: '',
  crs: 'WGS84',
}

describe('the parts of a definition', () => {
  test('every raster scheme comes back as it was saved', () => {
    for (const scheme of ['xyz', 'wms', 'arcgis-tiles', 'arcgis-export']) {
      const raster = { scheme, template: 'https://a.cn/tiles/{z}/{x}/{y}?bbox={bbox-epsg-3857}' }
      expect(parseServiceDefinition({ ...WMTS, raster })).toStrictEqual({ ...WMTS, raster })
    }
  })

  test('a Web Mercator WMTS keeps its matrix per zoom (null where none) and a 512-pixel tile size', () => {
    const raster = {
      scheme: 'wmts-mercator',
      template: 'https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}',
      matrixIds: [null, '1', '2'],
    }
    expect(parseServiceDefinition({ ...WMTS, raster })).toStrictEqual({ ...WMTS, raster })
    expect(parseServiceDefinition({ ...WMTS, raster: { ...raster, tileSize: 512 } })!.raster).toStrictEqual({
      ...raster,
      tileSize: 512,
    })
    // 256 is the default and is not written out.
    expect(parseServiceDefinition({ ...WMTS, raster: { ...raster, tileSize: 256 } })!.raster).toStrictEqual(raster)
    const thirty = Array.from({ length: 30 }, (_, z) => `${z}`)
    expect(parseServiceDefinition({ ...WMTS, raster: { ...raster, matrixIds: thirty } })!.raster).toStrictEqual({
      ...raster,
      matrixIds: thirty,
    })
    expect(parseServiceDefinition({ ...WMTS, raster: { ...raster, matrixIds: ['x'.repeat(100)] } })).not.toBeNull()
  })

  test('a Web Mercator WMTS with a wrong matrix list or tile size is refused', () => {
    const raster = { scheme: 'wmts-mercator', template: 'https://a.cn/wmts?m={TileMatrix}', matrixIds: ['0'] }
    const refused = [
      { matrixIds: undefined },
      { matrixIds: '0,1,2' },
      { matrixIds: Array.from({ length: 31 }, (_, z) => `${z}`) },
      { matrixIds: ['0', 1] },
      { matrixIds: ['x'.repeat(101)] },
      { tileSize: 300 },
      { tileSize: '512' },
    ]
    for (const change of refused)
      expect(parseServiceDefinition({ ...WMTS, raster: { ...raster, ...change } })).toBeNull()
  })

  test('a geographic matrix set is refused when any matrix is incomplete or impossible', () => {
    expect(parseServiceDefinition(withMatrices([]))).toBeNull()
    expect(parseServiceDefinition(withMatrices(undefined))).toBeNull()
    expect(parseServiceDefinition(withMatrices({ 0: MATRIX }))).toBeNull()
    expect(parseServiceDefinition(withMatrices([MATRIX, null]))).toBeNull()
    expect(parseServiceDefinition(withMatrices([null]))).toBeNull()
    const noWidth: Record<string, unknown> = { ...MATRIX }
    delete noWidth.matrixWidth
    expect(parseServiceDefinition(withMatrices([MATRIX, noWidth]))).toBeNull()
    const broken = [
      { id: 5 },
      { id: 'x'.repeat(101) },
      { originLon: Number.POSITIVE_INFINITY },
      { originLat: Number.NaN },
      { matrixHeight: '1' },
      { degreesPerPixel: 0 },
      { tileWidth: 0 },
      { tileHeight: 0.5 },
    ]
    for (const change of broken)
      expect(parseServiceDefinition(withMatrices([MATRIX, { ...MATRIX, ...change }]))).toBeNull()
    // One-pixel tiles are odd but possible.
    const tiny = { ...MATRIX, tileWidth: 1, tileHeight: 1 }
    expect(parseServiceDefinition(withMatrices([tiny]))).toStrictEqual(withMatrices([tiny]))
  })

  test('at most 30 geographic matrices are kept', () => {
    const many = Array.from({ length: 31 }, (_, i) => ({ ...MATRIX, id: `${i}` }))
    const read = parseServiceDefinition(withMatrices(many))!.raster
    expect(read).toStrictEqual({ ...WMTS.raster, matrices: many.slice(0, 30) })
  })

  test('a broken raster part refuses the whole definition, whatever its kind', () => {
    expect(parseServiceDefinition({ ...GEOJSON, raster: { scheme: 'xyz', template: 'ftp://a.cn/{z}' } })).toBeNull()
  })

  test('vector tiles keep their template and source layers', () => {
    const vector = { template: 'https://tiles.example.cn/{z}/{x}/{y}.pbf', sourceLayers: ['roads', 'water'] }
    const tiles = { ...GEOJSON, kind: 'vector-tiles', url: vector.template, vector }
    expect(parseServiceDefinition(tiles)).toStrictEqual(tiles)
    // An archive's layers come without a template.
    const archive = { ...tiles, kind: 'pmtiles', vector: { sourceLayers: ['roads'] }, pmtiles: { tileType: 'mvt' } }
    expect(parseServiceDefinition(archive)).toStrictEqual({ ...archive, pmtiles: { tileType: 'mvt', fromFile: false } })
  })

  test('source layers that are not names are dropped, and at most 50 are kept', () => {
    const base = { ...GEOJSON, kind: 'vector-tiles', url: 'https://t.cn/{z}/{x}/{y}.pbf' }
    const read = parseServiceDefinition({ ...base, vector: { sourceLayers: ['roads', 7, 'x'.repeat(201), 'water'] } })
    expect(read!.vector).toStrictEqual({ sourceLayers: ['roads', 'water'] })
    const many = Array.from({ length: 51 }, (_, i) => `layer${i}`)
    expect(parseServiceDefinition({ ...base, vector: { sourceLayers: many } })!.vector).toStrictEqual({
      sourceLayers: many.slice(0, 50),
    })
  })

  test('a vector part without its layers, or with a template that is no web address, is refused', () => {
    const base = { ...GEOJSON, kind: 'vector-tiles', url: 'https://t.cn/{z}/{x}/{y}.pbf' }
    for (const vector of [null, 'roads', { sourceLayers: 'roads' }, { template: 'file:///t/{z}', sourceLayers: [] }])
      expect(parseServiceDefinition({ ...base, vector })).toBeNull()
    // Vector tiles with no vector part at all have nothing to draw.
    expect(parseServiceDefinition(base)).toBeNull()
  })

  test('GeoJSON by URL needs no tiles and keeps its refresh interval within a day', () => {
    expect(parseServiceDefinition(GEOJSON)).toStrictEqual(GEOJSON)
    for (const refreshMinutes of [0, 30, 1440])
      expect(parseServiceDefinition({ ...GEOJSON, refreshMinutes })).toStrictEqual({ ...GEOJSON, refreshMinutes })
    for (const refreshMinutes of [-1, 1441, '30', Number.NaN])
      expect(parseServiceDefinition({ ...GEOJSON, refreshMinutes })).toStrictEqual(GEOJSON)
  })

  test('zoom limits are kept from 0 to 24 only', () => {
    expect(parseServiceDefinition({ ...GEOJSON, minzoom: 0, maxzoom: 24 })).toStrictEqual({
      ...GEOJSON,
      minzoom: 0,
      maxzoom: 24,
    })
    for (const zoom of [-1, 25, '5', Number.POSITIVE_INFINITY])
      expect(parseServiceDefinition({ ...GEOJSON, minzoom: zoom, maxzoom: zoom })).toStrictEqual(GEOJSON)
  })

  test('bounds are kept only as a box inside the world with west < east and south < north', () => {
    expect(parseServiceDefinition({ ...GEOJSON, bounds: [-180, -90, 180, 90] })!.bounds).toEqual([-180, -90, 180, 90])
    const bad = [
      [0, 0, 0, 10],
      [0, 0, 10, 0],
      [10, 0, 0, 10],
      [0, 10, 10, 0],
      [-181, 0, 10, 10],
      [0, -91, 10, 10],
      [0, 0, 181, 10],
      [0, 0, 10, 91],
      [0, 0, '10', 10],
      [0, 0, 10],
      [0, 0, 10, 10, 5],
      { 0: 0, 1: 0, 2: 10, 3: 10, length: 4 },
    ]
    for (const bounds of bad) expect(parseServiceDefinition({ ...GEOJSON, bounds })).toStrictEqual(GEOJSON)
  })

  test('a legend keeps only pictures that are web addresses or inline PNG, JPEG or GIF', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo='
    const legend = (value: unknown): unknown => parseServiceDefinition({ ...GEOJSON, legend: value })!.legend
    expect(legend({ image: 'https://a.cn/legend.png' })).toStrictEqual({ image: 'https://a.cn/legend.png' })
    expect(legend({ image: 'data:image/gif;base64,R0lGOD==' })).toStrictEqual({
      image: 'data:image/gif;base64,R0lGOD==',
    })
    for (const image of [`x${png}`, `${png}"><script>`, 'data:image/svg+xml;base64,PHN2Zz4='])
      expect(legend({ image })).toBeUndefined()
    expect(legend({})).toBeUndefined()
    expect(legend({ entries: [] })).toBeUndefined()
    expect(legend('https://a.cn/legend.png')).toBeUndefined()
    const entries = [
      null,
      'road',
      { label: 7, image: png },
      { label: 'x'.repeat(301), image: png },
      { label: '路', image: png },
    ]
    expect(legend({ entries })).toStrictEqual({ entries: [{ label: '路', image: png }] })
    const many = Array.from({ length: 201 }, (_, i) => ({ label: `${i}`, image: png }))
    expect(legend({ entries: many })).toStrictEqual({ entries: many.slice(0, 200) })
  })

  test('names, title and attribution must be text of a sensible length', () => {
    expect(parseServiceDefinition({ ...GEOJSON, host: 'h'.repeat(300) })).not.toBeNull()
    const refused = [
      { host: 'h'.repeat(301) },
      { host: ['data.example.cn'] },
      { title: 7 },
      { title: 't'.repeat(501) },
      { attribution: undefined },
      { attribution: 'a'.repeat(1001) },
    ]
    for (const change of refused) expect(parseServiceDefinition({ ...GEOJSON, ...change })).toBeNull()
  })

  test('only a PMTiles archive may name a file instead of an address, and it must say its tile type', () => {
    expect(parseServiceDefinition({ ...GEOJSON, url: 'wells.geojson', pmtiles: { fromFile: true } })).toBeNull()
    const archive = { ...GEOJSON, kind: 'pmtiles', url: 'https://a.cn/imagery.pmtiles' }
    expect(parseServiceDefinition(archive)).toBeNull()
    expect(parseServiceDefinition({ ...archive, pmtiles: { tileType: 'webp' } })).toStrictEqual({
      ...archive,
      pmtiles: { tileType: 'webp', fromFile: false },
    })
  })

  test('a web address is at most 4000 characters, a template’s braces included', () => {
    expect(isWebAddress('https://{s}.tiles.example.cn/{z}/{x}/{y}.png')).toBe(true)
    expect(isWebAddress(`https://a.cn/${'x'.repeat(3987)}`)).toBe(true)
    expect(isWebAddress(`https://a.cn/${'x'.repeat(3988)}`)).toBe(false)
  })
})
