/**
 * The shapes of the exported picture: the map as it is on screen, a 16:9 slide, or an A4 page across
 * or upright. Sizes are in CSS pixels at 1× (2× doubles them): 1600 px on the long side, so an A4
 * page at 2× is 3200 × 2263 pixels, about 270 dpi when printed.
 */
export const PICTURE_PAGES = ['window', 'slide-16x9', 'a4-landscape', 'a4-portrait'] as const
export type PicturePage = (typeof PICTURE_PAGES)[number]

const LONG_SIDE = 1600
const A4_RATIO = 297 / 210

/** The whole picture's size at 1×, or null for the map as it is on screen. */
export function pictureSize(page: PicturePage): { width: number; height: number } | null {
  if (page === 'slide-16x9') return { width: LONG_SIDE, height: Math.round((LONG_SIDE * 9) / 16) }
  if (page === 'a4-landscape') return { width: LONG_SIDE, height: Math.round(LONG_SIDE / A4_RATIO) }
  if (page === 'a4-portrait') return { width: Math.round(LONG_SIDE / A4_RATIO), height: LONG_SIDE }
  return null
}

/** The picture's frame around the map, in CSS px at 1×: the title bar, the footer, the legend column. */
export const PICTURE_FRAME = { header: 56, footer: 34, legendWidth: 280 } as const

/** The map's size on a page of this size: less the title bar, the footer and the legend column. */
export function pictureMapSize(page: { width: number; height: number }): { width: number; height: number } {
  return {
    width: page.width - PICTURE_FRAME.legendWidth,
    height: page.height - PICTURE_FRAME.header - PICTURE_FRAME.footer,
  }
}
