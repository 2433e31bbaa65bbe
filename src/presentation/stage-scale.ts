/**
 * The presentation overlay (KPI header, caption bar, stop progress) is laid out once, on a
 * 1920×1080 stage, and scaled uniformly to the screen with a CSS transform. Nothing reflows, so a
 * layout checked at 1080p is the layout on a 4K lobby screen and on a 1366×768 laptop driving a
 * projector; a screen of another shape gets bars (letterbox or pillarbox), centred.
 *
 * Scale only the overlay, not the map: MapLibre measures its container and maps pointer positions
 * in untransformed pixels, so the map should fill the viewport at native resolution beneath it.
 *
 * Pure TypeScript. Sizes are CSS pixels (window.innerWidth / innerHeight).
 */

export const STAGE_SIZE = { width: 1920, height: 1080 } as const

/**
 * The smallest text the presentation overlay may use, in 1080p pixels: the project's floor for
 * text read from across a meeting room, meant for secondary text such as provenance notes.
 */
export const MIN_LEGIBLE_PX = 18

export interface Viewport {
  width: number
  height: number
}

export interface StageTransform {
  scale: number
  /** Left bar width: where the stage's left edge lands, in viewport pixels. */
  offsetX: number
  /** Top bar height. */
  offsetY: number
}

/**
 * The uniform scale that fits the stage inside the viewport, and the offsets that centre it.
 * A viewport with no area (a minimised window, a hidden iframe) gets the identity transform:
 * there is nothing to fit, and a zero scale would make every later inverse mapping divide by zero.
 */
export function stageTransform(viewport: Viewport): StageTransform {
  const { width, height } = viewport
  if (!(Number.isFinite(width) && Number.isFinite(height) && width > 0 && height > 0)) {
    return { scale: 1, offsetX: 0, offsetY: 0 }
  }
  const scale = Math.min(width / STAGE_SIZE.width, height / STAGE_SIZE.height)
  return {
    scale,
    offsetX: (width - STAGE_SIZE.width * scale) / 2,
    offsetY: (height - STAGE_SIZE.height * scale) / 2,
  }
}

/** The CSS for the stage element; use with `transform-origin: 0 0` and a 1920×1080 box. */
export function stageCssTransform(transform: StageTransform): string {
  return `translate(${transform.offsetX}px, ${transform.offsetY}px) scale(${transform.scale})`
}

/** A viewport point (a pointer event's clientX/clientY) in stage coordinates. */
export function viewportToStage(point: { x: number; y: number }, transform: StageTransform): { x: number; y: number } {
  return { x: (point.x - transform.offsetX) / transform.scale, y: (point.y - transform.offsetY) / transform.scale }
}

/** A stage point in viewport coordinates. */
export function stageToViewport(point: { x: number; y: number }, transform: StageTransform): { x: number; y: number } {
  return { x: point.x * transform.scale + transform.offsetX, y: point.y * transform.scale + transform.offsetY }
}

/**
 * How large stage text of `fontPx` looks, in 1080p pixels, at `scale`.
 *
 * Scaling down shrinks it (a 1366×768 window shows 18 px stage text at 12.8 px). Scaling up earns
 * nothing: a 3840×2160 screen shows the stage at scale 2, and the text takes the same share of the
 * screen's height as it does on a 1080p screen, which is what legibility from across a room
 * depends on.
 */
export function effectiveFontPx(fontPx: number, scale: number): number {
  return fontPx * Math.min(scale, 1)
}

/** Whether stage text of `fontPx` is at least MIN_LEGIBLE_PX effective at `scale`. */
export function isLegibleAt(fontPx: number, scale: number): boolean {
  // Rounded to a hundredth so that 18 px at scale 1 is not failed by floating-point noise.
  return Math.round(effectiveFontPx(fontPx, scale) * 100) / 100 >= MIN_LEGIBLE_PX
}

/** The smallest whole stage font size that is legible at `scale`. */
export function minimumLegibleFontPx(scale: number): number {
  if (!(scale > 0)) return Number.POSITIVE_INFINITY
  return Math.ceil(MIN_LEGIBLE_PX / Math.min(scale, 1) - 1e-9)
}
