/**
 * Approximate township areas. No official 乡镇 boundaries are openly published, so each township
 * gets the part of the district nearer to its seat than to any other seat (a Voronoi cell of the
 * 11 seats, clipped to the district outline). This is the least-assumption partition given only
 * seat points: it invents no boundary shape beyond "closest seat". It is marked approximate
 * everywhere it is shown, and a user can replace it with real boundaries.
 */
import { area, distance, featureCollection, intersect, point, rewind, voronoi } from '@turf/turf'
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson'
import { roundGeometry } from './io'

export interface TownSeat {
  code: string
  name: string
  nameEn: string
  lng: number
  lat: number
  seatSource: string
}

/** Seats closer than this have names that meet at the district view on a phone (岭下镇 and 江东镇, 2.3 km). */
const CLOSE_KM = 3
/** A name moved above its seat needs this much room to the north (赤松镇 lies 3.9 km north of 东孝街道). */
const ROOM_KM = 5

/**
 * Which side of its seat each township's name is drawn on (`label_side`): below, unless the nearest
 * seat lies within CLOSE_KM to the south and no seat within ROOM_KM to the north; then above, so two
 * close names do not cover each other. A replaced seats file without the property draws every name below.
 */
export function labelSides(seats: readonly Pick<TownSeat, 'lng' | 'lat'>[]): ('above' | 'below')[] {
  const at = (seat: Pick<TownSeat, 'lng' | 'lat'>) => point([seat.lng, seat.lat])
  return seats.map((seat, i) => {
    const others = seats.filter((_, j) => j !== i)
    const km = (other: Pick<TownSeat, 'lng' | 'lat'>) => distance(at(seat), at(other), { units: 'kilometers' })
    const nearest = others.reduce<Pick<TownSeat, 'lng' | 'lat'> | null>(
      (best, other) => (best === null || km(other) < km(best) ? other : best),
      null,
    )
    if (!nearest || km(nearest) >= CLOSE_KM || nearest.lat >= seat.lat) return 'below'
    return others.some((other) => other.lat > seat.lat && km(other) < ROOM_KM) ? 'below' : 'above'
  })
}

export function buildSeatFeatures(seats: TownSeat[]): Feature<Point>[] {
  const sides = labelSides(seats)
  return seats.map((seat, i) => ({
    type: 'Feature',
    id: seat.code,
    properties: {
      code: seat.code,
      name: seat.name,
      name_en: seat.nameEn,
      approximate: true,
      seat_source: seat.seatSource,
      label_side: sides[i],
    },
    geometry: { type: 'Point', coordinates: [seat.lng, seat.lat] },
  }))
}

export function buildTownAreas(
  district: Feature<Polygon | MultiPolygon>,
  seats: TownSeat[],
): Feature<Polygon | MultiPolygon>[] {
  // A box well beyond the district so that every cell reaches the outline before clipping.
  const cells = voronoi(featureCollection(seats.map((s) => point([s.lng, s.lat]))), {
    bbox: [119.3, 28.8, 120.2, 29.6],
  })
  return seats.map((seat, i) => {
    const cell = cells.features[i]
    if (!cell) throw new Error(`town ${seat.code} ${seat.name}: Voronoi produced no cell`)
    const clipped = intersect(featureCollection([cell, district]))
    if (!clipped)
      throw new Error(`town ${seat.code} ${seat.name}: its Voronoi cell does not overlap the district outline`)
    const geometry = rewind(roundGeometry(clipped.geometry) as Polygon | MultiPolygon) as Polygon | MultiPolygon
    const areaKm2 = Math.round(area(geometry) / 1e4) / 100
    return {
      type: 'Feature',
      id: seat.code,
      properties: {
        code: seat.code,
        name: seat.name,
        name_en: seat.nameEn,
        area_km2: areaKm2,
        approximate: true,
        method: 'voronoi-of-seats-clipped-to-district',
      },
      geometry,
    }
  })
}
