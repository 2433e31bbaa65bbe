/** An in-memory stand-in for IndexedDB under 本机数据: structured clone on write, and a switch for a full disk. */
import type { KeptBackend } from '../../../src/user-data/kept/kept-storage'

export class MemoryBackend implements KeptBackend {
  data = new Map<string, unknown>()
  writes: string[] = []
  /** Writes of keys matching this fail as a full disk does (QuotaExceededError). */
  full: RegExp | null = null
  async get(key: string) {
    return this.data.get(key)
  }
  async set(key: string, value: unknown) {
    if (this.full?.test(key)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.writes.push(key)
    // Structured clone, as IndexedDB does: typed arrays stay typed arrays, proxies are refused.
    this.data.set(key, structuredClone(value))
  }
  async del(key: string) {
    this.data.delete(key)
  }
  async keys() {
    return [...this.data.keys()]
  }
}
