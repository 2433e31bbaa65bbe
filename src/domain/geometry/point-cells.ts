/**
 * A large point set merged into small square cells before it is binned into hexagons. deck.gl's
 * HexagonLayer aggregates on the CPU from a plain array (with binary attributes its aggregation
 * draws nothing useful), and a plain array of a million points costs hundreds of MB and a long
 * main-thread task. One pass over the typed arrays instead gives one entry per occupied cell, at
 * the mean position of its points with their summed weight and count: at most tens of thousands
 * of entries for a district, binned into 500 m hexagons with an error of at most half a cell at a
 * hexagon's edge.
 */

export interface PointCell {
  position: [number, number]
  /** Sum of the points' weights (their count when there are no weights). */
  weight: number
  count: number
}

/** ~100 m near Jinhua: a fifth of the hexagons' 500 m radius. */
export const CELL_DEGREES = 0.001

export function pointCells(
  positions: Float32Array,
  weights: Float32Array | null,
  cellDegrees = CELL_DEGREES,
): PointCell[] {
  const index = new Map<number, number>()
  const sumLng: number[] = []
  const sumLat: number[] = []
  const sumWeight: number[] = []
  const counts: number[] = []
  for (let i = 0; i < positions.length; i += 2) {
    const lng = positions[i]!
    const lat = positions[i + 1]!
    // Column and row in a grid of 2^20 columns: exact integer keys for any lng/lat at this size.
    const key = Math.floor((lat + 90) / cellDegrees) * 1_048_576 + Math.floor((lng + 180) / cellDegrees)
    let cell = index.get(key)
    if (cell === undefined) {
      cell = counts.length
      index.set(key, cell)
      sumLng.push(0)
      sumLat.push(0)
      sumWeight.push(0)
      counts.push(0)
    }
    sumLng[cell]! += lng
    sumLat[cell]! += lat
    sumWeight[cell]! += weights ? weights[i / 2]! : 1
    counts[cell]!++
  }
  return counts.map((count, cell) => ({
    position: [sumLng[cell]! / count, sumLat[cell]! / count],
    weight: sumWeight[cell]!,
    count,
  }))
}
