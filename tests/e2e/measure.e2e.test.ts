/**
 * 测量与标绘 in the built app: a distance measured between two township seats matches GeographicLib's
 * geodesic within 0.5 % and is drawn on the map; a measured area opens 范围统计; 1 km around 东关桥
 * lists what lies in it (the townships touched, as turf finds them here, and the monitoring points);
 * bad input (a radius of 0 or 1,000 km, a polygon of two points) says what is wrong and loses nothing;
 * a note drawn on the map is a user layer that comes back after a reload.
 */
import { readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson'
import { booleanIntersects, buffer, intersect, area as turfArea, featureCollection } from '@turf/turf'
import { Geodesic } from 'geographiclib-geodesic'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { openToolTab } from './support/tools'
import { canvasOrigin, hexToRgb, pixelsAt, project, waitForMapIdle } from './support/map-probe'

const geo = (name: string) => JSON.parse(readFileSync(`public/geo/${name}.geojson`, 'utf8')) as FeatureCollection
const seats = geo('seats').features as Feature<Point>[]
const seat = (name: string) => seats.find((f) => f.properties?.name === name)!.geometry.coordinates as [number, number]
const DUOHU = seat('多湖街道')
const XIAOSHUN = seat('孝顺镇')
const DONGGUANQIAO = (geo('water-sections').features as Feature<Point>[]).find((f) => f.properties?.name === '东关桥')!
const SKETCH_ORANGE = hexToRgb('#ea580c')
const HASH = '#map=11.3/29.137/119.778&layers=counties,district,rivers,towns,seats,water-sections'

async function clickAt(page: Page, lngLat: [number, number], options: { double?: boolean } = {}) {
  const origin = await canvasOrigin(page)
  const p = await project(page, lngLat)
  if (options.double) await page.mouse.dblclick(origin.x + p.x, origin.y + p.y)
  else await page.mouse.click(origin.x + p.x, origin.y + p.y)
}

async function openTool(page: Page, tool: string) {
  await openToolTab(page, 'analysis')
  await page.locator(`[data-testid="measure-tool-${tool}"]`).click()
  // The tool is on once the map takes its clicks.
  await page.waitForSelector(`[data-testid="measure-tool-${tool}"][aria-pressed="true"]`)
}

describe('测量与标绘', () => {
  let session: Session
  beforeAll(async () => {
    // Both seats on screen, about 13 m a pixel: a click's half pixel is far inside 0.5 % of ~20 km.
    session = await openApp(HASH)
    await waitForMapIdle(session.page)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('a distance between two seats is the geodesic one within 0.5 %, drawn on the map', async () => {
    const page = session.page
    const along = async () => {
      const a = await project(page, DUOHU)
      const b = await project(page, XIAOSHUN)
      // 60 points along the segment, clear of the two ends (the seats' own dots and labels), each with
      // the pixels just above and below it (the line is 3 px wide and antialiased).
      const points = Array.from({ length: 60 }, (_, i) => {
        const f = 0.1 + (0.8 * i) / 59
        return { x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y) }
      })
      const colours = await pixelsAt(
        page,
        points.flatMap((p) => [-1, 0, 1].map((dy) => ({ x: p.x, y: p.y + dy }))),
      )
      return points.map((_, i) => colours.slice(3 * i, 3 * i + 3))
    }
    const before = await along()
    await openTool(page, 'distance')
    await clickAt(page, DUOHU)
    await clickAt(page, XIAOSHUN, { double: true })
    const figure = page.locator('[data-testid="measure-result"][data-tool="distance"] [data-testid="measure-figure"]')
    await figure.waitFor()
    const text = await figure.innerText()
    expect(text).toMatch(/^[\d,.]+ km$/)
    const measured = Number(text.replace(/[^\d.]/g, '')) * 1000
    const geodesic = Geodesic.WGS84.Inverse(DUOHU[1], DUOHU[0], XIAOSHUN[1], XIAOSHUN[0]).s12!
    expect(Math.abs(measured - geodesic) / geodesic).toBeLessThan(0.005)
    // The dashed line is drawn between the seats, in the sketch's colour: points along it turned orange.
    await waitForMapIdle(page)
    await page.screenshot({ path: 'docs/screenshots/measure-distance.png' })
    const after = await along()
    const near = (c: number[], d: number[]) => Math.hypot(c[0]! - d[0]!, c[1]! - d[1]!, c[2]! - d[2]!) < 60
    const orange = (pixels: number[][]) => pixels.some((c) => near(c, SKETCH_ORANGE))
    const turned = after.filter((pixels, i) => orange(pixels) && !orange(before[i]!)).length
    expect(turned).toBeGreaterThan(40)
  }, 60_000)

  test('a polygon of two points is refused with a message, and its points are kept', async () => {
    const page = session.page
    await openTool(page, 'area')
    await clickAt(page, DUOHU)
    await clickAt(page, XIAOSHUN)
    await page.locator('[data-testid="measure-finish"]').click()
    await expect(page.locator('[data-testid="measure-problem"]').innerText()).resolves.toContain('至少需要 3 个')
    // The third point completes the area: the two before it were not lost.
    await clickAt(page, [XIAOSHUN[0], DUOHU[1]])
    await page.keyboard.press('Enter')
    const figure = page.locator('[data-testid="measure-result"][data-tool="area"] [data-testid="measure-figure"]')
    await expect(figure.innerText()).resolves.toMatch(/km² · [\d,.]+ 公顷 · [\d,.]+ 亩/)
    await page.locator('[data-testid="measure-analyse"]').click()
    await expect(page.locator('[data-testid="shape-panel"] h2').innerText()).resolves.toBe('测量的面')
    await expect(page.locator('[data-testid="shape-towns"] tbody tr').count()).resolves.toBeGreaterThan(0)
    await page.keyboard.press('Escape')
  }, 60_000)

  test('1 km around 东关桥 lists the townships it touches and the monitoring points in it', async () => {
    const page = session.page
    await page.locator('[data-testid="measure-tool-distance"]').waitFor()
    // Leave the tool, so that a click selects again.
    if ((await page.locator('[data-testid="measure-tool-distance"]').getAttribute('aria-pressed')) === 'true')
      await page.keyboard.press('Escape')
    // The area's panel framed the triangle: back to the first view before aiming at the section.
    const [lng, lat] = DONGGUANQIAO.geometry.coordinates as [number, number]
    await page.evaluate(
      (hash) => (location.hash = hash),
      `#map=12/${lat.toFixed(4)}/${lng.toFixed(4)}&layers=counties,district,rivers,towns,seats,water-sections`,
    )
    await page.waitForTimeout(300)
    await waitForMapIdle(page)
    await clickAt(page, DONGGUANQIAO.geometry.coordinates as [number, number])
    await page.locator('[data-testid="feature-panel"][data-layer="water-sections"]').waitFor()
    await page.locator('[data-testid="nearby-radius"]').fill('1000')
    await page.locator('[data-testid="nearby-run"]').click()
    const panel = page.locator('[data-testid="shape-panel"]')
    await expect(panel.locator('h2').innerText()).resolves.toBe('东关桥 周边 1 km')
    // The townships a 1 km circle touches, found here with turf (its own buffer) against the built townships.
    const circle = buffer(DONGGUANQIAO, 1, { units: 'kilometers' })!
    const expected = geo('towns')
      .features.filter((town) => {
        if (!booleanIntersects(circle, town)) return false
        const overlap = intersect(featureCollection([circle, town as Feature<Polygon>]))
        return overlap !== null && turfArea(overlap) > 1
      })
      .map((town) => String(town.properties?.name))
      .sort()
    expect(expected.length).toBeGreaterThan(0)
    const towns = await panel.locator('[data-testid="shape-towns"] tbody th').allInnerTexts()
    expect([...towns].sort()).toEqual(expected)
    const monitoring = await panel.locator('[data-testid="shape-monitoring"] li').allInnerTexts()
    expect(monitoring).toContain('东关桥')
    expect(monitoring.some((name) => name.startsWith('东关桥水质自动监测'))).toBe(true)
    await expect(
      panel.locator('[data-testid="shape-layers"] tr[data-layer="water-sections"] td').first().innerText(),
    ).resolves.toBe('1')
    await expect(panel.locator('[data-testid="shape-area"]').innerText()).resolves.toMatch(/^3\.1\d km²/)
    await waitForMapIdle(page)
    await page.screenshot({ path: 'docs/screenshots/buffer-statistics.png' })
  }, 60_000)

  test('a radius of 0 or of 1,000 km is refused with a message naming the limit', async () => {
    const page = session.page
    await page.locator('[data-testid="shape-panel"] .close').click()
    await page.locator('[data-testid="nearby-radius"]').fill('0')
    await page.locator('[data-testid="nearby-run"]').click()
    // Each run answers after turf's buffer has loaded: wait for the answer, not the one before it.
    const problem = () => page.locator('[data-testid="nearby-problem"]').innerText()
    await expect.poll(problem).toMatch(/至少为 1 米/)
    await page.locator('[data-testid="nearby-radius"]').fill('1000000')
    await page.locator('[data-testid="nearby-run"]').click()
    await expect.poll(problem).toMatch(/最大为 50 千米/)
    await expect(page.locator('[data-testid="shape-panel"]').count()).resolves.toBe(0)
  }, 60_000)

  test('a note drawn on the map is a user layer, drawn, and back after a reload', async () => {
    const page = session.page
    await openTool(page, 'text')
    await page.locator('[data-testid="measure-label"]').fill('拟建监测点')
    // Wherever the map is now: its middle.
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    const row = page.locator('[data-testid="layer-list"] li', { hasText: '地图标绘' })
    await expect.poll(() => row.count()).toBe(1)
    await waitForMapIdle(page)
    await page.screenshot({ path: 'docs/screenshots/drawn-note.png' })
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid="kept-data"][data-state="on"][data-pending="false"]', {
      state: 'attached',
      timeout: 30_000,
    })
    await page.reload()
    await waitForMapIdle(page)
    await expect
      .poll(() => page.locator('[data-testid="layer-list"] li', { hasText: '地图标绘' }).count(), { timeout: 20_000 })
      .toBe(1)
  }, 90_000)

  test('no console error, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
