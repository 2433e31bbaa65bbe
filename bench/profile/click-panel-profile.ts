/**
 * What a click on a township does before its area panel shows (figure 5's path), from a V8 CPU
 * profile taken over the clicks: each click's latency, and the main thread's inclusive time by
 * function (the app's, Vue's and MapLibre's) inside the click → panel windows, summed over the
 * clicks. With `--sourcemap` builds (`npx vite build --mode e2e --sourcemap`) the app's frames are
 * named by their source file and line.
 *
 *   npx vite build --mode e2e --sourcemap && npx tsx bench/profile/click-panel-profile.ts [clicks=30]
 *
 * Prints a report; writes nothing. Measures only: it asserts nothing.
 */
import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { preview } from 'vite'
import { openSession } from '../../tests/e2e/support/browser'
import { canvasOrigin, waitForMapIdle, waitForProgramsWarmed } from '../../tests/e2e/support/map-probe'
import { installClickProbe, seatOnPage, timedClick, townSeats } from '../support/click-probe'
import { REPO_ROOT } from '../support/servers'
import { median, percentile } from '../support/stats'
import { timeByFunction, type CpuProfile } from './profile-stretches'

const clicks = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 30)
const APP_VIEW = '#map=10.4/29.155/119.785'

async function main() {
  const server = await preview({ root: REPO_ROOT, preview: { host: '127.0.0.1', port: 4296 }, logLevel: 'warn' })
  const appUrl = server.resolvedUrls!.local[0]!
  const session = await openSession(appUrl)
  const { page } = session
  const windows: [number, number][] = []
  try {
    await page.goto(`${appUrl}${APP_VIEW}`)
    await waitForMapIdle(page)
    await waitForProgramsWarmed(page) // idle-time work (deck.gl's warm-up) out of the way, as figure 5 does
    await installClickProbe(page)
    await page.evaluate(() => {
      // Event Timing: how long each click waited before its handlers ran, and how long they ran.
      const timings: { delay: number; processing: number }[] = []
      ;(window as unknown as { __eventTimings: typeof timings }).__eventTimings = timings
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEventTiming[])
          if (entry.name === 'click')
            timings.push({
              delay: entry.processingStart - entry.startTime,
              processing: entry.processingEnd - entry.processingStart,
            })
      }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
    })
    const seats = townSeats()
    const origin = await canvasOrigin(page)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await cdp.send('Profiler.start')
    // The profile's clock (µs) against the page's performance.now(): anchored right after the start
    // (off by the round trip, a few ms at most).
    const pageStartMs = (await page.evaluate(() => performance.now())) as number
    const latencies: number[] = []
    for (let click = 0; click < clicks; click++) {
      const town = seats[click % seats.length]!
      const timed = await timedClick(page, await seatOnPage(page, origin, town), town.code)
      latencies.push(timed.shownAt - timed.clickAt)
      windows.push([timed.clickAt, timed.shownAt])
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    const times = timeByFunction(profile, pageStartMs, windows, resolve(REPO_ROOT, 'dist/assets'))
    const timings = (await page.evaluate('window.__eventTimings')) as { delay: number; processing: number }[]
    const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(' ')
    console.log(
      `click events over 16 ms (Event Timing), ${timings.length}: input delay ${fmt(timings.map((t) => t.delay))}`,
    )
    console.log(`  handlers ran (ms): ${fmt(timings.map((t) => t.processing))}`)
    console.log(
      `load ${loadavg()[0]!.toFixed(1)}; ${latencies.length} clicks: ` +
        `median ${median(latencies).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
    )
    console.log(
      `latencies (ms): ${[...latencies]
        .sort((a, b) => a - b)
        .map((l) => l.toFixed(0))
        .join(' ')}`,
    )
    console.log(
      `main thread busy inside the click windows: ${times.busyMs.toFixed(0)} ms over ${clicks} clicks; inclusive time:`,
    )
    for (const [name, ms] of times.inclusive.slice(0, 60)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
    console.log('self time:')
    for (const [name, ms] of times.self.slice(0, 25)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`)
  } finally {
    await session.close()
    await server.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
