/**
 * A read-only probe for the end-to-end tests: where a place lands on screen, which labels MapLibre
 * placed, what the hexagons count. Only the e2e build (vite build --mode e2e) imports this module;
 * the production build has no window global.
 */
import type { MapAdapter } from './map-adapter'

export function exposeTestProbe(adapter: MapAdapter) {
  const map = adapter.map
  ;(window as unknown as Record<string, unknown>).__jindongMap = Object.freeze({
    project: (lngLat: [number, number]) => adapter.project(lngLat),
    /** The map's own coordinate under a pixel: GCJ-02 on a GCJ-02 basemap, WGS84 otherwise. */
    displayedLngLat: (x: number, y: number) => {
      const p = map.unproject([x, y])
      return [p.lng, p.lat]
    },
    hexagonBinTotal: () => adapter.heatmaps.hexagonBinTotal(),
    /** Resolves once MapLibre has drawn everything (a camera jump included). */
    whenIdle: () => adapter.whenIdle(),
    renderedLabels: (mapLayerId: string) =>
      map.getLayer(mapLayerId)
        ? map.queryRenderedFeatures({ layers: [mapLayerId] }).map((f) => String(f.properties?.name ?? ''))
        : [],
    /** Our map layer ids in drawing order, bottom first. */
    layerIds: () => map.getStyle().layers.map((l) => l.id),
  })
}
