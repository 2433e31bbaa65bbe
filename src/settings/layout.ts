/**
 * Which layout a window gets, and where a bottom sheet settles after a drag. Pure, so the
 * thresholds are tested in node; the components only read the answers.
 */

export type LayoutKind = 'phone' | 'tablet' | 'desktop'

/**
 * Phones (portrait, or landscape with little height) get the map under a compact header and a
 * bottom sheet; tablets get collapsible columns; from 1280 px wide the desktop's three columns.
 */
export function layoutFor(width: number, height: number): LayoutKind {
  if (width < 600 || (height < 500 && width < 1000)) return 'phone'
  if (width < 1280) return 'tablet'
  return 'desktop'
}

export type SheetSnap = 'peek' | 'half' | 'full'

export const SHEET_SNAPS: readonly SheetSnap[] = ['peek', 'half', 'full']

/** The sheet's height in CSS pixels at each snap, inside a space `available` pixels high. */
export function snapHeights(available: number): Record<SheetSnap, number> {
  const full = Math.max(0, available - 8)
  return {
    peek: Math.min(full, 112),
    half: Math.min(full, Math.max(160, Math.round(available * 0.5))),
    full,
  }
}

/**
 * Where a dragged sheet settles: the nearest snap to where it was let go, or — after a flick
 * (more than 0.5 px/ms) — the next snap in the flick's direction. Dragged well below the peek
 * height, the sheet closes (null). `velocity` is in px/ms, positive when the sheet grows.
 */
export function settleSnap(height: number, velocity: number, available: number): SheetSnap | null {
  const heights = snapHeights(available)
  if (height < heights.peek * 0.6 && velocity <= 0) return null
  const ordered = SHEET_SNAPS.map((snap) => ({ snap, h: heights[snap] }))
  if (Math.abs(velocity) > 0.5) {
    const next =
      velocity > 0 ? ordered.find((o) => o.h > height + 1) : [...ordered].reverse().find((o) => o.h < height - 1)
    if (next) return next.snap
    return velocity > 0 ? 'full' : null
  }
  let best = ordered[0]!
  for (const o of ordered) if (Math.abs(o.h - height) < Math.abs(best.h - height)) best = o
  return best.snap
}

/** The next snap for the keyboard (Enter on the handle): peek → half → full → peek. */
export function nextSnap(snap: SheetSnap): SheetSnap {
  return SHEET_SNAPS[(SHEET_SNAPS.indexOf(snap) + 1) % SHEET_SNAPS.length]!
}
