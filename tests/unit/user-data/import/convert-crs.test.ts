// positionConverter: the declared CRS to WGS84 degrees, position by position, and the labels of each CRS.
import { beforeAll, describe, expect, test } from 'vitest'
import { positionConverter } from '../../../../src/user-data/import/convert-crs'
import { loadProjections } from '../../../../src/user-data/import/crs-detect'
import { CRS_LABELS } from '../../../../src/user-data/import/crs-labels'

// proj4 is loaded on demand: finish-import.ts awaits loadProjections() before converting from a projected CRS.
beforeAll(() => loadProjections())

describe('positionConverter', () => {
  test('nothing to do for auto and WGS84', () => {
    expect(positionConverter('auto')).toBeNull()
    expect(positionConverter('EPSG:4326')).toBeNull()
  })

  test('swapping keeps heights and measures', () => {
    expect(positionConverter('swap-axes')!([29.1, 119.7, 12, 3])).toEqual([119.7, 29.1, 12, 3])
  })

  test('GCJ-02 and BD-09 shift by their own offsets and keep the height, without touching the input', () => {
    const input = [119.7, 29.1, 50]
    const fromGcj = positionConverter('GCJ-02')!(input)
    const fromBd = positionConverter('BD-09')!(input)
    expect(input).toEqual([119.7, 29.1, 50])
    expect(fromGcj[2]).toBe(50)
    expect(fromBd[2]).toBe(50)
    // GCJ-02 lies a few hundred metres north-east of WGS84 here; BD-09 a little further.
    expect(fromGcj[0]).toBeCloseTo(119.6953, 3)
    expect(fromGcj[1]).toBeCloseTo(29.1028, 3)
    expect(fromBd[0]).toBeLessThan(fromGcj[0]!)
    expect(fromBd[1]).toBeLessThan(fromGcj[1]!)
  })

  test('projected metres through proj4; NaN where the projection has no answer', () => {
    const [lng, lat, height] = positionConverter('EPSG:3857')!([13_323_286, 3_387_577, 7])
    expect(lng).toBeCloseTo(119.685, 3)
    expect(lat).toBeCloseTo(29.094, 3)
    expect(height).toBe(7)
    expect(positionConverter('CGCS2000-GK-3deg-120')!([1e20, 1e20, 1])).toEqual([Number.NaN, Number.NaN, 1])
  })

  test('every declarable CRS has a label in both languages', () => {
    expect(Object.keys(CRS_LABELS).sort()).toEqual(
      [
        'BD-09',
        'CGCS2000-GK-3deg-120',
        'CGCS2000-GK-6deg-20',
        'EPSG:3857',
        'EPSG:4326',
        'GCJ-02',
        'auto',
        'swap-axes',
      ].sort(),
    )
    expect(CRS_LABELS['GCJ-02']).toEqual({ zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (AMap, Tencent)' })
  })
})
