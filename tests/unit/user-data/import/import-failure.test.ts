/** Messages say what happened: each way an import can stop is named, none is guessed at. */
import { describe, expect, test } from 'vitest'
import { classifyEngineFailure, importFailure } from '../../../../src/user-data/import/import-failure'

describe('why an import stopped', () => {
  test.each([
    ['RangeError: Maximum call stack size exceeded', 'too-deep'],
    ['InternalError: too much recursion', 'too-deep'],
    ['RangeError: Array buffer allocation failed', 'memory'],
    ['RangeError: Invalid string length', 'memory'],
    ['RangeError: Invalid array length', 'memory'],
    ['NotReadableError: gone', 'unreadable'],
    ['TypeError: x is undefined', 'engine-error'],
  ] as const)('%s → %s', (reason, cause) => {
    expect(classifyEngineFailure(reason)).toBe(cause)
  })

  test('each cause has its own sentence in both languages, and none guesses "too large"', () => {
    const causes = ['worker-stopped', 'too-deep', 'memory', 'unreadable', 'engine-error'] as const
    const messages = causes.map((cause) => importFailure('a.json', cause, 'R').problems[0]!.message)
    expect(new Set(messages.map((m) => m.en)).size).toBe(causes.length)
    expect(new Set(messages.map((m) => m.zh)).size).toBe(causes.length)
    for (const m of messages) {
      expect(m.en).not.toMatch(/too large|out of memory\?/)
      expect(m.zh).not.toContain('文件过大或内存不足')
    }
    expect(messages[0]!.en).toContain('the import worker stopped')
    expect(messages[1]!.en).toContain('nested too deeply')
  })
})
