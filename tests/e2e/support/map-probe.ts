/**
 * Reading what the map shows, as a person would see it: pixels of the map canvas, and where a
 * place lands on screen. Pixels are read from the WebGL canvas (the map keeps its drawing buffer).
 */
import type { Page } from 'playwright-core'

export type Rgb = [number, number, number]

export function hexToRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.replace('#', ''), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** Waits until the map has loaded its data and reported idle. */
export async function waitForMapIdle(page: Page, timeout = 60_000) {
  await page.waitForSelector('[data-idle="true"]', { timeout })
}

/**
 * Waits until idle time after the first view has loaded deck.gl and linked its programs
 * (HeatmapOverlay.warmWhenIdle): one-time work that tests measuring a heap or losing the WebGL
 * context let finish first.
 */
export async function waitForProgramsWarmed(page: Page, timeout = 60_000) {
  await page.waitForFunction(
    () => (window as unknown as { __jindongMap: { programsWarmed(): boolean } }).__jindongMap.programsWarmed(),
    undefined,
    { timeout, polling: 100 },
  )
}

/** How many canvas pixels (optionally within a box) are within `tolerance` of each colour. */
export async function countColours(
  page: Page,
  colours: Rgb[],
  tolerance = 6,
  box?: { x: number; y: number; width: number; height: number },
): Promise<number[]> {
  return page.evaluate(
    ({ colours, tolerance, box }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')
      if (!canvas) throw new Error('no map canvas')
      const scale = canvas.width / canvas.clientWidth
      const area = box ?? { x: 0, y: 0, width: canvas.clientWidth, height: canvas.clientHeight }
      const copy = document.createElement('canvas')
      copy.width = Math.max(1, Math.round(area.width * scale))
      copy.height = Math.max(1, Math.round(area.height * scale))
      const context = copy.getContext('2d', { willReadFrequently: true })!
      context.drawImage(canvas, area.x * scale, area.y * scale, copy.width, copy.height, 0, 0, copy.width, copy.height)
      const pixels = context.getImageData(0, 0, copy.width, copy.height).data
      const counts = colours.map(() => 0)
      for (let i = 0; i < pixels.length; i += 4) {
        colours.forEach(([r, g, b], c) => {
          if (
            Math.abs(pixels[i]! - r) <= tolerance &&
            Math.abs(pixels[i + 1]! - g) <= tolerance &&
            Math.abs(pixels[i + 2]! - b) <= tolerance
          )
            counts[c]!++
        })
      }
      return counts
    },
    { colours, tolerance, box },
  )
}

/**
 * Keeps a copy of the map canvas in the page under `name`; `changedPixels` later says how many
 * pixels differ from it. Compares what is drawn without knowing which colours to expect.
 */
export async function snapshotCanvas(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!
    const copy = document.createElement('canvas')
    copy.width = canvas.width
    copy.height = canvas.height
    const context = copy.getContext('2d', { willReadFrequently: true })!
    context.drawImage(canvas, 0, 0)
    const store = ((window as unknown as { __snapshots?: Record<string, Uint8ClampedArray> }).__snapshots ??= {})
    store[name] = context.getImageData(0, 0, copy.width, copy.height).data
  }, name)
}

export async function changedPixels(page: Page, name: string): Promise<number> {
  return page.evaluate((name) => {
    const before = (window as unknown as { __snapshots: Record<string, Uint8ClampedArray> }).__snapshots[name]!
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!
    const copy = document.createElement('canvas')
    copy.width = canvas.width
    copy.height = canvas.height
    const context = copy.getContext('2d', { willReadFrequently: true })!
    context.drawImage(canvas, 0, 0)
    const after = context.getImageData(0, 0, copy.width, copy.height).data
    let changed = 0
    for (let i = 0; i < after.length; i += 4) {
      if (
        Math.abs(after[i]! - before[i]!) +
          Math.abs(after[i + 1]! - before[i + 1]!) +
          Math.abs(after[i + 2]! - before[i + 2]!) >
        24
      )
        changed++
    }
    return changed
  }, name)
}

/**
 * How many pixels in a box are dark (all channels below `below`): text is antialiased grey on a
 * light halo, so "dark" says more about whether a label is there than its exact colour does.
 */
export async function countDarkPixels(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
  below = 140,
): Promise<number> {
  const [count] = await countColours(page, [[below / 2, below / 2, below / 2]], below / 2, box)
  return count!
}

/** Screen position (CSS pixels, relative to the map canvas) of a WGS84 point, from the map probe. */
export async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((lngLat) => {
    const probe = (window as unknown as { __jindongMap?: { project(p: [number, number]): { x: number; y: number } } })
      .__jindongMap
    if (!probe) throw new Error('map probe missing')
    return probe.project(lngLat)
  }, lngLat)
}

