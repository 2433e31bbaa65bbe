// Every structural problem of a feature, as a whole (field, found, expected, both messages): positions,
// position lists, geometries and features, the closest geometry type to a wrong one, and normalising.
import { describe, expect, test } from 'vitest'
import {
  checkFeatureStructure,
  checkGeometryStructure,
  closestGeometryType,
  normaliseFeature,
} from '../../../../src/user-data/import/geometry-structure'

const feature = (geometry: unknown, properties: unknown = {}) => ({ type: 'Feature', properties, geometry })
const problemOf = (geometry: unknown) => checkFeatureStructure(feature(geometry))

describe('closestGeometryType', () => {
  test('within two edits, the closest; case does not count', () => {
    expect(closestGeometryType('LineStrin')).toBe('LineString')
    expect(closestGeometryType('MULTIPOINT')).toBe('MultiPoint')
    expect(closestGeometryType('MultiPoin')).toBe('MultiPoint')
    expect(closestGeometryType('Pont')).toBe('Point')
    expect(closestGeometryType('Pnt')).toBe('Point')
    expect(closestGeometryType('Pn')).toBeNull()
    expect(closestGeometryType('Polygonzz')).toBe('Polygon')
    expect(closestGeometryType('xPolygonzz')).toBeNull()
    expect(closestGeometryType('MultiPolygn')).toBe('MultiPolygon')
    expect(closestGeometryType('GeometryColection')).toBe('GeometryCollection')
  })

  test('an exact match beats a near one; names over 40 characters are not looked at', () => {
    expect(closestGeometryType('polygon')).toBe('Polygon')
    expect(closestGeometryType('multipolygon')).toBe('MultiPolygon')
    expect(closestGeometryType('x'.repeat(41))).toBeNull()
    expect(closestGeometryType('')).toBeNull()
  })
})

describe('positions', () => {
  test('not an array', () => {
    expect(problemOf({ type: 'Point', coordinates: '119.7,29.1' })).toEqual({
      field: 'geometry.coordinates',
      found: '"119.7,29.1"',
      expected: '[longitude, latitude]',
      message: {
        zh: '发现 "119.7,29.1"，应为坐标 [经度, 纬度]',
        en: 'found "119.7,29.1"; expected a position [longitude, latitude]',
      },
    })
  })

  test('one number only', () => {
    expect(problemOf({ type: 'Point', coordinates: [119.7] })).toEqual({
      field: 'geometry.coordinates',
      found: '[119.7]',
      expected: '[longitude, latitude]',
      message: {
        zh: '坐标只有 1 个数，应为 [经度, 纬度]',
        en: 'the position has 1 value(s); expected [longitude, latitude]',
      },
    })
    expect(problemOf({ type: 'Point', coordinates: [1, 2] })).toBeNull()
  })

  test('a coordinate written as text', () => {
    expect(problemOf({ type: 'Point', coordinates: [119.7, '29.1'] })).toEqual({
      field: 'geometry.coordinates',
      found: '[119.7, "29.1"]',
      expected: 'numbers',
      message: {
        zh: '坐标值是文本 "29.1"，应为数字（去掉引号）',
        en: 'a coordinate is the text "29.1"; expected a number (remove the quotes)',
      },
    })
  })

  test('a coordinate that is null, not finite, or anything else', () => {
    const expected = (found: string, value: string) => ({
      field: 'geometry.coordinates',
      found,
      expected: 'numbers',
      message: { zh: `坐标值为 ${value}，应为数字`, en: `a coordinate is ${value}; expected a number` },
    })
    expect(problemOf({ type: 'Point', coordinates: [null, 29] })).toEqual(expected('[null, 29]', 'null'))
    expect(problemOf({ type: 'Point', coordinates: [119, Infinity] })).toEqual(expected('[119, Infinity]', 'Infinity'))
    expect(problemOf({ type: 'Point', coordinates: [119, 29, [1]] })).toEqual(expected('[119, 29, […]]', '[1]'))
  })
})

