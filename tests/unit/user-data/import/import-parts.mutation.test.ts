// The import engine's small parts, one by one: format detection, the problem list, candidates,
// progress and cancellation, the size message, text decoding, positions and CRS conversion.
import type { Geometry, Position } from 'geojson'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { CandidateList, failedSource } from '../../../../src/user-data/import/candidate'
import { positionConverter } from '../../../../src/user-data/import/convert-crs'
import { CRS_LABELS } from '../../../../src/user-data/import/crs-labels'
import { decodeText } from '../../../../src/user-data/import/decode-text'
import { detectContentKind, extensionOf, formatFromExtension } from '../../../../src/user-data/import/detect-format'
import { everyPosition, firstPosition, mapPositions } from '../../../../src/user-data/import/geometry-positions'
import { createAbortError, ImportContext, isImportAborted } from '../../../../src/user-data/import/import-context'
import { ProblemList } from '../../../../src/user-data/import/problem-list'
import { checkSizeLimit, fileFailure, formatMegabytes } from '../../../../src/user-data/import/size-limit'
import { MAX_LISTED_PROBLEMS, type ImportProgress } from '../../../../src/user-data/import/types'

const bytes = (...values: number[]) => new Uint8Array(values)
const text = (value: string) => new TextEncoder().encode(value)

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('detect-format', () => {
  test('extensionOf: the last extension, lower case; none without a dot', () => {
    expect(extensionOf('a.b.GeoJSON')).toBe('geojson')
    expect(extensionOf('README')).toBe('')
    expect(extensionOf('.csv')).toBe('csv')
    expect(extensionOf('a.')).toBe('')
  })

  test.each([
    ['a.csv', 'csv'],
    ['a.TXT', 'csv'],
    ['a.tsv', 'tsv'],
    ['a.tab', 'tsv'],
    ['a.zip', 'shapefile-zip'],
    ['a.shp', 'shapefile-zip'],
    ['a.shx', 'shapefile-zip'],
    ['a.dbf', 'shapefile-zip'],
    ['a.json', 'geojson'],
    ['a', 'geojson'],
  ])('formatFromExtension(%s) is %s', (name, format) => {
    expect(formatFromExtension(name)).toBe(format)
  })

  test('zip signatures, local header or empty archive', () => {
    expect(detectContentKind(bytes(0x50, 0x4b, 0x03, 0x04, 0), 'x.csv')).toBe('zip')
    expect(detectContentKind(bytes(0x50, 0x4b, 0x05, 0x06), 'x.csv')).toBe('zip')
    expect(detectContentKind(new Uint8Array([0x50, 0x4b, 0x03, 0x05, ...text('a'.repeat(40))]), 'x.csv')).toBe(
      'delimited',
    )
  })

  test('UTF-16 byte-order marks either way round', () => {
    expect(detectContentKind(bytes(0xff, 0xfe, 0x61, 0), 'x.csv')).toBe('utf16')
    expect(detectContentKind(bytes(0xfe, 0xff, 0, 0x61), 'x.csv')).toBe('utf16')
  })

  test('empty: nothing, only whitespace, or only a UTF-8 BOM and whitespace', () => {
    expect(detectContentKind(bytes(), 'x.geojson')).toBe('empty')
    expect(detectContentKind(text(' \t\r\n'), 'x.geojson')).toBe('empty')
    expect(detectContentKind(bytes(0xef, 0xbb, 0xbf, 0x20), 'x.geojson')).toBe('empty')
  })

  test('JSON by its first character, whatever the name, after a BOM and whitespace', () => {
    expect(detectContentKind(text('\n {"type":1}'), 'x.csv')).toBe('geojson')
    expect(detectContentKind(text('[1]'), 'x.shp')).toBe('geojson')
    expect(detectContentKind(bytes(0xef, 0xbb, 0xbf, 0x7b), 'x.txt')).toBe('geojson')
  })

  test('shapefile parts by name, before anything else is looked at', () => {
    expect(detectContentKind(text('abc'), 'x.SHP')).toBe('shapefile-part')
    expect(detectContentKind(text('abc'), 'x.shx')).toBe('shapefile-part')
    expect(detectContentKind(bytes(0, 0, 0), 'x.dbf')).toBe('shapefile-part')
  })

  test('binary: a NUL, or more than one control character in twenty', () => {
    expect(detectContentKind(bytes(0x61, 0x00, 0x62), 'x.csv')).toBe('binary')
    const oneInTwenty = new Uint8Array(40).fill(0x61)
    oneInTwenty[5] = 0x01
    oneInTwenty[9] = 0x02
    expect(detectContentKind(oneInTwenty, 'x.csv')).toBe('delimited')
    oneInTwenty[11] = 0x03
    expect(detectContentKind(oneInTwenty, 'x.csv')).toBe('binary')
    // Tab, line breaks and form feed are text.
    expect(detectContentKind(bytes(0x61, 0x09, 0x0a, 0x0d, 0x0c, 0x0c, 0x0c), 'x.csv')).toBe('delimited')
  })

  test('only the first 4096 bytes are looked at for binary', () => {
    const late = new Uint8Array(5000).fill(0x61)
    late[4500] = 0
    expect(detectContentKind(late, 'x.csv')).toBe('delimited')
    late[4095] = 0
    expect(detectContentKind(late, 'x.csv')).toBe('binary')
  })

  test('markup, then the extension decides', () => {
    expect(detectContentKind(text('<kml>'), 'x.kml')).toBe('markup')
    expect(detectContentKind(text('a,b'), 'x.geojson')).toBe('geojson')
    expect(detectContentKind(text('a,b'), 'x.JSON')).toBe('geojson')
    expect(detectContentKind(text('a,b'), 'x.zip')).toBe('binary')
    expect(detectContentKind(text('a,b'), 'x.csv')).toBe('delimited')
    expect(detectContentKind(text('a,b'), 'x')).toBe('delimited')
  })
})

