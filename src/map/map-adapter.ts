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
import type { BBox } from '../domain/geometry/geojson-checks'
import { toMapSafeCollection } from '../domain/text/own-keys'
import type { Camera } from '../settings/share-link'
import type { BasemapChoice } from '../settings/basemap-choices'
import type { LayerSpec } from '../layers/types'
import type { CameraPadding } from '../composables/use-map-controller'
import { BACKGROUND_COLOUR, BACKGROUND_DARK, LOCAL_FONT_FAMILY, offlineStyle } from './offline-style'
import { BasemapControl } from './basemap-control'
import { featureCollectionToGcj02, fromDisplay, toDisplay } from './crs-shift'
import { HeatmapOverlay, type HeatmapSpec, type UserPointsDraw } from './deck-layers-overlay'
import { FIRST_VIEW_MARK, savesData, whenBrowserIdle } from './browser-idle'
import { LayerSync, type DesiredMapLayer, type SyncTarget } from './layer-sync'
import { pickFeature, type PickedFeature } from './picking'
import type { MapCaptureResult } from './capture'
import type { ServiceLayerInput, ServiceSources, ServiceStatus } from './service-tiles/service-sources'
import { networkTimeoutMs } from '../settings/network-timeouts'

/** The closest a fit to data may come: a street block, with its surroundings. */
export const FIT_MAX_ZOOM = 16

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
  /** The canvas's accessible name (MapLibre puts it in the canvas's aria-label). */
  title: string
  /** Attribution folded into MapLibre's (i) button, closed at first (small screens). */
  compactAttribution: boolean
  onViewChange(camera: Camera): void
  onClick(event: PickedFeature | null): void
  onHover(event: PickedFeature | null): void
  /** An online basemap failed (tiles or style): the map has already gone back to offline. */
  onBasemapFailed(choice: BasemapChoice, reason: string, timeoutSeconds?: number): void
  /** The inspection hexagon under the pointer: its point count, or null off the hexagons. */
  onHexagonHover(count: number | null, point: { x: number; y: number }): void
  /** The interpolated surface's value under the pointer, or null off it. */
  onSurfaceHover?(value: number | null, point: { x: number; y: number }): void
  /** A service layer's tiles arrived, or failed (timeout, refusal, an error instead of a picture). */
  onServiceStatus?(layerId: string, failure: ServiceStatus): void
}

export class MapAdapter {
  readonly map: MapLibreMap
  private readonly loaded: Promise<void>
  /** Our data as loaded (WGS84); what MapLibre holds may be a GCJ-02 copy. */
  private readonly rawData = new Map<string, FeatureCollection>()
  private readonly layerSync = new LayerSync()
  /** Its `crs` is what the map's own coordinates (events, sources) are in. */
  readonly basemaps: BasemapControl
  readonly heatmaps: HeatmapOverlay
  /** Loaded with the first service layer (its code and the pmtiles reader are not in the first view). */
  private services: Promise<ServiceSources> | null = null
  private serviceSources: ServiceSources | null = null
  private serviceInputs: readonly ServiceLayerInput[] = []
  private specs: readonly LayerSpec[] = []
  private rank: Record<string, number> = {}
  private idle: Promise<void> | null = null
  /** Set on MapLibre's 'load': before it the map has no style to add layers to. */
  private styleReady = false
  private firstViewMarked = false
  private attribution: AttributionControl
  /** False while the measuring tool takes the map's clicks (src/map/sketch-controller.ts). */
  picking = true

