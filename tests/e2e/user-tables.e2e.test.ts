/**
 * The user's readings and inspection tables in the built app (issue 10, item 4): a readings CSV
 * offered "use as readings" replaces the sample readings, so the surface at a station shows the
 * user's value (hover) and its colour, and the station's panel shows the user's values and badge;
 * an inspections CSV with a 乡镇 column and no coordinates replaces the sample inspections, so the
 * township panel counts the table's rows for that township, with the user's badge and the report's
 * figure beside, and the inspection density draws them.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FeatureCollection } from 'geojson'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { canvasOrigin, changedPixels, project, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const SHOTS = 'docs/screenshots'
const geo = (name: string) => JSON.parse(readFileSync(`public/geo/${name}.geojson`, 'utf8')) as FeatureCollection
const codeOf = (name: string) =>
  String(geo('towns').features.find((f) => f.properties?.name === name)!.properties!.code)
const CAOZHAI = codeOf('曹宅镇')
const DUOHU = codeOf('多湖街道')
const caozhaiStation = geo('monitoring-points').features.find((f) => f.properties?.id === `air-${CAOZHAI}`)!
const [stationLng, stationLat] = (caozhaiStation.geometry as unknown as { coordinates: [number, number] }).coordinates

/** Three stations × three months; 曹宅's February is far above anything in the sample. */
const READINGS_CSV = [
  '站点,日期,pm25,pm10,o3_8h',
  '曹宅空气站,2022-01,31,50,80',
  '曹宅空气站,2022-02,180,210,90',
  '曹宅空气站,2022-03,33,52,100',
  '多湖空气站,2022-01,12,30,70',
  '多湖空气站,2022-02,14,32,72',
  '多湖空气站,2022-03,16,34,74',
  '孝顺空气站,2022-01,20,40,60',
  '孝顺空气站,2022-02,22,42,62',
  '孝顺空气站,2022-03,24,44,64',
  '火星站,2022-02,1,1,1',
].join('\n')

/** Seven rows for 曹宅 (5 inspections, 2 cases) and three for 多湖; no coordinates. */
const INSPECTIONS_CSV = [
  '日期,kind,对象,乡镇（街道）',
  '2022-03-08,inspection,甲企业,曹宅镇',
  '2022-03-09,inspection,乙企业,曹宅',
  '2022-04-10,检查,丙企业,曹宅镇',
  '2022-05-11,inspection,丁企业,曹宅镇',
  '2022-06-12,inspection,戊企业,曹宅镇',
  '2022-06-13,case,戊企业,曹宅镇',
  '2022-07-14,移送公安,己企业,曹宅镇',
  '2022-03-15,inspection,庚企业,多湖街道',
  '2022-04-16,inspection,辛企业,多湖',
  '2022-05-17,inspection,壬企业,多湖街道',
].join('\n')

async function importTable(page: Page, path: string) {
  await page.locator('[data-testid="import-input"]').setInputFiles(path)
  await page.locator('[data-testid="user-table-offer"]').waitFor({ timeout: 30_000 })
}

async function goTo(page: Page, hash: string) {
  await page.evaluate((hash) => (window.location.hash = hash), hash)
  await waitForMapIdle(page)
  await page.evaluate(() =>
    (window as unknown as { __jindongMap: { whenIdle(): Promise<void> } }).__jindongMap.whenIdle(),
  )
}

