/**
 * 本机数据's IndexedDB backend (kept-idb.ts): what is written is read back, through the writer worker
 * or, where the worker cannot start or dies, from the page; a large point set goes to the worker in
 * pieces; a full disk in the worker still reads as a full disk on the page.
 *
 * Real: idb-keyval, the worker's script (kept-idb.worker.ts, its request handler run in-process) and
 * the split/join protocol. Stood in: IndexedDB by fake-indexeddb (a fresh database per test), and the
 * page's Worker by KeptWorkerStandIn below, which clones each message as postMessage does, hands it to
 * the worker script's own onmessage and its replies back to the page; it can be made to refuse to
 * start or to crash (an ErrorEvent) on a chosen message.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb'
import { idbBackend, KEPT_DATABASE } from '../../../../src/user-data/kept/kept-idb'
import { isQuotaError } from '../../../../src/user-data/kept/kept-storage'

interface MadeWorker {
  script: string
  options: WorkerOptions | undefined
  /** Every message the page posted, as the worker received it (after structured clone). */
  requests: unknown[]
  terminated: boolean
}

interface WorkerScope {
  onmessage: ((event: MessageEvent) => unknown) | null
  postMessage(reply: unknown): void
}

/** Workers' scripts being loaded: a test ends only once they have (they need the stubbed `self`). */
const loading: Promise<unknown>[] = []

function stubKeptWorker(options: { refuseToStart?: boolean; crashOn?: (messageNumber: number) => boolean } = {}) {
  const made: MadeWorker[] = []
  let attempts = 0
  class KeptWorkerStandIn {
    onmessage: ((event: MessageEvent) => void) | null = null
    onerror: ((event: ErrorEvent) => void) | null = null
    private readonly record: MadeWorker
    /** The worker script's scope once loaded, and the messages handed to it in order. */
    private scope: WorkerScope | null = null
    private queue: Promise<void>
    constructor(script: URL | string, workerOptions?: WorkerOptions) {
      attempts++
      if (options.refuseToStart) throw new DOMException('Workers are blocked here.', 'SecurityError')
      const record: MadeWorker = { script: String(script), options: workerOptions, requests: [], terminated: false }
      this.record = record
      made.push(record)
      const scope: WorkerScope = {
        onmessage: null,
        postMessage: (reply) =>
          queueMicrotask(() => {
            if (!record.terminated) this.onmessage?.({ data: structuredClone(reply) } as MessageEvent)
          }),
      }
      this.queue = (async () => {
        if (!record.script.endsWith('/kept-idb.worker.ts')) throw new Error(`no stand-in for ${record.script}`)
        vi.resetModules()
        vi.stubGlobal('self', scope)
        await import('../../../../src/user-data/kept/kept-idb.worker')
      })().then(() => {
        this.scope = scope
      })
      loading.push(this.queue)
    }
    postMessage(request: unknown) {
      const data: unknown = structuredClone(request) // throws DataCloneError, as postMessage does
      this.record.requests.push(data)
      if (options.crashOn?.(this.record.requests.length)) {
        // Dies on this message, before the page's next task, however long its script took to load.
        queueMicrotask(() => {
          if (!this.record.terminated) this.onerror?.({ message: 'the worker died', preventDefault() {} } as ErrorEvent)
        })
        return
      }
      this.queue = this.queue.then(() => {
        if (!this.record.terminated) void this.scope?.onmessage?.({ data } as MessageEvent)
      })
    }
    terminate() {
      this.record.terminated = true
    }
  }
  vi.stubGlobal('Worker', KeptWorkerStandIn)
  return { made, attempts: () => attempts }
}

const features = {
  kind: 'features',
  collection: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { 名称: '东关桥' } }] },
}

const points = () => ({
  kind: 'points',
  table: {
    length: 2,
    positions: new Float32Array([119.7, 29.1, 119.8, 29.2]),
    columns: [
      { name: 'pm25', kind: 'number', values: new Float64Array([35, 12]) },
      { name: '名称', kind: 'text', text: '东关桥洪坞桥', offsets: new Uint32Array([0, 3, 6]) },
    ],
  },
})

/** Resolves to 'pending' when the promise has not settled after a few tasks. */
async function stateAfterAWhile(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  const timeout = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 50))
  return Promise.race([
    promise.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    timeout,
  ])
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory())
})

