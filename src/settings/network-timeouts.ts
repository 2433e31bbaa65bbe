/**
 * How long the app waits for the network before it gives up and falls back with a notice: an online
 * style, the first tile of an online basemap, a `?tour=` file. A request that never answers must
 * not leave the map waiting forever.
 *
 * The end-to-end build (vite --mode e2e) alone reads `?netTimeoutMs=` so that a test of a server
 * that never answers takes a second, not the real timeout; the production build drops that branch.
 */
export type NetworkWait = 'style' | 'tiles' | 'tour' | 'service'

export const NETWORK_TIMEOUT_MS: Readonly<Record<NetworkWait, number>> = {
  style: 10_000,
  tiles: 15_000,
  tour: 10_000,
  /** A service's capabilities, its legend, a PMTiles header. */
  service: 15_000,
}

export function networkTimeoutMs(kind: NetworkWait): number {
  if (import.meta.env.MODE === 'e2e') {
    const override = Number(new URLSearchParams(window.location.search).get('netTimeoutMs'))
    if (Number.isFinite(override) && override > 0) return override
  }
  return NETWORK_TIMEOUT_MS[kind]
}

/** An error that says the server did not answer in time (not that the address is wrong). */
export class NetworkTimeoutError extends Error {
  override name = 'NetworkTimeoutError'
  constructor(readonly seconds: number) {
    super(`no answer within ${seconds} s`)
  }
}

export class HttpStatusError extends Error {
  override name = 'HttpStatusError'
  constructor(readonly status: number) {
    super(`HTTP ${status}`)
  }
}

/**
 * JSON from `url` with a deadline over the whole exchange (headers and body): a NetworkTimeoutError
 * when the server has not answered in `ms`, an HttpStatusError for a refusal, a SyntaxError for
 * text that is not JSON, a TypeError when the network failed.
 */
export function fetchJsonWithTimeout(url: string, ms: number): Promise<unknown> {
  return fetchWithTimeout(url, ms, (response) => response.json() as Promise<unknown>)
}

/**
 * The body of `url` read by `read`, with the same deadline and errors as fetchJsonWithTimeout.
 * `outer` is the caller's own abort (a tile the map no longer wants): it aborts the request, and its
 * AbortError is passed on as it is, never reported as a timeout.
 */
export async function fetchWithTimeout<T>(
  url: string,
  ms: number,
  read: (response: Response) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController()
  const abort = () => controller.abort()
  outer?.addEventListener('abort', abort)
  const timer = setTimeout(abort, ms)
  try {
    const response = await fetch(url, { signal: controller.signal })
    if (!response.ok) throw new HttpStatusError(response.status)
    return await read(response)
  } catch (error) {
    if (controller.signal.aborted && !outer?.aborted) throw new NetworkTimeoutError(Math.round(ms / 100) / 10)
    throw error
  } finally {
    clearTimeout(timer)
    outer?.removeEventListener('abort', abort)
  }
}

/** `work`, or a NetworkTimeoutError once `ms` have passed (for readers that fetch on their own: PMTiles). */
export async function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NetworkTimeoutError(Math.round(ms / 100) / 10)), ms)
  })
  try {
    return await Promise.race([work, deadline])
  } finally {
    clearTimeout(timer)
  }
}
