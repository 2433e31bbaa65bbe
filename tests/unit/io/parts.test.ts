/**
 * Parts loaded after the first view: not tried while the server does not answer (so the browser's
 * module map is not spoiled), tried again after one failure, and a page whose part failed twice
 * while the server answered reloads itself once the server answers, saving what it was asked to first.
 */
import { describe, expect, test, vi } from 'vitest'
import { PartLoader, PartUnavailableError } from '../../../src/io/parts'

let lastReload: number | null = null
const now = 1_000_000

function loader(answers: boolean[]) {
  lastReload = null
  const timers: (() => void)[] = []
  /** Waits longer than the probe's timeout (the spacing between reloads), not run by tick(). */
  const longWaits: { ms: number; run: () => void }[] = []
  const fetch = vi.fn(async () => {
    const up = answers.length > 1 ? answers.shift()! : answers[0]!
    if (!up) throw new TypeError('Failed to fetch')
    return new Response(null, { status: 200 })
  })
  const reload = vi.fn()
  const parts = new PartLoader({
    probeUrl: () => 'http://127.0.0.1/geo/manifest.json',
    probeTimeoutMs: 1000,
    retryDelaysMs: [10, 20],
    fetch: fetch as unknown as typeof globalThis.fetch,
    reload,
    setTimeout: (callback, ms) =>
      ms === 1000 ? 0 : ms > 1000 ? longWaits.push({ ms, run: callback }) : timers.push(callback),
    lastReload: { read: () => lastReload, write: (at) => (lastReload = at) },
    now: () => now,
    reloadSpacingMs: 60_000,
  })
  const tick = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve()
    timers.shift()?.()
    for (let i = 0; i < 5; i++) await Promise.resolve()
  }
  return { parts, fetch, reload, tick, longWaits }
}

const broken = async (): Promise<never> => Promise.reject(new TypeError('import failed'))

describe('PartLoader', () => {
  test('while the server does not answer, the import is not even tried', async () => {
    const { parts } = loader([false])
    const importer = vi.fn(async () => ({ ok: true }))
    await expect(parts.load('deck.gl', importer)).rejects.toBeInstanceOf(PartUnavailableError)
    expect(importer).not.toHaveBeenCalled()
    expect(parts.isSpoiled).toBe(false)
  })

  test('parts asked for in the same moment share one question to the server', async () => {
    const { parts, fetch } = loader([true])
    const loaded = await Promise.all(['a', 'b', 'c', 'd'].map((part) => parts.load(part, async () => part)))
    expect(loaded).toEqual(['a', 'b', 'c', 'd'])
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  test('a question that found the server away is not shared with the next use', async () => {
    const { parts, fetch } = loader([false, true])
    const first = await Promise.allSettled([parts.load('a', async () => 'a'), parts.load('b', async () => 'b')])
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    expect(fetch).toHaveBeenCalledTimes(1)
    await expect(parts.load('a', async () => 'a')).resolves.toBe('a')
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  test('an answer is not reused once given: a part asked for after it asks again', async () => {
    const { parts, fetch } = loader([true, false])
    await expect(parts.load('a', async () => 'a')).resolves.toBe('a')
    // The server went away right after answering: the next part is not imported on the old answer.
    const importer = vi.fn(async () => 'b')
    await expect(parts.load('b', importer)).rejects.toBeInstanceOf(PartUnavailableError)
    expect(importer).not.toHaveBeenCalled()
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  test('once it answers again, the same part loads', async () => {
    const { parts } = loader([false, true])
    const importer = vi.fn(async () => 'module')
    await expect(parts.load('deck.gl', importer)).rejects.toThrow('does not answer')
    await expect(parts.load('deck.gl', importer)).resolves.toBe('module')
    expect(importer).toHaveBeenCalledTimes(1)
  })

  test('an import that failed once is tried again on its next use (the server went away in between)', async () => {
    const { parts, reload } = loader([true])
    const importer = vi.fn().mockRejectedValueOnce(new TypeError('import failed')).mockResolvedValueOnce('module')
    await expect(parts.load('deck.gl', importer)).rejects.toThrow('import failed')
    expect(parts.isSpoiled).toBe(false)
    await expect(parts.load('deck.gl', importer)).resolves.toBe('module')
    expect(reload).not.toHaveBeenCalled()
  })

  test('failing twice while the server answers spoils the page: it saves, then reloads once it answers', async () => {
    // Probes: before each load, the check after the second failure; then down, down, up.
    const { parts, reload, tick } = loader([true, true, true, false, false, true])
    const saved: string[] = []
    parts.beforeReload(() => saved.push('heatmaps'))
    await expect(parts.load('deck.gl', broken)).rejects.toThrow('import failed')
    await expect(parts.load('deck.gl', broken)).rejects.toThrow('import failed')
    expect(parts.isSpoiled).toBe(true)
    await tick()
    expect(reload).not.toHaveBeenCalled()
    await tick()
    expect(reload).not.toHaveBeenCalled()
    await tick()
    expect(saved).toEqual(['heatmaps'])
    expect(reload).toHaveBeenCalledTimes(1)
    expect(lastReload).toBe(now)
  })

  test('a page that reloaded for this a moment ago waits out the spacing, then reloads (no loop)', async () => {
    const { parts, reload, tick, longWaits } = loader([true])
    lastReload = now - 1000
    await expect(parts.load('deck.gl', broken)).rejects.toThrow()
    await expect(parts.load('deck.gl', broken)).rejects.toThrow()
    for (let i = 0; i < 4; i++) await tick()
    expect(reload).not.toHaveBeenCalled()
    expect(longWaits.map((w) => w.ms)).toEqual([59_000])
    longWaits[0]!.run()
    for (let i = 0; i < 4; i++) await tick()
    expect(reload).toHaveBeenCalledTimes(1)
  })
})
