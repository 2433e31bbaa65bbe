import { describe, expect, test } from 'vitest'
import {
  geographicTileUrl,
  mercatorTileBounds,
  rasterBoxUrl,
  rasterTileUrl,
  rasterZoomRange,
} from '../../../../src/domain/services/tile-urls'

describe('raster tile URLs', () => {
  test('z/x/y and a TMS row counted from the south', () => {
    expect(rasterTileUrl({ scheme: 'xyz', template: 'https://t.cn/{z}/{x}/{y}.png' }, 10, 852, 425)).toBe(
      'https://t.cn/10/852/425.png',
    )
    expect(rasterTileUrl({ scheme: 'xyz', template: 'https://t.cn/{z}/{x}/{-y}.png' }, 10, 852, 425)).toBe(
      'https://t.cn/10/852/598.png',
    )
    expect(
      rasterTileUrl({ scheme: 'arcgis-tiles', template: 'https://a.cn/MapServer/tile/{z}/{y}/{x}' }, 3, 6, 2),
    ).toBe('https://a.cn/MapServer/tile/3/2/6')
  })

  test('a WMS box is the tile in EPSG:3857 metres', () => {
    const url = rasterTileUrl({ scheme: 'wms', template: 'https://w.cn/wms?BBOX={bbox-epsg-3857}&X=1' }, 1, 1, 0)!
    expect(url).toBe('https://w.cn/wms?BBOX=0.000,0.000,20037508.343,20037508.343&X=1')
    expect(mercatorTileBounds(0, 0, 0)).toEqual([
      -20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244,
    ])
  })

  test('a WMTS matrix by web zoom, none where the set has no level', () => {
    const raster = {
      scheme: 'wmts-mercator' as const,
      template: 'https://t0.cn/wmts?TILEMATRIX={TileMatrix}&TILEROW={TileRow}&TILECOL={TileCol}',
      matrixIds: [null, '1', '2'],
    }
    expect(rasterTileUrl(raster, 2, 3, 1)).toBe('https://t0.cn/wmts?TILEMATRIX=2&TILEROW=1&TILECOL=3')
    expect(rasterTileUrl(raster, 0, 0, 0)).toBeNull()
    expect(rasterTileUrl(raster, 5, 0, 0)).toBeNull()
    expect(rasterZoomRange(raster)).toEqual({ minzoom: 1, maxzoom: 2 })
    expect(rasterZoomRange({ scheme: 'xyz', template: 'x' })).toEqual({ minzoom: 0, maxzoom: 22 })
  })

  test('a geographic WMTS tile by matrix, row and column', () => {
    expect(geographicTileUrl('https://t.cn/c?M={TileMatrix}&R={TileRow}&C={TileCol}', '14', 1, 2)).toBe(
      'https://t.cn/c?M=14&R=1&C=2',
    )
    expect(rasterTileUrl({ scheme: 'wmts-geographic', template: 'x', matrices: [] }, 1, 0, 0)).toBeNull()
  })
})

describe('raster tile URLs, more', () => {
  test('a tile below the top row, and an ArcGIS export box', () => {
    expect(mercatorTileBounds(1, 0, 1)).toEqual([-20037508.342789244, -20037508.342789244, 0, 0])
    const template = 'https://a.cn/MapServer/export?bbox={bbox-epsg-3857}&f=image'
    expect(rasterTileUrl({ scheme: 'arcgis-export', template }, 1, 0, 1)).toBe(
      'https://a.cn/MapServer/export?bbox=-20037508.343,-20037508.343,0.000,0.000&f=image',
    )
  })
  test('a WMTS set without any level has only zoom 0', () => {
    const raster = { scheme: 'wmts-mercator' as const, template: 'x', matrixIds: [null, null] }
    expect(rasterZoomRange(raster)).toEqual({ minzoom: 0, maxzoom: 0 })
  })

  test('a box service takes any box (a tile moved by a CRS shift); a tiled one has none', () => {
    const wms = { scheme: 'wms' as const, template: 'https://w.cn/wms?BBOX={bbox-epsg-3857}' }
    expect(rasterBoxUrl(wms, [1, 2.5, 3.25, 4])).toBe('https://w.cn/wms?BBOX=1.000,2.500,3.250,4.000')
    const exported = { scheme: 'arcgis-export' as const, template: 'https://a.cn/export?bbox={bbox-epsg-3857}' }
    expect(rasterBoxUrl(exported, [0, 0, 1, 1])).toBe('https://a.cn/export?bbox=0.000,0.000,1.000,1.000')
    expect(rasterBoxUrl({ scheme: 'xyz', template: 'https://t.cn/{z}/{x}/{y}' }, [0, 0, 1, 1])).toBeNull()
  })
})
