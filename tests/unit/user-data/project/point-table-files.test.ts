/**
 * A large point layer in a project file: a JSON header and one raw file per column, written and
 * read back as the same table; a header or a file that lies is refused with words naming what is wrong.
 */
import { describe, expect, test } from 'vitest'
import {
  MAX_PROJECT_POINTS,
  PointTableFileError,
  pointTableFiles,
  readPointTable,
} from '../../../../src/user-data/project/point-table-files'
import type { PointTable } from '../../../../src/user-data/tables/point-table'

const encoder = new TextEncoder()

/** Two points near Jinhua, a numeric column with a missing value and a text column with an empty one. */
const table: PointTable = {
  length: 2,
  positions: new Float32Array([119.5, 29, 120.25, 29.5]),
  columns: [
    { name: 'v', kind: 'number', values: new Float64Array([1.5, NaN]) },
    { name: '名称', kind: 'text', text: '甲站', offsets: new Uint32Array([0, 2, 2]) },
  ],
}

const reader = (files: Record<string, Uint8Array>) => async (path: string) => files[path]
const f32 = (...values: number[]) => new Uint8Array(new Float32Array(values).buffer)
const f64 = (...values: number[]) => new Uint8Array(new Float64Array(values).buffer)
const u32 = (...values: number[]) => new Uint8Array(new Uint32Array(values).buffer)

/** What reading a header (an object, written as JSON, or raw text) with these files throws, as shown to a user. */
async function refusal(header: unknown, files: Record<string, Uint8Array> = {}): Promise<string> {
  const text = typeof header === 'string' ? header : JSON.stringify(header)
  try {
    await readPointTable(text, reader(files))
  } catch (error) {
    expect(error).toBeInstanceOf(PointTableFileError)
    return String(error)
  }
  throw new Error('the header was accepted')
}

/** A header of `length` points at valid positions, with these columns. */
const withColumns = (length: number, columns: unknown[]) => ({ length, positions: 'p.f32', columns })
const positionsFor = (length: number) => ({ 'p.f32': f32(...Array.from({ length: length * 2 }, () => 0)) })

describe('writing a point table', () => {
  test('one header beside the layer and one file per column, named after the layer', () => {
    const { header, files } = pointTableFiles(table, 'layers/user-2')
    expect(header).toBe('layers/user-2.points.json')
    expect(Object.keys(files).sort()).toEqual([
      'layers/user-2.points.json',
      'layers/user-2/column-0.f64',
      'layers/user-2/column-1.txt',
      'layers/user-2/column-1.u32',
      'layers/user-2/positions.f32',
    ])
    expect(JSON.parse(new TextDecoder().decode(files[header]))).toEqual({
      length: 2,
      positions: 'layers/user-2/positions.f32',
      columns: [
        { name: 'v', kind: 'number', values: 'layers/user-2/column-0.f64' },
        { name: '名称', kind: 'text', values: 'layers/user-2/column-1.txt', offsets: 'layers/user-2/column-1.u32' },
      ],
    })
    expect(files['layers/user-2/positions.f32']).toEqual(f32(119.5, 29, 120.25, 29.5))
    expect(files['layers/user-2/column-0.f64']).toEqual(f64(1.5, NaN))
    expect(new TextDecoder().decode(files['layers/user-2/column-1.txt'])).toBe('甲站')
    expect(files['layers/user-2/column-1.u32']).toEqual(u32(0, 2, 2))
  })
})

describe('reading a point table back', () => {
  test('the same positions and columns come back, an empty text value and a missing number included', async () => {
    const { header, files } = pointTableFiles(table, 'layers/user-2')
    const back = await readPointTable(new TextDecoder().decode(files[header]), reader(files))
    expect(back).toEqual(table)
    expect(back.columns[0]).toMatchObject({ kind: 'number' })
    expect(back.columns[1]).toMatchObject({ kind: 'text' })
  })

  test('files that start anywhere inside a larger buffer (as unzipped entries may) are read', async () => {
    const { header, files } = pointTableFiles(table, 'l')
    const shifted = Object.fromEntries(
      Object.entries(files).map(([path, bytes]) => {
        const buffer = new Uint8Array(bytes.length + 3)
        buffer.set(bytes, 1)
        return [path, buffer.subarray(1, 1 + bytes.length)]
      }),
    )
    expect(await readPointTable(new TextDecoder().decode(files[header]), reader(shifted))).toEqual(table)
  })

  test('an empty table and positions on the edges of the globe are read', async () => {
    expect(await readPointTable(JSON.stringify(withColumns(0, [])), reader(positionsFor(0)))).toEqual({
      length: 0,
      positions: new Float32Array(0),
      columns: [],
    })
    const edges = await readPointTable(JSON.stringify(withColumns(2, [])), reader({ 'p.f32': f32(-180, -90, 180, 90) }))
    expect(edges.positions).toEqual(new Float32Array([-180, -90, 180, 90]))
  })

  test('a column name of 200 characters is read', async () => {
    const name = 'n'.repeat(200)
    const header = withColumns(1, [{ name, kind: 'number', values: 'c.f64' }])
    const back = await readPointTable(JSON.stringify(header), reader({ ...positionsFor(1), 'c.f64': f64(7) }))
    expect(back.columns).toEqual([{ name, kind: 'number', values: new Float64Array([7]) }])
  })
})

