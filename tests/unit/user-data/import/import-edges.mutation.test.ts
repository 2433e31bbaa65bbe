// Edges of the import engine the mutation run showed untested: problem overflow by severity, the
// job's settle-once rules, the structural net for GeoJSON, undecodable text, and a few boundaries.
import type { Geometry, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { detectContentKind } from '../../../../src/user-data/import/detect-format'
import { everyPosition } from '../../../../src/user-data/import/geometry-positions'
import { checkGeometryStructure } from '../../../../src/user-data/import/geometry-structure'
import { startImport, type ImportWorkerPort } from '../../../../src/user-data/import/import-client'
import { isImportAborted } from '../../../../src/user-data/import/import-context'
import { importBytes } from '../../../../src/user-data/import/import-file'
import type { ImportWorkerMessage } from '../../../../src/user-data/import/import-protocol'
import { lineAndColumn, scanJson } from '../../../../src/user-data/import/json-syntax'
import { ProblemList } from '../../../../src/user-data/import/problem-list'
import { MAX_LISTED_PROBLEMS, type ImportResult } from '../../../../src/user-data/import/types'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('ProblemList overflow', () => {
  test('warnings left out are counted as warnings, even when errors were listed', () => {
    const list = new ProblemList('f')
    const message = { zh: '', en: '' }
    for (let i = 0; i < 150; i++) list.add({ severity: 'error', message })
    for (let i = 0; i < 150; i++) list.add({ severity: 'warning', line: i + 1, message })
    const problems = list.toArray()
    expect(problems).toHaveLength(MAX_LISTED_PROBLEMS + 1)
    expect(problems.at(-1)).toMatchObject({
      severity: 'warning',
      found: '100',
      message: {
        zh: '还有 100 个问题未列出（0 个错误，100 个警告）',
        en: 'and 100 more problems not listed (0 errors, 100 warnings)',
      },
    })
  })
})

describe('isImportAborted', () => {
  test('only objects named AbortError, not a function of that name', () => {
    function AbortError() {}
    expect(isImportAborted(AbortError)).toBe(false)
  })
})

describe('everyPosition stops inside a part', () => {
  const twoEach: Geometry[] = [
    {
      type: 'MultiLineString',
      coordinates: [
        [
          [1, 1],
          [2, 2],
        ],
        [
          [3, 3],
          [4, 4],
        ],
      ],
    },
    {
      type: 'Polygon',
      coordinates: [
        [
          [1, 1],
          [2, 2],
        ],
        [
          [3, 3],
          [4, 4],
        ],
      ],
    },
    {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [1, 1],
            [2, 2],
          ],
          [
            [3, 3],
            [4, 4],
          ],
        ],
      ],
    },
  ]
  test.each(twoEach.map((geometry) => [geometry.type, geometry] as const))('%s', (_, geometry) => {
    const seen: Position[] = []
    expect(everyPosition(geometry, (position) => seen.push(position) < 1)).toBe(false)
    expect(seen).toEqual([[1, 1]])
  })
})

describe('boundaries', () => {
  test('binary detection looks at bytes 0…4095 only', () => {
    const bytes = new Uint8Array(4097).fill(0x61)
    bytes[4096] = 0
    expect(detectContentKind(bytes, 'x.csv')).toBe('delimited')
  })

  test('a null geometry inside a collection is an empty geometry, not a wrong type', () => {
    expect(checkGeometryStructure(null, 'g')).toEqual({
      field: 'g',
      found: 'null',
      expected: 'a geometry with at least one position',
      message: { zh: '几何为空（null），该要素已跳过', en: 'empty geometry (null); the feature was skipped' },
    })
  })

  test('a bad \\u escape ending exactly at the end of the text is a bad string, not a cut', () => {
    expect(scanJson('"\\u12G4')).toMatchObject({ error: { kind: 'bad-string', position: 1 } })
    expect(scanJson('"\\u12G')).toMatchObject({ error: { kind: 'truncated', position: 6 } })
  })

  test('a line break at the very start counts', () => {
    expect(lineAndColumn('\nab', 2)).toEqual({ line: 2, column: 2 })
  })
})

