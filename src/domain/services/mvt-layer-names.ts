/**
 * The names of the layers in one Mapbox Vector Tile, read straight from its protocol buffer (a Tile
 * is repeated field 3, Layer; a Layer's field 1 is its name). A vector tile service given as a bare
 * {z}/{x}/{y} template says nothing of its layers; one tile does, and these few lines spare a
 * dependency for it. Throws on bytes that are not a tile.
 */

function varint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0
  let shift = 0
  for (;;) {
    if (at.pos >= bytes.length) throw new Error('the tile ends inside a number')
    const byte = bytes[at.pos++]!
    value += (byte & 0x7f) * 2 ** shift
    if (byte < 0x80) return value
    shift += 7
    if (shift > 63) throw new Error('a number in the tile is too long')
  }
}

/** Skips one field of a wire type; returns the bytes of a length-delimited one. */
function field(bytes: Uint8Array, at: { pos: number }, wireType: number): Uint8Array | null {
  switch (wireType) {
    case 0:
      varint(bytes, at)
      return null
    case 1:
      at.pos += 8
      return null
    case 5:
      at.pos += 4
      return null
    case 2: {
      const length = varint(bytes, at)
      if (at.pos + length > bytes.length) throw new Error('a field runs past the end of the tile')
      const value = bytes.subarray(at.pos, at.pos + length)
      at.pos += length
      return value
    }
    default:
      throw new Error(`not a vector tile (wire type ${wireType})`)
  }
}

export function mvtLayerNames(bytes: Uint8Array): string[] {
  const names: string[] = []
  const at = { pos: 0 }
  while (at.pos < bytes.length) {
    const key = varint(bytes, at)
    const value = field(bytes, at, key & 7)
    if (key >>> 3 !== 3 || !value) continue
    const inner = { pos: 0 }
    while (inner.pos < value.length) {
      const innerKey = varint(value, inner)
      const innerValue = field(value, inner, innerKey & 7)
      if (innerKey >>> 3 === 1 && innerValue) {
        names.push(new TextDecoder('utf-8', { fatal: true }).decode(innerValue))
        break
      }
    }
  }
  if (at.pos !== bytes.length) throw new Error('the tile ends inside a field')
  return [...new Set(names)]
}
