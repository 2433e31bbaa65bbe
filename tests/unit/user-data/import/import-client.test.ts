// The import job (startImport, import-client.ts) with the worker's request handler run in-process: the
// size limit, cancelling, progress and failures, settling once, and a 100,000-feature file.
import { afterEach, describe, expect, test, vi } from 'vitest'
import {
  IMPORT_MARKS,
  startImport,
  type ImportJob,
  type ImportWorkerPort,
} from '../../../../src/user-data/import/import-client'
import { importBytes, isImportAborted } from '../../../../src/user-data/import/import-file'
import type { ImportWorkerMessage, ImportWorkerRequest } from '../../../../src/user-data/import/import-protocol'
import { handleImportRequest, type ImportEngine } from '../../../../src/user-data/import/import-worker-loop'
import { formatMegabytes } from '../../../../src/user-data/import/size-limit'
import {
  DEFAULT_MAX_IMPORT_BYTES,
  type ImportProgress,
  type ImportResult,
} from '../../../../src/user-data/import/types'
import { formatImportProblem } from '../../../../src/user-data/import/import-issues'
import { MANY_FEATURES_COUNT, manyFeaturesText } from '../../../fixtures/large-fixtures'
import { stubWorkers } from '../../support/in-process-workers'
import type { PointTable } from '../../../../src/user-data/tables/point-table'

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const MB = 1024 * 1024
const manyFeatures = new TextEncoder().encode(manyFeaturesText())
const smallFile = () => new File([new TextEncoder().encode('lng,lat\n119.7,29.1\n')], 'small.csv')

/** A File that claims a size without holding the bytes, and fails if anyone reads it. */
function fileOfSize(size: number, name = 'huge.geojson'): File {
  const file = new File(['{}'], name)
  Object.defineProperty(file, 'size', { value: size })
  file.arrayBuffer = () => Promise.reject(new Error('read a file that should have been refused'))
  return file
}

/**
 * A stand-in for the worker: the same request handler the worker runs, in-process. Its posts arrive
 * as a worker's messages do: each in a later task, in order, and none after terminate().
 * `engine` replaces importBytes for failure tests.
 */
function inProcessPort(engine?: ImportEngine): ImportWorkerPort & { terminated: boolean; handled?: Promise<void> } {
  const port = {
    onmessage: null as ImportWorkerPort['onmessage'],
    onerror: null as ImportWorkerPort['onerror'],
    terminated: false,
    handled: undefined as Promise<void> | undefined,
    postMessage(request: ImportWorkerRequest) {
      const send = (message: ImportWorkerMessage) => {
        setTimeout(() => {
          if (!port.terminated) port.onmessage?.({ data: message } as MessageEvent<ImportWorkerMessage>)
        })
      }
      port.handled = handleImportRequest(request, send, engine)
    },
    terminate() {
      port.terminated = true
    },
  }
  return port
}

/**
 * The job's result, or an error as soon as the in-process worker is done and none came: its last
 * message is delivered in a task queued before the one that gives up.
 */
async function resultOf(job: ImportJob, port: ReturnType<typeof inProcessPort>): Promise<ImportResult> {
  const gaveUp = port
    .handled!.then(() => new Promise((resolve) => setTimeout(resolve)))
    .then(() => {
      throw new Error('the worker loop finished, and neither a result nor a failure reached the client')
    })
  return Promise.race([job.promise, gaveUp])
}

/** A worker that never answers, for cancelling. */
function silentPort(): ImportWorkerPort & { terminated: boolean } {
  return {
    onmessage: null,
    onerror: null,
    terminated: false,
    postMessage() {},
    terminate() {
      this.terminated = true
    },
  }
}

