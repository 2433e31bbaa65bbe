// The town grid index against turf: random points over the real towns, points exactly on edges and
// vertices (random points never are), towns sharing edges, and cell statistics on shapes small
// enough to count by hand.
import { readFileSync } from 'node:fs'
import { booleanPointInPolygon } from '@turf/turf'
import type { FeatureCollection, Polygon, Position } from 'geojson'
import { describe, expect, it } from 'vitest'
import { countInTowns, townAreasFrom, type TownArea } from '../../../../src/domain/geometry/aggregate'
import { createRandom } from '../../../../src/domain/samples/random'
import { buildTownGridIndex, OUTSIDE_TOWNS } from '../../../../src/domain/geometry/town-grid-index'

const towns = townAreasFrom(JSON.parse(readFileSync('public/geo/towns.geojson', 'utf8')) as FeatureCollection)
const index = buildTownGridIndex(towns)

/** The reference: turf in list order, as src/domain/geometry/aggregate.ts counts. */
function turfTownOf(areas: readonly TownArea[], lng: number, lat: number): number {
  return areas.findIndex((town) => booleanPointInPolygon([lng, lat], town.geometry))
}

function onSomeEdge(areas: readonly TownArea[], lng: number, lat: number): boolean {
  return areas.some(
    (town) =>
      booleanPointInPolygon([lng, lat], town.geometry) !==
      booleanPointInPolygon([lng, lat], town.geometry, { ignoreBoundary: true }),
  )
}

/** Uniform points over the towns' extent and a margin around it (so some are outside every town). */
function randomPositions(count: number, seed: number): Float64Array {
  const random = createRandom(seed)
  const [west, south, east, north] = index.bounds
  const margin = 0.02
  const positions = new Float64Array(count * 2)
  for (let i = 0; i < count; i++) {
    positions[2 * i] = random.uniform(west - margin, east + margin)
    positions[2 * i + 1] = random.uniform(south - margin, north + margin)
  }
  return positions
}

const square = (west: number, south: number, size: number): number[][] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
]

describe('town grid index on the real townships', () => {
  it('has the 11 townships and mostly interior or outside cells', () => {
    expect(index.townCount).toBe(11)
    const { interiorCells, outsideCells, boundaryCells, columns, rows } = index.stats
    expect(interiorCells + outsideCells + boundaryCells).toBe(columns * rows)
    expect(boundaryCells / (columns * rows)).toBeLessThan(0.1)
  })

  it('agrees with turf.booleanPointInPolygon on 100,000 random points', () => {
    const count = 100_000
    const positions = randomPositions(count, 20221031)
    const assigned = index.assign(positions)
    let onEdge = 0
    const disagreements: string[] = []
    let outside = 0
    for (let i = 0; i < count; i++) {
      const lng = positions[2 * i]!,
        lat = positions[2 * i + 1]!
      const expected = turfTownOf(towns, lng, lat)
      if (expected === -1) outside++
      if (assigned[i] === expected) continue
      if (onSomeEdge(towns, lng, lat)) onEdge++
      else disagreements.push(`${lng},${lat}: grid ${assigned[i]}, turf ${expected}`)
    }
    expect(disagreements).toEqual([])
    // Points exactly on a shared edge may go either way; random doubles almost never land there.
    expect(onEdge / count).toBeLessThan(0.0001)
    expect(outside).toBeGreaterThan(1000)
  })

  it('agrees with turf on every vertex of every township (points exactly on the edges)', () => {
    const disagreements: string[] = []
    for (const town of towns) {
      const polygons = town.geometry.type === 'Polygon' ? [town.geometry.coordinates] : town.geometry.coordinates
      for (const [lng, lat] of polygons.flat(2) as [number, number][]) {
        const expected = turfTownOf(towns, lng, lat)
        const got = index.townIndexOf(lng, lat)
        if (got !== expected) disagreements.push(`${lng},${lat}: grid ${got}, turf ${expected}`)
      }
    }
    expect(disagreements).toEqual([])
  })

  it('counts like countInTowns (turf) on a sample, with the outside slot last', () => {
    const positions = randomPositions(3000, 7)
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: Array.from({ length: 3000 }, (_, i) => ({
        type: 'Feature',
        properties: { month: (i % 10) + 1 },
        geometry: { type: 'Point', coordinates: [positions[2 * i]!, positions[2 * i + 1]!] },
      })),
    }
    const counts = index.countPoints(positions)
    expect(counts.length).toBe(towns.length + 1)
    const reference = countInTowns(collection, towns)
    towns.forEach((town, i) => expect(counts[i], town.code).toBe(reference[town.code]))
    const inside = Object.values(reference).reduce((a, b) => a + b, 0)
    expect(counts[towns.length]).toBe(3000 - inside)

    // A predicate (here: month 3 only) filters before counting.
    const months = Uint8Array.from({ length: 3000 }, (_, i) => (i % 10) + 1)
    const march = index.countPoints(positions, (point) => months[point] === 3)
    const marchReference = countInTowns(collection, towns, (properties) => properties.month === 3)
    towns.forEach((town, i) => expect(march[i], town.code).toBe(marchReference[town.code]))
  })

  it('puts points outside the extent, and non-finite ones, in no town', () => {
    const [west, south] = index.bounds
    expect(index.townIndexOf(west - 1, south - 1)).toBe(OUTSIDE_TOWNS)
    expect(index.townIndexOf(Number.NaN, 29.1)).toBe(OUTSIDE_TOWNS)
    expect(index.townIndexOf(119.8, Number.POSITIVE_INFINITY)).toBe(OUTSIDE_TOWNS)
    const counts = index.countPoints(Float64Array.from([0, 0, Number.NaN, Number.NaN]))
    expect(counts[towns.length]).toBe(2)
  })
})

