/**
 * The render-test page: `window.renderStyle(request)` draws one style with MapLibre at a fixed size
 * and pixel ratio 1, waits for the map's 'idle' event and resolves with the canvas as a PNG data URL.
 * It knows nothing of the app's layers: the test builds the whole style in node.
 */
import { Map as MapLibreMap, setWorkerUrl, type StyleSpecification } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import 'maplibre-gl/dist/maplibre-gl.css'

// After bundling MapLibre 6 cannot find its worker by itself; unset, the map stays blank ("Worker failed to load").
setWorkerUrl(workerUrl)

const IDLE_TIMEOUT_MS = 30_000

export interface RenderRequest {
  style: StyleSpecification
  width: number
  height: number
  /** West, south, east, north: the camera is fitted to it. */
  bounds: [number, number, number, number]
  padding: number
  /** CSS font stack MapLibre draws labels with (there is no glyphs URL). */
  localIdeographFontFamily: string
}

async function renderStyle(request: RenderRequest): Promise<string> {
  const container = document.getElementById('map') as HTMLDivElement
  container.style.width = `${request.width}px`
  container.style.height = `${request.height}px`
  const map = new MapLibreMap({
    container,
    style: request.style,
    bounds: request.bounds,
    fitBoundsOptions: { padding: request.padding },
    pixelRatio: 1,
    fadeDuration: 0,
    localIdeographFontFamily: request.localIdeographFontFamily,
    attributionControl: false,
    interactive: false,
    canvasContextAttributes: { preserveDrawingBuffer: true },
  })
  try {
    // An invalid style never gets to 'idle': any map error ends the render (and is logged, which
    // fails the test), as does a map still busy after IDLE_TIMEOUT_MS.
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no 'idle' after ${IDLE_TIMEOUT_MS} ms`)), IDLE_TIMEOUT_MS)
      map.once('idle', () => {
        clearTimeout(timer)
        resolve()
      })
      map.on('error', (event) => {
        clearTimeout(timer)
        console.error(`map error: ${event.error?.message ?? 'unknown'}`)
        reject(event.error ?? new Error('map error'))
      })
    })
    return map.getCanvas().toDataURL('image/png')
  } finally {
    map.remove()
  }
}

declare global {
  interface Window {
    renderStyle: typeof renderStyle
  }
}

window.renderStyle = renderStyle
