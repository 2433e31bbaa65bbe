/**
 * The county outlines come from AMap (GCJ-02) and are converted to WGS84 by
 * scripts/import-counties.ts with gcoord. These tests pin down that the conversion is real (the
 * offset near 金东区 is hundreds of metres, so a no-op would fail) and reversible to well under the
 * source's own ~100 m quantisation, and that the committed outline file is what the map expects.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import gcoord, { type CRSTypes } from 'gcoord'
import * as turf from '@turf/turf'
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { checkFeatureCollection, formatGeoIssue } from '../../src/domain/geojson-checks.ts'

const COUNTIES_PATH = fileURLToPath(new URL('../../seeds/geo/jinhua-counties-wgs84.geojson', import.meta.url))
const JINDONG_OFFICIAL_AREA_KM2 = 661.8

interface CountyProperties {
  adcode: string
  name: string
  name_en: string
}

/** gcoord.transform rewrites GeoJSON objects in place; a fresh [lng, lat] per call keeps the inputs intact. */
function convert(position: readonly [number, number], from: CRSTypes, to: CRSTypes): [number, number] {
  const result = gcoord.transform([position[0], position[1]], from, to)
  return [result[0], result[1]]
}

describe('GCJ-02 ↔ WGS84 near 金东区', () => {
  const wgs84: [number, number] = [119.7, 29.1]
  const gcj02 = convert(wgs84, gcoord.WGS84, gcoord.GCJ02)

  it('shifts a WGS84 point by 300–700 m into GCJ-02', () => {
    const offsetMetres = turf.distance(wgs84, gcj02, { units: 'meters' })
    expect(offsetMetres).toBeGreaterThan(300)
    expect(offsetMetres).toBeLessThan(700)
  })

  it('comes back to within 1 m after GCJ-02 → WGS84', () => {
    const back = convert(gcj02, gcoord.GCJ02, gcoord.WGS84)
    expect(turf.distance(wgs84, back, { units: 'meters' })).toBeLessThan(1)
  })
})

describe('seeds/geo/jinhua-counties-wgs84.geojson', () => {
  const counties = JSON.parse(readFileSync(COUNTIES_PATH, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    CountyProperties
  >

  it('holds the 9 counties of 金华市, sorted by 6-digit adcode', () => {
    expect(counties.features).toHaveLength(9)
    const adcodes = counties.features.map((f) => f.properties.adcode)
    expect(adcodes.every((code) => /^3307\d{2}$/.test(code))).toBe(true)
    expect(adcodes).toEqual([...adcodes].sort())
  })

  it('gives 金东区 an area within 1 % of the official 661.8 km²', () => {
    const jindong = counties.features.find((f) => f.properties.adcode === '330703')
    expect(jindong?.properties.name).toBe('金东区')
    const areaKm2 = turf.area(jindong!) / 1e6
    expect(Math.abs(areaKm2 - JINDONG_OFFICIAL_AREA_KM2) / JINDONG_OFFICIAL_AREA_KM2).toBeLessThan(0.01)
  })

  it('has every ring closed', () => {
    const rings: Position[][] = counties.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
    )
    expect(rings.length).toBeGreaterThanOrEqual(9)
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4)
      expect(ring[ring.length - 1]).toEqual(ring[0])
    }
  })

  it('passes the project GeoJSON checks, right-hand winding included', () => {
    const issues = checkFeatureCollection(counties, {
      source: 'jinhua-counties-wgs84.geojson',
      requiredProperties: ['adcode', 'name', 'name_en'],
      geometryTypes: ['Polygon', 'MultiPolygon'],
      idProperty: 'adcode',
      requireRightHandWinding: true,
      bbox: [119.0, 28.4, 120.9, 29.8],
    })
    expect(issues.map(formatGeoIssue)).toEqual([])
  })
})
