/**
 * Lengths and areas on the WGS84 ellipsoid, for the measuring tool.
 *
 * Why GeographicLib and not turf's length/area: turf measures on a sphere, which is off by up to
 * about 0.5 % depending on direction (the ellipsoid's meridians are flatter than its parallels);
 * Karney's algorithms are accurate to nanometres, so what the tool shows is the geodesic value a
 * surveyor's software would give. Positions are GeoJSON's [lng, lat]; GeographicLib takes (lat, lon).
 *
 * Pure TypeScript.
 */
import * as geographiclib from 'geographiclib-geodesic'
import type { MultiPolygon, Polygon, Position } from 'geojson'

// The package is CommonJS (`module.exports = geo`): Node's own ESM loader (tsx, the server) exposes
// only its default export, bundlers expose the names as well. Take whichever holds them.
const { Geodesic } = (geographiclib as { default?: typeof geographiclib }).default ?? geographiclib
const WGS84 = Geodesic.WGS84

/**
 * The length of a path along WGS84 geodesics, in metres: the sum of its segments. A closed ring
 * (last position = first) gives its perimeter. Fewer than two positions give 0.
 */
export function geodesicLengthMetres(coordinates: readonly Position[]): number {
  let metres = 0
  for (let i = 1; i < coordinates.length; i++) {
    const [lng1, lat1] = coordinates[i - 1]!
    const [lng2, lat2] = coordinates[i]!
    metres += WGS84.Inverse(lat1!, lng1!, lat2!, lng2!, Geodesic.DISTANCE).s12 ?? 0
  }
  return metres
}

/** The area enclosed by one ring, in m², whatever its winding (closing position optional). */
function ringAreaSquareMetres(ring: readonly Position[]): number {
  const polygon = WGS84.Polygon(false)
  const last = ring.length - 1
  const closed = last > 0 && ring[0]![0] === ring[last]![0] && ring[0]![1] === ring[last]![1]
  const count = closed ? last : ring.length
  if (count < 3) return 0
  for (let i = 0; i < count; i++) polygon.AddPoint(ring[i]![1]!, ring[i]![0]!)
  // sign = true: a clockwise ring gives a negative area rather than the rest of the Earth's.
  return Math.abs(polygon.Compute(false, true).area ?? 0)
}

/**
 * The ellipsoidal area of a Polygon or MultiPolygon in m²: each outer ring less its holes, the
 * parts added. Always ≥ 0, whatever the winding of the rings (RFC 7946 asks for counter-clockwise
 * outer rings, but drawn and imported data do not always follow it). Parts are assumed not to
 * overlap, as GeoJSON requires.
 */
export function geodesicAreaSquareMetres(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let total = 0
  for (const [outer, ...holes] of polygons) {
    if (!outer) continue
    let area = ringAreaSquareMetres(outer)
    for (const hole of holes) area -= ringAreaSquareMetres(hole)
    total += Math.max(0, area)
  }
  return total
}
