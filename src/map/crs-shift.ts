/**
 * Our data is WGS84. On a GCJ-02 basemap (高德) every coordinate we draw is shifted into GCJ-02,
 * and every coordinate the map reports back (camera, clicks) is shifted out again, so the stores
 * and share links stay WGS84 whatever the basemap.
 */
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'

export type DisplayCrs = 'WGS84' | 'GCJ-02'

function positionToGcj02(position: Position): Position {
  const [lng, lat] = gcoord.transform([position[0]!, position[1]!], gcoord.WGS84, gcoord.GCJ02)
  return position.length > 2 ? [lng, lat, ...position.slice(2)] : [lng, lat]
}

function geometryToGcj02(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: positionToGcj02(geometry.coordinates) }
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(positionToGcj02) }
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((line) => line.map(positionToGcj02)) }
    case 'MultiPolygon':
      return {
        ...geometry,
        coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(positionToGcj02))),
      }
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map(geometryToGcj02) }
  }
}

/**
 * A shifted copy; the input is left untouched for the panels. Every position is a new array, shifted
 * once: gcoord.transform on a whole collection shifts in place, so a position array that appears
 * twice (a ring closed with its own first position, as turf's circle and bboxPolygon build them)
 * would be shifted twice. Properties and other members are shared with the input, not copied.
 */
export function featureCollectionToGcj02(data: FeatureCollection): FeatureCollection {
  return {
    ...data,
    features: data.features.map((feature): Feature => ({
      ...feature,
      geometry: feature.geometry && geometryToGcj02(feature.geometry),
    })),
  }
}

export function toDisplay(lngLat: [number, number], crs: DisplayCrs): [number, number] {
  return crs === 'GCJ-02'
    ? (gcoord.transform([lngLat[0], lngLat[1]], gcoord.WGS84, gcoord.GCJ02) as [number, number])
    : lngLat
}

export function fromDisplay(lngLat: [number, number], crs: DisplayCrs): [number, number] {
  return crs === 'GCJ-02'
    ? (gcoord.transform([lngLat[0], lngLat[1]], gcoord.GCJ02, gcoord.WGS84) as [number, number])
    : lngLat
}
