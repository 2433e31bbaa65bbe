// Declared and guessed coordinate systems through importBytes (import-file.ts): conversion, suggestions
// and re-running, shapefiles with a .prj.
import gcoord from 'gcoord'
import type { Point, Polygon } from 'geojson'
import proj4 from 'proj4'
import { beforeAll, describe, expect, test } from 'vitest'
import { positionConverter } from '../../../../src/user-data/import/convert-crs'
import { importBytes } from '../../../../src/user-data/import/import-file'
import type { DeclaredCrs } from '../../../../src/user-data/import/types'
import { loadProjections, PROJECTED_CRS_DEFINITIONS } from '../../../../src/user-data/import/crs-detect'
import { writeShapefile } from '../../../fixtures/support/shapefile-writer'
import { writeZip } from '../../../fixtures/support/zip-writer'

const DUOHU: [number, number] = [119.68511, 29.0937]
// positionConverter is called directly below; proj4 is loaded on demand (importBytes loads it itself).
beforeAll(() => loadProjections())
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))
const pointFile = (...positions: number[][]) =>
  bytes({
    type: 'FeatureCollection',
    features: positions.map((coordinates) => ({
      type: 'Feature',
      properties: {},
      geometry: { type: 'Point', coordinates },
    })),
  })
const run = (file: Uint8Array, declaredCrs: DeclaredCrs, fileName = 'a.geojson') =>
  importBytes(file, { fileName, declaredCrs })
const firstPoint = async (file: Uint8Array, crs: DeclaredCrs) =>
  ((await run(file, crs)).data!.features[0]!.geometry as Point).coordinates

/** Metres on the ground between two WGS84 positions (equirectangular; fine over metres). */
function metresApart(a: number[], b: number[]): number {
  const toRadians = Math.PI / 180
  const dx = (a[0]! - b[0]!) * toRadians * Math.cos(a[1]! * toRadians) * 6_371_000
  const dy = (a[1]! - b[1]!) * toRadians * 6_371_000
  return Math.hypot(dx, dy)
}

describe('declared CRS conversion', () => {
  test.each(['EPSG:3857', 'CGCS2000-GK-3deg-120', 'CGCS2000-GK-6deg-20'] as const)(
    '%s converts back to within a millimetre',
    async (crs) => {
      const projected = proj4('WGS84', PROJECTED_CRS_DEFINITIONS[crs], DUOHU)
      expect(metresApart(await firstPoint(pointFile(projected), crs), DUOHU)).toBeLessThan(0.001)
    },
  )

  test('GCJ-02 and BD-09 convert back within a metre (gcoord), heights kept', async () => {
    for (const [crs, to] of [
      ['GCJ-02', gcoord.GCJ02],
      ['BD-09', gcoord.BD09],
    ] as const) {
      const shifted = gcoord.transform([...DUOHU], gcoord.WGS84, to) as [number, number]
      expect(metresApart(shifted, DUOHU)).toBeGreaterThan(100)
      const converted = await firstPoint(pointFile([...shifted, 42]), crs)
      expect(metresApart(converted, DUOHU)).toBeLessThan(1)
      expect(converted[2]).toBe(42)
    }
  })

  test('swap-axes swaps, keeping any third value', async () => {
    expect(await firstPoint(pointFile([29.0937, 119.68511, 7]), 'swap-axes')).toEqual([119.68511, 29.0937, 7])
  })

  test('conversion never changes its input (gcoord mutates what it is given)', () => {
    const position = [119.7, 29.1, 5]
    for (const crs of ['GCJ-02', 'BD-09', 'swap-axes', 'EPSG:3857'] as const) {
      positionConverter(crs)!(position)
      expect(position).toEqual([119.7, 29.1, 5])
    }
    expect(positionConverter('auto')).toBeNull()
    expect(positionConverter('EPSG:4326')).toBeNull()
  })

  test('polygons keep closed rings after conversion', async () => {
    const ring = [
      [119.6, 29.0],
      [119.7, 29.0],
      [119.7, 29.1],
      [119.6, 29.0],
    ].map((position) => proj4('WGS84', PROJECTED_CRS_DEFINITIONS['EPSG:3857'], position))
    const file = bytes({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } })
    const result = await run(file, 'EPSG:3857')
    expect(result.problems).toEqual([])
    const converted = (result.data!.features[0]!.geometry as Polygon).coordinates[0]!
    expect(converted[0]).toEqual(converted[3])
  })
})

