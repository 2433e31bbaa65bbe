/**
 * The one object that owns a MapLibre map: it builds it with its controls, holds our sources
 * (shifted to GCJ-02 on a GCJ-02 basemap), and puts together the parts that each own one job:
 * layer sync, basemaps, the deck.gl heatmaps, picking and capture. It knows nothing of the stores;
 * src/map/controller.ts feeds it from them.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl'
import type { GeoJSONSource } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { FeatureCollection } from 'geojson'
import type { BBox } from '../domain/geojson-checks'
import type { Camera } from '../domain/share-link'
import type { BasemapChoice } from '../domain/basemaps'
import type { LayerSpec } from '../layers/types'
import { BACKGROUND_COLOUR, BACKGROUND_DARK, LOCAL_FONT_FAMILY, offlineStyle } from './offline-style'
import { BasemapControl } from './basemap-control'
import { featureCollectionToGcj02, fromDisplay, toDisplay } from './crs-shift'
import { HeatmapOverlay, type HeatmapSpec } from './heatmap-overlay'
import { LayerSync, type DesiredMapLayer, type SyncTarget } from './layer-sync'
import { pickFeature, type PickedFeature } from './picking'
import { captureMap, type MapCaptureResult } from './capture'

// After bundling MapLibre cannot find its worker by itself (blank map, "Worker failed to load").
setWorkerUrl(workerUrl)

export interface MapAdapterOptions {
  container: HTMLElement
  /** Where to open: a share link's camera if there is one, else framed on these bounds. */
  camera: Camera | null
  bounds: BBox
  attribution: string
  /** Whether the camera should fly (false when the user prefers reduced motion). */
  animate: boolean
  onViewChange(camera: Camera): void
  onClick(event: PickedFeature | null): void
  onHover(event: PickedFeature | null): void
  /** An online basemap failed (tiles or style): the map has already gone back to offline. */
  onBasemapFailed(choice: BasemapChoice, reason: string): void
  /** The inspection hexagon under the pointer: its point count, or null off the hexagons. */
  onHexagonHover(count: number | null, point: { x: number; y: number }): void
  /** The interpolated surface's value under the pointer, or null off it. */
  onSurfaceHover?(value: number | null, point: { x: number; y: number }): void
}

export class MapAdapter {
  readonly map: MapLibreMap
  private readonly loaded: Promise<void>
  /** Our data as loaded (WGS84); what MapLibre holds may be a GCJ-02 copy. */
  private readonly rawData = new Map<string, FeatureCollection>()
  private readonly layerSync = new LayerSync()
  private readonly basemaps: BasemapControl
  readonly heatmaps: HeatmapOverlay
  private specs: readonly LayerSpec[] = []
  private rank: Record<string, number> = {}
  private idle: Promise<void> | null = null
  /** Set on MapLibre's 'load': before it the map has no style to add layers to. */
  private styleReady = false

  constructor(private readonly options: MapAdapterOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: offlineStyle(),
      ...(options.camera
        ? { center: [options.camera.lng, options.camera.lat] as [number, number], zoom: options.camera.zoom }
        : { bounds: options.bounds, fitBoundsOptions: { padding: 40 } }),
      localIdeographFontFamily: LOCAL_FONT_FAMILY,
      attributionControl: false,
      // A fixed, small tile cache per source: our GeoJSON tiles are cheap to rebuild, and a kiosk
      // touring for hours must not grow its cache with every zoom level it has passed through.
      maxTileCacheSize: 8,
      // Screenshots and PNG export read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    })
    this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right')
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
    this.map.addControl(
      new AttributionControl({ compact: false, customAttribution: options.attribution }),
      'bottom-right',
    )
    this.loaded = new Promise((resolve) =>
      this.map.once('load', () => {
        this.styleReady = true
        resolve()
      }),
    )
    this.basemaps = new BasemapControl(this.map, {
      onCrsChange: () => this.reproject(),
      onFailed: options.onBasemapFailed,
    })
    this.heatmaps = new HeatmapOverlay(
      this.map,
      () => this.basemaps.crs,
      options.onHexagonHover,
      options.onSurfaceHover,
    )
    this.map.on('moveend', () => {
      const centre = this.map.getCenter()
      const [lng, lat] = fromDisplay([centre.lng, centre.lat], this.basemaps.crs)
      options.onViewChange({ zoom: this.map.getZoom(), lat, lng })
    })
    this.map.on('error', (event) => {
      // MapLibre adds the failing source's id to tile errors; the type does not declare it.
      const sourceId = (event as unknown as { sourceId?: string }).sourceId
      const message = event.error?.message ?? 'map error'
      if (!this.basemaps.tileError(sourceId, message)) console.error(message)
    })
    this.map.on('click', (event) => options.onClick(this.pick(event.point)))
    this.map.on('mousemove', (event) => {
      const picked = this.pick(event.point)
      this.map.getCanvas().style.cursor = picked ? 'pointer' : ''
      options.onHover(picked)
    })
  }

