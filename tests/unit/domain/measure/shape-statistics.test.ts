/**
 * What lies inside a drawn shape: townships and their shares, points, lines and polygons counted as a
 * township's panel counts them, villages of the touched townships, and the readings surface over the
 * app's own grid.
 */
import { readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { featuresInTown, type TownArea } from '../../../../src/domain/geometry/aggregate'
import { stationReadings } from '../../../../src/domain/air/readings'
import { bufferGeometry } from '../../../../src/domain/measure/buffer'
import { shapeStatistics, type ShapeStatisticsInput } from '../../../../src/domain/measure/shape-statistics'
import { createSurfaceState, handleSurfaceRequest } from '../../../../src/workers/surface-protocol'
import { cellCentre, type StationValues } from '../../../../src/domain/surface/idw'

/**
 *   29.14 ┌──D───┐
 *   29.12 ├──A───┼──B───┐           ┌──C──┐
 *         │      │      │           │     │
 *   29.10 └──────┴──────┘           └─────┘
 *       119.70 119.72 119.74     119.80 119.82
 *
 * The district is A ∪ B less the triangle (119.73, 29.10)–(119.74, 29.10)–(119.74, 29.11), so that
 * the cell centre 119.735, 29.1033 lies in B but outside the district (no drawn value).
 *
 * The shape of most tests, 119.708..119.738 × 29.10..29.12, holds 0.6 of A and 0.9 of B (0.4 and 0.6
 * of the shape) and touches D along 119.708..119.72 only. The 1 km cells' centres (119.705, 119.715,
 * …) lie off its edges.
 */
function rectangle(west: number, south: number, east: number, north: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  }
}

const towns: TownArea[] = [
  { code: 'A', name: '甲镇', geometry: rectangle(119.7, 29.1, 119.72, 29.12) },
  { code: 'B', name: '乙镇', geometry: rectangle(119.72, 29.1, 119.74, 29.12) },
  { code: 'C', name: '丙乡', geometry: rectangle(119.8, 29.1, 119.82, 29.12) },
  { code: 'D', name: '丁街道', geometry: rectangle(119.7, 29.12, 119.72, 29.14) },
]
const district: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [119.7, 29.1],
      [119.73, 29.1],
      [119.74, 29.11],
      [119.74, 29.12],
      [119.7, 29.12],
      [119.7, 29.1],
    ],
  ],
}
const shape = rectangle(119.708, 29.1, 119.738, 29.12)

const feature = (geometry: Geometry, properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  geometry,
  properties,
})
const point = (lng: number, lat: number, properties: Record<string, unknown> = {}) =>
  feature({ type: 'Point', coordinates: [lng, lat] }, properties)
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })
const line = (...coordinates: Position[]) => feature({ type: 'LineString', coordinates })

const enforcement = collection([
  point(119.715, 29.11, { kind: 'inspection' }), // inside, in A
  point(119.708, 29.115, { kind: 'inspection' }), // on the shape's west edge: counted
  point(119.705, 29.11, { kind: 'inspection' }), // in A, outside the shape
  point(119.705, 29.105, { kind: 'inspection' }), // in A, outside the shape (in the MultiPolygon's small part)
  point(119.73, 29.105, { kind: 'case', case_type: 'penalty' }), // inside, in B
  point(119.725, 29.115, { kind: 'case', case_type: 'police' }), // inside: still a case
  point(119.72, 29.11, { kind: 'complaint' }), // another kind: neither
  point(119.739, 29.11, { kind: 'case' }), // in B, east of the shape
])
const monitoring = collection([
  point(119.715, 29.118, { name: '甲站', kind: 'air' }),
  point(119.734, 29.101, { name: '乙断面', kind: 'water-auto' }),
  point(119.705, 29.118, { name: '丙站', kind: 'air' }), // west of the shape
  point(119.73, 29.11, { id: 'P-9' }), // no name: its id
])
const rivers = collection([
  line([119.69, 29.115], [119.75, 29.115]), // across the shape
  line([119.6, 29.0], [119.72, 29.12]), // crosses it, though its middle (119.66, 29.06) is far outside
  line([119.7, 29.101], [119.705, 29.101]), // outside
])
const parks = collection([
  feature(rectangle(119.73, 29.11, 119.75, 29.13)), // overlaps
  feature(rectangle(119.738, 29.1, 119.74, 29.105)), // touches the east edge: intersects, as in a township
  feature(rectangle(119.8, 29.1, 119.81, 29.11)), // elsewhere
  feature({
    type: 'MultiPoint',
    coordinates: [
      [119.9, 29.1],
      [119.72, 29.105],
    ],
  }), // one position inside
])
const villagesByTown = new Map([
  ['A', 10],
  ['B', 7],
  ['C', 5],
  ['D', 3],
])

