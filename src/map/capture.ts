/**
 * The map's pixels for export, at `scale` CSS-pixel ratio (1 or 2), plus the length in metres of
 * 100 CSS pixels at the centre for the scale bar. The device pixel ratio is restored afterwards.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'

export interface MapCaptureResult {
  canvas: HTMLCanvasElement
  metresPer100px: number
}

export async function captureMap(
  map: MapLibreMap,
  scale: number,
  whenIdle: () => Promise<void>,
): Promise<MapCaptureResult> {
  const original = map.getPixelRatio()
  if (scale !== original) {
    map.setPixelRatio(scale)
    await whenIdle()
  }
  const source = map.getCanvas()
  const canvas = document.createElement('canvas')
  canvas.width = source.width
  canvas.height = source.height
  canvas.getContext('2d')!.drawImage(source, 0, 0)
  const y = map.getContainer().clientHeight / 2
  const metresPer100px = map.unproject([0, y]).distanceTo(map.unproject([100, y]))
  if (scale !== original) {
    map.setPixelRatio(original)
    await whenIdle()
  }
  return { canvas, metresPer100px }
}
