/**
 * Which township a point lies in, fast enough for a million points.
 *
 * Why a grid: turf's booleanPointInPolygon walks every vertex of every town for every point. Most
 * points, though, lie well inside one town, and a uniform grid over the towns can say so in O(1).
 * Each cell is classified once:
 *  - interior: no town edge comes near the cell, so the whole cell is in one town (or in none);
 *  - boundary: some town's edge crosses the cell; such a cell keeps a short, ordered list of
 *    candidate towns, and a point in it is tested against those towns only, and only against the
 *    edges in the point's grid row (a "band"), by ray casting on flat Float64 arrays.
 *
 * Exactness: the ray casting follows point-in-polygon-hao, the algorithm behind turf 7's
 * booleanPointInPolygon (half-open crossing rule, points on an edge count as inside), with plain
 * floating-point arithmetic where hao uses a robust orientation predicate; so the two agree on
 * every point except ones within rounding distance of an edge. As in src/domain/geometry/aggregate.ts a point
 * on an edge shared by two towns goes to the first of them in the towns list. Rings are combined
 * even-odd per town, which equals turf's per-polygon test for valid (non-overlapping) geometry.
 *
 * Pure TypeScript: used in the aggregation worker and in node tests.
 */
import type { Position } from 'geojson'
import type { TownArea } from './aggregate'

/** Town index returned for a point in no town. */
export const OUTSIDE_TOWNS = -1

export interface TownGridOptions {
  /** Grid size; 256 × 256 keeps boundary cells to a few percent of the district. */
  columns?: number
  rows?: number
}

export interface TownGridStats {
  columns: number
  rows: number
  interiorCells: number
  outsideCells: number
  boundaryCells: number
  /** Edge copies held in row bands (an edge spanning k rows is held k times). */
  bandEdges: number
}

/** Keeps a point for counting; sees the point's index in the positions array. */
export type PointPredicate = (pointIndex: number) => boolean

export interface TownGridIndex {
  readonly townCount: number
  /** Codes in the order of the towns given; town index i is codes[i]. */
  readonly codes: readonly string[]
  /** [west, south, east, north] of the grid (the towns' extent). */
  readonly bounds: readonly [number, number, number, number]
  readonly stats: TownGridStats
  /** Index of the (first) town containing the point, or OUTSIDE_TOWNS. */
  townIndexOf(lng: number, lat: number): number
  /** Town index of each point of an interleaved lng,lat array (OUTSIDE_TOWNS where in none). */
  assign(positions: Float64Array): Int32Array
  /**
   * Points per town. The array has townCount + 1 entries: index i is town i, and the last entry
   * (index townCount) counts the points in no town. Points the predicate rejects are not counted.
   */
  countPoints(positions: Float64Array, keep?: PointPredicate): Int32Array
}

/**
 * How far (as a fraction of a cell) an edge may pass outside a cell and still be treated as
 * crossing it. It absorbs the rounding of the lookup's column/row arithmetic (about 1e-13 of a
 * cell), so a point can never be judged by a cell whose classification assumed it was elsewhere.
 */
const CELL_EPSILON = 1e-6

/** Cell state: >= 0 interior town index, OUTSIDE_TOWNS, or <= BOUNDARY_BASE for boundary cell k (BOUNDARY_BASE - k). */
const BOUNDARY_BASE = -2

/** Every edge of a town as x1,y1,x2,y2 quadruples; unclosed rings are closed. */
function edgesOf(town: TownArea): number[] {
  const polygons: Position[][][] =
    town.geometry.type === 'Polygon' ? [town.geometry.coordinates] : town.geometry.coordinates
  const edges: number[] = []
  for (const rings of polygons) {
    for (const ring of rings) {
      if (ring.length < 2) continue
      for (let i = 0; i + 1 < ring.length; i++)
        edges.push(ring[i]![0]!, ring[i]![1]!, ring[i + 1]![0]!, ring[i + 1]![1]!)
      const first = ring[0]!
      const last = ring[ring.length - 1]!
      if (first[0] !== last[0] || first[1] !== last[1]) edges.push(last[0]!, last[1]!, first[0]!, first[1]!)
    }
  }
  return edges
}

function extentOf(edgeLists: readonly number[][]): [number, number, number, number] {
  let west = Infinity,
    south = Infinity,
    east = -Infinity,
    north = -Infinity
  for (const edges of edgeLists) {
    for (let i = 0; i < edges.length; i += 2) {
      west = Math.min(west, edges[i]!)
      east = Math.max(east, edges[i]!)
      south = Math.min(south, edges[i + 1]!)
      north = Math.max(north, edges[i + 1]!)
    }
  }
  if (!Number.isFinite(west)) return [0, 0, 0, 0]
  return [west, south, east, north]
}

