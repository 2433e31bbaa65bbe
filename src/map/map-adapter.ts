/**
 * The one place that owns MapLibre (and, later, the deck.gl overlay). Components and stores never
 * touch the map: they call this adapter, and it reports clicks and hovers back through callbacks.
 */
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl'
import type { GeoJSONSource, MapLayerMouseEvent } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { FeatureCollection } from 'geojson'
import type { BBox } from '../domain/geojson-checks'
import type { Camera } from '../domain/share-link'
import { featureKey } from '../domain/feature-key'
import type { LayerDefinition, LayerRenderContext } from '../layers/types'
import { BACKGROUND_COLOUR, BACKGROUND_DARK, LOCAL_FONT_FAMILY, offlineStyle } from './offline-style'
import { basemapOption, basemapRaster, type BasemapChoice } from './basemaps'
import { featureCollectionToGcj02, fromDisplay, toDisplay, type DisplayCrs } from './crs-shift'
import type { DeckOverlay } from './deck-overlay'
import type { ReadingsPollutant } from '../domain/pollutant-scale'

/** What the deck.gl overlay should draw; null parts are not drawn. Positions are WGS84 lng/lat pairs. */
export interface HeatmapSpec {
  readings: { positions: Float64Array; values: Float32Array; pollutant: ReadingsPollutant; opacity: number } | null
  inspections: { positions: Float64Array; style: 'heatmap' | 'hexagon'; opacity: number } | null
}

// After bundling MapLibre cannot find its worker by itself (blank map, "Worker failed to load").
setWorkerUrl(workerUrl)

export interface FeatureEvent {
  layerId: string
  featureId: string
  properties: Record<string, unknown>
  point: { x: number; y: number }
}

export interface MapAdapterOptions {
  container: HTMLElement
  /** Where to open: a share link's camera if there is one, else framed on these bounds. */
  camera: Camera | null
  bounds: BBox
  attribution: string
  onViewChange?: (camera: Camera) => void
  onClick?: (event: FeatureEvent | null) => void
  onHover?: (event: FeatureEvent | null) => void
  /** An online basemap failed (tiles or style): the adapter has already gone back to offline. */
  onBasemapFailed?: (choice: BasemapChoice, reason: string) => void
  /** The inspection hexagon under the pointer: its point count, or null off the hexagons. */
  onHexagonHover?: (count: number | null, point: { x: number; y: number }) => void
}

/** Tile errors from one basemap before we give up on it and return to the offline style. */
const BASEMAP_ERROR_LIMIT = 3