describe('ProblemList', () => {
  test('fills in the file and the defaults, and cuts found to 80 characters', () => {
    const list = new ProblemList('f.csv')
    list.add({ severity: 'warning', message: { zh: '甲', en: 'a' } })
    list.add({
      severity: 'error',
      line: 3,
      featureIndex: 0,
      field: 'column x',
      found: 'y'.repeat(100),
      expected: 'n',
      message: { zh: '乙', en: 'b' },
    })
    expect(list.toArray()).toEqual([
      {
        severity: 'warning',
        file: 'f.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '',
        expected: '',
        message: { zh: '甲', en: 'a' },
      },
      {
        severity: 'error',
        file: 'f.csv',
        featureIndex: 0,
        line: 3,
        field: 'column x',
        found: `${'y'.repeat(79)}…`,
        expected: 'n',
        message: { zh: '乙', en: 'b' },
      },
    ])
    expect(list.errorCount).toBe(1)
  })

  test('whole-file problems come first; feature 0 and line 0 are not whole-file', () => {
    const list = new ProblemList('f')
    const message = (en: string) => ({ zh: en, en })
    list.add({ severity: 'error', featureIndex: 0, message: message('feature 0') })
    list.add({ severity: 'error', line: 0, message: message('line 0') })
    list.add({ severity: 'warning', featureIndex: null, line: null, message: message('file') })
    expect(list.toArray().map((problem) => problem.message.en)).toEqual(['file', 'feature 0', 'line 0'])
  })

  test('at most MAX_LISTED_PROBLEMS, then one line counting errors and warnings left out', () => {
    const list = new ProblemList('f')
    for (let i = 0; i < MAX_LISTED_PROBLEMS; i++)
      list.add({ severity: 'error', line: i + 2, message: { zh: '', en: '' } })
    expect(list.toArray()).toHaveLength(MAX_LISTED_PROBLEMS)
    list.add({ severity: 'warning', line: 1, message: { zh: '', en: '' } })
    const problems = list.toArray()
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(problems.at(-1)).toEqual({
      severity: 'warning',
      file: 'f',
      featureIndex: null,
      line: null,
      field: '',
      found: '1',
      expected: '',
      message: {
        zh: '还有 1 个问题未列出（0 个错误，1 个警告）',
        en: 'and 1 more problems not listed (0 errors, 1 warnings)',
      },
    })
    list.add({ severity: 'error', line: 1, message: { zh: '', en: '' } })
    expect(list.toArray().at(-1)!.severity).toBe('error')
    expect(list.errorCount).toBe(MAX_LISTED_PROBLEMS + 1)
  })

  test('file-level and item-level problems are capped apart, and the overflow of both is counted', () => {
    const list = new ProblemList('f')
    const message = { zh: '', en: '' }
    for (let i = 0; i < 150; i++) list.add({ severity: 'warning', message })
    for (let i = 0; i < 150; i++) list.add({ severity: 'error', line: i + 1, message })
    const problems = list.toArray()
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(problems.slice(0, 150).every((problem) => problem.line === null)).toBe(true)
    expect(problems.at(-1)!.message.en).toBe('and 100 more problems not listed (100 errors, 0 warnings)')
    expect(problems.at(-1)!.severity).toBe('error')
  })
})

