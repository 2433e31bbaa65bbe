/** pacedProgress: a new phase at once, then at most one report per interval within a phase. */
import { describe, expect, test } from 'vitest'
import { pacedProgress } from '../../../../src/user-data/import/paced-progress'
import type { ImportProgress } from '../../../../src/user-data/import/types'

describe('pacedProgress', () => {
  test('a new phase goes through at once; within a phase, one report per interval', () => {
    let clock = 0
    const shown: ImportProgress[] = []
    const report = pacedProgress(
      (p) => shown.push(p),
      250,
      () => clock,
    )
    report({ phase: 'reading', fraction: 0 })
    clock = 100
    report({ phase: 'reading', fraction: 0.5 })
    clock = 249
    report({ phase: 'reading', fraction: 0.6 })
    clock = 250
    report({ phase: 'reading', fraction: 0.7 })
    clock = 260
    report({ phase: 'parsing', fraction: 0 })
    clock = 300
    report({ phase: 'parsing', fraction: 0.1 })
    clock = 510
    report({ phase: 'parsing', fraction: 0.4 })
    expect(shown).toEqual([
      { phase: 'reading', fraction: 0 },
      { phase: 'reading', fraction: 0.7 },
      { phase: 'parsing', fraction: 0 },
      { phase: 'parsing', fraction: 0.4 },
    ])
  })
})