  /** Adds or replaces one source (a layer's data), keyed by the layer's id. */
  async setSourceData(id: string, data: FeatureCollection) {
    await this.loaded
    this.rawData.set(id, data)
    const displayed = this.basemaps.crs === 'GCJ-02' ? featureCollectionToGcj02(data) : data
    const existing = this.map.getSource(id) as GeoJSONSource | undefined
    if (existing) existing.setData(displayed)
    else this.map.addSource(id, { type: 'geojson', data: displayed })
  }

  hasSource(id: string): boolean {
    return Boolean(this.map.getSource(id))
  }

  /** Draws exactly these map layers (built by the controller from the layer records). */
  setLayers(specs: readonly LayerSpec[], rank: Record<string, number>, desired: readonly DesiredMapLayer[]) {
    this.specs = specs
    this.rank = rank
    // Before 'load' there are no sources either, so nothing is wanted yet; the data push after
    // 'load' draws everything.
    if (!this.styleReady) return
    this.layerSync.sync(this.map as unknown as SyncTarget, desired)
  }

  async setBasemap(choice: BasemapChoice) {
    await this.loaded
    await this.basemaps.set(choice)
  }

  /** Re-projects our data onto a basemap of another CRS, keeping the camera on the same real place. */
  private async reproject() {
    const centre = this.map.getCenter()
    const real = fromDisplay([centre.lng, centre.lat], this.basemaps.crs === 'GCJ-02' ? 'WGS84' : 'GCJ-02')
    for (const [id, data] of this.rawData) await this.setSourceData(id, data)
    this.map.jumpTo({ center: toDisplay(real, this.basemaps.crs) })
  }

  setHeatmaps(spec: HeatmapSpec): Promise<void> {
    return this.heatmaps.set(spec)
  }

  /** The offline basemap's background for the theme (the data layers take theirs from the context). */
  async setBackground(theme: 'light' | 'dark') {
    await this.loaded
    const colour = theme === 'dark' ? BACKGROUND_DARK : BACKGROUND_COLOUR
    if (this.map.getLayer('background')) this.map.setPaintProperty('background', 'background-color', colour)
  }

  /** Device pixels per layout pixel (presentation mode scales the whole map up on big screens). */
  setPixelRatio(ratio: number) {
    if (Math.abs(this.map.getPixelRatio() - ratio) > 1e-3) this.map.setPixelRatio(ratio)
    this.map.resize()
  }

  /** Resolves once the map has drawn everything it has been given so far. */
  whenIdle(): Promise<void> {
    // One shared wait: a map that never rests (a fast tour) must not pile up a waiter per change.
    this.idle ??= new Promise<void>((resolve) => {
      this.map.once('idle', () => {
        this.idle = null
        resolve()
      })
    })
    // 'idle' only fires after a render; ask for one in case nothing is pending.
    this.map.triggerRepaint()
    return this.idle
  }

  flyTo(lngLat: [number, number], zoom: number, durationMs = 800) {
    const center = toDisplay(lngLat, this.basemaps.crs)
    if (this.options.animate) this.map.flyTo({ center, zoom, essential: true, duration: durationMs })
    else this.map.jumpTo({ center, zoom })
  }

  fitBounds(bounds: BBox, durationMs = 800) {
    const sw = toDisplay([bounds[0], bounds[1]], this.basemaps.crs)
    const ne = toDisplay([bounds[2], bounds[3]], this.basemaps.crs)
    this.map.fitBounds([sw, ne], { padding: 80, duration: this.options.animate ? durationMs : 0, essential: true })
  }

  /** Moves without animation; does nothing when the map is already there (a link echoing the map). */
  jumpTo(camera: Camera) {
    const [lng, lat] = toDisplay([camera.lng, camera.lat], this.basemaps.crs)
    const centre = this.map.getCenter()
    const same =
      Math.abs(this.map.getZoom() - camera.zoom) < 0.01 &&
      Math.abs(centre.lat - lat) < 1e-5 &&
      Math.abs(centre.lng - lng) < 1e-5
    if (!same) this.map.jumpTo({ center: [lng, lat], zoom: camera.zoom })
  }

  pick(point: { x: number; y: number }): PickedFeature | null {
    return pickFeature(this.map, this.specs, this.rank, point)
  }

  capture(scale: number): Promise<MapCaptureResult> {
    return captureMap(this.map, scale, () => this.whenIdle())
  }

  /** Where a real (WGS84) place is drawn on screen, in CSS pixels. */
  project(lngLat: [number, number]): { x: number; y: number } {
    const p = this.map.project(toDisplay(lngLat, this.basemaps.crs))
    return { x: p.x, y: p.y }
  }

  destroy() {
    this.map.remove()
  }
}
