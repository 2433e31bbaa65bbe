/**
 * 本机数据 in the built app: an imported layer (renamed, its opacity changed) and a township table
 * joined by name come back after a reload and after a browser restart; rename, remove and clear all
 * act on the map and on what is kept; a full store says how much space is needed and loses nothing
 * kept before; without IndexedDB the app works and says nothing is kept. Each test has its own profile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { openApp } from './support/app'
import { changedPixels, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const HASH = '#map=10.4/29.155/119.785&layers=counties,district,rivers,towns'
const POINTS = 'tests/fixtures/good/points-utf8.csv'
const LEDGER = 'tests/fixtures/good/township-ledger-gbk.csv'

let session: Session | undefined
const folders: string[] = []
afterEach(async () => {
  await session?.close()
  session = undefined
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'kept-e2e-'))
  folders.push(folder)
  return folder
}

async function importFile(page: Page, path: string) {
  await page.locator('[data-testid="import-input"]').setInputFiles(path)
  await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 30_000 })
}

async function importAsLayer(page: Page, path: string) {
  await importFile(page, path)
  await page.locator('[data-testid="import-confirm"]').click()
  await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
}

/** Waits until every change is written (the list's save has run). */
async function settled(page: Page) {
  // Whether the save has run, whichever tab is open (the list may be in the 数据 tab, hidden).
  await page.waitForSelector('[data-testid="kept-data"][data-state="on"][data-pending="false"]', {
    state: 'attached',
    timeout: 30_000,
  })
}

async function keptRows(page: Page): Promise<string[]> {
  await settled(page)
  return page.locator('[data-testid="kept-item"]').evaluateAll((items) =>
    items.map((item) => {
      const title = item.querySelector('[data-testid="kept-title"]')?.textContent?.trim()
      return `${item.getAttribute('data-key')}|${title}|${item.getAttribute('data-kept')}`
    }),
  )
}

async function reload(page: Page) {
  await page.reload()
  await waitForMapIdle(page)
  await settled(page)
}

const layerRow = (page: Page, id: string) => page.locator(`[data-testid="layer-list"] li[data-layer="${id}"]`)

