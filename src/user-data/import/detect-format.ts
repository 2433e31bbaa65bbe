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
  /** Starts with "<": KML, GPX, GML or HTML (markupRootName tells them apart). */
  | 'markup'
  /** A single .shp/.shx/.dbf/.prj/.cpg without the rest of the shapefile. */
  | 'shapefile-part'
  /** OLE2 compound file (D0 CF 11 E0): Excel 97–2003 .xls, or a password-protected .xlsx. */
  | 'ole2'

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04]
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06]
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** Shapefile parts that are useless alone; .prj and .cpg are text, which would otherwise reach the CSV reader. */
const SHAPEFILE_PARTS = new Set(['shp', 'shx', 'dbf', 'prj', 'cpg'])

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
    case 'xlsx':
    case 'xls':
      return 'xlsx'
    case 'kml':
      return 'kml'
    case 'kmz':
      return 'kmz'
    case 'gpx':
      return 'gpx'
    case 'topojson':
      return 'topojson'
    case 'zip':
    case 'shp':
    case 'shx':
    case 'dbf':
    case 'prj':
    case 'cpg':
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
  if (startsWith(bytes, OLE2)) return 'ole2'
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'utf16'
  let start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0
  while (start < bytes.length && isWhitespace(bytes[start]!)) start++
  if (start >= bytes.length) return 'empty'
  const first = bytes[start]
  if (first === 0x7b || first === 0x5b) return 'geojson' // { or [
  const extension = extensionOf(fileName)
  if (SHAPEFILE_PARTS.has(extension)) return 'shapefile-part'
  if (looksBinary(bytes)) return 'binary'
  if (first === 0x3c) return 'markup' // <
  if (extension === 'geojson' || extension === 'json') return 'geojson'
  if (extension === 'zip') return 'binary'
  return 'delimited'
}

/**
 * The tag name of markup's first element, as written (prefix and case kept: "gml:FeatureCollection"), after a BOM,
 * the XML declaration, processing instructions, comments and a DOCTYPE (with its internal subset); null when no
 * element name follows. Only the prolog is looked at: whether the rest is well-formed is the XML reader's business.
 */
export function markupRootName(text: string): string | null {
  let at = 0
  for (;;) {
    at = text.indexOf('<', at)
    if (at < 0) return null
    if (text.startsWith('<?', at)) at = text.indexOf('?>', at)
    else if (text.startsWith('<!--', at)) at = text.indexOf('-->', at)
    else if (text.startsWith('<!', at)) {
      let depth = 0
      for (at += 2; at < text.length && (text[at] !== '>' || depth > 0); at++)
        depth += text[at] === '[' ? 1 : text[at] === ']' ? -1 : 0
      if (at >= text.length) return null
    } else return /^<([^\s/>=<"'!?]+)/.exec(text.slice(at, at + 256))?.[1] ?? null
    if (at < 0) return null
    at++
  }
}

/** What a zip holds: a project of this app, an Excel workbook, a KMZ, or (by default) a zipped shapefile. */
export function zipContentKind(
  entryNames: readonly string[],
  fileName: string,
): 'project' | 'xlsx' | 'kmz' | 'shapefile' {
  if (entryNames.includes('project.json')) return 'project'
  const extension = extensionOf(fileName)
  if (extension === 'xlsx' || entryNames.some((name) => name.startsWith('xl/'))) return 'xlsx'
  if (extension === 'kmz') return 'kmz'
  const hasShp = entryNames.some((name) => /\.shp$/i.test(name))
  if (!hasShp && entryNames.some((name) => /\.kml$/i.test(name))) return 'kmz'
  return 'shapefile'
}

/** An OLE2 file holding an "EncryptionInfo" stream is a password-protected Office file (UTF-16 name). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = Array.from('EncryptionInfo').flatMap((char) => [char.charCodeAt(0), 0])
  const end = Math.min(bytes.length, 8 * 1024 * 1024) - name.length
  for (let i = 0; i <= end; i++) if (bytes[i] === 0x45 && startsWith(bytes, name, i)) return true
  return false
}
