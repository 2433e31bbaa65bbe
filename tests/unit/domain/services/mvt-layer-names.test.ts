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

describe('reading the protocol buffer of a tile', () => {
  const layer = (...fields: number[][]) => field(3, fields.flat())

  test('a name of 128 bytes or more (a length of two bytes) is read whole', () => {
    // 128 = 0x80 0x01: a first byte of exactly 0x80 goes on to the next.
    const name = 'x'.repeat(128)
    const tile = [...[0x1a, 0x85, 0x01], ...[0x0a, 0x80, 0x01, ...text(name)], ...[0x78, 2]]
    expect(tile.length).toBe(3 + 131 + 2)
    expect(mvtLayerNames(new Uint8Array(tile))).toEqual([name])
    const long = '河'.repeat(100)
    const longTile = [...[0x1a, 0xaf, 0x02], ...[0x0a, 0xac, 0x02, ...text(long)]]
    expect(longTile.length).toBe(3 + 303)
    expect(mvtLayerNames(new Uint8Array(longTile))).toEqual([long])
  })

  test('fixed-width and long varint fields are skipped, in the tile and in a layer', () => {
    const fixed64 = [0x11, 1, 2, 3, 4, 5, 6, 7, 8]
    const fixed32 = [0x15, 1, 2, 3, 4]
    // A varint of ten bytes, the longest there is (2 ** 63).
    const longVarint = [0x20, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]
    const tile = [...fixed64, ...fixed32, ...longVarint, ...layer(fixed64, fixed32, longVarint, field(1, text('路')))]
    expect(mvtLayerNames(new Uint8Array(tile))).toEqual(['路'])
  })

  test('a layer is named by its field 1 wherever it comes; other fields and unnamed layers are passed over', () => {
    const feature = field(2, [0x08, 1, 0x12, 2, 0, 0])
    const keys = field(3, text('kind'))
    const tile = [
      ...layer(feature, keys, field(1, text('水系'))),
      ...layer(feature),
      ...field(4, field(1, text('not a layer'))),
      ...[0x18, 5],
    ]
    expect(mvtLayerNames(new Uint8Array(tile))).toEqual(['水系'])
  })

  test('bytes that are not a tile are refused, saying why', () => {
    const refuse = (bytes: number[]) => () => mvtLayerNames(new Uint8Array(bytes))
    expect(refuse([...text('<html>')])).toThrow('not a vector tile (wire type 4)')
    expect(refuse([0x08, 0x80])).toThrow('the tile ends inside a number')
    expect(refuse([0x08, ...new Array<number>(10).fill(0xff), 0x01])).toThrow('a number in the tile is too long')
    expect(refuse([0x11, 1, 2])).toThrow('the tile ends inside a field')
    expect(refuse([0x15, 1])).toThrow('the tile ends inside a field')
    expect(refuse(layer(field(1, [0xff, 0xfe])))).toThrow()
  })
})
