/**
 * Raster tiles from a service, as the map draws them (Web Mercator, in the display CRS):
 * - a service in the display's CRS and in Web Mercator: its own tile, as it is;
 * - a service in the other CRS (GCJ-02 under a WGS84 basemap, or the reverse): moved by the shift
 *   at the tile's centre: a WMS or ArcGIS export is asked for the moved box, a tiled service's tile
 *   is put together from its neighbouring tiles
 *   (the shift changes by well under a pixel across one tile at the zooms a district is seen at);
 * - a geographic WMTS set (天地图's `c`): each row of pixels is taken from the service's tiles at
 *   its latitude, since latitude is not linear in Web Mercator while longitude is.
 */
import type { RasterTiles } from '../../domain/services/service-types'
import { geographicTileUrl, mercatorTileBounds, rasterBoxUrl, rasterTileUrl } from '../../domain/services/tile-urls'
import {
  chooseGeographicMatrix,
  geographicTileRange,
  mercatorPixelRowLatitude,
  mercatorWorldPixel,
  webMercatorTileBox,
} from '../../domain/services/geographic-tiles'
import { fetchTileBytes } from './fetch-tile'
import type { TileSource } from './service-protocol'

const TILE = 256

/** From a display coordinate to the service's own (identity when both are in one CRS). */
export type ToServiceCrs = ((lngLat: [number, number]) => [number, number]) | null

async function bitmapAt(url: string, timeoutMs: number, signal: AbortSignal): Promise<ImageBitmap | null> {
  const answer = await fetchTileBytes(url, 'image', timeoutMs, signal)
  return answer ? createImageBitmap(new Blob([answer.bytes], { type: answer.type || 'image/png' })) : null
}

function canvas(size = TILE): OffscreenCanvasRenderingContext2D {
  const context = new OffscreenCanvas(size, size).getContext('2d')
  if (!context) throw new Error('no 2D canvas')
  return context
}

/** The tile at z/x/y made from the service's tiles around it, moved by the CRS shift at its centre. */
async function shiftedTile(
  raster: RasterTiles,
  toService: NonNullable<ToServiceCrs>,
  z: number,
  x: number,
  y: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ImageBitmap | null> {
  // A WMTS set of 512-px tiles is asked for in 512-px tiles: its pixels are counted so here too.
  const size = raster.scheme === 'wmts-mercator' ? (raster.tileSize ?? TILE) : TILE
  const [w, s, e, n] = webMercatorTileBox(z, x, y)
  const centre: [number, number] = [(w + e) / 2, (s + n) / 2]
  const there = toService(centre)
  const [cx, cy] = mercatorWorldPixel(z, ...centre, size)
  const [sx, sy] = mercatorWorldPixel(z, ...there, size)
  // A service drawn by boxes (WMS, ArcGIS export) is asked for the moved box itself: one picture.
  const [minX, minY, maxX, maxY] = mercatorTileBounds(z, x, y)
  const metresPerPixel = (maxX - minX) / size
  const moved = [sx - cx, cy - sy].map((pixels) => pixels * metresPerPixel)
  const boxUrl = rasterBoxUrl(raster, [minX + moved[0]!, minY + moved[1]!, maxX + moved[0]!, maxY + moved[1]!])
  if (boxUrl) return bitmapAt(boxUrl, timeoutMs, signal)
  // A tiled service: its pixel under this tile's top-left corner, and the tiles around it.
  const left = x * size + (sx - cx)
  const top = y * size + (sy - cy)
  const pieces: Promise<void>[] = []
  const context = canvas(size)
  let drawn = false
  const limit = 2 ** z
  for (let ty = Math.floor(top / size); ty <= Math.floor((top + size - 1) / size); ty++)
    for (let tx = Math.floor(left / size); tx <= Math.floor((left + size - 1) / size); tx++) {
      if (ty < 0 || ty >= limit) continue
      const url = rasterTileUrl(raster, z, ((tx % limit) + limit) % limit, ty)
      if (!url) continue
      pieces.push(
        bitmapAt(url, timeoutMs, signal).then((bitmap) => {
          if (!bitmap) return
          context.drawImage(bitmap, tx * size - left, ty * size - top, size, size)
          drawn = true
        }),
      )
    }
  await Promise.all(pieces)
  return drawn ? createImageBitmap(context.canvas) : null
}

/** A Web Mercator tile resampled from a geographic WMTS set, row by row. */
async function geographicTile(
  raster: Extract<RasterTiles, { scheme: 'wmts-geographic' }>,
  toService: ToServiceCrs,
  z: number,
  x: number,
  y: number,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ImageBitmap | null> {
  const [w, s, e, n] = webMercatorTileBox(z, x, y)
  const centre: [number, number] = [(w + e) / 2, (s + n) / 2]
  const there = toService ? toService(centre) : centre
  const dLng = there[0] - centre[0]
  const dLat = there[1] - centre[1]
  const matrix = chooseGeographicMatrix(raster.matrices, (e - w) / TILE)
  if (!matrix) return null
  const range = geographicTileRange(matrix, [w + dLng, s + dLat, e + dLng, n + dLat])
  if (!range) return null
  const tiles = new Map<string, ImageBitmap>()
  const pieces: Promise<void>[] = []
  for (let row = range.minRow; row <= range.maxRow; row++)
    for (let col = range.minCol; col <= range.maxCol; col++)
      pieces.push(
        bitmapAt(geographicTileUrl(raster.template, matrix.id, row, col), timeoutMs, signal).then((bitmap) => {
          if (bitmap) tiles.set(`${row}/${col}`, bitmap)
        }),
      )
  await Promise.all(pieces)
  if (tiles.size === 0) return null
  const context = canvas()
  const spanLng = matrix.degreesPerPixel * matrix.tileWidth
  const pixelsPerDegree = TILE / (e - w)
  for (let r = 0; r < TILE; r++) {
    const lat = mercatorPixelRowLatitude(z, y, r, TILE) + dLat
    const globalRow = (matrix.originLat - lat) / matrix.degreesPerPixel
    const row = Math.floor(globalRow / matrix.tileHeight)
    const sourceY = Math.floor(globalRow - row * matrix.tileHeight)
    for (let col = range.minCol; col <= range.maxCol; col++) {
      const bitmap = tiles.get(`${row}/${col}`)
      if (!bitmap) continue
      const tileWest = matrix.originLon + col * spanLng - dLng
      const dx = (tileWest - w) * pixelsPerDegree
      const dw = spanLng * pixelsPerDegree
      context.drawImage(bitmap, 0, sourceY, matrix.tileWidth, 1, dx, r, dw, 1)
    }
  }
  return createImageBitmap(context.canvas)
}

export function rasterTileSource(raster: RasterTiles, toService: ToServiceCrs, timeoutMs: number): TileSource {
  return {
    kind: 'raster',
    async tile(z, x, y, signal) {
      if (raster.scheme === 'wmts-geographic') return geographicTile(raster, toService, z, x, y, timeoutMs, signal)
      if (toService) return shiftedTile(raster, toService, z, x, y, timeoutMs, signal)
      const url = rasterTileUrl(raster, z, x, y)
      return url ? bitmapAt(url, timeoutMs, signal) : null
    },
  }
}

/** Vector tiles (MVT) from a template: the bytes as they come. */
export function vectorTileSource(template: string, timeoutMs: number): TileSource {
  return {
    kind: 'vector',
    async tile(z, x, y, signal) {
      const url = rasterTileUrl({ scheme: 'xyz', template }, z, x, y)!
      return (await fetchTileBytes(url, 'binary', timeoutMs, signal))?.bytes ?? null
    },
  }
}
