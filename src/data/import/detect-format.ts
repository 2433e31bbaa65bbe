/**
 * Which parser a file goes to. The content decides first (a file named .csv that holds JSON is
 * JSON); the extension only breaks ties for content that is neither JSON nor a zip, and names
 * the format in the result when nothing could be read.
 */
import type { ImportFormat } from './types'

export type ContentKind =
  | 'geojson'
  | 'zip'
  | 'delimited'
  | 'empty'
  /** NUL bytes or many control characters: not text. */
  | 'binary'
  /** UTF-16 text (a byte-order mark FF FE or FE FF): Excel's "Unicode text" export. */
  | 'utf16'
  /** Starts with "<": KML, GPX, GML or HTML. */
  | 'markup'
  /** A single .shp/.shx/.dbf without the rest of the shapefile. */
  | 'shapefile-part'

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04]
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06]

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((byte, i) => bytes[at + i] === byte)
}

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/** The format to name in a result when the content could not tell. */
export function formatFromExtension(fileName: string): ImportFormat {
  switch (extensionOf(fileName)) {
    case 'csv':
    case 'txt':
      return 'csv'
    case 'tsv':
    case 'tab':
      return 'tsv'
    case 'zip':
    case 'shp':
    case 'shx':
    case 'dbf':
      return 'shapefile-zip'
    default:
      return 'geojson'
  }
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d
}

/** A text file has no NUL and few control characters; UTF-8 and GBK bytes above 0x7F are fine. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096)
  let control = 0
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]!
    if (byte === 0) return true
    if (byte < 0x20 && !isWhitespace(byte) && byte !== 0x0c) control++
  }
  return control > end / 20
}

export function detectContentKind(bytes: Uint8Array, fileName: string): ContentKind {
  if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) return 'zip'
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16'
  let start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (start < bytes.length && isWhitespace(bytes[start]!)) start++
  if (start >= bytes.length) return 'empty'
  const first = bytes[start]
  if (first === 0x7b || first === 0x5b) return 'geojson' // { or [
  const extension = extensionOf(fileName)
  if (extension === 'shp' || extension === 'shx' || extension === 'dbf') return 'shapefile-part'
  if (looksBinary(bytes)) return 'binary'
  if (first === 0x3c) return 'markup' // <
  if (extension === 'geojson' || extension === 'json') return 'geojson'
  if (extension === 'zip') return 'binary'
  return 'delimited'
}
