/**
 * deck.gl made ready in idle time: after the first view is drawn, every layer of it (never before it), the app loads
 * deck.gl and links the programs its point layers use, so a large file dropped afterwards is
 * parsed, added and drawn without linking a single WebGL program on the main thread (each link is a
 * synchronous wait on the GPU process: 0.2–0.6 s on a CPU renderer). Counted, not timed: the test
 * wraps WebGL's linkProgram before the app starts and reads the count before and after the drop.
 * The sets are then kept in 本机数据 (sent to its writer in pieces) and restored after a reload.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { openSession, type Session } from './support/browser'
import {
  changedPixels,
  noteFirstIdle,
  snapshotCanvas,
  waitForMapIdle,
  waitForProgramsWarmed,
} from './support/map-probe'
import { openToolTab } from './support/tools'

/** Over the large-point threshold (50,000) and over 1 MB, as a ledger staff would drop. */
const ROWS = 60_000
const FIRST_VIEW_MARK = 'jindong:first-view-drawn'

function pointsCsv(rows: number): string {
  const lines = ['id,name,lng,lat,pm25']
  for (let i = 0; i < rows; i++) {
    const lng = 119.66 + (i % 300) * 0.0008
    const lat = 29.08 + Math.floor(i / 300) * 0.0007
    lines.push(`${i},监测点-${i},${lng.toFixed(5)},${lat.toFixed(5)},${(i * 13) % 120}`)
  }
  return `${lines.join('\n')}\n`
}

interface Counted {
  __linkCount: number
}

describe('deck.gl made ready in idle time', () => {
  let session: Session
  let dir: string
  let path: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'idle-warm-up-'))
    path = join(dir, 'ledger-points.csv')
    writeFileSync(path, pointsCsv(ROWS))
    session = await openSession(inject('baseUrl'))
    // When the page first says the map is idle with everything it was given drawn (the data too).
    await noteFirstIdle(session.page)
    await session.page.addInitScript(() => {
      const counted = window as unknown as Counted
      counted.__linkCount = 0
      const link = WebGL2RenderingContext.prototype.linkProgram
      WebGL2RenderingContext.prototype.linkProgram = function (this: WebGL2RenderingContext, program: WebGLProgram) {
        counted.__linkCount++
        return link.call(this, program)
      }
    })
    await session.page.goto(`${inject('baseUrl')}#map=10.4/29.155/119.785&layers=counties,district,rivers,towns`)
    await waitForMapIdle(session.page)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const programsWarmed = () => waitForProgramsWarmed(session.page)

  test('deck.gl is fetched after the first view is drawn, never before it, and silently', async () => {
    await programsWarmed()
    const timing = await session.page.evaluate((mark) => {
      const firstView = performance.getEntriesByName(mark)[0]?.startTime ?? null
      const deck = performance
        .getEntriesByType('resource')
        .find((entry) => /\/assets\/deck-overlay-[\w-]+\.js$/.test(entry.name))
      const firstIdle = (window as unknown as { __firstIdleAt?: number }).__firstIdleAt ?? null
      return { firstView, firstIdle, deckFetched: deck?.startTime ?? null }
    }, FIRST_VIEW_MARK)
    expect(timing.firstView).not.toBeNull()
    expect(timing.firstIdle).not.toBeNull()
    expect(timing.deckFetched).not.toBeNull()
    expect(timing.deckFetched!).toBeGreaterThan(timing.firstView!)
    // After the first complete view, not MapLibre's first 'idle' (an empty map, once its style loads):
    // deck.gl fetched and linked while the layers are still being drawn takes the first view's time.
    expect(timing.deckFetched!).toBeGreaterThan(timing.firstIdle!)
    await expect(session.page.locator('[data-testid="part-failure"]').count()).resolves.toBe(0)
  })

  test('a large file dropped afterwards draws as heatmap, points and hexagons, linking no program', async () => {
    const page = session.page
    await programsWarmed()
    await waitForMapIdle(page)
    const linkedBefore = await page.evaluate(() => (window as unknown as Counted).__linkCount)
    expect(linkedBefore).toBeGreaterThan(0) // the wrapper sees the app's links: it can tell

    for (const display of ['heatmap', 'points', 'hexagon']) {
      await snapshotCanvas(page, `before-${display}`)
      await page.locator('[data-testid="import-input"]').setInputFiles(path)
      await page.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 })
      await page.locator('[data-testid="import-point-display"]').selectOption(display)
      if (display !== 'points') await page.locator('[data-testid="import-point-weight"]').selectOption('pm25')
      await page.locator('[data-testid="import-confirm"]').click()
      await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
      await waitForMapIdle(page, 120_000)
      await expect
        .poll(() => changedPixels(page, `before-${display}`), { timeout: 30_000 })
        .toBeGreaterThan(display === 'points' ? 2_000 : 20_000)
      await expect(page.evaluate(() => (window as unknown as Counted).__linkCount)).resolves.toBe(linkedBefore)
    }
  })

  test('the three large point sets are kept (written in pieces) and come back after a reload', async () => {
    const page = session.page
    await openToolTab(page, 'data')
    await page.waitForSelector('[data-testid="kept-data"][data-state="on"][data-pending="false"]', { timeout: 60_000 })
    await page.reload()
    await waitForMapIdle(page)
    await openToolTab(page, 'layers')
    const counts = page.locator('[data-testid="big-points-count"]')
    await expect.poll(() => counts.count(), { timeout: 60_000 }).toBe(3)
    for (const text of await counts.allInnerTexts()) expect(text).toContain('60,000')
    // Restored whole: a set put back wrongly throws as soon as the app reads its columns.
    await waitForMapIdle(page)
    expect(session.consoleProblems).toEqual([])
  })

  test('no unexpected console problem and no request left the machine', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
