// The basemap choices: offline first, what each needs and its CRS.
import { describe, expect, test } from 'vitest'
import { BASEMAP_OPTIONS, basemapOption, type BasemapId } from '../../../src/settings/basemap-choices'

describe('basemaps', () => {
  test('the offline basemap is first and needs nothing', () => {
    expect(BASEMAP_OPTIONS.map((option) => option.id)).toEqual([
      'offline',
      'tianditu-vec',
      'tianditu-img',
      'osm',
      'amap',
      'custom',
    ])
    expect(basemapOption('offline')).toEqual({
      id: 'offline',
      label: { zh: '离线底图（本地数据）', en: 'Offline (own data)' },
      crs: 'WGS84',
      needs: 'nothing',
    })
  })

  test('each option says what it needs and its CRS; an unknown id falls back to offline', () => {
    expect(basemapOption('amap')).toMatchObject({ crs: 'GCJ-02', needs: 'nothing' })
    expect(basemapOption('tianditu-img')).toMatchObject({ crs: 'WGS84', needs: 'tianditu-key' })
    expect(basemapOption('custom').needs).toBe('style-url')
    expect(basemapOption('gone' as BasemapId).id).toBe('offline')
  })
})
