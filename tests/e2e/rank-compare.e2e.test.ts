/**
 * Two of a new planner's tasks, done the way a person would: "which township had the most
 * inspections?", read off the township ranking (no clicking township after township) and confirmed by
 * hovering it on the map; and "PM2.5 in January beside July", from the heatmaps' two-month comparison.
 * The answers are checked against the built data itself, counted here independently.
 */
import { readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { openToolTab } from './support/tools'
import { canvasOrigin, project, waitForMapIdle } from './support/map-probe'

const HASH = '#map=10.4/29.155/119.785&layers=counties,district,rivers,towns'
const geo = (file: string) => JSON.parse(readFileSync(`public/geo/${file}`, 'utf8')) as FeatureCollection

/** The township with the most sample inspections, counted from the points' own township codes. */
function mostInspections(): { code: string; name: string; count: number } {
  const counts = new Map<string, number>()
  for (const f of geo('enforcement.geojson').features)
    if (f.properties?.kind === 'inspection')
      counts.set(f.properties.town_code, (counts.get(f.properties.town_code) ?? 0) + 1)
  const [code, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!
  const town = geo('towns.geojson').features.find((f) => f.properties?.code === code)!
  return { code, name: String(town.properties!.name), count }
}

/** A point well inside a township: the mean of its outline's vertices (the cells are nearly convex). */
function insideTown(code: string): [number, number] {
  const town = geo('towns.geojson').features.find((f) => f.properties?.code === code) as Feature<Polygon | MultiPolygon>
  const g = town.geometry
  const ring = (g.type === 'Polygon' ? g.coordinates[0]! : g.coordinates[0]![0]!).slice(0, -1)
  return [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length]
}

describe('rank and compare, as a planner asks', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp(HASH)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('which township had the most inspections: the ranking answers, the map agrees on hover', async () => {
    const { page } = session
    const expected = mostInspections()
    // In 详情, above the town list, with nothing selected.
    await page.locator('[data-testid="tab-details"]').click()
    const ranking = page.locator('[data-testid="town-ranking"]')
    await ranking.waitFor({ timeout: 30_000 })
    await ranking.scrollIntoViewIfNeeded()
    // The ranking follows the indicator the map is coloured by (执法检查 at first).
    await expect(page.locator('[data-testid="indicator-select"]').inputValue()).resolves.toBe('inspections')
    await expect(ranking.locator('thead').innerText()).resolves.toContain('执法检查（家次）')
    const top = ranking.locator('tbody tr').first()
    await expect(top.getAttribute('data-rank')).resolves.toBe('1')
    await expect(top.locator('.town').innerText()).resolves.toBe(expected.name)
    await expect(top.locator('td.value').innerText()).resolves.toBe(String(expected.count))
    await expect(top.innerText()).resolves.toContain('示例数据')
    await expect(ranking.locator('tbody tr').count()).resolves.toBe(11)

    // Hovering that township on the map says the same: value, unit, rank, and that it is sample data.
    const origin = await canvasOrigin(page)
    const pixel = await project(page, insideTown(expected.code))
    await page.mouse.move(origin.x + pixel.x - 8, origin.y + pixel.y - 8)
    await page.mouse.move(origin.x + pixel.x, origin.y + pixel.y, { steps: 4 })
    const tooltip = page.locator('[data-testid="map-tooltip"]')
    await expect.poll(() => tooltip.innerText().catch(() => ''), { timeout: 10_000 }).toContain(expected.name)
    await expect(page.locator('[data-testid="map-tooltip-rank"]').innerText()).resolves.toBe(
      `执法检查 ${expected.count} 家次 · 第 1 / 11 名示例数据`,
    )
    await page.screenshot({ path: 'docs/screenshots/ranking.png' })

    // Sorting by value the other way puts it last; by name, in the language's order.
    await ranking.locator('[data-testid="ranking-sort-value"]').click()
    await expect(ranking.locator('th[aria-sort="ascending"]').innerText()).resolves.toContain('执法检查')
    await expect(ranking.locator('tbody tr').last().getAttribute('data-rank')).resolves.toBe('1')
    await ranking.locator('[data-testid="ranking-sort-value"]').click()

    // The ranking goes out as a CSV that Excel opens in Chinese.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      ranking.locator('[data-testid="ranking-csv"]').click(),
    ])
    expect(download.suggestedFilename()).toBe('乡镇排名-执法检查.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFF名次,乡镇（街道）,区划代码,执法检查（家次）,来源\r\n')).toBe(true)
    expect(csv.split('\r\n')[1]).toBe(`1,${expected.name},${expected.code},${expected.count},示例数据`)

    // A row opens that township's panel, as the township list does.
    await top.locator('.town').click()
    const panel = page.locator(`[data-testid="area-panel"][data-code="${expected.code}"]`)
    await panel.waitFor()
    await expect(panel.locator('tr[data-indicator="inspections"]').innerText()).resolves.toContain(
      String(expected.count),
    )
  })

  test('PM2.5 in January beside July: both months and the difference at every station', async () => {
    const { page } = session
    // The pointer leaves the map: the township's tooltip goes with it.
    await page.mouse.move(5, 300, { steps: 3 })
    await expect.poll(() => page.locator('[data-testid="map-tooltip"]').count(), { timeout: 5_000 }).toBe(0)
    await openToolTab(page, 'analysis')
    const compare = page.locator('[data-testid="month-compare"]')
    await compare.scrollIntoViewIfNeeded()
    await compare.locator('summary').click()
    await page.locator('[data-testid="pollutant-select"]').selectOption('pm25')
    await compare.locator('[data-testid="compare-first"]').selectOption('1')
    await compare.locator('[data-testid="compare-second"]').selectOption('7')
    const stations = geo('monitoring-points.geojson').features.filter((f) => f.properties?.kind === 'air')
    await expect(compare.locator('tbody tr').count()).resolves.toBe(stations.length)
    for (const station of stations) {
      const pm25 = station.properties!.pm25 as number[]
      const difference = pm25[6]! - pm25[0]!
      const cells = await compare.locator(`tbody tr[data-station="${station.id}"] td`).allInnerTexts()
      expect(cells, String(station.id)).toEqual([
        pm25[0]!.toFixed(1),
        pm25[6]!.toFixed(1),
        `${difference > 0 ? '+' : ''}${difference.toFixed(1)}`,
      ])
    }
    // Every station is cleaner in July than in January (winter haze), and the mean says so.
    await expect(compare.locator('tfoot td').last().innerText()).resolves.toMatch(/^-\d/)

    // A month's heading shows that month on the map.
    await compare.locator('thead button').nth(1).click()
    await expect(page.locator('[data-testid="month-label"]').innerText()).resolves.toContain('7月')
    await expect(page.locator('[data-testid="readings-toggle"]').isChecked()).resolves.toBe(true)
    await waitForMapIdle(page)
    await compare.scrollIntoViewIfNeeded()
    await page.screenshot({ path: 'docs/screenshots/compare-months.png' })
  })

  test('no console problem and no request beyond the app', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