describe('CandidateList', () => {
  test('keeps features in order with their origin; null stays null, 0 stays 0', () => {
    const list = new CandidateList()
    const feature = {
      type: 'Feature' as const,
      properties: {},
      geometry: { type: 'Point' as const, coordinates: [1, 2] },
    }
    list.push(feature, { featureIndex: 0, line: null })
    list.push(feature, { featureIndex: null, line: 7 })
    expect(list.length).toBe(2)
    expect(list.features).toEqual([feature, feature])
    expect(list.originAt(0)).toEqual({ featureIndex: 0, line: null })
    expect(list.originAt(1)).toEqual({ featureIndex: null, line: 7 })
    expect(list.originAt(5)).toEqual({ featureIndex: null, line: null })
  })

  test('a failed source has no candidates', () => {
    expect(failedSource()).toEqual({ candidates: new CandidateList(), rejectedCount: 0, failed: true })
    expect(failedSource(3).rejectedCount).toBe(3)
  })
})

describe('ImportContext', () => {
  test('progress: clamped, at most every 1% within a phase, always on a new phase or at 100%', () => {
    const seen: ImportProgress[] = []
    const context = new ImportContext('f', (progress) => seen.push(progress))
    context.progress('reading', -1)
    context.progress('reading', 0.005)
    context.progress('reading', 0.01)
    context.progress('reading', 0.015)
    context.progress('parsing', 0.015)
    context.progress('parsing', 2)
    context.progress('parsing', 1)
    expect(seen).toEqual([
      { phase: 'reading', fraction: 0 },
      { phase: 'reading', fraction: 0.01 },
      { phase: 'parsing', fraction: 0.015 },
      { phase: 'parsing', fraction: 1 },
      { phase: 'parsing', fraction: 1 },
    ])
  })

  test('progress without a listener is fine', () => {
    expect(() => new ImportContext('f').progress('reading', 0.5)).not.toThrow()
  })

  test('checkpoint yields once 30 ms have passed since the last yield, not before', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(0)
    const context = new ImportContext('f')
    const yielded = vi.spyOn(globalThis, 'setTimeout')
    vi.setSystemTime(29)
    await context.checkpoint('parsing', 0)
    expect(yielded).not.toHaveBeenCalled()
    vi.setSystemTime(30)
    const waiting = context.checkpoint('parsing', 0.5)
    await vi.runAllTimersAsync()
    await waiting
    expect(yielded).toHaveBeenCalledTimes(1)
    // The clock restarts after a yield.
    vi.setSystemTime(59)
    await context.checkpoint('parsing', 0.6)
    expect(yielded).toHaveBeenCalledTimes(1)
  })

  test('checkpoint and pause stop with an AbortError once the signal is aborted', async () => {
    const controller = new AbortController()
    const context = new ImportContext('f', undefined, controller.signal)
    await context.checkpoint('parsing', 0)
    await context.pause()
    controller.abort()
    await expect(context.checkpoint('parsing', 0.1)).rejects.toMatchObject({ name: 'AbortError' })
    await expect(context.pause()).rejects.toMatchObject({ name: 'AbortError' })
    expect(() => context.throwIfAborted()).toThrow('import cancelled')
  })

  test('the abort error, and what counts as one', () => {
    const error = createAbortError()
    expect(error).toBeInstanceOf(DOMException)
    expect([error.name, error.message]).toEqual(['AbortError', 'import cancelled'])
    expect(isImportAborted(error)).toBe(true)
    expect(isImportAborted({ name: 'AbortError' })).toBe(true)
    expect(isImportAborted(new Error('AbortError'))).toBe(false)
    expect(isImportAborted(null)).toBe(false)
    expect(isImportAborted('AbortError')).toBe(false)
  })
})

