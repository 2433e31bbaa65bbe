/**
 * A concentration surface from station readings: inverse-distance weighting (IDW) on a regular
 * lng/lat grid of about 200 m, clipped to an outline, and coloured with a fixed scale.
 *
 * Why IDW with power 2: it passes exactly through every station's value and never leaves the range
 * of the readings (each cell is a weighted mean with positive weights), so the map cannot show a
 * level that no station measured. With 11 stations it is a guess between them, not a measurement;
 * the app labels every value read from it 插值估算 (interpolated estimate).
 *
 * Pure TypeScript, no DOM: the surface worker runs it, and the unit tests run it in node. Stations
 * are plain input (interleaved lng,lat and one value each), so the user's own stations work too.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson'
import { nearestSearch } from './idw-nearest'

/** A grid of cells over [west, south, east, north]; row 0 is the northern row (as an image is stored). */
export interface SurfaceGrid {
  west: number
  south: number
  east: number
  north: number
  columns: number
  rows: number
}

export interface StationValues {
  /** lng,lat interleaved, WGS84. */
  positions: Float64Array
  /** One reading per station. */
  values: Float32Array | Float64Array | readonly number[]
}

const METRES_PER_DEGREE_LAT = 110_574
const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320

/** A grid with cells of about `cellMetres` on each side over a bbox. */
export function gridOver(bbox: readonly [number, number, number, number], cellMetres = 200): SurfaceGrid {
  const [west, south, east, north] = bbox
  if (!(east > west && north > south) || !(cellMetres > 0)) throw new Error(`gridOver: bad bbox or cell size`)
  const midLat = (south + north) / 2
  const widthMetres = (east - west) * METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((midLat * Math.PI) / 180)
  const heightMetres = (north - south) * METRES_PER_DEGREE_LAT
  return {
    west,
    south,
    east,
    north,
    columns: Math.max(1, Math.ceil(widthMetres / cellMetres)),
    rows: Math.max(1, Math.ceil(heightMetres / cellMetres)),
  }
}

/** The centre of a cell, [lng, lat]. */
export function cellCentre(grid: SurfaceGrid, column: number, row: number): [number, number] {
  const cellLng = (grid.east - grid.west) / grid.columns
  const cellLat = (grid.north - grid.south) / grid.rows
  return [grid.west + (column + 0.5) * cellLng, grid.north - (row + 0.5) * cellLat]
}

/** The cell a point falls in, or null outside the grid. */
export function cellOf(grid: SurfaceGrid, lng: number, lat: number): { column: number; row: number } | null {
  const column = Math.floor(((lng - grid.west) / (grid.east - grid.west)) * grid.columns)
  const row = Math.floor(((grid.north - lat) / (grid.north - grid.south)) * grid.rows)
  if (column < 0 || row < 0 || column >= grid.columns || row >= grid.rows) return null
  return { column, row }
}

/**
 * 1 for each cell whose centre lies inside the (multi)polygon, 0 elsewhere (even-odd rule, so holes
 * are outside). One scanline per row: crossings of the row's latitude with every ring edge.
 */
export function polygonMask(grid: SurfaceGrid, geometry: Polygon | MultiPolygon): Uint8Array {
  const rings: Position[][] = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
  const mask = new Uint8Array(grid.columns * grid.rows)
  const cellLng = (grid.east - grid.west) / grid.columns
  const crossings: number[] = []
  for (let row = 0; row < grid.rows; row++) {
    const lat = cellCentre(grid, 0, row)[1]
    crossings.length = 0
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [x1, y1] = ring[i]! as [number, number]
        const [x2, y2] = ring[j]! as [number, number]
        // Half-open on y so a vertex exactly on the scanline counts once.
        if (y1 > lat !== y2 > lat) crossings.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1))
      }
    }
    crossings.sort((a, b) => a - b)
    for (let k = 0; k + 1 < crossings.length; k += 2) {
      const first = Math.max(0, Math.ceil((crossings[k]! - grid.west) / cellLng - 0.5))
      const last = Math.min(grid.columns - 1, Math.floor((crossings[k + 1]! - grid.west) / cellLng - 0.5))
      for (let column = first; column <= last; column++) mask[row * grid.columns + column] = 1
    }
  }
  return mask
}

