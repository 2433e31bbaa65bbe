/**
 * A zip whose headers understate an entry's size is refused while it is being inflated, after at
 * most about the declared size, not after the whole bomb has been unpacked.
 */
import { deflateRawSync } from 'node:zlib'
import { afterEach, describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { listZipEntries, readZipEntry, ZipFormatError } from '../../../../src/user-data/import/zip-reader'
import { writeZip } from '../../../fixtures/support/zip-writer'

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
