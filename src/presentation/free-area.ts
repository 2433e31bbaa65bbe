/**
 * Where the map may show its subject on the big screen: the stage minus the boxes laid over it
 * (the KPI row, the caption and its chart, the side panel, the status bar and the controls).
 *
 * The overlays are measured on the stage, so the camera's padding follows them when a caption
 * grows, a panel opens or the window is resized; nothing here is a fixed guess of their size.
 * The subject (the district, or the stop's township) is framed in the largest free rectangle of
 * its own shape, so a tall township and a wide district may each pick a different free area.
 *
 * Pure TypeScript. Boxes are in stage pixels (1920×1080), as the map's container is.
 */
import { STAGE_SIZE } from './stage-scale'

export interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

export interface Padding {
  top: number
  right: number
  bottom: number
  left: number
}

export const STAGE_BOX: Box = { left: 0, top: 0, right: STAGE_SIZE.width, bottom: STAGE_SIZE.height }

/** Space kept between the subject and any overlay or the stage edge, in stage pixels. */
export const FRAME_MARGIN = 24

export const boxWidth = (box: Box) => box.right - box.left
export const boxHeight = (box: Box) => box.bottom - box.top

/** Whether two boxes share some area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/** Whether `inner` lies within `outer`, allowing `tolerance` pixels of rounding. */
export function contains(outer: Box, inner: Box, tolerance = 0): boolean {
  return (
    inner.left >= outer.left - tolerance &&
    inner.top >= outer.top - tolerance &&
    inner.right <= outer.right + tolerance &&
    inner.bottom <= outer.bottom + tolerance
  )
}

const grow = (box: Box, by: number): Box => ({
  left: box.left - by,
  top: box.top - by,
  right: box.right + by,
  bottom: box.bottom + by,
})

/**
 * The free rectangle that fits the largest copy of a subject with width/height `aspect`: among
 * the rectangles bounded by the stage's and the overlays' edges that no overlay enters, the one
 * where min(width / aspect, height) is largest (ties: the larger area). Overlays are first grown
 * by `margin`, and the stage shrunk by it. Returns null when no free rectangle is left.
 */
export function largestFreeBox(
  stage: Box,
  overlays: readonly Box[],
  aspect: number,
  margin = FRAME_MARGIN,
): Box | null {
  const inner = grow(stage, -margin)
  const blocks = overlays.map((box) => grow(box, margin)).filter((box) => overlaps(box, inner))
  const clampX = (x: number) => Math.min(inner.right, Math.max(inner.left, x))
  const clampY = (y: number) => Math.min(inner.bottom, Math.max(inner.top, y))
  const xs = [...new Set([inner.left, inner.right, ...blocks.flatMap((b) => [clampX(b.left), clampX(b.right)])])]
  const ys = [...new Set([inner.top, inner.bottom, ...blocks.flatMap((b) => [clampY(b.top), clampY(b.bottom)])])]
  xs.sort((a, b) => a - b)
  ys.sort((a, b) => a - b)
  const shape = aspect > 0 && Number.isFinite(aspect) ? aspect : 1
  let best: Box | null = null
  let bestScore = 0
  let bestArea = 0
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      for (let k = 0; k < ys.length; k++)
        for (let l = k + 1; l < ys.length; l++) {
          const candidate = { left: xs[i]!, right: xs[j]!, top: ys[k]!, bottom: ys[l]! }
          const score = Math.min(boxWidth(candidate) / shape, boxHeight(candidate))
          const area = boxWidth(candidate) * boxHeight(candidate)
          if (score < bestScore || (score === bestScore && area <= bestArea)) continue
          if (blocks.some((block) => overlaps(block, candidate))) continue
          best = candidate
          bestScore = score
          bestArea = area
        }
  return best
}

/** The camera padding that confines the map's subject to `free` on `stage`. */
export function paddingFor(stage: Box, free: Box): Padding {
  return {
    top: Math.round(free.top - stage.top),
    right: Math.round(stage.right - free.right),
    bottom: Math.round(stage.bottom - free.bottom),
    left: Math.round(free.left - stage.left),
  }
}

/** Web Mercator y of a latitude, in world units (0 at the equator, 1 per full world height). */
function mercatorY(lat: number): number {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180
  return Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)
}

/** Width / height of a [west, south, east, north] box as Web Mercator draws it. */
export function mercatorAspect(bounds: readonly [number, number, number, number]): number {
  const [west, south, east, north] = bounds
  const width = (east - west) / 360
  const height = mercatorY(north) - mercatorY(south)
  return height > 0 && width > 0 ? width / height : 1
}

/** Whether two paddings differ by more than `tolerance` pixels on any side (worth a new camera move). */
export function paddingChanged(a: Padding | null, b: Padding | null, tolerance = 2): boolean {
  if (!a || !b) return a !== b
  return (['top', 'right', 'bottom', 'left'] as const).some((side) => Math.abs(a[side] - b[side]) > tolerance)
}
