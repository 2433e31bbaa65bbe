/**
 * CPU seconds spent by the Chromium processes of one browser (found by its profile folder), by
 * process type: renderer (the page, its workers), gpu-process (SwiftShader: WebGL and compositing on
 * the CPU), browser, utility. Linux only: read from /proc.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSession, type Session } from '../../tests/e2e/support/browser'

const TICKS = 100 // USER_HZ on Linux

/** CPU seconds so far of every Chromium process started with this profile folder, by process type. */
export function cpuByType(profile: string): Record<string, number> {
  const processes = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  const info = new Map<number, { parent: number; type: string; cpu: number; root: boolean }>()
  for (const pid of processes) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // Chromium rewrites its children's command lines as one space-separated string.
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
      const type = /--type=(\S+)/.exec(cmdline)?.[1] ?? 'browser'
      const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS
      info.set(Number(pid), { parent: Number(fields[1]), type, cpu, root: cmdline.includes(profile) })
    } catch {
      // The process ended while it was read.
    }
  }
  const ours = new Set([...info].filter(([, p]) => p.root && p.type === 'browser').map(([pid]) => pid))
  for (let grown = true; grown;) {
    grown = false
    for (const [pid, p] of info)
      if (!ours.has(pid) && ours.has(p.parent)) {
        ours.add(pid)
        grown = true
      }
  }
  const byType: Record<string, number> = {}
  for (const pid of ours) {
    const p = info.get(pid)!
    byType[p.type] = (byType[p.type] ?? 0) + p.cpu
    // Each thread too, as `type/thread name` (numbers dropped: the 4 raster workers are one row).
    for (const [name, cpu] of Object.entries(cpuByThread(pid)))
      byType[`${p.type}/${name}`] = (byType[`${p.type}/${name}`] ?? 0) + cpu
  }
  return byType
}

/** CPU seconds of the live threads of one process, by thread name (Chromium names its threads). */
function cpuByThread(pid: number): Record<string, number> {
  const byName: Record<string, number> = {}
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8')
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      byName[name] = (byName[name] ?? 0) + (Number(fields[11]) + Number(fields[12])) / TICKS
    }
  } catch {
    // The process (or a thread) ended while it was read.
  }
  return byName
}

/** What each process type spent between two readings. */
export function cpuSince(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((type) => [type, after[type]! - (before[type] ?? 0)]))
}

/** A browser in a profile folder of its own (so its processes can be found), closed and removed after `use`. */
export async function withMeasuredSession<T>(
  origin: string,
  use: (session: Session, cpuNow: () => Record<string, number>) => Promise<T>,
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'process-cpu-'))
  const session = await openSession(origin, { profileDir: profile })
  try {
    return await use(session, () => cpuByType(profile))
  } finally {
    await session.close()
    rmSync(profile, { recursive: true, force: true })
  }
}
