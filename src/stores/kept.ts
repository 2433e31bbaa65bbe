/**
 * 本机数据: the user's layers, replacements and joined tables kept on this device. At start-up, once
 * the built data is in, what was kept is put back (applyUserState); from then on every change of the
 * user state is saved, debounced (src/user-data/kept/kept-storage.ts). Layers that came with the published
 * project are everyone's and are never kept here. Without IndexedDB the app works and says so.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { applyUserState, captureUserState, type UserStateSnapshot } from './user-state'
import {
  emptyIndex,
  indicatorFileName,
  INDEX_KEY,
  KeptWriter,
  type KeptBackend,
  type KeptEntry,
  type KeptFailure,
  type KeptIndex,
} from '../user-data/kept/kept-storage'
import { KeptFromNewerVersion, readKept } from '../user-data/kept/kept-read'
import { useDataStore } from './data'
import { useIndicatorsStore } from './indicators'
import { useLayersStore } from './layers'

/** How long the state must rest before it is written: a dragged opacity slider is one write. */
export const SAVE_DELAY_MS = 400

export interface KeptRow {
  key: string
  kind: KeptEntry['kind']
  fileName: string
  /** The layer's own name (user layers), or its file name. */
  name: string
  /** The built-in layer a replacement stands in for. */
  layerId: string | null
  bytes: number
  /** ISO 8601; null for what could not be kept. */
  date: string | null
  kept: boolean
}

export type KeptProblem =
  | { kind: 'full'; fileName: string; neededBytes: number; availableBytes: number | null }
  | { kind: 'failed'; fileName: string; message: string }

/**
 * Whether the browser keeps 本机数据 through storage pressure: asked once, when the user first keeps
 * something (navigator.storage.persist); unknown until then, unsupported where the API is missing.
 */
export type KeptPersistence = 'unknown' | 'granted' | 'refused' | 'unsupported'

