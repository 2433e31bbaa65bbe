/**
 * The readings surface as a continuous ramp, in the built app: in January every station's PM2.5 is
 * 良, so the HJ 633 levels paint the district in one colour; with the ramp on, the same month shows
 * many colours inside the district (where it is higher), and the legend states the month's range
 * with the HJ 633 levels laid under the ramp (a breakpoint mark once the range crosses one).
 */
import { mkdirSync, readFileSync } from 'node:fs'
import type { FeatureCollection, Polygon } from 'geojson'
import { booleanPointInPolygon, point, pointToLineDistance, polygonToLine } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp } from './support/app'
import { openToolTab } from './support/tools'
import type { Session } from './support/browser'
import { pixelsAt, screenLattice, waitForMapIdle, type Rgb } from './support/map-probe'
import { stationReadings } from '../../src/domain/air/readings'
import { levelOf } from '../../src/domain/air/aqi'

const SHOTS = 'docs/screenshots'
const geo = (name: string) => JSON.parse(readFileSync(`public/geo/${name}.geojson`, 'utf8')) as FeatureCollection
const district = geo('district').features[0]!.geometry as Polygon
const january = stationReadings(geo('monitoring-points'), 'pm25', 1)

async function settle(page: Page) {
  await waitForMapIdle(page)
  await page.waitForTimeout(500)
  await waitForMapIdle(page)
}

/** Distinct colours among the pixels, each channel in steps of 16 (antialiasing and blending noise). */
const distinctColours = (pixels: readonly Rgb[]) => new Set(pixels.map((rgb) => rgb.map((c) => c >> 4).join())).size

describe('readings surface as a continuous ramp', () => {
  let session: Session
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    session = await openApp('#map=10.4/29.155/119.785&layers=district')
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('January PM2.5: one level everywhere; the ramp shows where it is higher; levels on the legend', async () => {
    const page = session.page
    // The premise: every station in one HJ 633 level this month.
    expect(new Set(Array.from(january.values, (v) => levelOf('pm25', v).level))).toEqual(new Set([2]))

    // Points inside the district, away from its outline (a 200 m cell straddles it).
    const lattice = await screenLattice(page, 23)
    const outline = polygonToLine(district) as never
    const inside = lattice.filter(
      (p) =>
        booleanPointInPolygon(p.lngLat, district) &&
        pointToLineDistance(point(p.lngLat), outline, { units: 'meters' }) >= 300,
    )
    expect(inside.length).toBeGreaterThan(200)

    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    await expect(page.locator('[data-testid="month-slider"]').inputValue()).resolves.toBe('1')
    await expect(page.locator('[data-testid="readings-colouring-levels"]').isChecked()).resolves.toBe(true)
    await settle(page)
    const levelsColours = distinctColours(await pixelsAt(page, inside))
    await expect(page.locator('[data-testid="readings-ramp"]').count()).resolves.toBe(0)

    await page.locator('[data-testid="readings-colouring-ramp"]').check()
    await settle(page)
    const rampPixels = await pixelsAt(page, inside)
    const rampColours = distinctColours(rampPixels)
    // The levels: one colour over the base map's few; the ramp: many more.
    expect(rampColours, `levels ${levelsColours}, ramp ${rampColours}`).toBeGreaterThanOrEqual(
      Math.max(8, 3 * levelsColours),
    )

    // The legend: the month's range, one band (良) under the whole ramp, no breakpoint inside it.
    const ramp = page.locator('[data-testid="readings-ramp"]')
    const min = Math.min(...january.values).toFixed(1)
    const max = Math.max(...january.values).toFixed(1)
    await expect(page.locator('[data-testid="readings-ramp-range"]').innerText()).resolves.toContain(`${min}–${max}`)
    await expect(
      ramp.locator('[data-level]').evaluateAll((els) => els.map((e) => e.getAttribute('data-level'))),
    ).resolves.toEqual(['2'])
    await expect(ramp.locator('[data-testid="ramp-level-mark"]').count()).resolves.toBe(0)
    await ramp.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}/surface-ramp.png` })

    // March straddles 35 μg/m³ (优|良): that breakpoint is marked on the ramp, between two bands.
    await page.locator('[data-testid="month-slider"]').fill('3')
    await settle(page)
    await expect(
      ramp
        .locator('[data-testid="ramp-level-mark"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-value'))),
    ).resolves.toEqual(['35'])
    await expect(ramp.locator('[data-level]').count()).resolves.toBe(2)
  }, 300_000)

  test('no console error, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
