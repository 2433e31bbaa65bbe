/**
 * Figure 5: click on a township seat → that township's area panel shown, in the app (dist/).
 * 50 clicks, cycling through the 11 seats so each click changes the selection. Timed inside the
 * page: from the DOM click event's timestamp to the MutationObserver callback that first sees
 * `[data-testid="area-panel"][data-code]` equal to the clicked township's code. The clicks start once
 * the idle-time warm-up after the first view is done; before each, the pointer moves to the seat and
 * the map draws the hover, so the click alone is timed.
 */
import { openSession } from '../../tests/e2e/support/browser'
import { canvasOrigin, waitForMapIdle, waitForProgramsWarmed } from '../../tests/e2e/support/map-probe'
import { installClickProbe, seatOnPage, timedClick, townSeats } from '../support/click-probe'
import { measured, type FigureContext, type FigureReport } from '../support/report'
import { median, percentile, round } from '../support/stats'

const CLICKS = 50
const APP_VIEW = '#map=10.4/29.155/119.785'

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
    await installClickProbe(page)
    const origin = await canvasOrigin(page)
    const towns = townSeats()
    for (let click = 0; click < CLICKS; click++) {
      const town = towns[click % towns.length]!
      const seat = await seatOnPage(page, origin, town)
      if (!seat.onCanvas) {
        misses.push(`${town.code}: seat covered by the UI`)
        continue
      }
      try {
        const timed = await timedClick(page, seat, town.code)
        latencies.push(timed.shownAt - timed.clickAt)
      } catch {
        misses.push(`${town.code}: no area panel within 5 s`)
        await waitForMapIdle(page, 10_000).catch(() => undefined)
      }
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
        // Issue 21's goal (the first round asked for ≤ 100 ms; 34.6 ms was measured before the platform).
        target: '≤ 33 ms',
        met: p95 === null ? null : p95 <= 33,
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
