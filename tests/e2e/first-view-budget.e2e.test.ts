/**
 * The first view's budget, as a visitor's browser lives it: the requests started before the map's
 * first view was drawn (the page's own resource timing, up to the `jindong:first-view-drawn` mark)
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

  beforeAll(async () => {
    session = await openSession(inject('baseUrl'))
    await session.page.goto(inject('baseUrl'))
    await session.page.waitForFunction(() => performance.getEntriesByName('jindong:first-view-drawn').length > 0, {
      timeout: 60_000,
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

  test('fetches nothing the first view does not show', () => {
    expect(before.filter((url) => LATER.test(new URL(url).pathname))).toEqual([])
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
