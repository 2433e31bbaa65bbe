/**
 * The basemaps a user can choose. The offline one is the default and needs nothing; every other
 * one is contacted only once the user picks it. 天地图 (CGCS2000) is drawn as WGS84 — the two differ
 * by centimetres; 高德 (AMap) is GCJ-02, so the map shifts our data onto it.
 */
import type { Bilingual } from '../domain/types'

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
  label: Bilingual
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
