/**
 * Figure 3: time from navigation to the first map idle: the app (dist/, `[data-idle="true"]`)
 * against MapLibre alone drawing the same layers (bench/pages/same-layers.ts: the app's own style
 * and source data, read from the app just before the runs), and, for the record, against the older
 * baseline that draws only the foundation layers (bench/pages/bare-map.ts). Each run is a fresh
 * browser profile (cold cache); median of 5 each (the spread on a shared 2-core machine is wide),
 * alternating, so no side gets a warmer machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StyleSpecification } from 'maplibre-gl'
import { openSession } from '../../tests/e2e/support/browser'
import { firstIdleAt, noteFirstIdle, waitForMapIdle } from '../../tests/e2e/support/map-probe'
import { REPO_ROOT } from '../support/servers'
import { measured, ratioOf, type FigureContext, type FigureReport } from '../support/report'
import { median, round } from '../support/stats'

const RUNS = 5
/** The app's own district view (the e2e tests start from it too). */
const APP_VIEW = '#map=10.4/29.155/119.785'

/** Milliseconds from navigation start (performance.timeOrigin) to the first [data-idle="true"]. */
async function firstIdleMs(url: string, origin: string): Promise<number> {
  const session = await openSession(origin)
  try {
    await noteFirstIdle(session.page)
    await session.page.goto(url)
    return await firstIdleAt(session.page)
  } finally {
    await session.close()
  }
}

/**
 * The app's style once its first view is drawn, written beside the bench pages: the style in
 * app-style.json, each GeoJSON source's data (as the app handed it to MapLibre) in app-data/<id>.json.
 */
export async function copyAppStyle(appUrl: string): Promise<number> {
  const session = await openSession(appUrl)
  try {
    await session.page.goto(`${appUrl}${APP_VIEW}`)
    await waitForMapIdle(session.page)
    const style = (await session.page.evaluate(() =>
      (window as unknown as { __jindongMap: { style(): unknown } }).__jindongMap.style(),
    )) as StyleSpecification
    const dir = join(REPO_ROOT, 'bench/dist/app-data')
    mkdirSync(dir, { recursive: true })
    for (const [id, source] of Object.entries(style.sources)) {
      if (source.type !== 'geojson' || typeof source.data !== 'object') continue
      writeFileSync(join(dir, `${id}.json`), JSON.stringify(source.data))
      source.data = `app-data/${id}.json`
    }
    writeFileSync(join(REPO_ROOT, 'bench/dist/app-style.json'), JSON.stringify(style))
    return style.layers.length
  } finally {
    await session.close()
  }
}

export async function firstIdleFigure(context: FigureContext): Promise<FigureReport> {
  const layerCount = await copyAppStyle(context.appUrl)
  const app: number[] = []
  const same: number[] = []
  const bare: number[] = []
  for (let run = 1; run <= RUNS; run++) {
    context.log(`figure 3: first idle, run ${run} of ${RUNS}`)
    app.push(await firstIdleMs(`${context.appUrl}${APP_VIEW}`, context.appUrl))
    same.push(await firstIdleMs(`${context.benchUrl}same-layers.html`, context.benchUrl))
    bare.push(await firstIdleMs(`${context.benchUrl}bare-map.html`, context.benchUrl))
    context.log(
      `  → app ${round(app.at(-1)!)} ms, MapLibre with the same layers ${round(same.at(-1)!)} ms, ` +
        `foundation only ${round(bare.at(-1)!)} ms`,
    )
  }
  const ours = measured(round(median(app)), 'ms')
  const sameBaseline = measured(round(median(same)), 'ms')
  const bareBaseline = measured(round(median(bare)), 'ms')
  const ratio = ratioOf(ours, sameBaseline)
  const bareRatio = ratioOf(ours, bareBaseline)
  return {
    id: 'first-idle',
    title: `Navigation to first map idle (median of ${RUNS}, fresh profile each)`,
    rows: [
      {
        figure: '3 first idle',
        measure: `app vs MapLibre alone drawing the app's style (same ${layerCount} layers, same data)`,
        ours,
        baseline: sameBaseline,
        ratio,
        target: '≤ 1.1×',
        met: ratio === null ? null : ratio <= 1.1,
      },
      {
        figure: '3',
        measure: 'app vs MapLibre alone drawing the foundation layers only (the older baseline)',
        ours,
        baseline: bareBaseline,
        ratio: bareRatio,
        target: 'information',
        met: null,
      },
    ],
    notes: [
      `App runs (ms): ${app.map((ms) => round(ms)).join(', ')}; ` +
        `same layers (ms): ${same.map((ms) => round(ms)).join(', ')}; ` +
        `foundation only (ms): ${bare.map((ms) => round(ms)).join(', ')}.`,
      `The same-layers page draws the ${layerCount} map layers of the app's first view from the style and data ` +
        'the app handed MapLibre (read from the app before the runs); the foundation page draws counties, ' +
        'district, towns, rivers, seats and names (9 layers).',
    ],
    details: { appMs: app, sameLayersMs: same, bareMs: bare },
  }
}
