/**
 * public/geo/manifest.json: the list of files the app loads, written by scripts/build-geo.ts.
 * The loader checks it with parseManifest before fetching anything it names.
 */
import type { BBox } from './geometry/geojson-checks'
import type { Provenance } from './types'

export interface ManifestEntry {
  /** Layer/data id, e.g. "towns". */
  id: string
  /** File name inside public/geo/, e.g. "towns.geojson". */
  file: string
  kind: 'geojson' | 'json'
  title: { zh: string; en: string }
  provenance: Provenance
  /** What makes the data approximate or sample, in both languages; empty for official/open data. */
  caveat: { zh: string; en: string } | null
  /** How the data was made, in full (layers that declare it). */
  method?: { zh: string; en: string } | null
  source: string
  licence: string
  /** GeoJSON only. */
  featureCount: number | null
  bbox: BBox | null
  bytes: number
  /** SHA-256 of the file, hex: lets the freshness test and caches compare without reading twice. */
  sha256: string
}

export interface Manifest {
  /** Bumped when the manifest's shape changes. */
  version: 1
  crs: 'EPSG:4326'
  /** One line naming every data source, shown in the map's attribution control. */
  attribution: { zh: string; en: string }
  entries: ManifestEntry[]
}

const PROVENANCES: readonly Provenance[] = ['official', 'open-data', 'approximate', 'sample']

/** Checks the shape of a manifest read from the network; messages name the entry and field. */
export function parseManifest(json: unknown): { manifest: Manifest | null; errors: string[] } {
  const errors: string[] = []
  if (typeof json !== 'object' || json === null)
    return { manifest: null, errors: ['manifest.json: expected an object'] }
  const candidate = json as Partial<Manifest>
  if (candidate.version !== 1)
    errors.push(`manifest.json: field "version" found ${String(candidate.version)}; expected 1`)
  if (!Array.isArray(candidate.entries)) {
    errors.push('manifest.json: field "entries" must be an array')
    return { manifest: null, errors }
  }
  for (const [i, entry] of candidate.entries.entries()) {
    const where = `manifest.json, entry ${i}`
    if (typeof entry?.id !== 'string' || entry.id === '') errors.push(`${where}: field "id" must be a non-empty string`)
    if (typeof entry?.file !== 'string' || !/^[a-z0-9-]+\.(geojson|json)$/.test(entry.file)) {
      errors.push(`${where}: field "file" must be a plain file name ending .geojson or .json`)
    }
    if (!PROVENANCES.includes(entry?.provenance))
      errors.push(`${where}: field "provenance" must be one of ${PROVENANCES.join(', ')}`)
  }
  return errors.length ? { manifest: null, errors } : { manifest: candidate as Manifest, errors }
}
