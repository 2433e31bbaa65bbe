/**
 * A read-only probe for the end-to-end tests: where a place lands on screen, which labels MapLibre
 * placed, what the hexagons count. Only the e2e build (vite build --mode e2e) imports this module;
 * the production build has no window global.
 */
import type { MapAdapter } from './map-adapter'

export function exposeTestProbe(adapter: MapAdapter) {
  const map = adapter.map
  // When MapLibre drew its last frames (page clock), for the profiles: how many frames a change cost.
  const renders: number[] = []
  map.on('render', () => {
    renders.push(performance.now())
    if (renders.length > 200) renders.shift()
  })
  ;(window as unknown as Record<string, unknown>).__jindongMap = Object.freeze({
    project: (lngLat: [number, number]) => adapter.project(lngLat),
    /** The map's own coordinate under a pixel: GCJ-02 on a GCJ-02 basemap, WGS84 otherwise. */
    displayedLngLat: (x: number, y: number) => {
      const p = map.unproject([x, y])
      return [p.lng, p.lat]
    },
    hexagonBinTotal: () => adapter.heatmaps.hexagonBinTotal(),
    /** Whether deck.gl is loaded and its programs linked (idle time after the first view). */
    programsWarmed: () => adapter.heatmaps.programsWarmed(),
    /** Resolves once MapLibre has drawn everything (a camera jump included). */
    whenIdle: () => adapter.whenIdle(),
    renderedLabels: (mapLayerId: string) =>
      map.getLayer(mapLayerId)
        ? map.queryRenderedFeatures({ layers: [mapLayerId] }).map((f) => String(f.properties?.name ?? ''))
        : [],
    /** Whether the camera is still moving (a tour stop's flight), and the padding it frames in. */
    isMoving: () => map.isMoving(),
    /** Screen boxes of a [west, south, east, north] box's corners, in map container pixels. */
    projectBounds: (bounds: [number, number, number, number]) => {
      const corners = [
        adapter.project([bounds[0], bounds[1]]),
        adapter.project([bounds[2], bounds[3]]),
        adapter.project([bounds[0], bounds[3]]),
        adapter.project([bounds[2], bounds[1]]),
      ]
      const xs = corners.map((c) => c.x)
      const ys = corners.map((c) => c.y)
      return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) }
    },
    /** The map's style as drawn now, sources' data included (the bench's same-layers baseline draws it). */
    style: () => map.getStyle(),
    /** The page-clock times of MapLibre's last 200 frames. */
    renderTimes: () => [...renders],
    /** Our map layer ids in drawing order, bottom first. */
    layerIds: () => map.getStyle().layers.map((l) => l.id),
    /** The camera now: read in the same task as a move, it tells a jump (already there) from a flight. */
    camera: () => ({ zoom: map.getZoom(), lng: map.getCenter().lng, lat: map.getCenter().lat }),
  })
}