  constructor(private readonly options: MapAdapterOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: offlineStyle(),
      ...(options.camera
        ? { center: [options.camera.lng, options.camera.lat] as [number, number], zoom: options.camera.zoom }
        : { bounds: options.bounds, fitBoundsOptions: { padding: 40 } }),
      localIdeographFontFamily: LOCAL_FONT_FAMILY,
      locale: { 'Map.Title': options.title },
      attributionControl: false,
      // A fixed, small tile cache per source: our GeoJSON tiles are cheap to rebuild, and a kiosk
      // touring for hours must not grow its cache with every zoom level it has passed through.
      maxTileCacheSize: 8,
      // Screenshots and PNG export read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    })
    this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right')
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
    this.attribution = new AttributionControl({
      compact: options.compactAttribution,
      customAttribution: options.attribution,
    })
    this.map.addControl(this.attribution, 'bottom-right')
    // MapLibre opens a compact attribution at first; on a phone it would cover the map's foot.
    if (options.compactAttribution)
      this.map.once('load', () =>
        options.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'),
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
    this.map.on('click', (event) => this.picking && options.onClick(this.pick(event.point)))
    this.map.on('mousemove', (event) => {
      if (!this.picking) return
      const picked = this.pick(event.point)
      this.map.getCanvas().style.cursor = picked ? 'pointer' : ''
      options.onHover(picked)
    })
    // A pointer that leaves the map leaves no tooltip behind (it would name a township no longer pointed at).
    this.map.on('mouseout', () => options.onHover(null))
  }

  /** Adds or replaces one source (a layer's data), keyed by the layer's id. */
  async setSourceData(id: string, data: FeatureCollection) {
    await this.loaded
    this.rawData.set(id, data)
    const shown = this.basemaps.crs === 'GCJ-02' ? featureCollectionToGcj02(data) : data
    // Names like `constructor` break MapLibre's worker transfer: they travel escaped (see own-keys.ts).
    const displayed = toMapSafeCollection(shown)
    const existing = this.map.getSource(id) as GeoJSONSource | undefined
    if (existing) existing.setData(displayed)
    else this.map.addSource(id, { type: 'geojson', data: displayed })
  }

  /** The sources of the service layers (WMS, WMTS, ArcGIS, tiles, PMTiles), before their layers are drawn. */
  async setServices(inputs: readonly ServiceLayerInput[]) {
    await this.loaded
    this.serviceInputs = inputs
    if (!this.services && inputs.length === 0) return
    this.services ??= import('./service-tiles/service-sources').then(({ ServiceSources }) => {
      this.serviceSources = new ServiceSources(
        this.map,
        () => this.basemaps.crs,
        () => networkTimeoutMs('tiles'),
        (id, status) => this.options.onServiceStatus?.(id, status),
      )
      return this.serviceSources
    })
    await (await this.services).set(inputs)
  }

  /** Removes the sources of service layers no longer listed, once their map layers are gone. */
  pruneServices() {
    if (this.styleReady) this.serviceSources?.prune(new Set(this.serviceInputs.map((i) => i.id)))
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
    await this.serviceSources?.reproject(this.serviceInputs)
    this.map.jumpTo({ center: toDisplay(real, this.basemaps.crs) })
  }

  setHeatmaps(spec: HeatmapSpec): Promise<void> {
    return this.heatmaps.set(spec)
  }

  /** Users' large point sets, drawn by deck.gl from typed arrays (src/map/user-points-layers.ts). */
  setUserPoints(draws: readonly UserPointsDraw[]): Promise<void> {
    return this.heatmaps.setUserPoints(draws)
  }

  /** Loads deck.gl and links its point programs ahead of a large point set (see HeatmapOverlay.prepare). */
  prepareLargePoints(): Promise<void> {
    return this.heatmaps.prepare()
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

  /**
   * The app's first view is drawn: every layer it was given at the start, not the map's first 'idle'
   * (that one fires on an empty map as soon as the style loads, before any data is added). Marks it,
   * then makes deck.gl and its programs ready in idle time, so that neither a dropped file nor the
   * first heatmap waits for them (HeatmapOverlay.warmWhenIdle) and the first view never does either.
   */
  firstViewDrawn() {
    if (this.firstViewMarked) return
    this.firstViewMarked = true
    performance.mark(FIRST_VIEW_MARK)
    if (!savesData()) this.heatmaps.warmWhenIdle(whenBrowserIdle)
  }

  /** `padding` keeps screen space clear (presentation overlays): the point is centred in the rest. */
  flyTo(lngLat: [number, number], zoom: number, durationMs = 800, padding?: CameraPadding) {
    const center = toDisplay(lngLat, this.basemaps.crs)
    const clear = padding ?? { top: 0, right: 0, bottom: 0, left: 0 }
    if (this.options.animate) this.map.flyTo({ center, zoom, essential: true, duration: durationMs, padding: clear })
    else this.map.jumpTo({ center, zoom, padding: clear })
  }

  /** Frames the bounds in the map less `padding` (default 80 px on every side). */
  /**
   * Frames a box. With `unlessShown`, a box already in view that the frame would change by less than
   * half a zoom level is left as it is: the move would redraw (and re-tile) the whole map for nothing.
   */
  fitBounds(bounds: BBox, durationMs = 800, padding: CameraPadding | number = 80, unlessShown = false) {
    const sw = toDisplay([bounds[0], bounds[1]], this.basemaps.crs)
    const ne = toDisplay([bounds[2], bounds[3]], this.basemaps.crs)
    if (unlessShown) {
      const shown = this.map.getBounds()
      const framed = this.map.cameraForBounds([sw, ne], { padding, maxZoom: FIT_MAX_ZOOM })
      if (
        shown.contains(sw) &&
        shown.contains(ne) &&
        framed?.zoom !== undefined &&
        Math.abs(framed.zoom - this.map.getZoom()) < 0.5
      )
        return
    }
    // A single point (or a tiny box) would otherwise zoom to 22, where nothing around it shows.
    this.map.fitBounds([sw, ne], {
      padding,
      maxZoom: FIT_MAX_ZOOM,
      duration: this.options.animate ? durationMs : 0,
      essential: true,
    })
  }

  /** The canvas's accessible name, in the current language. */
  setTitle(title: string) {
    this.map.getCanvas().setAttribute('aria-label', title)
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
    // Large point sets are drawn by deck.gl above every MapLibre fill and line: they are picked first.
    return this.pickUserPoint(point) ?? pickFeature(this.map, this.specs, this.rank, point)
  }

  /** A point of a large set within 6 px, found by a scan of its positions (no GPU picking pass). */
  private pickUserPoint(point: { x: number; y: number }): PickedFeature | null {
    if (this.heatmaps.userPoints.length === 0) return null
    const centre = this.map.unproject([point.x, point.y])
    const corner = this.map.unproject([point.x + 6, point.y + 6])
    const found = this.heatmaps.pickUserPoint(
      centre.lng,
      centre.lat,
      Math.abs(corner.lng - centre.lng),
      Math.abs(corner.lat - centre.lat),
    )
    if (!found) return null
    const properties = found.draw.propertiesAt(found.index) ?? {}
    // The filters drop rows: the feature id is the row of the layer's table, as pointProperties reads it.
    const row = found.draw.rowAt?.(found.index) ?? found.index
    return { layerId: found.draw.id, featureId: String(row), properties, point: { x: point.x, y: point.y } }
  }

  /**
   * The credits line in another language. MapLibre's attribution control reads its text once, so a
   * new control takes the old one's place (folded as before on a small screen).
   */
  setAttribution(text: string) {
    const compact = this.options.compactAttribution
    this.map.removeControl(this.attribution)
    this.attribution = new AttributionControl({ compact, customAttribution: text })
    this.map.addControl(this.attribution, 'bottom-right')
    if (compact)
      this.options.container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show')
  }

  /** Loaded on the first picture or print (not part of the first view). */
  async capture(scale: number, size?: { width: number; height: number }, zoom?: number): Promise<MapCaptureResult> {
    const { captureMap } = await import('./capture')
    return captureMap(this.map, scale, () => this.whenIdle(), size, zoom)
  }

  /** Where a real (WGS84) place is drawn on screen, in CSS pixels. */
  project(lngLat: [number, number]): { x: number; y: number } {
    const p = this.map.project(toDisplay(lngLat, this.basemaps.crs))
    return { x: p.x, y: p.y }
  }

  destroy() {
    this.heatmaps.stop()
    this.map.remove()
  }
}
