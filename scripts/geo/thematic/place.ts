/**
 * Where sample points go. The report gives no coordinates for inspections, monitors or villages,
 * so points are either drawn uniformly inside an approximate township polygon (sample layers) or
 * put on the township seat (named places whose township is known). Both are marked in the data.
 */
import { bbox, booleanPointInPolygon } from '@turf/turf'
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { apportionLargestRemainder } from '../../../src/domain/indicators/apportion'
import type { Random } from '../../../src/domain/samples/random'
import type { TownSeat } from '../towns'
import type { TownArea } from './types'

type Area = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>

/**
 * Draws in the area's bounding box often enough that a miss means a broken polygon, not bad luck:
 * every township fills at least 30% of its box, so 10,000 misses in a row has probability below 1e-1500.
 */
const MAX_ATTEMPTS = 10_000

/** Sample points: 5 decimals (about 1 m) is finer than any meaning they have and keeps files small. */
export const SAMPLE_POINT_DECIMALS = 5

/**
 * A uniform random point inside `area`, by rejection sampling in its bounding box with the seeded
 * `random` (so the same seed gives the same point). The point is rounded to `decimals` before the
 * inside test, so the written coordinates are inside, not just the unrounded draw.
 */
export function randomPointInPolygon(area: Area, random: Random, decimals = SAMPLE_POINT_DECIMALS): [number, number] {
  const [west, south, east, north] = bbox(area)
  const factor = 10 ** decimals
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // Both draws every attempt, in this order, so the stream stays the same whatever the polygon.
    const lng = Math.round(random.uniform(west, east) * factor) / factor
    const lat = Math.round(random.uniform(south, north) * factor) / factor
    if (booleanPointInPolygon([lng, lat], area)) return [lng, lat]
  }
  throw new Error(
    `randomPointInPolygon: no point inside after ${MAX_ATTEMPTS} draws in [${west}, ${south}, ${east}, ${north}]`,
  )
}

export function townByCode(towns: readonly TownArea[], code: string): TownArea {
  const town = towns.find((t) => t.code === code)
  if (!town) throw new Error(`no township with code ${code} in towns.geojson`)
  return town
}

export function seatOf(seats: readonly TownSeat[], code: string): [number, number] {
  const seat = seats.find((s) => s.code === code)
  if (!seat) throw new Error(`no seat for township ${code} in seeds/geo/town-seats.csv`)
  return [seat.lng, seat.lat]
}

/** A placePoint for generators that take one: a random point inside the named township. */
export function placeInTown(towns: readonly TownArea[]): (townCode: string, random: Random) => [number, number] {
  return (townCode, random) => randomPointInPolygon(townByCode(towns, townCode).feature, random)
}

export interface PlacedPoint {
  townCode: string
  lngLat: [number, number]
}

/**
 * `count` points over the townships: how many per township by largest remainder on the township
 * areas (km²), so larger townships get more; then each point uniformly inside its township.
 * Townships are visited in code order, so the result depends only on the seed.
 */
export function scatterByArea(count: number, towns: readonly TownArea[], random: Random): PlacedPoint[] {
  const perTown = apportionLargestRemainder(
    count,
    towns.map((t) => t.areaKm2),
  )
  return towns.flatMap((town, t) =>
    Array.from({ length: perTown[t] ?? 0 }, () => ({
      townCode: town.code,
      lngLat: randomPointInPolygon(town.feature, random),
    })),
  )
}

/** The township whose polygon contains a point, or null outside the district. */
export function townContaining(towns: readonly TownArea[], lngLat: [number, number]): string | null {
  return towns.find((t) => booleanPointInPolygon(lngLat, t.feature))?.code ?? null
}
