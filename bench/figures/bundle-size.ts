/**
 * Figure 4: initial JavaScript, gzipped: the app's first-load chunks (dist/index.html's module
 * script, its modulepreload links and their static imports, followed recursively, plus MapLibre's
 * worker, which the map fetches at start) against maplibre-gl alone (its dist bundle + worker).
 * Dynamic imports (deck.gl, the aggregation worker) are not initial and are listed apart.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { REPO_ROOT } from '../support/servers'
import { measured, ratioOf, type FigureContext, type FigureReport } from '../support/report'
import { round } from '../support/stats'

const DIST = resolve(REPO_ROOT, 'dist')

function gzipKB(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length / 1024
}

/** Relative specifiers of static `import … from "./x.js"` / `export … from` / `import "./x.js"` (not `import("…")`). */
function staticImports(code: string): string[] {
  const found: string[] = []
  const pattern = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g
  for (const match of code.matchAll(pattern)) found.push(match[1]!)
  return found
}

function initialChunks(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
  const entries = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((match) => resolve(DIST, match[1]!))
  const seen = new Set<string>()
  const queue = [...entries]
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) queue.push(resolve(dirname(file), specifier))
  }
  return [...seen]
}

export async function bundleSizeFigure(context: FigureContext): Promise<FigureReport> {
  context.log('figure 4: initial JS, gzipped')
  const assets = join(DIST, 'assets')
  const worker = readdirSync(assets).find((name) => /^maplibre-gl-worker.*\.m?js$/.test(name))
  const chunks = initialChunks()
  const appFiles = worker ? [...chunks, join(assets, worker)] : chunks
  const appKB = appFiles.reduce((sum, file) => sum + gzipKB(file), 0)
  const maplibreDist = resolve(REPO_ROOT, 'node_modules/maplibre-gl/dist')
  const baselineFiles = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs'].map((name) => join(maplibreDist, name))
  const baselineKB = baselineFiles.reduce((sum, file) => sum + gzipKB(file), 0)
  const initialText = chunks.map((file) => readFileSync(file, 'utf8')).join('\n')
  // deck.gl's own code (its layer names, its package paths), not our factories' names that contain them.
  const deckInInitial = /\bHeatmapLayer\b|\bHexagonLayer\b|@deck\.gl\//.test(initialText)
  const lazyChunks = readdirSync(assets).filter((name) => name.endsWith('.js') && !chunks.includes(join(assets, name)))
  const ours = measured(round(appKB), 'kB')
  const baseline = measured(round(baselineKB), 'kB')
  const ratio = ratioOf(ours, baseline)
  const perFile = (files: string[]) =>
    files.map((file) => `${file.slice(file.lastIndexOf('/') + 1)} ${round(gzipKB(file))} kB`).join(', ')
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
        target: '≤ 1.5×',
        met: ratio === null ? null : ratio <= 1.5,
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
