import { expect, test } from 'vitest'
import { boundedList, MAX_SHOWN_PROBLEMS } from '../../../../src/domain/text/bounded-list'

test('shows the first ones and counts the rest', () => {
  const lines = Array.from({ length: 100_000 }, (_, i) => `problem ${i}`)
  const { shown, more } = boundedList(lines)
  expect(shown).toEqual(lines.slice(0, MAX_SHOWN_PROBLEMS))
  expect(more).toBe(100_000 - MAX_SHOWN_PROBLEMS)
  expect(boundedList(['a', 'b'])).toEqual({ shown: ['a', 'b'], more: 0 })
  expect(boundedList(['a', 'b'], 1)).toEqual({ shown: ['a'], more: 1 })
  expect(boundedList([], 3)).toEqual({ shown: [], more: 0 })
})
