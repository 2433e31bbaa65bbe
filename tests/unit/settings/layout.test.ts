import { describe, expect, test } from 'vitest'
import { layoutFor, nextSnap, settleSnap, snapHeights } from '../../../src/settings/layout'

describe('layoutFor', () => {
  test.each([
    [390, 844, 'phone'],
    [360, 740, 'phone'],
    [844, 390, 'phone'],
    [768, 1024, 'tablet'],
    [1024, 768, 'tablet'],
    [1279, 800, 'tablet'],
    [1280, 800, 'desktop'],
    [1920, 1080, 'desktop'],
    [3840, 2160, 'desktop'],
  ] as const)('%i×%i is a %s', (w, h, kind) => expect(layoutFor(w, h)).toBe(kind))
})

describe('bottom sheet snaps', () => {
  const available = 788
  const h = snapHeights(available)
  test('peek < half < full, all inside the space', () => {
    expect(h.peek).toBe(112)
    expect(h.half).toBe(394)
    expect(h.full).toBe(780)
  })
  test('a slow release settles on the nearest snap', () => {
    expect(settleSnap(130, 0, available)).toBe('peek')
    expect(settleSnap(300, 0, available)).toBe('half')
    expect(settleSnap(600, 0, available)).toBe('full')
  })
  test('a flick goes to the next snap in its direction', () => {
    expect(settleSnap(400, 1, available)).toBe('full')
    expect(settleSnap(380, -1, available)).toBe('peek')
    expect(settleSnap(420, -1, available)).toBe('half')
    expect(settleSnap(100, -1, available)).toBe(null)
  })
  test('dragged well below the peek, the sheet closes', () => {
    expect(settleSnap(40, 0, available)).toBe(null)
    expect(settleSnap(40, 0.1, available)).toBe('peek')
  })
  test('Enter on the handle cycles the snaps', () => {
    expect(nextSnap('peek')).toBe('half')
    expect(nextSnap('half')).toBe('full')
    expect(nextSnap('full')).toBe('peek')
  })
})
