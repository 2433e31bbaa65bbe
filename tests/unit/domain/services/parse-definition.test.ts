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