/**
 * Ray casting against one town's edges in one band, as point-in-polygon-hao does it: an edge
 * counts when it straddles the point's latitude (half-open) and passes east of the point; a point
 * on an edge is inside (turf's default, ignoreBoundary: false).
 */
function insideBand(edges: Float64Array, start: number, end: number, lng: number, lat: number): boolean {
  let inside = false
  for (let i = start; i < end; i += 4) {
    const u1 = edges[i]! - lng
    const v1 = edges[i + 1]! - lat
    const u2 = edges[i + 2]! - lng
    const v2 = edges[i + 3]! - lat
    if (v1 === 0 && v2 === 0) {
      if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true
    } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
      const orientation = u2 * v1 - u1 * v2
      if (orientation === 0) return true
      if ((orientation > 0 && v2 > 0 && v1 <= 0) || (orientation < 0 && v2 <= 0 && v1 > 0)) inside = !inside
    }
  }
  return inside
}

export function buildTownGridIndex(towns: readonly TownArea[], options: TownGridOptions = {}): TownGridIndex {
  const columns = Math.max(1, Math.floor(options.columns ?? 256))
  const rows = Math.max(1, Math.floor(options.rows ?? 256))
  const townCount = towns.length
  const edgeLists = towns.map(edgesOf)
  const bounds = extentOf(edgeLists)
  const [west, south] = bounds
  // A degenerate extent (no towns, or one flat town) still needs a finite cell size.
  const cellWidth = Math.max(bounds[2] - west, 1e-9) / columns
  const cellHeight = Math.max(bounds[3] - south, 1e-9) / rows
  const east = west + cellWidth * columns
  const north = south + cellHeight * rows
  const epsX = cellWidth * CELL_EPSILON
  const epsY = cellHeight * CELL_EPSILON
  const rowOf = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - south) / cellHeight)))
  const columnOf = (x: number) => Math.min(columns - 1, Math.max(0, Math.floor((x - west) / cellWidth)))

  // 1. Row bands: for town t and row r, the edges whose latitude range reaches into the row.
  const bandLists: number[][] = Array.from({ length: townCount * rows }, () => [])
  edgeLists.forEach((edges, town) => {
    for (let i = 0; i < edges.length; i += 4) {
      const y1 = edges[i + 1]!,
        y2 = edges[i + 3]!
      const first = rowOf(Math.min(y1, y2) - epsY)
      const last = rowOf(Math.max(y1, y2) + epsY)
      for (let row = first; row <= last; row++) bandLists[town * rows + row]!.push(edges[i]!, y1, edges[i + 2]!, y2)
    }
  })
  const bandStart = new Int32Array(townCount * rows + 1)
  for (let band = 0; band < bandLists.length; band++) bandStart[band + 1] = bandStart[band]! + bandLists[band]!.length
  const bandEdges = new Float64Array(bandStart[bandLists.length]!)
  bandLists.forEach((list, band) => bandEdges.set(list, bandStart[band]!))

  // 2. Crossings: the towns whose edges pass through (or within epsilon of) each cell, in town order.
  const crossing: (number[] | undefined)[] = new Array(columns * rows)
  for (let town = 0; town < townCount; town++) {
    for (let row = 0; row < rows; row++) {
      const bandSouth = south + row * cellHeight - epsY
      const bandNorth = south + (row + 1) * cellHeight + epsY
      const band = town * rows + row
      for (let i = bandStart[band]!; i < bandStart[band + 1]!; i += 4) {
        const x1 = bandEdges[i]!,
          y1 = bandEdges[i + 1]!,
          x2 = bandEdges[i + 2]!,
          y2 = bandEdges[i + 3]!
        // The part of the edge inside the band, as a parameter range along it.
        let tLow = 0,
          tHigh = 1
        if (y1 !== y2) {
          const ta = (bandSouth - y1) / (y2 - y1)
          const tb = (bandNorth - y1) / (y2 - y1)
          tLow = Math.max(0, Math.min(ta, tb))
          tHigh = Math.min(1, Math.max(ta, tb))
          if (tLow > tHigh) continue
        }
        const xa = x1 + (x2 - x1) * tLow
        const xb = x1 + (x2 - x1) * tHigh
        const firstColumn = columnOf(Math.min(xa, xb) - epsX)
        const lastColumn = columnOf(Math.max(xa, xb) + epsX)
        for (let column = firstColumn; column <= lastColumn; column++) {
          const cell = row * columns + column
          const list = (crossing[cell] ??= [])
          if (list[list.length - 1] !== town) list.push(town)
        }
      }
    }
  }

  // 3. Towns covering each cell's centre (scanline along the row's centre, even-odd). A town that
  //    does not cross a cell covers all of it or none of it, so the centre decides for the cell.
  const cellState = new Int32Array(columns * rows).fill(OUTSIDE_TOWNS)
  const wholeCellTowns: (number[] | undefined)[] = new Array(columns * rows)
  const crossings: number[] = []
  for (let town = 0; town < townCount; town++) {
    for (let row = 0; row < rows; row++) {
      const centreY = south + (row + 0.5) * cellHeight
      const band = town * rows + row
      crossings.length = 0
      for (let i = bandStart[band]!; i < bandStart[band + 1]!; i += 4) {
        const x1 = bandEdges[i]!,
          y1 = bandEdges[i + 1]!,
          x2 = bandEdges[i + 2]!,
          y2 = bandEdges[i + 3]!
        if (y1 > centreY !== y2 > centreY) crossings.push(x1 + ((centreY - y1) * (x2 - x1)) / (y2 - y1))
      }
      crossings.sort((a, b) => a - b)
      for (let k = 0; k + 1 < crossings.length; k += 2) {
        const firstColumn = Math.max(0, Math.ceil((crossings[k]! - west) / cellWidth - 0.5))
        const lastColumn = Math.min(columns - 1, Math.ceil((crossings[k + 1]! - west) / cellWidth - 0.5) - 1)
        for (let column = firstColumn; column <= lastColumn; column++) {
          const cell = row * columns + column
          const crossed = crossing[cell]
          if (!crossed) {
            // First town in list order wins, as in aggregate.ts.
            if (cellState[cell] === OUTSIDE_TOWNS) cellState[cell] = town
          } else if (!crossed.includes(town)) {
            ;(wholeCellTowns[cell] ??= []).push(town)
          }
        }
      }
    }
  }

  // 4. Boundary cells: merged candidate lists in town order, cut after the first whole-cell town
  //    (it takes every point the towns before it do not).
  const candidateStart: number[] = [0]
  const candidateTown: number[] = []
  const candidateWhole: number[] = []
  let boundaryCells = 0
  for (let cell = 0; cell < cellState.length; cell++) {
    const crossed = crossing[cell]
    if (!crossed) continue
    const whole = wholeCellTowns[cell] ?? []
    const merged = [
      ...crossed.map((town) => ({ town, whole: false })),
      ...whole.map((town) => ({ town, whole: true })),
    ].sort((a, b) => a.town - b.town)
    const cut = merged.findIndex((candidate) => candidate.whole)
    for (const candidate of cut === -1 ? merged : merged.slice(0, cut + 1)) {
      candidateTown.push(candidate.town)
      candidateWhole.push(candidate.whole ? 1 : 0)
    }
    candidateStart.push(candidateTown.length)
    cellState[cell] = BOUNDARY_BASE - boundaryCells
    boundaryCells++
  }
  const starts = Int32Array.from(candidateStart)
  const candidates = Int32Array.from(candidateTown)
  const wholes = Uint8Array.from(candidateWhole)

  let interiorCells = 0
  let outsideCells = 0
  for (const state of cellState) {
    if (state >= 0) interiorCells++
    else if (state === OUTSIDE_TOWNS) outsideCells++
  }

  const inverseWidth = 1 / cellWidth
  const inverseHeight = 1 / cellHeight

  function townIndexOf(lng: number, lat: number): number {
    // Written so that NaN fails every comparison and lands outside.
    if (!(lng >= west && lng <= east && lat >= south && lat <= north)) return OUTSIDE_TOWNS
    let column = Math.floor((lng - west) * inverseWidth)
    if (column >= columns) column = columns - 1
    let row = Math.floor((lat - south) * inverseHeight)
    if (row >= rows) row = rows - 1
    const state = cellState[row * columns + column]!
    if (state >= OUTSIDE_TOWNS) return state
    const boundary = BOUNDARY_BASE - state
    for (let k = starts[boundary]!; k < starts[boundary + 1]!; k++) {
      const town = candidates[k]!
      if (wholes[k] === 1) return town
      const band = town * rows + row
      if (insideBand(bandEdges, bandStart[band]!, bandStart[band + 1]!, lng, lat)) return town
    }
    return OUTSIDE_TOWNS
  }

  return {
    townCount,
    codes: towns.map((town) => town.code),
    bounds: [west, south, east, north],
    stats: { columns, rows, interiorCells, outsideCells, boundaryCells, bandEdges: bandEdges.length / 4 },
    townIndexOf,
    assign(positions) {
      const result = new Int32Array(positions.length >> 1)
      for (let i = 0; i < result.length; i++) result[i] = townIndexOf(positions[2 * i]!, positions[2 * i + 1]!)
      return result
    },
    countPoints(positions, keep) {
      const counts = new Int32Array(townCount + 1)
      const pointCount = positions.length >> 1
      for (let i = 0; i < pointCount; i++) {
        if (keep && !keep(i)) continue
        const town = townIndexOf(positions[2 * i]!, positions[2 * i + 1]!)
        counts[town === OUTSIDE_TOWNS ? townCount : town]!++
      }
      return counts
    },
  }
}
