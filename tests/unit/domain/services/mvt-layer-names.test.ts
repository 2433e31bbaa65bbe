import { describe, expect, test } from 'vitest'
import { mvtLayerNames } from '../../../../src/domain/services/mvt-layer-names'

/** A length-delimited protobuf field. */
function field(number: number, bytes: number[]): number[] {
  return [(number << 3) | 2, bytes.length, ...bytes]
}
const text = (s: string) => [...new TextEncoder().encode(s)]

describe('the layer names of a vector tile', () => {
  test('each layer named once, other fields skipped', () => {
    const layer = (name: string) => field(3, [...[0x78, 2], ...field(1, text(name)), ...[0x28, 0x80, 0x20]])
    const tile = new Uint8Array([...layer('河流'), ...layer('roads'), ...layer('河流')])
    expect(mvtLayerNames(tile)).toEqual(['河流', 'roads'])
  })

  test('an empty tile has none; bytes that are not a tile throw', () => {
    expect(mvtLayerNames(new Uint8Array())).toEqual([])
    expect(() => mvtLayerNames(new TextEncoder().encode('<html>'))).toThrow()
    expect(() => mvtLayerNames(new Uint8Array([0x1a, 0x10, 1]))).toThrow(/past the end/)
  })
})