/** Two stations, in cells (0, 2) and (3, 0) of the 1 km grid over the district (4 × 3 cells). */
const stations: StationValues = { positions: new Float64Array([119.702, 29.102, 119.738, 29.118]), values: [10, 40] }
const surfaceInput = { district, stations, cellMetres: 1_000 }

const base: ShapeStatisticsInput = {
  shape,
  towns,
  enforcement,
  monitoring,
  layers: [
    { id: 'rivers', collection: rivers },
    { id: 'parks', collection: parks },
  ],
  villagesByTown,
  surface: surfaceInput,
}

/** IDW by hand, with the app's equirectangular metres about the grid's middle latitude (29.11°). */
function idwByHand([lng, lat]: [number, number]): number {
  const kx = 111_320 * Math.cos((29.11 * Math.PI) / 180)
  const ky = 110_574
  const d2 = (sLng: number, sLat: number) => ((lng - sLng) * kx) ** 2 + ((lat - sLat) * ky) ** 2
  const w1 = 1 / d2(119.702, 29.102)
  const w2 = 1 / d2(119.738, 29.118)
  return (w1 * 10 + w2 * 40) / (w1 + w2)
}

/** The worker's own surface over the district at 1 km (what the app draws). */
function drawnSurface() {
  const state = createSurfaceState()
  handleSurfaceRequest(state, { id: 1, type: 'setArea', geometry: district, cellMetres: 1_000 })
  const { response } = handleSurfaceRequest(state, {
    id: 2,
    type: 'surface',
    positions: stations.positions,
    values: new Float32Array(stations.values),
    pollutant: 'pm25',
  })
  if (!response.ok || response.type !== 'surface') throw new Error('no surface')
  return response.result
}

describe('shapeStatistics: a shape across two townships', () => {
  const stats = shapeStatistics(base)

  test('its area, and the townships it shares area with, most first, with both shares', () => {
    // 0.03° × 0.02° at 29.1°N: about 2.92 km × 2.22 km.
    expect(stats.areaSquareMetres).toBeGreaterThan(6.45e6)
    expect(stats.areaSquareMetres).toBeLessThan(6.49e6)
    expect(stats.towns.map((t) => [t.code, t.name])).toEqual([
      ['B', '乙镇'],
      ['A', '甲镇'],
    ])
    const [b, a] = stats.towns
    expect(b!.shareOfShape).toBeCloseTo(0.6, 6)
    expect(b!.shareOfTown).toBeCloseTo(0.9, 6)
    expect(a!.shareOfShape).toBeCloseTo(0.4, 6)
    expect(a!.shareOfTown).toBeCloseTo(0.6, 6)
    expect(a!.insideSquareMetres + b!.insideSquareMetres).toBeCloseTo(stats.areaSquareMetres, 0)
    expect(b!.insideSquareMetres / a!.insideSquareMetres).toBeCloseTo(1.5, 6)
  })

  test('a township touched only along an edge (D) is not listed, nor are its villages counted', () => {
    expect(stats.towns.some((t) => t.code === 'D')).toBe(false)
    expect(stats.villagesInTouchedTowns).toBe(17)
  })

  test('nor is one overlapped by a rounding sliver (an edge 1e-12° past the shared edge: about 0.0002 m²)', () => {
    const sliver = shapeStatistics({ shape: rectangle(119.72 - 1e-12, 29.1, 119.75, 29.12), towns })
    expect(sliver.towns.map((t) => t.code)).toEqual(['B'])
  })

  test('inspections and cases inside, the boundary included; other kinds are neither', () => {
    expect(stats.inspections).toBe(2)
    expect(stats.cases).toBe(2)
  })

  test('monitoring points inside, by name and kind', () => {
    expect(stats.monitoringPoints).toEqual([
      { name: '甲站', kind: 'air' },
      { name: '乙断面', kind: 'water-auto' },
      { name: 'P-9', kind: null },
    ])
  })

  test('a monitoring point is named by its name, else its id (a number written out), else nothing', () => {
    const points = collection([
      point(119.715, 29.11, { name: '', id: 7, kind: 3 }),
      point(119.716, 29.11, {}),
      feature({ type: 'Point', coordinates: [119.717, 29.11] }, null as never),
    ])
    expect(shapeStatistics({ ...base, monitoring: points, surface: undefined }).monitoringPoints).toEqual([
      { name: '7', kind: '3' },
      { name: '', kind: null },
      { name: '', kind: null },
    ])
  })

  test('layers: points inside, lines and polygons that intersect (not by centroid)', () => {
    expect(stats.layers).toEqual([
      { id: 'rivers', count: 2 },
      { id: 'parks', count: 3 },
    ])
  })

  test('the same counts a township panel gives when the shape is the township', () => {
    const asTownA = shapeStatistics({ ...base, shape: towns[0]!.geometry as Polygon })
    for (const { id, collection: c } of base.layers!) {
      expect(asTownA.layers.find((l) => l.id === id)!.count).toBe(featuresInTown(c, towns[0]!).length)
    }
    expect(asTownA.towns.map((t) => [t.code, t.shareOfShape, t.shareOfTown])).toEqual([['A', 1, 1]])
    expect(asTownA.villagesInTouchedTowns).toBe(10)
  })

  test('the surface over the cells whose centres lie in the shape and the district equals the drawn one', () => {
    const drawn = drawnSurface()
    const inside: number[] = []
    drawn.values.forEach((value, cell) => {
      const [lng, lat] = cellCentre(drawn.grid, cell % drawn.grid.columns, Math.floor(cell / drawn.grid.columns))
      const inShape = lng >= 119.708 && lng <= 119.738 && lat >= 29.1 && lat <= 29.12
      if (inShape && !Number.isNaN(value)) inside.push(value)
    })
    // Columns at 119.715, 119.725 and 119.735, three rows each, less 119.735, 29.1033 (outside the district).
    expect(inside).toHaveLength(8)
    expect(stats.surface).toEqual({
      mean: expect.closeTo(inside.reduce((a, b) => a + b, 0) / inside.length, 5),
      min: Math.min(...inside),
      max: Math.max(...inside),
      cells: 8,
      basis: 'cells',
    })
    // The station in cell (3, 0) pins its cell to its reading.
    expect(stats.surface!.max).toBe(40)
  })
})

