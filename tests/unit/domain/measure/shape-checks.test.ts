/** Checks on drawn lines, areas and buffer distances: what is refused, and what the message says. */
import type { Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import {
  checkBufferRadius,
  checkLine,
  checkPolygon,
  MAX_BUFFER_METRES,
  type ShapeCheck,
} from '../../../../src/domain/measure/shape-checks'

/** The message of a refusal (and a failure if the check passed). */
function refusal(check: ShapeCheck) {
  expect(check.ok).toBe(false)
  if (check.ok) throw new Error('expected a refusal')
  // English uses ASCII punctuation only (no full-width colon, comma or brackets).
  expect(check.message.en).not.toMatch(/[，。：（）]/)
  return check.message
}

const square: Position[] = [
  [119.7, 29.1],
  [119.71, 29.1],
  [119.71, 29.11],
  [119.7, 29.11],
]

describe('checkLine', () => {
  test('two distinct points make a line', () => {
    expect(checkLine([square[0]!, square[1]!])).toEqual({ ok: true })
  })

  test('one point, or the same point twice, is refused with the count', () => {
    expect(refusal(checkLine([square[0]!, square[0]!]))).toEqual({
      zh: '线至少需要 2 个不同的点，现在只有 1 个。',
      en: 'A line needs at least 2 distinct points; it has 1.',
    })
    expect(refusal(checkLine([])).zh).toContain('现在只有 0 个')
  })

  test('a point that is not a longitude/latitude is named', () => {
    const message = refusal(checkLine([square[0]!, [29.1, 119.7]]))
    expect(message.zh).toContain('第 2 个点')
    expect(message.en).toContain('Point 2')
    expect(refusal(checkLine([[Number.NaN, 29], square[0]!])).en).toContain('Point 1')
  })
})

describe('checkPolygon', () => {
  test('a square, open or closed, passes', () => {
    expect(checkPolygon(square)).toEqual({ ok: true })
    expect(checkPolygon([...square, square[0]!])).toEqual({ ok: true })
  })

  test('fewer than 3 distinct points: says how many it has', () => {
    const message = refusal(checkPolygon([square[0]!, square[1]!, square[0]!]))
    expect(message.zh).toBe('面至少需要 3 个不同的点，现在只有 2 个。')
    expect(message.en).toBe('An area needs at least 3 distinct points; it has 2.')
  })

  test('a self-intersecting ring (a bow tie) is refused, near where it crosses', () => {
    const bowTie = [square[0]!, square[2]!, square[1]!, square[3]!]
    const message = refusal(checkPolygon(bowTie))
    expect(message.zh).toContain('自相交')
    expect(message.zh).toContain('119.70500, 29.10500')
    expect(message.en).toContain('cross')
  })

  test('points all on one line have no area, even where a kink check sees none', () => {
    const line: Position[] = [
      [119.7, 29.1],
      [119.72, 29.12],
      [119.71, 29.11],
    ]
    const message = refusal(checkPolygon(line))
    expect(message.zh).toContain('面积为零')
    expect(message.en).toContain('no area')
  })

  test('a thin but real sliver is accepted', () => {
    expect(
      checkPolygon([
        [119.7, 29.1],
        [119.72, 29.1],
        [119.72, 29.10001],
      ]),
    ).toEqual({ ok: true })
  })
})

describe('checkBufferRadius', () => {
  test('1 m to 50 km pass', () => {
    expect(MAX_BUFFER_METRES).toBe(50_000)
    for (const metres of [1, 500, 50_000]) expect(checkBufferRadius(metres)).toEqual({ ok: true })
  })

  test('1,000 km is refused, naming the limit', () => {
    const message = refusal(checkBufferRadius(1_000_000))
    expect(message.zh).toContain('50 千米（50,000 米）')
    expect(message.zh).toContain('1,000,000 米')
    expect(message.en).toContain('50 km (50,000 m)')
    expect(refusal(checkBufferRadius(50_000.5)).en).toContain('at most')
  })

  test('zero, negative and below 1 m are refused; so is a value that is not a number', () => {
    expect(refusal(checkBufferRadius(0)).en).toBe('The buffer distance must be at least 1 m; it is 0 m.')
    expect(refusal(checkBufferRadius(-5)).zh).toBe('缓冲距离至少为 1 米，现在是 -5 米。')
    expect(refusal(checkBufferRadius(0.5)).zh).toContain('至少为 1 米')
    expect(refusal(checkBufferRadius(Number.NaN)).en).toContain('must be a number')
    expect(refusal(checkBufferRadius(Number.POSITIVE_INFINITY)).en).toContain('must be a number')
  })
})
