/**
 * A part loaded after the first view loads once the server is back, without anyone touching the
 * screen: the app open, its whole server stopped, the readings turned on (热力图组件未能加载, rightly),
 * the server started again, the readings turned off and on: the heatmap draws, with no page reload.
 * Twice: as a screen lives it (deck.gl loaded in idle time, the surface worker not yet started), and
 * with no idle time at all (requestIdleCallback held back), so that deck.gl itself loads after the
 * server is back.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openSession, type Session } from './support/browser'
import { StoppableServer } from './support/static-server'
import { changedPixels, snapshotCanvas, waitForMapIdle, waitForProgramsWarmed } from './support/map-probe'
import { openToolTab } from './support/tools'

/** What a stopped server causes in the console, by design. */
const EXPECTED_NOISE = /Failed to load resource|net::ERR_|Failed to fetch/

describe.each([
  ['deck.gl loaded in idle time', false],
  ['no idle time before the server went away', true],
])('the server goes away and comes back (%s)', (_name, holdIdle) => {
  const server = new StoppableServer()
  let session: Session

  beforeAll(async () => {
    await server.start()
    session = await openSession(server.url)
    if (holdIdle)
      await session.page.addInitScript(() => {
        window.requestIdleCallback = () => 0
      })
    await session.page.goto(`${server.url}#map=10.4/29.155/119.785&layers=district`)
    await waitForMapIdle(session.page)
    // As a screen lives it: the idle time's work is over before the server goes away. Under load it
    // was not always (CI, 2026-12-07): an import cut off by the stop stays failed in Chromium's module
    // map, and the page then rightly reloads itself once the server is back, which is faults.e2e's case.
    if (!holdIdle) {
      await waitForProgramsWarmed(session.page)
      await session.page.waitForFunction(
        (mark) => performance.getEntriesByName(mark).length > 0,
        'jindong:prefetch-done',
        { timeout: 60_000 },
      )
    }
  })

  afterAll(async () => {
    await session?.close()
    await server.stop()
  })

  test('the readings turned on while it is down say so; once it is back they draw, without a reload', async () => {
    const page = session.page
    // A mark on this page: a reload would lose it.
    await page.evaluate(() => Object.assign(window, { pageMark: 'before' }))
    await snapshotCanvas(page, 'before-heatmap')
    await server.stop()
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    await expect(page.locator('[data-testid="part-failure"]').innerText({ timeout: 20_000 })).resolves.toContain(
      '热力图组件未能加载',
    )

    await server.start()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script' || request.url().endsWith('.js')) scripts.push(request.url())
    })
    await page.locator('[data-testid="readings-toggle"]').uncheck()
    await page.locator('[data-testid="readings-toggle"]').check()
    await expect.poll(() => page.locator('[data-testid="part-failure"]').count(), { timeout: 30_000 }).toBe(0)
    await waitForMapIdle(page)
    // Scripts were asked for again: deck.gl, or the surface worker's.
    expect(scripts.length).toBeGreaterThan(0)
    // Polled as faults.e2e does: under load the surface's first frame can land just after the idle.
    await expect.poll(() => changedPixels(page, 'before-heatmap'), { timeout: 20_000 }).toBeGreaterThan(5000)
    expect(await page.evaluate(() => (window as unknown as { pageMark?: string }).pageMark)).toBe('before')
    expect(session.consoleProblems.filter((p) => !EXPECTED_NOISE.test(p))).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
