/**
 * deck.gl heatmaps in the built app (deck.gl is loaded after the first view, see
 * idle-warm-up.e2e.test.ts), drawn interleaved with MapLibre: the month slider changes the readings
 * heatmap, and the inspection hexagons count exactly the points the aggregation worker counts, month
 * filter included, as do the township panels.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { openSession, type Session } from './support/browser'
import { changedPixels, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const SHOTS = 'test-results/screenshots'

/** Points of the built inspections layer in months from–to (the e2e build serves public/geo as is). */
function inspectionsInMonths(from: number, to: number): number {
  const collection = JSON.parse(readFileSync('public/geo/enforcement.geojson', 'utf8')) as {
    features: { properties: { month: number } }[]
  }
  return collection.features.filter((f) => f.properties.month >= from && f.properties.month <= to).length
}

describe('heatmaps', () => {
  let session: Session
  const scripts: string[] = []
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    session = await openSession(inject('baseUrl'))
    session.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await session.page.goto(`${inject('baseUrl')}#map=10.4/29.155/119.785&layers=counties,district,rivers,seats`)
    await waitForMapIdle(session.page)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  const hexTotal = () =>
    session.page.evaluate(async () =>
      (
        window as unknown as { __jindongMap: { hexagonBinTotal(): Promise<number | null> } }
      ).__jindongMap.hexagonBinTotal(),
    )
  const shownTotal = async () =>
    Number(await session.page.locator('[data-testid="density-total"]').getAttribute('data-total'))

  test('the readings heatmap draws, and the month slider changes it', async () => {
    const page = session.page
    await snapshotCanvas(page, 'no-heatmap')
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    await waitForMapIdle(page)
    await expect.poll(() => changedPixels(page, 'no-heatmap'), { timeout: 20_000 }).toBeGreaterThan(20_000)
    expect(scripts.some((url) => /heatmap-layers/.test(url))).toBe(true)
    await page.screenshot({ path: `${SHOTS}/heatmap-readings-jan.png` })
    await snapshotCanvas(page, 'january')
    await page.locator('[data-testid="month-slider"]').fill('8')
    await expect(page.locator('[data-testid="month-label"]').innerText()).resolves.toContain('8月')
    await waitForMapIdle(page)
    await expect.poll(() => changedPixels(page, 'january'), { timeout: 20_000 }).toBeGreaterThan(5_000)
    await expect(page.locator('[data-testid="readings-legend"] li').count()).resolves.toBe(6)
    await page.locator('[data-testid="readings-toggle"]').uncheck()
  })

  test('the hexagons count exactly what the worker counts, with and without a month filter', async () => {
    const page = session.page
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="hexagon-style"]').check()
    await page.locator('[data-testid="density-toggle"]').check()
    await waitForMapIdle(page)
    await expect.poll(shownTotal, { timeout: 20_000 }).toBe(1136)
    await expect.poll(hexTotal, { timeout: 20_000 }).toBe(1136)
    await page.screenshot({ path: `${SHOTS}/heatmap-hexagons.png` })

    await page.locator('[data-testid="months-from"]').selectOption('3')
    await page.locator('[data-testid="months-to"]').selectOption('5')
    // The two selects change the filter twice (3–10, then 3–5): wait for the count of the final
    // range, read from the built data, not for the first total below 1,136.
    const filtered = inspectionsInMonths(3, 5)
    expect(filtered).toBeGreaterThan(0)
    expect(filtered).toBeLessThan(1136)
    await expect.poll(shownTotal, { timeout: 20_000 }).toBe(filtered)
    await expect.poll(hexTotal, { timeout: 20_000 }).toBe(filtered)

    // The township panels count the same months: summed over all townships, inspections plus
    // cases equal the points the filter keeps.
    await page.locator('[data-testid="tab-details"]').click()
    let sum = 0
    const codes = await page
      .locator('[data-testid="town-list"] button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-code')!))
    for (const code of codes) {
      await page.locator(`[data-testid="town-list"] button[data-code="${code}"]`).click()
      for (const indicator of ['inspections', 'cases']) {
        const text = await page
          .locator(`[data-testid="area-panel"] [data-indicator="${indicator}"] td`)
          .first()
          .innerText()
        sum += Number.parseInt(text.replace(/,/g, ''), 10)
      }
      await page.locator('[data-testid="area-panel"] .close').click()
    }
    expect(sum).toBe(filtered)
  })

  test('hovering a hexagon shows its count', async () => {
    const page = session.page
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!
    // Sweep a row across the district until the pointer lands on a hexagon.
    let count: string | null = null
    for (let x = box.x + box.width * 0.3; x < box.x + box.width * 0.7 && !count; x += 12) {
      await page.mouse.move(x, box.y + box.height * 0.5)
      count = await page
        .locator('[data-testid="hex-tooltip"]')
        .getAttribute('data-count', { timeout: 200 })
        .catch(() => null)
    }
    expect(Number(count)).toBeGreaterThan(0)
  })

  test('no console error, no warning but deck.gl’s own, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
