import { describe, expect, it } from 'vitest'
import { compareCodeUnits } from '../../../../src/domain/text/code-order'

describe('compareCodeUnits', () => {
  it('orders by UTF-16 code units, equal strings as 0', () => {
    expect(compareCodeUnits('a', 'b')).toBe(-1)
    expect(compareCodeUnits('b', 'a')).toBe(1)
    expect(compareCodeUnits('towns', 'towns')).toBe(0)
    // Code units, not a collation: capitals before small letters, ISO dates in time order.
    expect(['b', 'B', 'a', '2022-10-01', '2022-09-30'].sort(compareCodeUnits)).toEqual([
      '2022-09-30',
      '2022-10-01',
      'B',
      'a',
      'b',
    ])
  })
})
