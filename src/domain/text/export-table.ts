/**
 * Exports as text: GeoJSON, and CSV that Excel opens correctly (UTF-8 with a byte-order mark).
 * Cells are plain text: a value that a spreadsheet would run as a formula (=, +, -, @ first) is
 * prefixed with an apostrophe, so a property like "=HYPERLINK(…)" stays inert.
 */
import { ownValue } from './own-keys'
import type { Feature, FeatureCollection } from 'geojson'

const BOM = '\uFEFF'

function cell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return BOM + [header.map(cell).join(','), ...rows.map((row) => row.map(cell).join(','))].join('\r\n') + '\r\n'
}

/** A representative position for a feature: the point itself, or the first position of its geometry. */
function anchor(feature: Feature): [number, number] | null {
  const g = feature.geometry
  if (!g || g.type === 'GeometryCollection') return null
  let c: unknown = g.coordinates
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0]
  return Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null
}

/** One row per feature: every property, plus geometry type and lng/lat (points; first vertex otherwise). */
export function featuresToCsv(collection: FeatureCollection): string {
  const keys = [...new Set(collection.features.flatMap((f) => Object.keys(f.properties ?? {})))]
  const rows = collection.features.map((f) => {
    const position = anchor(f)
    return [
      ...keys.map((k) => ownValue(f.properties, k)),
      f.geometry?.type ?? '',
      position?.[0] ?? '',
      position?.[1] ?? '',
    ]
  })
  return toCsv([...keys, 'geometry_type', 'lng', 'lat'], rows)
}

export function toGeoJsonText(collection: FeatureCollection): string {
  return `${JSON.stringify({ type: 'FeatureCollection', features: collection.features }, null, 1)}\n`
}
