import { describe, expect, test } from 'vitest'
import {
  checkFeatureCollection,
  formatGeoIssue,
  JINHUA_BBOX,
  type LayerRules,
} from '../../../../src/domain/geometry/geojson-checks'

const rules: LayerRules = {
  source: 'test.geojson',
  bbox: JINHUA_BBOX,
  requireRightHandWinding: true,
  idProperty: 'code',
  requiredProperties: ['name'],
}
const square = (closed = true, ccw = true) => {
  const ring = [
    [119.7, 29.1],
    [119.8, 29.1],
    [119.8, 29.2],
    [119.7, 29.2],
  ]
  const ordered = ccw ? ring : [...ring].reverse()
  return closed ? [...ordered, ordered[0]!] : ordered
}
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features })
const polygon = (coordinates: unknown, properties: Record<string, unknown> = { code: 'a', name: 'A' }) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates },
})

describe('checkFeatureCollection', () => {
  test('accepts a valid collection', () => {
    expect(checkFeatureCollection(collection(polygon([square()])), rules)).toEqual([])
  })

  test('names the feature and field of each problem', () => {
    const issues = checkFeatureCollection(
      collection(
        polygon([square()]),
        polygon([square(true, false)], { code: 'b', name: 'B' }),
        polygon([square()], { code: 'a' }),
      ),
      rules,
    )
    expect(issues.map(formatGeoIssue)).toEqual([
      'test.geojson, feature 1, geometry.coordinates[0]: exterior ring is clockwise; ' +
        'expected the RFC 7946 right-hand rule',
      'test.geojson, feature 2, properties.name: missing; expected a value for "name"',
      'test.geojson, feature 2, properties.code: duplicate id "a" (first at feature 0)',
    ])
  })

  test('reports an unclosed ring', () => {
    const issues = checkFeatureCollection(collection(polygon([square(false)])), rules)
    expect(issues.map((i) => i.message).join()).toMatch(/closed|first and last|equivalent/i)
  })

  test('reports positions outside Jinhua and outside WGS84', () => {
    const outside = polygon([
      [
        [116.4, 39.9],
        [116.5, 39.9],
        [116.5, 40],
        [116.4, 39.9],
      ],
    ])
    expect(checkFeatureCollection(collection(outside), rules)[0]?.message).toMatch(/expected inside 119/)
    const metres = {
      type: 'Feature',
      properties: { code: 'm', name: 'M' },
      geometry: { type: 'Point', coordinates: [13_320_000, 3_390_000] },
    }
    expect(checkFeatureCollection(collection(metres), rules)[0]?.message).toMatch(/WGS84 degrees/)
  })

  test('reports broken structure from geojson-validation, and a non-collection', () => {
    expect(
      checkFeatureCollection(
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: ['x', 1] }, properties: {} }],
        },
        rules,
      )[0]?.message,
    ).toMatch(/not valid GeoJSON/)
    expect(checkFeatureCollection({ type: 'Point', coordinates: [119.7, 29.1] }, rules)[0]?.message).toBe(
      'found Point; expected FeatureCollection',
    )
  })
})
