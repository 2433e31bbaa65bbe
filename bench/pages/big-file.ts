/**
 * The floor for the big-file figure: the same file, set on a file input, parsed in a worker and its
 * positions drawn as a weighted deck.gl heatmap (the app's own layer factory) on a bare map, with
 * no dialog, store or layer list. ?parser=engine uses the app's import worker (the same engine and
 * transfer as the app); ?parser=lean a minimal split-and-parseFloat worker.
 * window.__bench.result resolves with the drop → first frame with the heatmap drawn, the JS heap
 * after loading (after a GC) and the long tasks seen.
 */
import { weightsOf } from '../../src/user-data/tables/point-table'
import { createBenchMap, exposeBench, mapIdle, mapLoaded } from './shared/bench-map'

const parser = new URLSearchParams(location.search).get('parser') === 'lean' ? 'lean' : 'engine'
const longTasks: { start: number; duration: number }[] = []
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
}).observe({ type: 'longtask', buffered: true })

const map = createBenchMap()

async function parseEngine(file: File): Promise<{ positions: Float32Array; weights: Float32Array | null }> {
  const { startImport } = await import('../../src/user-data/import/import-client')
  const result = await startImport(file, { declaredCrs: 'auto' }).promise
  if (!result.points) throw new Error(`the engine gave no point table (${result.featureCount} features)`)
  return { positions: result.points.positions, weights: weightsOf(result.points, 'pm25') }
}

function parseLean(file: File): Promise<{ positions: Float32Array; weights: Float32Array | null }> {
  const worker = new Worker(new URL('./lean-csv.worker.ts', import.meta.url), { type: 'module' })
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<{ positions: Float32Array; weights: Float32Array }>) => {
      worker.terminate()
      resolve(event.data)
    }
    worker.postMessage(file)
  })
}

/**
 * As the app does in idle time after its first view (HeatmapOverlay.warmWhenIdle): deck.gl loaded
 * and its programs linked before any drop, so both sides do the same work before and after it.
 */
const ready = mapLoaded(map)
  .then(() => mapIdle(map))
  .then(async () => {
    const [{ createDeckOverlay }, { warmUpLayers }] = await Promise.all([
      import('../../src/map/deck-overlay'),
      import('../../src/map/shader-warm-up'),
    ])
    const overlay = await createDeckOverlay(map)
    await overlay.warm(warmUpLayers())
    return overlay
  })

const result = new Promise<Record<string, unknown>>((resolve, reject) => {
  const input = document.getElementById('file') as HTMLInputElement
  input.addEventListener('change', () => {
    const dropAt = performance.now()
    const file = input.files![0]!
    void (async () => {
      const parsed = parser === 'lean' ? await parseLean(file) : await parseEngine(file)
      const parsedAt = performance.now()
      const [overlay, { userPointsLayer }] = await Promise.all([ready, import('../../src/map/user-points-layers')])
      overlay.setLayers([
        userPointsLayer({
          id: 'floor',
          positions: parsed.positions,
          weights: parsed.weights,
          display: 'heatmap',
          colour: [217, 70, 239],
          opacity: 1,
          propertiesAt: () => null,
        }),
      ])
      await mapIdle(map)
      const drawnAt = performance.now()
      resolve({ dropAt, parsedAt, drawnAt, count: parsed.positions.length / 2 })
    })().catch(reject)
  })
})

exposeBench({
  ready: ready.then(() => mapIdle(map)).then(() => ({ parser })),
  result,
  longTasks,
  idle: () => mapIdle(map),
})