describe('town grid index on small shapes', () => {
  const left: TownArea = { code: 'L', name: 'left', geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] } }
  const right: TownArea = { code: 'R', name: 'right', geometry: { type: 'Polygon', coordinates: [square(1, 0, 1)] } }
  const holed: TownArea = {
    code: 'H',
    name: 'holed',
    geometry: { type: 'Polygon', coordinates: [square(0, 2, 2), square(0.5, 2.5, 1).reverse()] },
  }
  const islands: TownArea = {
    code: 'M',
    name: 'islands',
    geometry: { type: 'MultiPolygon', coordinates: [[square(3, 0, 0.5)], [square(3, 1, 0.5)]] },
  }
  const shapes = [left, right, holed, islands]

  for (const size of [1, 3, 16, 64]) {
    it(`matches turf on a ${size}×${size} grid, holes and multipolygons included`, () => {
      const grid = buildTownGridIndex(shapes, { columns: size, rows: size })
      const random = createRandom(size)
      for (let i = 0; i < 5000; i++) {
        const lng = random.uniform(-0.5, 4),
          lat = random.uniform(-0.5, 4.5)
        expect(grid.townIndexOf(lng, lat), `${lng},${lat}`).toBe(turfTownOf(shapes, lng, lat))
      }
    })
  }

  it('gives a point on a shared edge to the first town in the list, as aggregate.ts does', () => {
    const grid = buildTownGridIndex(shapes)
    expect(grid.townIndexOf(1, 0.5)).toBe(0)
    expect(buildTownGridIndex([right, left]).townIndexOf(1, 0.5)).toBe(0)
    // Inside the hole is outside the holed town; its rim belongs to it.
    expect(grid.townIndexOf(1, 3)).toBe(OUTSIDE_TOWNS)
    expect(grid.townIndexOf(0.5, 3)).toBe(2)
  })

  it('handles no towns at all', () => {
    const empty = buildTownGridIndex([])
    expect(empty.townIndexOf(0, 0)).toBe(OUTSIDE_TOWNS)
    expect(Array.from(empty.countPoints(Float64Array.from([0, 0])))).toEqual([1])
  })

  it('closes rings that are not closed', () => {
    const ring = square(0, 0, 1).slice(0, 4)
    const open: TownArea = { code: 'O', name: 'open', geometry: { type: 'Polygon', coordinates: [ring] } as Polygon }
    expect(buildTownGridIndex([open]).townIndexOf(0.5, 0.5)).toBe(0)
  })
})

const town = (code: string, ...rings: Position[][]): TownArea => ({
  code,
  name: code,
  geometry: { type: 'Polygon', coordinates: rings },
})

/** Every multiple of `step` from `from` to `to`: vertices, edge points and the gaps between. */
const lattice = (from: number, to: number, step: number) =>
  Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => from + i * step)

