/**
 * Picking: the topmost feature of an interactive layer under a pixel, named the way selections and
 * share links name it (its layer id and its key, as the layer's spec declares).
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { featureKey } from '../domain/geometry/feature-key'
import { fromMapSafeProperties } from '../domain/text/own-keys'
import type { LayerSpec } from '../layers/types'

export interface PickedFeature {
  layerId: string
  featureId: string
  properties: Record<string, unknown>
  point: { x: number; y: number }
}

export function pickFeature(
  map: MapLibreMap,
  specs: readonly LayerSpec[],
  rank: Readonly<Record<string, number>>,
  point: { x: number; y: number },
): PickedFeature | null {
  const interactive = [...specs]
    .sort((a, b) => (rank[b.id] ?? b.order) - (rank[a.id] ?? a.order))
    .flatMap((spec) =>
      (spec.interactiveLayerIds ?? []).filter(
        (id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') !== 'none',
      ),
    )
  if (interactive.length === 0) return null
  const [feature] = map.queryRenderedFeatures([point.x, point.y], { layers: interactive })
  if (!feature) return null
  const spec = specs.find((s) => s.id === feature.source)
  // MapLibre holds the names escaped (see own-keys.ts): give the rest of the app the file's names.
  const properties = fromMapSafeProperties((feature.properties ?? {}) as Record<string, unknown>)
  const featureId = featureKey(properties, spec?.data.key) ?? String(feature.id ?? '')
  return { layerId: feature.source, featureId, properties, point: { x: point.x, y: point.y } }
}
