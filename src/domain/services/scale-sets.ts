/**
 * Recognising the two well-known tile pyramids from what a server writes of them: Web Mercator
 * (GoogleMapsCompatible, 天地图's `w`, ArcGIS's cache) and the geographic quad (天地图's `c`, GeoServer's
 * EPSG:4326 grid), where each level halves the pixel size.
 *
 * A scale denominator is metres per pixel divided by a pixel's size, and servers disagree on the
 * size: OGC's standardised 0.28 mm (WMTS 1.0.0, 559082264.0287178 at zoom 0), or 1/96 inch, as 天地图
 * and ArcGIS write (591657527.591555 at zoom 0; 天地图's 2.958293554545656E8 at its level 1). The two
 * differ by 5.8 %, so a set whose every scale fits one of them within 1 % is read in that one. A
 * geographic level that fits the quad is snapped to its exact size (360° / 256 px / 2^k): a 2 ppm
 * error in 天地图's written scale would otherwise misplace its tiles by some 60 m at 120° E.
 */

/** Half the width of the Web Mercator world, metres (π × 6378137). */
export const MERCATOR_HALF_WORLD = Math.PI * 6378137

/** Metres along the equator in one degree (2π × 6378137 / 360). */
export const METRES_PER_DEGREE = (2 * Math.PI * 6378137) / 360

/** Metres per pixel of the one 256-px Web Mercator tile at zoom 0. */
const ZOOM0_RESOLUTION = (2 * MERCATOR_HALF_WORLD) / 256

/** The pixel sizes scale denominators are written in: OGC's 0.28 mm first, then 96 dpi. */
const PIXEL_SIZES = [0.00028, 0.0254 / 96]

const TOLERANCE = 0.01
const MAX_ZOOM = 24

/** The zoom z (0…24) at which a `tileSize`-px Web Mercator tile has this resolution within 1 %, or null. */
export function mercatorZoomOfResolution(metresPerPixel: number, tileSize: number): number | null {
  const zoom0 = (ZOOM0_RESOLUTION * 256) / tileSize
  const z = Math.round(Math.log2(zoom0 / metresPerPixel))
  if (!Number.isFinite(z) || z < 0 || z > MAX_ZOOM) return null
  return Math.abs(metresPerPixel / (zoom0 / 2 ** z) - 1) <= TOLERANCE ? z : null
}

/**
 * The Web Mercator zoom of each scale denominator, read in the first pixel size that fits them all;
 * null when neither does.
 */
export function mercatorZoomsOfScales(scales: number[], tileSize: number): number[] | null {
  for (const pixel of PIXEL_SIZES) {
    const zooms = scales.map((scale) => mercatorZoomOfResolution(scale * pixel, tileSize))
    if (zooms.every((z): z is number => z !== null)) return zooms
  }
  return null
}

/** Degrees per pixel of the quad level k for `tileSize`-px tiles (one tile spans 360° at k = 0), if within 1 %. */
function quadDegreesPerPixel(degreesPerPixel: number, tileSize: number): number | null {
  const level0 = 360 / tileSize
  const k = Math.round(Math.log2(level0 / degreesPerPixel))
  if (!Number.isFinite(k) || k < 0 || k > MAX_ZOOM + 1) return null
  const exact = level0 / 2 ** k
  return Math.abs(degreesPerPixel / exact - 1) <= TOLERANCE ? exact : null
}

/**
 * Degrees per pixel of each level of a geographic set, from its scale denominators: snapped to the
 * quad when every level fits it in one pixel size, else OGC's rule (scale × 0.28 mm / metres per degree).
 */
export function geographicDegreesPerPixel(levels: { scale: number; tileWidth: number }[]): number[] {
  for (const pixel of PIXEL_SIZES) {
    const snapped = levels.map(({ scale, tileWidth }) =>
      quadDegreesPerPixel((scale * pixel) / METRES_PER_DEGREE, tileWidth),
    )
    if (snapped.every((dpp): dpp is number => dpp !== null)) return snapped
  }
  return levels.map(({ scale }) => (scale * PIXEL_SIZES[0]!) / METRES_PER_DEGREE)
}

/**
 * The web zoom (256-px Web Mercator tiles) whose pixel spans as many degrees of longitude as this:
 * log2(360 / 256 / degreesPerPixel), so 天地图's `c` level n is web zoom n. Not rounded.
 */
export function webZoomOfDegreesPerPixel(degreesPerPixel: number): number {
  return Math.log2(360 / 256 / degreesPerPixel)
}