describe('size-limit', () => {
  test('megabytes with one decimal, rounded up; whole numbers without', () => {
    const MB = 1024 * 1024
    expect(formatMegabytes(200 * MB)).toBe('200')
    expect(formatMegabytes(200 * MB + 1)).toBe('200.1')
    expect(formatMegabytes(210239488)).toBe('200.5')
    expect(formatMegabytes(0)).toBe('0')
    expect(formatMegabytes(MB / 4)).toBe('0.3')
  })

  test('the limit itself fits; one byte more is refused with both sizes', () => {
    expect(checkSizeLimit('a.csv', 100, 100)).toBeNull()
    const refused = checkSizeLimit('a.csv', 3 * 1024 * 1024, 1024 * 1024)!
    expect(refused).toMatchObject({ ok: false, format: 'csv', data: null, featureCount: 0 })
    expect(refused.problems).toEqual([
      {
        severity: 'error',
        file: 'a.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '3 MB',
        expected: 'at most 1 MB',
        message: { zh: '文件 3 MB，超过 1 MB 上限', en: 'file is 3 MB, over the 1 MB limit' },
      },
    ])
  })

  test('fileFailure: a failed result of the format the name suggests', () => {
    const message = { zh: '坏', en: 'bad' }
    expect(fileFailure('b.zip', { found: 'x', expected: 'y', message }, 'gbk')).toEqual({
      ok: false,
      data: null,
      format: 'shapefile-zip',
      encoding: 'gbk',
      featureCount: 0,
      rejectedCount: 0,
      geometryTypes: [],
      problems: [
        {
          severity: 'error',
          file: 'b.zip',
          featureIndex: null,
          line: null,
          field: '',
          found: 'x',
          expected: 'y',
          message,
        },
      ],
      crsSuggestions: [],
      bbox: null,
    })
    expect(fileFailure('b.tsv', { found: '', expected: '', message }).encoding).toBeNull()
  })
})

describe('decodeText', () => {
  test('UTF-8 first (a BOM is dropped), else GBK, counting what neither could read', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, 0x61))).toEqual({ text: 'a', encoding: 'utf-8', undecodable: 0 })
    // 金东 in GBK
    expect(decodeText(bytes(0xbd, 0xf0, 0xb6, 0xab))).toEqual({ text: '金东', encoding: 'gbk', undecodable: 0 })
    // 0x81 followed by a space is no GBK character: one U+FFFD each time.
    expect(decodeText(bytes(0xbd, 0xf0, 0x81, 0x20, 0x81, 0x20))).toEqual({
      text: '金\ufffd \ufffd ',
      encoding: 'gbk',
      undecodable: 2,
    })
    expect(decodeText(bytes(0x81, 0x20, 0x81, 0x20, 0x81, 0x20)).undecodable).toBe(3)
  })
})

