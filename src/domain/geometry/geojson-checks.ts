/**
 * Validation of GeoJSON layers: geojson-validation for the structure, then our own checks for
 * what the structural check lets through (ranges, ring closure, winding, ids, properties).
 * Used by scripts/build-geo.ts (a failure stops the build) and by the loader in src/io
 * (a failure is shown to the user). Pure TypeScript.
 */
import { ownValue } from '../text/own-keys'
import * as geojsonValidation from 'geojson-validation'
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'

/** One problem, with enough context for a person to find and fix it. */
export interface GeoIssue {
  /** Which file or layer, e.g. "towns.geojson". */
  source: string
  /** Index of the feature in its collection, or null for a problem with the whole file. */
  featureIndex: number | null
  /** Property or geometry path, e.g. "properties.name" or "geometry.coordinates[0][3]". */
  field: string
  message: string
  severity: 'error' | 'warning'
}

export type BBox = [west: number, south: number, east: number, north: number]

/** Jinhua city (金华市) with a margin: data outside it is almost surely in the wrong place or CRS. */
export const JINHUA_BBOX: BBox = [119.0, 28.4, 120.9, 29.8]

export interface LayerRules {
  source: string
  /** Property names every feature must carry (non-empty). */
  requiredProperties?: readonly string[]
  /** Allowed geometry types; any if absent. */
  geometryTypes?: readonly Geometry['type'][]
  /** Property used as the unique feature id. */
  idProperty?: string
  /** Coordinates outside this box are reported (as errors for built-in layers). */
  bbox?: BBox
  /** RFC 7946 right-hand rule: exterior rings counter-clockwise, holes clockwise. */
  requireRightHandWinding?: boolean
}

/** Signed area by the shoelace formula, in squared degrees; positive means counter-clockwise. */
export function ringSignedArea(ring: readonly Position[]): number {
  let sum = 0
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!
    const b = ring[i + 1]!
    sum += a[0]! * b[1]! - b[0]! * a[1]!
  }
  return sum / 2
}

function positionsEqual(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1]
}

/** Every ring of a geometry with its path and whether it is an exterior ring. */
function* ringsOf(geometry: Geometry): Generator<{ ring: Position[]; path: string; exterior: boolean }> {
  if (geometry.type === 'Polygon') {
    for (const [r, ring] of geometry.coordinates.entries()) {
      yield { ring, path: `geometry.coordinates[${r}]`, exterior: r === 0 }
    }
  } else if (geometry.type === 'MultiPolygon') {
    for (const [p, polygon] of geometry.coordinates.entries()) {
      for (const [r, ring] of polygon.entries()) {
        yield { ring, path: `geometry.coordinates[${p}][${r}]`, exterior: r === 0 }
      }
    }
  }
}

/** Every position of a geometry with its path. */
export function* positionsOf(
  geometry: Geometry,
  base = 'geometry.coordinates',
): Generator<{ position: Position; path: string }> {
  switch (geometry.type) {
    case 'Point':
      yield { position: geometry.coordinates, path: base }
      return
    case 'MultiPoint':
    case 'LineString':
      for (const [i, p] of geometry.coordinates.entries()) yield { position: p, path: `${base}[${i}]` }
      return
    case 'MultiLineString':
    case 'Polygon':
      for (const [i, line] of geometry.coordinates.entries()) {
        for (const [j, p] of line.entries()) yield { position: p, path: `${base}[${i}][${j}]` }
      }
      return
    case 'MultiPolygon':
      for (const [i, polygon] of geometry.coordinates.entries()) {
        for (const [j, ring] of polygon.entries()) {
          for (const [k, p] of ring.entries()) yield { position: p, path: `${base}[${i}][${j}][${k}]` }
        }
      }
      return
    case 'GeometryCollection':
      for (const [i, g] of geometry.geometries.entries()) yield* positionsOf(g, `geometry.geometries[${i}].coordinates`)
  }
}

function isEmptyGeometry(geometry: Geometry): boolean {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.length === 0
  if (geometry.type === 'Point') return geometry.coordinates.length === 0
  return (
    geometry.coordinates.length === 0 || geometry.coordinates.some((part) => Array.isArray(part) && part.length === 0)
  )
}

