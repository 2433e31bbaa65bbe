/**
 * 本机数据: the user state (src/stores/user-state.ts) kept in a key–value store (IndexedDB through
 * idb-keyval in the app, a Map in tests). Each kept thing's data sits under its own key, and one small
 * index lists what is kept with its metadata (name, style, visibility, size, date). Data is written
 * first and the index after, so a failed write (a full disk: QuotaExceededError) leaves the previous
 * index, and everything it names, as it was; data whose index never came is deleted on the next start.
 * Point tables go in as typed arrays (structured clone), never through JSON. Reading back: kept-read.ts. No Vue.
 */
import type { PointTable } from '../tables/point-table'
import type { UserIndicator } from '../tables/user-indicators'
import type { UserLayerStyle } from '../styles/user-layer-style'
import { userLayerDataRef, type UserStateSnapshot } from '../user-state-snapshot'

/** What idb-keyval offers, reduced to what is used here. */
export interface KeptBackend {
  get(key: string): Promise<unknown>
  set(key: string, value: unknown): Promise<void>
  del(key: string): Promise<void>
  keys(): Promise<string[]>
}

export const INDEX_KEY = 'index'
export const INDEX_VERSION = 1

interface EntryBase {
  key: string
  fileName: string
  /** Bytes of the kept data (typed arrays by length, the rest as UTF-8 JSON): about what it takes. */
  bytes: number
  /** When it was first kept (ISO 8601). */
  keptAt: string
}
export interface KeptLayerEntry extends EntryBase {
  kind: 'layer'
  id: string
  name: string | null
  addedAt: string
  visible: boolean
  opacity: number
  style: UserLayerStyle
}
export interface KeptReplacementEntry extends EntryBase {
  kind: 'replacement'
  layerId: string
}
export interface KeptTableEntry extends EntryBase {
  kind: 'table'
  indicatorIds: string[]
}
export type KeptEntry = KeptLayerEntry | KeptReplacementEntry | KeptTableEntry

export interface KeptIndex {
  version: number
  /** Layers in list order (top first), then replacements, then tables. */
  entries: KeptEntry[]
}

export const emptyIndex = (): KeptIndex => ({ version: INDEX_VERSION, entries: [] })

/** A thing to keep: its entry without size and date, its data, and the objects that make it up. */
interface Planned {
  entry:
    | Omit<KeptLayerEntry, 'bytes' | 'keptAt'>
    | Omit<KeptReplacementEntry, 'bytes' | 'keptAt'>
    | Omit<KeptTableEntry, 'bytes' | 'keptAt'>
  data: unknown
  /** The data's identity: unchanged objects are not written again. */
  refs: readonly unknown[]
}

/** The file a joined indicator came from (its id is `user:<file>:<column>`). */
export function indicatorFileName(indicator: UserIndicator): string {
  const rest = indicator.id.slice('user:'.length)
  // File names cannot hold ':' on Windows or macOS; column names may.
  const cut = rest.indexOf(':')
  return cut > 0 ? rest.slice(0, cut) : rest
}

function plan(snapshot: UserStateSnapshot): Planned[] {
  const layers = snapshot.layers.map((layer): Planned => ({
    entry: {
      kind: 'layer',
      key: `layer:${layer.id}`,
      id: layer.id,
      fileName: layer.fileName,
      name: layer.name,
      addedAt: layer.addedAt,
      visible: layer.visible,
      opacity: layer.opacity,
      // Plain data: a store's style may come wrapped in a reactive proxy, which IndexedDB cannot clone.
      style: JSON.parse(JSON.stringify(layer.style)) as UserLayerStyle,
    },
    data: layer.data,
    refs: [userLayerDataRef(layer.data)],
  }))
  const replacements = snapshot.replacements.map((r): Planned => ({
    entry: { kind: 'replacement', key: `replacement:${r.layerId}`, layerId: r.layerId, fileName: r.fileName },
    // The note is plain text in two languages, copied out of the store's reactive record.
    data: {
      fileName: r.fileName,
      collection: r.collection,
      ...(r.note ? { note: { zh: r.note.zh, en: r.note.en } } : {}),
    },
    refs: [r.collection],
  }))
  const byFile = new Map<string, UserIndicator[]>()
  for (const indicator of snapshot.indicators) {
    const file = indicatorFileName(indicator)
    byFile.set(file, [...(byFile.get(file) ?? []), indicator])
  }
  const tables = [...byFile].map(([fileName, indicators]): Planned => ({
    entry: { kind: 'table', key: `table:${fileName}`, fileName, indicatorIds: indicators.map((i) => i.id) },
    data: indicators,
    refs: indicators,
  }))
  return [...layers, ...replacements, ...tables]
}

/**
 * The length of `text` in UTF-8, as TextEncoder would write it (a lone surrogate as U+FFFD, 3
 * bytes), counted without building the bytes: a large point set's text column is tens of MB, and
 * encoding it only to measure it blocked the page for ~80 ms at a million rows.
 */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/** About how many bytes a value takes kept: typed arrays by their length, everything else as JSON. */
