// The arithmetic of drawing 天地图's geographic `c` set on a Web Mercator map, checked against
// values worked out by hand (and with a calculator) for 东关桥 in 金东区.
import { describe, expect, it } from 'vitest'
import {
  chooseGeographicMatrix,
  geographicPixel,
  mercatorWorldPixel,
  geographicTileRange,
  mercatorPixelRowLatitude,
  webMercatorTileBox,
} from '../../../../src/domain/services/geographic-tiles'
import type { GeographicMatrix } from '../../../../src/domain/services/service-types'

/** 天地图's `c`: level n is 2^n × 2^(n−1) tiles of 256 px from (−180, 90), 0.703125° per pixel at level 1. */
const C: GeographicMatrix[] = Array.from({ length: 18 }, (_, i) => ({
  id: String(i + 1),
  degreesPerPixel: 0.703125 / 2 ** i,
  originLon: -180,
  originLat: 90,
  tileWidth: 256,
  tileHeight: 256,
  matrixWidth: 2 ** (i + 1),
  matrixHeight: 2 ** i,
}))
const level = (n: number) => C[n - 1]!
const DONGGUAN_BRIDGE = { lon: 119.692, lat: 29.0923 }
const MERCATOR_LIMIT = 85.0511287798066

describe('Web Mercator tiles', () => {
  it('gives the box a tile covers', () => {
    const [west, south, east, north] = webMercatorTileBox(0, 0, 0)
    expect([west, east]).toEqual([-180, 180])
    expect(north).toBeCloseTo(MERCATOR_LIMIT, 12)
    expect(south).toBeCloseTo(-MERCATOR_LIMIT, 12)
    const quarter = webMercatorTileBox(2, 3, 1)
    expect(quarter[0]).toBe(90)
    expect(quarter[2]).toBe(180)
    expect(quarter[1]).toBeCloseTo(0, 12)
    expect(quarter[3]).toBeCloseTo(66.51326044311186, 12)
  })
  it('gives the latitude at the centre of a pixel row', () => {
    expect(mercatorPixelRowLatitude(0, 0, 0)).toBeCloseTo(84.9901001802348, 12)
    expect(mercatorPixelRowLatitude(0, 0, 255)).toBeCloseTo(-84.9901001802348, 12)
    expect(mercatorPixelRowLatitude(2, 1, 128)).toBeCloseTo(40.84706035607122, 12)
    // Half a pixel beyond the first and last rows are the tile's edges.
    const [, south, , north] = webMercatorTileBox(14, 13639, 6807)
    expect(mercatorPixelRowLatitude(14, 6807, -0.5)).toBeCloseTo(north, 12)
    expect(mercatorPixelRowLatitude(14, 6807, 255.5)).toBeCloseTo(south, 12)
    expect(mercatorPixelRowLatitude(14, 6807, -0.5, 512)).toBeCloseTo(north, 12)
    expect(mercatorPixelRowLatitude(14, 6807, 511.5, 512)).toBeCloseTo(south, 12)
  })
})

describe('the Web Mercator world pixel of a place', () => {
  it('is the corner of the tile whose corner the place is, at any tile size', () => {
    const [west, , , north] = webMercatorTileBox(15, 27236, 13452)
    const [x, y] = mercatorWorldPixel(15, west, north)
    expect(x).toBeCloseTo(27236 * 256, 6)
    expect(y).toBeCloseTo(13452 * 256, 6)
    const [x512, y512] = mercatorWorldPixel(15, west, north, 512)
    expect([x512, y512]).toEqual([2 * x, 2 * y])
    expect(mercatorWorldPixel(0, 0, 0)).toEqual([128, 128])
  })
})

describe('choosing the matrix', () => {
  const webZoom = (z: number) => 360 / 256 / 2 ** z
  it('takes the coarsest matrix at least as fine as wanted', () => {
    expect(level(14).degreesPerPixel).toBe(180 / 256 / 2 ** 13)
    expect(chooseGeographicMatrix(C, webZoom(14))?.id).toBe('14')
    expect(chooseGeographicMatrix(C, webZoom(14) * 1.5)?.id).toBe('14')
    expect(chooseGeographicMatrix(C, webZoom(14) * 0.9995)?.id).toBe('14')
    expect(chooseGeographicMatrix(C, webZoom(14) * 0.99)?.id).toBe('15')
    expect(chooseGeographicMatrix(C, 10)?.id).toBe('1')
  })
  it('takes the finest when none is fine enough, and nothing from nothing', () => {
    expect(chooseGeographicMatrix(C, 1e-9)?.id).toBe('18')
    expect(chooseGeographicMatrix([...C].reverse(), 1e-9)?.id).toBe('18')
    expect(chooseGeographicMatrix([], 1)).toBeNull()
  })
})

