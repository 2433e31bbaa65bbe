// The .shp and .dbf sanity checks at their limits, before shpjs reads them.
import { describe, expect, test } from 'vitest'
import { dbfStructureProblem, shpStructureProblem } from '../../../../src/user-data/import/shapefile-checks'
import { concatBytes } from '../../../fixtures/support/zip-writer'

/** A .shp header (100 bytes) and records of the given content lengths in bytes. */
function shpBytes(shapeType: number, recordLengths: number[], code = 9994): Uint8Array {
  const records = recordLengths.map((length) => {
    const record = new Uint8Array(8 + Math.max(0, length))
    new DataView(record.buffer).setInt32(4, length / 2, false)
    return record
  })
  const header = new Uint8Array(100)
  const view = new DataView(header.buffer)
  view.setInt32(0, code, false)
  view.setInt32(32, shapeType, true)
  return concatBytes([header, ...records])
}

/** A .dbf header claiming `records` records of `recordLength` bytes, padded to `size` bytes. */
function dbfBytes(size: number, records: number, headerLength: number, recordLength: number): Uint8Array {
  const bytes = new Uint8Array(size)
  const view = new DataView(bytes.buffer)
  view.setUint32(4, records, true)
  view.setUint16(8, headerLength, true)
  view.setUint16(10, recordLength, true)
  return bytes
}

describe('shapefile-checks', () => {
  test('.shp header: length, file code, shape type', () => {
    expect(shpStructureProblem(new Uint8Array(99))).toBe('the .shp is shorter than its 100-byte header')
    expect(shpStructureProblem(shpBytes(1, []))).toBeNull()
    expect(shpStructureProblem(shpBytes(1, [], 9995))).toBe('the .shp does not start with the shapefile code 9994')
    expect(shpStructureProblem(shpBytes(2, []))).toBe('unknown shape type 2 in the .shp header')
    for (const type of [0, 1, 3, 5, 8, 11, 13, 15, 18, 21, 23, 25, 28])
      expect(shpStructureProblem(shpBytes(type, []))).toBeNull()
  })

  test('.shp records: lengths must fit, each damaged record named by its number', () => {
    expect(shpStructureProblem(shpBytes(1, [20, 0, 20]))).toBeNull()
    const damagedSecond = shpBytes(1, [20, 20])
    new DataView(damagedSecond.buffer).setInt32(100 + 28 + 4, 11, false)
    expect(shpStructureProblem(damagedSecond)).toBe(
      'record 2 of the .shp is damaged (its length runs past the end of the file)',
    )
    const negative = shpBytes(1, [20])
    new DataView(negative.buffer).setInt32(104, -1, false)
    expect(shpStructureProblem(negative)).toMatch(/^record 1 of the \.shp is damaged/)
    // A record header at the very end whose content is missing.
    const headerOnly = shpBytes(1, [20]).slice(0, 108)
    expect(shpStructureProblem(headerOnly)).toMatch(/^record 1 of the \.shp is damaged/)
    // Fewer than 8 bytes left: not a record, ignored.
    expect(shpStructureProblem(concatBytes([shpBytes(1, [20]), new Uint8Array(7)]))).toBeNull()
  })

  test('.dbf header: length, header and record lengths, record count', () => {
    expect(dbfStructureProblem(new Uint8Array(32))).toBe('the .dbf is shorter than its header')
    expect(dbfStructureProblem(dbfBytes(33, 0, 33, 1))).toBeNull()
    expect(dbfStructureProblem(dbfBytes(40, 0, 32, 1))).toBe('the .dbf header is damaged')
    expect(dbfStructureProblem(dbfBytes(40, 0, 33, 0))).toBe('the .dbf header is damaged')
    expect(dbfStructureProblem(dbfBytes(33 + 3 * 4, 3, 33, 4))).toBeNull()
    expect(dbfStructureProblem(dbfBytes(33 + 3 * 4 - 1, 3, 33, 4))).toBe(
      'the .dbf claims 3 records but is too short to hold them',
    )
    expect(dbfStructureProblem(dbfBytes(33 + 8, 2, 33, 4))).toBeNull()
  })
})
