/**
 * Loads public/geo: the manifest first, then each file it lists, each checked before use.
 * A file that fails to load or validate becomes a message naming the file; the other layers
 * still load. The built-in files are small (under 200 kB), so they are parsed on the main thread;
 * user uploads, which can be large, go through the import worker instead (src/user-data/import).
 */
import type { FeatureCollection, Geometry } from 'geojson'
import { checkFeatureCollection, formatGeoIssue, JINHUA_BBOX } from '../domain/geometry/geojson-checks'
import { parseManifest, type Manifest, type ManifestEntry } from '../domain/manifest'

export type LoadResult<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string }

/** Where public/geo is served from, relative to the page (the build uses base './'). */
export const GEO_BASE_URL = `${import.meta.env.BASE_URL}geo/`

async function fetchJson(url: string, label: string): Promise<LoadResult<unknown>> {
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    return { ok: false, error: `${label}: could not be fetched (${(error as Error).message})` }
  }
  if (!response.ok) return { ok: false, error: `${label}: HTTP ${response.status} ${response.statusText}` }
  const text = await response.text()
  try {
    return { ok: true, value: JSON.parse(text) as unknown, warnings: [] }
  } catch (error) {
    return { ok: false, error: `${label}: not valid JSON (${(error as Error).message})` }
  }
}

export async function loadManifest(baseUrl = GEO_BASE_URL): Promise<LoadResult<Manifest>> {
  const result = await fetchJson(`${baseUrl}manifest.json`, 'manifest.json')
  if (!result.ok) return result
  const { manifest, errors } = parseManifest(result.value)
  return manifest ? { ok: true, value: manifest, warnings: [] } : { ok: false, error: errors.join('\n') }
}

/** What the layer's spec says its data must be (src/layers/types.ts LayerData). */
export interface EntryRules {
  key: string
  geometryTypes: readonly Geometry['type'][]
  requiredProperties?: readonly string[]
}

export async function loadGeoJsonEntry(
  entry: ManifestEntry,
  baseUrl = GEO_BASE_URL,
  rules?: EntryRules,
): Promise<LoadResult<FeatureCollection>> {
  const result = await fetchJson(`${baseUrl}${entry.file}`, entry.file)
  if (!result.ok) return result
  const issues = checkFeatureCollection(result.value, {
    source: entry.file,
    bbox: JINHUA_BBOX,
    ...(rules
      ? { geometryTypes: rules.geometryTypes, idProperty: rules.key, requiredProperties: rules.requiredProperties }
      : {}),
  })
  const errors = issues.filter((i) => i.severity === 'error')
  if (errors.length) return { ok: false, error: errors.slice(0, 5).map(formatGeoIssue).join('\n') }
  return { ok: true, value: result.value as FeatureCollection, warnings: issues.map(formatGeoIssue) }
}

export async function loadJsonEntry(entry: ManifestEntry, baseUrl = GEO_BASE_URL): Promise<LoadResult<unknown>> {
  return fetchJson(`${baseUrl}${entry.file}`, entry.file)
}
