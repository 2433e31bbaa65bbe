/**
 * Figure 3's baseline: MapLibre alone drawing the app's foundation layers from public/geo with the
 * same simple styles (fills, lines, seats, names), no Vue, no stores, no validation. It marks
 * #map[data-idle="true"] at the first idle after everything is added, as the app does.
 */
import type { FeatureCollection } from 'geojson'
import type { LayerSpecification } from 'maplibre-gl'
import { createBenchMap, exposeBench, fetchJson, mapIdle, mapLoaded } from './shared/bench-map'

const FILES = ['counties', 'county-labels', 'district', 'towns', 'rivers', 'seats'] as const
const FONT = ['Noto Sans CJK SC Regular']
const HALO = { 'text-halo-color': 'rgba(255,255,255,0.9)', 'text-halo-width': 1.5 }

const LAYERS: LayerSpecification[] = [
  { id: 'counties-fill', type: 'fill', source: 'counties', paint: { 'fill-color': '#e9ece6' } },
  { id: 'counties-line', type: 'line', source: 'counties', paint: { 'line-color': '#a3aba0', 'line-width': 1 } },
  { id: 'district-fill', type: 'fill', source: 'district', paint: { 'fill-color': '#f4f1de' } },
  { id: 'district-line', type: 'line', source: 'district', paint: { 'line-color': '#1f7a4a', 'line-width': 3 } },
  {
    id: 'towns-line',
    type: 'line',
    source: 'towns',
    paint: { 'line-color': '#4d7c5f', 'line-width': 1.2, 'line-dasharray': [3, 2] },
  },
  {
    id: 'rivers-line',
    type: 'line',
    source: 'rivers',
    paint: { 'line-color': '#2f7fc1', 'line-width': 2.5 },
    layout: { 'line-cap': 'round', 'line-join': 'round' },
  },
  {
    id: 'seats-circle',
    type: 'circle',
    source: 'seats',
    paint: {
      'circle-radius': 4,
      'circle-color': '#203a2b',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  },
  {
    id: 'counties-label',
    type: 'symbol',
    source: 'county-labels',
    filter: ['==', ['get', 'placement'], 'near-district'],
    minzoom: 9.3,
    layout: { 'text-field': ['get', 'name'], 'text-font': FONT, 'text-size': 15 },
    paint: { 'text-color': '#5f6b5c', ...HALO },
  },
  {
    id: 'rivers-label',
    type: 'symbol',
    source: 'rivers',
    filter: ['has', 'name'],
    layout: {
      'symbol-placement': 'line',
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': 13,
      'symbol-spacing': 400,
    },
    paint: { 'text-color': '#1d5f96', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 },
  },
  {
    id: 'towns-label',
    type: 'symbol',
    source: 'seats',
    minzoom: 9.3,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': FONT,
      'text-size': 14,
      'text-offset': [0, 0.9],
      'text-anchor': 'top',
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#203a2b', ...HALO },
  },
]

async function draw(): Promise<Record<string, unknown>> {
  const map = createBenchMap()
  const collections = await Promise.all(FILES.map((file) => fetchJson<FeatureCollection>(`./geo/${file}.geojson`)))
  await mapLoaded(map)
  FILES.forEach((file, i) => map.addSource(file, { type: 'geojson', data: collections[i]! }))
  for (const layer of LAYERS) map.addLayer(layer)
  await mapIdle(map)
  map.getContainer().dataset.idle = 'true'
  return { idleMs: performance.now() }
}

exposeBench({ ready: draw() })
