/**
 * The formats of the issue "Your own data, first-class", as staff would use them: a township ledger
 * without coordinates, as .xlsx and as a GBK CSV, joined by name, recolours the township choropleth
 * and shows in the township panel with the user's badge; a KML shows on the map; and one bad file
 * of each new format is answered with its message, leaving the map as it was.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { changedPixels, snapshotCanvas, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const HASH = '#map=10.4/29.155/119.785&layers=counties,district,rivers,towns'

async function importFile(page: Page, path: string) {
  await page.locator('[data-testid="import-input"]').setInputFiles(path)
  await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 30_000 })
}

async function closeDialog(page: Page) {
  await page.locator('[data-testid="import-dialog"] .close').click()
  await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
}

/** Joins the open dialog's table; returns the choropleth's class counts from the legend. */
async function joinAndReadLegend(page: Page): Promise<number[]> {
  await expect(page.locator('[data-testid="join-summary"]').innerText()).resolves.toContain('11 行中 11 行已连接')
  await expect(page.locator('[data-testid="join-problems"]').count()).resolves.toBe(0)
  await page.locator('[data-testid="join-confirm"]').click()
  await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
  await waitForMapIdle(page)
  const counts = await page
    .locator('[data-legend] [data-testid="choropleth-classes"] .count')
    .evaluateAll((items) => items.map((item) => Number(/\d+/.exec(item.textContent ?? '')?.[0] ?? 0)))
  return counts
}

async function openTownPanel(page: Page, code: string) {
  await page.locator('[data-testid="tab-details"]').click()
  const open = page.locator('[data-testid="area-panel"] .close')
  if (await open.count()) await open.click()
  await page.locator(`[data-testid="town-list"] button[data-code="${code}"]`).click()
  await page.waitForSelector('[data-testid="area-panel"]')
}

