/**
 * Counting features per township (乡镇/街道) by geometry.
 *
 * Why geometry and not the features' own town_code property: the township areas shipped with the
 * app are approximate (Voronoi cells of the seats), and the user may load real boundaries in their
 * place. Counting by geometry makes every per-town figure follow whatever boundaries are loaded, so a
 * point whose town_code disagrees with its position is counted where it lies.
 *
 * Rules:
 *  - Points (and each position of a MultiPoint) belong to the towns whose polygon contains them,
 *    boundary included (pointInArea, src/domain/geometry/planar.ts: turf's booleanPointInPolygon rule).
 *  - A Point is counted once: if it lies on an edge shared by two towns, it goes to the first of
 *    them in the towns list, so per-town counts add up to the number of points and district totals
 *    reconcile with the report. featuresInTown sees one town only and so lists such a point in
 *    both towns.
 *  - Every other geometry (lines, polygons, multi-geometries, collections) counts in every town it
 *    intersects (touchesArea, planar.ts: turf's booleanIntersects rule): a river crossing two towns
 *    counts in both. Touching a town's edge counts as intersecting.
 *
 * Every test is preceded by a bounding-box check, which is exact for rejection and cheap.
 *
 * Pure TypeScript.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import { REPORT_MONTHS } from '../types'
import { boxOf, pointInArea, touchesArea, type Box } from './planar'

export interface TownArea {
  code: string
  name: string
  geometry: Polygon | MultiPolygon
}

type PropertyFilter = (properties: Record<string, unknown>) => boolean

/** A town with its bounding box, computed once per call rather than once per feature. */
interface IndexedTown {
  town: TownArea
  box: Box
}

function indexTowns(towns: readonly TownArea[]): IndexedTown[] {
  return towns.map((town) => ({ town, box: boxOf(town.geometry) }))
}

function positionInBox(position: Position, box: Box): boolean {
  const [lng, lat] = position
  return lng! >= box[0] && lng! <= box[2] && lat! >= box[1] && lat! <= box[3]
}

function boxesOverlap(a: Box, b: Box): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
}

function isFinitePosition(position: Position): boolean {
  return Number.isFinite(position[0]) && Number.isFinite(position[1])
}

function pointInTown(position: Position, indexed: IndexedTown): boolean {
  return positionInBox(position, indexed.box) && pointInArea(position, indexed.town.geometry)
}

/** The code of the first town containing position, or null. */
function townOfPosition(position: Position, indexed: readonly IndexedTown[]): string | null {
  if (!isFinitePosition(position)) return null
  for (const candidate of indexed) {
    if (pointInTown(position, candidate)) return candidate.town.code
  }
  return null
}

function propertiesOf(feature: Feature): Record<string, unknown> {
  return (feature.properties ?? {}) as Record<string, unknown>
}

/** Whether a feature other than a Point lies (at least partly) in the town. */
function geometryInTown(geometry: Geometry, geometryBox: Box, indexed: IndexedTown): boolean {
  if (!boxesOverlap(geometryBox, indexed.box)) return false
  if (geometry.type === 'MultiPoint') {
    return geometry.coordinates.some((position) => isFinitePosition(position) && pointInTown(position, indexed))
  }
  return touchesArea(geometry, indexed.town.geometry)
}

function hasCoordinates(geometry: Geometry): boolean {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.some(hasCoordinates)
  return geometry.coordinates.length > 0
}

/** Codes of the towns a feature counts in, by the rules in the file comment. */
function townsOfFeature(feature: Feature, indexed: readonly IndexedTown[]): string[] {
  const geometry = feature.geometry
  if (!geometry || !hasCoordinates(geometry)) return []
  if (geometry.type === 'Point') {
    const code = townOfPosition(geometry.coordinates, indexed)
    return code === null ? [] : [code]
  }
  const geometryBox = boxOf(geometry)
  return indexed
    .filter((candidate) => geometryInTown(geometry, geometryBox, candidate))
    .map((candidate) => candidate.town.code)
}

