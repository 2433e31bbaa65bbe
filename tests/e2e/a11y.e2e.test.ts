/**
 * Accessibility of the built app: axe-core finds no serious or critical violation in the main
 * states (desktop, presentation, phone with the sheet open); the keyboard reaches the controls with
 * a visible focus ring and selects a township through the list, which is announced; the map has an
 * accessible name; with prefers-reduced-motion the camera jumps.
 * Every state's violations are written to test-results/axe-results.json (the README quotes them).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { blocking, byImpact, runAxe, type AxeViolation } from './support/axe'
import { waitForMapIdle } from './support/map-probe'
import { openToolTab, openExportMenu } from './support/tools'

const results: Record<string, { byImpact: ReturnType<typeof byImpact>; violations: AxeViolation[] }> = {}

async function axeState(page: Page, state: string, include?: string) {
  const violations = await runAxe(page, include)
  results[state] = { byImpact: byImpact(violations), violations }
  expect(blocking(violations), `${state}: ${JSON.stringify(blocking(violations), null, 1)}`).toEqual([])
}

/** Whether the focused element shows a ring (outline or box-shadow) under :focus-visible. */
async function focusRingVisible(page: Page): Promise<{ tag: string; ring: boolean; visible: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'body', ring: false, visible: false }
    const style = getComputedStyle(el)
    const ring =
      el.matches(':focus-visible') &&
      ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none')
    const box = el.getBoundingClientRect()
    return {
      tag: `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}`,
      ring,
      visible: box.width > 0 && box.height > 0,
    }
  })
}

afterAll(() => {
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/axe-results.json', JSON.stringify(results, null, 2))
})

describe('accessibility at 1920×1080', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp()
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('axe: the overview (whole page)', async () => {
    await axeState(session.page, 'overview')
  })

  test('axe: the layer list, the heatmap controls and the export menu', async () => {
    const { page } = session
    await axeState(page, 'layer-list', '[data-testid="layer-list"]')
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    await page.locator('[data-testid="density-toggle"]').check()
    await waitForMapIdle(page)
    await axeState(page, 'heatmap-controls', '[data-testid="heatmap-controls"]')
    await page.locator('[data-testid="readings-toggle"]').uncheck()
    await page.locator('[data-testid="density-toggle"]').uncheck()
    await openExportMenu(page)
    await axeState(page, 'export-menu', '[data-testid="export-menu"]')
  })

  test('the map canvas has an accessible name', async () => {
    const name = await session.page.locator('.maplibregl-canvas').getAttribute('aria-label')
    expect(name).toBe('金东区生态环境地图')
  })

  test('keyboard: Tab reaches the header, the panel and the right column in order, each ringed', async () => {
    const { page } = session
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    const seen: string[] = []
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      const focus = await focusRingVisible(page)
      expect(focus.ring, `focus ring on ${focus.tag}`).toBe(true)
      expect(focus.visible, `${focus.tag} visible`).toBe(true)
      seen.push(focus.tag)
    }
    // Header first (search, then its buttons), then the side panel's tabs.
    expect(seen[0]).toBe('input')
    expect(seen.indexOf('button[tab-overview]')).toBeGreaterThan(0)
  })

  test('keyboard: the township list selects an area, and the choice is announced', async () => {
    const { page } = session
    await page.locator('[data-testid="tab-details"]').focus()
    await page.keyboard.press('Enter')
    await page.locator('[data-testid="town-list"] button[data-code="330703103"]').focus()
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="area-panel"][data-code="330703103"]')
    await expect
      .poll(() => page.locator('[data-testid="announcer"]').innerText(), { timeout: 5_000 })
      .toContain('曹宅镇')
    await expect(page.locator('[data-testid="announcer"]').getAttribute('aria-live')).resolves.toBe('polite')
    await waitForMapIdle(page)
    await axeState(page, 'township-panel')
  })

  test('axe: the import dialog', async () => {
    const { page } = session
    await page.locator('[data-testid="import-input"]').setInputFiles('tests/fixtures/good/points-utf8.csv')
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30_000 })
    await axeState(page, 'import-dialog')
    await page.keyboard.press('Escape')
    await page.locator('[data-testid="import-dialog"] .close').click()
  })

  test('axe: 关于数据, opened from a badge at its kind, closed by Escape', async () => {
    const { page } = session
    await openToolTab(page, 'layers')
    await page.locator('[data-testid="layer-list"] [data-testid="provenance-badge"]').first().click()
    await page.waitForSelector('[data-testid="about-data"]')
    await axeState(page, 'about-data', '[data-testid="about-data"]')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid="about-data"]').count()).toBe(0)
  })

  test('colour has words: an air station’s panel names each month’s AQI level', async () => {
    const { page } = session
    await page.goto(`${inject('baseUrl')}#sel=monitoring-points:air-330703001`)
    await page.reload()
    await page.waitForSelector('[data-testid="feature-panel"] [data-testid="monthly-aqi"]')
    const rows = await page.locator('[data-testid="monthly-aqi"] li').allInnerTexts()
    expect(rows).toHaveLength(10)
    // January's means (PM2.5 46.4, PM10 77.3, O3 65.1 μg/m³) give AQI 65, level 良.
    expect(rows[0]).toMatch(/AQI 65 · 良$/)
  })

  test('the camera flies to a search result, and jumps there when the user prefers reduced motion', async () => {
    const { page } = session
    /** Chooses 孝顺镇 in the search and reads the camera in the same task: a jump is already there. */
    const zoomRightAfterChoosing = async () => {
      await page.locator('[data-testid="search"] input').fill('孝顺')
      return page.evaluate(() => {
        const input = document.querySelector('[data-testid="search"] input')!
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
        return (window as unknown as { __jindongMap: { camera(): { zoom: number } } }).__jindongMap.camera().zoom
      })
    }
    // The search zooms a township to 11.5; the district view is well below it.
    await page.goto(`${inject('baseUrl')}#map=10/29.15/119.78`)
    await page.reload()
    await waitForMapIdle(page)
    expect(await zoomRightAfterChoosing()).toBeLessThan(11)
    await waitForMapIdle(page)

    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(`${inject('baseUrl')}#map=10/29.15/119.78`)
    await page.reload()
    await waitForMapIdle(page)
    expect(await zoomRightAfterChoosing()).toBeCloseTo(11.5, 5)
  })
})

describe('accessibility of presentation mode and the phone', () => {
  test('axe: presentation mode', async () => {
    const session = await openApp('?mode=present')
    try {
      await session.page.waitForSelector('[data-testid="present-caption"]', { timeout: 30_000 })
      await axeState(session.page, 'presentation')
    } finally {
      await session.close()
    }
  })

  test('axe: the phone with its sheet open', async () => {
    const session = await openApp('', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, mobile: true })
    try {
      await session.page.locator('[data-testid="phone-menu"]').tap()
      await session.page.locator('[data-testid="sheet-open-panel"]').tap()
      await session.page.waitForSelector('[data-testid="bottom-sheet"][data-snap="half"]')
      await axeState(session.page, 'phone-sheet')
    } finally {
      await session.close()
    }
  })
})
