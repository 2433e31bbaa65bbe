import { readFileSync } from 'node:fs'
import { booleanPointInPolygon } from '@turf/turf'
import type { FeatureCollection, Polygon } from 'geojson'
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
