// Recognising Web Mercator levels and the geographic quad from scale denominators written with
// OGC's 0.28 mm pixel or with 96 dpi (天地图, ArcGIS).
import { describe, expect, it } from 'vitest'
import {
  geographicDegreesPerPixel,
  mercatorZoomOfResolution,
  mercatorZoomsOfScales,
  webZoomOfDegreesPerPixel,
} from '../../../../src/domain/services/scale-sets'

describe('Web Mercator levels', () => {
  it('finds the zoom of a resolution within 1 %, for 256- and 512-px tiles', () => {
    expect(mercatorZoomOfResolution(156543.03392804097, 256)).toBe(0)
    expect(mercatorZoomOfResolution(156543.03392804097 / 2 ** 18, 256)).toBe(18)
    expect(mercatorZoomOfResolution(156543.03392804097 / 2, 512)).toBe(0)
    expect(mercatorZoomOfResolution(156543.03392804097 * 0.991, 256)).toBe(0)
    expect(mercatorZoomOfResolution(156543.03392804097 * 0.98, 256)).toBeNull()
    expect(mercatorZoomOfResolution(156543.03392804097 * 2, 256)).toBeNull()
    expect(mercatorZoomOfResolution(156543.03392804097 / 2 ** 25, 256)).toBeNull()
  })
  it('reads scales in OGC’s pixel or in 96 dpi, but not mixed', () => {
    expect(mercatorZoomsOfScales([559082264.0287178, 559082264.0287178 / 4], 256)).toEqual([0, 2])
    expect(mercatorZoomsOfScales([591657527.591555, 591657527.591555 / 8], 256)).toEqual([0, 3])
    expect(mercatorZoomsOfScales([2.958293554545656e8], 256)).toEqual([1])
    expect(mercatorZoomsOfScales([559082264.0287178, 591657527.591555 / 2], 256)).toBeNull()
  })
})

describe('the geographic quad', () => {
  it('snaps 天地图’s 96-dpi scales to exact pixel sizes', () => {
    const sizes = geographicDegreesPerPixel([
      { scale: 2.958293554545656e8, tileWidth: 256 },
      { scale: 2.958293554545656e8 / 2 ** 13, tileWidth: 256 },
    ])
    expect(sizes).toEqual([0.703125, 180 / 256 / 2 ** 13])
  })
  it('snaps OGC scales, for 512-px tiles too', () => {
    expect(geographicDegreesPerPixel([{ scale: 279541132.0143589, tileWidth: 256 }])).toEqual([0.703125])
    expect(geographicDegreesPerPixel([{ scale: 279541132.0143589, tileWidth: 512 }])).toEqual([0.703125])
    expect(geographicDegreesPerPixel([{ scale: 279541132.0143589 / 2, tileWidth: 512 }])).toEqual([0.3515625])
  })
  it('keeps OGC’s rule off the quad', () => {
    const [size] = geographicDegreesPerPixel([{ scale: 1e6, tileWidth: 256 }])
    expect(size).toBeCloseTo(280 / 111319.49079327358, 15)
  })
  it('gives the web zoom of a pixel size', () => {
    expect(webZoomOfDegreesPerPixel(0.703125)).toBe(1)
    expect(webZoomOfDegreesPerPixel(180 / 256 / 2 ** 13)).toBe(14)
  })
})

describe('the ends of the levels', () => {
  const MPD = (2 * Math.PI * 6378137) / 360
  /** The 96-dpi scale (天地图's, 2 ppm off) of quad level k for 256-px tiles. */
  const scaleOfLevel = (k: number) => ((360 / 256 / 2 ** k) * MPD * (1 + 2e-6)) / (0.0254 / 96)
  const ogc = (scale: number) => (scale * 0.00028) / MPD

  it('has Web Mercator zoom 24, and no further', () => {
    expect(mercatorZoomOfResolution(156543.03392804097 / 2 ** 24, 256)).toBe(24)
  })
  it('snaps quad levels 0 to 25, in 96 dpi too, and no others', () => {
    expect(geographicDegreesPerPixel([{ scale: scaleOfLevel(0), tileWidth: 256 }])).toEqual([1.40625])
    expect(geographicDegreesPerPixel([{ scale: 2.958293554545656e8, tileWidth: 512 }])).toEqual([0.703125])
    expect(geographicDegreesPerPixel([{ scale: scaleOfLevel(25), tileWidth: 256 }])).toEqual([1.40625 / 2 ** 25])
    for (const k of [-1, 26]) {
      const scale = scaleOfLevel(k)
      expect(geographicDegreesPerPixel([{ scale, tileWidth: 256 }])).toEqual([ogc(scale)])
    }
  })
  it('snaps no level unless every level fits the quad', () => {
    const levels = [
      { scale: scaleOfLevel(1), tileWidth: 256 },
      { scale: scaleOfLevel(2) * 1.2, tileWidth: 256 },
    ]
    expect(geographicDegreesPerPixel(levels)).toEqual(levels.map(({ scale }) => ogc(scale)))
  })
})