describe('import formats: tables joined by name, KML, and bad files of each format', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp(HASH)
  }, 120_000)
  afterAll(async () => {
    await session?.close()
  })

  test('a township ledger as .xlsx, joined by name, colours the choropleth and shows in the panel', async () => {
    const page = session.page
    await snapshotCanvas(page, 'before-xlsx')
    await importFile(page, 'tests/fixtures/good/township-ledger.xlsx')
    // Two sheets: the first is read, and the choice is offered.
    await expect(page.locator('[data-testid="import-sheet"] option').allInnerTexts()).resolves.toEqual([
      '乡镇台账',
      '说明',
    ])
    const classes = await joinAndReadLegend(page)
    expect(classes.reduce((a, b) => a + b, 0)).toBe(11)
    expect(classes.length).toBeGreaterThan(1)
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="indicator-select"]').inputValue()).resolves.toBe(
      'user:township-ledger.xlsx:信访件数',
    )
    await expect(page.locator('[data-legend] .note [data-testid="provenance-badge"]').innerText()).resolves.toContain(
      '用户数据',
    )
    // The townships are recoloured: a large share of the map's pixels changed.
    expect(await changedPixels(page, 'before-xlsx')).toBeGreaterThan(20_000)

    await openTownPanel(page, '330703103')
    const row = page.locator('[data-testid="indicator-table"] tr[data-indicator="user:township-ledger.xlsx:信访件数"]')
    await expect(row.innerText()).resolves.toMatch(/信访件数（township-ledger.xlsx）\s+21[\s\S]*用户数据/)
  })

  test('the same ledger as a GBK CSV joins the same way; switching indicators redraws', async () => {
    const page = session.page
    await openToolTab(page, 'layers')
    await page.locator('[data-testid="indicator-select"]').selectOption('inspections')
    await waitForMapIdle(page)
    await snapshotCanvas(page, 'before-gbk')
    await importFile(page, 'tests/fixtures/good/township-ledger-gbk.csv')
    await expect(page.locator('[data-testid="import-summary"]').innerText()).resolves.toContain('gbk')
    const classes = await joinAndReadLegend(page)
    expect(classes.reduce((a, b) => a + b, 0)).toBe(11)
    await expect(page.locator('[data-testid="indicator-select"]').inputValue()).resolves.toBe(
      'user:township-ledger-gbk.csv:信访件数',
    )
    expect(await changedPixels(page, 'before-gbk')).toBeGreaterThan(20_000)
    await openTownPanel(page, '330703104')
    const row = page.locator(
      '[data-testid="indicator-table"] tr[data-indicator="user:township-ledger-gbk.csv:整治面积（公顷）"]',
    )
    await expect(row.innerText()).resolves.toMatch(/2\.9[\s\S]*用户数据/)
    await page.screenshot({ path: 'docs/screenshots/join.png' })
  })

  test('choosing another sheet reads it', async () => {
    const page = session.page
    await importFile(page, 'tests/fixtures/good/township-ledger.xlsx')
    await page.locator('[data-testid="import-sheet"]').selectOption('说明')
    await expect(page.locator('[data-testid="import-problems"]').innerText()).resolves.toContain(
      '找不到坐标列。表头为：本表为测试数据',
    )
    await expect(page.locator('[data-testid="join-report"]').count()).resolves.toBe(0)
    await closeDialog(page)
  })

  test('a KML shows on the map', async () => {
    const page = session.page
    await waitForMapIdle(page)
    await snapshotCanvas(page, 'before-kml')
    await importFile(page, 'tests/fixtures/good/points.kml')
    await expect(page.locator('[data-testid="import-summary"]').innerText()).resolves.toContain('有效要素 4 个')
    await page.locator('[data-testid="import-confirm"]').click()
    await waitForMapIdle(page)
    await openToolTab(page, 'layers')
    await expect(page.locator('[data-testid="layer-list"]').innerText()).resolves.toContain('points.kml')
    expect(await changedPixels(page, 'before-kml')).toBeGreaterThan(50)
  })

  test.each([
    ['bad/broken.kml', '结束标签 </Placemark> 与第 5 行的 <name> 不匹配'],
    ['bad/kmz-without-doc-kml.kmz', 'KMZ 中没有 doc.kml（包含：images/icon.png, readme.txt）'],
    ['bad/gpx-no-points.gpx', 'GPX 中没有航点、航线或航迹'],
    ['bad/topojson-bad-arcs.topojson', '对象“sites”引用了第 7 条弧，但只有 2 条'],
    ['bad/xlsx-empty-sheet.xlsx', '工作表“空表”是空的；有数据的工作表：数据'],
    ['bad/password-protected.xlsx', '工作簿设置了打开密码（已加密），无法读取'],
    ['bad/old-excel.xls', '请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）'],
    ['bad/join-no-match.csv', '第 4 行：“曹宅区”未匹配；最接近的名称：曹宅镇'],
    ['bad/join-duplicate-town.csv', '第 4 行：“曹宅”与第 2 行重复；只用第 2 行'],
  ])('%s is answered: %s', async (file, message) => {
    const page = session.page
    await waitForMapIdle(page)
    await snapshotCanvas(page, 'before-bad')
    await importFile(page, `tests/fixtures/${file}`)
    await expect(page.locator('[data-testid="import-dialog"]').innerText()).resolves.toContain(message)
    if (file === 'bad/join-no-match.csv') {
      await expect(page.locator('[data-testid="join-nothing"]').isVisible()).resolves.toBe(true)
      await expect(page.locator('[data-testid="join-confirm"]').isEnabled()).resolves.toBe(false)
    }
    await closeDialog(page)
    await waitForMapIdle(page)
    expect(await changedPixels(page, 'before-bad')).toBeLessThan(50)
  })

  test('a template downloads as CSV with a BOM, a note row and an example row', async () => {
    const page = session.page
    await openToolTab(page, 'data')
    const templates = page.locator('.right [data-testid="import-templates"]')
    await templates.locator('summary').click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      templates.locator('button[data-template="township-indicators"]').click(),
    ])
    expect(download.suggestedFilename()).toBe('模板-乡镇指标.csv')
    const text = readFileSync((await download.path())!, 'utf8')
    expect(text.startsWith('\uFEFF乡镇（街道）,信访件数,整治面积（公顷）\r\n# ')).toBe(true)
    expect(text.trimEnd().split('\r\n').at(-1)).toBe('曹宅镇,12,3.5')
  })

  test('after all of them: the joined indicators are still offered, and no console error', async () => {
    const page = session.page
    const options = await page
      .locator('[data-testid="indicator-select"] option')
      .evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value))
    expect(options.filter((value) => value.startsWith('user:'))).toHaveLength(4)
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