export class MapAdapter {
  private readonly map: MapLibreMap
  private readonly definitions = new Map<string, LayerDefinition>()
  /** Draw order by definition id (the layer list can change it); falls back to the declared order. */
  private drawOrder: Record<string, number> = {}
  private readonly loaded: Promise<void>
  /** Our data as loaded (WGS84); what MapLibre holds may be a GCJ-02 copy. */
  private readonly rawData = new Map<string, FeatureCollection>()
  private displayCrs: DisplayCrs = 'WGS84'
  private basemap: BasemapChoice = { id: 'offline' }
  private basemapErrors = 0
  private basemapLayerIds: string[] = []
  /** The last spec applied to each map layer, to update only what changed. */
  private readonly appliedSpecs = new Map<string, string>()
  private readonly appliedOrder = new Map<string, number>()
  private idle: Promise<void> | null = null
  /** deck.gl, loaded on first use (its chunk is not in the initial bundle). */
  private deck: Promise<DeckOverlay> | null = null
  private readonly shiftedPositions = new WeakMap<Float64Array, Float64Array>()

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
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()))
    this.map.on('moveend', () => {
      const centre = this.map.getCenter()
      const [lng, lat] = fromDisplay([centre.lng, centre.lat], this.displayCrs)
      options.onViewChange?.({ zoom: this.map.getZoom(), lat, lng })
    })
    this.map.on('error', (event) => {
      // MapLibre adds the failing source's id to tile errors; the type does not declare it.
      const sourceId = (event as unknown as { sourceId?: string }).sourceId
      if (!sourceId?.startsWith('basemap-')) {
        console.error(event.error?.message ?? 'map error')
        return
      }
      if (++this.basemapErrors === BASEMAP_ERROR_LIMIT)
        this.failBasemap(`${sourceId}: ${event.error?.message ?? 'tile failed'}`)
    })
    this.map.on('click', (event) => options.onClick?.(this.pick(event)))
    this.map.on('mousemove', (event) => {
      const picked = this.pick(event)
      this.map.getCanvas().style.cursor = picked ? 'pointer' : ''
      options.onHover?.(picked)
    })
  }

  /** Adds or replaces one data source (a manifest entry or a user's layer), keyed by its id. */
  async setSourceData(id: string, data: FeatureCollection) {
    await this.loaded
    this.rawData.set(id, data)
    const displayed = this.displayCrs === 'GCJ-02' ? featureCollectionToGcj02(data) : data
    const existing = this.map.getSource(id) as GeoJSONSource | undefined
    if (existing) existing.setData(displayed)
    else this.map.addSource(id, { type: 'geojson', data: displayed })
  }

  /**
   * Switches the basemap. Raster basemaps go under all our layers; a custom style URL is fetched
   * and its sources and layers are added under ours. Moving between WGS84 and GCJ-02 basemaps
   * re-projects our data and keeps the camera on the same real place.
   */
  async setBasemap(choice: BasemapChoice) {
    await this.loaded
    for (const id of this.basemapLayerIds) if (this.map.getLayer(id)) this.map.removeLayer(id)
    for (const id of Object.keys(this.map.getStyle().sources)) if (id.startsWith('basemap-')) this.map.removeSource(id)
    this.basemapLayerIds = []
    this.basemapErrors = 0
    this.basemap = choice
    await this.setDisplayCrs(basemapOption(choice.id).crs)

    const beforeId = this.map.getStyle().layers.find((l) => l.id !== 'background')?.id
    if (choice.id === 'custom') {
      await this.addCustomStyle(choice, beforeId)
      return
    }
    const part = basemapRaster(choice)
    if (!part) return
    for (const [id, source] of Object.entries(part.sources)) this.map.addSource(id, source)
    for (const layer of part.layers) this.map.addLayer(layer, beforeId)
    this.basemapLayerIds = part.layers.map((l) => l.id)
  }

  private async addCustomStyle(choice: BasemapChoice, beforeId: string | undefined) {
    try {
      const response = await fetch(choice.styleUrl ?? '')
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const style = (await response.json()) as {
        sources?: Record<string, unknown>
        layers?: { id: string; source?: string }[]
      }
      if (!style.sources || !Array.isArray(style.layers)) throw new Error('not a MapLibre style (no sources or layers)')
      for (const [id, source] of Object.entries(style.sources))
        this.map.addSource(`basemap-${id}`, source as Parameters<MapLibreMap['addSource']>[1])
      for (const layer of style.layers) {
        const id = `basemap-${layer.id}`
        // Symbol layers need the style's glyphs and sprites, which would replace our local-font labels.
        if ((layer as { type?: string }).type === 'symbol' || (layer as { type?: string }).type === 'background')
          continue
        this.map.addLayer(
          { ...layer, id, ...(layer.source ? { source: `basemap-${layer.source}` } : {}) } as Parameters<
            MapLibreMap['addLayer']
          >[0],
          beforeId,
        )
        this.basemapLayerIds.push(id)
      }
    } catch (error) {
      this.failBasemap(`${choice.styleUrl ?? ''}: ${(error as Error).message}`)
    }
  }

  private failBasemap(reason: string) {
    const failed = this.basemap
    void this.setBasemap({ id: 'offline' })
    this.options.onBasemapFailed?.(failed, reason)
  }

  private async setDisplayCrs(crs: DisplayCrs) {
    if (crs === this.displayCrs) return
    const centre = this.map.getCenter()
    const real = fromDisplay([centre.lng, centre.lat], this.displayCrs)
    this.displayCrs = crs
    for (const [id, data] of this.rawData) await this.setSourceData(id, data)
    this.map.jumpTo({ center: toDisplay(real, crs) })
  }

  /**
   * Draws a definition's map layers in the current state (visibility, opacity, language, selection,
   * choropleth). Existing layers are updated in place, property by property, and only what changed
   * is touched: removing and re-adding layers while MapLibre is placing labels breaks its renderer.
   * Layers whose source has not arrived yet are skipped and appear on a later call.
   */
  applyLayerState(definition: LayerDefinition, context: LayerRenderContext, visible: boolean) {
    this.definitions.set(definition.id, definition)
    for (const spec of definition.mapLayers(context)) {
      const source = spec.source ?? definition.id
      if (!this.map.getSource(source)) continue
      const layer = {
        ...spec,
        source,
        layout: { ...spec.layout, visibility: visible ? 'visible' : 'none' },
      } as Parameters<MapLibreMap['addLayer']>[0]
      const order = this.orderOf(definition)
      if (!this.map.getLayer(spec.id)) {
        this.map.addLayer(layer, this.insertionPoint(order, spec.type === 'symbol', spec.id))
      } else {
        this.updateLayer(layer)
        // Moved in the layer list: each of its map layers goes, in turn, under the next definition's.
        if (this.appliedOrder.get(spec.id) !== order)
          this.map.moveLayer(spec.id, this.insertionPoint(order, spec.type === 'symbol', spec.id))
      }
      this.appliedSpecs.set(spec.id, JSON.stringify(layer))
      this.appliedOrder.set(spec.id, order)
    }
  }

  private updateLayer(layer: Parameters<MapLibreMap['addLayer']>[0]) {
    const previous = JSON.parse(this.appliedSpecs.get(layer.id) ?? '{}') as Record<
      string,
      Record<string, unknown> | undefined
    >
    const next = layer as unknown as Record<string, Record<string, unknown> | undefined>
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
    for (const [key, value] of Object.entries(next.paint ?? {})) {
      if (!same(previous.paint?.[key], value))
        this.map.setPaintProperty(layer.id, key as Parameters<MapLibreMap['setPaintProperty']>[1], value as never)
    }
    for (const [key, value] of Object.entries(next.layout ?? {})) {
      if (!same(previous.layout?.[key], value))
        this.map.setLayoutProperty(layer.id, key as Parameters<MapLibreMap['setLayoutProperty']>[1], value as never)
    }
    if (!same(previous.filter, next.filter))
      this.map.setFilter(layer.id, (next.filter ?? null) as Parameters<MapLibreMap['setFilter']>[1])
  }

  /**
   * Keeps the declared order whatever order things arrive in, with two bands: every label above
   * every fill, line and circle, so no river or area ever covers a name.
   */
  private insertionPoint(order: number, isLabel: boolean, self?: string): string | undefined {
    const style = this.map.getStyle().layers.filter((l) => l.id !== self)
    const orderOf = (layerId: string) => {
      const owner = [...this.definitions.values()].find((d) => layerId.startsWith(`${d.id}-`))
      return owner ? this.orderOf(owner) : undefined
    }
    for (const layer of style) {
      const layerOrder = orderOf(layer.id)
      if (layerOrder === undefined) continue
      const layerIsLabel = layer.type === 'symbol'
      if (!isLabel && layerIsLabel) return layer.id
      if (isLabel === layerIsLabel && layerOrder > order) return layer.id
    }
    return undefined
  }

  private orderOf(definition: LayerDefinition): number {
    return this.drawOrder[definition.id] ?? definition.order
  }

  /** New draw order; the caller re-applies the layers (bottom first) to move them. */
  setDrawOrder(order: Record<string, number>) {
    this.drawOrder = { ...order }
  }

  flyTo(lngLat: [number, number], zoom: number, durationMs = 800) {
    this.map.flyTo({ center: toDisplay(lngLat, this.displayCrs), zoom, essential: true, duration: durationMs })
  }

  flyToBounds(bounds: BBox, durationMs = 800) {
    const sw = toDisplay([bounds[0], bounds[1]], this.displayCrs)
    const ne = toDisplay([bounds[2], bounds[3]], this.displayCrs)
    this.map.fitBounds([sw, ne], { padding: 80, duration: durationMs, essential: true })
  }

  /**
   * Draws the heatmaps with deck.gl, interleaved with MapLibre under the labels. deck.gl and its
   * overlay are imported the first time a heatmap is shown.
   */
  async setHeatmaps(spec: HeatmapSpec) {
    if (!spec.readings && !spec.inspections && !this.deck) return
    this.deck ??= import('./deck-overlay').then(({ createDeckOverlay }) => createDeckOverlay(this.map))
    const [overlay, factories] = await Promise.all([this.deck, import('./heatmap-layers')])
    // Under the first label, so names stay readable over a heatmap.
    const beforeId = this.map.getStyle().layers.find((l) => l.type === 'symbol')?.id
    // beforeId is read by @deck.gl/maplibre's interleaving, not declared on the layers' own props.
    const under = { beforeId } as Record<string, unknown>
    const layers = []
    if (spec.readings) {
      const { positions, values, pollutant, opacity } = spec.readings
      layers.push(
        factories
          .readingsHeatmapLayer({
            id: 'readings-heatmap',
            points: { positions: this.displayPositions(positions), values },
            pollutant,
            opacity,
            radiusPixels: 60,
          })
          .clone(under),
      )
    }
    if (spec.inspections) {
      const { positions, style, opacity } = spec.inspections
      const shown = this.displayPositions(positions)
      layers.push(
        style === 'hexagon'
          ? factories
              .inspectionHexagonLayer({
                id: 'inspection-hexagons',
                positions: shown,
                opacity,
                onHoverCount: (count, info) => this.options.onHexagonHover?.(count, { x: info.x, y: info.y }),
              })
              .clone(under)
          : factories.inspectionHeatmapLayer({ id: 'inspection-heatmap', positions: shown, opacity }).clone(under),
      )
    }
    overlay.setLayers(layers)
  }

  /** Positions as drawn: shifted to GCJ-02 on a GCJ-02 basemap (cached per array, so deck.gl can reuse them). */
  private displayPositions(positions: Float64Array): Float64Array {
    if (this.displayCrs === 'WGS84') return positions
    let shifted = this.shiftedPositions.get(positions)
    if (!shifted) {
      shifted = new Float64Array(positions.length)
      for (let i = 0; i < positions.length; i += 2) {
        const [lng, lat] = toDisplay([positions[i]!, positions[i + 1]!], 'GCJ-02')
        shifted[i] = lng
        shifted[i + 1] = lat
      }
      this.shiftedPositions.set(positions, shifted)
    }
    return shifted
  }

  /** The offline basemap's background for the theme (the data layers take theirs from the context). */
  async setBackground(theme: 'light' | 'dark') {
    await this.loaded
    if (this.map.getLayer('background'))
      this.map.setPaintProperty(
        'background',
        'background-color',
        theme === 'dark' ? BACKGROUND_DARK : BACKGROUND_COLOUR,
      )
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

  /** Moves without animation; does nothing when the map is already there (a link echoing the map). */
  jumpTo(camera: Camera) {
    const [lng, lat] = toDisplay([camera.lng, camera.lat], this.displayCrs)
    const centre = this.map.getCenter()
    const same =
      Math.abs(this.map.getZoom() - camera.zoom) < 0.01 &&
      Math.abs(centre.lat - lat) < 1e-5 &&
      Math.abs(centre.lng - lng) < 1e-5
    if (!same) this.map.jumpTo({ center: [lng, lat], zoom: camera.zoom })
  }

  private pick(event: MapLayerMouseEvent | { point: { x: number; y: number } }): FeatureEvent | null {
    const interactive = [...this.definitions.values()]
      .sort((a, b) => b.order - a.order)
      .flatMap((d) =>
        (d.interactiveLayerIds ?? []).filter(
          (id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none',
        ),
      )
    if (interactive.length === 0) return null
    const [feature] = this.map.queryRenderedFeatures([event.point.x, event.point.y], { layers: interactive })
    if (!feature) return null
    const layerId = feature.source
    const properties = (feature.properties ?? {}) as Record<string, unknown>
    const featureId = featureKey(properties) ?? String(feature.id ?? '')
    return { layerId, featureId, properties, point: { x: event.point.x, y: event.point.y } }
  }

  /**
   * A copy of the map's pixels at `scale` CSS-pixel ratio (1 or 2 for export), plus the length in
   * metres of 100 CSS pixels at the centre for the scale bar. The ratio is restored afterwards.
   */
  async capture(scale: number): Promise<{ canvas: HTMLCanvasElement; metresPer100px: number }> {
    const original = this.map.getPixelRatio()
    if (scale !== original) {
      this.map.setPixelRatio(scale)
      await this.whenIdle()
    }
    const source = this.map.getCanvas()
    const canvas = document.createElement('canvas')
    canvas.width = source.width
    canvas.height = source.height
    canvas.getContext('2d')!.drawImage(source, 0, 0)
    const y = this.map.getContainer().clientHeight / 2
    const metresPer100px = this.map.unproject([0, y]).distanceTo(this.map.unproject([100, y]))
    if (scale !== original) {
      this.map.setPixelRatio(original)
      await this.whenIdle()
    }
    return { canvas, metresPer100px }
  }

  /**
   * A read-only probe for automation (end-to-end tests, kiosk monitoring): where a place lands
   * on screen and which labels MapLibre placed. It cannot change the map.
   */
  exposeProbe(target: Record<string, unknown>) {
    target.__jindongMap = Object.freeze({
      project: (lngLat: [number, number]) => {
        const p = this.map.project(toDisplay(lngLat, this.displayCrs))
        return { x: p.x, y: p.y }
      },
      /** The map's own coordinate under a pixel: GCJ-02 on a GCJ-02 basemap, WGS84 otherwise. */
      displayedLngLat: (x: number, y: number) => {
        const p = this.map.unproject([x, y])
        return [p.lng, p.lat]
      },
      /** Points counted in the drawn inspection hexagons (null when none are drawn). */
      hexagonBinTotal: async () => (this.deck ? (await this.deck).binTotal('inspection-hexagons') : null),
      renderedLabels: (mapLayerId: string) =>
        this.map.getLayer(mapLayerId)
          ? this.map.queryRenderedFeatures({ layers: [mapLayerId] }).map((f) => String(f.properties?.name ?? ''))
          : [],
    })
  }

  destroy() {
    this.map.remove()
  }
}