describe('the tiles under a box', () => {
  it('covers the Web Mercator tile at 东关桥 with column 13639, rows 2771 and 2772 of level 14', () => {
    // Tile span 180° / 2^13 = 0.02197265625°: the tile's west edge 119.68505859375° is column 13639
    // exactly, its north 29.0945771° row 2771.87 and its south 29.0753752° row 2772.75.
    const box = webMercatorTileBox(14, 13639, 6807)
    expect(geographicTileRange(level(14), box)).toEqual({ minCol: 13639, maxCol: 13639, minRow: 2771, maxRow: 2772 })
  })
  it('takes no tile beyond an edge the box ends on', () => {
    const span = 180 / 2 ** 13
    expect(geographicTileRange(level(14), [-180, 90 - span, -180 + span, 90])).toEqual({
      minCol: 0,
      maxCol: 0,
      minRow: 0,
      maxRow: 0,
    })
    expect(geographicTileRange(level(1), [0, 0, 0, 0])).toEqual({ minCol: 1, maxCol: 1, minRow: 0, maxRow: 0 })
  })
  it('clips to the matrix, and gives null outside it', () => {
    expect(geographicTileRange(level(14), [-200, -100, -170, -80])).toEqual({
      minCol: 0,
      maxCol: 455,
      minRow: 7736,
      maxRow: 8191,
    })
    expect(geographicTileRange(level(3), [-190, -95, -185, -91])).toBeNull()
    const china: GeographicMatrix = { ...level(14), matrixWidth: 10, matrixHeight: 10, originLon: 119, originLat: 30 }
    expect(geographicTileRange(china, webMercatorTileBox(14, 13639, 6807))).toBeNull()
  })
})

describe('the pixel under a place', () => {
  it('finds 东关桥 in level 14 and level 1, and comes back to it', () => {
    const at14 = geographicPixel(level(14), DONGGUAN_BRIDGE.lon, DONGGUAN_BRIDGE.lat)
    expect(at14.col).toBe(13639)
    expect(at14.row).toBe(2771)
    expect(at14.x).toBeCloseTo(80.873244444374, 6)
    expect(at14.y).toBeCloseTo(250.138168888865, 6)
    expect(geographicPixel(level(1), DONGGUAN_BRIDGE.lon, DONGGUAN_BRIDGE.lat)).toMatchObject({ col: 1, row: 0 })
    for (const matrix of C) {
      const { col, row, x, y } = geographicPixel(matrix, DONGGUAN_BRIDGE.lon, DONGGUAN_BRIDGE.lat)
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(256)
      expect(y).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThan(256)
      const lon = matrix.originLon + (col * matrix.tileWidth + x) * matrix.degreesPerPixel
      const lat = matrix.originLat - (row * matrix.tileHeight + y) * matrix.degreesPerPixel
      expect(Math.abs(lon - DONGGUAN_BRIDGE.lon)).toBeLessThan(1e-9)
      expect(Math.abs(lat - DONGGUAN_BRIDGE.lat)).toBeLessThan(1e-9)
    }
  })
  it('does not clip: a place outside gives a tile outside', () => {
    expect(geographicPixel(level(2), -190, 95)).toMatchObject({ col: -1, row: -1 })
  })
})

describe('matrices and ranges, at their edges', () => {
  const webZoom = (z: number) => 360 / 256 / 2 ** z
  it('takes the coarsest fine enough matrix in whatever order the set lists them, 0.1 % slack included', () => {
    expect(chooseGeographicMatrix([...C].reverse(), webZoom(14))?.id).toBe('14')
    const slack = { ...level(1), id: 'slack', degreesPerPixel: 1.001 }
    expect(chooseGeographicMatrix([slack, { ...level(1), degreesPerPixel: 0.5 }], 1)?.id).toBe('slack')
  })
  it('clips a box beyond the east edge to the last column', () => {
    expect(geographicTileRange(level(1), [170, 0, 200, 10])).toEqual({ minCol: 1, maxCol: 1, minRow: 0, maxRow: 0 })
  })
  it('gives null for a box beside the matrix in longitude only, or in latitude only', () => {
    expect(geographicTileRange(level(3), [-190, 0, -185, 10])).toBeNull()
    expect(geographicTileRange(level(3), [0, -95, 10, -91])).toBeNull()
  })
})
