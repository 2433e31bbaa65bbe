/**
 * Approximate township areas. No official 乡镇 boundaries are openly published, so each township
 * gets the part of the district nearer to its seat than to any other seat (a Voronoi cell of the
 * 11 seats, clipped to the district outline). This is the least-assumption partition given only
 * seat points: it invents no boundary shape beyond "closest seat". It is marked approximate
 * everywhere it is shown, and a user can replace it with real boundaries.
 */
import { area, featureCollection, intersect, point, rewind, voronoi } from '@turf/turf'
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

export function buildSeatFeatures(seats: TownSeat[]): Feature<Point>[] {
  return seats.map((seat) => ({
    type: 'Feature',
    id: seat.code,
    properties: {
      code: seat.code,
      name: seat.name,
      name_en: seat.nameEn,
      approximate: true,
      seat_source: seat.seatSource,
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
