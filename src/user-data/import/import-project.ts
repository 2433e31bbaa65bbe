/**
 * A project file met by the import engine (a zip with project.json, see detect-format.ts): read in
 * the worker like any file, its layers checked by the engine itself, and answered as an ImportResult
 * whose `project` the dialog offers to open. A refused project (newer version, broken index) is a
 * failed result with one line saying why; a missing layer file is a line, and the rest still opens.
 */
import type { FeatureCollection } from 'geojson'
import { readProjectZip } from '../project/read-project'
import type { ImportContext } from './import-context'
import type { ImportResult } from './types'

export async function importProject(
  bytes: Uint8Array,
  fileName: string,
  context: ImportContext,
  importLayer: (bytes: Uint8Array, path: string) => Promise<ImportResult>,
): Promise<ImportResult> {
  context.progress('parsing', 0)
  const read = await readProjectZip(bytes, async (layerBytes, path) => {
    const result = await importLayer(layerBytes, path)
    const firstError = result.problems.find((p) => p.severity === 'error')
    return result.ok
      ? { collection: result.data, points: result.points ?? null, error: null }
      : { collection: null, points: null, error: firstError?.message.en ?? 'not readable' }
  })
  const base: ImportResult = {
    ok: false,
    data: null,
    format: 'project',
    encoding: null,
    featureCount: 0,
    rejectedCount: 0,
    geometryTypes: [],
    problems: [],
    crsSuggestions: [],
    bbox: null,
  }
  if (!read.ok) {
    context.problems.add({ severity: 'error', field: read.issue.field, message: read.issue.message })
    return { ...base, problems: context.problems.toArray() }
  }
  const { contents } = read
  for (const issue of contents.issues)
    context.problems.add({ severity: 'warning', field: issue.field, message: issue.message })
  for (const missing of contents.missing) {
    const absent = missing.reason === 'missing'
    context.problems.add({
      severity: 'error',
      field: missing.path,
      found: absent ? 'nothing' : missing.reason.slice(0, 80),
      message: {
        zh: `图层“${missing.name}”的数据文件 ${missing.path} ${absent ? '缺失' : '无法读取'}，该图层未载入`,
        en: `layer "${missing.name}": data file ${missing.path} is ${absent ? 'missing' : 'not readable'}; not loaded`,
      },
    })
  }
  const collections: FeatureCollection[] = contents.snapshot.layers.flatMap((layer) =>
    layer.data.kind === 'features' ? [layer.data.collection] : [],
  )
  const pointCount = contents.snapshot.layers.reduce(
    (sum, layer) => sum + (layer.data.kind === 'points' ? layer.data.table.length : 0),
    0,
  )
  return {
    ...base,
    ok: true,
    featureCount: collections.reduce((sum, c) => sum + c.features.length, 0) + pointCount,
    problems: context.problems.toArray(),
    project: contents,
  }
}
