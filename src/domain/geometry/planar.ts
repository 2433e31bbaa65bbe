/**
 * Plane geometry on longitude/latitude, for counting features in townships on the first view: a
 * geometry's box, whether a point lies in an area (edge included), and whether a geometry touches
 * an area at all.
 *
 * Why our own and not turf's `bbox`, `booleanPointInPolygon` and `booleanIntersects`: these run when
 * the app opens (the townships' indicators) and on every click of a township (what lies inside), so
 * they are in the first view's code; turf's pieces for them (line-intersect's sweep line, meta,
 * helpers, robust-predicates, boolean-disjoint) were 4.5 kB of its 520 kB budget
 * ([decision 0045](../../../docs/decisions/0045-first-view-plane-geometry-of-our-own.md)). The rules
 * are turf's, written out:
 *  - a point is in an area when it is inside its outer ring and not inside a hole; a point on any
 *    ring's edge is in (as booleanPointInPolygon without ignoreBoundary);
 *  - a line or an area touches an area when one of its vertices is in the area, when one of the
 *    area's vertices is in it (areas only), or when two edges meet, touching included.
 * One difference, on purpose: turf's line intersection skips collinear edges, so a line running
 * along a township's edge between two of its vertices, with no vertex of its own on that edge, does
 * not touch it for turf; here it does (touching an edge counts, as the rules in aggregate.ts say).
 *
 * Plain floating-point arithmetic, as src/domain/geometry/town-grid-index.ts: "on the edge" is
 * exact for points that are exactly on it in floating point, as in the tests and the built data.
 *
 * Pure TypeScript.
 */
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson'

/** [west, south, east, north] in degrees. */
export type Box = [number, number, number, number]

function extendBox(box: Box, positions: readonly Position[]) {
  for (const [x, y] of positions) {
    if (x! < box[0]) box[0] = x!
    if (y! < box[1]) box[1] = y!
    if (x! > box[2]) box[2] = x!
    if (y! > box[3]) box[3] = y!
  }
}

function extendBoxBy(box: Box, geometry: Geometry) {
  switch (geometry.type) {
    case 'Point':
      return extendBox(box, [geometry.coordinates])
    case 'MultiPoint':
    case 'LineString':
      return extendBox(box, geometry.coordinates)
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.forEach((line) => extendBox(box, line))
    case 'MultiPolygon':
      return geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => extendBox(box, ring)))
    case 'GeometryCollection':
      return geometry.geometries.forEach((member) => extendBoxBy(box, member))
  }
}

/**
 * The box of every position of a geometry, computed from the coordinates (a `bbox` member in the
 * data is not read: a stale one in a user's file would hide features). Infinite for an empty one.
 */
export function boxOf(geometry: Geometry): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity]
  extendBoxBy(box, geometry)
  return box
}

/** Twice the signed area of the triangle a, b, c: > 0 when c is left of a→b, 0 when on its line. */
function orientation(a: Position, b: Position, c: Position): number {
  return (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!)
}

/** Whether c, on the line through a and b, lies between them (ends included). */
function withinSegmentBox(a: Position, b: Position, c: Position): boolean {
  return (
    c[0]! >= Math.min(a[0]!, b[0]!) &&
    c[0]! <= Math.max(a[0]!, b[0]!) &&
    c[1]! >= Math.min(a[1]!, b[1]!) &&
    c[1]! <= Math.max(a[1]!, b[1]!)
  )
}

/** 1 inside the ring, 0 on one of its edges, -1 outside (ray casting, half-open crossing rule). */
function ringSide(point: Position, ring: readonly Position[]): -1 | 0 | 1 {
  const [x, y] = point as [number, number]
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!
    const b = ring[i]!
    if (orientation(a, b, point) === 0 && withinSegmentBox(a, b, point)) return 0
    if (b[1]! > y !== a[1]! > y && x < ((a[0]! - b[0]!) * (y - b[1]!)) / (a[1]! - b[1]!) + b[0]!) inside = !inside
  }
  return inside ? 1 : -1
}

function inPolygonRings(point: Position, rings: readonly (readonly Position[])[]): boolean {
  const outer = ringSide(point, rings[0] ?? [])
  if (outer !== 1) return outer === 0
  for (const hole of rings.slice(1)) {
    const side = ringSide(point, hole)
    if (side === 0) return true
    if (side === 1) return false
  }
  return true
}

/** Whether a point lies in an area, its edges (the holes' too) included. */
export function pointInArea(point: Position, area: Polygon | MultiPolygon): boolean {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates
  return polygons.some((rings) => inPolygonRings(point, rings))
}

/** Whether the closed segments p1–p2 and q1–q2 meet (crossing, or one touching the other). */
function segmentsMeet(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = orientation(q1, q2, p1)
  const d2 = orientation(q1, q2, p2)
  const d3 = orientation(p1, p2, q1)
  const d4 = orientation(p1, p2, q2)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true
  return (
    (d1 === 0 && withinSegmentBox(q1, q2, p1)) ||
    (d2 === 0 && withinSegmentBox(q1, q2, p2)) ||
    (d3 === 0 && withinSegmentBox(p1, p2, q1)) ||
    (d4 === 0 && withinSegmentBox(p1, p2, q2))
  )
}

/** Whether two polylines (each a list of positions) have edges that meet. */
function linesMeet(a: readonly Position[], b: readonly Position[]): boolean {
  for (let i = 1; i < a.length; i++)
    for (let j = 1; j < b.length; j++) if (segmentsMeet(a[i - 1]!, a[i]!, b[j - 1]!, b[j]!)) return true
  return false
}

/** Every ring of an area, as polylines. */
function ringsOf(area: Polygon | MultiPolygon): Position[][] {
  return area.type === 'Polygon' ? area.coordinates : area.coordinates.flat()
}

function linesTouchArea(lines: readonly Position[][], area: Polygon | MultiPolygon): boolean {
  if (lines.some((line) => line.some((position) => pointInArea(position, area)))) return true
  const rings = ringsOf(area)
  return lines.some((line) => rings.some((ring) => linesMeet(line, ring)))
}

/**
 * Whether a geometry touches an area: any part of it in the area or on its edge. Points and
 * multipoints by pointInArea; lines and areas by their vertices and edges (see the file comment);
 * a collection when any member does.
 */
export function touchesArea(geometry: Geometry, area: Polygon | MultiPolygon): boolean {
  switch (geometry.type) {
    case 'Point':
      return pointInArea(geometry.coordinates, area)
    case 'MultiPoint':
      return geometry.coordinates.some((position) => pointInArea(position, area))
    case 'LineString':
      return linesTouchArea([geometry.coordinates], area)
    case 'MultiLineString':
      return linesTouchArea(geometry.coordinates, area)
    case 'Polygon':
    case 'MultiPolygon': {
      if (linesTouchArea(ringsOf(geometry), area)) return true
      // The area wholly inside this one: one of its vertices is.
      return ringsOf(area).some((ring) => ring.some((position) => pointInArea(position, geometry)))
    }
    case 'GeometryCollection':
      return geometry.geometries.some((member) => touchesArea(member, area))
  }
}
