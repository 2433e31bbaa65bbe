/**
 * A big point file, as staff would drop one: a generated CSV of 200,000 points imports with visible
 * progress, the tab survives, the points draw in the district (deck.gl from typed arrays), the
 * layer's heatmap and hexagons draw, a click on a point opens its properties, and a cancelled import in the
 * middle leaves every layer loaded before it as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { canvasOrigin, changedPixels, project, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const ROWS = 200_000
const SHOTS = 'test-results/screenshots'
/** A point away from the grid, so a click on it can only mean it. */
const LONE: [number, number] = [119.88, 29.27]

/** Deterministic: a 500 × 400 grid over the middle of the district, plus the lone point last. */
function bigCsv(rows: number): string {
  const lines = ['id,name,lng,lat,pm25']
  for (let i = 0; i < rows - 1; i++) {
    const lng = 119.62 + (i % 500) * 0.0004
    const lat = 29.06 + Math.floor(i / 500) * 0.00035
    lines.push(`${i},pt-${i},${lng.toFixed(5)},${lat.toFixed(5)},${(i * 7) % 90}`)
  }
  lines.push(`${rows - 1},孤点 lone point,${LONE[0]},${LONE[1]},77`)
  return `${lines.join('\n')}\n`
}

async function startImport(page: Page, path: string) {
  await page.locator('[data-testid="import-input"]').setInputFiles(path)
  await page.waitForSelector('[data-testid="import-progress"]', { timeout: 30_000 })
}

describe('a 200,000-point CSV', () => {
  let session: Session
  let dir: string
  let path: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'big-file-'))
    path = join(dir, 'big-points.csv')
    writeFileSync(path, bigCsv(ROWS))
    session = await openApp('#map=10.4/29.155/119.785&layers=counties,district,rivers,towns')
  }, 180_000)
  afterAll(async () => {
    await session?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('imports with progress, survives, and draws its points in the district', async () => {
    const page = session.page
    await snapshotCanvas(page, 'before')
    await startImport(page, path)
    // The worker reports progress: the bar moves past 0 before the summary arrives.
    await page.waitForFunction(
      () => {
        const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"] progress')
        return (bar !== null && bar.value > 0) || document.querySelector('[data-testid="import-summary"]') !== null
      },
      undefined,
      { timeout: 60_000 },
    )
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 })
    const summary = await page.locator('[data-testid="import-summary"]').innerText()
    expect(summary).toContain(String(ROWS))
    const dialogText = await page.locator('[data-testid="import-dialog"]').innerText()
    await page.locator('[data-testid="import-confirm"]').click()
    await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
    await waitForMapIdle(page, 120_000)
    // The tab is alive and answers.
    await expect(page.evaluate(() => 1 + 1)).resolves.toBe(2)
    // The grid covers much of the district: many pixels changed.
    expect(await changedPixels(page, 'before')).toBeGreaterThan(20_000)
    // Drawn as a large point layer, and the dialog said so.
    expect(dialogText).toContain('50,000')
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="big-points-count"]').count()).resolves.toBe(1)
  }, 240_000)

  test('a click on a point opens its properties', async () => {
    const page = session.page
    const pixel = await project(page, LONE)
    const origin = await canvasOrigin(page)
    await page.mouse.click(origin.x + pixel.x, origin.y + pixel.y)
    const panel = page.locator('[data-testid="feature-panel"]')
    await panel.waitFor({ timeout: 30_000 })
    const text = await panel.innerText()
    expect(text).toContain('孤点 lone point')
    expect(text).toContain('77')
    await page.locator('[data-testid="feature-panel"] .close').click()
    await waitForMapIdle(page, 60_000)
  }, 120_000)

  test('the layer becomes a heatmap weighted by a column', async () => {
    const page = session.page
    await snapshotCanvas(page, 'points')
    // Drawn as a heatmap from the layer's 样式 panel, as any user point layer is.
    await openToolTab(page, 'layers')
    await page.locator('[data-layer="user-1"] [data-testid="user-style-toggle"]').click()
    await page.locator('[data-testid="user-style-display"]').selectOption('heatmap')
    await page.locator('[data-testid="user-style-weight"]').selectOption('pm25')
    await waitForMapIdle(page, 120_000)
    expect(await changedPixels(page, 'points')).toBeGreaterThan(20_000)
    await mkdir(SHOTS, { recursive: true })
    await page.screenshot({ path: `${SHOTS}/big-file-heatmap.png` })
    await snapshotCanvas(page, 'heatmap')
  }, 180_000)

  test('and hexagons', async () => {
    const page = session.page
    await openToolTab(page, 'layers')
    await page.locator('[data-testid="user-style-display"]').selectOption('hexagon')
    await waitForMapIdle(page, 120_000)
    expect(await changedPixels(page, 'heatmap')).toBeGreaterThan(20_000)
    await snapshotCanvas(page, 'hexagons')
  }, 180_000)

  test('a cancelled import in the middle leaves every loaded layer as it was', async () => {
    const page = session.page
    await openToolTab(page, 'layers')
    const layerCount = await page.locator('[data-testid="layer-list"] li').count()
    await startImport(page, path)
    await page.locator('[data-testid="import-cancel"]').click()
    await expect(page.locator('[data-testid="import-failure"]').innerText()).resolves.toMatch(/取消|cancelled/)
    await page.locator('[data-testid="import-dialog"] .close').click()
    await expect(page.locator('[data-testid="layer-list"] li').count()).resolves.toBe(layerCount)
    await expect(page.locator('[data-testid="big-points-count"]').count()).resolves.toBe(1)
    await waitForMapIdle(page, 60_000)
    expect(await changedPixels(page, 'hexagons')).toBeLessThan(500)
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  }, 120_000)
})
