/**
 * A large point layer (PointTable, see src/user-data/tables/point-table.ts) as files in a project zip: a small
 * JSON header and one raw little-endian typed array per column, so a million points cost their bytes
 * (8 MB of positions, 8 MB per numeric column), not a GeoJSON of hundreds of MB. Reading checks every
 * length against the header before a typed array is made, and the positions against the globe: a
 * header or a file that lies is refused with the file's name.
 */
import type { PointColumn, PointTable } from '../tables/point-table'

/** The draw budget's own ceiling (src/user-data/import/draw-budget.ts): more points are refused on import too. */
export const MAX_PROJECT_POINTS = 5_000_000
const MAX_COLUMNS = 500

export interface PointTableHeader {
  length: number
  positions: string
  columns: { name: string; kind: 'number' | 'text'; values: string; offsets?: string }[]
}

// Typed arrays are in the platform's byte order; every browser platform is little-endian.
const bytesOf = (array: Float32Array | Float64Array | Uint32Array) =>
  new Uint8Array(array.buffer, array.byteOffset, array.byteLength)

/** The files for one table, keyed by their path in the zip; `base` is e.g. "layers/user-2". */
export function pointTableFiles(
  table: PointTable,
  base: string,
): { header: string; files: Record<string, Uint8Array> } {
  const files: Record<string, Uint8Array> = {}
  const header: PointTableHeader = { length: table.length, positions: `${base}/positions.f32`, columns: [] }
  files[header.positions] = bytesOf(table.positions)
  table.columns.forEach((column, i) => {
    if (column.kind === 'number') {
      const values = `${base}/column-${i}.f64`
      files[values] = bytesOf(column.values)
      header.columns.push({ name: column.name, kind: 'number', values })
    } else {
      const values = `${base}/column-${i}.txt`
      const offsets = `${base}/column-${i}.u32`
      files[values] = new TextEncoder().encode(column.text)
      files[offsets] = bytesOf(column.offsets)
      header.columns.push({ name: column.name, kind: 'text', values, offsets })
    }
  })
  const headerPath = `${base}.points.json`
  files[headerPath] = new TextEncoder().encode(JSON.stringify(header))
  return { header: headerPath, files }
}

export class PointTableFileError extends Error {
  override name = 'PointTableFileError'
}

/** A copy into a fresh, aligned buffer of exactly `count` elements of `size` bytes, or an error naming the file. */
function aligned(bytes: Uint8Array | undefined, path: string, count: number, size: number): ArrayBuffer {
  if (!bytes) throw new PointTableFileError(`${path} is missing`)
  if (bytes.byteLength !== count * size)
    throw new PointTableFileError(`${path} holds ${bytes.byteLength} bytes; the header needs ${count * size}`)
  return bytes.slice().buffer
}

/**
 * The table back from its header and a reader of the zip's entries (only the named ones are read).
 * Throws PointTableFileError with a message naming what is wrong.
 */
export async function readPointTable(
  headerText: string,
  read: (path: string) => Promise<Uint8Array | undefined>,
): Promise<PointTable> {
  let header: Partial<PointTableHeader>
  try {
    header = JSON.parse(headerText) as Partial<PointTableHeader>
  } catch {
    throw new PointTableFileError('the point header is not JSON')
  }
  const length = header.length
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0 || length > MAX_PROJECT_POINTS)
    throw new PointTableFileError(`the point count must be a whole number up to ${MAX_PROJECT_POINTS}`)
  if (typeof header.positions !== 'string' || !Array.isArray(header.columns) || header.columns.length > MAX_COLUMNS)
    throw new PointTableFileError('the point header lists no positions or too many columns')
  const positions = new Float32Array(aligned(await read(header.positions), header.positions, length * 2, 4))
  for (let i = 0; i < positions.length; i += 2) {
    const lng = positions[i]!
    const lat = positions[i + 1]!
    if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90))
      throw new PointTableFileError(`${header.positions}: point ${i / 2} is not a WGS84 position`)
  }
  const names = new Set<string>()
  const columns: PointColumn[] = []
  for (const column of header.columns) {
    const { name, kind, values, offsets } = (column ?? {}) as Partial<PointTableHeader['columns'][number]>
    if (typeof name !== 'string' || name.length > 200 || names.has(name) || typeof values !== 'string')
      throw new PointTableFileError('a column of the point header has no name, a repeated name or no file')
    names.add(name)
    if (kind === 'number') {
      columns.push({ name, kind, values: new Float64Array(aligned(await read(values), values, length, 8)) })
    } else if (kind === 'text' && typeof offsets === 'string') {
      const bytes = await read(values)
      if (!bytes) throw new PointTableFileError(`${values} is missing`)
      const text = new TextDecoder().decode(bytes)
      const ends = new Uint32Array(aligned(await read(offsets), offsets, length + 1, 4))
      // Offsets index the decoded text: they must start at 0, never go back and end at its length.
      let ok = ends[0] === 0 && ends[length] === text.length
      for (let i = 1; ok && i <= length; i++) ok = ends[i]! >= ends[i - 1]!
      if (!ok) throw new PointTableFileError(`${offsets}: the offsets do not fit the text of column ${name}`)
      columns.push({ name, kind, text, offsets: ends })
    } else throw new PointTableFileError(`column ${name}: unknown kind`)
  }
  return { length, positions, columns }
}
