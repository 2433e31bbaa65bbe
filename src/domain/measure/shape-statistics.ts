/**
 * What lies inside a drawn area or a buffer: the same figures a township's panel gives, so that
 * the user can ask them of any area ("how many inspections within 1 km of this river?").
 *
 * Rules, chosen so that a shape drawn exactly over a township gives that township's figures:
 *  - Features are counted by featuresInTown (src/domain/geometry/aggregate.ts) with the shape as
 *    the town: points (and MultiPoint positions) inside it, its boundary included; lines, polygons
 *    and collections when they intersect it at all (touching counts), not by their centroid.
 *  - Townships are those sharing area with the shape (turf.intersect, areas geodesic); one touched
 *    only along an edge or at a corner shares no area and is not listed.
 *  - Villages (村/社区) have no coordinates, so which of them lie inside cannot be known: the count
 *    given is that of every village in the townships the shape touches, and the app says so.
 *  - The readings surface is the app's own: the grid over the district outline's bbox (200 m cells
 *    unless told), the worker's IDW (power 2, every station; src/workers/surface-protocol.ts), at
 *    the cells whose centre lies inside both the district and the shape. Only the cells in the
 *    shape's bbox are masked, so a 1 km buffer costs a few dozen cells, not the district's 16,500.
 *  - A shape too small to hold a cell centre (a buffer of 50 m) takes the value of the drawn cell
 *    under a point of the shape (its centroid when that lies inside it): basis 'point', cells 0.
 *    When that cell is not drawn either (outside the district), there is no value: basis 'none'.
 *
 * Pure TypeScript.
 */
import { bbox, featureCollection, intersect, pointOnFeature } from '@turf/turf'
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { featuresInTown, type TownArea } from '../geometry/aggregate'
import { gridOver, idwSurface, polygonMask, type StationValues, type SurfaceGrid } from '../surface/idw'
import { geodesicAreaSquareMetres } from './geodesic'

export interface ShapeStatisticsInput {
  shape: Polygon | MultiPolygon
  /** The area units (townships), as townAreasFrom gives them. */
  towns: readonly TownArea[]
  /** Inspection and case points (properties.kind 'inspection' | 'case'; other kinds are ignored). */
  enforcement?: FeatureCollection
  /** Monitoring points (air stations, water sections), with properties.name and properties.kind. */
  monitoring?: FeatureCollection
  /** Every other counted layer, the user's included. */
  layers?: readonly { id: string; collection: FeatureCollection }[]
  /** Villages (村/社区) per township code. */
  villagesByTown?: ReadonlyMap<string, number>
  /** The readings surface's inputs: the district outline, the stations' values, the cell size (200 m). */
  surface?: { district: Polygon | MultiPolygon; stations: StationValues; cellMetres?: number }
}

export interface TownInShape {
  code: string
  name: string
  /** The area the township and the shape share, m² (geodesic). */
  insideSquareMetres: number
  /** insideSquareMetres / the shape's area, 0..1. */
  shareOfShape: number
  /** insideSquareMetres / the township's area, 0..1. */
  shareOfTown: number
}

export interface SurfaceInShape {
  /** Mean, min and max of the surface over the counted cells (or the one 'point' value); null when none. */
  mean: number | null
  min: number | null
  max: number | null
  /** Cells whose centre lies inside both the district and the shape (with a value). */
  cells: number
  /** 'cells': over those cells; 'point': a shape too small for a cell centre, the cell under it; 'none'. */
  basis: 'cells' | 'point' | 'none'
}

export interface ShapeStatistics {
  areaSquareMetres: number
  /** Townships sharing area with the shape, most shared area first. */
  towns: TownInShape[]
  inspections: number | null
  cases: number | null
  monitoringPoints: { name: string; kind: string | null }[] | null
  layers: { id: string; count: number }[]
  /** Villages of all the touched townships (not only those inside: villages have no coordinates). */
  villagesInTouchedTowns: number | null
  surface: SurfaceInShape | null
}

/** Shared areas below this (0.01 m², a 10 cm square) are rounding along a common edge, not area. */
const MIN_SHARED_SQUARE_METRES = 0.01

type Box = [number, number, number, number]

function boxOf(geometry: Polygon | MultiPolygon): Box {
  const [west, south, east, north] = bbox(geometry, { recompute: true })
  return [west, south, east, north]
}

const boxesOverlap = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
const clamp01 = (value: number) => Math.min(1, Math.max(0, value))

function townsInShape(shape: Polygon | MultiPolygon, shapeArea: number, towns: readonly TownArea[]): TownInShape[] {
  const shapeBox = boxOf(shape)
  const shapeFeature: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry: shape, properties: {} }
  const found: TownInShape[] = []
  for (const town of towns) {
    if (!boxesOverlap(shapeBox, boxOf(town.geometry))) continue
    const townFeature: Feature<Polygon | MultiPolygon> = { type: 'Feature', geometry: town.geometry, properties: {} }
    const shared = intersect(featureCollection([shapeFeature, townFeature]))
    const inside = shared ? geodesicAreaSquareMetres(shared.geometry) : 0
    if (inside < MIN_SHARED_SQUARE_METRES) continue
    const townArea = geodesicAreaSquareMetres(town.geometry)
    found.push({
      code: town.code,
      name: town.name,
      insideSquareMetres: inside,
      shareOfShape: shapeArea > 0 ? clamp01(inside / shapeArea) : 0,
      shareOfTown: townArea > 0 ? clamp01(inside / townArea) : 0,
    })
  }
  return found.sort((a, b) => b.insideSquareMetres - a.insideSquareMetres)
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null

