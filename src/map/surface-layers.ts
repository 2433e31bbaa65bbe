/**
 * deck.gl layers for the concentration surface: the interpolated image (BitmapLayer, one texel per
 * ~200 m cell, nearest filtering so each cell keeps its level's colour exactly), and the stations
 * on top as rings with their readings. Loaded with a dynamic import() like heatmap-layers.ts.
 */
import { BitmapLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers'
import type { PickingInfo } from '@deck.gl/core'

export interface SurfaceLayersOptions {
  image: HTMLCanvasElement
  /** [west, south, east, north] as drawn. */
  bounds: [number, number, number, number]
  columns: number
  values: Float32Array
  /** Stations as drawn: lng,lat interleaved, and their readings. */
  stations: { positions: Float64Array; values: Float32Array }
  opacity: number
  beforeId: string | undefined
  /** The surface value under the pointer (null off the surface) and where the pointer is. */
  onHoverValue: (value: number | null, point: { x: number; y: number }) => void
}

interface Station {
  position: [number, number]
  label: string
}

export function surfaceLayers(options: SurfaceLayersOptions) {
  const under = { beforeId: options.beforeId } as Record<string, unknown>
  const stations: Station[] = []
  for (let i = 0; i < options.stations.values.length; i++) {
    stations.push({
      position: [options.stations.positions[2 * i]!, options.stations.positions[2 * i + 1]!],
      label: (Math.round(options.stations.values[i]! * 10) / 10).toString(),
    })
  }
  const onHover = (info: PickingInfo & { bitmap?: { pixel: [number, number] } | null }) => {
    const pixel = info.bitmap?.pixel
    const value = pixel ? options.values[pixel[1] * options.columns + pixel[0]] : undefined
    options.onHoverValue(value === undefined || Number.isNaN(value) ? null : value, { x: info.x, y: info.y })
    return false
  }
  return [
    new BitmapLayer({
      id: 'readings-surface-bitmap',
      image: options.image,
      bounds: options.bounds,
      opacity: options.opacity,
      // Each cell one flat colour: no blending of neighbouring levels into colours of no level.
      textureParameters: { minFilter: 'nearest', magFilter: 'nearest', mipmapFilter: 'none' },
      pickable: true,
      onHover,
    }).clone(under),
    new ScatterplotLayer<Station>({
      id: 'readings-surface-stations',
      data: stations,
      getPosition: (s) => s.position,
      // A ring, so the pixel at the station itself shows the surface there.
      stroked: true,
      filled: false,
      radiusUnits: 'pixels',
      getRadius: 7,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
      getLineColor: [33, 37, 41, 255],
    }).clone(under),
    new TextLayer<Station>({
      id: 'readings-surface-values',
      data: stations,
      getPosition: (s) => s.position,
      getText: (s) => s.label,
      getSize: 13,
      getPixelOffset: [0, -18],
      getColor: [33, 37, 41, 255],
      background: true,
      getBackgroundColor: [255, 255, 255, 220],
      backgroundPadding: [3, 1],
      fontFamily: 'sans-serif',
      characterSet: '0123456789.-',
    }).clone(under),
  ]
}
