/**
 * 添加服务图层 in the built app, against small services on 127.0.0.1 (support/service-servers.ts):
 * - a WMS layer chosen from its capabilities draws its tiles over the district, asked for in Web
 *   Mercator boxes of the tiles on screen, and shows its legend; a layer offered only in EPSG:4490
 *   is listed, not choosable, with the reason;
 * - a WMTS layer in 天地图's `c` matrix set (degrees) lands where the same place is on the map:
 *   its mark's centre within a pixel of the place at zoom 14;
 * - a PMTiles archive chosen as a file draws;
 * - a service that never answers gives a message naming it within its timeout, and the rest of the
 *   map is drawn;
 * - bad input (not XML, a template without {z}, a host this deployment does not allow) is said;
 * - a service layer comes back after a reload (本机数据).
 */
import { readFileSync } from 'node:fs'
import gcoord from 'gcoord'
import type { Feature, FeatureCollection, Point } from 'geojson'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { openToolTab } from './support/tools'
import { changedPixels, colourCentre, countColours, project, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { MARK_COLOUR, WMS_COLOUR, startServiceServers, type ServiceServers } from './support/service-servers'
import { writePmtiles } from '../fixtures/support/pmtiles-writer'
import { rgbaPng } from './support/png'
import { blocking, runAxe } from './support/axe'

const sections = JSON.parse(readFileSync('public/geo/water-sections.geojson', 'utf8')) as FeatureCollection
const DONGGUANQIAO = (sections.features as Feature<Point>[]).find((f) => f.properties?.name === '东关桥')!.geometry
  .coordinates as [number, number]
const DISTRICT_HASH = '#map=10.6/29.137/119.778&layers=district'
const HALF_WORLD = 20037508.342789244
const PMTILES_COLOUR: [number, number, number] = [13, 148, 136]

async function openServiceForm(page: Page) {
  await openToolTab(page, 'data')
  const summary = page.locator('[data-testid="service-form"] summary')
  await summary.waitFor()
  // `open` is an empty attribute when the details are open: absent (null) when they are closed.
  if ((await page.locator('[data-testid="service-form"]').getAttribute('open')) === null) await summary.click()
}

async function readService(page: Page, url: string, kind = 'auto') {
  await readServiceAs(page, url, kind, 'WGS84')
}

async function readServiceAs(page: Page, url: string, kind: string, crs: 'WGS84' | 'GCJ-02') {
  await openServiceForm(page)
  await page.locator('[data-testid="service-kind"]').selectOption(kind)
  await page.locator('[data-testid="service-crs"]').selectOption(crs)
  await page.locator('[data-testid="service-url"]').fill(url)
  await page.locator('[data-testid="service-read"]').click()
}

describe('service layers', () => {
  let servers: ServiceServers
  let session: Session
  beforeAll(async () => {
    servers = await startServiceServers(DONGGUANQIAO)
    session = await openApp(DISTRICT_HASH, { localOrigins: [servers.origin] })
  }, 120_000)
  afterAll(async () => {
    await session?.close()
    await servers?.close()
  })

  test('a WMS layer chosen from its capabilities draws over the district and shows its legend', async () => {
    const page = session.page
    const [before] = await countColours(page, [WMS_COLOUR], 4)
    await readService(page, `${servers.origin}/wms?SERVICE=WMS&REQUEST=GetCapabilities`)
    await page.waitForSelector('[data-testid="service-offer"]')
    const offer = page.locator('[data-testid="service-offer"]')
    expect(await offer.innerText()).toContain('生态保护红线（测试）')
    // The layer offered only in CGCS2000 degrees is listed, not choosable, with the reason.
    const only4490 = offer.locator('.layer-option', { hasText: '环境管控单元' })
    expect(await only4490.locator('input').isDisabled()).toBe(true)
    expect(await only4490.innerText()).toContain('EPSG:4490')
    await page.screenshot({ path: 'docs/screenshots/service-offer.png' })
    // The form with a service's layers listed: labelled fields, a named radio group, nothing axe blocks on.
    expect(blocking(await runAxe(page, '[data-testid="service-form"]'))).toEqual([])
    await page.locator('[data-testid="service-add"]').click()
    await page.waitForSelector('[data-testid="service-message"]:has-text("已添加")')
    await waitForMapIdle(page)
    const [after] = await countColours(page, [WMS_COLOUR], 4)
    expect(before).toBe(0)
    expect(after).toBeGreaterThan(50_000)

    // Every GetMap asked for one Web Mercator tile's box, and the boxes lie over the district.
    const getMaps = servers.requests.filter((r) => r.path === '/wms' && r.query.get('REQUEST') === 'GetMap')
    expect(getMaps.length).toBeGreaterThan(0)
    for (const request of getMaps) {
      expect(request.query.get('CRS')).toBe('EPSG:3857')
      expect(request.query.get('LAYERS')).toBe('zj:redline')
      const [minX, minY, maxX, maxY] = request.query.get('BBOX')!.split(',').map(Number) as [
        number,
        number,
        number,
        number,
      ]
      const z = Math.round(Math.log2((2 * HALF_WORLD) / (maxX - minX)))
      const size = (2 * HALF_WORLD) / 2 ** z
      expect(Math.abs(maxY - minY - size)).toBeLessThan(0.01)
      const column = (minX + HALF_WORLD) / size
      expect(Math.abs(column - Math.round(column))).toBeLessThan(1e-6)
      const lng = ((minX + maxX) / 2 / HALF_WORLD) * 180
      expect(lng).toBeGreaterThan(118.5)
      expect(lng).toBeLessThan(121)
    }
    await openToolTab(page, 'layers')
    const legend = page.locator('[data-testid="service-legend-image"]')
    await legend.waitFor()
    expect(await legend.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(20)
    expect(await page.locator('[data-testid="service-source"]').innerText()).toContain('浙江省测试数据')
    await page.screenshot({ path: 'docs/screenshots/service-wms.png' })
  })

  test('a WMTS layer in the c (degrees) matrix set lands on its place within a pixel at zoom 14', async () => {
    const page = session.page
    await page.evaluate(([lng, lat]) => (window.location.hash = `#map=14/${lat}/${lng}&layers=district`), DONGGUANQIAO)
    await waitForMapIdle(page)
    await readService(page, `${servers.origin}/wmts?SERVICE=WMTS&REQUEST=GetCapabilities`)
    await page.waitForSelector('[data-testid="service-matrix-set"]')
    await page.locator('[data-testid="service-matrix-set"]').selectOption('c')
    await page.locator('[data-testid="service-add"]').click()
    await page.waitForSelector('[data-testid="service-message"]:has-text("已添加")')
    await waitForMapIdle(page)
    const place = await project(page, DONGGUANQIAO)
    const mark = await colourCentre(page, MARK_COLOUR, place)
    expect(mark.n).toBeGreaterThan(10)
    expect(Math.hypot(mark.x - place.x, mark.y - place.y)).toBeLessThan(1)
    await page.screenshot({ path: 'docs/screenshots/service-wmts-c.png' })
    const tiles = servers.requests.filter((r) => r.path === '/wmts' && r.query.get('REQUEST') === 'GetTile')
    // Asked for in the c set, in the matrix whose pixel is the screen's: MapLibre's zoom counts 512-px
    // tiles, so at zoom 14 a 256-px source draws z15 tiles, and c's level 15 has that pixel size.
    expect(new Set(tiles.map((r) => `${r.query.get('TILEMATRIXSET')}:${r.query.get('TILEMATRIX')}`))).toEqual(
      new Set(['c:15']),
    )
  })

  test('GCJ-02 services are moved onto WGS84: a tiled one and a WMS land on the place within a pixel', async () => {
    const page = session.page
    // A new link's layer list takes the c-set layer (the same mark in the same colour) off the map.
    await page.evaluate(
      ([lng, lat]) => (window.location.hash = `#map=14/${lat}/${lng}&layers=counties,district`),
      DONGGUANQIAO,
    )
    await waitForMapIdle(page)
    expect((await colourCentre(page, MARK_COLOUR, await project(page, DONGGUANQIAO))).n).toBe(0)
    await waitForMapIdle(page)
    await readServiceAs(page, `${servers.origin}/gcj/{z}/{x}/{y}.png`, 'xyz', 'GCJ-02')
    await page.waitForSelector('[data-testid="service-message"]:has-text("已添加")')
    await waitForMapIdle(page)
    const place = await project(page, DONGGUANQIAO)
    const mark = await colourCentre(page, MARK_COLOUR, place)
    expect(mark.n).toBeGreaterThan(10)
    expect(Math.hypot(mark.x - place.x, mark.y - place.y)).toBeLessThan(1)
    // Unmoved, the mark would be where the place is in GCJ-02: some 500 m away, tens of pixels here.
    const unmoved = await project(page, gcoord.transform(DONGGUANQIAO, gcoord.WGS84, gcoord.GCJ02) as [number, number])
    expect(Math.hypot(unmoved.x - place.x, unmoved.y - place.y)).toBeGreaterThan(20)

    // A WMS is asked for the moved box itself (one GetMap a tile), and lands as well.
    await page.evaluate(([lng, lat]) => (window.location.hash = `#map=14/${lat}/${lng}&layers=district`), DONGGUANQIAO)
    await waitForMapIdle(page)
    expect((await colourCentre(page, MARK_COLOUR, place)).n).toBe(0)
    const before = servers.requests.length
    await readServiceAs(page, `${servers.origin}/wms?SERVICE=WMS&REQUEST=GetCapabilities`, 'auto', 'GCJ-02')
    await page
      .locator('[data-testid="service-offer"] .layer-option', { hasText: '标记（GCJ-02）' })
      .locator('input')
      .check()
    await page.locator('[data-testid="service-add"]').click()
    await page.waitForSelector('[data-testid="service-message"]:has-text("已添加")')
    await waitForMapIdle(page)
    const wmsMark = await colourCentre(page, MARK_COLOUR, place)
    expect(wmsMark.n).toBeGreaterThan(10)
    expect(Math.hypot(wmsMark.x - place.x, wmsMark.y - place.y)).toBeLessThan(1)
    const getMaps = servers.requests.slice(before).filter((r) => r.query.get('LAYERS') === 'zj:mark-gcj')
    // Each box is a tile's moved by the shift, not a tile of the grid (tiles put together would be).
    expect(getMaps.length).toBeGreaterThan(0)
    for (const request of getMaps) {
      const [minX, , maxX] = request.query.get('BBOX')!.split(',').map(Number) as [number, number, number]
      // The tile's width from its zoom, not from the box's rounded corners (which would blur the column).
      const size = (2 * HALF_WORLD) / 2 ** Math.round(Math.log2((2 * HALF_WORLD) / (maxX - minX)))
      const column = (minX + HALF_WORLD) / size
      expect(Math.abs(column - Math.round(column))).toBeGreaterThan(0.01)
    }
  })

  test('a PMTiles archive chosen as a file draws', async () => {
    const page = session.page
    await page.evaluate(() => (window.location.hash = '#map=10.6/29.137/119.778&layers=district'))
    await waitForMapIdle(page)
    const tile = rgbaPng(256, 256, () => [...PMTILES_COLOUR, 255])
    const tiles = []
    for (let z = 6; z <= 11; z++) {
      const n = 2 ** z
      const x0 = Math.floor(((119.4 + 180) / 360) * n)
      const x1 = Math.floor(((120.2 + 180) / 360) * n)
      const row = (lat: number) =>
        Math.floor(((1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2) * n)
      for (let x = x0; x <= x1; x++) for (let y = row(29.5); y <= row(28.8); y++) tiles.push({ z, x, y, bytes: tile })
    }
    const archive = writePmtiles(tiles, {
      tileType: 2,
      bounds: [119.4, 28.8, 120.2, 29.5],
      metadata: { name: '测试影像', attribution: '测试单位' },
    })
    await openServiceForm(page)
    await page.locator('[data-testid="service-kind"]').selectOption('pmtiles')
    await page.locator('[data-testid="service-url"]').fill('')
    await page
      .locator('[data-testid="service-file"]')
      .setInputFiles({ name: 'test.pmtiles', mimeType: 'application/octet-stream', buffer: archive })
    await page.locator('[data-testid="service-read"]').click()
    await page.waitForSelector('[data-testid="service-message"]:has-text("测试影像")')
    await waitForMapIdle(page)
    const [drawn] = await countColours(page, [PMTILES_COLOUR], 4)
    expect(drawn).toBeGreaterThan(50_000)
  })

  test('bad input is said: not XML, a template without {z}, a host not allowed here', async () => {
    const page = session.page
    await readService(page, `${servers.origin}/not-xml`, 'wms')
    const message = page.locator('[data-testid="service-message"][role="alert"]')
    await message.waitFor()
    expect(await message.innerText()).toMatch(/不是 XML|不是.*能力/)
    await readService(page, `${servers.origin}/tiles/{x}/{y}.png`, 'xyz')
    await page.waitForSelector('[data-testid="service-message"][role="alert"]:has-text("{z}")')
    await readService(page, 'https://gis.example.test/arcgis/rest/services/x/MapServer', 'arcgis')
    await page.waitForSelector('[data-testid="service-message"][role="alert"]:has-text("gis.example.test")')
    expect(await message.innerText()).toContain('SERVICE_HOSTS')
  })

  test('a service layer comes back after a reload', async () => {
    const page = session.page
    const names = () => page.locator('[data-testid="layer-list"]').innerText()
    await openToolTab(page, 'layers')
    expect(await names()).toContain('生态保护红线（测试）')
    await page.reload()
    await waitForMapIdle(page)
    await openToolTab(page, 'layers')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="layer-list"]')?.textContent?.includes('生态保护红线（测试）'),
    )
    expect(await names()).toContain('测试影像')
  })

  test('no console error, no request that leaves 127.0.0.1', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})

describe('a service that never answers', () => {
  let servers: ServiceServers
  let session: Session
  beforeAll(async () => {
    servers = await startServiceServers(DONGGUANQIAO)
    session = await openApp(`?netTimeoutMs=1500${DISTRICT_HASH}`, { localOrigins: [servers.origin] })
  }, 120_000)
  afterAll(async () => {
    await session?.close()
    await servers?.close()
  })

  test('gives a message naming it within its timeout, and the rest of the map is drawn', async () => {
    const page = session.page
    await snapshotCanvas(page, 'before')
    await readService(page, `${servers.origin}/hang/{z}/{x}/{y}.png`, 'xyz')
    // Within the tile deadline (1.5 s in this build's ?netTimeoutMs), far inside the wait here.
    const banner = page.locator('[data-testid="service-failure"]')
    await banner.waitFor({ timeout: 15_000 })
    expect(await banner.innerText()).toContain('127.0.0.1')
    expect(await banner.innerText()).toContain('1.5 秒内无应答')
    await page.screenshot({ path: 'docs/screenshots/service-timeout.png' })
    // The map is not left waiting, and what it drew before is drawn as it was.
    await waitForMapIdle(page)
    expect(await changedPixels(page, 'before')).toBe(0)
  })

  test('no console error, no request that leaves 127.0.0.1', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
