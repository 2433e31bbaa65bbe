/**
 * Faults and hostile input in the built app, one session: property names that are Object.prototype
 * members draw and show; a fit to one point stops at zoom 16; deck.gl failing to load is said and
 * recovers by itself (reloading the page where the browser keeps the failed import); an online style
 * or tiles that never answer time out with a notice; a tour stop whose part cannot load is skipped;
 * leaving presentation returns the user's map.
 *
 * `?netTimeoutMs=1500` (read by the e2e build only, src/settings/network-timeouts.ts) shortens the
 * network timeouts so a server that never answers costs the test 1.5 s, not the real 10–15 s.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page, Route } from 'playwright-core'
import { PNG } from 'pngjs'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { countColours, hexToRgb, project, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

/** The first user layer's colour (src/layers/user-layer.ts). */
const USER_COLOUR = hexToRgb('#d946ef')
const DECK_CHUNK = '**/assets/deck-overlay-*.js'
const IMPORT_WORKER_CHUNK = '**/assets/import.worker-*.js'
/** Console lines a blocked or never-answered request causes by design. */
const EXPECTED_NOISE = /Failed to load resource|net::ERR_|Failed to fetch dynamically imported module/

const hashParams = (page: Page) =>
  page.evaluate(() => Object.fromEntries(new URLSearchParams(window.location.hash.slice(1))) as Record<string, string>)
async function hashValue(page: Page, key: string): Promise<string | null> {
  return page.evaluate((key) => new URLSearchParams(window.location.hash.slice(1)).get(key), key)
}

/** The map canvas's pixels, read from a screenshot (kept by the test, so a reload does not lose them). */
async function canvasRgba(page: Page): Promise<Uint8Array> {
  return PNG.sync.read(await page.locator('.maplibregl-canvas').screenshot()).data
}

/** Pixels whose colour moved by more than 24 (summed over the channels), as changedPixels counts. */
function changedRgba(before: Uint8Array, after: Uint8Array): number {
  if (before.length !== after.length) return 0
  let changed = 0
  for (let i = 0; i < after.length; i += 4) {
    const moved =
      Math.abs(after[i]! - before[i]!) +
      Math.abs(after[i + 1]! - before[i + 1]!) +
      Math.abs(after[i + 2]! - before[i + 2]!)
    if (moved > 24) changed++
  }
  return changed
}

async function importAndAdd(page: Page, path: string) {
  await page.locator('[data-testid="import-input"]').setInputFiles(path)
  await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 30_000 })
  await page.locator('[data-testid="import-confirm"]').click()
  await expect.poll(() => page.locator('[data-testid="import-dialog"]').count(), { timeout: 10_000 }).toBe(0)
  await waitForMapIdle(page)
}

/**
 * The page reloaded with deck.gl's chunk unreachable: idle time after the first view tries to load
 * it (HeatmapOverlay.warmWhenIdle) and must fail without a word, since nobody asked for a heatmap
 * yet; the module is then not in the page, so the next use really meets the network.
 */
async function reloadWithDeckBlocked(page: Page) {
  await page.route(DECK_CHUNK, (route: Route) => route.abort('internetdisconnected'))
  const idleAttempt = page.waitForEvent('requestfailed', {
    predicate: (request) => /deck-overlay/.test(request.url()),
    timeout: 60_000,
  })
  await page.reload()
  await waitForMapIdle(page)
  await idleAttempt
  await page.waitForTimeout(500)
  await expect(page.locator('[data-testid="part-failure"]').count()).resolves.toBe(0)
  await expect(page.locator('[role="alert"]').count()).resolves.toBe(0)
}

