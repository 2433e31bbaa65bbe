/**
 * deck.gl drawn inside MapLibre's own WebGL context (interleaved), loaded after the first view.
 *
 * Why not in the first bundle: deck.gl is about 240 kB gzipped, and the first view of the app draws
 * no deck.gl layer; the dynamic import() puts it in its own chunk, fetched in idle time once the
 * first view is drawn (HeatmapOverlay.warmWhenIdle), or when a heatmap is turned on before that.
 * Why @deck.gl/maplibre and not @deck.gl/mapbox: MapboxOverlay reads map.transform.height, which
 * MapLibre 6 removed, so it throws every frame: nothing draws and 'idle' never fires.
 * Interleaved: deck.gl layers become MapLibre custom layers, so labels can be drawn above them and
 * there is one canvas (screenshots and PNG export see the heatmap too).
 */
import { parts } from '../io/parts'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Layer, LayersList, PickingInfo } from '@deck.gl/core'

export interface DeckOverlay {
  /** Replaces the deck.gl layers (layers with the same id are updated in place, not rebuilt). */
  setLayers(layers: LayersList): void
  /**
   * Draws `layers` (with no data, transparent) once, then keeps them hidden beside the drawn ones, so
   * their WebGL programs are linked now and stay linked, and luma.gl's render pipelines for a frame
   * on the map exist: a layer drawn later with the same shaders, attributes and parameters finds
   * them ready (luma.gl shares them between layers). Resolves after the frame that drew them.
   */
  warm(layers: Layer[]): Promise<void>
  /** Takes the overlay off the map and releases its GPU resources. */
  remove(): void
  /**
   * The WebGL context has been lost: takes the overlay off the map and forgets luma.gl's device, whose
   * programs and pipelines belong to the lost context (luma.gl keeps the device on the context object
   * and would hand it, stale caches and all, to the next overlay made on the restored context).
   */
  discard(): void
  /**
   * Total points in the bins of a drawn aggregation layer (HexagonLayer), read from its
   * aggregator: lets tests check the hexagons count exactly what the worker counts. Null if the
   * layer is not drawn.
   */
  binTotal(layerId: string): number | null
}

/**
 * Undoes what luma.gl 9 put on the context it attached to: its slots (`luma`: the device, found
 * again by the next attach, and the extension objects, dead after a loss; `lumaState`: a cache of
 * the GL state) and its spies on the state setters and getters, own properties over
 * WebGL2RenderingContext.prototype's methods. Left in place, the next device would find the stale
 * device, or wrap the spies again — and a spy over a spy skips the real call (the outer one has
 * already cached the value), so state would silently stop reaching the restored context.
 */
function unhookLuma(gl: WebGL2RenderingContext) {
  const hooked = gl as unknown as Record<string, unknown>
  for (const key of Object.getOwnPropertyNames(gl))
    if (key === 'luma' || key === 'lumaState' || typeof hooked[key] === 'function') delete hooked[key]
}

export interface DeckOverlayOptions {
  /** Pointer moves over deck.gl layers (also given to each layer's own onHover). */
  onHover?: (info: PickingInfo) => void
}

/** Resolves once layers can be added: custom layers need a loaded style. */
function styleReady(map: MapLibreMap): Promise<void> {
  if (map.isStyleLoaded()) return Promise.resolve()
  // 'load' may already have fired while a source is still loading (isStyleLoaded is false then);
  // 'idle' follows in that case.
  return new Promise((resolve) => {
    const done = () => {
      map.off('load', done)
      map.off('idle', done)
      resolve()
    }
    map.on('load', done)
    map.on('idle', done)
  })
}

export async function createDeckOverlay(map: MapLibreMap, options: DeckOverlayOptions = {}): Promise<DeckOverlay> {
  const [{ MapLibreOverlay }] = await Promise.all([
    parts.load('deck.gl', () => import('@deck.gl/maplibre')),
    styleReady(map),
  ])
  let removed = false
  let warmLayers: Layer[] = []
  /** Warm-up layers not drawn yet: hidden after deck.gl's first frame with them. */
  let toHide: Layer[] = []
  /** Those waiting for that frame (warm's promises). */
  let onWarmed: (() => void)[] = []
  // After a frame deck.gl drew (it draws nothing before its device is ready): the heatmap's
  // full-screen pass is not drawn every frame; the layers, their programs and pipelines stay.
  const hideWarmed = () => {
    if (toHide.length === 0) return
    const drawn = new Set(toHide)
    toHide = []
    warmLayers = warmLayers.map((layer) => (drawn.has(layer) ? layer.clone({ visible: false }) : layer))
    const waiting = onWarmed
    onWarmed = []
    // Not inside deck.gl's render: the next task.
    setTimeout(() => {
      apply()
      for (const resolve of waiting) resolve()
    }, 0)
  }
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    onAfterRender: hideWarmed,
    ...(options.onHover ? { onHover: options.onHover } : {}),
  })
  map.addControl(overlay)
  let latest: LayersList = []
  const apply = () => {
    if (!removed) overlay.setProps({ layers: [...latest, ...warmLayers] })
  }
  const remove = () => {
    if (removed) return
    removed = true
    map.removeControl(overlay)
    for (const resolve of onWarmed.splice(0)) resolve()
  }
  return {
    setLayers(layers) {
      latest = layers
      apply()
    },
    warm(layers) {
      if (removed) return Promise.resolve()
      // Drawn once (they are empty and transparent): luma.gl builds a pipeline per set of draw
      // parameters, and only a drawn layer builds the one its first frame on the map needs.
      warmLayers = [...warmLayers, ...layers]
      toHide = [...toHide, ...layers]
      const drawn = new Promise<void>((resolve) => onWarmed.push(resolve))
      apply()
      map.triggerRepaint()
      return drawn
    },
    remove,
    discard() {
      remove()
      const gl = map.getCanvas().getContext('webgl2')
      if (gl) unhookLuma(gl)
    },
    binTotal(layerId) {
      // deck.gl keeps its Deck instance private to the overlay; read-only use for this count.
      type Aggregator = { binCount: number; getBin(i: number): { count: number } | null }
      const deck = (
        overlay as unknown as {
          _deck?: {
            layerManager?: {
              getLayers(o: { layerIds: string[] }): { id: string; state?: { aggregator?: Aggregator } }[]
            }
          }
        }
      )._deck
      const layer = deck?.layerManager?.getLayers({ layerIds: [layerId] }).find((l) => l.state?.aggregator)
      const aggregator = layer?.state?.aggregator
      if (!aggregator) return null
      let total = 0
      for (let i = 0; i < aggregator.binCount; i++) total += aggregator.getBin(i)?.count ?? 0
      return total
    },
  }
}