describe('importBytes', () => {
  const feature = (extra: Record<string, unknown>) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [119.7, 29.1] },
    ...extra,
  })

  test('GeoJSON goes through the structural net: a bad bbox member is refused', async () => {
    const text = JSON.stringify({ type: 'FeatureCollection', features: [feature({}), feature({ bbox: 'x' })] })
    const result = await importBytes(utf8(text), { fileName: 'a.geojson', declaredCrs: 'auto' })
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(1)
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        featureIndex: 1,
        expected: 'valid GeoJSON',
        message: {
          zh: 'GeoJSON 检查未通过：not valid GeoJSON: at 0: bbox must be an array',
          en: 'GeoJSON check failed: not valid GeoJSON: at 0: bbox must be an array',
        },
      }),
    ])
  })

  test('text that is neither UTF-8 nor GBK: read anyway, with a warning counting the characters lost', async () => {
    // 0x81 followed by a space is no GBK character.
    const bytes = new Uint8Array([...utf8('lng,lat,name\n119.7,29.1,'), 0x81, 0x20, 0x81, 0x20, 0x0a])
    const result = await importBytes(bytes, { fileName: 'a.csv', declaredCrs: 'auto' })
    expect(result.encoding).toBe('gbk')
    expect(result.featureCount).toBe(1)
    expect(result.problems).toEqual([
      {
        severity: 'warning',
        file: 'a.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '2 undecodable characters',
        expected: 'UTF-8 or GBK text',
        message: {
          zh: '文件既不是 UTF-8 也不是 GBK，有 2 个字符无法识别（显示为 �）',
          en: 'the file is neither UTF-8 nor GBK: 2 characters could not be decoded (shown as �)',
        },
      },
    ])
  })
})

/** A worker stand-in whose messages the test sends by hand; counts terminate() calls. */
function manualPort() {
  const port = {
    onmessage: null as ImportWorkerPort['onmessage'],
    onerror: null as ImportWorkerPort['onerror'],
    terminations: 0,
    postMessage() {},
    terminate() {
      port.terminations++
    },
    send(message: ImportWorkerMessage) {
      port.onmessage?.({ data: message } as MessageEvent<ImportWorkerMessage>)
    },
  }
  return port
}

const file = () => new File([utf8('lng,lat\n119.7,29.1\n')], 'small.csv')
const someResult = { ok: true, featureCount: 1 } as ImportResult

describe('startImport settles once', () => {
  test('the first result wins; the worker is terminated once', async () => {
    const port = manualPort()
    const job = startImport(file(), { declaredCrs: 'auto' }, () => port)
    port.send({ type: 'result', result: someResult })
    port.send({ type: 'failure', message: 'late' })
    expect(await job.promise).toBe(someResult)
    expect(port.terminations).toBe(1)
  })

  test('after a cancel, a late result neither resolves nor terminates again; cancelling twice is once', async () => {
    const port = manualPort()
    const job = startImport(file(), { declaredCrs: 'auto' }, () => port)
    job.cancel()
    job.cancel()
    port.send({ type: 'result', result: someResult })
    expect(isImportAborted(await job.promise.catch((reason: unknown) => reason))).toBe(true)
    expect(port.terminations).toBe(1)
  })

  test('a cancel after the result changes nothing', async () => {
    const port = manualPort()
    const job = startImport(file(), { declaredCrs: 'auto' }, () => port)
    port.send({ type: 'result', result: someResult })
    job.cancel()
    expect(await job.promise).toBe(someResult)
    expect(port.terminations).toBe(1)
  })

  test('a worker error without a message still names something', async () => {
    const port = manualPort()
    const job = startImport(file(), { declaredCrs: 'auto' }, () => port)
    port.onerror?.({ message: '' } as ErrorEvent)
    const result = await job.promise
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'small.csv',
        found: 'worker-stopped',
        expected: 'the import to finish',
      }),
    ])
  })
})
