/**
 * The user's data, whole, after a reload: a layer styled by category and an inspections table used in
 * place of the sample inspections come back as they were left — the same colours at the same points,
 * the legend's categories, the township's count from the table and the note on approximate positions,
 * and the choropleth still showing the joined ledger's indicator (the link names it; 本机数据 brings
 * its table back after the built data).
 * (kept-data.e2e.test.ts checks names, opacity and joins; this checks the style and a replacement.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FeatureCollection } from 'geojson'
import { afterAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openApp } from './support/app'
import type { Session } from './support/browser'
import { countColours, hexToRgb, project, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const towns = JSON.parse(readFileSync('public/geo/towns.geojson', 'utf8')) as FeatureCollection
const codeOf = (name: string) => String(towns.features.find((f) => f.properties?.name === name)!.properties!.code)
const CAOZHAI = codeOf('曹宅镇')

const POINTS: { name: string; kind: string; at: [number, number] }[] = [
  { name: '甲', kind: '企业', at: [119.7, 29.1] },
  { name: '乙', kind: '工地', at: [119.74, 29.1] },
  { name: '丙', kind: '企业', at: [119.78, 29.1] },
]
const POINTS_CSV = ['名称,类别,lng,lat', ...POINTS.map((p) => [p.name, p.kind, ...p.at].join(','))].join('\n') + '\n'
/** Four inspections in 曹宅 and one case; no coordinates (placed at the township, approximately). */
const INSPECTIONS_CSV = [
  '日期,kind,对象,乡镇（街道）',
  '2022-03-08,inspection,甲企业,曹宅镇',
  '2022-04-09,inspection,乙企业,曹宅',
  '2022-05-10,inspection,丙企业,曹宅镇',
  '2022-06-11,inspection,丁企业,曹宅镇',
  '2022-06-12,case,丁企业,曹宅镇',
].join('\n')
const FIRST = hexToRgb('#1f77b4')
const SECOND = hexToRgb('#ff7f0e')

async function settled(page: Page) {
  // Whether the save has run, whichever tab is open (the list may be in the 数据 tab, hidden).
  await page.waitForSelector('[data-testid="kept-data"][data-state="on"][data-pending="false"]', {
    state: 'attached',
    timeout: 30_000,
  })
}

async function goTo(page: Page, hash: string) {
  await page.evaluate((hash) => (window.location.hash = hash), hash)
  await waitForMapIdle(page)
}

/** Pixels of each category colour round each point (企业 first, 工地 second). */
async function coloursAtPoints(page: Page): Promise<number[][]> {
  const result: number[][] = []
  for (const point of POINTS) {
    const p = await project(page, point.at)
    result.push(await countColours(page, [FIRST, SECOND], 8, { x: p.x - 5, y: p.y - 5, width: 10, height: 10 }))
  }
  return result
}

async function caozhaiInspections(page: Page): Promise<number> {
  const cell = page.locator('[data-testid="area-panel"] [data-indicator="inspections"] td').first()
  return Number.parseInt(await cell.innerText(), 10)
}

describe('own data kept whole', () => {
  const dir = mkdtempSync(join(tmpdir(), 'own-data-kept-'))
  let session: Session | undefined
  afterAll(async () => {
    await session?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('a styled layer and a replacement come back after a reload as they were left', async () => {
    writeFileSync(join(dir, 'points.csv'), POINTS_CSV)
    writeFileSync(join(dir, '检查.csv'), INSPECTIONS_CSV)
    session = await openApp('#map=12.2/29.12/119.74&layers=district', { profileDir: join(dir, 'profile') })
    const page = session.page

    await page.locator('[data-testid="import-input"]').setInputFiles(join(dir, 'points.csv'))
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 30_000 })
    await page.locator('[data-testid="import-confirm"]').click()
    await openToolTab(page, 'layers')
    await page.locator('[data-layer="user-1"] [data-testid="user-style-toggle"]').click()
    await page.locator('[data-testid="user-style-colour"]').selectOption('categories')
    await page.locator('[data-testid="user-style-colour-column"]').selectOption('类别')

    await page.locator('[data-testid="import-input"]').setInputFiles(join(dir, '检查.csv'))
    await page.locator('[data-testid="user-table-offer"]').waitFor({ timeout: 30_000 })
    await page.locator('[data-testid="user-table-use"]').click()
    // A township ledger joined by name: its first column becomes the choropleth's indicator.
    await page.locator('[data-testid="import-input"]').setInputFiles('tests/fixtures/good/township-ledger-gbk.csv')
    await page.locator('[data-testid="join-confirm"]').click()
    await settled(page)

    const checkAll = async () => {
      await goTo(page, '#map=12.2/29.12/119.74&layers=district,user-1')
      const colours = await coloursAtPoints(page)
      expect(colours[0]![0], '甲 企业').toBeGreaterThan(10)
      expect(colours[1]![1], '乙 工地').toBeGreaterThan(10)
      expect(colours[2]![0], '丙 企业').toBeGreaterThan(10)
      expect(colours[0]![1]! + colours[2]![1]! + colours[1]![0]!, 'no colour at the other kind').toBe(0)
      const categories = await page.locator('[data-legend="user-1"] [data-testid="user-style-categories"]').innerText()
      expect(categories).toContain('企业')
      expect(categories).toContain('工地')
      await goTo(page, `#map=10.4/29.155/119.785&layers=district,towns,enforcement&sel=towns:${CAOZHAI}`)
      await expect.poll(() => caozhaiInspections(page), { timeout: 20_000 }).toBe(4)
      const legend = await page.locator('[data-testid="legend"]').innerText()
      expect(legend).toContain('已用您的文件 检查.csv 替换')
      expect(legend).toContain('近似位置')
      await expect(page.locator('[data-testid="indicator-select"]').inputValue()).resolves.toBe(
        'user:township-ledger-gbk.csv:信访件数',
      )
    }
    await checkAll()

    await page.reload()
    await waitForMapIdle(page)
    await settled(page)
    await checkAll()
  }, 240_000)
})