describe('position lists', () => {
  test('not an array, named by its path', () => {
    expect(problemOf({ type: 'LineString', coordinates: { a: 1 } })).toEqual({
      field: 'geometry.coordinates',
      found: '{a}',
      expected: 'an array of positions',
      message: { zh: '发现 {a}，应为坐标数组', en: 'found {a}; expected an array of positions' },
    })
  })

  test('empty lists are empty geometries', () => {
    const empty = (field: string) => ({
      field,
      found: '[]',
      expected: 'a geometry with at least one position',
      message: { zh: '几何为空（[]），该要素已跳过', en: 'empty geometry ([]); the feature was skipped' },
    })
    expect(problemOf({ type: 'Point', coordinates: [] })).toEqual(empty('geometry.coordinates'))
    expect(problemOf({ type: 'MultiPoint', coordinates: [] })).toEqual(empty('geometry.coordinates'))
    expect(problemOf({ type: 'MultiLineString', coordinates: [] })).toEqual(empty('geometry.coordinates'))
    expect(problemOf({ type: 'MultiLineString', coordinates: [[]] })).toEqual(empty('geometry.coordinates[0]'))
    expect(problemOf({ type: 'Polygon', coordinates: [] })).toEqual(empty('geometry.coordinates'))
    expect(problemOf({ type: 'MultiPolygon', coordinates: [[]] })).toEqual(empty('geometry.coordinates[0]'))
    expect(problemOf({ type: 'GeometryCollection', geometries: [] })).toEqual(empty('geometry.geometries'))
  })

  test('the first bad position, by its index', () => {
    expect(
      problemOf({
        type: 'MultiPoint',
        coordinates: [
          [1, 2],
          [3, 4],
          ['5', 6],
        ],
      })?.field,
    ).toBe('geometry.coordinates[2]')
    expect(problemOf({ type: 'MultiPoint', coordinates: [[1, 2]] })).toBeNull()
  })

  test('a line needs two positions', () => {
    expect(problemOf({ type: 'LineString', coordinates: [[1, 2]] })).toEqual({
      field: 'geometry.coordinates',
      found: '1 positions',
      expected: 'at least 2',
      message: {
        zh: '线只有 1 个坐标，至少需要 2 个',
        en: 'the line has 1 position(s); expected at least 2',
      },
    })
    expect(
      problemOf({
        type: 'LineString',
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }),
    ).toBeNull()
    expect(
      problemOf({
        type: 'MultiLineString',
        coordinates: [
          [
            [1, 2],
            [3, 4],
          ],
          [[5, 6]],
        ],
      })?.field,
    ).toBe('geometry.coordinates[1]')
  })

  test('a ring needs four positions, and says why', () => {
    const triangle = [
      [0, 0],
      [1, 0],
      [0, 0],
    ]
    expect(problemOf({ type: 'Polygon', coordinates: [triangle] })).toEqual({
      field: 'geometry.coordinates[0]',
      found: '3 positions',
      expected: 'at least 4',
      message: {
        zh: '环只有 3 个坐标，至少需要 4 个（闭合环的最后一个坐标重复第一个）',
        en: 'the ring has 3 position(s); expected at least 4 (a closed ring repeats its first position at the end)',
      },
    })
  })

  test('a ring must end where it starts, in both coordinates', () => {
    const open = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ]
    expect(problemOf({ type: 'Polygon', coordinates: [open] })).toEqual({
      field: 'geometry.coordinates[0]',
      found: 'first [0, 0], last [0, 1]',
      expected: 'last position equal to the first',
      message: {
        zh: '环未闭合：最后一个坐标 [0, 1] 与第一个 [0, 0] 不同；请在末尾重复第一个坐标',
        en:
          'the ring is not closed: the last position [0, 1] differs from the first [0, 0]; ' +
          'repeat the first position at the end',
      },
    })
    const lngDiffers = [...open, [0.5, 0]]
    expect(problemOf({ type: 'Polygon', coordinates: [lngDiffers] })?.expected).toBe('last position equal to the first')
    const closed = [...open, [0, 0]]
    expect(problemOf({ type: 'Polygon', coordinates: [closed] })).toBeNull()
    expect(problemOf({ type: 'MultiPolygon', coordinates: [[closed], [closed, open]] })?.field).toBe(
      'geometry.coordinates[1][1]',
    )
  })

  test('nested lists must be arrays', () => {
    expect(problemOf({ type: 'Polygon', coordinates: 5 })).toEqual({
      field: 'geometry.coordinates',
      found: '5',
      expected: 'an array',
      message: { zh: '发现 5，应为数组', en: 'found 5; expected an array' },
    })
  })
})

