/**
 * Progress for a person's eyes: a report goes through when its phase changed, or when `everyMs` has
 * passed since the last one that went through. Each change of the dialog's bar repaints the page
 * over the map; with a CPU renderer (SwiftShader, the test machines' 2 cores) each repaint cost the
 * GPU process about 50 ms, and a report per 1% took 2.8 CPU-seconds of a 6-second read of a million
 * rows from the worker doing the reading (floor: 0.1 s; 1.1 s at one report per 250 ms;
 * bench/profile/idle-cpu.ts, 2026-12-07). Twice a second is enough for a bar a person watches.
 */
import type { ImportProgress } from './types'

export const PROGRESS_EVERY_MS = 500

export function pacedProgress(
  listener: (progress: ImportProgress) => void,
  everyMs = PROGRESS_EVERY_MS,
  now: () => number = () => performance.now(),
): (progress: ImportProgress) => void {
  let shownAt = -Infinity
  let phase: ImportProgress['phase'] | null = null
  return (progress) => {
    const at = now()
    if (progress.phase === phase && at - shownAt < everyMs) return
    phase = progress.phase
    shownAt = at
    listener(progress)
  }
}