/** The cells of `grid` that a box covers, as a grid of its own (same cell edges), or null outside. */
function windowOf(grid: SurfaceGrid, box: Box): { grid: SurfaceGrid; column: number; row: number } | null {
  const cellLng = (grid.east - grid.west) / grid.columns
  const cellLat = (grid.north - grid.south) / grid.rows
  const gridBox: Box = [grid.west, grid.south, grid.east, grid.north]
  if (!boxesOverlap(box, gridBox)) return null
  const column0 = Math.max(0, Math.floor((box[0] - grid.west) / cellLng))
  const column1 = Math.min(grid.columns - 1, Math.floor((box[2] - grid.west) / cellLng))
  const row0 = Math.max(0, Math.floor((grid.north - box[3]) / cellLat))
  const row1 = Math.min(grid.rows - 1, Math.floor((grid.north - box[1]) / cellLat))
  return {
    column: column0,
    row: row0,
    grid: {
      west: grid.west + column0 * cellLng,
      east: grid.west + (column1 + 1) * cellLng,
      north: grid.north - row0 * cellLat,
      south: grid.north - (row1 + 1) * cellLat,
      columns: column1 - column0 + 1,
      rows: row1 - row0 + 1,
    },
  }
}

/**
 * A mask over the whole grid with 1 at the cells of `box` whose centres lie inside every one of
 * `areas`; the polygons are scanned over the box's cells only.
 */
function maskWithin(grid: SurfaceGrid, box: Box, areas: readonly (Polygon | MultiPolygon)[]) {
  const mask = new Uint8Array(grid.columns * grid.rows)
  const window = windowOf(grid, box)
  if (!window) return { mask, cells: 0 }
  const masks = areas.map((area) => polygonMask(window.grid, area))
  let cells = 0
  for (let row = 0; row < window.grid.rows; row++)
    for (let column = 0; column < window.grid.columns; column++) {
      const local = row * window.grid.columns + column
      if (!masks.every((m) => m[local] === 1)) continue
      mask[(window.row + row) * grid.columns + window.column + column] = 1
      cells++
    }
  return { mask, cells }
}

const NO_SURFACE: SurfaceInShape = { mean: null, min: null, max: null, cells: 0, basis: 'none' }

function surfaceInShape(
  shape: Polygon | MultiPolygon,
  { district, stations, cellMetres = 200 }: NonNullable<ShapeStatisticsInput['surface']>,
): SurfaceInShape {
  const grid = gridOver(boxOf(district), cellMetres)
  let { mask, cells } = maskWithin(grid, boxOf(shape), [district, shape])
  let basis: SurfaceInShape['basis'] = 'cells'
  if (cells === 0) {
    // Too small for a cell centre: the drawn cell under a point of the shape, if it is drawn.
    const [lng, lat] = pointOnFeature(shape).geometry.coordinates as [number, number]
    ;({ mask, cells } = maskWithin(grid, [lng, lat, lng, lat], [district]))
    if (cells === 0) return NO_SURFACE
    basis = 'point'
  }
  // The worker's call (surface-protocol.ts): power 2, every station, the mask.
  const values = idwSurface(grid, stations, { mask })
  let sum = 0
  let count = 0
  let min = Infinity
  let max = -Infinity
  // NaN outside the mask (and everywhere when no station has a value).
  values.forEach((value) => {
    if (Number.isNaN(value)) return
    sum += value
    count++
    min = Math.min(min, value)
    max = Math.max(max, value)
  })
  if (count === 0) return NO_SURFACE
  return { mean: sum / count, min, max, cells: basis === 'cells' ? count : 0, basis }
}

/** The figures of a drawn area or buffer, by the rules in the file comment. */
export function shapeStatistics(input: ShapeStatisticsInput): ShapeStatistics {
  const { shape } = input
  const asTown: TownArea = { code: '', name: '', geometry: shape }
  const inside = (collection: FeatureCollection) => featuresInTown(collection, asTown)
  const areaSquareMetres = geodesicAreaSquareMetres(shape)
  const towns = townsInShape(shape, areaSquareMetres, input.towns)
  const enforcement = input.enforcement ? inside(input.enforcement) : null
  const countKind = (kind: string) => enforcement?.filter((f) => f.properties?.kind === kind).length ?? null
  const villages = input.villagesByTown
  return {
    areaSquareMetres,
    towns,
    inspections: countKind('inspection'),
    cases: countKind('case'),
    monitoringPoints: input.monitoring
      ? inside(input.monitoring).map((f) => ({
          name: text(f.properties?.name) ?? text(f.properties?.id) ?? '',
          kind: text(f.properties?.kind),
        }))
      : null,
    layers: (input.layers ?? []).map(({ id, collection }) => ({ id, count: inside(collection).length })),
    villagesInTouchedTowns: villages ? towns.reduce((sum, town) => sum + (villages.get(town.code) ?? 0), 0) : null,
    surface: input.surface ? surfaceInShape(shape, input.surface) : null,
  }
}
