/**
 * A big CSV drawn as a heatmap straight from the import dialog (the bench's path), with deck.gl's
 * programs linked while the file is parsed (src/map/shader-warm-up.ts): the hidden warm-up layers
 * draw nothing of their own, and the heatmap is on the map at the first idle after "add", with no
 * pan or zoom to wake it (compared with the same view, the layer hidden).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { changedPixels, snapshotCanvas, waitForMapIdle } from './support/map-probe'

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

describe('a big CSV drawn as a heatmap from the dialog', () => {
  let session: Session
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'big-links-'))
    writeFileSync(join(dir, 'grid.csv'), gridCsv(ROWS))
    session = await openApp('#map=10.4/29.155/119.785&layers=counties,district,rivers,towns')
  }, 180_000)
  afterAll(async () => {
    await session?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('the warm-up draws nothing; the heatmap is drawn at the first idle after adding', async () => {
    const page = session.page
    await snapshotCanvas(page, 'before')
    await page.locator('[data-testid="import-input"]').setInputFiles(join(dir, 'grid.csv'))
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 120_000 })
    // deck.gl is loaded and its programs are being linked under the dialog: the map looks the same.
    await waitForMapIdle(page, 120_000)
    expect(await changedPixels(page, 'before')).toBeLessThan(500)
    await page.locator('[data-testid="import-point-display"]').selectOption('heatmap')
    await page.locator('[data-testid="import-point-weight"]').selectOption('pm25')
    await page.locator('[data-testid="import-confirm"]').click()
    await waitForMapIdle(page, 120_000)
    // The camera jumped to the data: compare with the same view, the layer hidden.
    await snapshotCanvas(page, 'heatmap')
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
