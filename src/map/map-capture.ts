/**
 * The one narrow door from the UI to the map's pixels, for export: MapView registers the adapter's
 * capture here while the map exists; the export menu calls it. Nothing else of the map is exposed.
 */
export type MapCapture = (scale: number) => Promise<{ canvas: HTMLCanvasElement; metresPer100px: number }>

let registered: MapCapture | null = null

export function registerMapCapture(capture: MapCapture | null) {
  registered = capture
}

export function captureMap(scale: number): ReturnType<MapCapture> {
  if (!registered) return Promise.reject(new Error('the map is not ready'))
  return registered(scale)
}