describe('本机数据: kept on this device', () => {
  test('a layer with its name and opacity, and a joined table, survive a reload and a browser restart', async () => {
    const profileDir = tempFolder()
    session = await openApp(HASH, { profileDir })
    const page = session.page
    await openToolTab(page, 'data')
    await expect(page.locator('[data-testid="kept-empty"]').innerText()).resolves.toContain('尚无本机数据')
    await importAsLayer(page, POINTS)
    await importFile(page, LEDGER)
    await page.locator('[data-testid="join-confirm"]').click()
    // Rename from the list (Enter saves), and lower the opacity from the layer list by keyboard.
    await page.locator('[data-testid="kept-item"][data-key="layer:user-1"] [data-testid="kept-rename"]').click()
    await page.locator('[data-testid="kept-name"]').fill('空气站')
    await page.keyboard.press('Enter')
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('kept-rename')
    await openToolTab(page, 'layers')
    await layerRow(page, 'user-1').locator('input[type="range"]').focus()
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft')
    const kept = [
      'layer:user-1|空气站|true',
      'table:township-ledger-gbk.csv|township-ledger-gbk.csv（连接到乡镇）|true',
    ]
    expect(await keptRows(page)).toEqual(kept)
    await expect(
      page.locator('[data-testid="kept-item"] [data-testid="kept-meta"]').first().innerText(),
    ).resolves.toMatch(/^\d+(\.\d)? KB · \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/)

    async function expectRestored() {
      expect(await keptRows(page)).toEqual(kept)
      await expect(layerRow(page, 'user-1').locator('.name').innerText()).resolves.toContain('空气站')
      await expect(layerRow(page, 'user-1').locator('input[type="range"]').inputValue()).resolves.toBe('0.5')
      await openToolTab(page, 'layers')
      await expect(page.locator('[data-testid="indicator-select"] option').allInnerTexts()).resolves.toContain(
        '信访件数（township-ledger-gbk.csv）',
      )
      // The restored points are drawn: hiding the layer changes pixels, showing it again brings them back.
      await waitForMapIdle(page)
      await snapshotCanvas(page, 'with-points')
      await layerRow(page, 'user-1').locator('input[type="checkbox"]').uncheck()
      await waitForMapIdle(page)
      expect(await changedPixels(page, 'with-points')).toBeGreaterThan(20)
      await layerRow(page, 'user-1').locator('input[type="checkbox"]').check()
      await settled(page)
    }
    await reload(page)
    await expectRestored()

    await session.close()
    session = await openApp(HASH, { profileDir })
    await settled(session.page)
    const restarted = session.page
    expect(await keptRows(restarted)).toEqual(kept)
    await expect(layerRow(restarted, 'user-1').locator('.name').innerText()).resolves.toContain('空气站')
    await expect(layerRow(restarted, 'user-1').locator('input[type="range"]').inputValue()).resolves.toBe('0.5')
    expect(session.consoleProblems).toEqual([])
  }, 240_000)

  test('remove asks first and takes the layer off the map and the device; clear all empties the list', async () => {
    session = await openApp(HASH)
    const page = session.page
    await importAsLayer(page, POINTS)
    await importAsLayer(page, 'tests/fixtures/good/points.kml')
    expect((await keptRows(page)).map((r) => r.split('|')[0])).toEqual(['layer:user-2', 'layer:user-1'])

    await openToolTab(page, 'data')
    await page.locator('[data-testid="kept-item"][data-key="layer:user-2"] [data-testid="kept-remove"]').click()
    await expect(page.locator('[data-testid="kept-data"]').innerText()).resolves.toContain(
      '从地图和本机删除“points.kml”？',
    )
    await expect(layerRow(page, 'user-2').count()).resolves.toBe(1)
    await page.locator('[data-testid="kept-confirm"]').click()
    await expect(layerRow(page, 'user-2').count()).resolves.toBe(0)
    expect((await keptRows(page)).map((r) => r.split('|')[0])).toEqual(['layer:user-1'])
    await reload(page)
    expect((await keptRows(page)).map((r) => r.split('|')[0])).toEqual(['layer:user-1'])
    await expect(layerRow(page, 'user-2').count()).resolves.toBe(0)

    await page.locator('[data-testid="kept-clear"]').click()
    await page.locator('[data-testid="kept-confirm"]').click()
    await expect(layerRow(page, 'user-1').count()).resolves.toBe(0)
    expect(await keptRows(page)).toEqual([])
    await reload(page)
    expect(await keptRows(page)).toEqual([])
    await expect(page.locator('[data-testid="kept-empty"]').count()).resolves.toBe(1)
    expect(session.consoleProblems).toEqual([])
  }, 240_000)

  test('a full store: the message says what is needed; what was kept before is still there after reload', async () => {
    // A real limit, as a nearly full disk gives: Chromium's quota for this origin (DevTools
    // protocol), so IndexedDB itself refuses the write with QuotaExceededError.
    session = await openSession(inject('baseUrl'))
    const page = session.page
    const cdp = await session.context.newCDPSession(page)
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(inject('baseUrl')).origin, quotaSize: 300_000 })
    await page.goto(`${inject('baseUrl')}${HASH}`)
    await waitForMapIdle(page)
    await importAsLayer(page, POINTS)
    expect(await keptRows(page)).toEqual(['layer:user-1|points-utf8.csv|true'])
    const big = join(tempFolder(), 'many-points.csv')
    const lines = ['名称,经度,纬度,数量']
    // Random digits: Chromium compresses what it keeps, and a regular file would shrink below the limit.
    for (let i = 0; i < 20_000; i++)
      lines.push(
        `点${i},${(119.6 + Math.random() * 0.3).toFixed(6)},${(29 + Math.random() * 0.3).toFixed(6)},${Math.random()}`,
      )
    writeFileSync(big, lines.join('\n'))
    await importAsLayer(page, big)

    await openToolTab(page, 'data')
    const problem = page.locator('[data-testid="kept-problem"]')
    await problem.waitFor({ timeout: 30_000 })
    await expect(problem.innerText()).resolves.toMatch(
      /本机存储空间不足：保存“many-points\.csv”需要约 \d+(\.\d)? (KB|MB)(，当前可用约 \d+(\.\d)? KB)?。[\s\S]*已保存的数据没有丢失/,
    )
    expect(await keptRows(page)).toEqual(['layer:user-1|points-utf8.csv|true', 'layer:user-2|many-points.csv|false'])
    await page.locator('[data-testid="kept-data"]').screenshot({ path: 'docs/screenshots/kept-data.png' })

    await reload(page)
    expect(await keptRows(page)).toEqual(['layer:user-1|points-utf8.csv|true'])
    await expect(layerRow(page, 'user-1').count()).resolves.toBe(1)
    await expect(layerRow(page, 'user-2').count()).resolves.toBe(0)
    expect(session.consoleProblems).toEqual([])
  }, 240_000)

  test('without IndexedDB the app works and the list says nothing is kept', async () => {
    session = await openApp('', {})
    await session.context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }))
    const page = session.page
    await page.reload()
    await waitForMapIdle(page)
    await openToolTab(page, 'data')
    await expect(page.locator('[data-testid="kept-off"]').innerText()).resolves.toContain('不能在本机保存数据')
    await importAsLayer(page, POINTS)
    await expect(layerRow(page, 'user-1').count()).resolves.toBe(1)
    expect(session.consoleProblems).toEqual([])
  }, 240_000)

  test('on a phone the list is in the data sheet, with touch-sized buttons', async () => {
    session = await openApp('', { viewport: { width: 390, height: 844 }, mobile: true })
    const page = session.page
    await page.locator('[data-testid="phone-menu"]').tap()
    await page.locator('[data-testid="sheet-open-data"]').tap()
    // The import dialog fits the phone's screen: its confirm button is reached by scrolling and tapped.
    await importFile(page, POINTS)
    await page.locator('[data-testid="import-confirm"]').scrollIntoViewIfNeeded()
    await page.locator('[data-testid="import-confirm"]').tap()
    const item = page.locator('[data-testid="bottom-sheet"] [data-testid="kept-item"][data-key="layer:user-1"]')
    await item.waitFor({ timeout: 30_000 })
    const remove = item.locator('[data-testid="kept-remove"]')
    const box = await remove.boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    await remove.tap()
    await page.locator('[data-testid="bottom-sheet"] [data-testid="kept-confirm"]').tap()
    expect(await keptRows(page)).toEqual([])
    expect(session.consoleProblems).toEqual([])
  }, 240_000)
})
