/**
 * CPU spent by each Chromium process (renderer: the page and its workers; gpu-process: the CPU
 * renderer; browser) while a page sits idle, and while it reads a big CSV: the app after its first
 * view (deck.gl warmed) against the big-file floor page (deck.gl warmed on a bare map). On a 2-core
 * machine with a CPU renderer, a process busy beside the import worker takes its time (figure 6's
 * read phase). Linux only (reads /proc).
 *
 *   npx vite build --mode e2e && npx tsx bench/profile/idle-cpu.ts [seconds=10] [rows=1000000]
 *
 * Prints a report; writes nothing. Measures only: it asserts nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitForMapIdle } from '../../tests/e2e/support/map-probe'
import { benchCsv } from '../figures/big-file'
import { benchReady } from '../support/page'
import { cpuSince, withMeasuredSession } from '../support/process-cpu'
import { buildBenchPages, startServers } from '../support/servers'

const numbers = process.argv.slice(2).filter((arg) => /^\d+$/.test(arg))
const seconds = Number(numbers[0] ?? 10)
const rows = Number(numbers[1] ?? 1_000_000)
type Page = import('playwright-core').Page

/** CPU by process type: sitting idle, then reading the file (`read` resolves when it is read). */
function cpuOf(url: string, ready: (page: Page) => Promise<void>, read: (page: Page) => Promise<void>) {
  return withMeasuredSession(url, async (session, cpuNow) => {
    await session.page.goto(url)
    await ready(session.page)
    await session.page.waitForTimeout(2000)
    const before = cpuNow()
    await session.page.waitForTimeout(seconds * 1000)
    const idle = cpuSince(before, cpuNow())
    const start = Date.now()
    const beforeRead = cpuNow()
    await read(session.page)
    return { idle, read: cpuSince(beforeRead, cpuNow()), readMs: Date.now() - start }
  })
}

async function main() {
  await buildBenchPages()
  const servers = await startServers()
  const dir = mkdtempSync(join(tmpdir(), 'idle-cpu-file-'))
  const path = join(dir, `points-${rows}.csv`)
  writeFileSync(path, benchCsv(rows))
  try {
    const app = await cpuOf(
      `${servers.appUrl}#map=10.4/29.155/119.785&layers=counties,district,rivers,towns`,
      async (page) => {
        await waitForMapIdle(page)
        await page.waitForFunction(
          () => (window as unknown as { __jindongMap: { programsWarmed(): boolean } }).__jindongMap.programsWarmed(),
          undefined,
          { timeout: 120_000, polling: 100 },
        )
      },
      async (page) => {
        await page.locator('[data-testid="import-input"]').setInputFiles(path)
        await page.waitForSelector('[data-testid="import-summary"]', { timeout: 600_000 })
      },
    )
    const floor = await cpuOf(
      `${servers.benchUrl}big-file.html?parser=engine`,
      async (page) => {
        const outcome = await benchReady(page, 90_000)
        if (!outcome.ok) throw new Error(outcome.message)
      },
      async (page) => {
        await page.locator('#file').setInputFiles(path)
        await page.evaluate(() => (window as unknown as { __bench: { result: Promise<unknown> } }).__bench.result)
      },
    )
    for (const [label, key] of [
      [`over ${seconds} s idle`, 'idle'],
      [`reading ${rows} rows (app ${app.readMs} ms, floor ${floor.readMs} ms, to its summary / drawn)`, 'read'],
    ] as const) {
      console.log(`CPU seconds ${label}, by Chromium process type (app / floor):`)
      for (const type of new Set([...Object.keys(app[key]), ...Object.keys(floor[key])])) {
        const [ours, bare] = [app[key][type] ?? 0, floor[key][type] ?? 0]
        console.log(`  ${type.padEnd(14)} ${ours.toFixed(2).padStart(6)} / ${bare.toFixed(2)}`)
      }
    }
  } finally {
    await servers.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
