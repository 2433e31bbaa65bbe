/**
 * CPU spent by each Chromium process from navigation to the first idle: the app against MapLibre
 * alone drawing the app's own style and data (figure 3's same-layers page). Says which process the
 * app's extra first-view time is spent in: the page (renderer), or SwiftShader (gpu-process)
 * compositing what the page paints over the map, and each process's threads by name (a worker that
 * has ended is in its process's row, not in a thread's). Linux only.
 *
 *   npx vite build --mode e2e && npx tsx bench/profile/first-view-cpu.ts [runs=3]
 *
 * Prints a report; writes bench/dist (the same-layers page's copy of the style). Asserts nothing.
 */
import { firstIdleAt, noteFirstIdle } from '../../tests/e2e/support/map-probe'
import { copyAppStyle } from '../figures/first-idle'
import { cpuSince, withMeasuredSession } from '../support/process-cpu'
import { buildBenchPages, startServers } from '../support/servers'

const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 3)

function firstViewCpu(url: string, origin: string) {
  return withMeasuredSession(origin, async (session, cpuNow) => {
    await noteFirstIdle(session.page)
    const before = cpuNow()
    await session.page.goto(url)
    const idleMs = await firstIdleAt(session.page)
    return { idleMs, cpu: cpuSince(before, cpuNow()) }
  })
}

async function main() {
  await buildBenchPages()
  const servers = await startServers()
  try {
    await copyAppStyle(servers.appUrl)
    for (let run = 1; run <= runs; run++) {
      const app = await firstViewCpu(`${servers.appUrl}#map=10.4/29.155/119.785`, servers.appUrl)
      const same = await firstViewCpu(`${servers.benchUrl}same-layers.html`, servers.benchUrl)
      console.log(`run ${run}: first idle app ${Math.round(app.idleMs)} ms, same layers ${Math.round(same.idleMs)} ms`)
      for (const type of [...new Set([...Object.keys(app.cpu), ...Object.keys(same.cpu)])].sort()) {
        const [ours, bare] = [app.cpu[type] ?? 0, same.cpu[type] ?? 0]
        // Threads (`type/name`) only where one side spent a hundredth of a second or more.
        if (type.includes('/') && Math.max(ours, bare) < 0.01) continue
        console.log(`  ${type.padEnd(14)} ${ours.toFixed(2).padStart(6)} / ${bare.toFixed(2)} CPU-s`)
      }
    }
  } finally {
    await servers.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
