/**
 * The tiles behind each online basemap (src/settings/basemap-choices.ts lists the choices). Every one is
 * contacted only once the user picks it.
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec'
import type { BasemapChoice } from '../settings/basemap-choices'

type RasterPart = { sources: StyleSpecification['sources']; layers: StyleSpecification['layers'] }

const SUBDOMAINS_TDT = ['0', '1', '2', '3', '4', '5', '6', '7']

function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  const query =
    `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles` +
    `&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
  return SUBDOMAINS_TDT.map((s) => `https://t${s}.tianditu.gov.cn/${layer}_w/wmts?${query}`)
}

function raster(id: string, tiles: string[], attribution: string, maxzoom = 18): RasterPart {
  return {
    sources: { [id]: { type: 'raster', tiles, tileSize: 256, maxzoom, attribution } },
    layers: [{ id, type: 'raster', source: id }],
  }
}

function merge(...parts: RasterPart[]): RasterPart {
  return { sources: Object.assign({}, ...parts.map((p) => p.sources)), layers: parts.flatMap((p) => p.layers) }
}

/** Raster sources and layers for a tiled basemap, all ids prefixed `basemap-`; null for offline/custom. */
export function basemapRaster(choice: BasemapChoice): RasterPart | null {
  const key = choice.tiandituKey ?? ''
  switch (choice.id) {
    case 'tianditu-vec':
      return merge(
        raster('basemap-tdt-vec', tiandituTiles('vec', key), '© 天地图'),
        raster('basemap-tdt-cva', tiandituTiles('cva', key), ''),
      )
    case 'tianditu-img':
      return merge(
        raster('basemap-tdt-img', tiandituTiles('img', key), '© 天地图'),
        raster('basemap-tdt-cia', tiandituTiles('cia', key), ''),
      )
    case 'osm':
      return raster(
        'basemap-osm',
        ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
        '© OpenStreetMap contributors',
        19,
      )
    case 'amap':
      return raster(
        'basemap-amap',
        ['1', '2', '3', '4'].map(
          (s) => `https://webrd0${s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}`,
        ),
        '© 高德地图',
      )
    default:
      return null
  }
}
