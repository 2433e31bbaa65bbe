/**
 * The first view's budget, as a visitor's browser lives it: the requests started before the map's
 * first view was drawn (the page's own resource timing, up to the `jindong:first-view-drawn` mark,
 * made once the map has drawn every layer of it)
 * stay within perf-budget.json's number, and none of them is a part that loads after the first view
 * or on use (deck.gl, the import engine, 本机数据, presentation, the panels a click opens, the English
 * messages). The bytes of the first view are checked on the build (scripts/budget/check-budget.ts).
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { openSession, type Session } from './support/browser'

const budget = JSON.parse(readFileSync('perf-budget.json', 'utf8')) as { firstViewRequests: number }
/** Chunks that must not be fetched before the first view is drawn (names as the build writes them). */
const LATER =
  /\/assets\/(deck-overlay|heatmap-layers|webgl-device|import\.worker|import-client|ImportDialog|PresentationMode|kept-idb|KeptDataList|ExportMenu|WarningsPanel|AnalysisTools|MeasureTools|ShapePanel|NearbyAnalysis|sketch-controller|DataTools|MapTitleCard|BasemapPicker|BottomSheet|en)-[\w-]+\.m?js$/

describe('the first view', () => {
  let session: Session
  let before: string[] = []
  let layers: { atMark: string[]; atIdle: string[] } = { atMark: [], atIdle: [] }
  /** The map canvas's sizes (CSS px) from its making to the first view: one, when the page is laid out first. */
  let canvasSizes: string[] = []
  /** Each request for public/geo before the first view: the file and who asked (resource timing's initiator). */
  let dataRequests: { file: string; by: string }[] = []

  beforeAll(async () => {
    session = await openSession(inject('baseUrl'))
    // The app marks its first view when the map has drawn everything it was given at the start, not at
    // MapLibre's own first 'idle' (an empty map, once its style loads): cut there, the list would miss
    // the first view's data and let deck.gl in before the layers are drawn. So the test notes the map's
    // layers when the mark is made and when the page first says the map is idle, to compare.
    await session.page.addInitScript(() => {
      const page = window as unknown as {
        __layersAtMark?: string[]
        __layersAtIdle?: string[]
        __jindongMap?: { layerIds(): string[] }
      }
      const mark = performance.mark.bind(performance)
      performance.mark = (name: string, options?: PerformanceMarkOptions) => {
        if (name === 'jindong:first-view-drawn') page.__layersAtMark = page.__jindongMap?.layerIds() ?? []
        return mark(name, options)
      }
      const sizes: string[] = []
      Object.assign(window, { __canvasSizes: sizes })
      const resized = new ResizeObserver((entries) => {
        if (performance.getEntriesByName('jindong:first-view-drawn').length) return
        for (const entry of entries) sizes.push(`${entry.contentRect.width}×${entry.contentRect.height}`)
      })
      new MutationObserver(() => {
        const canvas = document.querySelector('canvas.maplibregl-canvas')
        if (canvas && !sizes.length) resized.observe(canvas)
        if (page.__layersAtIdle === undefined && document.querySelector('[data-idle="true"]'))
          page.__layersAtIdle = page.__jindongMap?.layerIds() ?? []
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-idle'] })
    })
    await session.page.goto(inject('baseUrl'))
    await session.page.waitForFunction(
      () =>
        performance.getEntriesByName('jindong:first-view-drawn').length > 0 &&
        (window as unknown as { __layersAtIdle?: string[] }).__layersAtIdle !== undefined,
      undefined,
      { timeout: 60_000 },
    )
    layers = await session.page.evaluate(() => {
      const page = window as unknown as { __layersAtMark: string[]; __layersAtIdle: string[] }
      return { atMark: page.__layersAtMark, atIdle: page.__layersAtIdle }
    })
    canvasSizes = await session.page.evaluate(() => (window as unknown as { __canvasSizes: string[] }).__canvasSizes)
    dataRequests = await session.page.evaluate(() => {
      const drawn = performance.getEntriesByName('jindong:first-view-drawn')[0]!.startTime
      return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.startTime < drawn && new URL(r.name).pathname.includes('/geo/'))
        .map((r) => ({ file: new URL(r.name).pathname.split('/').pop()!, by: r.initiatorType }))
    })
    before = await session.page.evaluate(() => {
      const drawn = performance.getEntriesByName('jindong:first-view-drawn')[0]!.startTime
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[]
      return [
        location.href,
        ...resources.filter((r) => r.startTime < drawn && !/^(data|blob):/.test(r.name)).map((r) => r.name),
      ]
    })
  })

  afterAll(() => session?.close())

  test(`starts at most ${budget.firstViewRequests} requests before its first view is drawn`, () => {
    console.log(
      `${before.length} requests before the first view:\n${before.map((u) => new URL(u).pathname).join('\n')}`,
    )
    expect(before.length).toBeGreaterThan(5)
    expect(before.length).toBeLessThanOrEqual(budget.firstViewRequests)
  })

  // The side columns are laid out while the files load, so the map is made at its final size: made full
  // width and then narrowed when the columns came with the data, it was resized and drawn again.
  test('draws the map at one size: the columns are laid out before the map is made', () => {
    expect(canvasSizes).toHaveLength(1)
    // Beside the columns, not the window's whole width (1920 px).
    expect(Number(canvasSizes[0]!.split('×')[0])).toBeLessThan(1600)
  })

  // The page preloads the manifest and every file it lists (scripts/preload-data.ts), so the data comes
  // while the scripts do; the app's own fetch takes the preloaded answer rather than asking twice.
  test('asks for its data with the page, once per file: the preloads, taken by the app', () => {
    const manifest = JSON.parse(readFileSync('dist/geo/manifest.json', 'utf8')) as { entries: { file: string }[] }
    const expected = ['manifest.json', ...manifest.entries.map((entry) => entry.file)].sort()
    expect(dataRequests.map((request) => request.file).sort()).toEqual(expected)
    expect(new Set(dataRequests.map((request) => request.by))).toEqual(new Set(['link']))
  })

  test('is marked drawn once its layers are on the map, not when the style has loaded', () => {
    expect(layers.atIdle.length).toBeGreaterThan(10)
    expect(layers.atMark).toEqual(layers.atIdle)
  })

  test('fetches nothing the first view does not show', () => {
    expect(before.filter((url) => LATER.test(new URL(url).pathname))).toEqual([])
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