describe('the size limit', () => {
  test('is 200 MB by default and shown with one decimal, rounded up', () => {
    expect(DEFAULT_MAX_IMPORT_BYTES).toBe(200 * MB)
    expect(formatMegabytes(200 * MB)).toBe('200')
    expect(formatMegabytes(200.5 * MB)).toBe('200.5')
    expect(formatMegabytes(200 * MB + 1)).toBe('200.1')
  })

  test('startImport refuses a file over the limit before reading it or starting a worker', async () => {
    const createWorker = vi.fn(inProcessPort)
    const job = startImport(fileOfSize(200.5 * MB), { declaredCrs: 'auto' }, createWorker)
    const result = await job.promise
    expect(createWorker).not.toHaveBeenCalled()
    expect(result).toMatchObject({ ok: false, data: null, featureCount: 0 })
    expect(formatImportProblem(result.problems[0]!, 'zh')).toBe('文件 huge.geojson：文件 200.5 MB，超过 200 MB 上限')
    expect(formatImportProblem(result.problems[0]!, 'en')).toBe('huge.geojson: file is 200.5 MB, over the 200 MB limit')
    job.cancel() // harmless once settled
  })

  test('a lower limit can be passed, and importBytes enforces it too', async () => {
    const job = startImport(fileOfSize(3 * MB), { declaredCrs: 'auto', maxBytes: 2 * MB }, inProcessPort)
    expect((await job.promise).problems[0]!.message.en).toBe('file is 3 MB, over the 2 MB limit')
    const direct = await importBytes(new Uint8Array(MB + 1), { fileName: 'a.csv', declaredCrs: 'auto', maxBytes: MB })
    expect(direct.ok).toBe(false)
    expect(direct.format).toBe('csv')
    expect(direct.problems[0]!.message.en).toBe('file is 1.1 MB, over the 1 MB limit')
  })
})

describe('cancelling', () => {
  test('an aborted signal rejects with an AbortError before any work', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await importBytes(
      manyFeatures,
      { fileName: 'many.geojson', declaredCrs: 'auto' },
      undefined,
      controller.signal,
    ).catch((reason: unknown) => reason)
    expect(isImportAborted(error)).toBe(true)
    expect((error as DOMException).name).toBe('AbortError')
  })

  test('aborting mid-way stops between chunks', async () => {
    const controller = new AbortController()
    const phases: ImportProgress[] = []
    const onProgress = (progress: ImportProgress) => {
      phases.push(progress)
      if (progress.phase === 'validating' && progress.fraction > 0.2) controller.abort()
    }
    const error = await importBytes(
      manyFeatures,
      { fileName: 'many.geojson', declaredCrs: 'auto' },
      onProgress,
      controller.signal,
    ).catch((reason: unknown) => reason)
    expect(isImportAborted(error)).toBe(true)
    expect(phases.some((progress) => progress.phase === 'converting')).toBe(false)
  })

  test('an abort from a timer gets a turn while a large file is imported', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    const error = await importBytes(
      manyFeatures,
      { fileName: 'many.geojson', declaredCrs: 'auto' },
      undefined,
      controller.signal,
    ).catch((reason: unknown) => reason)
    expect(isImportAborted(error)).toBe(true)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test('ImportJob.cancel terminates the worker and rejects with an AbortError', async () => {
    const port = silentPort()
    const job = startImport(smallFile(), { declaredCrs: 'auto' }, () => port)
    job.cancel()
    const error = await job.promise.catch((reason: unknown) => reason)
    expect(isImportAborted(error)).toBe(true)
    expect(port.terminated).toBe(true)
  })
})