afterEach(async () => {
  await Promise.allSettled(loading.splice(0))
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('idbBackend', () => {
  it('is null where IndexedDB is missing, null, or refused', () => {
    vi.stubGlobal('indexedDB', undefined)
    expect(idbBackend()).toBeNull()
    vi.stubGlobal('indexedDB', null)
    expect(idbBackend()).toBeNull()
    vi.unstubAllGlobals()
    const own = Object.getOwnPropertyDescriptor(globalThis, 'indexedDB')
    Object.defineProperty(globalThis, 'indexedDB', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    })
    try {
      expect(idbBackend()).toBeNull()
    } finally {
      if (own) Object.defineProperty(globalThis, 'indexedDB', own)
      else delete (globalThis as { indexedDB?: unknown }).indexedDB
    }
  })

  it('writes through the worker, into the store the worker also opens; reads, lists and deletes', async () => {
    const { made } = stubKeptWorker()
    const backend = idbBackend()!
    await backend.set('layer:user-1', features)
    await backend.set('index', { version: 1, entries: [] })
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ options: { type: 'module', name: 'kept' }, terminated: false })
    expect(made[0]!.script).toMatch(/\/kept-idb\.worker\.ts$/)
    expect(made[0]!.requests).toEqual([
      { id: 0, key: 'layer:user-1', value: features },
      { id: 1, key: 'index', value: { version: 1, entries: [] } },
    ])
    expect(await backend.get('layer:user-1')).toEqual(features)
    expect((await backend.keys()).sort()).toEqual(['index', 'layer:user-1'])
    await backend.del('layer:user-1')
    expect(await backend.get('layer:user-1')).toBeUndefined()
    expect(await backend.keys()).toEqual(['index'])
    const names = await indexedDB.databases()
    expect(names.map((d) => d.name)).toEqual([KEPT_DATABASE])
  })

  it('sends a large point set in pieces, one a task, and it arrives whole, typed arrays and all', async () => {
    const { made } = stubKeptWorker()
    const backend = idbBackend()!
    const value = points()
    await backend.set('layer:user-2', value)
    const requests = made[0]!.requests
    // Positions, the numbers, the text column's offsets and text: then the skeleton naming 4 parts.
    expect(requests).toHaveLength(5)
    expect(requests.slice(0, 4)).toEqual([
      { id: 0, part: value.table.positions },
      { id: 0, part: value.table.columns[0]!.values },
      { id: 0, part: value.table.columns[1]!.offsets },
      { id: 0, part: value.table.columns[1]!.text },
    ])
    expect(requests[4]).toMatchObject({ id: 0, key: 'layer:user-2', parts: 4 })
    const read = (await backend.get('layer:user-2')) as ReturnType<typeof points>
    expect(read).toEqual(value)
    expect(read.table.positions).toBeInstanceOf(Float32Array)
  })

  it('a full disk in the worker reaches the page as a quota error, with its message', async () => {
    stubKeptWorker()
    const backend = idbBackend()!
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const error = await backend.set('layer:user-1', features).then(
      () => null,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'QuotaExceededError', code: 22, message: 'The quota has been exceeded.' })
    expect(isQuotaError(error)).toBe(true)
  })

  it('a value that cannot be cloned is refused at once, as IndexedDB would refuse it', async () => {
    stubKeptWorker()
    const backend = idbBackend()!
    await expect(backend.set('layer:user-1', { kind: 'features', collection: () => null })).rejects.toMatchObject({
      name: 'DataCloneError',
    })
  })

  it('without Worker, or where a worker cannot start, writes from the page (and tries no worker again)', async () => {
    const noWorker = idbBackend()!
    await noWorker.set('a', features)
    expect(await noWorker.get('a')).toEqual(features)

    const { made, attempts } = stubKeptWorker({ refuseToStart: true })
    const backend = idbBackend()!
    await backend.set('b', features)
    await backend.set('c', points())
    expect(await backend.get('b')).toEqual(features)
    expect(await backend.get('c')).toEqual(points())
    expect(made).toEqual([])
    expect(attempts()).toBe(1)
  })

  it('a worker that dies: the write it held is made from the page, and so is every later one', async () => {
    const { made } = stubKeptWorker({ crashOn: (n) => n === 1 })
    const backend = idbBackend()!
    await backend.set('layer:user-1', features)
    expect(await backend.get('layer:user-1')).toEqual(features)
    expect(made[0]!.terminated).toBe(true)
    await backend.set('layer:user-2', points())
    expect(await backend.get('layer:user-2')).toEqual(points())
    expect(made).toHaveLength(1)
    expect(made[0]!.requests).toHaveLength(1)
  })

  it('a worker that dies during a point set: no further piece, nor the skeleton, is sent to it', async () => {
    for (const dyingAt of [1, 4]) {
      vi.stubGlobal('indexedDB', new IDBFactory())
      const { made } = stubKeptWorker({ crashOn: (n) => n === dyingAt })
      const backend = idbBackend()!
      const write = backend.set('layer:user-2', points())
      expect(await stateAfterAWhile(write)).toBe('resolved')
      expect(await backend.get('layer:user-2')).toEqual(points())
      // Long enough for a send that went on (one piece a task) to have sent every piece and the skeleton.
      for (let task = 0; task < 10; task++) await new Promise((next) => setTimeout(next, 0))
      expect(made[0]!.requests).toHaveLength(dyingAt)
    }
  })
})
