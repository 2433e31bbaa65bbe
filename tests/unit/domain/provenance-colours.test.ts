/**
 * The provenance badges' colours: one pair per provenance, each readable (WCAG 2.x contrast of at least
 * 7:1, AAA for the badges' small text) and each background its own, so that 示例数据 never looks 官方.
 */
import { beforeEach, expect, test, vi } from 'vitest'

// The table is read afresh in each test: a module-level table evaluated once, when the first test file
// imports it, is what the mutation run cannot switch per test (it would count as never checked).
let PROVENANCE_COLOURS: (typeof import('../../../src/domain/provenance-colours'))['PROVENANCE_COLOURS']
beforeEach(async () => {
  vi.resetModules()
  ;({ PROVENANCE_COLOURS } = await import('../../../src/domain/provenance-colours'))
})

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light! + 0.05) / (dark! + 0.05)
}

test('every provenance has a badge colour pair, written as #rrggbb', () => {
  expect(Object.keys(PROVENANCE_COLOURS).sort()).toEqual(['approximate', 'official', 'open-data', 'sample', 'user'])
  for (const { background, text } of Object.values(PROVENANCE_COLOURS)) {
    expect(background).toMatch(/^#[0-9a-f]{6}$/)
    expect(text).toMatch(/^#[0-9a-f]{6}$/)
  }
})

test('each badge’s text is readable on its background (7:1 or more), and no two backgrounds are alike', () => {
  for (const [provenance, { background, text }] of Object.entries(PROVENANCE_COLOURS))
    expect(contrast(background, text), provenance).toBeGreaterThanOrEqual(7)
  const backgrounds = Object.values(PROVENANCE_COLOURS).map((c) => c.background)
  expect(new Set(backgrounds).size).toBe(backgrounds.length)
  expect(PROVENANCE_COLOURS.sample.background).toBe('#fde2e2')
  expect(PROVENANCE_COLOURS.official.background).toBe('#dcfce7')
})
