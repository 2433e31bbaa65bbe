// editDistance: the one Levenshtein distance, used for place names and for GeoJSON geometry types.
import { describe, expect, test } from 'vitest'
import { editDistance } from '../../../../src/domain/text/levenshtein'

describe('editDistance', () => {
  test('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('曹宅区', '曹宅')).toBe(1)
    expect(editDistance('polgon', 'polygon')).toBe(1)
    expect(editDistance('point', 'Point')).toBe(1)
    expect(editDistance('flaw', 'lawn')).toBe(2)
  })

  test('is zero for equal strings and the other length for an empty one, both ways', () => {
    expect(editDistance('', '')).toBe(0)
    expect(editDistance('傅村', '傅村')).toBe(0)
    expect(editDistance('', '孝顺镇')).toBe(3)
    expect(editDistance('abc', '')).toBe(3)
    expect(editDistance('linestring', 'multilinestring')).toBe(editDistance('multilinestring', 'linestring'))
  })

  test('a character outside the BMP counts once, not as two UTF-16 units', () => {
    expect(editDistance('𠀋村', '村')).toBe(1)
    expect(editDistance('a😀b', 'ab')).toBe(1)
  })
})
