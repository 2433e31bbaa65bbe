/**
 * Just enough of the PMTiles v3 format to write a test archive: uncompressed directories, one root
 * directory, the tiles' bytes after it (one copy shared by tiles with the same content), and JSON
 * metadata. Tile ids come from the `pmtiles` package, the same reader the app uses.
 */
import { zxyToTileId } from 'pmtiles'

function varints(values: number[]): Buffer {
  const bytes: number[] = []
  for (let value of values) {
    while (value >= 0x80) {
      bytes.push((value % 0x80) | 0x80)
      value = Math.floor(value / 0x80)
    }
    bytes.push(value)
  }
  return Buffer.from(bytes)
}

export interface ArchiveTile {
  z: number
  x: number
  y: number
  bytes: Buffer
}

export function writePmtiles(
  tiles: ArchiveTile[],
  options: { tileType: 1 | 2 | 3; bounds: [number, number, number, number]; metadata: object },
): Buffer {
  const contents: Buffer[] = []
  const offsets = new Map<Buffer, number>()
  let dataLength = 0
  const entries = tiles
    .map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), bytes: t.bytes }))
    .sort((a, b) => a.id - b.id)
    .map((t) => {
      let offset = offsets.get(t.bytes)
      if (offset === undefined) {
        offset = dataLength
        offsets.set(t.bytes, offset)
        contents.push(t.bytes)
        dataLength += t.bytes.length
      }
      return { id: t.id, offset, length: t.bytes.length }
    })
  const ids: number[] = []
  entries.forEach((e, i) => ids.push(i === 0 ? e.id : e.id - entries[i - 1]!.id))
  const directory = Buffer.concat([
    varints([entries.length]),
    varints(ids),
    varints(entries.map(() => 1)),
    varints(entries.map((e) => e.length)),
    varints(
      entries.map((e, i) => (i > 0 && e.offset === entries[i - 1]!.offset + entries[i - 1]!.length ? 0 : e.offset + 1)),
    ),
  ])
  const metadata = Buffer.from(JSON.stringify(options.metadata))
  const header = Buffer.alloc(127)
  header.write('PMTiles', 0, 'ascii')
  header.writeUInt8(3, 7)
  const rootOffset = 127
  const metadataOffset = rootOffset + directory.length
  const dataOffset = metadataOffset + metadata.length
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at)
  u64(rootOffset, 8)
  u64(directory.length, 16)
  u64(metadataOffset, 24)
  u64(metadata.length, 32)
  u64(0, 40)
  u64(0, 48)
  u64(dataOffset, 56)
  u64(dataLength, 64)
  u64(entries.length, 72)
  u64(entries.length, 80)
  u64(contents.length, 88)
  header.writeUInt8(1, 96) // clustered
  header.writeUInt8(1, 97) // internal compression: none
  header.writeUInt8(1, 98) // tile compression: none
  header.writeUInt8(options.tileType, 99)
  const zooms = tiles.map((t) => t.z)
  header.writeUInt8(Math.min(...zooms), 100)
  header.writeUInt8(Math.max(...zooms), 101)
  const [w, s, e, n] = options.bounds
  header.writeInt32LE(Math.round(w * 1e7), 102)
  header.writeInt32LE(Math.round(s * 1e7), 106)
  header.writeInt32LE(Math.round(e * 1e7), 110)
  header.writeInt32LE(Math.round(n * 1e7), 114)
  header.writeUInt8(Math.min(...zooms), 118)
  header.writeInt32LE(Math.round(((w + e) / 2) * 1e7), 119)
  header.writeInt32LE(Math.round(((s + n) / 2) * 1e7), 123)
  return Buffer.concat([header, directory, metadata, ...contents])
}
