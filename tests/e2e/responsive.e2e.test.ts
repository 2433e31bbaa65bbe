/**
 * Phones and tablets: at 390×844, 768×1024 and 1024×768 (touch) the map is visible and takes at
 * least 60% of the screen with no sheet open, the township names are drawn, a tap on a township
 * opens its panel (on the phone in a bottom sheet at half height, with the township still in view
 * above it), and nothing overflows sideways. Screenshots go to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { Session } from './support/browser'
import { openApp } from './support/app'
import { canvasOrigin, project, renderedLabels, waitForMapIdle } from './support/map-probe'
import { openToolTab } from './support/tools'

const SHOTS = 'docs/screenshots'
/** Inside 澧浦镇's area, clear of its seat symbol and label (a tap there picks the township). */
const IN_LIPU: [number, number] = [119.82, 29.11]
const LIPU_SEAT: [number, number] = [119.8044, 29.10463]
const LIPU = '330703104'

/** Share of the window covered by the visible map canvas. */
async function mapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')
    if (!canvas) return 0
    const r = canvas.getBoundingClientRect()
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0))
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0))
    return (w * h) / (innerWidth * innerHeight)
  })
}

/** Elements whose right edge is beyond the window and not clipped by a scrolling/hidden ancestor. */
async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; innerWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const offenders: string[] = []
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0 || r.right <= innerWidth + 0.5) continue
      let clipped = false
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a)
        if (style.overflowX !== 'visible' && a.getBoundingClientRect().right <= innerWidth + 0.5) {
          clipped = true
          break
        }
      }
      if (!clipped) offenders.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`)
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, offenders: offenders.slice(0, 10) }
  })
}

async function expectNoOverflow(page: Page) {
  const overflow = await horizontalOverflow(page)
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.innerWidth)
  expect(overflow.offenders).toEqual([])
}

/** Taps (a touch, not a mouse click) a WGS84 place on the map. */
async function tapPlace(page: Page, lngLat: [number, number]) {
  // A column folded a moment ago: MapLibre resizes on its next ResizeObserver callback; project after it.
  await page.waitForFunction(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')
    const container = canvas?.closest<HTMLElement>('.maplibregl-map')
    return !!canvas && !!container && Math.abs(canvas.clientWidth - container.clientWidth) < 2
  })
  await waitForMapIdle(page)
  const origin = await canvasOrigin(page)
  const point = await project(page, lngLat)
  await page.touchscreen.tap(origin.x + point.x, origin.y + point.y)
}

const TABLETS = [
  { name: 'tablet-portrait', width: 768, height: 1024 },
  { name: 'tablet-landscape', width: 1024, height: 768 },
]

describe('phone at 390×844', () => {
  let session: Session
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    session = await openApp('', { viewport: { width: 390, height: 844 }, mobile: true, deviceScaleFactor: 2 })
  }, 180_000)
  afterAll(async () => {
    await session?.close()
  })

  test('the map fills the screen under a compact header, with the township names, and nothing overflows', async () => {
    const { page } = session
    await expect(page.locator('[data-testid="bottom-sheet"]').count()).resolves.toBe(0)
    expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6)
    const header = await page.locator('.phone-header').boundingBox()
    expect(header!.height).toBeLessThanOrEqual(60)
    expect(new Set(await renderedLabels(page, 'towns-label')).size).toBe(11)
    await expectNoOverflow(page)
    // The attribution is MapLibre's compact (i) button, closed.
    await expect(page.locator('.maplibregl-ctrl-attrib.maplibregl-compact').count()).resolves.toBe(1)
    await expect(page.locator('.maplibregl-ctrl-attrib.maplibregl-compact-show').count()).resolves.toBe(0)
  })

  test('a tap on a township opens its panel in the sheet at half height, the township in view above', async () => {
    const { page } = session
    await tapPlace(page, IN_LIPU)
    await page.waitForSelector(
      `[data-testid="bottom-sheet"][data-snap="half"] [data-testid="area-panel"][data-code="${LIPU}"]`,
    )
    await waitForMapIdle(page)
    const sheet = await page.locator('[data-testid="bottom-sheet"]').boundingBox()
    const origin = await canvasOrigin(page)
    const seat = await project(page, LIPU_SEAT)
    expect(origin.y + seat.y).toBeGreaterThan(origin.y)
    expect(origin.y + seat.y).toBeLessThan(sheet!.y)
    expect(seat.x).toBeGreaterThan(0)
    expect(seat.x).toBeLessThan(390)
    await expectNoOverflow(page)
    await page.screenshot({ path: `${SHOTS}/phone.png` })
  })

  test('touch targets in the header and the sheet are at least 44×44 px', async () => {
    const small = await session.page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>(
          '.phone-header :is(button, select, input), ' +
            '.sheet :is(button, select, input:not([type=checkbox], [type=radio]))',
        ),
      )
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 44 || r.height < 44))
        .map(
          ({ el, r }) =>
            `${el.tagName} ${el.textContent?.trim().slice(0, 12)} ${Math.round(r.width)}×${Math.round(r.height)}`,
        ),
    )
    expect(small).toEqual([])
  })

  test('the sheet drags to full height and down again, and closes', async () => {
    const { page } = session
    const handle = await page.locator('[data-testid="sheet-handle"]').boundingBox()
    const x = handle!.x + handle!.width / 2
    const y = handle!.y + handle!.height / 2
    await page.mouse.move(x, y)
    await page.mouse.down()
    for (let i = 1; i <= 10; i++) await page.mouse.move(x, y - i * 40)
    await page.mouse.up()
    await page.waitForSelector('[data-testid="bottom-sheet"][data-snap="full"]')
    const full = await page.locator('[data-testid="bottom-sheet"]').boundingBox()
    expect(full!.y).toBeLessThan(100)
    await page.locator('[data-testid="sheet-close"]').tap()
    await expect(page.locator('[data-testid="bottom-sheet"]').count()).resolves.toBe(0)
  })

  test('the menu opens every panel in the sheet: layers, analysis (the heatmaps), data (with the export)', async () => {
    const { page } = session
    for (const [section, inside] of [
      ['layers', 'layer-list'],
      ['analysis', 'heatmap-controls'],
      ['data', 'export-menu'],
    ] as const) {
      await page.locator('[data-testid="phone-menu"]').tap()
      await page.locator(`[data-testid="sheet-open-${section}"]`).tap()
      await page.waitForSelector(`[data-testid="bottom-sheet"] [data-testid="${inside}"]`)
      await expectNoOverflow(page)
    }
    await page.locator('[data-testid="sheet-close"]').tap()
  })

  test('at 360×740 and in landscape (844×390) the map still fills the screen without overflow', async () => {
    const { page } = session
    for (const size of [
      { width: 360, height: 740 },
      { width: 844, height: 390 },
    ]) {
      await page.setViewportSize(size)
      // MapLibre resizes its canvas when its ResizeObserver reports the new size.
      await page.waitForFunction(() => {
        const r = document.querySelector('.maplibregl-canvas')!.getBoundingClientRect()
        return Math.abs(r.width - innerWidth) < 1 && Math.abs(r.bottom - innerHeight) < 1
      })
      await waitForMapIdle(page)
      await expect(page.locator('.phone-header').count()).resolves.toBe(1)
      expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6)
      await expectNoOverflow(page)
    }
  })
})

for (const tablet of TABLETS) {
  describe(`tablet at ${tablet.width}×${tablet.height}`, () => {
    let session: Session
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true })
      session = await openApp('', { viewport: { width: tablet.width, height: tablet.height }, mobile: true })
    }, 180_000)
    afterAll(async () => {
      await session?.close()
    })

    test('the map takes most of the screen, draws the 11 township names, and nothing overflows', async () => {
      const { page } = session
      expect(await mapShare(page)).toBeGreaterThanOrEqual(0.6)
      expect(new Set(await renderedLabels(page, 'towns-label')).size).toBe(11)
      await expectNoOverflow(page)
    })

    test('the side columns fold away and come back', async () => {
      const { page } = session
      const side = page.locator('[data-testid="side-panel"]')
      const before = await side.isVisible()
      await page.locator('[data-testid="toggle-left"]').tap()
      await expect(side.isVisible()).resolves.toBe(!before)
      await page.locator('[data-testid="toggle-left"]').tap()
      await expect(side.isVisible()).resolves.toBe(before)
      await page.locator('[data-testid="toggle-right"]').tap()
      await openToolTab(page, 'layers')
      await expect(page.locator('[data-testid="layer-list"]').isVisible()).resolves.toBe(true)
      await expectNoOverflow(page)
      await page.locator('[data-testid="toggle-right"]').tap()
      await expect(page.locator('[data-testid="layer-list"]').isVisible()).resolves.toBe(false)
    })

    test('a tap on a township opens its panel', async () => {
      const { page } = session
      await waitForMapIdle(page)
      await tapPlace(page, IN_LIPU)
      await page.waitForSelector(`[data-testid="area-panel"][data-code="${LIPU}"]`)
      await expect(page.locator('[data-testid="side-panel"]').isVisible()).resolves.toBe(true)
      await waitForMapIdle(page)
      await expectNoOverflow(page)
      await page.screenshot({ path: `${SHOTS}/${tablet.name}.png` })
    })
  })
}
