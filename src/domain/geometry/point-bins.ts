/**
 * Points merged into square cells of a few screen pixels, for heatmaps on slow renderers.
 *
 * Why: deck.gl's HeatmapLayer draws every point as a kernel sprite (~900 texels at a 30 px radius)
 * whenever it re-aggregates, i.e. when a zoom settles or the view leaves the aggregated area. At a
 * million points that is ~10⁹ fragments: milliseconds on a GPU, 10+ seconds on a software renderer
 * (SwiftShader, some locked-down office PCs). Cells of about 2 screen pixels are invisible under a
 * 30 px kernel and cut the point count 20–50× at district zoom.
 *
 * Each non-empty cell becomes one point at the centroid of its points, carrying their count and the
 * mean of their weights. A MEAN heatmap of cells is then an area-weighted mean (each cell counts
 * once, however many readings it holds); a SUM heatmap weighted by the counts keeps the density.
 *
 * Pure TypeScript.
 */

export interface BinnedPoints {
  /** Centroid of each non-empty cell, lng,lat interleaved. */
  positions: Float64Array
  /** Points in each cell (as floats: deck.gl reads it as a SUM weight). */
  counts: Float32Array
  /** Mean weight of each cell's points, or null when the points had no weights. */
  weights: Float32Array | null
}

/** More cells than this and binning would cost more than it saves (and the arrays get large). */
const MAX_CELLS = 4_000_000
const METRES_PER_DEGREE = 111_320
const EARTH_CIRCUMFERENCE_M = 40_075_016.686

/**
 * A cell size (degrees) of `pixels` screen pixels at a Web-Mercator zoom and latitude, e.g. to
 * re-bin when the map's zoom settles. 512-px world tiles, as MapLibre uses.
 */
export function cellDegreesForZoom(zoom: number, latitude: number, pixels = 2): number {
  const metresPerPixel = (EARTH_CIRCUMFERENCE_M * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom)
  return (metresPerPixel * pixels) / METRES_PER_DEGREE
}

export function binPoints(
  positions: Float64Array,
  weights: Float32Array | null,
  cellDegrees: number,
  keep?: (point: number) => boolean,
): BinnedPoints {
  if (!(cellDegrees > 0) || !Number.isFinite(cellDegrees))
    throw new RangeError(`binPoints: cell size must be a positive number of degrees, got ${cellDegrees}`)
  const pointCount = positions.length >> 1
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity
  for (let i = 0; i < pointCount; i++) {
    const lng = positions[2 * i]!,
      lat = positions[2 * i + 1]!
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || (keep && !keep(i))) continue
    if (lng < west) west = lng
    if (lng > east) east = lng
    if (lat < south) south = lat
    if (lat > north) north = lat
  }
  if (west > east)
    return {
      positions: new Float64Array(0),
      counts: new Float32Array(0),
      weights: weights ? new Float32Array(0) : null,
    }
  const columns = Math.floor((east - west) / cellDegrees) + 1
  const rows = Math.floor((north - south) / cellDegrees) + 1
  if (columns * rows > MAX_CELLS)
    throw new RangeError(`binPoints: ${columns} × ${rows} cells of ${cellDegrees}° is too many; use larger cells`)

  const cellCount = new Uint32Array(columns * rows)
  const sumLng = new Float64Array(columns * rows)
  const sumLat = new Float64Array(columns * rows)
  const sumWeight = weights ? new Float64Array(columns * rows) : null
  for (let i = 0; i < pointCount; i++) {
    const lng = positions[2 * i]!,
      lat = positions[2 * i + 1]!
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || (keep && !keep(i))) continue
    const cell = Math.floor((lat - south) / cellDegrees) * columns + Math.floor((lng - west) / cellDegrees)
    cellCount[cell]!++
    sumLng[cell]! += lng
    sumLat[cell]! += lat
    if (sumWeight && weights) sumWeight[cell]! += weights[i]!
  }

  let filled = 0
  for (const count of cellCount) if (count > 0) filled++
  const binned: BinnedPoints = {
    positions: new Float64Array(filled * 2),
    counts: new Float32Array(filled),
    weights: sumWeight ? new Float32Array(filled) : null,
  }
  let next = 0
  for (let cell = 0; cell < cellCount.length; cell++) {
    const count = cellCount[cell]!
    if (count === 0) continue
    binned.positions[2 * next] = sumLng[cell]! / count
    binned.positions[2 * next + 1] = sumLat[cell]! / count
    binned.counts[next] = count
    if (binned.weights && sumWeight) binned.weights[next] = sumWeight[cell]! / count
    next++
  }
  return binned
}
