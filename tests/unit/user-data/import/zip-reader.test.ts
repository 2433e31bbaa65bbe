// The zip reader byte by byte: entries listed and read, damaged and unusual archives, and a zip whose
// header understates an entry's size (refused while inflating, after at most about the declared size).
import { describe, expect, test, afterEach } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { listZipEntries, readZipEntry, ZipFormatError } from '../../../../src/user-data/import/zip-reader'
import { encodeGbk } from '../../../fixtures/support/gbk'
import { writeShapefile } from '../../../fixtures/support/shapefile-writer'
import { concatBytes, writeZip } from '../../../fixtures/support/zip-writer'
import { deflateRawSync } from 'node:zlib'

const text = (value: string) => new TextEncoder().encode(value)
const utf8 = (value: string) => new TextEncoder().encode(value)

/** Offsets of the end record and of each central directory entry of a zip without a comment. */
function layout(zip: Uint8Array): { end: number; entries: number[] } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = zip.length - 22
  const entries: number[] = []
  let offset = view.getUint32(end + 16, true)
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    entries.push(offset)
    offset += 46 + view.getUint16(offset + 28, true)
  }
  return { end, entries }
}

/** A copy of the zip with a little-endian number written at `at`. */
function patched(zip: Uint8Array, at: number, value: number, size: 2 | 4 = 4): Uint8Array {
  const copy = zip.slice()
  const view = new DataView(copy.buffer)
  if (size === 2) view.setUint16(at, value, true)
  else view.setUint32(at, value, true)
  return copy
}

/**
 * A stored zip whose local headers and central entries carry extra fields and comments, which
 * writeZip never writes: the reader must step over them.
 */
