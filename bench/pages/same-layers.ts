/**
 * Figure 3's baseline with the same layers as the app: MapLibre alone drawing the very style the app
 * draws on its first view (every layer, with its paint, layout, filters and zooms), read from the app
 * by the bench just before: `app-style.json`, and each GeoJSON source's data as the app gave it to
 * MapLibre in `app-data/<id>.json` (fetched and parsed on the main thread, as bare-map.ts does). No
 * Vue, no stores, no checks, no panels. It marks #map[data-idle="true"] at the first idle after everything
 * is added, as the app does.
 */
import type { FeatureCollection } from 'geojson'
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl'
import { createBenchMap, exposeBench, fetchJson, mapIdle, mapLoaded } from './shared/bench-map'

async function draw(): Promise<Record<string, unknown>> {
  const map = createBenchMap()
  const style = await fetchJson<StyleSpecification>('./app-style.json')
  const sources = Object.entries(style.sources)
  const data = await Promise.all(
    sources.map(([, source]) =>
      source.type === 'geojson' && typeof source.data === 'string' && source.data.startsWith('app-data/')
        ? fetchJson<FeatureCollection>(`./${source.data}`)
        : null,
    ),
  )
  await mapLoaded(map)
  sources.forEach(([id, source], i) => {
    if (map.getSource(id)) return
    map.addSource(id, (data[i] ? { type: 'geojson', data: data[i] } : source) as SourceSpecification)
  })
  for (const layer of style.layers as LayerSpecification[]) if (!map.getLayer(layer.id)) map.addLayer(layer)
  await mapIdle(map)
  map.getContainer().dataset.idle = 'true'
  return { idleMs: performance.now(), layers: style.layers.length }
}

exposeBench({ ready: draw() })
