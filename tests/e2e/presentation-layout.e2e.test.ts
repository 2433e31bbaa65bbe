/**
 * The big screen never hides the district: at 1920×1080 and 3840×2160, on every stop of the default
 * tour, the district's (or the stop township's) box on screen lies in the free area — inside the
 * stage and under none of the overlays (KPI row, caption, stop chart, side panel, status bar,
 * controls, the map's own controls) — and every overlay lies inside the stage. A township stop's
 * panel shows its indicators and chart whole, in type of at least 18 stage pixels.
 *
 * The tour is paused and stepped with the arrow key, so what is checked does not race its timers.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { bbox } from '@turf/turf'
import type { FeatureCollection } from 'geojson'
import { afterEach, describe, expect, inject, test } from 'vitest'
import type { Page } from 'playwright-core'
import { openSession, type Session } from './support/browser'
import { waitForMapIdle } from './support/map-probe'
import defaultTour from '../../src/presentation/default-tour.json'

type Box = { left: number; top: number; right: number; bottom: number }
type Bounds = [number, number, number, number]

const geo = <T>(file: string): T => JSON.parse(readFileSync(`public/geo/${file}`, 'utf8')) as T
const districtBounds = geo<{ entries: { id: string; bbox: Bounds }[] }>('manifest.json').entries.find(
  (e) => e.id === 'district',
)!.bbox
const towns = geo<FeatureCollection>('towns.geojson').features
const subjectOf = (target: Record<string, unknown>): Bounds =>
  typeof target.town === 'string'
    ? (bbox(towns.find((t) => t.properties?.code === target.town)!) as Bounds)
    : districtBounds
const STAGE: Box = { left: 0, top: 0, right: 1920, bottom: 1080 }
const inside = (outer: Box, inner: Box, slack = 1) =>
  inner.left >= outer.left - slack &&
  inner.top >= outer.top - slack &&
  inner.right <= outer.right + slack &&
  inner.bottom <= outer.bottom + slack
const overlaps = (a: Box, b: Box, slack = 1) =>
  a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack

/** Every overlay's box in stage pixels, measured on screen, with a name for messages. */
function overlayBoxes(page: Page) {
  return page.evaluate(() => {
    const stage = document.querySelector('[data-testid="presentation"]')!.getBoundingClientRect()
    const scale = stage.width / 1920
    const elements = [
      ...document.querySelectorAll('[data-testid="presentation"] [data-overlay]'),
      ...document.querySelectorAll('.maplibregl-ctrl-bottom-left, .maplibregl-ctrl-bottom-right'),
      ...document.querySelectorAll('[data-testid="map-notice"]'),
    ]
    return elements
      .map((element) => ({ name: element.className || element.tagName, rect: element.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0)
      .map(({ name, rect }) => ({
        name: String(name),
        box: {
          left: (rect.left - stage.left) / scale,
          top: (rect.top - stage.top) / scale,
          right: (rect.right - stage.left) / scale,
          bottom: (rect.bottom - stage.top) / scale,
        },
      }))
  })
}

type Probe = { projectBounds(b: Bounds): Box; isMoving(): boolean }
const projected = (page: Page, bounds: Bounds) =>
  page.evaluate((b) => (window as unknown as { __jindongMap: Probe }).__jindongMap.projectBounds(b), bounds)

/** Waits until the camera has arrived (and any re-framing after the overlays settled is done). */
async function settled(page: Page, bounds: Bounds): Promise<Box> {
  let last = ''
  for (let i = 0; i < 60; i++) {
    await page.waitForTimeout(400)
    const moving = await page.evaluate(() => (window as unknown as { __jindongMap: Probe }).__jindongMap.isMoving())
    const now = JSON.stringify(await projected(page, bounds))
    if (!moving && now === last) return JSON.parse(now) as Box
    last = now
  }
  throw new Error('the camera never settled')
}

async function step(page: Page, stopId: string) {
  await expect
    .poll(() => page.locator('[data-testid="present-caption"]').getAttribute('data-stop'), { timeout: 20_000 })
    .toBe(stopId)
}

/** The township panel: indicators and chart inside the panel and the stage, type ≥ 18 stage px. */
async function checkPanel(page: Page) {
  const panel = page.locator('[data-testid="present-panel"]')
  const facts = await panel.evaluate((element) => {
    const stage = document.querySelector('[data-testid="presentation"]')!.getBoundingClientRect()
    const scale = stage.width / 1920
    const box = (el: Element) => {
      const r = el.getBoundingClientRect()
      return { top: (r.top - stage.top) / scale, bottom: (r.bottom - stage.top) / scale }
    }
    const svg = element.querySelector('.chart svg')!
    // The chart's viewBox is 300×120, drawn to fit its box with its shape kept.
    const svgBox = svg.getBoundingClientRect()
    const svgScale = Math.min(svgBox.width / 300, svgBox.height / 120) / scale
    const textPx = [...element.querySelectorAll('h2, h3, th, td, .muted, .chart figcaption')].map((el) =>
      parseFloat(getComputedStyle(el).fontSize),
    )
    const chartTextPx = [...svg.querySelectorAll('text')].map(
      (t) => parseFloat(getComputedStyle(t).fontSize) * svgScale,
    )
    return {
      panel: box(element),
      table: box(element.querySelector('[data-testid="indicator-table"]')!),
      chart: box(element.querySelector('.chart')!),
      rows: element.querySelectorAll('[data-testid="indicator-table"] tr').length,
      smallest: Math.min(...textPx),
      smallestChart: Math.min(...chartTextPx),
    }
  })
  expect(facts.panel.top).toBeGreaterThanOrEqual(0)
  expect(facts.panel.bottom).toBeLessThanOrEqual(1080)
  expect(facts.table.bottom).toBeLessThanOrEqual(facts.panel.bottom)
  expect(facts.chart.bottom).toBeLessThanOrEqual(facts.panel.bottom)
  expect(facts.rows).toBeGreaterThanOrEqual(8)
  expect(facts.smallest).toBeGreaterThanOrEqual(18)
  expect(facts.smallestChart).toBeGreaterThanOrEqual(18)
  return facts
}

/**
 * The KPI cards as a person reads them: every number on one line with its unit, every card's content
 * inside the card, every label whole (not cut with an ellipsis), the row inside the stage.
 */
async function checkKpis(page: Page) {
  const facts = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="kpi-bar"] li')].map((card) => {
      const label = card.querySelector('.label')!
      return {
        id: card.getAttribute('data-kpi'),
        quantities: [...card.querySelectorAll('[data-testid="kpi-quantity"]')].map((q) => ({
          text: q.textContent,
          lines: new Set([...q.getClientRects()].map((r) => Math.round(r.top))).size,
        })),
        cardOverflow: card.scrollWidth - card.clientWidth,
        labelCut: label.scrollWidth - label.clientWidth,
        right: card.getBoundingClientRect().right,
        stageRight: document.querySelector('[data-testid="presentation"]')!.getBoundingClientRect().right,
      }
    }),
  )
  expect(facts.length).toBeGreaterThanOrEqual(8)
  for (const card of facts) {
    for (const quantity of card.quantities) expect(quantity.lines, `${card.id}: "${quantity.text}"`).toBe(1)
    expect(card.cardOverflow, `${card.id} overflows its card`).toBeLessThanOrEqual(0)
    expect(card.labelCut, `${card.id}'s label is cut`).toBeLessThanOrEqual(0)
    expect(card.right, `${card.id} off the stage`).toBeLessThanOrEqual(card.stageRight + 1)
  }
  expect(facts.flatMap((card) => card.quantities).length).toBeGreaterThanOrEqual(8)
}

