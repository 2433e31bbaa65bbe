/**
 * The basemaps a user can choose. The offline one is the default and needs nothing; every other
 * one is contacted only once the user picks it. 天地图 (CGCS2000) is drawn as WGS84 — the two differ
 * by centimetres; 高德 (AMap) is GCJ-02, so the adapter shifts our data onto it.
 */
import type { StyleSpecification } from '@maplibre/maplibre-gl-style-spec'

export type BasemapId = 'offline' | 'tianditu-vec' | 'tianditu-img' | 'osm' | 'amap' | 'custom'

export interface BasemapChoice {
  id: BasemapId
  /** 天地图's key (tk), for the tianditu basemaps. */
  tiandituKey?: string
  /** A MapLibre style URL, for 'custom'. */
  styleUrl?: string
}

export interface BasemapOption {
  id: BasemapId
  label: { zh: string; en: string }
  crs: 'WGS84' | 'GCJ-02'
  needs: 'nothing' | 'tianditu-key' | 'style-url'
}

export const BASEMAP_OPTIONS: readonly BasemapOption[] = [
  { id: 'offline', label: { zh: '离线底图（本地数据）', en: 'Offline (own data)' }, crs: 'WGS84', needs: 'nothing' },
  { id: 'tianditu-vec', label: { zh: '天地图 矢量', en: 'Tianditu vector' }, crs: 'WGS84', needs: 'tianditu-key' },
  { id: 'tianditu-img', label: { zh: '天地图 影像', en: 'Tianditu imagery' }, crs: 'WGS84', needs: 'tianditu-key' },
  { id: 'osm', label: { zh: 'OpenStreetMap', en: 'OpenStreetMap' }, crs: 'WGS84', needs: 'nothing' },
  { id: 'amap', label: { zh: '高德地图（GCJ-02）', en: 'AMap (GCJ-02)' }, crs: 'GCJ-02', needs: 'nothing' },
  { id: 'custom', label: { zh: '自定义样式 URL', en: 'Custom style URL' }, crs: 'WGS84', needs: 'style-url' },
]

export function basemapOption(id: BasemapId): BasemapOption {
  return BASEMAP_OPTIONS.find((o) => o.id === id) ?? BASEMAP_OPTIONS[0]!
}

type RasterPart = { sources: StyleSpecification['sources']; layers: StyleSpecification['layers'] }

const SUBDOMAINS_TDT = ['0', '1', '2', '3', '4', '5', '6', '7']

function tiandituTiles(layer: 'vec' | 'cva' | 'img' | 'cia', key: string): string[] {
  const query = `SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${encodeURIComponent(key)}`
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
