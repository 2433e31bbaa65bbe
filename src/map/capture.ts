/**
 * The map's pixels for export, at `scale` CSS-pixel ratio (1 or 2), plus the length in metres of
 * 100 CSS pixels at the centre for the scale bar and the bearing for the north arrow. The device
 * pixel ratio is restored afterwards.
 *
 * With a `size` (a slide or an A4 page), the map is drawn at that size for the capture: the view on
 * screen is fitted into it, so everything the planner saw is in the picture with more around it on
 * the longer side; then the map's size and camera are put back exactly. A print at a chosen scale
 * (1:N) keeps the centre at the zoom that gives that scale (src/settings/print-paper.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl'

export interface MapCaptureResult {
  canvas: HTMLCanvasElement
  metresPer100px: number
  /** Degrees clockwise from north of the map's up direction (0 when north is up). */
  bearing: number
}

/**
 * Lays the map out at `size` CSS pixels showing what it showed (or, with a `zoom`, at that zoom around
 * the same centre: a print at 1:N); returns how to put it back.
 */
function frameAt(map: MapLibreMap, size: { width: number; height: number }, zoom?: number): () => void {
  const container = map.getContainer()
  const style = container.style.cssText
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() }
  const bounds = map.getBounds()
  // The container is absolutely placed on all four sides: a width and height take precedence.
  container.style.width = `${size.width}px`
  container.style.height = `${size.height}px`
  map.resize()
  if (zoom) map.jumpTo({ zoom })
  else map.fitBounds(bounds, { animate: false, padding: 0, bearing: camera.bearing })
  return () => {
    container.style.cssText = style
    map.resize()
    map.jumpTo(camera)
  }
}

export async function captureMap(
  map: MapLibreMap,
  scale: number,
  whenIdle: () => Promise<void>,
  size?: { width: number; height: number },
  zoom?: number,
): Promise<MapCaptureResult> {
  const original = map.getPixelRatio()
  const restore = size ? frameAt(map, size, zoom) : null
  if (scale !== original) map.setPixelRatio(scale)
  if (restore || scale !== original) await whenIdle()
  const source = map.getCanvas()
  const canvas = document.createElement('canvas')
  canvas.width = source.width
  canvas.height = source.height
  canvas.getContext('2d')!.drawImage(source, 0, 0)
  const y = map.getContainer().clientHeight / 2
  const metresPer100px = map.unproject([0, y]).distanceTo(map.unproject([100, y]))
  const bearing = map.getBearing()
  if (scale !== original) map.setPixelRatio(original)
  restore?.()
  if (restore || scale !== original) await whenIdle()
  return { canvas, metresPer100px, bearing }
}
