/**
 * The browser's side of 本机数据: one IndexedDB database through idb-keyval (a 600-byte promise
 * wrapper over one object store, kept up by Jake Archibald). Dexie would add schemas and queries that
 * a handful of keys do not need. Null where IndexedDB is missing or refused (some private modes).
 */
import { createStore, del, get, keys, set } from 'idb-keyval'
import type { KeptBackend } from './kept-storage'

export const KEPT_DATABASE = 'jindong-map-kept'

export function idbBackend(): KeptBackend | null {
  try {
    if (typeof indexedDB === 'undefined' || !indexedDB) return null
    const store = createStore(KEPT_DATABASE, 'kept')
    return {
      get: (key) => get(key, store),
      set: (key, value) => set(key, value, store),
      del: (key) => del(key, store),
      keys: async () => (await keys(store)).map(String),
    }
  } catch {
    return null
  }
}