/** A code as the towns layer writes it: a non-empty string, or a number (from a spreadsheet export). */
function codeFrom(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

/**
 * Towns from a towns FeatureCollection (properties.code, properties.name). Features without a code,
 * a name or a Polygon/MultiPolygon geometry are skipped; the loaders report those to the user.
 */
export function townAreasFrom(collection: FeatureCollection): TownArea[] {
  const towns: TownArea[] = []
  for (const feature of collection.features) {
    const properties = propertiesOf(feature)
    const code = codeFrom(properties.code)
    const name = typeof properties.name === 'string' && properties.name.trim() !== '' ? properties.name : null
    const geometry = feature.geometry
    if (code === null || name === null || !geometry) continue
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue
    towns.push({ code, name, geometry })
  }
  return towns
}

/**
 * For each feature, the code of the town containing it, or null when it is in no town or is not a
 * Point. A point on an edge shared by two towns goes to the first of them in the towns list.
 */
export function townOfPoints(points: readonly Feature[], towns: readonly TownArea[]): (string | null)[] {
  const indexed = indexTowns(towns)
  return points.map((feature) => {
    const geometry = feature.geometry
    if (!geometry || geometry.type !== 'Point') return null
    return townOfPosition(geometry.coordinates, indexed)
  })
}

function zeroCounts(towns: readonly TownArea[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const town of towns) counts[town.code] = 0
  return counts
}

/**
 * Features per town, of any geometry type, by the rules in the file comment. Every town code is a
 * key (0 when nothing is there). filter, when given, sees each feature's properties ({} if none).
 */
export function countInTowns(
  collection: FeatureCollection,
  towns: readonly TownArea[],
  filter?: PropertyFilter,
): Record<string, number> {
  const indexed = indexTowns(towns)
  const counts = zeroCounts(towns)
  for (const feature of collection.features) {
    if (filter && !filter(propertiesOf(feature))) continue
    // A town listed twice under one code is one town: count the feature in it once.
    for (const code of new Set(townsOfFeature(feature, indexed))) counts[code] = (counts[code] ?? 0) + 1
  }
  return counts
}

const MONTH_COUNT = REPORT_MONTHS.length

/** The report month (1..10) a feature belongs to, or null when properties.month is not one. */
function reportMonthOf(properties: Record<string, unknown>): number | null {
  const month = properties.month
  return typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= MONTH_COUNT ? month : null
}

/**
 * Jan..Oct counts per town (10 entries, index 0 = January) of Point features whose properties.month
 * is an integer 1..10; other features are skipped. Every town code is a key.
 */
export function monthlyCountsInTowns(
  collection: FeatureCollection,
  towns: readonly TownArea[],
  filter?: PropertyFilter,
): Record<string, number[]> {
  const indexed = indexTowns(towns)
  const counts: Record<string, number[]> = {}
  for (const town of towns) counts[town.code] = new Array<number>(MONTH_COUNT).fill(0)
  for (const feature of collection.features) {
    const geometry = feature.geometry
    if (!geometry || geometry.type !== 'Point') continue
    const properties = propertiesOf(feature)
    const month = reportMonthOf(properties)
    if (month === null || (filter && !filter(properties))) continue
    const code = townOfPosition(geometry.coordinates, indexed)
    const series = code === null ? undefined : counts[code]
    if (series) series[month - 1]! += 1
  }
  return counts
}

/**
 * Features of a collection in one town, by the rules in the file comment. A point on the town's
 * edge is included (this function cannot see which neighbour countInTowns would give it to).
 */
export function featuresInTown(collection: FeatureCollection, town: TownArea): Feature[] {
  const indexed = indexTowns([town])
  return collection.features.filter((feature) => townsOfFeature(feature, indexed).length > 0)
}

/** featuresInTown's counts, per collection and town (both are replaced when they change, never mutated). */
const countsInTown = new WeakMap<FeatureCollection, WeakMap<TownArea, number>>()

/**
 * How many features of a collection lie in one town (featuresInTown's length), remembered for the
 * same collection and town: a township's panel opened again counts nothing again (lines and areas
 * are tested against the boundary with turf, a few milliseconds a layer).
 */
export function countInTown(collection: FeatureCollection, town: TownArea): number {
  let byTown = countsInTown.get(collection)
  if (!byTown) countsInTown.set(collection, (byTown = new WeakMap()))
  let count = byTown.get(town)
  if (count === undefined) byTown.set(town, (count = featuresInTown(collection, town).length))
  return count
}
