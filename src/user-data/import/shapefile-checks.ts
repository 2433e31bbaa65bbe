/**
 * Sanity checks on .shp and .dbf bytes before shpjs reads them. shpjs trusts the lengths in the
 * file: a negative record length sends its reader backwards for ever, and a record count larger
 * than the .dbf loops billions of times. A damaged file must end in a message, not a hung worker.
 */

const SHP_FILE_CODE = 9994
/** Shape types shpjs reads: null, point, polyline, polygon, multipoint, and their Z and M forms. */
const KNOWN_SHAPE_TYPES = new Set([0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28])

/** Why the .shp cannot be read, or null when its header and record lengths hold together. */
export function shpStructureProblem(shp: Uint8Array): string | null {
  if (shp.length < 100) return 'the .shp is shorter than its 100-byte header'
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength)
  if (view.getInt32(0, false) !== SHP_FILE_CODE) return 'the .shp does not start with the shapefile code 9994'
  const shapeType = view.getInt32(32, true)
  if (!KNOWN_SHAPE_TYPES.has(shapeType)) return `unknown shape type ${shapeType} in the .shp header`
  let record = 0
  for (let offset = 100; offset + 8 <= shp.length; record++) {
    const length = view.getInt32(offset + 4, false) * 2
    if (length < 0 || offset + 8 + length > shp.length)
      return `record ${record + 1} of the .shp is damaged (its length runs past the end of the file)`
    offset += 8 + length
  }
  return null
}

/** Why the .dbf cannot be read, or null when its record count fits its size. */
export function dbfStructureProblem(dbf: Uint8Array): string | null {
  if (dbf.length < 33) return 'the .dbf is shorter than its header'
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength)
  const records = view.getUint32(4, true)
  const headerLength = view.getUint16(8, true)
  const recordLength = view.getUint16(10, true)
  if (headerLength < 33 || recordLength < 1) return 'the .dbf header is damaged'
  if (headerLength + records * recordLength > dbf.length)
    return `the .dbf claims ${records} records but is too short to hold them`
  return null
}
