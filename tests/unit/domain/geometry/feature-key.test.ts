// featureKey: the key a feature is known by (the spec's key property, else id, code, adcode).
import { describe, expect, test } from 'vitest'
import { featureKey } from '../../../../src/domain/geometry/feature-key'

describe('featureKey', () => {
  test("the spec's key property, as text", () => {
    expect(featureKey({ name: '多湖', id: 'x' }, 'name')).toBe('多湖')
    expect(featureKey({ seq: 7 }, 'seq')).toBe('7')
    expect(featureKey({ seq: 0 }, 'seq')).toBe('0')
    expect(featureKey({ seq: false }, 'seq')).toBe('false')
    expect(featureKey({ id: 'x' }, 'name')).toBeNull()
  })

  test('without a key: id, else code, else adcode', () => {
    expect(featureKey({ id: 'i', code: 'c', adcode: 330703 })).toBe('i')
    expect(featureKey({ code: 'c', adcode: 330703 })).toBe('c')
    expect(featureKey({ adcode: 330703 })).toBe('330703')
    expect(featureKey({ id: null, code: 'c' })).toBe('c')
    expect(featureKey({ name: 'n' })).toBeNull()
  })

  test('missing, null and empty values are no key', () => {
    expect(featureKey({ id: '' })).toBeNull()
    expect(featureKey({ k: null }, 'k')).toBeNull()
    expect(featureKey(null)).toBeNull()
    expect(featureKey(undefined, 'k')).toBeNull()
  })
})
