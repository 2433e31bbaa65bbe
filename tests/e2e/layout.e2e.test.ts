/**
 * The page never scrolls, at 1920×1080, 1366×768 and on a 390×844 phone: with every dialog open that
 * a person reaches (the import dialog from a file chosen with the import button, the export menu,
 * the search results, the phone's sheet at full height) and every panel scrolled to its end, the
 * document is exactly the window's height, window.scrollY stays 0 and the map is still drawn on
 * screen. (Issue 23: the hidden file input inside the scrolling tool column once grew the document
 * to ~2,770 px, and the page went white after the import dialog closed.) Also: the map's title card
 * names what the map shows, and at 1366×768 each tab's tools are one click away with no scroll.
 * Screenshots go to docs/screenshots/layout-*.png and title-card.png.
 */
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { waitForMapIdle } from './support/map-probe'
import { openExportMenu, openToolTab, type ToolTab } from './support/tools'

const SHOTS = 'docs/screenshots'
const TABLE = 'tests/fixtures/good/township-ledger-gbk.csv'
const TABS: ToolTab[] = ['layers', 'analysis', 'data']

/** The search box's placeholder is read whole: its text no wider than the room inside the box. */
async function expectPlaceholderFits(page: Page, where: string) {
  const fit = await page.locator('.search input').evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input)
    const g = document.createElement('canvas').getContext('2d')!
    g.font = `${style.fontSize} ${style.fontFamily}`
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return { text: input.placeholder, width: Math.ceil(g.measureText(input.placeholder).width), room }
  })
  expect(fit.width, `${where}: "${fit.text}" in ${fit.room} px`).toBeLessThanOrEqual(fit.room)
}

/** 关于数据 opened, scrolled to its end (the page stays put), and closed with ×. */
async function checkAboutData(page: Page, where: string) {
  await page.waitForSelector('[data-testid="about-data"]')
  await scrollPanelsToEnd(page)
  await expectNoPageScroll(page, `${where}: 关于数据`, { covered: true })
  await expect(page.locator('[data-testid="about-data"]').innerText()).resolves.toContain('GB 3838-2002')
  await page.locator('[data-testid="about-data"] button.close').click()
  await expect.poll(() => page.locator('[data-testid="about-data"]').count()).toBe(0)
}

/** Two things on screen do not overlap (either may be absent: nothing to check then). */
async function expectApart(page: Page, one: string, other: string) {
  const [a, b] = await Promise.all([page.locator(one).boundingBox(), page.locator(other).boundingBox()])
  if (!a || !b) return
  const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
  expect(apart, `${one} is clear of ${other}`).toBe(true)
}

/** The document's size and scroll, and whether the map shows drawn pixels at an unobstructed point. */
async function pageState(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement!
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')
    let mapHit = false
    let colours = 0
    if (canvas) {
      const r = canvas.getBoundingClientRect()
      // The middle of the map's part above a phone's sheet (or of the whole map).
      const sheet = document.querySelector('[data-testid="bottom-sheet"]')?.getBoundingClientRect()
      const top = Math.max(r.top, 0)
      const bottom = Math.min(r.bottom, sheet ? sheet.top : innerHeight)
      const x = (Math.max(r.left, 0) + Math.min(r.right, innerWidth)) / 2
      const y = (top + bottom) / 2
      mapHit = bottom - top > 20 && document.elementFromPoint(x, y) === canvas
      const copy = document.createElement('canvas')
      copy.width = 64
      copy.height = 64
      const context = copy.getContext('2d', { willReadFrequently: true })!
      context.drawImage(canvas, 0, 0, 64, 64)
      const pixels = context.getImageData(0, 0, 64, 64).data
      const seen = new Set<number>()
      for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!)
      colours = seen.size
    }
    // The map's own ancestors never scroll (body can, by a focus or scrollIntoView, even when the window cannot).
    let ancestorsScrolled = 0
    for (let el = canvas?.parentElement ?? null; el; el = el.parentElement)
      if (el.scrollTop !== 0 || el.scrollLeft !== 0) ancestorsScrolled++
    return {
      ancestorsScrolled,
      scrollHeight: root.scrollHeight,
      scrollWidth: root.scrollWidth,
      innerHeight,
      innerWidth,
      scrollY,
      scrollX,
      mapHit,
      colours,
    }
  })
}