export const useKeptStore = defineStore('kept', () => {
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  const data = useDataStore()
  /**
   * starting: not read yet; on: kept; off: this browser keeps nothing (no or refused IndexedDB); newer:
   * a newer version of the app kept it, and this one leaves it untouched (neither read nor written).
   */
  const state = ref<'starting' | 'on' | 'off' | 'newer'>('starting')
  const index = shallowRef<KeptIndex>(emptyIndex())
  const failures = shallowRef<KeptFailure[]>([])
  const problem = ref<KeptProblem | null>(null)
  /** Kept things whose data could not be read back (file names). */
  const lost = ref<string[]>([])
  let writer: KeptWriter | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let saving: Promise<void> = Promise.resolve()
  let restoring = false
  const persistence = ref<KeptPersistence>('unknown')
  let persistAsked = false

  /** The browser may evict what it keeps unless asked not to: asked once, the first time something is kept. */
  async function askPersistence() {
    if (persistAsked) return
    persistAsked = true
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
    if (!storage?.persist) {
      persistence.value = 'unsupported'
      return
    }
    try {
      persistence.value = (await storage.persisted?.()) || (await storage.persist()) ? 'granted' : 'refused'
    } catch {
      persistence.value = 'refused'
    }
  }

  function keptSnapshot(): UserStateSnapshot {
    const snapshot = captureUserState(layers, indicators)
    // What came with the published project is everyone's: the build serves it, this device does not keep it.
    return {
      layers: snapshot.layers.filter((l) => !layers.record(l.id)?.user?.published),
      replacements: snapshot.replacements.filter((r) => !r.published),
      indicators: snapshot.indicators.filter((i) => !i.published),
    }
  }

  async function estimateAvailable(): Promise<number | null> {
    try {
      const { quota, usage } = (await navigator.storage?.estimate?.()) ?? {}
      return typeof quota === 'number' && typeof usage === 'number' ? Math.max(0, quota - usage) : null
    } catch {
      return null
    }
  }

  async function saveNow() {
    if (!writer) return
    const result = await writer.save(keptSnapshot())
    index.value = result.index
    failures.value = result.failures
    if (result.index.entries.length > 0) void askPersistence()
    // A failure seen before (message '') keeps the message it had; a clean save clears it.
    const fresh = result.failures.find((f) => f.message !== '')
    if (!fresh) {
      if (!result.failures.length) problem.value = null
      return
    }
    // A browser may refuse a write while its estimate still shows room (a per-origin limit): then
    // only the size needed is said.
    const available = fresh.quota ? await estimateAvailable() : null
    problem.value = fresh.quota
      ? {
          kind: 'full',
          fileName: fresh.fileName,
          neededBytes: fresh.bytes,
          availableBytes: available !== null && available < fresh.bytes ? available : null,
        }
      : { kind: 'failed', fileName: fresh.fileName, message: fresh.message }
  }

  /** A change not yet written (the debounce or the write is running). */
  const pending = ref(false)
  let queued = 0
  function flush() {
    if (timer) clearTimeout(timer)
    timer = null
    queued++
    saving = saving.then(saveNow, saveNow).finally(() => {
      if (--queued === 0 && !timer) pending.value = false
    })
  }
  function scheduleSave() {
    pending.value = true
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, SAVE_DELAY_MS)
  }

  async function restore(backend: KeptBackend) {
    try {
      const read = await readKept(backend)
      applyUserState(read.snapshot, layers, indicators)
      writer = new KeptWriter(backend, read.index)
      for (const [key, refs] of read.refs) writer.remember(key, refs)
      index.value = read.index
      lost.value = read.lost
      state.value = 'on'
      // Kept from an earlier visit: say what the browser decided then (asking again changes nothing).
      if (read.index.entries.length > 0) void askPersistence()
    } catch (error) {
      state.value = error instanceof KeptFromNewerVersion ? 'newer' : 'off'
      return
    }
    watch(() => [layers.records, layers.order, indicators.userIndicators], scheduleSave)
    // Leaving the page within the debounce still writes what changed.
    window.addEventListener('pagehide', () => timer && flush())
    // What was loaded before the kept data came back (a file dropped during start-up) is kept too.
    scheduleSave()
  }

  /** Called once by the app root. */
  function start(backend: KeptBackend | null) {
    if (state.value !== 'starting') return
    if (!backend) {
      state.value = 'off'
      return
    }
    const stop = watch(
      () => data.status,
      (status) => {
        if (status !== 'ready' || writer || restoring) return
        restoring = true
        queueMicrotask(() => stop())
        void restore(backend)
      },
      { immediate: true },
    )
  }

  /** A layer's name in the list: the user's, a service's own title, or the file (the address) it came from. */
  const layerName = (id: string, fileName: string) => {
    const record = layers.record(id)
    return record?.user?.name ?? (record?.service?.title || fileName)
  }

  /** The list: what is kept, then what could not be (too large for the space left). */
  const rows = computed<KeptRow[]>(() => {
    const keptRows = index.value.entries.map((entry): KeptRow => ({
      key: entry.key,
      kind: entry.kind,
      fileName: entry.fileName,
      name: entry.kind === 'layer' ? layerName(entry.id, entry.fileName) : entry.fileName,
      layerId: entry.kind === 'replacement' ? entry.layerId : null,
      bytes: entry.bytes,
      date: entry.kind === 'layer' ? entry.addedAt : entry.keptAt,
      kept: true,
    }))
    const keys = new Set(keptRows.map((r) => r.key))
    const notKept = failures.value
      .filter((f) => f.key !== INDEX_KEY && !keys.has(f.key))
      .map((f): KeptRow => {
        const [kind, ...rest] = f.key.split(':') as [KeptEntry['kind'], ...string[]]
        const id = rest.join(':')
        return {
          key: f.key,
          kind,
          fileName: f.fileName,
          name: kind === 'layer' ? layerName(id, f.fileName) : f.fileName,
          layerId: kind === 'replacement' ? id : null,
          bytes: f.bytes,
          date: null,
          kept: false,
        }
      })
    return [...keptRows, ...notKept]
  })
  const totalBytes = computed(() => index.value.entries.reduce((sum, e) => sum + e.bytes, 0))

  /** Removes a kept thing from the map and from this device. */
  function remove(key: string) {
    const [kind, ...rest] = key.split(':')
    const id = rest.join(':')
    if (kind === 'layer') layers.removeUserLayer(id)
    else if (kind === 'replacement') layers.clearReplacement(id)
    else if (kind === 'table')
      indicators.removeUserIndicators(
        indicators.userIndicators.filter((i) => indicatorFileName(i) === id).map((i) => i.id),
      )
  }
  function rename(key: string, name: string) {
    if (key.startsWith('layer:')) layers.renameUserLayer(key.slice('layer:'.length), name)
  }
  function clearAll() {
    for (const row of rows.value) remove(row.key)
  }
  function dismissProblem() {
    problem.value = null
  }

  return {
    state,
    index,
    rows,
    totalBytes,
    problem,
    lost,
    pending,
    persistence,
    start,
    remove,
    rename,
    clearAll,
    dismissProblem,
  }
})
