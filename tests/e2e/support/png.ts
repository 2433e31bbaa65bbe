/** Just enough PNG for the tests: a solid tile to stand in for a basemap, a PNG's size, and what a box of it holds. */
import { deflateSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { crc32 } from '../../fixtures/support/zip-writer'

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

export function solidPng(width: number, height: number, [r, g, b]: [number, number, number]): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())])
  const pixels = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export function pngSize(bytes: Buffer): { width: number; height: number } {
  if (bytes.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error('not a PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/**
 * A PNG decoded by the browser, and what one box of it holds: pixels darker than 100 in every channel
 * (text), and distinct colours among every `step`-th pixel (a map, not a blank).
 */
export async function pngBoxInk(
  page: Page,
  bytes: Buffer,
  box: { x: number; y: number; width: number; height: number },
  step = 97,
): Promise<{ dark: number; colours: number }> {
  return page.evaluate(
    async ({ base64, box, step }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob())
      const c = document.createElement('canvas')
      c.width = bitmap.width
      c.height = bitmap.height
      const g = c.getContext('2d')!
      g.drawImage(bitmap, 0, 0)
      const pixels = g.getImageData(box.x, box.y, box.width, box.height).data
      let dark = 0
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i]! < 100 && pixels[i + 1]! < 100 && pixels[i + 2]! < 100) dark++
      const seen = new Set<number>()
      for (let i = 0; i < pixels.length; i += 4 * step)
        seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!)
      return { dark, colours: seen.size }
    },
    { base64: bytes.toString('base64'), box, step },
  )
}

/** A PNG drawn smaller by the browser (for the docs: a 300 dpi page is too big to keep). */
export async function pngReduced(page: Page, bytes: Buffer, width: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    async ({ base64, width }) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob())
      const c = document.createElement('canvas')
      c.width = width
      c.height = Math.round((bitmap.height * width) / bitmap.width)
      const g = c.getContext('2d')!
      g.imageSmoothingQuality = 'high'
      g.drawImage(bitmap, 0, 0, c.width, c.height)
      return c.toDataURL('image/png')
    },
    { base64: bytes.toString('base64'), width },
  )
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64')
}

/** An RGBA PNG whose pixels a function gives: tiles with a mark at a known place, for the service tests. */
export function rgbaPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number, number],
): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4)
    for (let x = 0; x < width; x++) row.set(pixel(x, y), 1 + x * 4)
    rows.push(row)
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
