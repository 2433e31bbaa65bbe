/**
 * Changes that could not be sent because the server could not be reached: kept in the browser
 * (IndexedDB, so a reload or a closed tab loses nothing), listed in the server banner, and sent when
 * the server answers again, under the session of the person who made them. A change the server then
 * refuses is taken out of the box and its refusal is said: never dropped silently.
 */
import type { Bilingual } from '../domain/types'

export interface PendingChange {
  id: string
  /** Who made it: it is sent only under this person's session. */
  by: string
  madeAt: string
  /** What it is, for the banner ("发布项目：说明…"). */
  label: Bilingual
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  headers?: Record<string, string>
  json?: unknown
  body?: Blob
}

/** Where the changes are kept: IndexedDB in the browser, a Map in tests. */
export interface OutboxStorage {
  all(): Promise<PendingChange[]>
  put(change: PendingChange): Promise<void>
  remove(id: string): Promise<void>
}

export function memoryOutbox(): OutboxStorage {
  const items = new Map<string, PendingChange>()
  return {
    all: async () => [...items.values()],
    put: async (change) => void items.set(change.id, change),
    remove: async (id) => void items.delete(id),
  }
}

/** IndexedDB through idb-keyval (a small, well-kept wrapper): one store, keyed by the change's id. */
export async function indexedDbOutbox(): Promise<OutboxStorage> {
  const { createStore, values, set, del } = await import('idb-keyval')
  const store = createStore('jindong-outbox', 'changes')
  return {
    all: () => values<PendingChange>(store),
    put: (change) => set(change.id, change, store),
    remove: (id) => del(id, store),
  }
}

export type SendResult =
  | { outcome: 'sent'; change: PendingChange }
  | { outcome: 'refused'; change: PendingChange; reason: Bilingual }
  | { outcome: 'kept'; change: PendingChange }

/**
 * Sends the kept changes of `who`, oldest first; stops at the first that cannot reach the server
 * (the rest wait with it). `send` throws ApiRefusal for a no, ServerUnreachableError for no answer.
 */
export async function flushOutbox(
  storage: OutboxStorage,
  who: string,
  send: (change: PendingChange) => Promise<void>,
  keeps: (error: unknown) => boolean,
  reasonOf: (error: unknown) => Bilingual,
): Promise<SendResult[]> {
  const mine = (await storage.all()).filter((c) => c.by === who).sort((a, b) => a.madeAt.localeCompare(b.madeAt))
  const results: SendResult[] = []
  for (const change of mine) {
    try {
      await send(change)
      await storage.remove(change.id)
      results.push({ outcome: 'sent', change })
    } catch (error) {
      if (keeps(error)) {
        results.push({ outcome: 'kept', change })
        break
      }
      await storage.remove(change.id)
      results.push({ outcome: 'refused', change, reason: reasonOf(error) })
    }
  }
  return results
}