describe('shapeStatistics: elsewhere and in parts', () => {
  test('a shape outside everything: its area and nothing else', () => {
    const stats = shapeStatistics({ ...base, shape: rectangle(119.9, 29.3, 119.91, 29.31) })
    expect(stats.areaSquareMetres).toBeGreaterThan(1e6)
    expect(stats).toMatchObject({
      towns: [],
      inspections: 0,
      cases: 0,
      monitoringPoints: [],
      layers: [
        { id: 'rivers', count: 0 },
        { id: 'parks', count: 0 },
      ],
      villagesInTouchedTowns: 0,
      surface: { mean: null, min: null, max: null, cells: 0, basis: 'none' },
    })
  })

  test('without the optional inputs, their figures are null or empty', () => {
    const stats = shapeStatistics({ shape, towns })
    expect(stats).toMatchObject({
      inspections: null,
      cases: null,
      monitoringPoints: null,
      layers: [],
      villagesInTouchedTowns: null,
      surface: null,
    })
    expect(stats.towns).toHaveLength(2)
  })

  test('a MultiPolygon: its parts add up, in each township they fall in', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [rectangle(119.701, 29.101, 119.706, 29.109).coordinates, shape.coordinates],
    }
    const stats = shapeStatistics({ ...base, shape: multi })
    const single = shapeStatistics(base)
    const small = shapeStatistics({ ...base, shape: rectangle(119.701, 29.101, 119.706, 29.109) })
    expect(stats.areaSquareMetres).toBeCloseTo(single.areaSquareMetres + small.areaSquareMetres, 0)
    const a = stats.towns.find((t) => t.code === 'A')!
    expect(a.insideSquareMetres).toBeCloseTo(small.areaSquareMetres + single.towns[1]!.insideSquareMetres, 0)
    // 0.6 of A, and 0.005° × 0.008° of its 0.02° × 0.02° (a hair off 0.1: the part lies off A's mid-latitude).
    expect(a.shareOfTown).toBeCloseTo(0.6 + 0.1, 4)
    expect(stats.towns.map((t) => t.code)).toEqual(['B', 'A'])
    expect(stats.inspections).toBe(3)
    expect(stats.monitoringPoints).toHaveLength(3)
    expect(stats.surface!.cells).toBe(9)
  })

  test('a shape covering one cell centre: the hand-computed IDW value there', () => {
    const stats = shapeStatistics({ ...base, shape: rectangle(119.712, 29.108, 119.718, 29.112) })
    const expected = idwByHand([119.715, 29.11])
    expect(stats.surface!.cells).toBe(1)
    expect(stats.surface!.basis).toBe('cells')
    expect(stats.surface!.mean).toBeCloseTo(expected, 4)
    expect(stats.surface!.min).toBe(stats.surface!.mean)
    expect(stats.surface!.max).toBe(stats.surface!.mean)
    // It lies in A alone.
    expect(stats.towns.map((t) => [t.code, t.shareOfShape])).toEqual([['A', 1]])
  })

  test('a shape too small for any cell centre takes the drawn cell under it', () => {
    const tiny = rectangle(119.7141, 29.1091, 119.7142, 29.1092)
    const stats = shapeStatistics({ ...base, shape: tiny })
    expect(stats.surface).toEqual({
      mean: expect.closeTo(idwByHand([119.715, 29.11]), 4),
      min: stats.surface!.mean,
      max: stats.surface!.mean,
      cells: 0,
      basis: 'point',
    })
  })

  test('outside the district, a tiny shape has no surface value either', () => {
    const tiny = rectangle(119.8101, 29.1091, 119.8102, 29.1092)
    const stats = shapeStatistics({ ...base, shape: tiny })
    expect(stats.surface).toEqual({ mean: null, min: null, max: null, cells: 0, basis: 'none' })
    expect(stats.towns.map((t) => t.code)).toEqual(['C'])
    // In the district's bbox but in the corner cut off it: the cell under it is not drawn.
    const corner = shapeStatistics({ ...base, shape: rectangle(119.7351, 29.1021, 119.7352, 29.1022) })
    expect(corner.surface).toEqual({ mean: null, min: null, max: null, cells: 0, basis: 'none' })
    expect(corner.towns.map((t) => t.code)).toEqual(['B'])
  })

  test('a shape partly outside the district counts only the cells inside it', () => {
    const stats = shapeStatistics({ ...base, shape: rectangle(119.73, 29.105, 119.76, 29.115) })
    const drawn = drawnSurface()
    // Only the centre 119.735, 29.11 (column 3, row 1) lies in both.
    expect(stats.surface).toEqual({
      mean: drawn.values[1 * drawn.grid.columns + 3],
      min: drawn.values[1 * drawn.grid.columns + 3],
      max: drawn.values[1 * drawn.grid.columns + 3],
      cells: 1,
      basis: 'cells',
    })
  })
})