describe('presentation layout', () => {
  const sessions: Session[] = []
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.close()
  })

  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    test(`${viewport.width}×${viewport.height}: every stop frames its subject in the free area`, async () => {
      const session = await openSession(inject('baseUrl'), { viewport })
      sessions.push(session)
      const page = session.page
      await page.goto(`${inject('baseUrl')}?mode=present`)
      await page.waitForSelector('[data-testid="present-status"][data-status="playing"]', { timeout: 60_000 })
      await waitForMapIdle(page)
      await page.keyboard.press('Home')
      await page.keyboard.press('Space')
      await page.waitForSelector('[data-testid="present-status"][data-status="paused"]')
      await checkKpis(page)
      const report: string[] = []
      for (const [index, stop] of defaultTour.stops.entries()) {
        if (index > 0) await page.keyboard.press('ArrowRight')
        await step(page, stop.id)
        const subject = subjectOf(stop.target)
        const onScreen = await settled(page, subject)
        const overlays = await overlayBoxes(page)
        for (const { name, box } of overlays) expect(inside(STAGE, box), `${stop.id}: ${name} off the stage`).toBe(true)
        // Nothing of the map (scale, chips, attribution) or the stage shows behind the status bar.
        const status = overlays.find(({ name }) => name.includes('status'))!.box
        for (const { name, box } of overlays.filter(({ name }) => !name.includes('status')))
          expect(overlaps(status, box), `${stop.id}: ${name} behind the status bar`).toBe(false)
        // The township theme is the stop's own: its indicator named on the title card, or none.
        const themed = page.locator('[data-testid="map-title"] [data-subject="choropleth"]')
        await expect.poll(() => themed.count()).toBe('indicator' in stop ? 1 : 0)
        expect(inside(STAGE, onScreen), `${stop.id}: subject off the stage ${JSON.stringify(onScreen)}`).toBe(true)
        for (const { name, box } of overlays)
          expect(overlaps(onScreen, box), `${stop.id}: subject under ${name} ${JSON.stringify(box)}`).toBe(false)
        const size = `${Math.round(onScreen.right - onScreen.left)}×${Math.round(onScreen.bottom - onScreen.top)}`
        report.push(`${stop.id}: subject ${size} px at (${Math.round(onScreen.left)}, ${Math.round(onScreen.top)})`)
        if (stop.showPanel) {
          // A 4K screenshot on the CPU renderer can outlast the 30 s screenshot limit: 1080p only.
          if (viewport.width === 1920) {
            mkdirSync('test-results/screenshots', { recursive: true })
            await page.screenshot({ path: `test-results/screenshots/layout-${stop.id}.png` })
          }
          const panel = await checkPanel(page)
          const [top, bottom, chartEnd] = [panel.panel.top, panel.panel.bottom, panel.chart.bottom].map(Math.round)
          report.push(`  panel ${top}–${bottom}, chart ends ${chartEnd}`)
          if (viewport.width === 1920 && stop.id === 'duohu-low-carbon') {
            await waitForMapIdle(page)
            mkdirSync('docs/screenshots', { recursive: true })
            await page.screenshot({ path: 'docs/screenshots/presentation-stop.png' })
          }
        }
        if (stop.id === 'enforcement' || stop.id === 'pm25-by-month')
          await expect(page.locator('[data-testid="stop-chart"] rect').count()).resolves.toBe(10)
      }
      console.log(`presentation layout at ${viewport.width}×${viewport.height}:\n${report.join('\n')}`)
      expect(session.consoleProblems).toEqual([])
    }, 600_000)
  }

  test('1920×1080 in English: the KPI figures fit their cards too', async () => {
    const session = await openSession(inject('baseUrl'), { viewport: { width: 1920, height: 1080 } })
    sessions.push(session)
    await session.page.goto(`${inject('baseUrl')}?mode=present#lang=en`)
    await session.page.waitForSelector('[data-testid="present-status"][data-status="playing"]', { timeout: 60_000 })
    await expect
      .poll(() => session.page.locator('[data-kpi="inspections"] .label').innerText())
      .toBe('Enterprise inspections')
    await checkKpis(session.page)
    await waitForMapIdle(session.page)
    mkdirSync('docs/screenshots', { recursive: true })
    await session.page.screenshot({ path: 'docs/screenshots/presentation-english.png' })
    expect(session.consoleProblems).toEqual([])
  }, 180_000)
})
