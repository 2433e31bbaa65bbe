/**
 * Reads a project file (a zip holding project.json): the index checked field by field
 * (src/user-data/project/project-file.ts), then each layer's data file. A project file is hostile input like
 * any other: entries inflate through the bounded zip reader (a running limit at the size each header
 * declares), the whole unpacked project is capped, and a layer whose file is missing or unreadable
 * is listed by name while the others load.
 */
import type { FeatureCollection } from 'geojson'
import type { PointTable } from '../tables/point-table'
import { PROJECT_INDEX, parseProjectJson, type ProjectIndex, type ProjectIssue, type ProjectView } from './project-file'
import { listZipEntries, readZipEntry, type ZipEntry } from '../import/zip-reader'
import type { ReplacementSnapshot, UserLayerSnapshot, UserStateSnapshot } from '../user-state-snapshot'
import { readPointTable } from './point-table-files'
import { parseServiceDefinition } from '../../domain/services/parse-definition'

/** project.json itself: the index and the indicators, never megabytes of geometry. */
export const MAX_PROJECT_INDEX_BYTES = 32 * 1024 * 1024
/** Everything a project unpacks to, all files together (5 million points with a few columns fit). */
export const MAX_PROJECT_UNPACKED_BYTES = 1024 * 1024 * 1024

/** A GeoJSON data file parsed and checked (the import engine, in the worker). */
export type ParseLayerFile = (
  bytes: Uint8Array,
  path: string,
) => Promise<{ collection: FeatureCollection | null; points: PointTable | null; error: string | null }>

export interface MissingProjectFile {
  /** The layer id or the replaced layer's id. */
  layerId: string
  /** The name the user knows it by. */
  name: string
  path: string
  reason: string
}

export interface ProjectContents {
  version: number
  app: string
  savedAt: string
  view: ProjectView
  snapshot: UserStateSnapshot
  missing: MissingProjectFile[]
  issues: ProjectIssue[]
}

export type ProjectRead = { ok: true; contents: ProjectContents } | { ok: false; issue: ProjectIssue }

/** Whether a zip's entries make it a project (project.json at its root). */
export function isProjectZip(entryNames: readonly string[]): boolean {
  return entryNames.includes(PROJECT_INDEX)
}

class UnpackBudget {
  private used = 0
  constructor(private readonly limit: number) {}
  take(entry: ZipEntry): boolean {
    if (this.used + entry.uncompressedSize > this.limit) return false
    this.used += entry.uncompressedSize
    return true
  }
}

const fail = (field: string, zh: string, en: string): ProjectRead => ({
  ok: false,
  issue: { fatal: true, field, message: { zh, en } },
})

