/**
 * Where the main thread's long tasks go when a big CSV is dropped on the app and drawn as a heatmap
 * (the path of figure 6), from a V8 CPU profile (Chrome DevTools Protocol, 1 ms sampling): the
 * stretches of non-idle samples over 200 ms, and for each the time by kind — WebGL shader compile
 * and link, other WebGL calls, deck.gl/luma.gl, MapLibre, the app (and Vue), garbage collection.
 * Also says whether the WebGL context offers KHR_parallel_shader_compile, and what the idle-time
 * warm-up before the drop cost (its long tasks, from page load).
 *
 *   npx vite build --mode e2e && npx tsx bench/profile/big-file-profile.ts [rows=100000] [--warm]
 *
 * Prints a report; writes nothing. Measures only: it asserts nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir, loadavg } from 'node:os'
import { join } from 'node:path'
import { preview } from 'vite'
import { openSession } from '../../tests/e2e/support/browser'
import { waitForMapIdle } from '../../tests/e2e/support/map-probe'
import { benchCsv } from '../figures/big-file'
import { REPO_ROOT } from '../support/servers'
import { longStretches, timeByFunction, type CpuProfile } from './profile-stretches'
import { FIRST_VIEW_MARK } from '../../src/map/browser-idle'

const rows = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 100_000)
const APP_VIEW = '#map=10.4/29.155/119.785&layers=counties,district,rivers,towns'

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'))
  const path = join(dir, `points-${rows}.csv`)
  writeFileSync(path, benchCsv(rows))
  const server = await preview({ root: REPO_ROOT, preview: { host: '127.0.0.1', port: 4297 }, logLevel: 'warn' })
  const appUrl = server.resolvedUrls!.local[0]!
  const session = await openSession(appUrl)
  const { page } = session
  try {
    // Task boundaries (the profile's stretches can hold several tasks back to back).
    await page.addInitScript(() => {
      const seen: { startTime: number; duration: number }[] = []
      ;(window as unknown as { __longTasks: typeof seen }).__longTasks = seen
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) seen.push({ startTime: entry.startTime, duration: entry.duration })
      }).observe({ type: 'longtask', buffered: true })
    })
    await page.goto(`${appUrl}${APP_VIEW}`)
    await waitForMapIdle(page)
    const gl = await page.evaluate(() => {
      const context = document.createElement('canvas').getContext('webgl2')
      return {
        parallel: Boolean(context?.getExtension('KHR_parallel_shader_compile')),
        renderer: context?.getParameter(context.RENDERER) as string,
      }
    })
    console.log(`WebGL2 renderer: ${gl.renderer}; KHR_parallel_shader_compile: ${gl.parallel}`)
    // Idle-time work first: deck.gl loaded and its programs linked (HeatmapOverlay.warmWhenIdle).
    const idleStart = Date.now()
    await page.waitForFunction(
      () => (window as unknown as { __jindongMap: { programsWarmed(): boolean } }).__jindongMap.programsWarmed(),
      undefined,
      { timeout: 120_000, polling: 100 },
    )
    const idleTasks = await page.evaluate((mark) => {
      const firstView = performance.getEntriesByName(mark)[0]?.startTime ?? 0
      const over = (window as unknown as { __longTasks: { startTime: number; duration: number }[] }).__longTasks.filter(
        (task) => task.duration > 200,
      )
      // No named helper here: tsx would wrap it in a __name() the page does not have.
      return [
        over.filter((task) => task.startTime < firstView),
        over.filter((task) => task.startTime >= firstView),
      ].map((tasks) => tasks.map((task) => Math.round(task.duration)).join(', ') || 'none')
    }, FIRST_VIEW_MARK)
    console.log(`idle-time warm-up done ${Date.now() - idleStart} ms after the first view`)
    console.log(`tasks over 200 ms: before the first view ${idleTasks[0]}; after it (idle warm-up) ${idleTasks[1]}`)
    await page.waitForTimeout(1000)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 })
    await cdp.send('Profiler.start')
    const t0 = Date.now()
    const pageT0 = await page.evaluate(() => performance.now())
    await page.locator('[data-testid="import-input"]').setInputFiles(path)
    await page.waitForSelector('[data-testid="import-summary"]', { timeout: 600_000 })
    const parsed = Date.now() - t0
    const summaryAt = (await page.evaluate(() => performance.now())) as number
    await page.locator('[data-testid="import-point-display"]').selectOption('heatmap')
    await page.locator('[data-testid="import-point-weight"]').selectOption('pm25')
    const camera = () =>
      page.evaluate(() =>
        JSON.stringify((window as unknown as { __jindongMap: { camera(): unknown } }).__jindongMap.camera()),
      )
    const cameraBefore = await camera()
    const confirmAt = (await page.evaluate(() => performance.now())) as number
    await page.locator('[data-testid="import-confirm"]').click()
    await page.waitForFunction(() => document.querySelector('[data-idle="true"]') !== null, undefined, {
      polling: 'raf',
      timeout: 300_000,
    })
    const drawn = Date.now() - t0
    const drawnAt = (await page.evaluate(() => performance.now())) as number
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    const frames = await page.evaluate(
      ([from, to]) =>
        (window as unknown as { __jindongMap: { renderTimes(): number[] } }).__jindongMap
          .renderTimes()
          .filter((at) => at >= from! && at <= to!)
          .map((at) => Math.round(at - from!)),
      [confirmAt, drawnAt],
    )
    console.log(`MapLibre frames from the confirm to drawn (ms after it): ${frames.join(', ') || 'none'}`)
    console.log(`camera at the confirm ${cameraBefore}, when drawn ${await camera()}`)
    console.log(`${rows} rows: summary after ${parsed} ms, drawn after ${drawn} ms (wall, driver side)`)
    console.log(
      `page clock: drop → summary ${Math.round(summaryAt - pageT0)} ms, summary → confirm ` +
        `${Math.round(confirmAt - summaryAt)} ms (the driver's choices), ` +
        `confirm → drawn ${Math.round(drawnAt - confirmAt)} ms`,
    )
    for (const [label, window] of [
      ['drop → summary', [pageT0, summaryAt]],
      ['confirm → drawn', [confirmAt, drawnAt]],
    ] as const) {
      const times = timeByFunction(profile, pageT0, [window as [number, number]], join(REPO_ROOT, 'dist/assets'))
      console.log(`\nmain thread, ${label}: busy ${Math.round(times.busyMs)} ms; by function (inclusive):`)
      for (const [name, ms] of times.inclusive.slice(0, 30)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`)
      console.log('  self:')
      for (const [name, ms] of times.self.slice(0, 15)) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${name}`)
    }
    console.log(`load average (1 min): ${loadavg()[0]!.toFixed(1)}`)
    const tasks = await page.evaluate(
      () => (window as unknown as { __longTasks: { startTime: number; duration: number }[] }).__longTasks,
    )
    const over = tasks.filter((task) => task.startTime >= pageT0 && task.duration > 200)
    const listed = over.map((task) => `+${Math.round(task.startTime - pageT0)} ms ${Math.round(task.duration)} ms`)
    console.log(`tasks over 200 ms since the drop: ${listed.join('; ') || 'none'}`)
    for (const stretch of longStretches(profile, 200)) {
      const kinds = Object.entries(stretch.byKind)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, ms]) => `${kind} ${Math.round(ms)}`)
        .join(', ')
      console.log(`\nstretch at +${Math.round(stretch.startMs)} ms, ${Math.round(stretch.durationMs)} ms: ${kinds}`)
      for (const [frame, ms] of stretch.topFrames.slice(0, 8)) console.log(`    ${Math.round(ms)} ms  ${frame}`)
    }
  } finally {
    await session.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
