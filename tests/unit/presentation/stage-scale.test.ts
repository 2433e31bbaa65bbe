/** The 1920×1080 stage scaled uniformly to any screen, and the legibility floor. */
import { describe, expect, test } from 'vitest'
import {
  MIN_LEGIBLE_PX,
  effectiveFontPx,
  isLegibleAt,
  minimumLegibleFontPx,
  stageCssTransform,
  stageToViewport,
  stageTransform,
  viewportToStage,
} from '../../../src/presentation/stage-scale'

describe('stageTransform', () => {
  test('1920×1080 is the identity', () => {
    expect(stageTransform({ width: 1920, height: 1080 })).toEqual({ scale: 1, offsetX: 0, offsetY: 0 })
  })

  test('3840×2160 doubles, without bars', () => {
    expect(stageTransform({ width: 3840, height: 2160 })).toEqual({ scale: 2, offsetX: 0, offsetY: 0 })
  })

  test('1366×768 scales to 0.711…, height-limited, with a third of a pixel of bar each side', () => {
    const transform = stageTransform({ width: 1366, height: 768 })
    // 768 / 1080 = 0.7111 is smaller than 1366 / 1920 = 0.7115: the height decides.
    expect(transform.scale).toBeCloseTo(768 / 1080, 12)
    expect(transform.scale.toFixed(3)).toBe('0.711')
    expect(transform.offsetY).toBe(0)
    expect(transform.offsetX).toBeCloseTo((1366 - 1920 * (768 / 1080)) / 2, 9)
    expect(transform.offsetX).toBeCloseTo(1 / 3, 9)
  })

  test('a wider screen gets bars left and right, centred', () => {
    const transform = stageTransform({ width: 2560, height: 1080 }) // 21:9
    expect(transform).toEqual({ scale: 1, offsetX: 320, offsetY: 0 })
  })

  test('a taller screen gets bars top and bottom, centred', () => {
    const transform = stageTransform({ width: 1920, height: 1200 }) // 16:10
    expect(transform).toEqual({ scale: 1, offsetX: 0, offsetY: 60 })
    const portrait = stageTransform({ width: 1080, height: 1920 })
    expect(portrait.scale).toBeCloseTo(0.5625, 10)
    expect(portrait.offsetY).toBeCloseTo((1920 - 1080 * 0.5625) / 2, 10)
  })

  test('the stage always fits inside the viewport', () => {
    for (const [width, height] of [
      [1280, 720],
      [1440, 900],
      [3440, 1440],
      [800, 600],
      [7680, 4320],
    ] as const) {
      const { scale, offsetX, offsetY } = stageTransform({ width, height })
      expect(1920 * scale + 2 * offsetX).toBeCloseTo(width, 6)
      expect(1080 * scale + 2 * offsetY).toBeCloseTo(height, 6)
      expect(Math.min(offsetX, offsetY)).toBeCloseTo(0, 6)
    }
  })

  test('a viewport with no area gets the identity, not a zero scale', () => {
    for (const viewport of [
      { width: 0, height: 0 },
      { width: 1920, height: 0 },
      { width: -5, height: 100 },
      { width: Number.NaN, height: 1080 },
    ]) {
      expect(stageTransform(viewport)).toEqual({ scale: 1, offsetX: 0, offsetY: 0 })
    }
  })

  test('the CSS transform and the point mappings agree', () => {
    const transform = stageTransform({ width: 2560, height: 1440 }) // scale 4/3
    expect(stageCssTransform({ scale: 2, offsetX: 0, offsetY: 30 })).toBe('translate(0px, 30px) scale(2)')
    const corner = stageToViewport({ x: 1920, y: 1080 }, transform)
    expect(corner.x).toBeCloseTo(2560, 9)
    expect(corner.y).toBeCloseTo(1440, 9)
    const back = viewportToStage(stageToViewport({ x: 123, y: 456 }, transform), transform)
    expect(back.x).toBeCloseTo(123, 9)
    expect(back.y).toBeCloseTo(456, 9)
  })
})

describe('legibility', () => {
  test('18 px is the floor on a 1080p screen', () => {
    expect(MIN_LEGIBLE_PX).toBe(18)
    expect(isLegibleAt(18, 1)).toBe(true)
    expect(isLegibleAt(17, 1)).toBe(false)
  })

  test('scaling up to 4K earns no credit: small text stays small relative to the screen', () => {
    const { scale } = stageTransform({ width: 3840, height: 2160 })
    expect(effectiveFontPx(12, scale)).toBe(12)
    expect(isLegibleAt(12, scale)).toBe(false)
    expect(isLegibleAt(18, scale)).toBe(true)
  })

  test('scaling down to 1366×768 shrinks text: 18 px stage text is no longer enough', () => {
    const { scale } = stageTransform({ width: 1366, height: 768 })
    expect(effectiveFontPx(18, scale)).toBeCloseTo(12.8, 1)
    expect(isLegibleAt(18, scale)).toBe(false)
    expect(minimumLegibleFontPx(scale)).toBe(26)
    expect(isLegibleAt(26, scale)).toBe(true)
    expect(isLegibleAt(25, scale)).toBe(false)
  })

  test('the minimum size at scale 1 and above is the floor itself', () => {
    expect(minimumLegibleFontPx(1)).toBe(18)
    expect(minimumLegibleFontPx(2)).toBe(18)
    expect(minimumLegibleFontPx(0)).toBe(Number.POSITIVE_INFINITY)
  })
})
