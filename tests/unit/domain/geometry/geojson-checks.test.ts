// The built-in layers' GeoJSON checks: rings, positions, every rule of checkFeatureCollection with its
// message and path, and the issue text.
import { describe, expect, test } from 'vitest'
import {
  checkFeatureCollection,
  formatGeoIssue,
  JINHUA_BBOX,
  type LayerRules,
  positionsOf,
  ringSignedArea,
} from '../../../../src/domain/geometry/geojson-checks'
import type { Geometry } from 'geojson'

const layerRules: LayerRules = {
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
    expect(checkFeatureCollection(collection(polygon([square()])), layerRules)).toEqual([])
  })

  test('names the feature and field of each problem', () => {
    const issues = checkFeatureCollection(
      collection(
        polygon([square()]),
        polygon([square(true, false)], { code: 'b', name: 'B' }),
        polygon([square()], { code: 'a' }),
      ),
      layerRules,
    )
    expect(issues.map(formatGeoIssue)).toEqual([
      'test.geojson, feature 1, geometry.coordinates[0]: exterior ring is clockwise; ' +
        'expected the RFC 7946 right-hand rule',
      'test.geojson, feature 2, properties.name: missing; expected a value for "name"',
      'test.geojson, feature 2, properties.code: duplicate id "a" (first at feature 0)',
    ])
  })

  test('reports an unclosed ring', () => {
    const issues = checkFeatureCollection(collection(polygon([square(false)])), layerRules)
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
    expect(checkFeatureCollection(collection(outside), layerRules)[0]?.message).toMatch(/expected inside 119/)
    const metres = {
      type: 'Feature',
      properties: { code: 'm', name: 'M' },
      geometry: { type: 'Point', coordinates: [13_320_000, 3_390_000] },
    }
    expect(checkFeatureCollection(collection(metres), layerRules)[0]?.message).toMatch(/WGS84 degrees/)
  })

  test('reports broken structure from geojson-validation, and a non-collection', () => {
    expect(
      checkFeatureCollection(
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: ['x', 1] }, properties: {} }],
        },
        layerRules,
      )[0]?.message,
    ).toMatch(/not valid GeoJSON/)
    expect(checkFeatureCollection({ type: 'Point', coordinates: [119.7, 29.1] }, layerRules)[0]?.message).toBe(
      'found Point; expected FeatureCollection',
    )
  })

  const plain: LayerRules = { source: 'p.geojson' }

  test('allowed geometry types name the ones allowed', () => {
    const rules: LayerRules = { source: 'a.geojson', geometryTypes: ['Polygon', 'MultiPolygon'] }
    expect(messages(collection(point(119.7, 29.1)), rules)).toEqual([
      'a.geojson, feature 0, geometry.type: found Point; expected Polygon or MultiPolygon',
    ])
    expect(messages(collection(feature({ type: 'Polygon', coordinates: [ring(1, 1, 1)] })), rules)).toEqual([])
  })

  test('empty geometries', () => {
    expect(messages(collection(feature({ type: 'GeometryCollection', geometries: [] })), plain)).toEqual([
      'p.geojson, feature 0, geometry.coordinates: empty geometry; expected at least one position',
    ])
    expect(messages(collection(feature({ type: 'MultiPolygon', coordinates: [[]] })), plain)).toEqual([
      'p.geojson, feature 0, geometry.coordinates: empty geometry; expected at least one position',
    ])
    const emptyMessage = ['p.geojson, feature 0, geometry.coordinates: empty geometry; expected at least one position']
    expect(messages(collection(feature({ type: 'Polygon', coordinates: [] })), plain)).toEqual(emptyMessage)
    expect(messages(collection(feature({ type: 'MultiPoint', coordinates: [] })), plain)).toEqual(emptyMessage)
    const onePartEmpty = { type: 'MultiPolygon', coordinates: [[], [ring(0, 0, 1)]] }
    expect(messages(collection(feature(onePartEmpty)), plain)).toEqual(emptyMessage)
    const collectionOfPoint = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }] }
    expect(messages(collection(feature(collectionOfPoint)), plain)).toEqual([])
  })

  test('a non-finite position stops the feature with the first bad one', () => {
    const line = {
      type: 'LineString',
      coordinates: [
        [1, 2],
        [Number.NaN, 3],
        [Infinity, 4],
      ],
    }
    expect(messages(collection(feature(line)), plain)).toEqual([
      'p.geojson, feature 0, geometry.coordinates[1]: found [NaN, 3]; expected finite numbers',
    ])
    expect(messages(collection(feature({ type: 'Point', coordinates: [5, -Infinity] })), plain)).toEqual([
      'p.geojson, feature 0, geometry.coordinates: found [5, -Infinity]; expected finite numbers',
    ])
  })

  test('degrees are checked inclusively at ±180 and ±90', () => {
    const corners = [point(-180, -90), point(180, 90), point(-180, 90), point(180, -90)]
    expect(messages(collection(...corners), plain)).toEqual([])
    const out = (lng: number, lat: number) =>
      `p.geojson, feature 0, geometry.coordinates: found [${lng}, ${lat}]; ` +
      'expected longitude −180…180 and latitude −90…90 (WGS84 degrees)'
    expect(messages(collection(point(-180.5, 0)), plain)).toEqual([out(-180.5, 0)])
    expect(messages(collection(point(180.5, 0)), plain)).toEqual([out(180.5, 0)])
    expect(messages(collection(point(0, -90.5)), plain)).toEqual([out(0, -90.5)])
    expect(messages(collection(point(0, 90.5)), plain)).toEqual([out(0, 90.5)])
  })

  test('the bounding box is inclusive, and only the first position outside it is reported', () => {
    const rules: LayerRules = { source: 'b.geojson', bbox: JINHUA_BBOX }
    const [w, s, e, n] = JINHUA_BBOX
    const edges = [point(w, s), point(e, n), point(w, n), point(e, s)]
    expect(messages(collection(...edges), rules)).toEqual([])
    const line = {
      type: 'LineString',
      coordinates: [
        [119.7, 29.1],
        [118.9, 29.1],
        [121, 29.1],
      ],
    }
    expect(messages(collection(feature(line)), rules)).toEqual([
      'b.geojson, feature 0, geometry.coordinates[1]: found [118.9, 29.1]; ' +
        'expected inside 119, 28.4, 120.9, 29.8 (金华市)',
    ])
    const outside = (lng: number, lat: number) =>
      `b.geojson, feature 0, geometry.coordinates: found [${lng}, ${lat}]; ` +
      'expected inside 119, 28.4, 120.9, 29.8 (金华市)'
    expect(messages(collection(point(120.95, 29)), rules)).toEqual([outside(120.95, 29)])
    expect(messages(collection(point(120, 28.3)), rules)).toEqual([outside(120, 28.3)])
    expect(messages(collection(point(120, 29.9)), rules)).toEqual([outside(120, 29.9)])
  })

  test('winding: holes must be clockwise, and MultiPolygon paths name polygon and ring', () => {
    const rules: LayerRules = { source: 'w.geojson', requireRightHandWinding: true }
    const holeWrongWay = { type: 'Polygon', coordinates: [ring(0, 0, 10), ring(2, 2, 1)] }
    expect(messages(collection(feature(holeWrongWay)), rules)).toEqual([
      'w.geojson, feature 0, geometry.coordinates[1]: interior ring is counter-clockwise; ' +
        'expected the RFC 7946 right-hand rule',
    ])
    const good = { type: 'Polygon', coordinates: [ring(0, 0, 10), ring(2, 2, 1, false)] }
    expect(messages(collection(feature(good)), rules)).toEqual([])
    const multi = { type: 'MultiPolygon', coordinates: [[ring(0, 0, 1)], [ring(5, 5, 1, false)]] }
    expect(messages(collection(feature(multi)), rules)).toEqual([
      'w.geojson, feature 0, geometry.coordinates[1][0]: exterior ring is clockwise; ' +
        'expected the RFC 7946 right-hand rule',
    ])
    // A ring without area is not counter-clockwise.
    const flat = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [0, 0],
        ],
      ],
    }
    expect(messages(collection(feature(flat)), rules)).toEqual([
      'w.geojson, feature 0, geometry.coordinates[0]: exterior ring is clockwise; ' +
        'expected the RFC 7946 right-hand rule',
    ])
    // Without the rule, winding is not looked at.
    expect(messages(collection(feature(multi)), plain)).toEqual([])
  })

  test('required properties: null and "" are missing, 0 and false are values', () => {
    const rules: LayerRules = { source: 'r.geojson', requiredProperties: ['name', 'code'] }
    const at = (properties: Record<string, unknown> | null) =>
      feature({ type: 'Point', coordinates: [1, 2] }, properties)
    expect(messages(collection(at({ name: 0, code: false })), rules)).toEqual([])
    expect(messages(collection(at({ name: null, code: '' })), rules)).toEqual([
      'r.geojson, feature 0, properties.name: missing; expected a value for "name"',
      'r.geojson, feature 0, properties.code: missing; expected a value for "code"',
    ])
    expect(messages(collection(at(null)), rules)).toEqual([
      'r.geojson, feature 0, properties.name: missing; expected a value for "name"',
      'r.geojson, feature 0, properties.code: missing; expected a value for "code"',
    ])
  })

  test('ids: features without the id property share the id "" and are duplicates too', () => {
    const rules: LayerRules = { source: 'i.geojson', idProperty: 'code' }
    const at = (properties: Record<string, unknown> | null) =>
      feature({ type: 'Point', coordinates: [1, 2] }, properties)
    const issues = checkFeatureCollection(collection(at({ code: 1 }), at(null), at({ code: '1' }), at({})), rules)
    expect(issues).toEqual([
      {
        source: 'i.geojson',
        featureIndex: 2,
        field: 'properties.code',
        message: 'duplicate id "1" (first at feature 0)',
        severity: 'error',
      },
      {
        source: 'i.geojson',
        featureIndex: 3,
        field: 'properties.code',
        message: 'duplicate id "" (first at feature 1)',
        severity: 'error',
      },
    ])
  })

  test('every issue has the source, the feature index and severity error', () => {
    expect(checkFeatureCollection(collection(feature(null)), plain)).toEqual([
      {
        source: 'p.geojson',
        featureIndex: 0,
        field: 'geometry',
        message: 'geometry is null; expected a geometry',
        severity: 'error',
      },
    ])
  })

  test('structural errors: at most 20, with the feature index when the message gives one', () => {
    const bad = Array.from({ length: 25 }, () => feature({ type: 'Point', coordinates: ['x', 1] }))
    const issues = checkFeatureCollection(collection(...bad), plain)
    expect(issues).toHaveLength(20)
    expect(issues[19]).toMatchObject({ source: 'p.geojson', featureIndex: 19, field: '', severity: 'error' })
    expect(issues[19]!.message).toMatch(/^not valid GeoJSON: at 19: /)
    const noFeatures = checkFeatureCollection({ type: 'FeatureCollection' }, plain)
    expect(noFeatures[0]).toMatchObject({ featureIndex: null, field: '', severity: 'error' })
    expect(noFeatures[0]!.message).toMatch(/^not valid GeoJSON: /)
  })

  test('a valid GeoJSON object that is not a collection', () => {
    expect(checkFeatureCollection(point(1, 2), plain)).toEqual([
      {
        source: 'p.geojson',
        featureIndex: null,
        field: 'type',
        message: 'found Feature; expected FeatureCollection',
        severity: 'error',
      },
    ])
  })
})