/** `covered`: a modal dialog is open over the map (its backdrop is what the middle of the map shows). */
async function expectNoPageScroll(page: Page, step: string, { covered = false } = {}) {
  const state = await pageState(page)
  expect({
    step,
    height: state.scrollHeight,
    width: state.scrollWidth,
    y: state.scrollY,
    x: state.scrollX,
    ancestorsScrolled: state.ancestorsScrolled,
  }).toEqual({ step, height: state.innerHeight, width: state.innerWidth, y: 0, x: 0, ancestorsScrolled: 0 })
  if (!covered) expect(state.mapHit, `${step}: the map is on screen`).toBe(true)
  expect(state.colours, `${step}: the map is drawn`).toBeGreaterThan(20)
}

/** Scrolls every scrollable panel now shown to its end, as a wheel would and past it. */
async function scrollPanelsToEnd(page: Page): Promise<number> {
  const scrolled = await page.evaluate(() => {
    let count = 0
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const style = getComputedStyle(el)
      if (!/(auto|scroll)/.test(style.overflowY) || el.scrollHeight <= el.clientHeight + 1) continue
      if (el.getBoundingClientRect().height === 0) continue
      el.scrollTop = el.scrollHeight
      el.dataset.scrolled = 'true'
      count++
    }
    return count
  })
  // The wheel past the end, over each panel scrolled: it must not chain to the page.
  for (const box of await page.locator('[data-scrolled="true"]').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect()
      return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 40) }
    }),
  )) {
    await page.mouse.move(box.x, box.y)
    await page.mouse.wheel(0, 2000)
  }
  await page.waitForTimeout(100)
  return scrolled
}

/** Back to the top of every panel scrolled, for a screenshot a person would take. */
async function scrollPanelsToTop(page: Page) {
  await page.locator('[data-scrolled="true"]').evaluateAll((els) => els.forEach((el) => (el.scrollTop = 0)))
}

/** Chooses a file with the import button, as a person does (the file chooser, not the input). */
async function importWithButton(page: Page) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.import-button').click()])
  await chooser.setFiles(TABLE)
  await page.waitForSelector('[data-testid="import-summary"], [data-testid="import-failure"]', { timeout: 30_000 })
}

async function closeImportDialog(page: Page) {
  await page.locator('[data-testid="import-dialog"] .close').click()
  await expect(page.locator('[data-testid="import-dialog"]').count()).resolves.toBe(0)
}

