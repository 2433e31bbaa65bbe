/**
 * Deterministic reading and writing for the geo build: the same seeds must give the same bytes,
 * so coordinates are rounded, keys keep a fixed order and nothing depends on time or locale.
 */
import { readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'

/** 6 decimals ≈ 0.1 m: far below the accuracy of any source here, and keeps the files small. */
export const COORDINATE_DECIMALS = 6

export function readText(path: string): string {
  return readFileSync(path, 'utf8')
}

export function readJson<T>(path: string): T {
  return JSON.parse(readText(path)) as T
}

/** A minimal CSV reader for our own seed files: comma-separated, no quoted commas. */
export function readCsv(path: string): Record<string, string>[] {
  const lines = readText(path)
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
  const header = lines[0]?.split(',') ?? []
  return lines.slice(1).map((line, lineIndex) => {
    const cells = line.split(',')
    if (cells.length < header.length)
      throw new Error(`${path}, line ${lineIndex + 2}: found ${cells.length} cells; expected ${header.length}`)
    // A last column may hold commas (free-text notes): join the overflow back into it.
    const row: Record<string, string> = {}
    header.forEach((name, i) => {
      row[name] = i === header.length - 1 ? cells.slice(i).join(',') : cells[i]!
    })
    return row
  })
}

const round = (value: number): number => {
  const factor = 10 ** COORDINATE_DECIMALS
  const rounded = Math.round(value * factor) / factor
  return Object.is(rounded, -0) ? 0 : rounded
}

function roundLine(line: Position[], closed: boolean): Position[] {
  const out: Position[] = []
  for (const p of line) {
    const q = [round(p[0]!), round(p[1]!)]
    const last = out[out.length - 1]
    // Rounding can make neighbours equal; a repeated position adds nothing and confuses winding checks.
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q)
  }
  if (closed && out.length > 1) {
    const first = out[0]!
    const last = out[out.length - 1]!
    if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0]!, first[1]!])
  }
  return out
}

export function roundGeometry(geometry: Geometry): Geometry {
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: geometry.coordinates.map(round) }
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map((p) => p.map(round)) }
    case 'LineString':
      return { type: 'LineString', coordinates: roundLine(geometry.coordinates, false) }
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((l) => roundLine(l, false)) }
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((r) => roundLine(r, true)) }
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((poly) => poly.map((r) => roundLine(r, true))),
      }
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map(roundGeometry) }
  }
}

/** One feature per line: diffs stay readable and the bytes are stable. */
export function serialiseFeatureCollection(features: Feature[]): string {
  const lines = features.map((f) =>
    JSON.stringify({ type: 'Feature', id: f.id, properties: f.properties, geometry: f.geometry }),
  )
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`
}

export function featureCollection<G extends Geometry>(features: Feature<G>[]): FeatureCollection<G> {
  return { type: 'FeatureCollection', features }
}
