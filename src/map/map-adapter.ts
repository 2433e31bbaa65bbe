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
import { LOCAL_FONT_FAMILY, offlineStyle } from './offline-style'

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
}

export class MapAdapter {
  private readonly map: MapLibreMap
  private readonly definitions = new Map<string, LayerDefinition>()
  /** Draw order by definition id (the layer list can change it); falls back to the declared order. */
  private drawOrder: Record<string, number> = {}
  private readonly loaded: Promise<void>

  constructor(private readonly options: MapAdapterOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: offlineStyle(),
      ...(options.camera
        ? { center: [options.camera.lng, options.camera.lat] as [number, number], zoom: options.camera.zoom }
        : { bounds: options.bounds, fitBoundsOptions: { padding: 40 } }),
      localIdeographFontFamily: LOCAL_FONT_FAMILY,
      attributionControl: false,
      // Screenshots and PNG export read the canvas back.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    })
    this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right')
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
    this.map.addControl(new AttributionControl({ compact: false, customAttribution: options.attribution }), 'bottom-right')
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()))
    this.map.on('moveend', () => {
      const centre = this.map.getCenter()
      options.onViewChange?.({ zoom: this.map.getZoom(), lat: centre.lat, lng: centre.lng })
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
    const existing = this.map.getSource(id) as GeoJSONSource | undefined
    if (existing) existing.setData(data)
    else this.map.addSource(id, { type: 'geojson', data })
  }

  /**
   * Draws a definition's map layers in the current state: removes them and adds them again with
   * the new visibility, opacity and language. Layers whose source has not arrived yet are skipped
   * and appear on the next call.
   */
  applyLayerState(definition: LayerDefinition, context: LayerRenderContext, visible: boolean) {
    this.definitions.set(definition.id, definition)
    for (const spec of definition.mapLayers(context)) {
      if (this.map.getLayer(spec.id)) this.map.removeLayer(spec.id)
      const source = spec.source ?? definition.id
      if (!this.map.getSource(source)) continue
      const layer = { ...spec, source, layout: { ...spec.layout, visibility: visible ? 'visible' : 'none' } }
      this.map.addLayer(layer as Parameters<MapLibreMap['addLayer']>[0], this.insertionPoint(this.orderOf(definition), spec.type === 'symbol'))
    }
  }

  /**
   * Keeps the declared order whatever order things arrive in, with two bands: every label above
   * every fill, line and circle, so no river or area ever covers a name.
   */
  private insertionPoint(order: number, isLabel: boolean): string | undefined {
    const style = this.map.getStyle().layers
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

  flyTo(lngLat: [number, number], zoom: number) {
    this.map.flyTo({ center: lngLat, zoom, essential: true, duration: 800 })
  }

  /** Resolves once the map has drawn everything it has been given so far. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve())
      // 'idle' only fires after a render; ask for one in case nothing is pending.
      this.map.triggerRepaint()
    })
  }

  fitBounds(bounds: BBox) {
    this.map.fitBounds(bounds, { padding: 40, animate: false })
  }

  /** Moves without animation; does nothing when the map is already there (a link echoing the map). */
  jumpTo(camera: Camera) {
    const centre = this.map.getCenter()
    const same = Math.abs(this.map.getZoom() - camera.zoom) < 0.01 && Math.abs(centre.lat - camera.lat) < 1e-5 && Math.abs(centre.lng - camera.lng) < 1e-5
    if (!same) this.map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom })
  }

  private pick(event: MapLayerMouseEvent | { point: { x: number; y: number } }): FeatureEvent | null {
    const interactive = [...this.definitions.values()]
      .sort((a, b) => b.order - a.order)
      .flatMap((d) => (d.interactiveLayerIds ?? []).filter((id) => this.map.getLayer(id) && this.map.getLayoutProperty(id, 'visibility') !== 'none'))
    if (interactive.length === 0) return null
    const [feature] = this.map.queryRenderedFeatures([event.point.x, event.point.y], { layers: interactive })
    if (!feature) return null
    const layerId = feature.source
    const properties = (feature.properties ?? {}) as Record<string, unknown>
    const featureId = featureKey(properties) ?? String(feature.id ?? '')
    return { layerId, featureId, properties, point: { x: event.point.x, y: event.point.y } }
  }

  /**
   * A read-only probe for automation (end-to-end tests, kiosk monitoring): where a place lands
   * on screen and which labels MapLibre placed. It cannot change the map.
   */
  exposeProbe(target: Record<string, unknown>) {
    target.__jindongMap = Object.freeze({
      project: (lngLat: [number, number]) => {
        const p = this.map.project(lngLat)
        return { x: p.x, y: p.y }
      },
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