describe('the import job', () => {
  test('reports progress through the phases and resolves with the result', async () => {
    const port = inProcessPort()
    const job = startImport(new File([manyFeatures], 'many.geojson'), { declaredCrs: 'auto' }, () => port)
    const progress: ImportProgress[] = []
    job.onProgress((p) => progress.push(p))
    const result = await job.promise
    expect(result.featureCount).toBe(MANY_FEATURES_COUNT)
    expect(port.terminated).toBe(true)
    const order = ['reading', 'parsing', 'validating', 'converting']
    const phaseIndexes = progress.map((p) => order.indexOf(p.phase))
    expect(phaseIndexes).toEqual([...phaseIndexes].sort((a, b) => a - b))
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(order))
    expect(progress.at(-1)).toEqual({ phase: 'converting', fraction: 1 })
    expect(progress.every((p) => p.fraction >= 0 && p.fraction <= 1)).toBe(true)
  })

  test('a file that cannot be read gives a failed result naming the error', async () => {
    const file = smallFile()
    file.arrayBuffer = () => Promise.reject(new DOMException('the file was moved', 'NotReadableError'))
    const port = inProcessPort()
    const job = startImport(file, { declaredCrs: 'auto' }, () => port)
    const progress: ImportProgress[] = []
    job.onProgress((p) => progress.push(p))
    const result = await resultOf(job, port)
    expect(result).toMatchObject({ ok: false, data: null, featureCount: 0 })
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message.en).toBe(
      'the file could not be read (NotReadableError: the file was moved) (moved, deleted or not permitted?); ' +
        'the data already loaded is unaffected',
    )
    expect(formatImportProblem(result.problems[0]!, 'zh')).toContain(
      '无法读取文件（NotReadableError: the file was moved）',
    )
    expect(progress).toEqual([{ phase: 'reading', fraction: 0 }])
    expect(port.terminated).toBe(true)
  })

  test('an engine that throws gives a failed result, after the progress it reported', async () => {
    const engine: ImportEngine = async (_bytes, _options, onProgress) => {
      onProgress?.({ phase: 'parsing', fraction: 0.5 })
      throw new RangeError('Invalid typed array length: 4294967296')
    }
    const port = inProcessPort(engine)
    const job = startImport(smallFile(), { declaredCrs: 'auto' }, () => port)
    const progress: ImportProgress[] = []
    job.onProgress((p) => progress.push(p))
    const result = await resultOf(job, port)
    expect(result.ok).toBe(false)
    expect(result.problems[0]!.message.en).toMatch(
      /^the browser ran out of memory reading this file \(RangeError: Invalid typed array length: 4294967296\)/,
    )
    expect(progress.map((p) => p.phase)).toEqual(['reading', 'parsing'])
  })

  test('the worker loop posts progress then exactly one failure, and does not reject', async () => {
    const posted: ImportWorkerMessage[] = []
    const engine: ImportEngine = () => Promise.reject('not an Error')
    await expect(
      handleImportRequest({ file: smallFile(), options: { declaredCrs: 'auto' } }, (m) => posted.push(m), engine),
    ).resolves.toBeUndefined()
    expect(posted).toEqual([
      { type: 'progress', progress: { phase: 'reading', fraction: 0 } },
      { type: 'failure', message: 'not an Error' },
    ])
  })

  test('the worker loop passes the file name and options to the engine and posts its result last', async () => {
    const posted: ImportWorkerMessage[] = []
    await handleImportRequest({ file: smallFile(), options: { declaredCrs: 'auto', maxBytes: MB } }, (m) =>
      posted.push(m),
    )
    const last = posted.at(-1)!
    expect(last.type).toBe('result')
    expect(last.type === 'result' && last.result).toMatchObject({ ok: true, format: 'csv', featureCount: 1 })
    expect(posted.slice(0, -1).every((m) => m.type === 'progress')).toBe(true)
  })

  test('a worker that crashes gives a failed result, not an exception', async () => {
    const port = silentPort()
    const job = startImport(smallFile(), { declaredCrs: 'auto' }, () => port)
    port.onerror?.({} as ErrorEvent)
    const result = await job.promise
    expect(result.ok).toBe(false)
    expect(result.problems[0]!.message.en).toBe(
      'the import worker stopped or could not load; try again. the data already loaded is unaffected',
    )
    expect(result.problems[0]!.message.en).not.toMatch(/too large|memory/)
    expect(port.terminated).toBe(true)
  })
})

describe('a 100,000-feature file', () => {
  test('imports with every feature, in reasonable time', { timeout: 60_000 }, async () => {
    const started = Date.now()
    const result = await importBytes(manyFeatures, { fileName: 'many.geojson', declaredCrs: 'auto' })
    expect(result).toMatchObject({
      ok: true,
      featureCount: 100_000,
      rejectedCount: 0,
      geometryTypes: ['Point'],
      data: null,
    })
    // Over 50,000 points: a point table for deck.gl, and one notice saying so (draw-budget.ts).
    expect(result.points!.length).toBe(100_000)
    expect(result.problems.map((p) => p.severity)).toEqual(['warning'])
    expect(Date.now() - started).toBeLessThan(30_000)
  })
})

const utf8 = (text: string) => new TextEncoder().encode(text)

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

describe('the worker the page starts', () => {
  test('is the module script import.worker.ts, named "import", sent the file and options', async () => {
    const workers = stubWorkers()
    const sent = smallFile()
    const result = await startImport(sent, { declaredCrs: 'auto', maxBytes: MB }).promise
    expect(result).toMatchObject({ ok: true, format: 'csv', featureCount: 1 })
    expect(workers).toHaveLength(1)
    expect(workers[0]!.script).toMatch(/\/import\.worker\.ts$/)
    expect(workers[0]!.options).toEqual({ type: 'module', name: 'import' })
    expect(workers[0]!.requests).toEqual([{ file: sent, options: { declaredCrs: 'auto', maxBytes: MB } }])
    expect(workers[0]!.terminated).toBe(true)
  })

  test("a worker that fails to load gives a failed import quoting the browser's message", async () => {
    stubWorkers({ crash: 'Failed to fetch a worker script' })
    const result = await startImport(smallFile(), { declaredCrs: 'auto' }).promise
    expect(result).toMatchObject({ ok: false, featureCount: 0 })
    expect(result.problems[0]!.found).toBe('Failed to fetch a worker script')
    expect(result.problems[0]!.message.en).toBe(
      'the import worker stopped or could not load (Failed to fetch a worker script); try again. ' +
        'the data already loaded is unaffected',
    )
  })
  test('a worker that cannot be made gives a failed import, not a rejection', async () => {
    const job = startImport(smallFile(), { declaredCrs: 'auto' }, () => {
      throw new DOMException('workers are blocked by the content security policy', 'SecurityError')
    })
    const result = await job.promise
    expect(result).toMatchObject({ ok: false, data: null, featureCount: 0 })
    expect(result.problems[0]!.message.en).toBe(
      'the import worker stopped or could not load (SecurityError: workers are blocked by the content security ' +
        'policy); try again. the data already loaded is unaffected',
    )
    job.cancel() // harmless once settled
    expect(await job.promise).toBe(result)
  })
})

