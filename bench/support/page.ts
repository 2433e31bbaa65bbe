/** Driving a bench page: waiting for its `window.__bench.ready`, telling a crash from a timeout. */
import type { Page } from 'playwright-core'

export type PageOutcome<T> =
  { ok: true; detail: T } | { ok: false; reason: 'crashed' | 'timed out' | 'failed'; message: string }

export async function benchReady<T>(page: Page, timeoutMs: number): Promise<PageOutcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const crashed = new Promise<PageOutcome<T>>((resolve) =>
    page.once('crash', () => resolve({ ok: false, reason: 'crashed', message: 'the renderer process crashed' })),
  )
  const timedOut = new Promise<PageOutcome<T>>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: 'timed out', message: `not ready after ${timeoutMs / 1000} s` }),
      timeoutMs,
    )
  })
  const ready = page
    .evaluate(() => (window as unknown as { __bench: { ready: Promise<unknown> } }).__bench.ready)
    .then(
      (detail): PageOutcome<T> => ({ ok: true, detail: detail as T }),
      (error: Error): PageOutcome<T> => {
        const gone = /crash|Target closed|has been closed/i.test(error.message)
        return {
          ok: false,
          reason: gone ? 'crashed' : 'failed',
          message: error.message.split('\n')[0] ?? error.message,
        }
      },
    )
  try {
    return await Promise.race([ready, crashed, timedOut])
  } finally {
    clearTimeout(timer)
  }
}
