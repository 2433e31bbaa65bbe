/**
 * Warnings (预警) in the built app: the list holds exactly the warnings recomputed here from the
 * same public/geo files by the stated limits (written out again, not imported from the app), most
 * severe first; choosing one moves the map to it and opens its panel; the township panel counts
 * them; the CSV and the printable report carry the same list.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import type { FeatureCollection, Point, Polygon } from 'geojson'
import { booleanPointInPolygon } from '@turf/turf'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { project, waitForMapIdle } from './support/map-probe'

const SHOTS = 'docs/screenshots'
const geo = (name: string) => JSON.parse(readFileSync(`public/geo/${name}.geojson`, 'utf8')) as FeatureCollection
const towns = geo('towns')

/** Township code of a point, from the township polygons the app draws. */
const townOf = (lngLat: number[]) =>
  towns.features.find((t) => booleanPointInPolygon(lngLat, t.geometry as Polygon))?.properties?.code as
    string | undefined

interface Expected {
  featureId: string
  lngLat: number[]
  town: string | undefined
  kind: string
}

/** The rules, restated: monthly PM2.5 > 35 or PM10 > 70 (annual Level II); daily over 75/150/160; class > Ⅲ. */
function expectedWarnings(): Expected[] {
  const out: Expected[] = []
  for (const f of geo('monitoring-points').features) {
    const p = f.properties!
    if (p.kind !== 'air') continue
    const lngLat = (f.geometry as Point).coordinates
    const base = { featureId: String(p.id), lngLat, town: townOf(lngLat) }
    for (const v of p.pm25 as number[]) if (v > 35) out.push({ ...base, kind: 'air-monthly-mean' })
    for (const v of p.pm10 as number[]) if (v > 70) out.push({ ...base, kind: 'air-monthly-mean' })
    for (const d of (p.daily ?? []) as Record<string, number>[]) {
      if (d.pm25! > 75 || d.pm10! > 150 || d.o3_8h! > 160) out.push({ ...base, kind: 'air-daily' })
    }
  }
  for (const f of geo('water-sections').features) {
    const lngLat = (f.geometry as Point).coordinates
    for (const c of f.properties!.monthly_classes as number[])
      if (c > 3) out.push({ featureId: String(f.properties!.id), lngLat, town: townOf(lngLat), kind: 'water-class' })
  }
  return out
}

describe('warnings', () => {
  let session: Session
  const expected = expectedWarnings()
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    session = await openApp('#map=10.4/29.155/119.785&layers=counties,district,towns,seats,rivers')
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('the list holds exactly the warnings recomputed from the data files, most severe first', async () => {
    const page = session.page
    await page.locator('[data-testid="tab-warnings"]').click()
    // The panel loads after the first view (fetched in idle time, or on the click).
    await page.locator('[data-testid="warnings-panel"]').waitFor({ timeout: 20_000 })
    const items = page.locator('[data-testid="warning-item"]')
    expect(expected.length).toBeGreaterThan(10)
    await expect(items.count()).resolves.toBe(expected.length)
    await expect(page.locator('[data-testid="warnings-count"]').getAttribute('data-count')).resolves.toBe(
      String(expected.length),
    )
    const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))
    const byKind = (k: string) => expected.filter((w) => w.kind === k).length
    expect(kinds.filter((k) => k === 'water-class')).toHaveLength(byKind('water-class'))
    expect(kinds.filter((k) => k === 'air-monthly-mean')).toHaveLength(byKind('air-monthly-mean'))
    // Water (medium or high) before the monthly-mean notices.
    expect(kinds.lastIndexOf('water-class')).toBeLessThan(kinds.indexOf('air-monthly-mean'))
    // The monthly means are labelled as what they are, and every item carries the sample badge.
    await expect(page.locator('[data-testid="warnings-panel"]').innerText()).resolves.toContain(
      '月均值高于年均二级限值（非法定超标判定）',
    )
    await expect(page.locator('[data-testid="warnings-list"] [data-testid="provenance-badge"]').count()).resolves.toBe(
      expected.length,
    )
    await expect(page.locator('[data-testid="warnings-no-daily"]').isVisible()).resolves.toBe(true)
    await page.screenshot({ path: `${SHOTS}/warnings.png` })
  })

  test('the CSV has a BOM, a header and one row per warning', async () => {
    const page = session.page
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="warnings-csv"]').click(),
    ])
    const text = readFileSync((await download.path())!, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).trim().split('\r\n')
    expect(lines).toHaveLength(expected.length + 1)
    expect(lines[0]).toMatch(/^等级,日期,地点,乡镇（街道）/)
    expect(lines.slice(1).every((line) => line.includes('示例数据'))).toBe(true)
    expect(lines.filter((line) => line.includes('非法定超标判定'))).toHaveLength(
      expected.filter((w) => w.kind === 'air-monthly-mean').length,
    )
  })

  test('the printable report has the date, the map and the list', async () => {
    const page = session.page
    await page.locator('[data-testid="warnings-report"]').click()
    const view = page.locator('[data-testid="warnings-report-view"]')
    await expect(view.innerText()).resolves.toContain(new Date().toISOString().slice(0, 10))
    await page.locator('[data-testid="warnings-report-map"]').waitFor({ timeout: 30_000 })
    await expect(page.locator('[data-testid="warnings-report-row"]').count()).resolves.toBe(expected.length)
    await view.getByRole('button', { name: '关闭' }).click()
    await expect(view.count()).resolves.toBe(0)
  })

  test('choosing a warning moves the map to it and opens its panel', async () => {
    const page = session.page
    const item = page.locator('[data-testid="warning-item"][data-kind="air-monthly-mean"]').first()
    const id = (await item.getAttribute('data-id'))!
    const target = expected.find((w) => id.startsWith(`${w.featureId}:`))!
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!
    const before = await project(page, target.lngLat as [number, number])
    const offCentre = (p: { x: number; y: number }) => Math.hypot(p.x - box.width / 2, p.y - box.height / 2)
    expect(offCentre(before)).toBeGreaterThan(20)
    await item.click()
    const panel = page.locator('[data-testid="feature-panel"]')
    await expect(panel.getAttribute('data-feature')).resolves.toBe(target.featureId)
    await expect
      .poll(async () => offCentre(await project(page, target.lngLat as [number, number])), {
        timeout: 20_000,
      })
      .toBeLessThan(3)
    await waitForMapIdle(page)
  })

  test('the township panel counts the warnings inside it', async () => {
    const page = session.page
    await page.locator('[data-testid="tab-details"]').click()
    const close = page.locator('[data-testid="feature-panel"] .close')
    if (await close.count()) await close.click()
    const counts = new Map<string, number>()
    for (const w of expected) if (w.town) counts.set(w.town, (counts.get(w.town) ?? 0) + 1)
    const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1])
    const zero = towns.features.map((t) => String(t.properties!.code)).find((code) => !counts.has(code))
    for (const [code, n] of [busiest!, ...(zero ? [[zero, 0] as const] : [])]) {
      await page.locator(`[data-testid="town-list"] button[data-code="${code}"]`).click()
      await expect(
        page.locator('[data-testid="area-panel"] [data-testid="area-warnings"]').getAttribute('data-count'),
      ).resolves.toBe(String(n))
      await page.locator('[data-testid="area-panel"] .close').click()
    }
  })

  test('no console error, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