function zipWithExtras(entries: { name: string; bytes: Uint8Array }[]): Uint8Array {
  const locals: Uint8Array[] = []
  const centrals: Uint8Array[] = []
  let offset = 0
  for (const entry of entries) {
    const name = utf8(entry.name)
    const localExtra = new Uint8Array(7).fill(0xee)
    const local = new Uint8Array(30 + name.length + localExtra.length + entry.bytes.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(6, 0x0800, true)
    lv.setUint32(18, entry.bytes.length, true)
    lv.setUint32(22, entry.bytes.length, true)
    lv.setUint16(26, name.length, true)
    lv.setUint16(28, localExtra.length, true)
    local.set(name, 30)
    local.set(localExtra, 30 + name.length)
    local.set(entry.bytes, 30 + name.length + localExtra.length)
    const extra = new Uint8Array(5).fill(0xdd)
    const comment = utf8('a comment')
    const central = new Uint8Array(46 + name.length + extra.length + comment.length)
    const cv = new DataView(central.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(8, 0x0800, true)
    cv.setUint32(20, entry.bytes.length, true)
    cv.setUint32(24, entry.bytes.length, true)
    cv.setUint16(28, name.length, true)
    cv.setUint16(30, extra.length, true)
    cv.setUint16(32, comment.length, true)
    cv.setUint32(42, offset, true)
    central.set(name, 46)
    central.set(extra, 46 + name.length)
    central.set(comment, 46 + name.length + extra.length)
    locals.push(local)
    centrals.push(central)
    offset += local.length
  }
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(16, offset, true)
  return concatBytes([...locals, ...centrals, end])
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('zip-reader', () => {
  test('an empty archive is only its end record', () => {
    const empty = writeZip([])
    expect(empty).toHaveLength(22)
    expect(listZipEntries(empty)).toEqual([])
  })

  test('entries with their sizes, method, offset and flags', () => {
    const zip = writeZip([
      { name: 'a.txt', bytes: text('stored!') },
      { name: 'b.txt', bytes: text('b'.repeat(300)), deflate: true },
    ])
    const [a, b] = listZipEntries(zip)
    expect(a).toEqual({
      name: 'a.txt',
      method: 0,
      compressedSize: 7,
      uncompressedSize: 7,
      localHeaderOffset: 0,
      encrypted: false,
    })
    expect(b).toMatchObject({ name: 'b.txt', method: 8, uncompressedSize: 300, localHeaderOffset: 30 + 5 + 7 })
    expect(b!.compressedSize).toBeLessThan(300)
  })

  test('extra fields and comments are stepped over, in the directory and in local headers', async () => {
    const zip = zipWithExtras([
      { name: 'first.txt', bytes: text('one') },
      { name: 'second.txt', bytes: text('two') },
    ])
    const entries = listZipEntries(zip)
    expect(entries.map((entry) => entry.name)).toEqual(['first.txt', 'second.txt'])
    expect(decode(await readZipEntry(zip, entries[0]!))).toBe('one')
    expect(decode(await readZipEntry(zip, entries[1]!))).toBe('two')
  })

  test('names: the UTF-8 flag is trusted; without it, strict UTF-8 first, then GBK', () => {
    const chineseUtf8 = writeZip([{ name: '金东.shp', legacyNameBytes: utf8('金东.shp'), bytes: text('') }])
    expect(listZipEntries(chineseUtf8)[0]!.name).toBe('金东.shp')
    const gbk = writeZip([{ name: '金东.shp', legacyNameBytes: encodeGbk('金东.shp'), bytes: text('') }])
    expect(listZipEntries(gbk)[0]!.name).toBe('金东.shp')
    // GBK bytes under the UTF-8 flag are read as (broken) UTF-8, not guessed.
    const flagged = patched(gbk, layout(gbk).entries[0]! + 8, 0x0800, 2)
    expect(listZipEntries(flagged)[0]!.name).toBe(new TextDecoder().decode(encodeGbk('金东.shp')))
  })

  test('damaged archives, each with its reason', () => {
    const zip = writeZip([{ name: 'a.txt', bytes: text('x') }])
    const { end, entries } = layout(zip)
    const reason = (bytes: Uint8Array) => {
      try {
        listZipEntries(bytes)
        return null
      } catch (error) {
        expect(error).toBeInstanceOf(ZipFormatError)
        expect((error as Error).name).toBe('ZipFormatError')
        return (error as Error).message
      }
    }
    expect(reason(zip.slice(0, 21))).toBe('the zip is too short to hold a directory')
    expect(reason(new Uint8Array(22))).toBe('no zip directory found (the file is damaged or not a zip)')
    expect(reason(patched(zip, end + 16, 0xffffffff))).toBe('ZIP64 archives are not supported')
    expect(reason(patched(zip, entries[0]!, 0x12345678))).toBe('the zip directory is damaged')
    expect(reason(patched(zip, end + 10, 2, 2))).toBe('the zip directory is damaged')
    expect(reason(patched(zip, end + 16, zip.length - 22 - 40))).toBe('the zip directory is damaged')
  })

  test('the end record is found behind a comment', () => {
    const zip = writeZip([{ name: 'a.txt', bytes: text('x') }])
    const comment = text('commented')
    const withComment = concatBytes([patched(zip, zip.length - 2, comment.length, 2), comment])
    expect(listZipEntries(withComment).map((entry) => entry.name)).toEqual(['a.txt'])
  })

  test('entries that cannot be read, each with its reason', async () => {
    const zip = writeZip([{ name: 'a.txt', bytes: text('hello') }])
    const { entries } = layout(zip)
    const reason = async (bytes: Uint8Array) => {
      const entry = listZipEntries(bytes)[0]!
      try {
        await readZipEntry(bytes, entry)
        return null
      } catch (error) {
        expect(error).toBeInstanceOf(ZipFormatError)
        return (error as Error).message
      }
    }
    expect(await reason(patched(zip, entries[0]! + 8, 0x0801, 2))).toBe('a.txt is encrypted')
    expect(await reason(patched(zip, 0, 0x11111111))).toBe('a.txt: damaged entry')
    expect(await reason(patched(zip, entries[0]! + 42, zip.length - 10))).toBe('a.txt: damaged entry')
    expect(await reason(patched(zip, entries[0]! + 20, 1000))).toBe('a.txt: the zip is cut short')
    expect(await reason(patched(zip, entries[0]! + 10, 12, 2))).toBe(
      'a.txt: compression method 12 is not supported (use ordinary "deflate" zip)',
    )
    expect(await reason(zip)).toBeNull()
    // Exactly up to the end of the data is not cut short.
    expect(decode(await readZipEntry(zip, listZipEntries(zip)[0]!))).toBe('hello')
  })

  test('lists and reads stored and deflated entries', async () => {
    const zip = writeZip([
      { name: 'a.txt', bytes: text('stored') },
      { name: '目录/b.txt', bytes: text('deflated '.repeat(50)), deflate: true },
    ])
    const entries = listZipEntries(zip)
    expect(entries.map((entry) => entry.name)).toEqual(['a.txt', '目录/b.txt'])
    expect(new TextDecoder().decode(await readZipEntry(zip, entries[0]!))).toBe('stored')
    expect(new TextDecoder().decode(await readZipEntry(zip, entries[1]!))).toBe('deflated '.repeat(50))
  })

  test('reads GBK file names written without the UTF-8 flag', () => {
    const zip = writeZip([{ name: '金东.shp', legacyNameBytes: encodeGbk('金东.shp'), bytes: text('') }])
    expect(listZipEntries(zip).map((entry) => entry.name)).toEqual(['金东.shp'])
  })

  test('a damaged zip is an error result, not an exception', async () => {
    const zip = writeZip([{ name: 'a.shp', bytes: points().shp, deflate: true }])
    const result = await run(zip.slice(0, 60))
    expect(result.ok).toBe(false)
    expect(result.problems[0]!.message.en).toMatch(/^the zip could not be read: no zip directory found/)
  })
})

const run = (bytes: Uint8Array, fileName = 'shapes.zip') => importBytes(bytes, { fileName, declaredCrs: 'auto' })
const points = () =>
  writeShapefile(
    [
      { kind: 'point', position: [119.68511, 29.0937] },
      { kind: 'point', position: [119.68179, 29.11577] },
    ],
    [{ name: 'NAME', type: 'C', length: 12 }],
    [['多湖'], ['东孝']],
    { encode: (value) => new TextEncoder().encode(value) },
  )

const MB = 1024 * 1024
const original = globalThis.DecompressionStream
let inflated = 0

/** DecompressionStream that counts what it hands out, to see how far inflating went. */
class CountingDecompressionStream extends original {
  constructor(format: CompressionFormat) {
    super(format)
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        inflated += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const readable = super.readable.pipeThrough(counter)
    Object.defineProperty(this, 'readable', { get: () => readable })
  }
}

afterEach(() => {
  globalThis.DecompressionStream = original
})

function bomb(declaredSize: number, realSize = 32 * MB) {
  return writeZip([{ name: 'a.shp', bytes: new Uint8Array(realSize), deflate: true, declaredSize }])
}

describe('a zip whose header understates its size', () => {
  test('is refused after about the declared size, not the real one', { timeout: 60_000 }, async () => {
    globalThis.DecompressionStream = CountingDecompressionStream as typeof DecompressionStream
    inflated = 0
    const zip = bomb(1000)
    const [entry] = listZipEntries(zip)
    expect(entry!.uncompressedSize).toBe(1000)
    await expect(readZipEntry(zip, entry!)).rejects.toThrow(ZipFormatError)
    await expect(readZipEntry(zip, entry!)).rejects.toThrow(/unpacks to more than the 1000 bytes allowed/)
    // Stopped within a few chunks of the limit: far below the 32 MB the entry really holds.
    expect(inflated).toBeLessThan(2 * 4 * MB)
  })

  test('an explicit budget below the header stops it too', async () => {
    const zip = writeZip([{ name: 'a.txt', bytes: new Uint8Array(MB), deflate: true }])
    const [entry] = listZipEntries(zip)
    await expect(readZipEntry(zip, entry!, 1000)).rejects.toThrow(/1000 bytes/)
    await expect(readZipEntry(zip, entry!)).resolves.toHaveLength(MB)
  })

  test('an honest entry inflates whole', async () => {
    const bytes = new TextEncoder().encode('hello '.repeat(1000))
    const zip = writeZip([{ name: 'a.txt', bytes, deflate: true }])
    const [entry] = listZipEntries(zip)
    await expect(readZipEntry(zip, entry!)).resolves.toEqual(bytes)
  })

  test('through the import engine: a failed result naming the entry', { timeout: 60_000 }, async () => {
    const dbf = writeZip([{ name: 'a.shp', bytes: new Uint8Array(8 * MB), deflate: true, declaredSize: 200 }])
    const result = await importBytes(dbf, { fileName: 'bomb.zip', declaredCrs: 'auto' })
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => p.message.en).join('\n')).toMatch(/a\.shp.*unpacks to more than/)
  })
})

test('the deflate helper is node zlib (sanity)', () => {
  expect(deflateRawSync(new Uint8Array(10)).length).toBeGreaterThan(0)
})
