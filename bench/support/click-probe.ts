/**
 * Figure 5's click, shared by the figure (bench/figures/click-panel.ts) and its profile
 * (bench/profile/click-panel-profile.ts): the township seats to click, a probe in the page that notes
 * the click event's time and the moment the area panel shows the clicked township, and one timed click.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { FeatureCollection, Point } from 'geojson'
import type { Page } from 'playwright-core'
import { project, waitForMapIdle } from '../../tests/e2e/support/map-probe'
import { REPO_ROOT } from './servers'

interface ClickProbe {
  expected: string
  clickAt: number | null
  shownAt: number | null
}
type ProbeWindow = Window & { __clickProbe?: ClickProbe }

export interface Seat {
  code: string
  lngLat: [number, number]
}

/** The townships' seats (public/geo/seats.geojson), each with its code. */
export function townSeats(): Seat[] {
  const collection = JSON.parse(
    readFileSync(resolve(REPO_ROOT, 'public/geo/seats.geojson'), 'utf8'),
  ) as FeatureCollection<Point>
  return collection.features.map((feature) => ({
    code: String(feature.properties?.code),
    lngLat: [feature.geometry.coordinates[0]!, feature.geometry.coordinates[1]!],
  }))
}

/** Installs the probe: the click event's timestamp, and when the area panel first shows the expected code. */
export async function installClickProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probeWindow = window as ProbeWindow
    // Callbacks stay anonymous and inline: tsx would wrap named ones in a __name() helper the page lacks.
    window.addEventListener(
      'click',
      (event) => {
        const probe = probeWindow.__clickProbe
        if (probe && probe.clickAt === null) probe.clickAt = event.timeStamp
      },
      { capture: true },
    )
    new MutationObserver(() => {
      const probe = probeWindow.__clickProbe
      if (!probe || probe.shownAt !== null) return
      const panel = document.querySelector<HTMLElement>('[data-testid="area-panel"]')
      if (panel?.dataset.code === probe.expected) probe.shownAt = performance.now()
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-code'] })
  })
}

/** Where a seat is on the page (mouse coordinates), and whether the map canvas is what lies there. */
export async function seatOnPage(page: Page, origin: { x: number; y: number }, seat: Seat) {
  const point = await project(page, seat.lngLat)
  const x = origin.x + point.x
  const y = origin.y + point.y
  const onCanvas = await page.evaluate(
    ([px, py]) => document.elementFromPoint(px!, py!)?.classList.contains('maplibregl-canvas') ?? false,
    [x, y],
  )
  return { x, y, onCanvas }
}

/**
 * One timed click on a seat: the pointer arrives first and the hover it causes (tooltip, highlight)
 * is drawn, as when a person moves to a township and then clicks, so the click alone is timed. Returns
 * the page's times of the click event and of the panel shown; throws when no panel shows within 5 s.
 * Afterwards the map finishes redrawing the selection, as a person would wait before the next click.
 */
export async function timedClick(page: Page, at: { x: number; y: number }, code: string) {
  await page.evaluate(
    (code) => ((window as ProbeWindow).__clickProbe = { expected: code, clickAt: null, shownAt: null }),
    code,
  )
  await page.mouse.move(at.x, at.y)
  await waitForMapIdle(page, 10_000).catch(() => undefined)
  await page.mouse.down()
  await page.mouse.up()
  await page.waitForFunction(() => (window as ProbeWindow).__clickProbe?.shownAt !== null, undefined, {
    timeout: 5000,
    polling: 20,
  })
  const probe = await page.evaluate(() => (window as ProbeWindow).__clickProbe!)
  await waitForMapIdle(page, 10_000).catch(() => undefined)
  return { clickAt: probe.clickAt!, shownAt: probe.shownAt! }
}
