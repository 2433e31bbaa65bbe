/**
 * Paper for print-ready maps (出图): A4 and A3, across or upright, at a scale the planner chooses (1:N)
 * or as on screen. The page is the meeting picture's frame (title bar, legend column, footer: see
 * picture-pages.ts) laid on paper at 96 CSS px to the inch, so the PDF and the 300 dpi PNG show the
 * same page; the map is drawn at the size the frame leaves it, at 300 dpi (or less where a device
 * cannot hold that many pixels: `printPixelRatio`).
 *
 * Pure TypeScript.
 */
export const PRINT_PAPERS = ['a4-landscape', 'a4-portrait', 'a3-landscape', 'a3-portrait'] as const
export type PrintPaper = (typeof PRINT_PAPERS)[number]

/** 0: the map's scale as on screen; otherwise the N of 1:N. */
export const PRINT_SCALES = [0, 10_000, 25_000, 50_000, 100_000, 200_000] as const

export const MM_PER_INCH = 25.4
/** CSS pixels per inch: a page laid out in CSS px prints at this many to the inch. */
export const CSS_PX_PER_INCH = 96
export const PRINT_DPI = 300

const PAPER_MM: Record<'a4' | 'a3', [number, number]> = { a4: [297, 210], a3: [420, 297] }

/** The paper's size in mm. */
export function paperMm(paper: PrintPaper): { widthMm: number; heightMm: number } {
  const [long, short] = PAPER_MM[paper.startsWith('a3') ? 'a3' : 'a4']
  return paper.endsWith('landscape') ? { widthMm: long, heightMm: short } : { widthMm: short, heightMm: long }
}

/** The paper's size in CSS px (96 to the inch), the unit the picture's layout is drawn in. */
export function paperCssPx(paper: PrintPaper): { width: number; height: number } {
  const { widthMm, heightMm } = paperMm(paper)
  return {
    width: Math.round((widthMm / MM_PER_INCH) * CSS_PX_PER_INCH),
    height: Math.round((heightMm / MM_PER_INCH) * CSS_PX_PER_INCH),
  }
}

/** Metres of ground per CSS px on paper at 1:N (one CSS px is 25.4/96 mm). */
export function metresPerCssPxAt(n: number): number {
  return (n * MM_PER_INCH) / CSS_PX_PER_INCH / 1000
}

/** The N of 1:N that a map drawn at `metresPerCssPx` has on paper. */
export function scaleOf(metresPerCssPx: number): number {
  return (metresPerCssPx * 1000 * CSS_PX_PER_INCH) / MM_PER_INCH
}

/** 1:48,713 → 1:48,700: a scale stated as on screen keeps three significant digits (it holds at the centre). */
export function roundScale(n: number): number {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 2)
  return Math.round(n / magnitude) * magnitude
}

const EARTH_CIRCUMFERENCE = 40_075_016.686
/** MapLibre's tiles are 512 CSS px: at zoom z one px covers C·cos φ / (512 · 2^z) metres. */
const TILE_SIZE = 512

/** The zoom at which one CSS px covers `metresPerCssPx` at latitude `lat` (Web Mercator). */
export function zoomFor(metresPerCssPx: number, lat: number): number {
  return Math.log2((EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (TILE_SIZE * metresPerCssPx))
}

/**
 * Device pixels per CSS px for the map on paper: 300 dpi, less where the map would not fit the
 * device's largest drawing buffer (`maxPixels` on a side) or its memory (`maxMegapixels`; a phone
 * gets fewer). `reduced` says the dpi had to come down, so the user is told.
 */
export function printPixelRatio(
  mapCssPx: { width: number; height: number },
  limits: { maxSide: number; maxMegapixels: number },
): { ratio: number; dpi: number; reduced: boolean } {
  const wanted = PRINT_DPI / CSS_PX_PER_INCH
  const bySide = limits.maxSide / Math.max(mapCssPx.width, mapCssPx.height)
  const byArea = Math.sqrt((limits.maxMegapixels * 1e6) / (mapCssPx.width * mapCssPx.height))
  const ratio = Math.min(wanted, bySide, byArea)
  return { ratio, dpi: Math.floor(ratio * CSS_PX_PER_INCH), reduced: ratio < wanted }
}
