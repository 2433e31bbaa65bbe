/**
 * Figure 3: time from navigation to the first map idle: the app (dist/, `[data-idle="true"]`)
 * against a bare MapLibre page drawing the same public/geo layers with the same styles
 * (bench/pages/bare-map.ts). Each run is a fresh browser profile (cold cache); median of 3 each,
 * alternating, so neither side gets a warmer machine.
 */
import { openSession } from '../../tests/e2e/support/browser'
import { measured, ratioOf, type FigureContext, type FigureReport } from '../support/report'
import { median, round } from '../support/stats'

const RUNS = 3
/** The app's own district view (the e2e tests start from it too). */
const APP_VIEW = '#map=10.4/29.155/119.785'

/** Milliseconds from navigation start (performance.timeOrigin) to the first [data-idle="true"]. */
async function firstIdleMs(url: string, origin: string): Promise<number> {
  const session = await openSession(origin)
  try {
    // The observer's callback stays anonymous and inline: tsx would wrap a named one in a __name() helper
    // the page lacks.
    await session.page.addInitScript(() => {
      new MutationObserver(() => {
        const target = window as unknown as { __firstIdleAt?: number }
        if (target.__firstIdleAt === undefined && document.querySelector('[data-idle="true"]'))
          target.__firstIdleAt = performance.now()
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-idle'] })
    })
    await session.page.goto(url)
    await session.page.waitForFunction(
      () => (window as unknown as { __firstIdleAt?: number }).__firstIdleAt !== undefined,
      undefined,
      { timeout: 90_000, polling: 50 },
    )
    return await session.page.evaluate(() => (window as unknown as { __firstIdleAt: number }).__firstIdleAt)
  } finally {
    await session.close()
  }
}

export async function firstIdleFigure(context: FigureContext): Promise<FigureReport> {
  const app: number[] = []
  const bare: number[] = []
  for (let run = 1; run <= RUNS; run++) {
    context.log(`figure 3: first idle, run ${run} of ${RUNS}`)
    app.push(await firstIdleMs(`${context.appUrl}${APP_VIEW}`, context.appUrl))
    bare.push(await firstIdleMs(`${context.benchUrl}bare-map.html`, context.benchUrl))
    context.log(`  → app ${round(app.at(-1)!)} ms, bare MapLibre ${round(bare.at(-1)!)} ms`)
  }
  const ours = measured(round(median(app)), 'ms')
  const baseline = measured(round(median(bare)), 'ms')
  const ratio = ratioOf(ours, baseline)
  return {
    id: 'first-idle',
    title: 'Navigation to first map idle (median of 3, fresh profile each)',
    rows: [
      {
        figure: '3 first idle',
        measure: 'app vs bare MapLibre, same geo layers',
        ours,
        baseline,
        ratio,
        target: '≤ 1.2×',
        met: ratio === null ? null : ratio <= 1.2,
      },
    ],
    notes: [
      `App runs (ms): ${app.map((ms) => round(ms)).join(', ')}; ` +
        `bare MapLibre runs (ms): ${bare.map((ms) => round(ms)).join(', ')}.`,
      'The app draws every layer it shows by default (thematic layers included); ' +
        'the bare page draws the foundation layers (counties, district, towns, rivers, seats, names).',
    ],
    details: { appMs: app, bareMs: bare },
  }
}