for (const size of [
  { width: 1920, height: 1080, shot: 'layout-1920.png' },
  { width: 1366, height: 768, shot: 'layout-1366.png' },
]) {
  describe(`no page scroll at ${size.width}×${size.height}`, () => {
    let session: Session
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true })
      session = await openApp('', { viewport: { width: size.width, height: size.height } })
    }, 180_000)
    afterAll(async () => {
      await session?.close()
    })

    test('the first view, every tab and side tab scrolled to its end', async () => {
      const { page } = session
      await page.waitForSelector('[data-testid="map-title"]')
      await expectNoPageScroll(page, 'first view')
      await expectPlaceholderFits(page, `${size.width}×${size.height}`)
      for (const tab of TABS) {
        await openToolTab(page, tab)
        await page.waitForTimeout(300) // a lazily loaded part settles into the tab
        await scrollPanelsToEnd(page)
        await expectNoPageScroll(page, `tab ${tab} scrolled`)
      }
      for (const side of ['overview', 'details', 'warnings']) {
        await page.locator(`[data-testid="tab-${side}"]`).click()
        await page.waitForTimeout(300)
        await scrollPanelsToEnd(page)
        await expectNoPageScroll(page, `side ${side} scrolled`)
      }
      await page.locator('[data-testid="tab-overview"]').click()
    })

    test('the import dialog from the import button, scrolled, then closed', async () => {
      const { page } = session
      await openToolTab(page, 'data')
      await importWithButton(page)
      await expectNoPageScroll(page, 'import dialog open', { covered: true })
      await scrollPanelsToEnd(page)
      await expectNoPageScroll(page, 'import dialog scrolled', { covered: true })
      await closeImportDialog(page)
      await waitForMapIdle(page)
      await expectNoPageScroll(page, 'import dialog closed')
    })

    test('the export menu, the search results and the share of the screen left to the map', async () => {
      const { page } = session
      await openExportMenu(page)
      await scrollPanelsToEnd(page)
      await expectNoPageScroll(page, 'export menu')
      await page.keyboard.press('Escape')
      await expect(page.locator('[data-testid="export-menu"]').count()).resolves.toBe(0)
      await page.locator('[data-testid="about-open"]').click()
      await checkAboutData(page, `${size.width}×${size.height}`)
      await page.locator('.search input').fill('曹宅')
      await page.waitForTimeout(300)
      await expectNoPageScroll(page, 'search results')
      await page.locator('.search input').fill('')
      await openToolTab(page, 'layers')
      await page.locator('.search input').blur()
      await waitForMapIdle(page)
      await scrollPanelsToTop(page)
      await page.screenshot({ path: `${SHOTS}/${size.shot}` })
    })
  })
}

describe('the title card and the tools at 1366×768', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp('', { viewport: { width: 1366, height: 768 } })
  }, 180_000)
  afterAll(async () => {
    await session?.close()
  })

  test('the card names the indicator, its period and 示例数据, with its classes, clear of the controls', async () => {
    const { page } = session
    const card = page.locator('[data-testid="map-title"]')
    await card.waitFor()
    const subject = card.locator('[data-subject="choropleth"]')
    await expect(subject.locator('[data-testid="map-title-name"]').innerText()).resolves.toBe('执法检查')
    await expect(subject.locator('[data-testid="map-title-period"]').innerText()).resolves.toBe('1–10月')
    await expect(subject.locator('[data-testid="provenance-badge"]').innerText()).resolves.toContain('示例数据')
    const classes = await page.locator('[data-testid="choropleth-classes"] li').count()
    await expect(subject.locator('[data-testid="map-title-legend"] li:not(.unit)').count()).resolves.toBe(classes)
    for (const other of ['.maplibregl-ctrl-top-right', '[data-testid="map-notice"]'])
      await expectApart(page, '[data-testid="map-title"]', other)
    // The chips that name approximate and sample layers: clear of the credits line and the scale, which
    // at 1366 px takes two lines (the chips once sat on it).
    await expect(page.locator('[data-testid="map-notice"]').count()).resolves.toBe(1)
    for (const other of ['.maplibregl-ctrl-bottom-right', '.maplibregl-ctrl-bottom-left', '.maplibregl-ctrl-top-right'])
      await expectApart(page, '[data-testid="map-notice"]', other)
    // The readings heatmap on: the card names the pollutant and month first.
    await openToolTab(page, 'analysis')
    await page.locator('[data-testid="readings-toggle"]').check()
    await page.waitForSelector('[data-testid="map-title"] [data-subject="readings"]')
    await expect(card.locator('[data-subject="readings"] [data-testid="map-title-name"]').innerText()).resolves.toBe(
      '监测浓度 · PM2.5',
    )
    await expect(card.locator('[data-subject="readings"] [data-testid="map-title-period"]').innerText()).resolves.toBe(
      '2022年1月',
    )
    await waitForMapIdle(page)
    await card.screenshot({ path: `${SHOTS}/title-card.png` })
    await page.locator('[data-testid="readings-toggle"]').uncheck()
  })

  test('each tab is one click away, and what it holds for a task shows without scrolling', async () => {
    const { page } = session
    // A control, or the first lines of a list, inside the window with nothing scrolled.
    const inView = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox()
      return !!box && box.y >= 0 && box.y + Math.min(box.height, 60) <= 768
    }
    await openToolTab(page, 'analysis')
    for (const control of ['readings-toggle', 'pollutant-select', 'month-slider', 'density-toggle'])
      expect(await inView(`[data-testid="${control}"]`), control).toBe(true)
    await openToolTab(page, 'data')
    expect(await inView('.import-button'), 'import button').toBe(true)
    await openToolTab(page, 'layers')
    for (const control of ['layer-list', 'indicator-select'])
      expect(await inView(`[data-testid="${control}"]`), control).toBe(true)
    expect(await inView('[data-testid="export-open"]'), 'export').toBe(true)
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })

  test('the tabs are a tablist: arrow keys move between them and the choice is remembered', async () => {
    const { page } = session
    await page.locator('[data-testid="tool-tab-layers"]').focus()
    await page.keyboard.press('ArrowRight')
    await expect(page.locator('[data-testid="tool-tab-analysis"]').getAttribute('aria-selected')).resolves.toBe('true')
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe(
      'tool-tab-analysis',
    )
    await page.keyboard.press('End')
    await expect(page.locator('[data-testid="tool-panel-data"]').isVisible()).resolves.toBe(true)
    await page.keyboard.press('ArrowRight')
    await expect(page.locator('[data-testid="tool-tab-layers"]').getAttribute('aria-selected')).resolves.toBe('true')
    await page.keyboard.press('ArrowLeft')
    await page.reload()
    await waitForMapIdle(page)
    await expect(page.locator('[data-testid="tool-tab-data"]').getAttribute('aria-selected')).resolves.toBe('true')
    await openToolTab(page, 'layers')
  })
})

