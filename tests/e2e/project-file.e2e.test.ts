/**
 * The project file, as staff would hand one to a colleague: a map set up with a user's point layer
 * drawn as a heatmap, a GeoJSON layer, a township ledger joined onto the choropleth, a layer hidden,
 * English and a camera, saved (the download captured) and opened in a fresh browser profile gives
 * the same map: the same share link, layer list, styles, language and pixels. A project from a newer
 * version and one with a missing layer file are answered in the dialog, nothing loaded lost.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import pixelmatch from 'pixelmatch'
import { PNG } from 'pngjs'
import type { Page } from 'playwright-core'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { changedPixels, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const HASH = '#map=10.4/29.155/119.785&layers=counties,district,rivers,towns'
const POINTS = 60_000

/** A point set over the binary threshold (50,000), so it is a large point layer with its own style. */
function pointsCsv(): string {
  const lines = ['id,lng,lat,pm25']
  for (let i = 0; i < POINTS; i++)
    lines.push(
      `${i},${(119.7 + (i % 300) * 0.0005).toFixed(5)},${(29.1 + Math.floor(i / 300) * 0.0004).toFixed(5)},${i % 90}`,
    )
  return `${lines.join('\n')}\n`
}

async function openFile(page: Page, testId: string, path: string) {
  await page.locator(`[data-testid="${testId}"]`).setInputFiles(path)
  await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 60_000 })
}

/** "id:shown" for each row of the layer list, top first. */
async function listedLayers(page: Page): Promise<string[]> {
  return page.locator('[data-testid="layer-list"] [data-layer]').evaluateAll((rows) =>
    rows.map((row) => {
      const box = row.querySelector<HTMLInputElement>('input[type="checkbox"]')
      return `${row.getAttribute('data-layer')}:${box?.checked ?? null}`
    }),
  )
}

async function canvasPng(page: Page): Promise<PNG> {
  return PNG.sync.read(await page.locator('.maplibregl-canvas').screenshot())
}

async function settle(page: Page) {
  await page.waitForTimeout(300)
  await waitForMapIdle(page)
}

