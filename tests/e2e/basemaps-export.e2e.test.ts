/**
 * Online basemaps (with local stand-ins for their tiles), the GCJ-02 shift, the fallback when tiles
 * fail, PNG/CSV/GeoJSON export, and the Content-Security-Policy the built app runs under.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { openApp } from './support/app'
import { countDarkPixels, project, waitForMapIdle } from './support/map-probe'
import { pngBoxInk, pngSize, solidPng } from './support/png'
import { openToolTab, openExportMenu } from './support/tools'

const SHOTS = 'test-results/screenshots'
const TILE_HOSTS = /^https:\/\/(tile\.openstreetmap\.org|webrd0\d\.is\.autonavi\.com|t\d\.tianditu\.gov\.cn)\//
/** 东孝街道's seat, a point we know. */
const SEAT: [number, number] = [119.68179, 29.11577]
const VIEW = '#map=12/29.12/119.70&layers=district,seats'

async function chooseBasemap(page: Page, id: string) {
  await openToolTab(page, 'layers')
  await page.locator('[data-testid="basemap-select"]').selectOption(id)
  await waitForMapIdle(page)
}

async function displayedLngLat(page: Page, point: { x: number; y: number }): Promise<[number, number]> {
  return page.evaluate(
    ({ x, y }) =>
      (
        window as unknown as { __jindongMap: { displayedLngLat(x: number, y: number): [number, number] } }
      ).__jindongMap.displayedLngLat(x, y),
    point,
  )
}

describe('basemaps, with their tiles answered locally', () => {
  let session: Session
  let failTiles = false
  const requested: string[] = []

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    const tile = solidPng(256, 256, [250, 250, 245])
    session = await openSession(inject('baseUrl'), {
      standIn: {
        matches: (url) => TILE_HOSTS.test(url),
        respond: (url) => {
          requested.push(url)
          return failTiles ? 'abort' : { status: 200, contentType: 'image/png', body: tile }
        },
      },
    })
    await session.page.goto(`${inject('baseUrl')}${VIEW}`)
    await waitForMapIdle(session.page)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('the offline default contacts no tile server', () => {
    expect(requested).toEqual([])
  })

  test('a known point lands on the same pixel on a WGS84 basemap and on the GCJ-02 one', async () => {
    const page = session.page
    await chooseBasemap(page, 'osm')
    expect(requested.some((u) => u.includes('openstreetmap'))).toBe(true)
    const onOsm = await project(page, SEAT)
    expect(await countDarkPixels(page, { x: onOsm.x - 4, y: onOsm.y - 4, width: 8, height: 8 })).toBeGreaterThan(10)
    const [osmLng, osmLat] = await displayedLngLat(page, onOsm)
    expect(Math.abs(osmLng - SEAT[0]) + Math.abs(osmLat - SEAT[1])).toBeLessThan(0.0005)

    await chooseBasemap(page, 'amap')
    expect(requested.some((u) => u.includes('autonavi'))).toBe(true)
    const onAmap = await project(page, SEAT)
    expect(Math.hypot(onAmap.x - onOsm.x, onAmap.y - onOsm.y)).toBeLessThan(1.5)
    expect(await countDarkPixels(page, { x: onAmap.x - 4, y: onAmap.y - 4, width: 8, height: 8 })).toBeGreaterThan(10)
    // Under that same pixel, the map's own coordinate is now GCJ-02: about 500 m from the WGS84 seat.
    const [amapLng, amapLat] = await displayedLngLat(page, onAmap)
    const offsetMetres = Math.hypot((amapLng - SEAT[0]) * 97_000, (amapLat - SEAT[1]) * 111_000)
    expect(offsetMetres).toBeGreaterThan(300)
    expect(offsetMetres).toBeLessThan(700)
    // The share link stays WGS84.
    const [, lat, lng] = new URL(page.url()).hash
      .match(/map=([^&]+)/)![1]!
      .split('/')
      .map(Number)
    expect(Math.abs(lat! - 29.12) + Math.abs(lng! - 119.7)).toBeLessThan(0.001)
    await page.screenshot({ path: `${SHOTS}/basemap-amap.png` })
  })

  test('when tiles fail, a notice says so and the offline basemap comes back', async () => {
    const page = session.page
    await chooseBasemap(page, 'offline')
    failTiles = true
    await openToolTab(page, 'layers')
    await page.locator('[data-testid="basemap-select"]').selectOption('osm')
    await expect(page.locator('[data-testid="map-banner"]').innerText({ timeout: 20_000 })).resolves.toContain(
      '已切换回离线底图',
    )
    await expect(page.locator('[data-testid="basemap-select"]').inputValue()).resolves.toBe('offline')
    failTiles = false
  })

  test('nothing else left the machine and only failed tiles were logged', () => {
    expect(session.foreignRequests).toEqual([])
    expect(session.consoleProblems.filter((m) => !/Failed to load resource/.test(m))).toEqual([])
  })
})

