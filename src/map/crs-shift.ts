/**
 * Our data is WGS84. On a GCJ-02 basemap (高德) every coordinate we draw is shifted into GCJ-02,
 * and every coordinate the map reports back (camera, clicks) is shifted out again, so the stores
 * and share links stay WGS84 whatever the basemap.
 */
import gcoord from 'gcoord'
import type { FeatureCollection } from 'geojson'

export type DisplayCrs = 'WGS84' | 'GCJ-02'

/** A shifted copy: gcoord mutates in place, and the original must stay untouched for the panels. */
export function featureCollectionToGcj02(data: FeatureCollection): FeatureCollection {
  const copy = structuredClone(data)
  // gcoord declares its own GeoJSON types; ours (@types/geojson) describe the same objects.
  return gcoord.transform(
    copy as unknown as Parameters<typeof gcoord.transform>[0],
    gcoord.WGS84,
    gcoord.GCJ02,
  ) as unknown as FeatureCollection
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
