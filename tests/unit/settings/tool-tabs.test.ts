/** The tool column's tabs: arrow keys wrap round, Home and End go to the ends; any other key is not theirs. */
import { describe, expect, test } from 'vitest'
import { tabForKey, validToolTab } from '../../../src/settings/tool-tabs'

describe('tool tabs', () => {
  test.each([
    ['layers', 'ArrowRight', 'analysis'],
    ['data', 'ArrowRight', 'layers'],
    ['layers', 'ArrowLeft', 'data'],
    ['analysis', 'ArrowUp', 'layers'],
    ['analysis', 'ArrowDown', 'data'],
    ['data', 'Home', 'layers'],
    ['layers', 'End', 'data'],
  ] as const)('from %s, %s goes to %s', (from, key, to) => {
    expect(tabForKey(from, key)).toBe(to)
  })

  test('other keys are left to the page', () => {
    expect(tabForKey('layers', 'Enter')).toBeNull()
    expect(tabForKey('layers', 'a')).toBeNull()
  })

  test('only a known tab is valid', () => {
    expect(validToolTab('analysis')).toBe('analysis')
    expect(validToolTab('heatmap')).toBeNull()
    expect(validToolTab({})).toBeNull()
  })
})