describe('no page scroll on a 390×844 phone', () => {
  let session: Session
  beforeAll(async () => {
    session = await openApp('', { viewport: { width: 390, height: 844 }, mobile: true, deviceScaleFactor: 2 })
  }, 180_000)
  afterAll(async () => {
    await session?.close()
  })

  test('each part of the sheet at full height scrolled to its end, the import dialog, the export', async () => {
    const { page } = session
    await expectNoPageScroll(page, 'phone first view')
    await expectPlaceholderFits(page, 'phone')
    await page.locator('[data-testid="phone-menu"]').tap()
    await page.locator('[data-testid="phone-about-open"]').tap()
    await checkAboutData(page, 'phone')
    for (const section of ['panel', 'layers', 'analysis', 'data'] as const) {
      await page.locator('[data-testid="phone-menu"]').tap()
      await page.locator(`[data-testid="sheet-open-${section}"]`).tap()
      await page.waitForSelector('[data-testid="bottom-sheet"][data-snap="half"]')
      await page.waitForTimeout(300)
      await scrollPanelsToEnd(page)
      await expectNoPageScroll(page, `sheet ${section} half`)
      if (section === 'data') {
        await page.waitForSelector('[data-testid="bottom-sheet"] [data-testid="export-menu"]')
        await importWithButton(page)
        await scrollPanelsToEnd(page)
        await expectNoPageScroll(page, 'phone import dialog', { covered: true })
        await closeImportDialog(page)
        await waitForMapIdle(page)
        await expectNoPageScroll(page, 'phone import dialog closed')
        await scrollPanelsToTop(page)
        await page.screenshot({ path: `${SHOTS}/layout-phone.png` })
      }
      await page.locator('[data-testid="sheet-handle"]').click()
      await page.waitForSelector('[data-testid="bottom-sheet"][data-snap="full"]')
      await scrollPanelsToEnd(page)
      const state = await pageState(page)
      expect([state.scrollHeight, state.scrollY], `sheet ${section} full`).toEqual([844, 0])
      await page.locator('[data-testid="sheet-close"]').tap()
    }
    await expectNoPageScroll(page, 'phone sheet closed')
    expect(session.consoleProblems).toEqual([])
    expect(session.foreignRequests).toEqual([])
  })
})
