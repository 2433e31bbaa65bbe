/**
 * A name in both languages for each CRS a user can declare: for the import dialog's choices and
 * suggestion buttons, and for messages. No imports, so the main thread can load it without proj4.
 */
import type { DeclaredCrs } from './types'

export const CRS_LABELS: Record<DeclaredCrs, { zh: string; en: string }> = {
  auto: { zh: '自动', en: 'automatic' },
  'EPSG:4326': { zh: 'WGS84 经纬度（EPSG:4326）', en: 'WGS84 degrees (EPSG:4326)' },
  'GCJ-02': { zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (AMap, Tencent)' },
  'BD-09': { zh: 'BD-09（百度）', en: 'BD-09 (Baidu)' },
  'EPSG:3857': { zh: 'Web 墨卡托（EPSG:3857）', en: 'Web Mercator (EPSG:3857)' },
  'CGCS2000-GK-3deg-120': {
    zh: 'CGCS2000 高斯 3 度带 120°E（EPSG:4549）',
    en: 'CGCS2000 Gauss-Krüger 3° CM 120°E (EPSG:4549)',
  },
  'CGCS2000-GK-6deg-20': {
    zh: 'CGCS2000 高斯 6 度带第 20 带（EPSG:4498）',
    en: 'CGCS2000 Gauss-Krüger 6° zone 20 (EPSG:4498)',
  },
  'swap-axes': { zh: '交换经纬度', en: 'swap latitude and longitude' },
}
