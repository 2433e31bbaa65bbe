/**
 * A small zip reader: lists the entries from the central directory and inflates the ones asked
 * for with the platform's DecompressionStream (node 20, Chromium, workers). Our own rather than
 * shpjs's unzip so that a zip without a .shp can be answered with what it does hold, names
 * written in GBK by Chinese Windows are readable, oversized or encrypted entries are refused
 * before anything is inflated, and an entry whose header understates its size is stopped while it
 * inflates, as soon as it passes the declared size.
 */

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
  encrypted: boolean
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError'
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50
const LOCAL_FILE_HEADER = 0x04034b50
const STORED = 0
const DEFLATED = 8

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff)
  for (let offset = view.byteLength - 22; offset >= lowest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset
  }
  throw new ZipFormatError('no zip directory found (the file is damaged or not a zip)')
}

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  if (utf8Flag) return new TextDecoder('utf-8').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (view.byteLength < 22) throw new ZipFormatError('the zip is too short to hold a directory')
  const end = findEndOfCentralDirectory(view)
  const count = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  if (offset === 0xffffffff) throw new ZipFormatError('ZIP64 archives are not supported')
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new ZipFormatError('the zip directory is damaged')
    }
    const flags = view.getUint16(offset + 8, true)
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    entries.push({
      name: decodeName(bytes.subarray(offset + 46, offset + 46 + nameLength), (flags & 0x0800) !== 0),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      encrypted: (flags & 0x0001) !== 0,
    })
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * Inflates with a running count: as soon as the output passes `limit` bytes the stream is cancelled
 * and an error thrown, so a header that understates an entry's size costs at most `limit` bytes,
 * never the whole bomb.
 */
async function inflateRaw(compressed: Uint8Array, limit: number, name: string): Promise<Uint8Array> {
  // A copy into a fresh ArrayBuffer: Blob wants an ArrayBuffer-backed view, not a shared one.
  const stream = new Blob([compressed.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'))
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel()
      throw new ZipFormatError(`${name}: unpacks to more than the ${limit} bytes allowed (its header says less)`)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/**
 * The entry's bytes, unpacked. Inflating stops at the size its header declares (or `maxBytes`, if
 * smaller): a header that lies is an error, found after at most that many bytes.
 */
export async function readZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<Uint8Array> {
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} is encrypted`)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const header = entry.localHeaderOffset
  if (header + 30 > view.byteLength || view.getUint32(header, true) !== LOCAL_FILE_HEADER) {
    throw new ZipFormatError(`${entry.name}: damaged entry`)
  }
  const dataStart = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true)
  const dataEnd = dataStart + entry.compressedSize
  if (dataEnd > bytes.byteLength) throw new ZipFormatError(`${entry.name}: the zip is cut short`)
  const data = bytes.subarray(dataStart, dataEnd)
  if (entry.method === STORED) return data
  if (entry.method === DEFLATED) return inflateRaw(data, Math.min(entry.uncompressedSize, maxBytes), entry.name)
  throw new ZipFormatError(
    `${entry.name}: compression method ${entry.method} is not supported (use ordinary "deflate" zip)`,
  )
}