/** Texts of the symbols MapLibre actually placed for one map layer. */
export async function renderedLabels(page: Page, mapLayerId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const probe = (window as unknown as { __jindongMap?: { renderedLabels(id: string): string[] } }).__jindongMap
    if (!probe) throw new Error('map probe missing')
    return probe.renderedLabels(id)
  }, mapLayerId)
}

/** The canvas's position in the page, to turn canvas coordinates into mouse coordinates. */
export async function canvasOrigin(page: Page): Promise<{ x: number; y: number }> {
  const box = await page.locator('.maplibregl-canvas').boundingBox()
  if (!box) throw new Error('map canvas not visible')
  return { x: box.x, y: box.y }
}

/** Colours of the map canvas at several CSS-pixel points, from one copy of the canvas. */
export async function pixelsAt(page: Page, points: { x: number; y: number }[]): Promise<Rgb[]> {
  return page.evaluate((points) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!
    const scale = canvas.width / canvas.clientWidth
    const copy = document.createElement('canvas')
    copy.width = canvas.width
    copy.height = canvas.height
    const context = copy.getContext('2d', { willReadFrequently: true })!
    context.drawImage(canvas, 0, 0)
    const data = context.getImageData(0, 0, copy.width, copy.height).data
    return points.map(({ x, y }) => {
      const i = (Math.round(y * scale) * copy.width + Math.round(x * scale)) * 4
      return [data[i]!, data[i + 1]!, data[i + 2]!] as Rgb
    })
  }, points)
}

/**
 * A lattice of points over the map canvas, every `step` CSS pixels from (20, 20), each with the map's
 * own coordinate under it (GCJ-02 on a GCJ-02 basemap, WGS84 otherwise).
 */
export async function screenLattice(
  page: Page,
  step: number,
): Promise<{ x: number; y: number; lngLat: [number, number] }[]> {
  const box = (await page.locator('.maplibregl-canvas').boundingBox())!
  const lattice: { x: number; y: number }[] = []
  for (let x = 20; x < box.width; x += step) for (let y = 20; y < box.height; y += step) lattice.push({ x, y })
  const lngLats = await page.evaluate(
    (points) =>
      points.map(({ x, y }) =>
        (
          window as unknown as { __jindongMap: { displayedLngLat(x: number, y: number): [number, number] } }
        ).__jindongMap.displayedLngLat(x, y),
      ),
    lattice,
  )
  return lattice.map((p, i) => ({ ...p, lngLat: lngLats[i]! }))
}

/** The centre of the pixels of one colour near a screen point (CSS pixels), and how many there are. */
export async function colourCentre(page: Page, colour: Rgb, around: { x: number; y: number }) {
  return page.evaluate(
    ({ colour, around }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!
      const scale = canvas.width / canvas.clientWidth
      const copy = document.createElement('canvas')
      copy.width = canvas.width
      copy.height = canvas.height
      const context = copy.getContext('2d', { willReadFrequently: true })!
      context.drawImage(canvas, 0, 0)
      const data = context.getImageData(0, 0, copy.width, copy.height).data
      let sx = 0
      let sy = 0
      let n = 0
      const reach = 30 * scale
      for (let y = Math.max(0, Math.round(around.y * scale - reach)); y < around.y * scale + reach; y++)
        for (let x = Math.max(0, Math.round(around.x * scale - reach)); x < around.x * scale + reach; x++) {
          const i = (y * copy.width + x) * 4
          const near =
            Math.abs(data[i]! - colour[0]) < 40 &&
            Math.abs(data[i + 1]! - colour[1]) < 40 &&
            Math.abs(data[i + 2]! - colour[2]) < 40
          if (near) {
            sx += x + 0.5
            sy += y + 0.5
            n++
          }
        }
      return n ? { x: sx / n / scale, y: sy / n / scale, n } : { x: NaN, y: NaN, n: 0 }
    },
    { colour, around },
  )
}

/**
 * Notes, from before any script of the page runs, when the page first says its map is idle
 * (`[data-idle="true"]`: everything it was given at the start drawn). Call before `page.goto`; read
 * it with firstIdleAt. The observer's callback stays anonymous and inline: tsx would wrap a named one
 * in a __name() helper the page lacks.
 */
export async function noteFirstIdle(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const target = window as unknown as { __firstIdleAt?: number }
      if (target.__firstIdleAt === undefined && document.querySelector('[data-idle="true"]'))
        target.__firstIdleAt = performance.now()
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-idle'] })
  })
}

/** The page's time (performance.now()) of its first `[data-idle="true"]`, waiting for it (see noteFirstIdle). */
export async function firstIdleAt(page: Page, timeout = 90_000): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __firstIdleAt?: number }).__firstIdleAt !== undefined,
    undefined,
    { timeout, polling: 50 },
  )
  return page.evaluate(() => (window as unknown as { __firstIdleAt: number }).__firstIdleAt)
}
