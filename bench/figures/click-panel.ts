/**
 * Figure 5: click on a township seat → that township's area panel shown, in the app (dist/).
 * 50 clicks, cycling through the 11 seats so each click changes the selection. Timed inside the
 * page: from the DOM click event's timestamp to the MutationObserver callback that first sees
 * `[data-testid="area-panel"][data-code]` equal to the clicked township's code. The clicks start once
 * the idle-time warm-up after the first view is done; before each, the pointer moves to the seat and
 * the map draws the hover, so the click alone is timed.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { FeatureCollection, Point } from 'geojson'
import { openSession } from '../../tests/e2e/support/browser'
import { canvasOrigin, project, waitForMapIdle, waitForProgramsWarmed } from '../../tests/e2e/support/map-probe'
import { REPO_ROOT } from '../support/servers'
import { measured, type FigureContext, type FigureReport } from '../support/report'
import { median, percentile, round } from '../support/stats'

const CLICKS = 50
const APP_VIEW = '#map=10.4/29.155/119.785'

interface ClickProbe {
  expected: string
  clickAt: number | null
  shownAt: number | null
}
type ProbeWindow = Window & { __clickProbe?: ClickProbe }

function seats(): { code: string; lngLat: [number, number] }[] {
  const collection = JSON.parse(
    readFileSync(resolve(REPO_ROOT, 'public/geo/seats.geojson'), 'utf8'),
  ) as FeatureCollection<Point>
  return collection.features.map((feature) => ({
    code: String(feature.properties?.code),
    lngLat: [feature.geometry.coordinates[0]!, feature.geometry.coordinates[1]!],
  }))
}

export async function clickPanelFigure(context: FigureContext): Promise<FigureReport> {
  context.log(`figure 5: click → area panel, ${CLICKS} clicks`)
  const session = await openSession(context.appUrl)
  const { page } = session
  const latencies: number[] = []
  const misses: string[] = []
  try {
    await page.goto(`${context.appUrl}${APP_VIEW}`)
    await waitForMapIdle(page)
    // The idle-time work after the first view (deck.gl loaded, its programs linked: synchronous waits
    // on the GPU process) is done, as it is a few seconds after a person opens the app; a click during
    // it waits behind a link (tests/e2e/idle-warm-up.e2e.test.ts keeps those out of the first view).
    await waitForProgramsWarmed(page)
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
    const origin = await canvasOrigin(page)
    const towns = seats()
    for (let click = 0; click < CLICKS; click++) {
      const town = towns[click % towns.length]!
      const point = await project(page, town.lngLat)
      const x = origin.x + point.x
      const y = origin.y + point.y
      const onCanvas = await page.evaluate(
        ([px, py]) => document.elementFromPoint(px!, py!)?.classList.contains('maplibregl-canvas') ?? false,
        [x, y],
      )
      if (!onCanvas) {
        misses.push(`${town.code}: seat covered by the UI`)
        continue
      }
      await page.evaluate(
        (code) => ((window as ProbeWindow).__clickProbe = { expected: code, clickAt: null, shownAt: null }),
        town.code,
      )
      // The pointer arrives first and the hover it causes (tooltip, highlight) is drawn, as when a
      // person moves to a township and then clicks: the click alone is timed.
      await page.mouse.move(x, y)
      await waitForMapIdle(page, 10_000).catch(() => undefined)
      await page.mouse.down()
      await page.mouse.up()
      try {
        await page.waitForFunction(() => (window as ProbeWindow).__clickProbe?.shownAt !== null, undefined, {
          timeout: 5000,
          polling: 20,
        })
        const probe = await page.evaluate(() => (window as ProbeWindow).__clickProbe!)
        latencies.push(probe.shownAt! - probe.clickAt!)
      } catch {
        misses.push(`${town.code}: no area panel within 5 s`)
      }
      // Let the map finish redrawing the selection before the next click, as a person would.
      await waitForMapIdle(page, 10_000).catch(() => undefined)
    }
  } finally {
    await session.close()
  }
  const p95 = latencies.length ? round(percentile(latencies, 95)) : null
  context.log(`  → p95 ${p95} ms over ${latencies.length} clicks, ${misses.length} missed`)
  return {
    id: 'click-panel',
    title: 'Click on a township seat → area panel shown (app, dist/)',
    rows: [
      {
        figure: '5 click → panel',
        measure: `p95 over ${latencies.length} clicks (median ${latencies.length ? round(median(latencies)) : '—'} ms)`,
        ours: measured(p95, 'ms'),
        baseline: null,
        ratio: null,
        target: '≤ 100 ms',
        met: p95 === null ? null : p95 <= 100,
      },
    ],
    notes: [
      `Clicks timed: ${latencies.length}; missed: ${misses.length}` +
        `${misses.length ? ` (${[...new Set(misses)].join('; ')})` : ''}.`,
      'Timed from the DOM click event to the MutationObserver callback seeing the panel with the clicked code ' +
        '(before paint).',
    ],
    details: { latenciesMs: latencies.map((ms) => round(ms, 2)), misses },
  }
}
