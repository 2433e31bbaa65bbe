/**
 * A big CSV drawn as a heatmap straight from the import dialog (the bench's path), with deck.gl's
 * programs linked from the drop (HeatmapOverlay.prepare, src/map/shader-warm-up.ts), beside the parse:
 * the page has had no idle time yet (requestIdleCallback is held back, so idle-time warm-up has not
 * run), and the drop itself loads deck.gl and links its programs under the dialog, before "add".
 * Counted, not timed: the test wraps WebGL's linkProgram before the app starts and reads the count
 * when the file is dropped, when the parse's summary appears (printed: a race with the parse), once
 * the warm-up is done, and after the heatmap is drawn.
 * The hidden warm-up layers draw nothing of their own, and the heatmap is on the map at the first idle
 * after "add", linking no program, with no pan or zoom to wake it (compared with the same view, the
 * layer hidden).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { openSession, type Session } from './support/browser'
import { changedPixels, snapshotCanvas, waitForMapIdle, waitForProgramsWarmed } from './support/map-probe'
import { openToolTab } from './support/tools'

const ROWS = 100_000

/** Points on a 400 × 250 grid over the middle of the district, weighted 1–90. */
function gridCsv(rows: number): string {
  const lines = ['id,lng,lat,pm25']
  for (let i = 0; i < rows; i++) {
    const lng = 119.66 + (i % 400) * 0.0006
    const lat = 29.08 + Math.floor(i / 400) * 0.0006
    lines.push(`${i},${lng.toFixed(5)},${lat.toFixed(5)},${1 + (i % 90)}`)
  }
  return `${lines.join('\n')}\n`
}

/** What the page's init script keeps: WebGL links so far, and their count when the summary appeared. */
interface Counted {
  __linkCount: number
  __atSummary: { links: number; warmed: boolean } | null
  __jindongMap: { programsWarmed(): boolean }
}

const linkCount = (session: Session) => session.page.evaluate(() => (window as unknown as Counted).__linkCount)

describe('a big CSV drawn as a heatmap from the dialog', () => {
  let session: Session
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'big-links-'))
    writeFileSync(join(dir, 'grid.csv'), gridCsv(ROWS))
    session = await openSession(inject('baseUrl'))
    await session.page.addInitScript(() => {
      const counted = window as unknown as Counted
      counted.__linkCount = 0
      counted.__atSummary = null
      const link = WebGL2RenderingContext.prototype.linkProgram
      WebGL2RenderingContext.prototype.linkProgram = function (this: WebGL2RenderingContext, program: WebGLProgram) {
        counted.__linkCount++
        return link.call(this, program)
      }
      // No idle time before the drop: what idle time would link (HeatmapOverlay.warmWhenIdle) is left
      // to the drop. Only the map's warm-up asks for idle time (src/map/browser-idle.ts).
      window.requestIdleCallback = () => 0
      window.cancelIdleCallback = () => {}
      // The count in the same task as the parse's summary reaching the page, not when the test looks.
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-testid="import-summary"]')) return
        counted.__atSummary = { links: counted.__linkCount, warmed: counted.__jindongMap.programsWarmed() }
        observer.disconnect()
      }).observe(document, { childList: true, subtree: true })
    })
    await session.page.goto(`${inject('baseUrl')}#map=10.4/29.155/119.785&layers=counties,district,rivers,towns`)
    await waitForMapIdle(session.page)
  }, 180_000)
  afterAll(async () => {
    await session?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('programs linked from the drop, before "add"; the warm-up draws nothing; the heatmap links none', async () => {
    const page = session.page
    await snapshotCanvas(page, 'before')
    // Idle time has not come: deck.gl is not loaded and none of its programs is linked.
    await expect(page.evaluate(() => (window as unknown as Counted).__jindongMap.programsWarmed())).resolves.toBe(false)
    const atDrop = await linkCount(session)
    expect(atDrop).toBeGreaterThan(0) // MapLibre's own: the wrapper sees the app's links

    await page.locator('[data-testid="import-input"]').setInputFiles(join(dir, 'grid.csv'))
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 })
    const atSummary = await page.evaluate(() => (window as unknown as Counted).__atSummary)
    // How far the links had come when the summary showed is a race with the parse (a quick parse wins
    // it: 10 of 10 once the progress bar stopped costing the worker its CPU): printed, not asserted.
    console.log(`WebGL links: ${atDrop} at the drop, ${atSummary!.links} when the summary showed`)
    // Idle time is held back, so only the drop can link deck.gl's programs: all are linked before "add".
    await waitForProgramsWarmed(page, 120_000)
    const warmed = await linkCount(session)
    expect(warmed).toBeGreaterThan(atDrop)
    // deck.gl is loaded and its programs are linked under the dialog: the map looks the same.
    await waitForMapIdle(page, 120_000)
    expect(await changedPixels(page, 'before')).toBeLessThan(500)

    await page.locator('[data-testid="import-point-display"]').selectOption('heatmap')
    await page.locator('[data-testid="import-point-weight"]').selectOption('pm25')
    await page.locator('[data-testid="import-confirm"]').click()
    await waitForMapIdle(page, 120_000)
    // The heatmap's first frame linked nothing: every program it uses was linked during the parse.
    await expect(linkCount(session)).resolves.toBe(warmed)
    // The camera jumped to the data: compare with the same view, the layer hidden.
    await snapshotCanvas(page, 'heatmap')
    await openToolTab(page, 'layers')
    await page
      .locator('[data-testid="layer-list"] li', { hasText: 'grid.csv' })
      .locator('input[type="checkbox"]')
      .first()
      .uncheck()
    await waitForMapIdle(page, 120_000)
    expect(await changedPixels(page, 'heatmap')).toBeGreaterThan(20_000)
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
