/**
 * The browser's side of 本机数据: one IndexedDB database through idb-keyval (a 600-byte promise
 * wrapper over one object store, kept up by Jake Archibald). Dexie would add schemas and queries that
 * a handful of keys do not need. Null where IndexedDB is missing or refused (some private modes).
 * Values are written by a worker (kept-idb.worker.ts), so serialising a large point set does not
 * block the page; where the worker cannot run, they are written here.
 */
import { createStore, del, get, keys, set } from 'idb-keyval'
import type { KeptBackend } from './kept-storage'
import { KEPT_DATABASE, splitPoints, type KeptWriteReply } from './kept-idb-protocol'

export { KEPT_DATABASE }

type Writer = (key: string, value: unknown) => Promise<void>

/** An error with the name and code the worker saw, so a full store still reads as one (isQuotaError). */
function replyError(reply: Extract<KeptWriteReply, { ok: false }>): Error {
  const error = new Error(reply.message) as Error & { code: number }
  error.name = reply.name
  error.code = reply.code
  return error
}

function workerWriter(fallback: Writer): Writer {
  let worker: Worker | null = null
  let broken = typeof Worker === 'undefined'
  let nextId = 0
  const pending = new Map<number, { resolve(): void; reject(error: unknown): void; key: string; value: unknown }>()
  const start = (): Worker => {
    const created = new Worker(new URL('./kept-idb.worker.ts', import.meta.url), { type: 'module', name: 'kept' })
    created.onmessage = (event: MessageEvent<KeptWriteReply>) => {
      const reply = event.data
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      if (reply.ok) waiting.resolve()
      else waiting.reject(replyError(reply))
    }
    // The worker failed to load or died: write here from now on, these writes included.
    created.onerror = (event) => {
      event.preventDefault()
      broken = true
      created.terminate()
      worker = null
      const retry = [...pending.values()]
      pending.clear()
      for (const write of retry) fallback(write.key, write.value).then(write.resolve, write.reject)
    }
    return created
  }
  return (key, value) => {
    if (broken) return fallback(key, value)
    try {
      worker ??= start()
    } catch {
      broken = true
      return fallback(key, value)
    }
    const id = nextId++
    const target = worker
    return new Promise<void>((resolve, reject) => {
      pending.set(id, { resolve, reject, key, value })
      const send = async () => {
        const split = splitPoints(value)
        if (!split) return target.postMessage({ id, key, value })
        // One piece a task: the page never clones a whole large point set at once.
        for (const part of split.parts) {
          if (worker !== target) return // the worker died: onerror has written it here instead
          target.postMessage({ id, part })
          await new Promise((next) => setTimeout(next, 0))
        }
        if (worker === target) target.postMessage({ id, key, value: split.skeleton, parts: split.parts.length })
      }
      send().catch((error: unknown) => {
        // Not cloneable: IndexedDB would refuse it the same way.
        if (pending.delete(id)) reject(error)
      })
    })
  }
}

export function idbBackend(): KeptBackend | null {
  try {
    if (typeof indexedDB === 'undefined' || !indexedDB) return null
    const store = createStore(KEPT_DATABASE, 'kept')
    const write = workerWriter((key, value) => set(key, value, store))
    return {
      get: (key) => get(key, store),
      set: write,
      del: (key) => del(key, store),
      keys: async () => (await keys(store)).map(String),
    }
  } catch {
    return null
  }
}