describe('geometries', () => {
  test('no geometry inside a collection', () => {
    expect(checkGeometryStructure(undefined, 'g')).toEqual({
      field: 'g',
      found: 'undefined',
      expected: 'a geometry with at least one position',
      message: { zh: '几何为空（undefined），该要素已跳过', en: 'empty geometry (undefined); the feature was skipped' },
    })
    expect(checkGeometryStructure(null, 'g')?.found).toBe('null')
  })

  test('not an object', () => {
    expect(problemOf([1, 2])).toEqual({
      field: 'geometry',
      found: '[1, 2]',
      expected: 'a geometry object',
      message: { zh: '发现 [1, 2]，应为几何对象', en: 'found [1, 2]; expected a geometry object' },
    })
    expect(problemOf('Point')?.expected).toBe('a geometry object')
  })

  test('an unknown type, with and without a suggestion', () => {
    const types = 'Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon | GeometryCollection'
    expect(problemOf({ type: 'Polgon', coordinates: [] })).toEqual({
      field: 'geometry.type',
      found: '"Polgon"',
      expected: types,
      message: {
        zh:
          '未知的几何类型 "Polgon"，是否应为 "Polygon"？' +
          '（可用：Point、MultiPoint、LineString、MultiLineString、Polygon、MultiPolygon、GeometryCollection）',
        en:
          'unknown geometry type "Polgon"; did you mean "Polygon"? ' +
          '(expected one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)',
      },
    })
    expect(problemOf({ type: 7 })).toEqual({
      field: 'geometry.type',
      found: '7',
      expected: types,
      message: {
        zh:
          '未知的几何类型 7' +
          '（可用：Point、MultiPoint、LineString、MultiLineString、Polygon、MultiPolygon、GeometryCollection）',
        en:
          'unknown geometry type 7 ' +
          '(expected one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)',
      },
    })
    expect(problemOf({ type: 'Circle' })?.message.en).toBe(
      'unknown geometry type "Circle" ' +
        '(expected one of Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection)',
    )
  })

  test('no coordinates member', () => {
    expect(problemOf({ type: 'LineString' })).toEqual({
      field: 'geometry.coordinates',
      found: 'nothing',
      expected: 'coordinates',
      message: { zh: '几何缺少 coordinates', en: 'the geometry has no coordinates' },
    })
  })

  test('collections: members by index; eight levels deep at most', () => {
    const point = { type: 'Point', coordinates: [1, 2] }
    const nest = (depth: number): unknown =>
      depth === 0 ? point : { type: 'GeometryCollection', geometries: [nest(depth - 1)] }
    expect(problemOf(nest(8))).toBeNull()
    expect(problemOf(nest(9))).toEqual({
      field: `geometry${'.geometries[0]'.repeat(8)}`,
      found: 'depth 8',
      expected: 'at most 8 nested GeometryCollections',
      message: { zh: 'GeometryCollection 嵌套过深（超过 8 层）', en: 'GeometryCollections nested more than 8 deep' },
    })
    const collection = { type: 'GeometryCollection', geometries: [point, { type: 'Point', coordinates: [1] }] }
    expect(problemOf(collection)?.field).toBe('geometry.geometries[1].coordinates')
    expect(problemOf({ type: 'GeometryCollection', geometries: 'none' })).toMatchObject({
      field: 'geometry.geometries',
      expected: 'an array',
    })
  })
})