describe('the CRS suggestions and re-running', () => {
  test('auto on Web Mercator metres: not ok, one file-level error, a suggestion; re-run converts', async () => {
    const file = pointFile(proj4('WGS84', 'EPSG:3857', DUOHU), proj4('WGS84', 'EPSG:3857', [119.8, 29.2]))
    const auto = await run(file, 'auto')
    expect(auto).toMatchObject({ ok: false, data: null, featureCount: 0, rejectedCount: 2 })
    expect(auto.problems).toHaveLength(1)
    expect(auto.problems[0]).toMatchObject({ severity: 'error', featureIndex: null, line: null })
    expect(auto.crsSuggestions.map((suggestion) => suggestion.crs)).toEqual(['EPSG:3857'])
    const again = await run(file, auto.crsSuggestions[0]!.crs)
    expect(again).toMatchObject({ ok: true, featureCount: 2, rejectedCount: 0, problems: [], crsSuggestions: [] })
  })

  test('auto keeps the valid degree features of a partly projected file', async () => {
    const result = await run(pointFile(DUOHU, DUOHU, DUOHU, proj4('WGS84', 'EPSG:3857', DUOHU)), 'auto')
    expect(result).toMatchObject({ ok: true, featureCount: 3, rejectedCount: 1 })
    expect(result.problems[0]!.featureIndex).toBe(3)
    expect(result.crsSuggestions.map((suggestion) => suggestion.crs)).toEqual(['EPSG:3857'])
  })

  test('a wrong declaration warns and suggests the likely CRS', async () => {
    const gk = proj4('WGS84', PROJECTED_CRS_DEFINITIONS['CGCS2000-GK-3deg-120'], DUOHU)
    const result = await run(pointFile(gk), 'EPSG:3857')
    expect(result.problems.some((problem) => /look more like "CGCS2000 Gauss-Krüger 3°/.test(problem.message.en))).toBe(
      true,
    )
    expect(result.crsSuggestions[0]!.crs).toBe('CGCS2000-GK-3deg-120')
  })

  test('data outside Jinhua is kept with a warning', async () => {
    const result = await run(pointFile([116.3975, 39.9087], DUOHU), 'auto')
    expect(result).toMatchObject({ ok: true, featureCount: 2 })
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.severity).toBe('warning')
    expect(result.problems[0]!.message.en).toBe(
      '1 of 2 features lie outside Jinhua (e.g. feature 0 at [116.3975, 39.9087]); ' +
        'the data was kept — check the coordinate system',
    )
  })
})

describe('shapefiles with a .prj', () => {
  const gk3Prj =
    'PROJCS["CGCS2000_3_Degree_GK_CM_120E",' +
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",' +
    'DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],' +
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
    'PROJECTION["Gauss_Kruger"],' +
    'PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],' +
    'PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],' +
    'UNIT["Meter",1.0]]'
  const gk = proj4('WGS84', PROJECTED_CRS_DEFINITIONS['CGCS2000-GK-3deg-120'], DUOHU) as [number, number]
  const zip = (prj: string | null) => {
    const files = writeShapefile(
      [{ kind: 'point', position: gk }],
      [{ name: 'NAME', type: 'C', length: 10 }],
      [['a']],
      { encode: (text) => new TextEncoder().encode(text) },
    )
    return writeZip([
      { name: 'p.shp', bytes: files.shp },
      { name: 'p.dbf', bytes: files.dbf },
      ...(prj ? [{ name: 'p.prj', bytes: new TextEncoder().encode(prj) }] : []),
    ])
  }

  test('a projected .prj converts the coordinates', async () => {
    const result = await run(zip(gk3Prj), 'auto', 'p.zip')
    expect(result.problems).toEqual([])
    expect(metresApart((result.data!.features[0]!.geometry as Point).coordinates, DUOHU)).toBeLessThan(0.01)
  })

  test('a declared projection is not applied twice', async () => {
    const result = await run(zip(gk3Prj), 'CGCS2000-GK-3deg-120', 'p.zip')
    expect(result.featureCount).toBe(1)
    expect(result.problems[0]!.message.en).toMatch(/the \.prj already converted/)
  })

  test('without a .prj, projected shapefile coordinates get the same suggestion as GeoJSON', async () => {
    const result = await run(zip(null), 'auto', 'p.zip')
    expect(result.ok).toBe(false)
    expect(result.crsSuggestions[0]!.crs).toBe('CGCS2000-GK-3deg-120')
    expect((await run(zip(null), 'CGCS2000-GK-3deg-120', 'p.zip')).featureCount).toBe(1)
  })

  test('an unreadable .prj is a warning; coordinates are read as they are', async () => {
    const result = await run(zip('not a projection'), 'CGCS2000-GK-3deg-120', 'p.zip')
    expect(result.featureCount).toBe(1)
    expect(result.problems[0]!.message.en).toMatch(/\.prj was not understood/)
  })
})

describe('converted features', () => {
  test('drop a bbox member that was in the old CRS; keep id and properties', async () => {
    const [x, y] = proj4('WGS84', 'EPSG:3857', DUOHU)
    const file = bytes({
      type: 'Feature',
      id: 'a1',
      bbox: [x, y, x, y],
      properties: { name: 'a' },
      geometry: { type: 'Point', coordinates: [x, y] },
    })
    const feature = (await run(file, 'EPSG:3857')).data!.features[0]!
    expect(feature.bbox).toBeUndefined()
    expect(feature.id).toBe('a1')
    expect(feature.properties).toEqual({ name: 'a' })
  })
})
