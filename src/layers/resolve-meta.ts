/**
 * The one place where a layer's metadata is resolved, in layers of precedence (as TerriaJS resolves
 * its strata): the spec's words → what the built data says (its feature count) → the user's
 * replacement, which wins. Legend, panels, the on-map strip, exports and presentation all read this.
 */
import type { ManifestEntry } from '../domain/manifest'
import type { LayerMeta, LayerSpec } from './types'

/** A user's file standing in for a built-in layer's data. */
export interface LayerReplacement {
  fileName: string
  featureCount: number
  /** What the legend and panels must also say about the user's data (e.g. approximate positions). */
  note?: { zh: string; en: string } | null
  /** Came with the published project (data/project.zip), not from this visitor. */
  published?: boolean
}

export function resolveLayerMeta(
  spec: LayerSpec,
  built: Pick<ManifestEntry, 'featureCount'> | null,
  replacement: LayerReplacement | null,
  loadedCount: number | null = null,
): LayerMeta {
  const fromSpec: LayerMeta = {
    id: spec.id,
    title: spec.title,
    provenance: spec.provenance,
    caveat: spec.caveat,
    method: spec.method ?? null,
    source: spec.source,
    licence: spec.licence,
    featureCount: loadedCount ?? built?.featureCount ?? null,
    userFile: spec.provenance === 'user' ? spec.source : null,
  }
  if (!replacement) return fromSpec
  return {
    ...fromSpec,
    provenance: 'user',
    caveat: {
      zh: `已用您的文件 ${replacement.fileName} 替换，未经核实。${replacement.note?.zh ?? ''}`,
      en:
        `Replaced with your file ${replacement.fileName}; not verified.` +
        (replacement.note ? ` ${replacement.note.en}` : ''),
    },
    method: null,
    source: replacement.fileName,
    licence: '—',
    featureCount: replacement.featureCount,
    userFile: replacement.fileName,
  }
}