/** Stations in local metres (equirectangular about the grid's middle): exact enough over a district. */
function stationMetres(grid: SurfaceGrid, stations: StationValues) {
  const count = stations.positions.length / 2
  if (stations.values.length !== count) throw new Error(`idw: ${stations.values.length} values for ${count} stations`)
  const kx = METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((((grid.south + grid.north) / 2) * Math.PI) / 180)
  const x = new Float64Array(count)
  const y = new Float64Array(count)
  const v = new Float64Array(count)
  let kept = 0
  for (let i = 0; i < count; i++) {
    const value = Number(stations.values[i])
    if (!Number.isFinite(value)) continue
    x[kept] = stations.positions[2 * i]! * kx
    y[kept] = stations.positions[2 * i + 1]! * METRES_PER_DEGREE_LAT
    v[kept] = value
    kept++
  }
  return { x: x.subarray(0, kept), y: y.subarray(0, kept), v: v.subarray(0, kept), kx }
}

export interface IdwOptions {
  /** Distance exponent; 2 is the usual choice. */
  power?: number
  /** Cells where mask is 0 get NaN; without a mask every cell is computed. */
  mask?: Uint8Array
  /**
   * Use only the k nearest stations for each cell (found through a bucket grid), for large station
   * lists: with 1,000 stations all-station IDW costs 1,000 distances per cell. Omit to use all.
   */
  nearest?: number
}

/**
 * IDW at every cell centre (NaN where the mask is 0 or there is no finite reading). A cell that
 * contains a station shows that station's reading (the mean, if several share the cell), so the
 * drawn surface equals the reading at each station and not only at the station's exact point.
 */
export function idwSurface(grid: SurfaceGrid, stations: StationValues, options: IdwOptions = {}): Float32Array {
  const power = options.power ?? 2
  const { mask } = options
  const { x, y, v, kx } = stationMetres(grid, stations)
  const out = new Float32Array(grid.columns * grid.rows).fill(Number.NaN)
  if (v.length === 0) return out
  const cellLng = (grid.east - grid.west) / grid.columns
  const cellLat = (grid.north - grid.south) / grid.rows
  const half = power / 2
  const weigh = (d2: number) => (half === 1 ? 1 / d2 : 1 / Math.pow(d2, half))
  const k = options.nearest !== undefined && options.nearest < v.length ? Math.max(1, options.nearest) : 0
  const search = k > 0 ? nearestSearch(x, y, k) : null
  const count = v.length
  for (let row = 0; row < grid.rows; row++) {
    const cy = (grid.north - (row + 0.5) * cellLat) * METRES_PER_DEGREE_LAT
    for (let column = 0; column < grid.columns; column++) {
      const cell = row * grid.columns + column
      if (mask && mask[cell] === 0) continue
      const cx = (grid.west + (column + 0.5) * cellLng) * kx
      if (search) {
        out[cell] = search(cx, cy, v, weigh)
        continue
      }
      let weighted = 0
      let total = 0
      let exact = Number.NaN
      for (let s = 0; s < count; s++) {
        const dx = x[s]! - cx
        const dy = y[s]! - cy
        const d2 = dx * dx + dy * dy
        if (d2 === 0) {
          exact = v[s]!
          break
        }
        const w = weigh(d2)
        weighted += w * v[s]!
        total += w
      }
      out[cell] = Number.isNaN(exact) ? weighted / total : exact
    }
  }
  pinStationCells(grid, stations, out, mask)
  return out
}

/** Sets each cell holding stations to the mean of their readings (inside the mask only). */
function pinStationCells(grid: SurfaceGrid, stations: StationValues, out: Float32Array, mask?: Uint8Array) {
  const sums = new Map<number, { sum: number; n: number }>()
  for (let i = 0; i < stations.values.length; i++) {
    const value = Number(stations.values[i])
    const place = cellOf(grid, stations.positions[2 * i]!, stations.positions[2 * i + 1]!)
    if (!place || !Number.isFinite(value)) continue
    const cell = place.row * grid.columns + place.column
    if (mask && mask[cell] === 0) continue
    const entry = sums.get(cell) ?? { sum: 0, n: 0 }
    entry.sum += value
    entry.n++
    sums.set(cell, entry)
  }
  for (const [cell, { sum, n }] of sums) out[cell] = sum / n
}

/** The surface's value under a point (NaN outside the grid or the mask). */
export function surfaceValueAt(grid: SurfaceGrid, values: Float32Array, lng: number, lat: number): number {
  const place = cellOf(grid, lng, lat)
  return place ? values[place.row * grid.columns + place.column]! : Number.NaN
}

/** RGBA pixels, one per cell, row 0 north: NaN cells are fully transparent. */
export function surfaceImage(
  values: Float32Array,
  colourOf: (value: number) => readonly [number, number, number],
): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(values.length * 4)
  for (let cell = 0; cell < values.length; cell++) {
    const value = values[cell]!
    if (Number.isNaN(value)) continue
    const [r, g, b] = colourOf(value)
    rgba.set([r, g, b, 255], cell * 4)
  }
  return rgba
}
