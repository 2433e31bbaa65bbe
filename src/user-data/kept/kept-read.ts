/**
 * 本机数据 read back: the index, then each thing it names, as a snapshot for applyUserState. An entry
 * whose data is missing or unreadable is dropped and named; data no index names (a write cut off
 * before its index) is deleted. See kept-storage.ts for how things are written.
 */
import type { FeatureCollection } from 'geojson'
import type { UserIndicator } from '../tables/user-indicators'
import { parseUserLayerStyle } from '../styles/user-layer-style'
import {
  INDEX_KEY,
  INDEX_VERSION,
  type KeptBackend,
  type KeptEntry,
  type KeptIndex,
  type KeptLayerEntry,
} from './kept-storage'
import { userLayerDataRef, type UserLayerData, type UserStateSnapshot } from '../user-state-snapshot'
import { parseServiceDefinition } from '../../domain/services/parse-definition'

export interface ReadResult {
  snapshot: UserStateSnapshot
  index: KeptIndex
  /** Each key and the objects read from it, for KeptWriter.remember. */
  refs: Map<string, readonly unknown[]>
  /** Entries whose data was missing or unreadable (dropped from the index). */
  lost: string[]
}

/**
 * 本机数据 written by a newer version of the app (an index version this one does not know). It is left
 * exactly as it is: reading it as empty would delete its data as strays, and writing would replace its
 * index, so the user's data would be gone when they are back on the newer version.
 */
export class KeptFromNewerVersion extends Error {
  constructor(readonly version: number) {
    super(`本机数据 index version ${version} is newer than this app's ${INDEX_VERSION}`)
    this.name = 'KeptFromNewerVersion'
  }
}

/**
 * What the store holds, as a snapshot for applyUserState; stray data keys are deleted. Throws
 * KeptFromNewerVersion, having changed nothing, when a newer version of the app wrote it.
 */
export async function readKept(backend: KeptBackend): Promise<ReadResult> {
  const stored = (await backend.get(INDEX_KEY)) as KeptIndex | undefined
  if (typeof stored?.version === 'number' && stored.version > INDEX_VERSION)
    throw new KeptFromNewerVersion(stored.version)
  const entries = stored && stored.version === INDEX_VERSION && Array.isArray(stored.entries) ? stored.entries : []
  const snapshot: UserStateSnapshot = { layers: [], replacements: [], indicators: [] }
  const refs = new Map<string, readonly unknown[]>()
  const kept: KeptEntry[] = []
  const lost: string[] = []
  for (const entry of entries) {
    const data = await backend.get(entry.key)
    if (entry.kind === 'layer' && isLayerData(data)) {
      // A service definition is read back checked, field by field, like one from a project file.
      const own: UserLayerData =
        data.kind === 'service' ? { ...data, definition: parseServiceDefinition(data.definition)! } : data
      snapshot.layers.push({ ...layerFields(entry), data: own })
      refs.set(entry.key, [userLayerDataRef(data)])
    } else if (entry.kind === 'replacement' && isReplacement(data)) {
      const note = noteOf(data.note)
      snapshot.replacements.push({
        layerId: entry.layerId,
        fileName: entry.fileName,
        collection: data.collection,
        ...(note ? { note } : {}),
      })
      refs.set(entry.key, [data.collection])
    } else if (entry.kind === 'table' && Array.isArray(data)) {
      snapshot.indicators.push(...(data as UserIndicator[]))
      refs.set(entry.key, data)
    } else {
      lost.push(entry.fileName)
      continue
    }
    kept.push(entry)
  }
  const named = new Set([INDEX_KEY, ...kept.map((e) => e.key)])
  for (const key of await backend.keys()) if (!named.has(key)) await backend.del(key).catch(() => undefined)
  return { snapshot, index: { version: INDEX_VERSION, entries: kept }, refs, lost }
}

function layerFields(entry: KeptLayerEntry) {
  return {
    id: entry.id,
    fileName: entry.fileName,
    name: entry.name,
    addedAt: entry.addedAt,
    visible: entry.visible,
    opacity: entry.opacity,
    // Read field by field: a style from an older version falls back to defaults where it differs.
    style: parseUserLayerStyle(entry.style),
  }
}

function isLayerData(value: unknown): value is UserLayerData {
  const data = value as
    | { kind?: unknown; table?: unknown; collection?: { features?: unknown }; definition?: unknown; file?: unknown }
    | undefined
  if (data?.kind === 'points') return typeof data.table === 'object' && data.table !== null
  if (data?.kind === 'service')
    return parseServiceDefinition(data.definition) !== null && (data.file === undefined || data.file instanceof Blob)
  return data?.kind === 'features' && Array.isArray(data.collection?.features)
}

/** A replacement's note (approximate positions…) as stored, or null when it is not two texts. */
function noteOf(value: unknown): { zh: string; en: string } | null {
  const note = value as { zh?: unknown; en?: unknown } | undefined
  return typeof note?.zh === 'string' && typeof note.en === 'string' ? { zh: note.zh, en: note.en } : null
}

function isReplacement(value: unknown): value is { fileName: string; collection: FeatureCollection; note?: unknown } {
  return Array.isArray((value as { collection?: { features?: unknown } } | undefined)?.collection?.features)
}
