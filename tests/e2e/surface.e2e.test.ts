/**
 * The concentration surface in the built app, read from the canvas as a person sees it: at each
 * air station the drawn colour is the level of that station's reading; nothing is drawn outside
 * the district; hovering shows the value labelled 插值估算 with the sample badge, and the month
 * slider changes it.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import type { FeatureCollection, Polygon } from 'geojson'
import { booleanPointInPolygon, point, pointToLineDistance, polygonToLine } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { canvasOrigin, pixelsAt, project, screenLattice, waitForMapIdle, type Rgb } from './support/map-probe'
import { stationReadings } from '../../src/domain/air/readings'
import { readingsLegend } from '../../src/domain/air/pollutant-scale'
import { levelOf as levelOfScale } from '../../src/domain/air/aqi'
import { openToolTab } from './support/tools'

const SHOTS = 'docs/screenshots'
const geo = (name: string) => JSON.parse(readFileSync(`public/geo/${name}.geojson`, 'utf8')) as FeatureCollection
const district = geo('district').features[0]!.geometry as Polygon
const stations = geo('monitoring-points')
const march = stationReadings(stations, 'pm25', 3)
const july = stationReadings(stations, 'pm25', 7)
const levels = readingsLegend('pm25').steps

/** The level a reading falls in, by the app's one level function (from < value ≤ to: 35 is 优). */
const levelOf = (value: number) => levelOfScale('pm25', value).level

const pixelAt = async (page: Page, x: number, y: number) => (await pixelsAt(page, [{ x, y }]))[0]!

async function goTo(page: Page, hash: string) {
  await page.evaluate((hash) => (window.location.hash = hash), hash)
  await waitForMapIdle(page)
  await page.evaluate(() =>
    (window as unknown as { __jindongMap: { whenIdle(): Promise<void> } }).__jindongMap.whenIdle(),
  )
}

const stationAt = (readings: typeof march, i: number): [number, number] => [
  readings.positions[2 * i]!,
  readings.positions[2 * i + 1]!,
]