describe('exactly on edges and vertices, the grid agrees with turf', () => {
  // A U open to the north (horizontal edges at y = 0, 1 and 3), a triangle with a horizontal base
  // and a slanted side, and a square with a square hole.
  const u = town('U', [
    [0, 0],
    [3, 0],
    [3, 3],
    [2, 3],
    [2, 1],
    [1, 1],
    [1, 3],
    [0, 3],
    [0, 0],
  ])
  const triangle = town('T', [
    [4, 0],
    [6, 0],
    [4, 2],
    [4, 0],
  ])
  const holed = town('H', square(0, 4, 3), [...square(1, 5, 1)].reverse())
  // Rings the other way round (clockwise exteriors, a counter-clockwise hole), as many files have them.
  const reversed = (area: TownArea, dx: number): TownArea => ({
    code: `${area.code}′`,
    name: area.name,
    geometry: {
      type: 'Polygon',
      coordinates: (area.geometry as Polygon).coordinates.map((ring) => ring.map(([x, y]) => [x! + dx, y!]).reverse()),
    },
  })
  const shapes = [u, triangle, holed, reversed(u, 7), reversed(triangle, 4), reversed(holed, 7)]

  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [4, 4],
    [7, 5],
    [16, 16],
  ])('on a %i×%i grid', (columns, rows) => {
    const grid = buildTownGridIndex(shapes, { columns, rows })
    const wrong: string[] = []
    for (const lng of lattice(-0.5, 10.5, 0.25)) {
      for (const lat of lattice(-0.5, 7.5, 0.25)) {
        const expected = turfTownOf(shapes, lng, lat)
        const found = grid.townIndexOf(lng, lat)
        if (found !== expected) wrong.push(`[${lng}, ${lat}]: ${found}, turf ${expected}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('the points the rules are about', () => {
    const grid = buildTownGridIndex(shapes, { columns: 3, rows: 3 })
    // On horizontal edges, and on their extension outside the town.
    expect([grid.townIndexOf(0.5, 0), grid.townIndexOf(1.5, 1), grid.townIndexOf(2.5, 3)]).toEqual([0, 0, 0])
    expect([grid.townIndexOf(1.5, 3), grid.townIndexOf(3.5, 3), grid.townIndexOf(-0.25, 0)]).toEqual([
      OUTSIDE_TOWNS,
      OUTSIDE_TOWNS,
      OUTSIDE_TOWNS,
    ])
    // Vertices, a point on the slanted side, and inside the notch of the U.
    expect([grid.townIndexOf(2, 1), grid.townIndexOf(6, 0), grid.townIndexOf(5, 1), grid.townIndexOf(4, 2)]).toEqual([
      0, 1, 1, 1,
    ])
    expect(grid.townIndexOf(1.5, 2)).toBe(OUTSIDE_TOWNS)
    // The rim of the hole belongs to the town, its inside does not.
    expect([grid.townIndexOf(1, 5.5), grid.townIndexOf(1.5, 5.5)]).toEqual([2, OUTSIDE_TOWNS])
  })
})

describe('towns sharing edges', () => {
  const a = town('A', square(0, 0, 1))
  const b = town('B', square(1, 0, 1))
  const c = town('C', square(0, 1, 2))

  it.each([
    [1, 1],
    [2, 2],
    [4, 4],
  ])('on a %i×%i grid, the first town in the list takes the shared edge', (columns, rows) => {
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, c, a],
    ]) {
      const grid = buildTownGridIndex(order, { columns, rows })
      for (const lng of lattice(0, 2, 0.5)) {
        for (const lat of lattice(0, 3, 0.5)) {
          expect(grid.townIndexOf(lng, lat), `${order.map((t) => t.code)} [${lng}, ${lat}]`).toBe(
            turfTownOf(order, lng, lat),
          )
        }
      }
    }
  })
})

describe('cell statistics', () => {
  it('a unit square on 4×4 cells: its edges cross the 12 rim cells, the inner 4 are interior', () => {
    const grid = buildTownGridIndex([town('S', square(0, 0, 1))], { columns: 4, rows: 4 })
    // bottom and top edges lie in one row each, the sides span all four rows
    expect(grid.stats).toEqual({
      columns: 4,
      rows: 4,
      interiorCells: 4,
      outsideCells: 0,
      boundaryCells: 12,
      bandEdges: 10,
    })
    expect(grid.bounds).toEqual([0, 0, 1, 1])
    expect(grid.townCount).toBe(1)
    expect(grid.codes).toEqual(['S'])
  })

  it('two squares apart: an edge on a cell border crosses the cells on both sides; the gap is outside', () => {
    const grid = buildTownGridIndex([town('A', square(0, 0, 1)), town('B', square(3, 0, 1))], {
      columns: 8,
      rows: 2,
    })
    expect(grid.stats).toEqual({
      columns: 8,
      rows: 2,
      interiorCells: 0,
      outsideCells: 4,
      boundaryCells: 12,
      bandEdges: 12,
    })
    expect(grid.bounds).toEqual([0, 0, 4, 1])
    expect([grid.townIndexOf(1.75, 0.5), grid.townIndexOf(0.25, 0.25), grid.townIndexOf(3.75, 0.75)]).toEqual([
      OUTSIDE_TOWNS,
      0,
      1,
    ])
  })

  it('a large square on 5×5 cells has a 3×3 interior', () => {
    const grid = buildTownGridIndex([town('S', square(10, 20, 5))], { columns: 5, rows: 5 })
    expect(grid.stats).toMatchObject({ interiorCells: 9, outsideCells: 0, boundaryCells: 16, bandEdges: 12 })
    expect(grid.bounds).toEqual([10, 20, 15, 25])
    expect(grid.townIndexOf(12.5, 22.5)).toBe(0)
    expect(grid.townIndexOf(15, 25)).toBe(0)
    expect(grid.townIndexOf(15.000001, 25)).toBe(OUTSIDE_TOWNS)
  })

  it('a slanted edge crosses the cells along it, and those touching it at a corner', () => {
    const triangle = (size: number) =>
      town('T', [
        [0, 0],
        [size, 0],
        [0, size],
        [0, 0],
      ])
    // Row r of the hypotenuse x + y = 4 spans x from 3 − r to 4 − r: cells 2−r … 4−r (within the grid).
    expect(buildTownGridIndex([triangle(4)], { columns: 4, rows: 4 }).stats).toEqual({
      columns: 4,
      rows: 4,
      interiorCells: 0,
      outsideCells: 3,
      boundaryCells: 13,
      bandEdges: 9,
    })
    // Mirrored, with the slanted edge the other way and a vertical edge on the east border of the grid.
    const mirrored = town('M', [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 0],
    ])
    expect(buildTownGridIndex([mirrored], { columns: 4, rows: 4 }).stats).toMatchObject({
      interiorCells: 0,
      outsideCells: 3,
      boundaryCells: 13,
      bandEdges: 9,
    })
    // On 8 × 8 cells, the cells below the diagonal band are interior, those above it outside.
    expect(buildTownGridIndex([triangle(8)], { columns: 8, rows: 8 }).stats).toEqual({
      columns: 8,
      rows: 8,
      interiorCells: 10,
      outsideCells: 21,
      boundaryCells: 33,
      bandEdges: 17,
    })
  })

  it('a town inside another: cells the inner town crosses keep the outer one as a whole-cell candidate', () => {
    const outer = town('O', square(0, 0, 4))
    const inner = town('I', square(1.25, 1.25, 1.5))
    const innerFirst = buildTownGridIndex([inner, outer], { columns: 4, rows: 4 })
    const outerFirst = buildTownGridIndex([outer, inner], { columns: 4, rows: 4 })
    // The outer town crosses the 12 rim cells, the inner one the 4 in the middle.
    expect(innerFirst.stats).toMatchObject({ interiorCells: 0, outsideCells: 0, boundaryCells: 16, bandEdges: 16 })
    expect(outerFirst.stats).toEqual(innerFirst.stats)
    // In the middle cells: inside the inner town it wins when listed first; around it, the outer one.
    expect([innerFirst.townIndexOf(2, 2), innerFirst.townIndexOf(1.1, 1.1), innerFirst.townIndexOf(2.9, 2)]).toEqual([
      0, 1, 1,
    ])
    expect([outerFirst.townIndexOf(2, 2), outerFirst.townIndexOf(1.25, 2), outerFirst.townIndexOf(1.1, 1.1)]).toEqual([
      0, 0, 0,
    ])
    expect(innerFirst.townIndexOf(1.25, 2)).toBe(0)
  })

  it('unclosed rings are closed: the same edges as the closed ring, whichever coordinate differs', () => {
    const closed = square(0, 0, 1)
    const stats = buildTownGridIndex([town('C', closed)], { columns: 4, rows: 4 }).stats
    const openX: Position[] = [
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
    ]
    const openY = closed.slice(0, 4)
    expect(buildTownGridIndex([town('X', openX)], { columns: 4, rows: 4 }).stats).toEqual(stats)
    expect(buildTownGridIndex([town('Y', openY)], { columns: 4, rows: 4 }).stats).toEqual(stats)
  })

  it('rings of fewer than two positions are skipped; a two-position ring is a there-and-back edge', () => {
    const grid = buildTownGridIndex(
      [
        town(
          'S',
          square(0, 0, 1),
          [],
          [[5, 5]],
          [
            [1, 1],
            [2, 3],
          ],
        ),
      ],
      {
        columns: 2,
        rows: 3,
      },
    )
    expect(grid.bounds).toEqual([0, 0, 2, 3])
    expect(grid.townIndexOf(1.5, 2)).toBe(0)
    expect(grid.townIndexOf(1.5, 1)).toBe(OUTSIDE_TOWNS)
  })
})

describe('options, bounds and bulk lookups', () => {
  const unit = town('U', square(0, 0, 1))

  it('256 × 256 by default; sizes are floored and at least 1', () => {
    expect(buildTownGridIndex([unit]).stats).toMatchObject({ columns: 256, rows: 256 })
    expect(buildTownGridIndex([unit], { columns: 0, rows: 2.9 }).stats).toMatchObject({ columns: 1, rows: 2 })
    expect(buildTownGridIndex([unit], { columns: 3.5, rows: -4 }).stats).toMatchObject({ columns: 3, rows: 1 })
  })

  it('no towns: a tiny grid at the origin, everything outside', () => {
    const empty = buildTownGridIndex([], { columns: 2, rows: 2 })
    expect(empty.bounds[0]).toBe(0)
    expect(empty.bounds[1]).toBe(0)
    expect(empty.bounds[2]).toBeCloseTo(1e-9, 20)
    expect(empty.bounds[3]).toBeCloseTo(1e-9, 20)
    expect(empty.stats).toEqual({
      columns: 2,
      rows: 2,
      interiorCells: 0,
      outsideCells: 4,
      boundaryCells: 0,
      bandEdges: 0,
    })
    expect([empty.townCount, empty.codes]).toEqual([0, []])
  })

  it('a flat town (all on one line) still gets a finite grid, and its points are on its edge', () => {
    const flat: TownArea = {
      code: 'F',
      name: 'flat',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 1],
            [2, 1],
            [0, 1],
          ],
        ],
      } as Polygon,
    }
    const grid = buildTownGridIndex([flat], { columns: 4, rows: 4 })
    expect(grid.bounds[0]).toBe(0)
    expect(grid.bounds[2]).toBe(2)
    expect(grid.townIndexOf(1, 1)).toBe(0)
    expect(grid.townIndexOf(2, 1)).toBe(0)
  })

  it('the east and north edges of the grid are inside it (last column and row)', () => {
    const grid = buildTownGridIndex([unit], { columns: 3, rows: 3 })
    expect([grid.townIndexOf(1, 0.5), grid.townIndexOf(0.5, 1), grid.townIndexOf(1, 1)]).toEqual([0, 0, 0])
    expect([grid.townIndexOf(1.0000001, 0.5), grid.townIndexOf(0.5, 1.0000001)]).toEqual([OUTSIDE_TOWNS, OUTSIDE_TOWNS])
    expect([grid.townIndexOf(-0.0000001, 0.5), grid.townIndexOf(0.5, -0.0000001)]).toEqual([
      OUTSIDE_TOWNS,
      OUTSIDE_TOWNS,
    ])
  })

  it('assign and countPoints over interleaved positions; rejected points are not counted', () => {
    const grid = buildTownGridIndex([unit, town('V', square(1, 0, 1))], { columns: 4, rows: 2 })
    const positions = Float64Array.from([0.5, 0.5, 1.5, 0.5, 5, 5, 1, 0.5, 1.5, 0.25])
    expect(Array.from(grid.assign(positions))).toEqual([0, 1, OUTSIDE_TOWNS, 0, 1])
    expect(grid.assign(positions)).toBeInstanceOf(Int32Array)
    expect(Array.from(grid.countPoints(positions))).toEqual([2, 2, 1])
    expect(Array.from(grid.countPoints(positions, (i) => i !== 1 && i !== 2))).toEqual([2, 1, 0])
    // An odd trailing number is not a point.
    expect(Array.from(grid.assign(Float64Array.from([0.5, 0.5, 1.5])))).toEqual([0])
    expect(Array.from(grid.countPoints(Float64Array.from([0.5, 0.5, 1.5])))).toEqual([1, 0, 0])
  })
})