describe('a project file round trip', () => {
  let first: Session
  let second: Session | undefined
  let dir: string
  let saved: string
  let hashBefore: string
  let listBefore: string[]
  let pixelsBefore: PNG

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'project-file-'))
    writeFileSync(join(dir, 'many-points.csv'), pointsCsv())
    first = await openApp(HASH)
  }, 180_000)
  afterAll(async () => {
    await first?.close()
    await second?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('set up a map and save it as a project (the download captured)', { timeout: 180_000 }, async () => {
    const page = first.page
    await openFile(page, 'import-input', 'tests/fixtures/good/jindong-features.geojson')
    await page.locator('[data-testid="import-confirm"]').click()
    await settle(page)
    await openFile(page, 'import-input', join(dir, 'many-points.csv'))
    await page.locator('[data-testid="import-point-display"]').selectOption('heatmap')
    await page.locator('[data-testid="import-point-weight"]').selectOption('pm25')
    await page.locator('[data-testid="import-confirm"]').click()
    await settle(page)
    await openFile(page, 'import-input', 'tests/fixtures/good/township-ledger-gbk.csv')
    await page.locator('[data-testid="join-confirm"]').click()
    await settle(page)
    await openToolTab(page, 'layers')
    await page.locator('[data-layer="rivers"] input[type="checkbox"]').uncheck()
    await page.locator('[data-testid="language"]').selectOption('en')
    await page.evaluate(
      () => (window.location.hash = window.location.hash.replace(/map=[^&]*/, 'map=10.8/29.13/119.74')),
    )
    await settle(page)

    hashBefore = await page.evaluate(() => window.location.hash)
    expect(hashBefore).toContain('lang=en')
    expect(hashBefore).toContain('ind=user')
    listBefore = await listedLayers(page)
    expect(listBefore.slice(0, 2)).toEqual(['user-2:true', 'user-1:true'])
    expect(listBefore).toContain('rivers:false')
    pixelsBefore = await canvasPng(page)

    await openToolTab(page, 'data')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="project-save"]').click(),
    ])
    saved = join(dir, download.suggestedFilename())
    await download.saveAs(saved)
    expect(download.suggestedFilename()).toMatch(/^jindong-project-\d{4}-\d{2}-\d{2}\.zip$/)
    const files = unzipSync(readFileSync(saved))
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['project.json', 'layers/user-1.geojson', 'layers/user-2.points.json']),
    )
    await openToolTab(page, 'data')
    await expect(page.locator('[data-testid="project-message"]').innerText()).resolves.toContain('2 layers')
    expect(first.consoleProblems).toEqual([])
  })

  test('opened in a fresh browser profile, it gives the same map', { timeout: 180_000 }, async () => {
    second = await openApp('')
    const page = second.page
    await openFile(page, 'project-input', saved)
    await expect(page.locator('[data-testid="project-contents"]').innerText()).resolves.toMatch(
      /2 个图层.*2 个连接指标/,
    )
    await page.screenshot({ path: 'docs/screenshots/project-file.png' })
    await page.locator('[data-testid="project-confirm"]').click()
    await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
    await settle(page)

    expect(await page.evaluate(() => window.location.hash)).toBe(hashBefore)
    expect(await listedLayers(page)).toEqual(listBefore)
    await expect(page.locator('[data-testid="language"]').inputValue()).resolves.toBe('en')
    await expect(page.locator('.header h1').innerText()).resolves.toMatch(/Jindong/)
    await openToolTab(page, 'layers')
    await page.locator('[data-layer="user-2"] [data-testid="user-style-toggle"]').click()
    await expect(page.locator('[data-layer="user-2"] [data-testid="user-style-display"]').inputValue()).resolves.toBe(
      'heatmap',
    )
    await expect(page.locator('[data-layer="user-2"] [data-testid="user-style-weight"]').inputValue()).resolves.toBe(
      'pm25',
    )
    await expect(page.locator('[data-testid="indicator-select"]').inputValue()).resolves.toBe(
      'user:township-ledger-gbk.csv:信访件数',
    )
    const after = await canvasPng(page)
    expect([after.width, after.height]).toEqual([pixelsBefore.width, pixelsBefore.height])
    const differing = pixelmatch(pixelsBefore.data, after.data, null, after.width, after.height, { threshold: 0.1 })
    console.info(`project round trip: ${differing} of ${after.width * after.height} pixels differ`)
    expect(differing / (after.width * after.height)).toBeLessThan(0.01)
    expect(second.consoleProblems).toEqual([])
  })

  test('a project from a newer version is refused by name; nothing loaded changes', { timeout: 120_000 }, async () => {
    const page = second!.page
    const files = unzipSync(readFileSync(saved))
    const index = JSON.parse(strFromU8(files['project.json']!))
    files['project.json'] = strToU8(JSON.stringify({ ...index, version: 2, app: '2.0.0' }))
    const newer = join(dir, 'newer.zip')
    writeFileSync(newer, zipSync(files))
    const listBeforeNewer = await listedLayers(page)
    await snapshotCanvas(page, 'before-newer')
    await openFile(page, 'project-input', newer)
    await expect(page.locator('[data-testid="import-problems"]').innerText()).resolves.toContain(
      'newer version (project format 2, app 2.0.0)',
    )
    await expect(page.locator('[data-testid="project-confirm"]').count()).resolves.toBe(0)
    await page.locator('[data-testid="import-dialog"] .close').click()
    await settle(page)
    expect(await listedLayers(page)).toEqual(listBeforeNewer)
    expect(await changedPixels(page, 'before-newer')).toBeLessThan(50)
  })

  test(
    'a project missing a layer file lists it, asks before replacing, and opens the rest',
    { timeout: 120_000 },
    async () => {
      const page = second!.page
      const files = unzipSync(readFileSync(saved))
      delete files['layers/user-1.geojson']
      const missing = join(dir, 'missing.zip')
      writeFileSync(missing, zipSync(files))
      await openFile(page, 'project-input', missing)
      await expect(page.locator('[data-testid="project-missing"]').innerText()).resolves.toContain(
        'jindong-features.geojson (layers/user-1.geojson)',
      )
      // The user has layers now: opening replaces them, and the button says so.
      await expect(page.locator('[data-testid="project-replaces"]').innerText()).resolves.toContain(
        'replaces your current data',
      )
      await expect(page.locator('[data-testid="project-confirm"]').innerText()).resolves.toBe(
        'Replace and open project',
      )
      await page.locator('[data-testid="project-confirm"]').click()
      await settle(page)
      const list = await listedLayers(page)
      expect(list).toContain('user-2:true')
      expect(list.some((row) => row.startsWith('user-1:'))).toBe(false)
      expect(second!.consoleProblems).toEqual([])
    },
  )
})