describe('faults: hostile names, lazy parts, timeouts, presentation', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp('?netTimeoutMs=1500#map=12/29.155/119.79&layers=district')
  }, 120_000)
  afterAll(async () => {
    await session?.page.unrouteAll({ behavior: 'ignoreErrors' })
    await session?.close()
  })

  test('an import worker that cannot load says so; the next import works', async () => {
    const page = session.page
    await page.route(IMPORT_WORKER_CHUNK, (route: Route) => route.abort('internetdisconnected'))
    await page.locator('[data-testid="import-input"]').setInputFiles('tests/fixtures/faults/prototype-keys.csv')
    // First in the session: the worker's script has never been fetched, so blocking it is real.
    await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 30_000 })
    const failure = page.locator('[data-testid="import-dialog"]')
    await expect(failure.innerText()).resolves.toContain('导入进程停止或未能加载')
    await expect(failure.innerText()).resolves.not.toContain('内存不足？')
    await page.locator('[data-testid="import-dialog"] .close').click()
    await page.unroute(IMPORT_WORKER_CHUNK)
    await page.locator('[data-testid="import-input"]').setInputFiles('tests/fixtures/faults/prototype-keys.csv')
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30_000 })
    await expect(page.locator('[data-testid="import-confirm"]').isEnabled()).resolves.toBe(true)
    await page.locator('[data-testid="import-dialog"] .close').click()
  })

  test('a file nested 200,000 deep is answered with what happened, not a guess', async () => {
    const page = session.page
    const path = join(mkdtempSync(join(tmpdir(), 'faults-')), 'deep.geojson')
    const depth = 200_000
    writeFileSync(
      path,
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"a":' +
        `${'['.repeat(depth)}${']'.repeat(depth)}},"geometry":{"type":"Point","coordinates":[119.8,29.1]}}]}`,
    )
    await page.locator('[data-testid="import-input"]').setInputFiles(path)
    await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 60_000 })
    const text = await page.locator('[data-testid="import-dialog"]').innerText()
    expect(text).not.toContain('文件过大或内存不足')
    // Structured clone of the result overflows the worker's stack: said as such.
    expect(text).toContain('文件嵌套层级过深')
    await page.locator('[data-testid="import-dialog"] .close').click()
  })

  test('columns named constructor, __proto__, toString, hasOwnProperty, valueOf draw and show', async () => {
    const page = session.page
    await importAndAdd(page, 'tests/fixtures/faults/prototype-keys.csv')
    // Drawn: the user layer's colour around the point (before, the whole source failed to load).
    const point = await project(page, [119.78, 29.15])
    const box = { x: point.x - 8, y: point.y - 8, width: 16, height: 16 }
    const [userPixels] = await countColours(page, [USER_COLOUR], 20, box)
    expect(userPixels).toBeGreaterThan(20)
    // The tooltip names the point; the panel lists every column with its own value.
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!
    await page.mouse.move(canvas.x + point.x, canvas.y + point.y)
    await expect(page.locator('[data-testid="map-tooltip"]').innerText({ timeout: 10_000 })).resolves.toContain('甲站')
    await page.mouse.click(canvas.x + point.x, canvas.y + point.y)
    const panel = page.locator('[data-testid="feature-panel"]')
    const text = await panel.innerText({ timeout: 10_000 })
    for (const [name, value] of [
      ['constructor', 'c1'],
      ['__proto__', 'p1'],
      ['toString', 't1'],
      ['hasOwnProperty', 'h1'],
      ['valueOf', 'v1'],
    ] as const)
      expect(text).toMatch(new RegExp(`${name}\\s+${value}`))
    expect(text).not.toContain('native code')
    await panel.locator('.close').click()
  })

  test('a GeoJSON point with such keys draws, and the fit to it stops at zoom 16', async () => {
    const page = session.page
    await importAndAdd(page, 'tests/fixtures/faults/prototype-keys-point.geojson')
    await expect
      .poll(async () => Number((await hashValue(page, 'map'))?.split('/')[0]), { timeout: 10_000 })
      .toBeLessThanOrEqual(16)
    const point = await project(page, [119.79, 29.155])
    const [userPixels] = await countColours(page, [hexToRgb('#0891b2')], 20, {
      x: point.x - 8,
      y: point.y - 8,
      width: 16,
      height: 16,
    })
    expect(userPixels).toBeGreaterThan(20)
  })

  test('a stop whose part cannot load is skipped with a notice; leaving returns the map', async () => {
    const page = session.page
    await page.evaluate(() => (window.location.hash = '#map=13/29.2/119.8&layers=district,rivers&sel=towns:330703103'))
    await waitForMapIdle(page)
    await reloadWithDeckBlocked(page)
    const before = await hashParams(page)
    await page.locator('[data-testid="enter-presentation"]').click()
    const status = page.locator('[data-testid="present-status"]')
    await page.waitForSelector('[data-testid="present-status"][data-status="playing"]', { timeout: 30_000 })
    await page.keyboard.press('Space') // paused: the stops change only when we step
    for (let index = 1; index <= 8; index++) {
      await page.keyboard.press('ArrowRight')
      await expect
        .poll(async () => Number(await status.getAttribute('data-index')), { timeout: 10_000 })
        .toBeGreaterThanOrEqual(index)
    }
    // The heatmap stop (8) could not load deck.gl: it is skipped to 9, and the stage says why.
    await expect.poll(async () => Number(await status.getAttribute('data-index')), { timeout: 15_000 }).toBe(9)
    await expect(status.locator('[role="alert"]').first().innerText()).resolves.toContain('热力图组件未能加载')
    await page.unroute(DECK_CHUNK)
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('[data-testid="presentation"]').count(), { timeout: 10_000 }).toBe(0)
    await waitForMapIdle(page)
    await expect.poll(() => hashValue(page, 'sel'), { timeout: 10_000 }).toBe(before.sel)
    await expect(hashValue(page, 'layers')).resolves.toBe(before.layers)
    const [zoom, lat, lng] = (await hashValue(page, 'map'))!.split('/').map(Number)
    expect(zoom).toBeCloseTo(13, 1)
    expect(lat).toBeCloseTo(29.2, 2)
    expect(lng).toBeCloseTo(119.8, 2)
  })

  test('deck.gl failing to load is said in the interface; once the network is back the heatmap draws', async () => {
    const page = session.page
    await page.evaluate(() => (window.location.hash = '#map=10.4/29.155/119.785&layers=district'))
    await waitForMapIdle(page)
    // A new incident: the stop test before this one may have reloaded the page for its own, and a
    // second reload within the spacing waits it out (minutes; the unit tests cover that wait).
    await page.evaluate(() => sessionStorage.removeItem('jindong:parts-reloaded-at'))
    await reloadWithDeckBlocked(page)
    // Kept here, not in the page: the page may reload itself on the way (below).
    const before = await canvasRgba(page)
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    await expect(page.locator('[data-testid="part-failure"]').innerText({ timeout: 15_000 })).resolves.toContain(
      '热力图组件未能加载',
    )
    await page.unroute(DECK_CHUNK)
    await page.locator('[data-testid="readings-toggle"]').uncheck()
    await page.locator('[data-testid="readings-toggle"]').check()
    // A browser that keeps a failed module import (Chromium 150 does) cannot load deck.gl again in
    // this page: the page reloads itself once the server answers, with the readings still on
    // (src/modules/recovery.ts); one that fetches it again draws without a reload. Either way the
    // person sees the heatmap come back without touching anything.
    await expect
      .poll(
        async () => {
          await waitForMapIdle(page)
          return (await page.locator('[data-testid="part-failure"]').count()) === 0
            ? changedRgba(before, await canvasRgba(page))
            : 0
        },
        { timeout: 40_000 },
      )
      .toBeGreaterThan(5_000)
    await openToolTab(page, 'analysis')
    await expect(page.locator('[data-testid="readings-toggle"]').isChecked()).resolves.toBe(true)
    await page.locator('[data-testid="readings-toggle"]').uncheck()
  })

  test('an online style and online tiles that never answer time out, with a notice, back to offline', async () => {
    const page = session.page
    const hang = () => {} // never fulfilled: the server does not answer
    await page.route('https://style.example.test/**', hang)
    await page.route('https://tile.openstreetmap.org/**', hang)
    await openToolTab(page, 'layers')
    await page.locator('[data-testid="basemap-select"]').selectOption('custom')
    await page.locator('.basemap input[type="url"]').fill('https://style.example.test/style.json')
    await page.locator('.basemap button', { hasText: /应用|Apply/ }).click()
    const banner = page.locator('[data-testid="map-banner"]')
    await expect(banner.innerText({ timeout: 15_000 })).resolves.toContain('1.5 秒内无应答')
    await expect(page.locator('[data-testid="basemap-select"]').inputValue()).resolves.toBe('offline')
    await banner.locator('button').click()
    await page.locator('[data-testid="basemap-select"]').selectOption('osm')
    await expect(banner.innerText({ timeout: 15_000 })).resolves.toContain('OpenStreetMap')
    await expect(banner.innerText()).resolves.toContain('1.5 秒内无应答')
    await expect(page.locator('[data-testid="basemap-select"]').inputValue()).resolves.toBe('offline')
    await banner.locator('button').click()
    await page.unroute('https://style.example.test/**')
    await page.unroute('https://tile.openstreetmap.org/**')
  })

  test('no unexpected console problem and no request left the machine', () => {
    expect(session.consoleProblems.filter((line) => !EXPECTED_NOISE.test(line))).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