describe('readings and inspections as the user’s data', () => {
  let session: Session
  const dir = mkdtempSync(join(tmpdir(), 'user-tables-'))
  const readingsPath = join(dir, '读数.csv')
  const inspectionsPath = join(dir, '检查.csv')
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    writeFileSync(readingsPath, READINGS_CSV)
    writeFileSync(inspectionsPath, INSPECTIONS_CSV)
    session = await openApp('#map=10.4/29.155/119.785&layers=district')
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('a readings table is offered as readings, with its report', async () => {
    const page = session.page
    await importTable(page, readingsPath)
    const offer = page.locator('[data-testid="user-table-offer"]')
    await expect(offer.getAttribute('data-kind')).resolves.toBe('readings')
    await expect(page.locator('[data-testid="user-table-readings"]').innerText()).resolves.toContain('3 个站点')
    await expect(page.locator('[data-testid="user-table-refused"]').innerText()).resolves.toContain('火星站')
    await page.locator('[data-testid="user-table-use"]').click()
    await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
  })

  test("the surface at 曹宅's station shows the user's February value, badged as the user's", async () => {
    const page = session.page
    await goTo(page, `#map=13/${stationLat}/${stationLng}&layers=district`)
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    // The surface's note counts the user's stations, not the sample's 11.
    await expect(page.locator('[data-testid="readings-style-note"]').innerText()).resolves.toContain('仅 3 个站点')
    await page.locator('[data-testid="month-slider"]').fill('2')
    await waitForMapIdle(page)
    const hover = async () => {
      const p = await project(page, [stationLng, stationLat])
      const origin = await canvasOrigin(page)
      await page.mouse.move(origin.x + p.x + 30, origin.y + p.y + 30)
      await page.mouse.move(origin.x + p.x, origin.y + p.y)
      const tip = page.locator('[data-testid="surface-tooltip"]')
      // Short, so that the poll below moves the pointer again and again (deck.gl picks on a move;
      // one made before the surface was drawn picks nothing) instead of waiting on one move.
      await tip.waitFor({ timeout: 1_500 })
      return { value: Number(await tip.getAttribute('data-value')), text: await tip.innerText() }
    }
    await expect.poll(async () => (await hover()).value, { timeout: 60_000 }).toBeCloseTo(180, 0)
    const { text } = await hover()
    expect(text).toContain('用户数据')
    expect(text).not.toContain('示例数据')
    // The colour changes with the user's month: 180 μg/m³ in February, 33 in March.
    await snapshotCanvas(page, 'february')
    await page.locator('[data-testid="month-slider"]').fill('3')
    await waitForMapIdle(page)
    await expect.poll(() => changedPixels(page, 'february'), { timeout: 20_000 }).toBeGreaterThan(5_000)
    await expect.poll(async () => (await hover()).value, { timeout: 60_000 }).toBeCloseTo(33, 0)
    await page.locator('[data-testid="readings-toggle"]').uncheck()
  }, 120_000)

  test("the station's panel shows the user's readings and the user's badge", async () => {
    const page = session.page
    await goTo(
      page,
      `#map=12/${stationLat}/${stationLng}&layers=district,monitoring-points&sel=monitoring-points:air-${CAOZHAI}`,
    )
    const panel = page.locator('[data-testid="feature-panel"]')
    await panel.waitFor({ timeout: 10_000 })
    const text = await panel.innerText()
    expect(text).toContain('曹宅空气站')
    expect(text).toContain('用户数据')
    expect(text).not.toContain('示例数据')
    expect(text).toContain('近似位置')
    await expect(panel.locator('svg[role="img"]').first().getAttribute('aria-label')).resolves.toContain(
      'PM2.5: 31, 180, 33',
    )
    await panel.locator('.close').click()
  })

  test('an inspections table by 乡镇 replaces the sample: the township counts its rows, user badge', async () => {
    const page = session.page
    await importTable(page, inspectionsPath)
    await expect(page.locator('[data-testid="user-table-offer"]').getAttribute('data-kind')).resolves.toBe(
      'inspections',
    )
    await expect(page.locator('[data-testid="user-table-report-figures"]').innerText()).resolves.toContain('1095')
    await page.locator('[data-testid="user-table-use"]').click()
    await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
    await goTo(page, `#map=10.4/29.155/119.785&layers=district,towns,enforcement&sel=towns:${CAOZHAI}`)
    const row = (indicator: string) => page.locator(`[data-testid="area-panel"] [data-indicator="${indicator}"]`)
    const count = async (indicator: string) =>
      Number.parseInt(await row(indicator).locator('td').first().innerText(), 10)
    await expect.poll(() => count('inspections'), { timeout: 20_000 }).toBe(5)
    await expect(count('cases')).resolves.toBe(2)
    await expect(row('inspections').innerText()).resolves.toContain('用户数据')
    await goTo(page, `#map=10.4/29.155/119.785&layers=district,towns,enforcement&sel=towns:${DUOHU}`)
    await expect.poll(() => count('inspections'), { timeout: 20_000 }).toBe(3)
    await expect(page.locator('[data-testid="area-panel"]').innerText()).resolves.toContain('您的数据')
    // The legend names the replacement and the approximate positions.
    await openToolTab(page, 'layers')
    const legend = await page.locator('[data-testid="legend"]').innerText()
    expect(legend).toContain('已用您的文件 检查.csv 替换')
    expect(legend).toContain('10 条无坐标，按乡镇（街道）内代表点定位（近似位置）')
    await page.locator('[data-testid="area-panel"] .close').click()
  })

  test('the inspection density draws the table’s rows', async () => {
    const page = session.page
    await goTo(page, '#map=10.4/29.155/119.785&layers=district')
    await snapshotCanvas(page, 'no-density')
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="density-toggle"]').check()
    await waitForMapIdle(page)
    await expect
      .poll(async () => Number(await page.locator('[data-testid="density-total"]').getAttribute('data-total')), {
        timeout: 20_000,
      })
      .toBe(10)
    const block = await page.locator('[data-block="inspections"]').innerText()
    expect(block).toContain('用户数据')
    expect(block).not.toContain('示例数据')
    // Ten rows at two township points: two small blobs.
    await expect.poll(() => changedPixels(page, 'no-density'), { timeout: 20_000 }).toBeGreaterThan(300)
    await goTo(page, `#map=10.4/29.155/119.785&layers=district,towns,enforcement&sel=towns:${CAOZHAI}`)
    await page.locator('[data-testid="area-panel"]').waitFor()
    await page.screenshot({ path: `${SHOTS}/user-tables.png` })
  })

  test('no console error, no warning but deck.gl’s own, no foreign request', () => {
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
