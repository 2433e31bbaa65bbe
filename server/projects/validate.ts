/**
 * A zip offered for publication is hostile input. Checked before anything is stored: a readable zip
 * directory; no entry name that could escape a folder (`..`, absolute, backslash, drive letter, NUL);
 * at most MAX_ENTRIES entries; then the app's own reader (src/, through server/shared/project-format.ts)
 * reads project.json field by field, refuses a newer format version, and inflates every data file
 * with a running limit, so a zip bomb costs at most the unpacked budget. A layer file that is missing
 * or unreadable refuses the publication: what every visitor gets must open whole.
 */
import { ApiError } from '../errors'
import { listZipEntries, readProjectZip, type ParseLayerFile, type ZipEntry } from '../shared/project-format'

export const MAX_ENTRIES = 5000

export function unsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 500) return true
  if (name.includes('\\') || name.includes('\0')) return true
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true
  return name.split('/').some((part) => part === '..' || part === '.')
}

/** The server only checks that a layer file is a GeoJSON FeatureCollection; the app draws it. */
const parseLayerFile: ParseLayerFile = async (bytes, path) => {
  try {
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { type?: unknown; features?: unknown }
    if (value?.type !== 'FeatureCollection' || !Array.isArray(value.features))
      return { collection: null, points: null, error: `${path} is not a GeoJSON FeatureCollection` }
    return { collection: value as never, points: null, error: null }
  } catch (error) {
    return { collection: null, points: null, error: `${path}: ${(error as Error).message.slice(0, 200)}` }
  }
}

export interface ProjectSummary {
  formatVersion: number
  app: string
  savedAt: string
  layers: number
  replacements: number
  warnings: string[]
}

export async function validateProjectZip(bytes: Uint8Array, maxUnpacked: number): Promise<ProjectSummary> {
  let entries: ZipEntry[]
  try {
    entries = listZipEntries(bytes)
  } catch (error) {
    const why = (error as Error).message
    throw new ApiError(422, 'invalid_zip', `不是可读取的 zip 文件：${why}`, `not a readable zip file: ${why}`)
  }
  if (entries.length > MAX_ENTRIES)
    throw new ApiError(422, 'too_many_entries', `zip 中文件过多（上限 ${MAX_ENTRIES}）`, `over ${MAX_ENTRIES} entries`)
  const unsafe = entries.filter((entry) => unsafeEntryName(entry.name)).map((entry) => entry.name.slice(0, 200))
  if (unsafe.length)
    throw new ApiError(
      422,
      'unsafe_path',
      `zip 中有不安全的文件名（含 ..、绝对路径或反斜杠）：${unsafe.slice(0, 5).join('，')}`,
      `the zip holds unsafe names (.., absolute or backslash paths): ${unsafe.slice(0, 5).join(', ')}`,
      { names: unsafe.slice(0, 20) },
    )
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (declared > maxUnpacked)
    throw new ApiError(
      422,
      'unpacks_too_large',
      `项目解压后超过 ${maxUnpacked} 字节上限`,
      `the project unpacks to more than the ${maxUnpacked}-byte limit`,
    )
  const read = await readProjectZip(bytes, parseLayerFile, {
    index: Math.min(32 * 1024 * 1024, maxUnpacked),
    unpacked: maxUnpacked,
  })
  if (!read.ok) {
    const { field, message } = read.issue
    const code =
      field === 'version' && /newer/.test(message.en)
        ? 'newer_format'
        : /unpacks to more|limit/.test(message.en)
          ? 'unpacks_too_large'
          : 'invalid_project'
    throw new ApiError(422, code, message.zh, message.en, { field })
  }
  const { contents } = read
  // A layer entry the reader had to skip (no valid id, or a data path that climbs out) refuses the
  // publication: what every visitor gets must be what the publisher meant.
  const skipped = contents.issues.filter((issue) => /^(layers|replacements)\[\d+\]$/.test(issue.field))
  if (skipped.length)
    throw new ApiError(
      422,
      'invalid_layer_entry',
      skipped.map((issue) => issue.message.zh).join('；'),
      skipped.map((issue) => issue.message.en).join('; '),
      { fields: skipped.map((issue) => issue.field) },
    )
  if (contents.missing.some((m) => /unpacks to more/.test(m.reason)))
    throw new ApiError(
      422,
      'unpacks_too_large',
      '项目中的文件解压后超过其声明的大小或总上限（疑似 zip 炸弹）',
      'a file in the project unpacks to more than it declares or than the total limit (a zip bomb?)',
    )
  if (contents.missing.length)
    throw new ApiError(
      422,
      'project_files_missing',
      `项目中有图层数据无法读取：${contents.missing.map((m) => `${m.path}（${m.reason}）`).join('，')}`.slice(0, 1000),
      `layer data cannot be read: ${contents.missing.map((m) => `${m.path} (${m.reason})`).join(', ')}`.slice(0, 1000),
      { missing: contents.missing.slice(0, 50) },
    )
  return {
    formatVersion: contents.version,
    app: contents.app,
    savedAt: contents.savedAt,
    layers: contents.snapshot.layers.length,
    replacements: contents.snapshot.replacements.length,
    warnings: contents.issues.map((issue) => issue.message.en).slice(0, 50),
  }
}