describe('geometry-positions', () => {
  const geometries: Geometry[] = [
    { type: 'Point', coordinates: [1, 2] },
    {
      type: 'MultiPoint',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    },
    {
      type: 'LineString',
      coordinates: [
        [1, 2],
        [3, 4],
      ],
    },
    { type: 'MultiLineString', coordinates: [[[1, 2]], [[3, 4]]] },
    { type: 'Polygon', coordinates: [[[1, 2]], [[3, 4]]] },
    { type: 'MultiPolygon', coordinates: [[[[1, 2]]], [[[3, 4]]]] },
    {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [1, 2] },
        { type: 'LineString', coordinates: [[3, 4]] },
      ],
    },
  ]
  const walk = (geometry: Geometry, stopAfter = Infinity) => {
    const seen: Position[] = []
    const finished = everyPosition(geometry, (position) => {
      seen.push(position)
      return seen.length < stopAfter
    })
    return { seen, finished }
  }

  test.each(geometries.map((geometry) => [geometry.type, geometry] as const))(
    '%s: every position in order, stopping when asked',
    (type, geometry) => {
      const all = walk(geometry)
      expect(all.seen).toEqual(
        type === 'Point'
          ? [[1, 2]]
          : [
              [1, 2],
              [3, 4],
            ],
      )
      expect(all.finished).toBe(true)
      const first = walk(geometry, 1)
      expect(first).toEqual({ seen: [[1, 2]], finished: false })
      expect(firstPosition(geometry)).toEqual([1, 2])
    },
  )

  test.each(geometries.map((geometry) => [geometry.type, geometry] as const))(
    '%s: mapPositions rebuilds the same shape with converted positions',
    (_, geometry) => {
      const before = JSON.stringify(geometry)
      const mapped = mapPositions(geometry, ([x, y]) => [x! * 10, y! * 10])
      expect(JSON.stringify(mapped)).toBe(before.replace(/\d+/g, (digit) => String(Number(digit) * 10)))
      expect(JSON.stringify(geometry)).toBe(before)
    },
  )

  test('an empty geometry has no first position', () => {
    expect(firstPosition({ type: 'LineString', coordinates: [] })).toBeNull()
    expect(firstPosition({ type: 'GeometryCollection', geometries: [] })).toBeNull()
  })
})

describe('positionConverter', () => {
  test('nothing to do for auto and WGS84', () => {
    expect(positionConverter('auto')).toBeNull()
    expect(positionConverter('EPSG:4326')).toBeNull()
  })

  test('swapping keeps heights and measures', () => {
    expect(positionConverter('swap-axes')!([29.1, 119.7, 12, 3])).toEqual([119.7, 29.1, 12, 3])
  })

  test('GCJ-02 and BD-09 shift by their own offsets and keep the height, without touching the input', () => {
    const input = [119.7, 29.1, 50]
    const fromGcj = positionConverter('GCJ-02')!(input)
    const fromBd = positionConverter('BD-09')!(input)
    expect(input).toEqual([119.7, 29.1, 50])
    expect(fromGcj[2]).toBe(50)
    expect(fromBd[2]).toBe(50)
    // GCJ-02 lies a few hundred metres north-east of WGS84 here; BD-09 a little further.
    expect(fromGcj[0]).toBeCloseTo(119.6953, 3)
    expect(fromGcj[1]).toBeCloseTo(29.1028, 3)
    expect(fromBd[0]).toBeLessThan(fromGcj[0]!)
    expect(fromBd[1]).toBeLessThan(fromGcj[1]!)
  })

  test('projected metres through proj4; NaN where the projection has no answer', () => {
    const [lng, lat, height] = positionConverter('EPSG:3857')!([13_323_286, 3_387_577, 7])
    expect(lng).toBeCloseTo(119.685, 3)
    expect(lat).toBeCloseTo(29.094, 3)
    expect(height).toBe(7)
    expect(positionConverter('CGCS2000-GK-3deg-120')!([1e20, 1e20, 1])).toEqual([Number.NaN, Number.NaN, 1])
  })

  test('every declarable CRS has a label in both languages', () => {
    expect(Object.keys(CRS_LABELS).sort()).toEqual(
      [
        'BD-09',
        'CGCS2000-GK-3deg-120',
        'CGCS2000-GK-6deg-20',
        'EPSG:3857',
        'EPSG:4326',
        'GCJ-02',
        'auto',
        'swap-axes',
      ].sort(),
    )
    expect(CRS_LABELS['GCJ-02']).toEqual({ zh: 'GCJ-02（高德、腾讯）', en: 'GCJ-02 (AMap, Tencent)' })
  })
})