describe('a point header that lies is refused, naming what is wrong', () => {
  test('a header that is not JSON', async () => {
    expect(await refusal('{"length": ')).toBe('PointTableFileError: the point header is not JSON')
  })

  test('a point count that is not a whole number from 0 to the limit', async () => {
    const message = `PointTableFileError: the point count must be a whole number up to ${MAX_PROJECT_POINTS}`
    for (const length of ['2', 1.5, -1, MAX_PROJECT_POINTS + 1, null])
      expect(await refusal({ ...withColumns(0, []), length }), String(length)).toBe(message)
  })

  test('the largest point count passes the count check (and is then judged on the rest)', async () => {
    expect(await refusal({ length: MAX_PROJECT_POINTS, columns: [] })).toBe(
      'PointTableFileError: the point header lists no positions or too many columns',
    )
  })

  test('no positions file, no column list, or more than 500 columns', async () => {
    const message = 'PointTableFileError: the point header lists no positions or too many columns'
    expect(await refusal({ length: 0, columns: [] }, positionsFor(0))).toBe(message)
    expect(await refusal({ length: 0, positions: 'p.f32', columns: {} }, positionsFor(0))).toBe(message)
    expect(
      await refusal(
        withColumns(
          0,
          Array.from({ length: 501 }, () => ({})),
        ),
        positionsFor(0),
      ),
    ).toBe(message)
    // 500 columns pass that check; the first one is then found to have no name.
    expect(
      await refusal(
        withColumns(
          0,
          Array.from({ length: 500 }, () => ({})),
        ),
        positionsFor(0),
      ),
    ).toBe('PointTableFileError: a column of the point header has no name, a repeated name or no file')
  })

  test('a positions file that is missing or of another size than the count needs', async () => {
    expect(await refusal(withColumns(2, []))).toBe('PointTableFileError: p.f32 is missing')
    expect(await refusal(withColumns(2, []), { 'p.f32': f32(119, 29) })).toBe(
      'PointTableFileError: p.f32 holds 8 bytes; the header needs 16',
    )
  })

  test('a position off the globe or not a number', async () => {
    for (const [lng, lat] of [
      [-180.5, 29],
      [180.5, 29],
      [119, -90.5],
      [119, 90.5],
      [NaN, 29],
      [119, NaN],
    ])
      expect(await refusal(withColumns(2, []), { 'p.f32': f32(119, 29, lng!, lat!) }), `${lng} ${lat}`).toBe(
        'PointTableFileError: p.f32: point 1 is not a WGS84 position',
      )
  })

  test('a column without a name, with too long or a repeated name, or without a file', async () => {
    const message = 'PointTableFileError: a column of the point header has no name, a repeated name or no file'
    const files = { ...positionsFor(1), 'c.f64': f64(1) }
    const number = (name: unknown, values: unknown = 'c.f64') => ({ name, kind: 'number', values })
    for (const columns of [
      [number(undefined)],
      [number(3)],
      [number('n'.repeat(201))],
      [number('v'), number('v')],
      [number('v', null)],
      [null],
    ])
      expect(await refusal(withColumns(1, columns), files), JSON.stringify(columns)).toBe(message)
  })

  test('a column file that is missing or of another size than the count needs', async () => {
    expect(await refusal(withColumns(1, [{ name: 'v', kind: 'number', values: 'c.f64' }]), positionsFor(1))).toBe(
      'PointTableFileError: c.f64 is missing',
    )
    const text = { name: 't', kind: 'text', values: 't.txt', offsets: 't.u32' }
    expect(await refusal(withColumns(2, [text]), { ...positionsFor(2), 't.u32': u32(0, 1, 2) })).toBe(
      'PointTableFileError: t.txt is missing',
    )
    expect(await refusal(withColumns(2, [text]), { ...positionsFor(2), 't.txt': encoder.encode('ab') })).toBe(
      'PointTableFileError: t.u32 is missing',
    )
    expect(
      await refusal(withColumns(2, [text]), { ...positionsFor(2), 't.txt': encoder.encode('ab'), 't.u32': u32(0, 2) }),
    ).toBe('PointTableFileError: t.u32 holds 8 bytes; the header needs 12')
  })

  test('a column of an unknown kind, or a text column without offsets', async () => {
    const files = { ...positionsFor(1), 'c.txt': encoder.encode('a'), 'c.u32': u32(0, 1) }
    expect(await refusal(withColumns(1, [{ name: 'd', kind: 'date', values: 'c.txt', offsets: 'c.u32' }]), files)).toBe(
      'PointTableFileError: column d: unknown kind',
    )
    expect(await refusal(withColumns(1, [{ name: 't', kind: 'text', values: 'c.txt' }]), files)).toBe(
      'PointTableFileError: column t: unknown kind',
    )
  })

  test('text offsets that do not start at 0, do not end at the text’s end, or go back', async () => {
    const header = withColumns(2, [{ name: 't', kind: 'text', values: 't.txt', offsets: 't.u32' }])
    const message = 'PointTableFileError: t.u32: the offsets do not fit the text of column t'
    for (const offsets of [
      [1, 1, 3],
      [0, 1, 2],
      [0, 2, 1],
      [0, 4, 3],
    ])
      expect(
        await refusal(header, { ...positionsFor(2), 't.txt': encoder.encode('甲乙丙'), 't.u32': u32(...offsets) }),
        offsets.join(),
      ).toBe(message)
  })
})