export async function readProjectZip(
  bytes: Uint8Array,
  parseLayerFile: ParseLayerFile,
  limits = { index: MAX_PROJECT_INDEX_BYTES, unpacked: MAX_PROJECT_UNPACKED_BYTES },
): Promise<ProjectRead> {
  let entries: ZipEntry[]
  try {
    entries = listZipEntries(bytes)
  } catch (error) {
    const why = (error as Error).message
    return fail('zip', `项目文件无法读取：${why}`, `the project file cannot be read: ${why}`)
  }
  const byName = new Map<string, ZipEntry>()
  for (const entry of entries) if (!byName.has(entry.name)) byName.set(entry.name, entry)
  const budget = new UnpackBudget(limits.unpacked)
  const indexEntry = byName.get(PROJECT_INDEX)
  if (!indexEntry) return fail('project.json', '压缩包中没有 project.json', 'the zip holds no project.json')
  if (indexEntry.uncompressedSize > limits.index || !budget.take(indexEntry))
    return fail(
      'project.json',
      `project.json 超过 ${limits.index} 字节上限`,
      `project.json is over the ${limits.index}-byte limit`,
    )
  let indexText: string
  try {
    indexText = new TextDecoder().decode(await readZipEntry(bytes, indexEntry, limits.index))
  } catch (error) {
    const why = (error as Error).message
    return fail('project.json', `project.json 无法解压：${why}`, `project.json cannot be unpacked: ${why}`)
  }
  const parsed = parseProjectJson(indexText)
  if (!parsed.ok) return parsed
  const { index } = parsed

  /** An entry's bytes, or undefined when absent; throws when it is over the budget or damaged. */
  async function read(path: string): Promise<Uint8Array | undefined> {
    const entry = byName.get(path)
    if (!entry) return undefined
    if (!budget.take(entry)) throw new Error(`the project unpacks to more than ${limits.unpacked} bytes (at ${path})`)
    return readZipEntry(bytes, entry)
  }

  const missing: MissingProjectFile[] = []
  async function dataOf(
    path: string,
    layerId: string,
    name: string,
  ): Promise<{ collection: FeatureCollection | null; points: PointTable | null } | null> {
    try {
      if (path.endsWith('.points.json')) {
        const header = await read(path)
        if (header) return { collection: null, points: await readPointTable(new TextDecoder().decode(header), read) }
      } else {
        const file = await read(path)
        if (file) {
          const result = await parseLayerFile(file, path)
          if (!result.error) return result
          missing.push({ layerId, name, path, reason: result.error })
          return null
        }
      }
      missing.push({ layerId, name, path, reason: 'missing' })
    } catch (error) {
      // A cancel is not a damaged layer: the whole opening stops (the import engine's AbortError).
      if ((error as Error | null)?.name === 'AbortError') throw error
      missing.push({ layerId, name, path, reason: (error as Error).message })
    }
    return null
  }

  /** A service layer's definition, checked, and its PMTiles archive when it came as a file. */
  async function serviceOf(layer: ProjectIndex['layers'][number]): Promise<UserLayerSnapshot['data'] | null> {
    const name = layer.name ?? layer.fileName
    try {
      const bytes = await read(layer.data)
      const definition = bytes ? parseServiceDefinition(JSON.parse(new TextDecoder().decode(bytes))) : null
      if (!definition) {
        const reason = bytes ? 'not a service definition' : 'missing'
        missing.push({ layerId: layer.id, name, path: layer.data, reason })
        return null
      }
      if (!definition.pmtiles?.fromFile) return { kind: 'service', definition }
      const archivePath = layer.data.replace(/\.service\.json$/, '.pmtiles')
      const archive = await read(archivePath)
      if (!archive) {
        missing.push({ layerId: layer.id, name, path: archivePath, reason: 'missing' })
        return null
      }
      return { kind: 'service', definition, file: new Blob([archive as Uint8Array<ArrayBuffer>]) }
    } catch (error) {
      missing.push({ layerId: layer.id, name, path: layer.data, reason: (error as Error).message })
      return null
    }
  }

  const layers: UserLayerSnapshot[] = []
  for (const layer of index.layers) {
    if (layer.data.endsWith('.service.json')) {
      const service = await serviceOf(layer)
      const { id, fileName, name, addedAt, visible, opacity, style } = layer
      if (service) layers.push({ id, fileName, name, addedAt, visible, opacity, style, data: service })
      continue
    }
    const data = await dataOf(layer.data, layer.id, layer.name ?? layer.fileName)
    if (!data) continue
    const { id, fileName, name, addedAt, visible, opacity, style } = layer
    layers.push({
      ...{ id, fileName, name, addedAt, visible, opacity, style },
      data: data.points ? { kind: 'points', table: data.points } : { kind: 'features', collection: data.collection! },
    })
  }
  const replacements: ReplacementSnapshot[] = []
  for (const replacement of index.replacements) {
    const data = await dataOf(replacement.data, replacement.layerId, replacement.fileName)
    if (data?.collection)
      replacements.push({ layerId: replacement.layerId, fileName: replacement.fileName, collection: data.collection })
    else if (data)
      missing.push({
        layerId: replacement.layerId,
        name: replacement.fileName,
        path: replacement.data,
        reason: 'too many points to stand in for a built-in layer',
      })
  }
  return {
    ok: true,
    contents: contentsOf(index, { layers, replacements, indicators: index.indicators }, missing, parsed.issues),
  }
}

function contentsOf(
  index: ProjectIndex,
  snapshot: UserStateSnapshot,
  missing: MissingProjectFile[],
  issues: ProjectIssue[],
): ProjectContents {
  return { version: index.version, app: index.app, savedAt: index.savedAt, view: index.view, snapshot, missing, issues }
}
