/**
 * deck.gl drawn inside MapLibre's own WebGL context (interleaved), loaded only when first needed.
 *
 * Why lazily: deck.gl is about 240 kB gzipped, and the first view of the app draws no deck.gl layer;
 * the dynamic import() puts it in its own chunk, fetched when the user first turns on a heatmap.
 * Why @deck.gl/maplibre and not @deck.gl/mapbox: MapboxOverlay reads map.transform.height, which
 * MapLibre 6 removed, so it throws every frame: nothing draws and 'idle' never fires.
 * Interleaved: deck.gl layers become MapLibre custom layers, so labels can be drawn above them and
 * there is one canvas (screenshots and PNG export see the heatmap too).
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { Layer, LayersList, PickingInfo } from '@deck.gl/core'

export interface DeckOverlay {
  /** Replaces the deck.gl layers (layers with the same id are updated in place, not rebuilt). */
  setLayers(layers: LayersList): void
  /**
   * Keeps `layers` (hidden, with no data) beside the drawn ones, so their WebGL programs are linked
   * now and stay linked: a layer drawn later with the same programs finds them ready (luma.gl shares
   * a linked program between layers built from the same shaders).
   */
  warm(layers: Layer[]): void
  /** Takes the overlay off the map and releases its GPU resources. */
  remove(): void
  /**
   * Total points in the bins of a drawn aggregation layer (HexagonLayer), read from its
   * aggregator: lets tests check the hexagons count exactly what the worker counts. Null if the
   * layer is not drawn.
   */
  binTotal(layerId: string): number | null
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
  const [{ MapLibreOverlay }] = await Promise.all([import('@deck.gl/maplibre'), styleReady(map)])
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    ...(options.onHover ? { onHover: options.onHover } : {}),
  })
  map.addControl(overlay)
  let removed = false
  let warmLayers: Layer[] = []
  let latest: LayersList = []
  const apply = () => {
    if (!removed) overlay.setProps({ layers: [...latest, ...warmLayers] })
  }
  return {
    setLayers(layers) {
      latest = layers
      apply()
    },
    warm(layers) {
      warmLayers = [...warmLayers, ...layers.map((layer) => layer.clone({ visible: false }))]
      apply()
      // deck.gl creates a layer's programs in its next frame.
      map.triggerRepaint()
    },
    remove() {
      if (removed) return
      removed = true
      map.removeControl(overlay)
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