describe('export and the Content-Security-Policy', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp('#map=10.4/29.155/119.785')
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('the page carries a CSP without unsafe-eval or inline scripts, and it is enforced', async () => {
    const page = session.page
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toContain('unsafe-eval')
    expect(policy).not.toContain('unsafe-inline')
    const violations = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = []
          document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective))
          const script = document.createElement('script')
          script.textContent = 'window.__inlineRan = true'
          document.body.appendChild(script)
          setTimeout(() => resolve(seen), 200)
        }),
    )
    expect(violations.join()).toMatch(/script-src/)
    await expect(
      page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan),
    ).resolves.toBeUndefined()
    // Our own probe refusal above is the only console error allowed here.
    session.consoleProblems.splice(
      0,
      session.consoleProblems.length,
      ...session.consoleProblems.filter((m) => !/Content Security Policy/.test(m)),
    )
  })

  test('the PNG export decodes, at 1× and 2×, and contains the legend', async () => {
    const page = session.page
    await openExportMenu(page)
    for (const scale of [1, 2]) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-testid="export-png-${scale}x"]`).click(),
      ])
      const bytes = readFileSync((await download.path())!)
      const size = pngSize(bytes)
      const canvas = await page.locator('.maplibregl-canvas').boundingBox()
      // The map plus a 280 px legend column, at the export scale.
      expect(size.width).toBe(Math.round((canvas!.width + 280) * scale))
      // Decode it in the browser and look for the legend's text in the legend column.
      const x = Math.round(canvas!.width * scale)
      const { dark: legendInk } = await pngBoxInk(page, bytes, {
        x,
        y: 56 * scale,
        width: size.width - x,
        height: 300 * scale,
      })
      expect(legendInk, `legend text at ${scale}×`).toBeGreaterThan(500 * scale)
      if (scale === 1) await download.saveAs(`${SHOTS}/export-1x.png`)
    }
  })

  test('a 16:9 picture for a meeting: its size, its title, the map in it; the map on screen as before', async () => {
    const page = session.page
    await openExportMenu(page)
    const before = await page.locator('.maplibregl-canvas').boundingBox()
    await page.locator('[data-testid="export-title"]').fill('金东区执法检查分布（示例数据）')
    await page.locator('[data-testid="export-page"]').selectOption('slide-16x9')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-png-1x"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/-slide-16x9@1x\.png$/)
    const bytes = readFileSync((await download.path())!)
    expect(pngSize(bytes)).toEqual({ width: 1600, height: 900 })
    // The map area (left of the 280 px legend, between the title bar and the footer) holds a map:
    // many distinct colours, not a blank or a single fill.
    const { colours } = await pngBoxInk(page, bytes, { x: 0, y: 56, width: 1600 - 280, height: 900 - 56 - 34 })
    expect(colours).toBeGreaterThan(50)
    await download.saveAs(`${SHOTS}/export-slide-16x9.png`)
    await expect.poll(() => page.locator('.maplibregl-canvas').boundingBox()).toEqual(before)
    await page.locator('[data-testid="export-page"]').selectOption('window')
  })

  test('the CSV export is UTF-8 with a BOM, and the GeoJSON export is the layer', async () => {
    const page = session.page
    await openExportMenu(page)
    await page.locator('[data-testid="export-layer"]').selectOption('towns')
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()])
    const text = readFileSync((await csv.path())!, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('多湖街道')
    const [geojson] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="export-geojson"]').click(),
    ])
    const exported = JSON.parse(readFileSync((await geojson.path())!, 'utf8')) as { features: unknown[] }
    expect(exported.features).toHaveLength(11)
  })

  test('logged no console error and made no foreign request', () => {
    expect(session.foreignRequests).toEqual([])
    expect(session.consoleProblems).toEqual([])
  })
})
