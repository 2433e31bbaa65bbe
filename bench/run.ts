/**
 * `npm run bench` (after `vite build --mode e2e`, which adds the map probe the click figure reads):
 * builds the bench pages, serves them and dist/ on 127.0.0.1, drives Debian's Chromium
 * (tests/e2e/support/browser.ts) through each figure, prints one table of absolute values and
 * ratios, and writes bench/results/latest.json.
 * It measures; it never fails on a missed target (exit 1 only if a figure cannot run at all).
 *
 * Only some figures: `npm run bench -- frame-time click-panel` (ids as in FIGURES).
 * On a machine with a GPU: `JINDONG_CHROMIUM_GPU=1 npm run bench` (the header names the renderer got).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { aggregationFigure } from './figures/aggregation'
import { bigFileFigure } from './figures/big-file'
import { bundleSizeFigure } from './figures/bundle-size'
import { clickPanelFigure } from './figures/click-panel'
import { firstIdleFigure } from './figures/first-idle'
import { frameTimeFigure } from './figures/frame-time'
import { readRenderer, rendererKind } from './support/renderer'
import { formatTable, type FigureContext, type FigureReport } from './support/report'
import { buildBenchPages, REPO_ROOT, startServers } from './support/servers'

const FIGURES: Record<string, (context: FigureContext) => Promise<FigureReport>> = {
  'frame-time': frameTimeFigure,
  aggregation: aggregationFigure,
  'first-idle': firstIdleFigure,
  'bundle-size': bundleSizeFigure,
  'click-panel': clickPanelFigure,
  'big-file': bigFileFigure,
}

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
  const unknown = wanted.filter((id) => !(id in FIGURES))
  if (unknown.length)
    throw new Error(`unknown figure(s) ${unknown.join(', ')}; known: ${Object.keys(FIGURES).join(', ')}`)
  const selected = wanted.length ? wanted : Object.keys(FIGURES)
  const started = Date.now()
  const log = (message: string) =>
    console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`)

  log('building bench pages')
  await buildBenchPages()
  const servers = await startServers()
  const context: FigureContext = { appUrl: servers.appUrl, benchUrl: servers.benchUrl, log }
  const renderer = await readRenderer(servers.appUrl).catch((error: unknown) => `unknown (${String(error)})`)
  log(`WebGL renderer: ${renderer}`)
  const reports: FigureReport[] = []
  const failures: string[] = []
  try {
    for (const id of selected) {
      try {
        const loadBefore = loadavg()[0]!
        const report = await FIGURES[id]!(context)
        // Other work on the machine slows SwiftShader down: say how busy it was.
        report.notes.push(
          `Load average (1 min) before/after: ${loadBefore.toFixed(1)} / ${loadavg()[0]!.toFixed(1)} ` +
            `on ${cpus().length} cores.`,
        )
        reports.push(report)
      } catch (error) {
        failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`)
        log(`figure ${id} could not run: ${failures.at(-1)}`)
      }
    }
  } finally {
    await servers.close()
    // The built pages are only needed while serving; left behind, `eslint .` would lint the bundles.
    rmSync(resolve(REPO_ROOT, 'bench/dist'), { recursive: true, force: true })
  }

  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    renderer: `Chromium, ${renderer} (${rendererKind(renderer)})`,
    node: process.version,
  }
  console.log(
    `\nBenchmarks, ${new Date().toISOString()}, ${machine.cores} cores (${machine.cpu}), ${machine.renderer}\n`,
  )
  console.log(formatTable(reports.flatMap((report) => report.rows)))
  for (const report of reports) {
    console.log(`\n${report.title}`)
    for (const note of report.notes) console.log(`  - ${note}`)
  }
  if (failures.length) console.log(`\nFigures that could not run:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
  console.log(`\nTotal ${((Date.now() - started) / 1000).toFixed(0)} s.`)

  const resultsDir = resolve(REPO_ROOT, 'bench/results')
  mkdirSync(resultsDir, { recursive: true })
  writeFileSync(
    resolve(resultsDir, 'latest.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine, reports, failures }, null, 2)}\n`,
  )
  if (failures.length) process.exitCode = 1
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
