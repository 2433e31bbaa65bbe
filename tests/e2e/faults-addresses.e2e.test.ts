/**
 * Faults that come with the address or the profile, one session: a stored camera out of range
 * (latitude 100) no longer blanks the map and the stored language is kept; a `?tour=` that is not
 * allowed, never answers or is refused is said on the stage before the default tour plays; a tour
 * file with thousands of errors shows the first few and a count.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { countColours, hexToRgb, project, waitForMapIdle } from './support/map-probe'

const SETTINGS_KEY = 'jindong-map:settings'
const EXPECTED_NOISE = /Failed to load resource|net::ERR_|404/

const alerts = (page: Page) => page.locator('[data-testid="present-status"] [role="alert"]')

async function openTour(page: Page, query: string) {
  await page.goto(`${inject('baseUrl')}?mode=present&${query}`)
  await page.waitForSelector('[data-testid="present-status"][data-status="playing"]', { timeout: 60_000 })
  await page.keyboard.press('Space') // paused: nothing moves while we read the stage
}

describe('faults: stored settings and tour addresses', () => {
  let session: Session
  beforeAll(async () => {
    session = await openSession(inject('baseUrl'))
    // Before any script of the app runs: a camera that parses but is out of range, beside a good language.
    await session.context.addInitScript(([key, value]) => localStorage.setItem(key, value), [
      SETTINGS_KEY,
      JSON.stringify({ locale: 'en', camera: { zoom: 12, lat: 100, lng: 119.8 } }),
    ] as const)
  }, 60_000)
  afterAll(async () => {
    await session?.close()
  })

  test('a stored latitude of 100 falls back to the default view; the stored language is kept', async () => {
    const page = session.page
    await page.goto(inject('baseUrl'))
    await waitForMapIdle(page)
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en')
    // Drawn: the district's outline is on the canvas (before, the map threw and stayed blank).
    const [outline] = await countColours(page, [hexToRgb('#1f7a4a')], 12)
    expect(outline).toBeGreaterThan(1_000)
    // Framed on the district, not somewhere off the Mercator world.
    const centre = await project(page, [119.785, 29.155])
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!
    expect(centre.x).toBeGreaterThan(0)
    expect(centre.x).toBeLessThan(box.width)
    expect(centre.y).toBeGreaterThan(0)
    expect(centre.y).toBeLessThan(box.height)
  })

  test('a tour address that is not allowed is said, then the default tour plays', async () => {
    const page = session.page
    await openTour(page, 'tour=https://evil.example.test/tour.json')
    const text = await alerts(page).allInnerTexts()
    expect(text.join('\n')).toContain('is not accepted')
    expect(text.join('\n')).toContain('Playing the default tour instead')
    await expect(page.locator('[data-testid="present-caption"]').getAttribute('data-stop')).resolves.toBe(
      'district-air',
    )
  })

  test('a tour file that never answers times out with a notice, then the default tour plays', async () => {
    const page = session.page
    await page.route('**/tours/never.json', () => {}) // never answered
    await openTour(page, 'netTimeoutMs=1500&tour=tours/never.json')
    const text = (await alerts(page).allInnerTexts()).join('\n')
    expect(text).toContain('did not answer within 1.5 s')
    expect(text).toContain('Playing the default tour instead')
    await page.unroute('**/tours/never.json')
  })

  test('a refused tour file is said, then the default tour plays', async () => {
    const page = session.page
    await page.route('**/tours/refused.json', (route) => route.fulfill({ status: 403, body: 'no' }))
    await openTour(page, 'tour=tours/refused.json')
    const text = (await alerts(page).allInnerTexts()).join('\n')
    expect(text).toContain('refused the tour file tours/refused.json (HTTP 403)')
    expect(text).toContain('Playing the default tour instead')
    await page.unroute('**/tours/refused.json')
  })

  test('a tour file with 5,000 unknown fields lists the first few and a count, and plays the default', async () => {
    const page = session.page
    const fields = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`unknown${i}`, i]))
    const body = JSON.stringify({ title: { zh: '坏', en: 'Bad' }, loop: true, stops: [], ...fields })
    await page.route('**/tours/huge.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    )
    await openTour(page, 'tour=tours/huge.json')
    const lines = await alerts(page).allInnerTexts()
    expect(lines.length).toBeLessThanOrEqual(12)
    expect(lines.join('\n')).toMatch(/and \d[\d,]* more not listed/)
    expect(lines.join('\n')).toContain('Playing the default tour instead')
    await page.unroute('**/tours/huge.json')
  })

  test('no unexpected console problem and no request left the machine', () => {
    expect(session.consoleProblems.filter((line) => !EXPECTED_NOISE.test(line))).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
