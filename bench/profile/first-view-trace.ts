/**
 * Where the first view's time goes: the app (dist/) and figure 3's MapLibre page with the same layers, each
 * loaded once in a fresh profile with a V8 CPU profile running from navigation to the first map
 * idle. For each: when each request started and ended, the app's own marks, the main thread's busy
 * time by script (chunk) and by kind, the largest functions by self time, and the long animation
 * frames with the scripts that ran in them (LoAF attribution).
 *
 *   npx vite build --mode e2e && npx tsx bench/profile/first-view-trace.ts [runs=1]
 *
 * Prints a report; writes nothing. Measures only: it asserts nothing.
 */
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { openSession } from '../../tests/e2e/support/browser'
import { firstIdleAt, noteFirstIdle } from '../../tests/e2e/support/map-probe'
import { copyAppStyle } from '../figures/first-idle'
import { buildBenchPages, REPO_ROOT, startServers } from '../support/servers'
import { timeByFunction, type CpuProfile } from './profile-stretches'

const APP_VIEW = '#map=10.4/29.155/119.785'
const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 1)

interface PageTimeline {
  idleAt: number
  marks: { name: string; at: number }[]
  resources: { name: string; kind: string; start: number; end: number; kB: number }[]
  frames: {
    start: number
    duration: number
    blocking: number
    scripts: { source: string; invoker: string; ms: number }[]
  }[]
}

/** Installed before any script of the page: the long animation frames (the first idle: noteFirstIdle). */
const OBSERVERS = `
  window.__frames = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__frames.push({
        start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
        scripts: (e.scripts || []).map((s) => ({
          source: (s.sourceURL || '').split('/').pop() + ':' + s.sourceFunctionName,
          invoker: s.invoker, ms: s.duration })),
      });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (_) {}
`

async function trace(url: string, origin: string) {
  const session = await openSession(origin)
  const { page } = session
  try {
    await page.addInitScript({ content: OBSERVERS })
    await noteFirstIdle(page)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
    await cdp.send('Profiler.start')
    const profileStartedAt = Date.now()
    await page.goto(url)
    await firstIdleAt(page)
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    const timeline = (await page.evaluate(`(() => ({
      idleAt: window.__firstIdleAt,
      marks: performance.getEntriesByType('mark').map((m) => ({ name: m.name, at: m.startTime })),
      resources: performance.getEntriesByType('resource').map((r) => ({
        name: r.name.split('/').pop(), kind: r.initiatorType, start: r.startTime, end: r.responseEnd,
        kB: r.encodedBodySize / 1024 })),
      frames: window.__frames,
    }))()`)) as PageTimeline
    const navigationStart = (await page.evaluate('performance.timeOrigin')) as number
    return { profile, timeline, navigationStart, profileStartedAt }
  } finally {
    await session.close()
  }
}

function report(label: string, run: Awaited<ReturnType<typeof trace>>) {
  const { timeline } = run
  // Milliseconds between the profile's start and the page's navigation start.
  const offset = run.navigationStart - run.profileStartedAt
  // The profile starts `offset` ms before the page's clock does; the first idle ends the window.
  const times = timeByFunction(run.profile, -offset, [[-offset, timeline.idleAt]], resolve(REPO_ROOT, 'dist/assets'))
  const top = (rows: [string, number][], n: number) =>
    rows
      .slice(0, n)
      .map(([name, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${name}`)
      .join('\n')
  const cpu = { busy: times.busyMs, scripts: top(times.byScript, 14), functions: top(times.self, 20) }
  const lines = [
    `\n=== ${label}: first idle at ${timeline.idleAt.toFixed(0)} ms; ` +
      `main thread busy ${cpu.busy.toFixed(0)} ms before it`,
  ]
  lines.push('  marks:')
  for (const mark of timeline.marks) lines.push(`    ${mark.at.toFixed(0).padStart(6)} ms  ${mark.name}`)
  lines.push(`  requests before the first idle (start → end, kB):`)
  for (const r of timeline.resources.filter((r) => r.start < timeline.idleAt).sort((a, b) => a.start - b.start))
    lines.push(
      `    ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ms  ` +
        `${r.kB.toFixed(1).padStart(7)}  ${r.kind.padEnd(6)} ${r.name}`,
    )
  lines.push('  main-thread self time by script:', cpu.scripts)
  lines.push('  largest functions (self time):', cpu.functions)
  // With a --sourcemap build, the app's own code by name and line, with what it called (inclusive):
  // where the page's time goes beyond MapLibre's.
  const appOwn = times.inclusive.filter(([name]) => / src\//.test(name))
  if (appOwn.length) lines.push("  the app's own code, inclusive (source-mapped):", top(appOwn, 25))
  lines.push('  long animation frames before the first idle (start, duration, blocking; scripts over 10 ms):')
  for (const frame of timeline.frames.filter((f) => f.start < timeline.idleAt)) {
    const scripts = frame.scripts
      .filter((s) => s.ms >= 10)
      .map((s) => `${s.source} (${s.invoker}) ${s.ms.toFixed(0)}`)
      .join('; ')
    lines.push(
      `    ${frame.start.toFixed(0).padStart(6)} ms  ${frame.duration.toFixed(0).padStart(4)} / ` +
        `${frame.blocking.toFixed(0).padStart(4)}  ${scripts}`,
    )
  }
  console.log(lines.join('\n'))
}

async function main() {
  await buildBenchPages()
  const servers = await startServers()
  await copyAppStyle(servers.appUrl)
  try {
    for (let i = 0; i < runs; i++) {
      console.log(`\nrun ${i + 1} of ${runs}, load ${loadavg()[0]!.toFixed(1)}`)
      for (const [label, url, origin] of [
        ['app', `${servers.appUrl}${APP_VIEW}`, servers.appUrl],
        ['MapLibre alone, the same layers', `${servers.benchUrl}same-layers.html`, servers.benchUrl],
      ] as const) {
        report(label, await trace(url, origin))
      }
    }
  } finally {
    await servers.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
