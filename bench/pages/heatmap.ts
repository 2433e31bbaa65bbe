/**
 * Figure 1's page: N bulk readings drawn as a heatmap, by deck.gl (interleaved, through the app's
 * deck-overlay and heatmap-layers) or by MapLibre's native `heatmap` layer on a GeoJSON source.
 * Query: ?engine=deck|deck-binned|native|none&count=N.
 */
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { ExpressionSpecification } from 'maplibre-gl'
import { AQI_LEVELS } from '../../src/domain/air/aqi'
import { generateBulkReadings, type BulkReadings } from '../../src/domain/samples/bulk-points'
import {
  createBenchMap,
  DISTRICT_BBOX,
  easeAndMeasure,
  exposeBench,
  mapIdle,
  mapLoaded,
  seatPositions,
} from './shared/bench-map'

const params = new URLSearchParams(location.search)
/**
 * deck: every point; deck-binned: the points merged into ~2-px cells by the aggregation worker
 * first; native: MapLibre's heatmap; none: the basemap alone, the floor under all of them.
 */
const ENGINES = ['deck', 'deck-binned', 'native', 'none'] as const
const engine = ENGINES.find((name) => name === params.get('engine')) ?? 'deck'
const count = Number(params.get('count') ?? 1_000_000)
const map = createBenchMap()

async function addDeck(points: { positions: Float64Array; values: Float32Array }) {
  const [{ createDeckOverlay }, { readingsHeatmapLayer }] = await Promise.all([
    import('../../src/map/deck-overlay'),
    import('../../src/map/heatmap-layers'),
  ])
  const overlay = await createDeckOverlay(map)
  overlay.setLayers([readingsHeatmapLayer({ id: 'readings', points, pollutant: 'pm25', opacity: 0.8 })])
}

/** The readings merged into cells of ~2 screen pixels at the current zoom, in the worker. */
async function binned(
  readings: BulkReadings,
): Promise<{ positions: Float64Array; values: Float32Array; cells: number }> {
  const { AggregationClient, cellDegreesForZoom } = await import('../../src/workers/aggregation-client')
  const client = AggregationClient.create()
  await client.setBatch({ id: 'readings', positions: readings.positions, weights: readings.pm25 })
  const cells = await client.binnedPoints('readings', cellDegreesForZoom(map.getZoom(), map.getCenter().lat, 2))
  client.dispose()
  return { positions: cells.positions, values: cells.weights!, cells: cells.counts.length }
}

/** MapLibre's heatmap shows kernel density, not a mean: the colours differ, the drawing work is what is compared. */
function addNative(readings: BulkReadings) {
  const features: Feature<Point>[] = new Array(readings.count)
  for (let i = 0; i < readings.count; i++) {
    features[i] = {
      type: 'Feature',
      properties: { pm25: readings.pm25[i] },
      geometry: { type: 'Point', coordinates: [readings.positions[2 * i]!, readings.positions[2 * i + 1]!] },
    }
  }
  const data: FeatureCollection<Point> = { type: 'FeatureCollection', features }
  map.addSource('readings', { type: 'geojson', data })
  const colourStops = AQI_LEVELS.flatMap((level, i) => [(i + 1) / AQI_LEVELS.length, level.hex])
  map.addLayer({
    id: 'readings-heatmap',
    type: 'heatmap',
    source: 'readings',
    paint: {
      'heatmap-weight': ['/', ['get', 'pm25'], 500],
      'heatmap-radius': 30,
      'heatmap-opacity': 0.8,
      'heatmap-color': [
        'interpolate',
        ['linear'],
        ['heatmap-density'],
        0,
        'rgba(0,0,0,0)',
        ...colourStops,
      ] as unknown as ExpressionSpecification,
    },
  })
}

async function setUp(): Promise<Record<string, unknown>> {
  const started = performance.now()
  const centres = await seatPositions()
  const readings = generateBulkReadings({ count, bbox: DISTRICT_BBOX, centres })
  const generatedMs = performance.now() - started
  await mapLoaded(map)
  let drawnPoints = engine === 'none' ? 0 : count
  if (engine === 'deck') await addDeck({ positions: readings.positions, values: readings.pm25 })
  else if (engine === 'deck-binned') {
    const cells = await binned(readings)
    drawnPoints = cells.cells
    await addDeck(cells)
  } else if (engine === 'native') addNative(readings)
  await mapIdle(map)
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
  return {
    engine,
    count,
    drawnPoints,
    generatedMs,
    readyMs: performance.now() - started,
    heapMB: memory ? memory.usedJSHeapSize / 2 ** 20 : null,
  }
}

exposeBench({ ready: setUp(), easeAndMeasure: (durationMs: number) => easeAndMeasure(map, durationMs) })
