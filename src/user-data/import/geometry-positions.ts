/**
 * Walking and rebuilding the positions of a geometry without building a path string per
 * position (geojson-checks' positionsOf does, which is right for reporting one problem and too
 * slow for a 200 MB file). Geometries reaching here passed the structural check.
 */
import type { Geometry, Position } from 'geojson'

/** Calls `visit` for each position until it returns false; returns false if stopped. */
export function everyPosition(geometry: Geometry, visit: (position: Position) => boolean): boolean {
  switch (geometry.type) {
    case 'Point':
      return visit(geometry.coordinates)
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates.every(visit)
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.every((part) => part.every(visit))
    case 'MultiPolygon':
      return geometry.coordinates.every((polygon) => polygon.every((ring) => ring.every(visit)))
    case 'GeometryCollection':
      return geometry.geometries.every((part) => everyPosition(part, visit))
  }
}

export function firstPosition(geometry: Geometry): Position | null {
  let first: Position | null = null
  everyPosition(geometry, (position) => {
    first = position
    return false
  })
  return first
}

/** A new geometry with every position replaced by `convert(position)`; the input is not touched. */
export function mapPositions(geometry: Geometry, convert: (position: Position) => Position): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: convert(geometry.coordinates) }
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(convert) }
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(convert) }
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((line) => line.map(convert)) }
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(convert)) }
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))),
      }
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map((part) => mapPositions(part, convert)) }
  }
}