const feature = (geometry: unknown, properties: Record<string, unknown> | null = {}) => ({
  type: 'Feature',
  properties,
  geometry,
})
const point = (lng: number, lat: number) => feature({ type: 'Point', coordinates: [lng, lat] })
const messages = (data: unknown, rules: LayerRules) => checkFeatureCollection(data, rules).map(formatGeoIssue)

/** A closed square ring; counter-clockwise unless asked otherwise. */
const ring = (west: number, south: number, size: number, ccw = true) => {
  const corners = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
  ]
  const ordered = ccw ? corners : [...corners].reverse()
  return [...ordered, ordered[0]!]
}

describe('ringSignedArea', () => {
  test('the shoelace area, positive counter-clockwise', () => {
    expect(ringSignedArea(ring(0, 0, 1))).toBe(1)
    expect(ringSignedArea(ring(0, 0, 2, false))).toBe(-4)
    expect(ringSignedArea(ring(10, 20, 3))).toBe(9)
  })

  test('an empty or one-position ring has no area', () => {
    expect(ringSignedArea([])).toBe(0)
    expect(ringSignedArea([[1, 2]])).toBe(0)
  })
})

describe('positionsOf', () => {
  const paths = (geometry: Geometry) => [...positionsOf(geometry)].map(({ position, path }) => `${path}=${position}`)

  test('one path per position, for every geometry type', () => {
    expect(paths({ type: 'Point', coordinates: [1, 2] })).toEqual(['geometry.coordinates=1,2'])
    expect(
      paths({
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toEqual(['geometry.coordinates[0]=1,2', 'geometry.coordinates[1]=3,4'])
    expect(
      paths({
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toEqual(['geometry.coordinates[0]=1,2', 'geometry.coordinates[1]=3,4'])
    expect(paths({ type: 'MultiLineString', coordinates: [[[1, 2]], [[3, 4]]] })).toEqual([
      'geometry.coordinates[0][0]=1,2',
      'geometry.coordinates[1][0]=3,4',
    ])
    expect(paths({ type: 'Polygon', coordinates: [[[1, 2]], [[3, 4]]] })).toEqual([
      'geometry.coordinates[0][0]=1,2',
      'geometry.coordinates[1][0]=3,4',
    ])
    expect(paths({ type: 'MultiPolygon', coordinates: [[[[1, 2]], [[3, 4]]], [[[5, 6]]]] })).toEqual([
      'geometry.coordinates[0][0][0]=1,2',
      'geometry.coordinates[0][1][0]=3,4',
      'geometry.coordinates[1][0][0]=5,6',
    ])
  })

  test('inside a GeometryCollection, the path names the member', () => {
    expect(
      paths({
        type: 'GeometryCollection',
        geometries: [
          { type: 'Point', coordinates: [1, 2] },
          { type: 'LineString', coordinates: [[3, 4]] },
        ],
      }),
    ).toEqual(['geometry.geometries[0].coordinates=1,2', 'geometry.geometries[1].coordinates[0]=3,4'])
  })

  test('a base path of the caller', () => {
    expect([...positionsOf({ type: 'Point', coordinates: [1, 2] }, 'g')][0]!.path).toBe('g')
  })
})

describe('formatGeoIssue', () => {
  test('leaves out what is not known', () => {
    const issue = { source: 's', featureIndex: null, field: '', message: 'm', severity: 'error' as const }
    expect(formatGeoIssue(issue)).toBe('s: m')
    expect(formatGeoIssue({ ...issue, featureIndex: 0 })).toBe('s, feature 0: m')
    expect(formatGeoIssue({ ...issue, field: 'type' })).toBe('s, type: m')
  })
})