export function estimateBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength
  // A service layer: its definition, and a PMTiles archive chosen as a file (a Blob, JSON's {}).
  const file = (value as { kind?: unknown; file?: unknown } | null)?.file
  if (file instanceof Blob) return file.size + utf8Length(JSON.stringify({ ...(value as object), file: null }))
  if (isPointData(value)) {
    const table = value.table
    const columns = table.columns.reduce(
      (sum, c) =>
        sum +
        utf8Length(c.name) +
        (c.kind === 'number' ? c.values.byteLength : c.offsets.byteLength + utf8Length(c.text)),
      0,
    )
    return table.positions.byteLength + columns
  }
  return utf8Length(JSON.stringify(value) ?? '')
}

/**
 * estimateBytes, in steps: a large point set's text is counted a million characters a task (a
 * million rows' names took ~0.1 s in one go under load, in the task that also drew the layer).
 */
export async function estimateBytesInSteps(value: unknown, textStep = 1 << 20): Promise<number> {
  if (!isPointData(value)) return estimateBytes(value)
  let bytes = value.table.positions.byteLength
  for (const column of value.table.columns) {
    bytes += utf8Length(column.name)
    if (column.kind === 'number') {
      bytes += column.values.byteLength
      continue
    }
    bytes += column.offsets.byteLength
    const { text } = column
    for (let start = 0; start < text.length;) {
      await new Promise((next) => setTimeout(next, 0))
      let end = Math.min(text.length, start + textStep)
      // Never between the halves of a surrogate pair: each alone would count 3 bytes, not 4 together.
      const last = text.charCodeAt(end - 1)
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++
      bytes += utf8Length(text.slice(start, end))
      start = end
    }
  }
  return bytes
}

function isPointData(value: unknown): value is { kind: 'points'; table: PointTable } {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'points'
}

/** A full store, as each browser says it: Chromium and WebKit, old Firefox, and the legacy codes. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { name, code } = error as { name?: unknown; code?: unknown }
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
}

export interface KeptFailure {
  key: string
  fileName: string
  /** What the write needed. */
  bytes: number
  quota: boolean
  message: string
}

export interface SaveResult {
  /** The index now in the store (the previous one when the index itself could not be written). */
  index: KeptIndex
  failures: KeptFailure[]
}

/**
 * Remembers what is in the store (the index, and which objects each key holds) and brings the store
 * in line with a snapshot: new or changed data first, then the index, then the keys no longer named.
 */
export class KeptWriter {
  private written = new Map<string, readonly unknown[]>()
  /** Data that did not fit: not tried again until something is removed. */
  private refused = new Map<string, readonly unknown[]>()

  constructor(
    private backend: KeptBackend,
    public index: KeptIndex = emptyIndex(),
    private now: () => string = () => new Date().toISOString(),
  ) {}

  /** After a restore: these objects are already in the store under these keys. */
  remember(key: string, refs: readonly unknown[]) {
    this.written.set(key, refs)
  }

  async save(snapshot: UserStateSnapshot): Promise<SaveResult> {
    const previous = new Map(this.index.entries.map((e) => [e.key, e]))
    const next: KeptEntry[] = []
    const failures: KeptFailure[] = []
    const planned = plan(snapshot)
    const removing = [...previous.keys()].some((key) => !planned.some((p) => p.entry.key === key))
    if (removing) this.refused.clear()
    for (const item of planned) {
      const kept = previous.get(item.entry.key)
      if (kept && sameRefs(this.written.get(item.entry.key), item.refs)) {
        next.push({ ...kept, ...item.entry } as KeptEntry)
        continue
      }
      const bytes = await estimateBytesInSteps(item.data)
      if (sameRefs(this.refused.get(item.entry.key), item.refs)) {
        failures.push({ key: item.entry.key, fileName: item.entry.fileName, bytes, quota: true, message: '' })
        if (kept) next.push(kept)
        continue
      }
      try {
        await this.backend.set(item.entry.key, item.data)
        this.written.set(item.entry.key, item.refs)
        next.push({ ...item.entry, bytes, keptAt: kept?.keptAt ?? this.now() } as KeptEntry)
      } catch (error) {
        const quota = isQuotaError(error)
        if (quota) this.refused.set(item.entry.key, item.refs)
        failures.push({ key: item.entry.key, fileName: item.entry.fileName, bytes, quota, message: String(error) })
        // The old data under this key is untouched (a failed transaction writes nothing): keep naming it.
        if (kept) next.push(kept)
      }
    }
    const index: KeptIndex = { version: INDEX_VERSION, entries: next }
    // Nothing changed (a built-in layer toggled): no write at all.
    if (JSON.stringify(index) === JSON.stringify(this.index)) return { index: this.index, failures }
    try {
      await this.backend.set(INDEX_KEY, index)
    } catch (error) {
      const bytes = estimateBytes(index)
      failures.push({ key: INDEX_KEY, fileName: '', bytes, quota: isQuotaError(error), message: String(error) })
      return { index: this.index, failures }
    }
    this.index = index
    const named = new Set(next.map((e) => e.key))
    for (const key of previous.keys()) {
      if (named.has(key)) continue
      this.written.delete(key)
      await this.backend.del(key).catch(() => undefined)
    }
    return { index, failures }
  }
}

function sameRefs(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((ref, i) => ref === b[i])
}
