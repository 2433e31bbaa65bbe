/**
 * What every stage of one import shares: the problem list, progress reporting and cancellation.
 * Long loops call `checkpoint` every so many items: it reports progress (at most every 1%), and
 * every ~30 ms it yields to the event loop so an abort (or, in the worker, nothing else) can get
 * a turn; an aborted signal then ends the import with an AbortError.
 */
import { ProblemList } from './problem-list'
import type { ImportPhase, ImportProgress } from './types'

/** How long a loop may run before it lets other tasks (an abort) in. */
const YIELD_EVERY_MS = 30

export function createAbortError(): DOMException {
  return new DOMException('import cancelled', 'AbortError')
}

/** True for what a cancelled import rejects with (ours, or any AbortError-named error). */
export function isImportAborted(reason: unknown): boolean {
  return typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'AbortError'
}

export class ImportContext {
  readonly problems: ProblemList
  private lastYield = Date.now()
  private lastPhase: ImportPhase | null = null
  private lastFraction = -1

  constructor(
    readonly fileName: string,
    private readonly onProgress?: (progress: ImportProgress) => void,
    /** The caller's cancel; a project's layers are imported under it too (import-file.ts). */
    readonly signal?: AbortSignal,
  ) {
    this.problems = new ProblemList(fileName)
  }

  throwIfAborted(): void {
    if (this.signal?.aborted) throw createAbortError()
  }

  progress(phase: ImportPhase, fraction: number): void {
    const clamped = Math.min(1, Math.max(0, fraction))
    if (phase === this.lastPhase && clamped < 1 && clamped - this.lastFraction < 0.01) return
    this.lastPhase = phase
    this.lastFraction = clamped
    this.onProgress?.({ phase, fraction: clamped })
  }

  /** Reports progress, lets other tasks run if this one has run long, and stops if aborted. */
  async checkpoint(phase: ImportPhase, fraction: number): Promise<void> {
    this.progress(phase, fraction)
    if (Date.now() - this.lastYield >= YIELD_EVERY_MS) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0))
      this.lastYield = Date.now()
    }
    this.throwIfAborted()
  }

  /** Always yields once: used between stages so a cancel right after a long step is seen. */
  async pause(): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 0))
    this.lastYield = Date.now()
    this.throwIfAborted()
  }
}