function checkFeature(feature: Feature, index: number, rules: LayerRules): GeoIssue[] {
  const issues: GeoIssue[] = []
  const add = (field: string, message: string, severity: GeoIssue['severity'] = 'error') =>
    issues.push({ source: rules.source, featureIndex: index, field, message, severity })

  const geometry = feature.geometry
  if (!geometry) {
    add('geometry', 'geometry is null; expected a geometry')
    return issues
  }
  if (rules.geometryTypes && !rules.geometryTypes.includes(geometry.type)) {
    add('geometry.type', `found ${geometry.type}; expected ${rules.geometryTypes.join(' or ')}`)
  }
  if (isEmptyGeometry(geometry)) add('geometry.coordinates', 'empty geometry; expected at least one position')

  let outOfBox = 0
  for (const { position, path } of positionsOf(geometry)) {
    const [lng, lat] = position
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) {
      add(path, `found [${String(lng)}, ${String(lat)}]; expected finite numbers`)
      return issues
    }
    if (lng! < -180 || lng! > 180 || lat! < -90 || lat! > 90) {
      add(path, `found [${lng}, ${lat}]; expected longitude −180…180 and latitude −90…90 (WGS84 degrees)`)
      return issues
    }
    if (rules.bbox) {
      const [w, s, e, n] = rules.bbox
      if (lng! < w || lng! > e || lat! < s || lat! > n) {
        if (outOfBox++ === 0) add(path, `found [${lng}, ${lat}]; expected inside ${rules.bbox.join(', ')} (金华市)`)
      }
    }
  }

  for (const { ring, path, exterior } of ringsOf(geometry)) {
    if (ring.length < 4) {
      add(path, `ring has ${ring.length} positions; expected at least 4`)
      continue
    }
    if (!positionsEqual(ring[0]!, ring[ring.length - 1]!)) {
      add(path, 'ring is not closed; expected the last position to equal the first')
      continue
    }
    if (rules.requireRightHandWinding) {
      const counterClockwise = ringSignedArea(ring) > 0
      if (counterClockwise !== exterior) {
        add(
          path,
          `${exterior ? 'exterior' : 'interior'} ring is ${counterClockwise ? 'counter-clockwise' : 'clockwise'}; ` +
            'expected the RFC 7946 right-hand rule',
        )
      }
    }
  }

  for (const name of rules.requiredProperties ?? []) {
    const value = ownValue(feature.properties, name)
    if (value === undefined || value === null || value === '') {
      add(`properties.${name}`, `missing; expected a value for "${name}"`)
    }
  }
  return issues
}

/** Checks a FeatureCollection against geojson-validation and the layer's rules. */
export function checkFeatureCollection(data: unknown, rules: LayerRules): GeoIssue[] {
  const structural = geojsonValidation.valid(data, true)
  if (structural.length > 0) {
    return structural.slice(0, 20).map((message) => ({
      source: rules.source,
      featureIndex: featureIndexFromMessage(message),
      field: '',
      message: `not valid GeoJSON: ${message}`,
      severity: 'error' as const,
    }))
  }
  const object = data as { type: string }
  if (object.type !== 'FeatureCollection') {
    return [
      {
        source: rules.source,
        featureIndex: null,
        field: 'type',
        message: `found ${object.type}; expected FeatureCollection`,
        severity: 'error',
      },
    ]
  }
  const collection = data as FeatureCollection
  const issues: GeoIssue[] = []
  const seenIds = new Map<string, number>()
  for (const [index, feature] of collection.features.entries()) {
    issues.push(...checkFeature(feature, index, rules))
    if (rules.idProperty) {
      const id = String(feature.properties?.[rules.idProperty] ?? '')
      const first = seenIds.get(id)
      if (first !== undefined) {
        issues.push({
          source: rules.source,
          featureIndex: index,
          field: `properties.${rules.idProperty}`,
          message: `duplicate id "${id}" (first at feature ${first})`,
          severity: 'error',
        })
      } else {
        seenIds.set(id, index)
      }
    }
  }
  return issues
}

/** geojson-validation prefixes messages with "at N:" for features; keep N when it is there. */
function featureIndexFromMessage(message: string): number | null {
  const match = /^at (\d+):/.exec(message)
  return match ? Number(match[1]) : null
}

/** "towns.geojson, feature 3, properties.name: missing; …" */
export function formatGeoIssue(issue: GeoIssue): string {
  const where = [
    issue.source,
    issue.featureIndex === null ? null : `feature ${issue.featureIndex}`,
    issue.field || null,
  ]
    .filter(Boolean)
    .join(', ')
  return `${where}: ${issue.message}`
}
