/**
 * Reading back what writePdf wrote, for the tests: the file as latin-1 text, its cross-reference
 * table, and each object's dictionary and (inflated) stream, found through the table's offsets.
 */
import { unzlibSync } from 'fflate'

export interface PdfObject {
  dictionary: string
  /** The stream's bytes, inflated if the dictionary says /FlateDecode (a JPEG stays as stored). */
  stream?: Uint8Array
}

export const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

/** The offsets of objects 1…n as the xref table lists them, and the trailer. */
export function readXref(pdf: Uint8Array): { offsets: number[]; trailer: string; startxref: number } {
  const text = latin1(pdf)
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1])
  const table = text.slice(startxref)
  const header = /^xref\n0 (\d+)\n/.exec(table)
  if (!header) throw new Error(`no xref table at ${startxref}`)
  const entries = table.slice(header[0].length).split('\n').slice(0, Number(header[1]))
  if (entries[0] !== '0000000000 65535 f ') throw new Error(`the free entry is ${entries[0]}`)
  const offsets = entries.slice(1).map((entry) => {
    if (!/^\d{10} 00000 n $/.test(entry)) throw new Error(`bad xref entry ${JSON.stringify(entry)}`)
    return Number(entry.slice(0, 10))
  })
  return { offsets, trailer: table.slice(table.indexOf('trailer')), startxref }
}

/** Object `number` read at the offset the xref table gives it. */
export function readObject(pdf: Uint8Array, number: number): PdfObject {
  const text = latin1(pdf)
  const offset = readXref(pdf).offsets[number - 1]!
  const head = `${number} 0 obj\n`
  if (text.slice(offset, offset + head.length) !== head) throw new Error(`object ${number} is not at ${offset}`)
  const start = offset + head.length
  const end = text.indexOf('\nendobj\n', start)
  const body = text.slice(start, end)
  const streamAt = body.indexOf('\nstream\n')
  if (streamAt < 0) return { dictionary: body }
  const dictionary = body.slice(0, streamAt)
  const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1])
  const from = start + streamAt + '\nstream\n'.length
  const raw = pdf.slice(from, from + length)
  if (text.slice(from + length, from + length + '\nendstream'.length) !== '\nendstream')
    throw new Error(`object ${number}'s /Length ${length} does not end at endstream`)
  return { dictionary, stream: dictionary.includes('/FlateDecode') ? unzlibSync(raw) : raw }
}

/** Every object, numbered from 1. */
export function readObjects(pdf: Uint8Array): PdfObject[] {
  return readXref(pdf).offsets.map((_, i) => readObject(pdf, i + 1))
}

/** The first object whose dictionary matches. */
export function findObject(pdf: Uint8Array, pattern: RegExp): PdfObject {
  const found = readObjects(pdf).find((object) => pattern.test(object.dictionary))
  if (!found) throw new Error(`no object matches ${pattern}`)
  return found
}

/** The content streams of the pages, in page order, as text. */
export function pageContents(pdf: Uint8Array): string[] {
  const objects = readObjects(pdf)
  return objects
    .filter((object) => object.dictionary.includes('/Type /Page '))
    .map((page) => {
      const contents = Number(/\/Contents (\d+) 0 R/.exec(page.dictionary)?.[1])
      return latin1(objects[contents - 1]!.stream!)
    })
}

/** A JPEG as small as a frame header allows (SOI, SOF0, EOI) with `payload` bytes in a comment segment. */
export function tinyJpeg(width: number, height: number, payload: number[] = [], components = 3): Uint8Array {
  const comment = [0xff, 0xfe, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload]
  const frame = [0xff, 0xc0, 0, 8 + components * 3, 8, height >> 8, height & 255, width >> 8, width & 255, components]
  for (let c = 1; c <= components; c++) frame.push(c, 0x11, 0)
  return new Uint8Array([0xff, 0xd8, ...comment, ...frame, 0xff, 0xd9])
}
