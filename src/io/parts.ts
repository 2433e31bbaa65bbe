/**
 * The app's own parts loaded after the first view (deck.gl, the import dialog, presentation mode…),
 * loaded so that a big screen recovers by itself when its server goes away and comes back.
 *
 * A browser keeps a failed module import in its module map: asking again for the same URL fails
 * without a request, however long the server has been back. So:
 * 1. before a part is imported, the server is asked whether it answers (a small no-store request);
 *    when it does not, the import is not attempted at all and the part is reported missing — the
 *    module map stays clean and the next use loads it once the server is back;
 * 2. when an import fails all the same (the server went away between the question and the import),
 *    the part is tried again on its next use; if it fails again while the server answers, that URL is
 *    spoiled for this page: the app waits until the server answers and reloads itself, keeping its
 *    state (the share link in the address, the settings in local storage, and what `beforeReload`
 *    hands over). At most one such reload in `reloadSpacingMs`, so a server that serves a broken file
 *    does not make the screen reload in a loop; a later one waits out the spacing, then comes.
 */

/** Thrown when a part is not even tried: the server does not answer. */
export class PartUnavailableError extends Error {
  constructor(part: string) {
    super(`${part}: the server does not answer`)
    this.name = 'PartUnavailableError'
  }
}

export interface PartsOptions {
  /** A small file of the app's own, fetched with no-store to learn whether the server answers; null: no
   * page to ask from (tests in node). */
  probeUrl: () => string | null
  /** How long to wait for the probe. */
  probeTimeoutMs: number
  /** Waits between probes while waiting for the server to come back (the last one repeats). */
  retryDelaysMs: readonly number[]
  fetch: typeof fetch
  reload: () => void
  setTimeout: (callback: () => void, ms: number) => unknown
  /** When this page last reloaded itself for a spoiled part (ms since the epoch), and where to note it. */
  lastReload: { read: () => number | null; write: (at: number) => void }
  now: () => number
  reloadSpacingMs: number
}

type Saver = () => void

export class PartLoader {
  private spoiled = false
  private waiting: Promise<void> | null = null
  private readonly savers = new Set<Saver>()
  /** Parts whose import failed once while the server answered. */
  private readonly failed = new Set<string>()
  /** The question now on its way, if any: parts asked for in the same moment share it. */
  private asking: Promise<boolean> | null = null

  constructor(private readonly options: PartsOptions) {}

  /**
   * Whether the server answers now. Parts asked for in the same moment (those a first view loads after
   * it) share one question; an answer is never reused once given, however recent: a server that went
   * away a second after it answered would have the import tried, and the failure would stay in the
   * browser's module map (the e2e server-back test turned readings on just after a probe, 2026-12-07).
   */
  async serverAnswers(): Promise<boolean> {
    const url = this.options.probeUrl()
    if (url === null) return true
    if (this.asking) return this.asking
    const asking = this.ask(url)
    this.asking = asking
    try {
      return await asking
    } finally {
      if (this.asking === asking) this.asking = null
    }
  }

  private async ask(url: string): Promise<boolean> {
    const controller = new AbortController()
    const timer = this.options.setTimeout(() => controller.abort(), this.options.probeTimeoutMs)
    try {
      const response = await this.options.fetch(url, {
        method: 'HEAD',
        cache: 'no-store',
        signal: controller.signal,
      })
      return response.ok
    } catch {
      return false
    } finally {
      clearTimeout(timer as ReturnType<typeof setTimeout>)
    }
  }

  /**
   * Loads a part: asks the server first and imports only when it answers. A failed import is tried
   * again on the next use; a second failure while the server answers spoils the page.
   */
  async load<T>(part: string, importer: () => Promise<T>): Promise<T> {
    if (!(await this.serverAnswers())) throw new PartUnavailableError(part)
    try {
      const module = await importer()
      this.failed.delete(part)
      return module
    } catch (error) {
      if (this.failed.has(part) && (await this.serverAnswers())) this.spoil()
      else this.failed.add(part)
      throw error
    }
  }

  /** Something to save before the page reloads itself (state the address and settings do not hold). */
  beforeReload(save: Saver): () => void {
    this.savers.add(save)
    return () => this.savers.delete(save)
  }

  /** A module import failed for good: this page cannot load that part again; reload once the server answers. */
  spoil(): void {
    this.spoiled = true
    this.waiting ??= this.reloadWhenBack()
  }

  get isSpoiled(): boolean {
    return this.spoiled
  }

  private async reloadWhenBack(): Promise<void> {
    // Reloaded for this only a moment ago: the server may itself serve something broken. The next
    // reload waits out the spacing (no loop), but comes: a screen left alone must not stay broken.
    const last = this.options.lastReload.read()
    const wait = last === null ? 0 : last + this.options.reloadSpacingMs - this.options.now()
    if (wait > 0) await new Promise<void>((resolve) => this.options.setTimeout(resolve, wait))
    const delays = this.options.retryDelaysMs
    for (let attempt = 0; ; attempt++) {
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 5000
      await new Promise<void>((resolve) => this.options.setTimeout(resolve, delay))
      if (await this.serverAnswers()) break
    }
    this.options.lastReload.write(this.options.now())
    for (const save of this.savers) {
      try {
        save()
      } catch {
        // A state that cannot be saved is lost, not a reason to stay broken.
      }
    }
    this.options.reload()
  }
}

const LAST_RELOAD_KEY = 'jindong:parts-reloaded-at'

/**
 * The page's one loader: probes the app's own manifest, backs off to a probe a minute. (Vite's own
 * `vite:preloadError`, a failed preload of a part's dependencies, throws by default and so reaches
 * `load` as a failed import.)
 */
export const parts = new PartLoader({
  probeUrl: () => (typeof document === 'undefined' ? null : new URL('geo/manifest.json', document.baseURI).href),
  probeTimeoutMs: 4000,
  retryDelaysMs: [2000, 5000, 10_000, 30_000, 60_000],
  fetch: (...args) => fetch(...args),
  reload: () => window.location.reload(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  lastReload: {
    read: () => {
      try {
        return Number(sessionStorage.getItem(LAST_RELOAD_KEY)) || null
      } catch {
        return null
      }
    },
    write: (at) => {
      try {
        sessionStorage.setItem(LAST_RELOAD_KEY, String(at))
      } catch {
        // Without session storage a reload is still right; only the spacing is lost.
      }
    },
  },
  now: () => Date.now(),
  reloadSpacingMs: 5 * 60_000,
})
