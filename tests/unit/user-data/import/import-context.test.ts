// The import context: progress (clamped, at most every 1%), yielding to the event loop, and cancelling.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createAbortError, ImportContext, isImportAborted } from '../../../../src/user-data/import/import-context'
import type { ImportProgress } from '../../../../src/user-data/import/types'

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('ImportContext', () => {
  test('progress: clamped, at most every 1% within a phase, always on a new phase or at 100%', () => {
    const seen: ImportProgress[] = []
    const context = new ImportContext('f', (progress) => seen.push(progress))
    context.progress('reading', -1)
    context.progress('reading', 0.005)
    context.progress('reading', 0.01)
    context.progress('reading', 0.015)
    context.progress('parsing', 0.015)
    context.progress('parsing', 2)
    context.progress('parsing', 1)
    expect(seen).toEqual([
      { phase: 'reading', fraction: 0 },
      { phase: 'reading', fraction: 0.01 },
      { phase: 'parsing', fraction: 0.015 },
      { phase: 'parsing', fraction: 1 },
      { phase: 'parsing', fraction: 1 },
    ])
  })

  test('progress without a listener is fine', () => {
    expect(() => new ImportContext('f').progress('reading', 0.5)).not.toThrow()
  })

  test('checkpoint yields once 30 ms have passed since the last yield, not before', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(0)
    const context = new ImportContext('f')
    const yielded = vi.spyOn(globalThis, 'setTimeout')
    vi.setSystemTime(29)
    await context.checkpoint('parsing', 0)
    expect(yielded).not.toHaveBeenCalled()
    vi.setSystemTime(30)
    const waiting = context.checkpoint('parsing', 0.5)
    await vi.runAllTimersAsync()
    await waiting
    expect(yielded).toHaveBeenCalledTimes(1)
    // The clock restarts after a yield.
    vi.setSystemTime(59)
    await context.checkpoint('parsing', 0.6)
    expect(yielded).toHaveBeenCalledTimes(1)
  })

  test('checkpoint and pause stop with an AbortError once the signal is aborted', async () => {
    const controller = new AbortController()
    const context = new ImportContext('f', undefined, controller.signal)
    await context.checkpoint('parsing', 0)
    await context.pause()
    controller.abort()
    await expect(context.checkpoint('parsing', 0.1)).rejects.toMatchObject({ name: 'AbortError' })
    await expect(context.pause()).rejects.toMatchObject({ name: 'AbortError' })
    expect(() => context.throwIfAborted()).toThrow('import cancelled')
  })

  test('the abort error, and what counts as one', () => {
    const error = createAbortError()
    expect(error).toBeInstanceOf(DOMException)
    expect([error.name, error.message]).toEqual(['AbortError', 'import cancelled'])
    expect(isImportAborted(error)).toBe(true)
    expect(isImportAborted({ name: 'AbortError' })).toBe(true)
    expect(isImportAborted(new Error('AbortError'))).toBe(false)
    expect(isImportAborted(null)).toBe(false)
    expect(isImportAborted('AbortError')).toBe(false)
  })
})

describe('isImportAborted', () => {
  test('only objects named AbortError, not a function of that name', () => {
    function AbortError() {}
    expect(isImportAborted(AbortError)).toBe(false)
  })
})
