/**
 * Writes a project file: `project.json` (the index, src/user-data/project/project-file.ts) and one data file
 * per layer, zipped with fflate (small, no dependencies, runs in node and the browser alike;
 * the platform's CompressionStream gives deflate but no zip container). GeoJSON for feature layers
 * and replacements, raw columns for large point layers (point-table-files.ts).
 */
import { zipSync, type Zippable } from 'fflate'
import { toGeoJsonText } from '../../domain/text/export-table'
import { PROJECT_FORMAT, PROJECT_INDEX, PROJECT_VERSION, type ProjectIndex, type ProjectView } from './project-file'
import type { UserStateSnapshot } from '../user-state-snapshot'
import { pointTableFiles } from './point-table-files'

export interface ProjectToWrite {
  snapshot: UserStateSnapshot
  /** The bytes of PMTiles archives chosen as files, by layer id (read from their Blobs beforehand). */
  serviceFiles?: ReadonlyMap<string, Uint8Array>
  view: ProjectView
  appVersion: string
  savedAt: string
}

/** A file name safe inside the zip (ids are already [a-z0-9-]). */
const safe = (id: string) => id.replace(/[^a-z0-9-]/gi, '_')

export function writeProject({ snapshot, view, appVersion, savedAt, serviceFiles }: ProjectToWrite): Uint8Array {
  const encoder = new TextEncoder()
  // One deflate level for all: GeoJSON shrinks several times, and typed arrays of real data still shrink.
  const files: Zippable = {}
  const layers = snapshot.layers.map((layer) => {
    let data: string
    if (layer.data.kind === 'service') {
      // A service layer is its definition; an archive chosen as a file travels beside it.
      data = `layers/${safe(layer.id)}.service.json`
      files[data] = encoder.encode(JSON.stringify(layer.data.definition, null, 1))
      const archive = serviceFiles?.get(layer.id)
      if (archive) files[`layers/${safe(layer.id)}.pmtiles`] = [archive, { level: 0 }]
    } else if (layer.data.kind === 'points') {
      const written = pointTableFiles(layer.data.table, `layers/${safe(layer.id)}`)
      // Raw columns at the fastest level: a million points zip in a fraction of the time level 6 takes.
      for (const [path, bytes] of Object.entries(written.files)) files[path] = [bytes, { level: 1 }]
      data = written.header
    } else {
      data = `layers/${safe(layer.id)}.geojson`
      files[data] = encoder.encode(toGeoJsonText(layer.data.collection))
    }
    const { id, fileName, name, addedAt, visible, opacity, style } = layer
    return { id, fileName, name, addedAt, visible, opacity, style, data }
  })
  const replacements = snapshot.replacements.map((replacement) => {
    const data = `replacements/${safe(replacement.layerId)}.geojson`
    files[data] = encoder.encode(toGeoJsonText(replacement.collection))
    return { layerId: replacement.layerId, fileName: replacement.fileName, data }
  })
  const basemap = view.basemap
    ? { id: view.basemap.id, ...(view.basemap.styleUrl ? { styleUrl: view.basemap.styleUrl } : {}) }
    : undefined
  const index: ProjectIndex = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    app: appVersion,
    savedAt,
    // The 天地图 key is the user's own: never written, whatever the caller passed.
    view: { ...view, basemap },
    layers,
    replacements,
    indicators: [...snapshot.indicators],
  }
  files[PROJECT_INDEX] = encoder.encode(JSON.stringify(index, null, 1))
  return zipSync(files, { level: 6 })
}
