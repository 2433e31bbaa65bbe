/**
 * Figure 4: initial JavaScript, gzipped: the app's first-load chunks (dist/index.html's module
 * script, its modulepreload links and their static imports, followed recursively, plus MapLibre's
 * worker, which the map fetches at start) against maplibre-gl alone (its dist bundle + worker).
 * Dynamic imports (deck.gl, the aggregation worker) are not initial and are listed apart.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { REPO_ROOT } from '../support/servers'
import { measured, ratioOf, type FigureContext, type FigureReport } from '../support/report'
import { round } from '../support/stats'
import { gzipKB, measureInitialJs } from '../../scripts/budget/initial-js'

const DIST = resolve(REPO_ROOT, 'dist')

export async function bundleSizeFigure(context: FigureContext): Promise<FigureReport> {
  context.log('figure 4: initial JS, gzipped')
  const assets = join(DIST, 'assets')
  // The same measure as the first-view budget that `npm test` checks (scripts/budget).
  const initial = measureInitialJs(DIST, REPO_ROOT)
  const appFiles = initial.files.map((f) => join(DIST, f.file))
  const chunks = appFiles.filter((file) => !/maplibre-gl-worker/.test(file))
  const appKB = initial.totalKB
  const baselineKB = initial.maplibreAloneKB
  const baselineFiles = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs'].map((name) =>
    join(REPO_ROOT, 'node_modules/maplibre-gl/dist', name),
  )
  const initialText = chunks.map((file) => readFileSync(file, 'utf8')).join('\n')
  // deck.gl's own code (its layer names, its package paths), not our factories' names that contain them.
  const deckInInitial = /\bHeatmapLayer\b|\bHexagonLayer\b|@deck\.gl\//.test(initialText)
  const lazyChunks = readdirSync(assets).filter((name) => name.endsWith('.js') && !chunks.includes(join(assets, name)))
  const ours = measured(round(appKB), 'kB')
  const baseline = measured(round(baselineKB), 'kB')
  const ratio = ratioOf(ours, baseline)
  const sizes = new Map(initial.files.map((f) => [join(DIST, f.file), f.kB]))
  const perFile = (files: string[]) =>
    files
      .map((file) => `${file.slice(file.lastIndexOf('/') + 1)} ${round(sizes.get(file) ?? gzipKB(file))} kB`)
      .join(', ')
  return {
    id: 'bundle-size',
    title: 'Initial JavaScript (gzip -9)',
    rows: [
      {
        figure: '4 initial JS gzip',
        measure: 'app first load vs maplibre-gl alone',
        ours,
        baseline,
        ratio,
        target: '≤ 1.2×',
        met: ratio === null ? null : ratio <= 1.2,
      },
    ],
    notes: [
      `App: ${perFile(appFiles)}.`,
      `maplibre-gl alone: ${perFile(baselineFiles)}.`,
      `deck.gl in the initial chunks: ${deckInInitial ? 'YES (it should load lazily)' : 'no'}. ` +
        `Lazy chunks: ${lazyChunks.join(', ') || 'none'}.`,
    ],
    details: {
      appFiles: appFiles.map((file) => file.slice(REPO_ROOT.length + 1)),
      appKB,
      baselineKB,
      deckInInitial,
      lazyChunks,
    },
  }
}
