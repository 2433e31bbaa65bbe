/**
 * Our data is WGS84. On a GCJ-02 basemap (高德) every coordinate we draw is shifted into GCJ-02,
 * and every coordinate the map reports back (camera, clicks) is shifted out again, so the stores
 * and share links stay WGS84 whatever the basemap.
 */
import { parts } from '../io/parts'
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'

export type DisplayCrs = 'WGS84' | 'GCJ-02'

type Gcoord = typeof import('gcoord').default
/** gcoord is needed only on a GCJ-02 basemap: loaded when one is chosen (loadCrs), not with the first view. */
let gcoord: Gcoord | null = null

/** Makes the shifts of a display CRS available; call (and await) before the CRS is used. */
export async function loadCrs(crs: DisplayCrs): Promise<void> {
  if (crs === 'GCJ-02' && !gcoord) gcoord = (await parts.load('GCJ-02 shift', () => import('gcoord'))).default
}

function loaded(): Gcoord {
  if (!gcoord) throw new Error('GCJ-02 shift used before loadCrs("GCJ-02")')
  return gcoord
}

function positionToGcj02(position: Position): Position {
  const g = loaded()
  const [lng, lat] = g.transform([position[0]!, position[1]!], g.WGS84, g.GCJ02)
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
  if (crs !== 'GCJ-02') return lngLat
  const g = loaded()
  return g.transform([lngLat[0], lngLat[1]], g.WGS84, g.GCJ02) as [number, number]
}

export function fromDisplay(lngLat: [number, number], crs: DisplayCrs): [number, number] {
  if (crs !== 'GCJ-02') return lngLat
  const g = loaded()
  return g.transform([lngLat[0], lngLat[1]], g.GCJ02, g.WGS84) as [number, number]
}