describe('concentration surface', () => {
  let session: Session
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    session = await openApp('#map=10.4/29.155/119.785&layers=district')
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('is the default readings style and draws only inside the district', async () => {
    const page = session.page
    const origin = await canvasOrigin(page)
    // A lattice of screen points; each one's lng/lat, inside or outside, and its colour before.
    const lattice = await screenLattice(page, 37)
    const outline = polygonToLine(district) as never
    // Leave out a band of 300 m along the outline (a 200 m cell straddles it).
    const kept = lattice.filter((p) => pointToLineDistance(point(p.lngLat), outline, { units: 'meters' }) >= 300)
    const before = await pixelsAt(page, kept)
    const samples = kept.map((p, i) => ({
      ...p,
      inside: booleanPointInPolygon(p.lngLat, district),
      before: before[i]!,
    }))
    await openToolTab(page, 'analysis')
    await expect(page.locator('[data-testid="readings-style-surface"]').isChecked()).resolves.toBe(true)
    await page.locator('[data-testid="readings-toggle"]').check()
    await waitForMapIdle(page)
    await page.waitForTimeout(500)
    await waitForMapIdle(page)
    let insideChanged = 0
    let inside = 0
    const outsideChanged: { x: number; y: number }[] = []
    const afterAll = await pixelsAt(page, samples)
    for (const [k, sample] of samples.entries()) {
      const after = afterAll[k]!
      const changed = after.some((c, i) => Math.abs(c - sample.before[i]!) > 12)
      if (sample.inside) {
        inside++
        if (changed) insideChanged++
      } else if (changed) outsideChanged.push({ x: sample.x + origin.x, y: sample.y + origin.y })
    }
    expect(outsideChanged).toEqual([])
    expect(inside).toBeGreaterThan(100)
    // Inside, nearly every point changes (a few may sit under a station's ring or value).
    expect(insideChanged / inside).toBeGreaterThan(0.95)
    // March: the stations' PM2.5 straddles 35 μg/m³, so the surface shows two levels.
    await page.locator('[data-testid="month-slider"]').fill('3')
    await waitForMapIdle(page)
    await page.waitForTimeout(500)
    await waitForMapIdle(page)
    await page.screenshot({ path: `${SHOTS}/surface.png` })
  }, 300_000)

  test("at each station the colour is its reading's level (March: two levels among the stations)", async () => {
    const page = session.page
    expect(new Set(Array.from(march.values, levelOf)).size).toBeGreaterThan(1)
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').uncheck()
    const centre = async () => {
      const box = (await page.locator('.maplibregl-canvas').boundingBox())!
      return { x: box.width / 2, y: box.height / 2 }
    }
    // Base colour under each station, surface off; then the drawn colour, surface on.
    const base: Rgb[] = []
    for (let i = 0; i < march.values.length; i++) {
      const [lng, lat] = stationAt(march, i)
      await goTo(page, `#map=13/${lat}/${lng}&layers=district`)
      const p = await project(page, [lng, lat])
      expect(Math.abs(p.x - (await centre()).x)).toBeLessThan(2)
      base.push(await pixelAt(page, p.x, p.y))
    }
    await page.locator('[data-testid="readings-toggle"]').check()
    for (let i = 0; i < march.values.length; i++) {
      const [lng, lat] = stationAt(march, i)
      await goTo(page, `#map=13/${lat}/${lng}&layers=district`)
      const p = await project(page, [lng, lat])
      const drawn = await pixelAt(page, p.x, p.y)
      // The surface is drawn partly transparent over the base; how deck.gl's blending comes out on
      // the canvas is not fixed here, so each level is matched at its best alpha between 0.5 and 1.
      const distance = (rgb: readonly number[]) =>
        Math.min(
          ...[0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1].map((a) =>
            rgb.reduce((sum, c, k) => sum + Math.abs(drawn[k]! - (a * c + (1 - a) * base[i]![k]!)), 0),
          ),
        )
      const nearest = [...levels].sort((a, b) => distance(a.rgb) - distance(b.rgb))[0]!
      expect(distance(nearest.rgb), `station ${i} drawn ${drawn}`).toBeLessThan(30)
      expect(nearest.level, `station ${i}: ${march.values[i]} μg/m³`).toBe(levelOf(march.values[i]!))
    }
  }, 240_000)

  test('hover at a station shows 插值估算 with its reading, and the month slider changes it', async () => {
    const page = session.page
    const i = 0
    const [lng, lat] = stationAt(march, i)
    await goTo(page, `#map=13/${lat}/${lng}&layers=district`)
    const hoverValue = async () => {
      const p = await project(page, [lng, lat])
      const origin = await canvasOrigin(page)
      await page.mouse.move(origin.x + p.x + 30, origin.y + p.y + 30)
      await page.mouse.move(origin.x + p.x, origin.y + p.y)
      const tip = page.locator('[data-testid="surface-tooltip"]')
      await tip.waitFor({ timeout: 10_000 })
      await expect(tip.innerText()).resolves.toContain('插值估算')
      await expect(tip.innerText()).resolves.toContain('示例数据')
      return Number(await tip.getAttribute('data-value'))
    }
    const marchValue = await hoverValue()
    expect(Math.abs(marchValue - march.values[i]!) / march.values[i]!).toBeLessThan(0.01)
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="month-slider"]').fill('7')
    await waitForMapIdle(page)
    await page.waitForTimeout(300)
    await waitForMapIdle(page)
    await expect.poll(hoverValue, { timeout: 20_000 }).toBeCloseTo(july.values[i]!, 1)
  })

  test('the density option still draws the kernel heatmap', async () => {
    const page = session.page
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-style-density"]').check()
    await waitForMapIdle(page)
    await expect(page.locator('[data-testid="readings-style-note"]').innerText()).resolves.toContain('密度')
    await page.locator('[data-testid="readings-style-surface"]').check()
    await waitForMapIdle(page)
  })

  test('no console error, no warning but deck.gl’s own, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