describe('startImport with several imports and User Timing', () => {
  test('each job gets its own answer, whichever worker answers first', async () => {
    const ports = [manualPort(), manualPort()]
    const jobs = ports.map((port, i) => startImport(file(), { declaredCrs: 'auto' }, () => ports[i]!))
    const progress: ImportProgress[][] = [[], []]
    jobs.forEach((job, i) => job.onProgress((p) => progress[i]!.push(p)))
    const results = [
      { ok: true, featureCount: 1 },
      { ok: true, featureCount: 2 },
    ] as ImportResult[]
    ports[1]!.send({ type: 'progress', progress: { phase: 'parsing', fraction: 0.5 } })
    ports[1]!.send({ type: 'result', result: results[1]! })
    ports[0]!.send({ type: 'result', result: results[0]! })
    expect(await jobs[0]!.promise).toBe(results[0])
    expect(await jobs[1]!.promise).toBe(results[1])
    expect(progress).toEqual([[], [{ phase: 'parsing', fraction: 0.5 }]])
  })

  test("marks the start, the worker's first message once, and the result", async () => {
    const mark = vi.spyOn(performance, 'mark')
    const port = manualPort()
    const job = startImport(file(), { declaredCrs: 'auto' }, () => port)
    expect(mark.mock.calls.map(([name]) => name)).toEqual([IMPORT_MARKS.start])
    port.send({ type: 'progress', progress: { phase: 'reading', fraction: 0 } })
    port.send({ type: 'progress', progress: { phase: 'parsing', fraction: 0.5 } })
    port.send({ type: 'result', result: someResult })
    expect(await job.promise).toBe(someResult)
    expect(mark.mock.calls.map(([name]) => name)).toEqual([
      IMPORT_MARKS.start,
      IMPORT_MARKS.workerUp,
      IMPORT_MARKS.result,
    ])
  })

  test.each([
    ['no performance', undefined],
    ['a performance without mark', {}],
  ])('imports where User Timing is missing (%s)', async (_case, stand) => {
    const port = manualPort()
    let job: ImportJob
    vi.stubGlobal('performance', stand)
    try {
      job = startImport(file(), { declaredCrs: 'auto' }, () => port)
      port.send({ type: 'progress', progress: { phase: 'reading', fraction: 0 } })
      port.send({ type: 'result', result: someResult })
    } finally {
      vi.unstubAllGlobals()
    }
    expect(await job.promise).toBe(someResult)
  })
})

describe('the worker loop transfers point tables', () => {
  const table = (value: number): PointTable => ({
    length: 1,
    positions: new Float32Array([119.7, 29.1]),
    columns: [
      { name: 'v', kind: 'number', values: new Float64Array([value]) },
      { name: 't', kind: 'text', text: 'a', offsets: new Uint32Array([0, 1]) },
    ],
  })
  const buffers = (t: PointTable) => [
    t.positions.buffer,
    ...t.columns.map((c) => (c.kind === 'number' ? c.values.buffer : c.offsets.buffer)),
  ]

  test("of the result and of a project's point layers, not its other layers", async () => {
    const own = table(1)
    const layered = table(2)
    const result = {
      ok: true,
      points: own,
      project: {
        snapshot: {
          layers: [
            { data: { kind: 'features', collection: { type: 'FeatureCollection', features: [] } } },
            { data: { kind: 'points', table: layered } },
          ],
        },
      },
    } as unknown as ImportResult
    const posted: { message: ImportWorkerMessage; transfer?: Transferable[] }[] = []
    await handleImportRequest(
      { file: smallFile(), options: { declaredCrs: 'auto' } },
      (message, transfer) => posted.push({ message, transfer }),
      async () => result,
    )
    expect(posted.at(-1)).toEqual({
      message: { type: 'result', result },
      transfer: [...buffers(own), ...buffers(layered)],
    })
  })
})