describe('features', () => {
  test('not an object', () => {
    expect(checkFeatureStructure(null)).toEqual({
      field: '',
      found: 'null',
      expected: 'a Feature object',
      message: { zh: '发现 null，应为 Feature 对象', en: 'found null; expected a Feature object' },
    })
    expect(checkFeatureStructure([])?.expected).toBe('a Feature object')
  })

  test('the type must be "Feature"', () => {
    expect(checkFeatureStructure({ type: 'Point', coordinates: [1, 2] })).toEqual({
      field: 'type',
      found: '"Point"',
      expected: '"Feature"',
      message: { zh: 'type 为 "Point"，应为 "Feature"', en: 'type is "Point"; expected "Feature"' },
    })
  })

  test('properties must be an object or null', () => {
    const point = { type: 'Point', coordinates: [1, 2] }
    expect(checkFeatureStructure(feature(point, [1]))).toEqual({
      field: 'properties',
      found: '[1]',
      expected: 'an object or null',
      message: { zh: 'properties 为 [1]，应为对象或 null', en: 'properties is [1]; expected an object or null' },
    })
    expect(checkFeatureStructure(feature(point, null))).toBeNull()
    expect(checkFeatureStructure({ type: 'Feature', geometry: point })).toBeNull()
  })

  test('no geometry: null or missing', () => {
    expect(checkFeatureStructure(feature(null))).toEqual({
      field: 'geometry',
      found: 'null',
      expected: 'a geometry',
      message: { zh: '要素没有几何（geometry 为 null），已跳过', en: 'the feature has no geometry (null); skipped' },
    })
    expect(checkFeatureStructure({ type: 'Feature', properties: {} })).toEqual({
      field: 'geometry',
      found: 'nothing',
      expected: 'a geometry',
      message: {
        zh: '要素没有几何（geometry 为 nothing），已跳过',
        en: 'the feature has no geometry (nothing); skipped',
      },
    })
  })
})

describe('normaliseFeature', () => {
  test('missing or null properties become {}; present ones are kept as they are', () => {
    const geometry = { type: 'Point', coordinates: [1, 2] }
    expect(normaliseFeature({ type: 'Feature', geometry })).toEqual({ type: 'Feature', geometry, properties: {} })
    expect(normaliseFeature({ type: 'Feature', geometry, properties: null }).properties).toEqual({})
    const kept = { type: 'Feature', geometry, properties: { a: 1 } }
    expect(normaliseFeature(kept)).toBe(kept)
  })
})

const point = (coordinates: unknown, properties: unknown = {}) => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates },
})

describe('checkFeatureStructure', () => {
  test.each([
    [point(['1', 2]), 'geometry.coordinates', /text "1"/],
    [point([1]), 'geometry.coordinates', /1 value/],
    [point([]), 'geometry.coordinates', /empty geometry/],
    [
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[1, 2]] } },
      'geometry.coordinates',
      /line has 1 position/,
    ],
    [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [1, 2],
                [2, 2],
                [2, 3],
                [1, 2],
              ],
            ],
            [],
          ],
        },
      },
      'geometry.coordinates[1]',
      /empty geometry/,
    ],
    [
      {
        type: 'Feature',
        properties: {},
        geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 'x'] }] },
      },
      'geometry.geometries[0].coordinates',
      /text "x"/,
    ],
    [{ type: 'Feature', properties: {}, geometry: { type: 'Point' } }, 'geometry.coordinates', /no coordinates/],
    [
      { type: 'Feature', properties: 'name', geometry: { type: 'Point', coordinates: [1, 2] } },
      'properties',
      /expected an object or null/,
    ],
    [{ type: 'feature', properties: {}, geometry: null }, 'type', /expected "Feature"/],
    [42, '', /expected a Feature object/],
  ])('%j → %s', (candidate, field, message) => {
    const problem = checkFeatureStructure(candidate)
    expect(problem?.field).toBe(field)
    expect(problem?.message.en).toMatch(message)
    expect(problem?.message.zh).toBeTruthy()
  })

  test('accepts heights and a missing properties member', () => {
    expect(checkFeatureStructure({ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2, 30] } })).toBeNull()
  })

  test('suggests the geometry type meant', () => {
    expect(closestGeometryType('Polgon')).toBe('Polygon')
    expect(closestGeometryType('point')).toBe('Point')
    expect(closestGeometryType('multilinestring')).toBe('MultiLineString')
    expect(closestGeometryType('Circle')).toBeNull()
  })
})

describe('checkGeometryStructure: null inside a collection', () => {
  test('a null geometry inside a collection is an empty geometry, not a wrong type', () => {
    expect(checkGeometryStructure(null, 'g')).toEqual({
      field: 'g',
      found: 'null',
      expected: 'a geometry with at least one position',
      message: { zh: '几何为空（null），该要素已跳过', en: 'empty geometry (null); the feature was skipped' },
    })
  })
})
