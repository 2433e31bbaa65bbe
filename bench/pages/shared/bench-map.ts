/**
 * What every benchmark page shares: a full-window MapLibre map on the app's offline style (set up
 * as the app's adapter does it), the district frame, and the hooks run.ts drives through
 * `window.__bench`.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'
import type { FeatureCollection, Point } from 'geojson'
import { LOCAL_FONT_FAMILY, offlineStyle } from '../../../src/map/offline-style'

setWorkerUrl(workerUrl)

/** The district's extent (public/geo/manifest.json), which the app frames on first load. */
export const DISTRICT_BBOX: [number, number, number, number] = [119.650554, 28.99314, 119.946695, 29.309385]

export function createBenchMap(): MapLibreMap {
  const container = document.getElementById('map')
  if (!container) throw new Error('bench page has no #map element')
  return new MapLibreMap({
    container,
    style: offlineStyle(),
    bounds: DISTRICT_BBOX,
    fitBoundsOptions: { padding: 40 },
    localIdeographFontFamily: LOCAL_FONT_FAMILY,
    attributionControl: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  })
}

export function mapIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve())
    map.triggerRepaint()
  })
}

export function mapLoaded(map: MapLibreMap): Promise<void> {
  return map.loaded() ? Promise.resolve() : new Promise((resolve) => map.once('load', () => resolve()))
}

export async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path)
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`)
  return (await response.json()) as T
}

/** Township seats, the centres the bulk sample clusters around. */
export async function seatPositions(): Promise<[number, number][]> {
  const seats = await fetchJson<FeatureCollection<Point>>('./geo/seats.geojson')
  return seats.features.map((feature) => [feature.geometry.coordinates[0]!, feature.geometry.coordinates[1]!])
}

/** Where the eased camera goes and comes back from: the north-east of the district, one level in. */
const EASE_TARGET: [number, number] = [119.83, 29.19]

/** rAF deltas (ms) from now until the map's next moveend. */
function measureUntilMoveEnd(map: MapLibreMap, start: () => void): Promise<number[]> {
  return new Promise((resolve) => {
    const deltas: number[] = []
    let last = 0
    let running = true
    const tick = (now: number) => {
      deltas.push(now - last)
      last = now
      if (running) requestAnimationFrame(tick)
    }
    map.once('moveend', () => {
      running = false
      resolve(deltas)
    })
    requestAnimationFrame((now) => {
      last = now
      requestAnimationFrame(tick)
      start()
    })
  })
}

/**
 * rAF deltas (ms) while the camera eases for `durationMs` in all: half the time towards the
 * north-east one zoom level in, half back to where it started. The way back zooms out past what
 * a heatmap has already aggregated, so it includes deck.gl's re-aggregation, as a user's would.
 */
export async function easeAndMeasure(map: MapLibreMap, durationMs: number): Promise<number[]> {
  const home = { center: map.getCenter(), zoom: map.getZoom() }
  const there = await measureUntilMoveEnd(map, () =>
    map.easeTo({ center: EASE_TARGET, zoom: home.zoom + 1, duration: durationMs / 2, essential: true }),
  )
  const back = await measureUntilMoveEnd(map, () => map.easeTo({ ...home, duration: durationMs / 2, essential: true }))
  return [...there, ...back]
}

export interface BenchHooks {
  /** Resolves with page-specific details once the page is ready to measure. */
  ready: Promise<Record<string, unknown>>
  [name: string]: unknown
}

export function exposeBench(hooks: BenchHooks) {
  ;(window as unknown as { __bench: BenchHooks }).__bench = hooks
}