describe('shapeStatistics on the app data', () => {
  const geo = (name: string) => JSON.parse(readFileSync(`public/geo/${name}.geojson`, 'utf8')) as FeatureCollection
  const realDistrict = geo('district').features[0]!.geometry as Polygon

  test('a 1 km buffer: the same cells and values as the surface the app draws (200 m cells)', () => {
    const readings = stationReadings(geo('monitoring-points'), 'pm25', 7)
    const buffered = bufferGeometry({ type: 'Point', coordinates: [119.72, 29.12] }, 1_000)
    if (!buffered.ok) throw new Error(buffered.message.en)
    const stats = shapeStatistics({
      shape: buffered.geometry,
      towns: [],
      surface: { district: realDistrict, stations: readings },
    })
    const state = createSurfaceState()
    handleSurfaceRequest(state, { id: 1, type: 'setArea', geometry: realDistrict, cellMetres: 200 })
    const { response } = handleSurfaceRequest(state, { id: 2, type: 'surface', ...readings, pollutant: 'pm25' })
    if (!response.ok || response.type !== 'surface') throw new Error('no surface')
    const { grid, values } = response.result
    const inBuffer = featuresInTown(
      collection(
        [...values.keys()].map((cell) => {
          const [lng, lat] = cellCentre(grid, cell % grid.columns, Math.floor(cell / grid.columns))
          return point(lng, lat, { value: values[cell] })
        }),
      ),
      { code: '', name: '', geometry: buffered.geometry },
    )
    const drawn = inBuffer.map((f) => f.properties!.value as number).filter((v) => !Number.isNaN(v))
    // π km² in 0.04 km² cells: about 78.
    expect(drawn.length).toBeGreaterThan(70)
    expect(stats.surface!.cells).toBe(drawn.length)
    expect(stats.surface!.mean).toBeCloseTo(drawn.reduce((a, b) => a + b, 0) / drawn.length, 4)
    expect(stats.surface!.min).toBe(Math.min(...drawn))
    expect(stats.surface!.max).toBe(Math.max(...drawn))
  })
})
