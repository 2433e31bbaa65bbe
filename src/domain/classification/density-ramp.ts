/**
 * The inspection density's colours, light to dark red-purple: no level meaning, just fewer or more
 * inspections. The map draws with them (src/map/heatmap-layers.ts) and the map's title card shows
 * them as its legend, so both always agree.
 */
export const DENSITY_RAMP: [number, number, number][] = [
  [254, 235, 226],
  [252, 197, 192],
  [250, 159, 181],
  [247, 104, 161],
  [197, 27, 138],
  [122, 1, 119],
]

/** A ramp colour as CSS hex ("#feebe2"). */
export const rampHex = ([r, g, b]: readonly number[]): string =>
  `#${[r, g, b].map((n) => n!.toString(16).padStart(2, '0')).join('')}`
