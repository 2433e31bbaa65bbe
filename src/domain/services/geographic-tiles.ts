/**
 * The arithmetic of drawing a geographic WMTS (天地图's `c`, in CGCS2000 longitude and latitude) on a
 * Web Mercator map: which Web Mercator tile covers what, the latitude of each of its pixel rows
 * (latitude is not linear in Web Mercator, so the service's tiles are resampled row by row), which
 * of the service's matrices fits the zoom, and which of its tiles and pixels lie under a place.
 * Pure numbers; the map's tile source calls these.
 */
import type { GeographicMatrix, LonLatBox } from './service-types'

const DEGREES = 180 / Math.PI

/** Latitude of a Web Mercator row at `fraction` of the world's height from the top (0 north edge, 1 south). */
function mercatorLatitude(fraction: number): number {
  return Math.atan(Math.sinh(Math.PI * (1 - 2 * fraction))) * DEGREES
}

/** The box [west, south, east, north] in degrees that Web Mercator tile z/x/y covers (rows from the north). */
export function webMercatorTileBox(z: number, x: number, y: number): LonLatBox {
  const n = 2 ** z
  return [(x / n) * 360 - 180, mercatorLatitude((y + 1) / n), ((x + 1) / n) * 360 - 180, mercatorLatitude(y / n)]
}

/** Where a lon/lat lies in the Web Mercator world at zoom z, in pixels of `tileSize` tiles from the top-left. */
export function mercatorWorldPixel(z: number, lng: number, lat: number, tileSize = 256): [number, number] {
  const size = tileSize * 2 ** z
  const sin = Math.sin(lat / DEGREES)
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size]
}

/** The latitude at the centre of pixel row `row` (0 at the top) of Web Mercator tile row `y` at zoom z. */
export function mercatorPixelRowLatitude(z: number, y: number, row: number, tileSize = 256): number {
  return mercatorLatitude((y + (row + 0.5) / tileSize) / 2 ** z)
}

/**
 * The matrix to draw from for a wanted pixel size: the coarsest at least as fine as wanted (0.1 %
 * slack for rounding), so no tile is magnified; when none is fine enough, the finest. Null for none.
 */
export function chooseGeographicMatrix(
  matrices: GeographicMatrix[],
  wantedDegreesPerPixel: number,
): GeographicMatrix | null {
  let best: GeographicMatrix | null = null
  let finest: GeographicMatrix | null = null
  for (const matrix of matrices) {
    if (!finest || matrix.degreesPerPixel < finest.degreesPerPixel) finest = matrix
    const fineEnough = matrix.degreesPerPixel <= wantedDegreesPerPixel * 1.001
    if (fineEnough && (!best || matrix.degreesPerPixel > best.degreesPerPixel)) best = matrix
  }
  return best ?? finest
}

/**
 * The tiles of the matrix that cover the box, clipped to the matrix; null when the box lies outside
 * it. A box edge on a tile edge takes no tile beyond it.
 */
export function geographicTileRange(
  matrix: GeographicMatrix,
  box: LonLatBox,
): { minCol: number; maxCol: number; minRow: number; maxRow: number } | null {
  const [west, south, east, north] = box
  const tileLon = matrix.degreesPerPixel * matrix.tileWidth
  const tileLat = matrix.degreesPerPixel * matrix.tileHeight
  const first = (value: number) => Math.floor(value)
  const last = (start: number, value: number) => Math.max(start, Math.ceil(value) - 1)
  const colStart = first((west - matrix.originLon) / tileLon)
  const colEnd = last(colStart, (east - matrix.originLon) / tileLon)
  const rowStart = first((matrix.originLat - north) / tileLat)
  const rowEnd = last(rowStart, (matrix.originLat - south) / tileLat)
  const minCol = Math.max(0, colStart)
  const maxCol = Math.min(matrix.matrixWidth - 1, colEnd)
  const minRow = Math.max(0, rowStart)
  const maxRow = Math.min(matrix.matrixHeight - 1, rowEnd)
  return minCol > maxCol || minRow > maxRow ? null : { minCol, maxCol, minRow, maxRow }
}

/**
 * Where a place falls in the matrix: the tile (column, row) and the pixel in it, fractional (x from
 * the tile's west edge, y from its north edge). Not clipped: a place outside the matrix gives a
 * column or row outside it.
 */
export function geographicPixel(
  matrix: GeographicMatrix,
  lon: number,
  lat: number,
): { col: number; row: number; x: number; y: number } {
  const px = (lon - matrix.originLon) / matrix.degreesPerPixel
  const py = (matrix.originLat - lat) / matrix.degreesPerPixel
  const col = Math.floor(px / matrix.tileWidth)
  const row = Math.floor(py / matrix.tileHeight)
  return { col, row, x: px - col * matrix.tileWidth, y: py - row * matrix.tileHeight }
}
