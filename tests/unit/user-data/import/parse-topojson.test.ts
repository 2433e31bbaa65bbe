// TopoJSON to features (parse-topojson.ts): a valid Topology gives every object's features; missing or
// empty objects and malformed arcs refuse the file; an object whose arcs (reversed ~i, nested for
// polygons and multipolygons) point past the end is refused whole, with its name, and the others kept.
import { describe, expect, test } from 'vitest'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { topologyFeatures } from '../../../../src/user-data/import/parse-topojson'

type Topology = Parameters<typeof topologyFeatures>[0]

async function read(members: Record<string, unknown>) {
  const context = new ImportContext('f.topojson')
  const features = await topologyFeatures({ type: 'Topology', ...members } as Topology, context)
  return { features, problems: context.problems.toArray() }
}

const A: [number, number] = [119.6, 29]
const B: [number, number] = [119.7, 29]
const C: [number, number] = [119.7, 29.1]
/** Arc 0 runs A to B; arc 1 runs B to C and back to A, so arcs [0, 1] close a ring. */
const ARCS = [
  [A, B],
  [B, C, A],
]
const problem = (fields: Record<string, unknown>) => ({
  severity: 'error',
  file: 'f.topojson',
  featureIndex: null,
  line: null,
  ...fields,
})
const notTopology = (found: string, zh: string, en: string) => [
  problem({ field: 'objects', found, expected: 'a valid TopoJSON Topology', message: { zh, en } }),
]
const arcPastEnd = (name: string, arc: number, count: number) =>
  problem({
    field: `objects.${name}`,
    found: `arc ${arc}`,
    expected: `arc indexes below ${count}`,
    message: {
      zh: `对象“${name}”引用了第 ${arc} 条弧，但只有 ${count} 条；该对象未导入`,
      en: `object "${name}" refers to arc ${arc}, but there are only ${count}; the object was not imported`,
    },
  })

describe('a valid Topology', () => {
  test('a GeometryCollection object gives all its features, a single geometry object gives one', async () => {
    const { features, problems } = await read({
      arcs: ARCS,
      objects: {
        land: {
          type: 'GeometryCollection',
          geometries: [
            { type: 'LineString', arcs: [0], id: 7, properties: { name: 'road' } },
            { type: 'Polygon', arcs: [[0, 1]], properties: { name: 'field' } },
          ],
        },
        back: { type: 'LineString', arcs: [~1] },
      },
    })
    expect(problems).toEqual([])
    expect(features).toEqual([
      { type: 'Feature', id: 7, properties: { name: 'road' }, geometry: { type: 'LineString', coordinates: [A, B] } },
      { type: 'Feature', properties: { name: 'field' }, geometry: { type: 'Polygon', coordinates: [[A, B, C, A]] } },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [A, C, B] } },
    ])
  })

  test('the last arc, forwards or reversed, is within the topology', async () => {
    const { features, problems } = await read({
      arcs: [[A, B]],
      objects: { forwards: { type: 'LineString', arcs: [0] }, reversed: { type: 'MultiLineString', arcs: [[~0]] } },
    })
    expect(problems).toEqual([])
    expect(features!.map((feature) => feature.geometry)).toEqual([
      { type: 'LineString', coordinates: [A, B] },
      { type: 'MultiLineString', coordinates: [[B, A]] },
    ])
  })

  test('a Topology of points needs no arcs, and quantised positions are decoded', async () => {
    const { features, problems } = await read({
      arcs: [],
      transform: { scale: [0.5, 0.25], translate: [119, 29] },
      objects: { wells: { type: 'MultiPoint', coordinates: [[1, 1]] }, gauge: { type: 'Point', coordinates: [0, 0] } },
    })
    expect(problems).toEqual([])
    expect(features!.map((feature) => feature.geometry)).toEqual([
      { type: 'MultiPoint', coordinates: [[119.5, 29.25]] },
      { type: 'Point', coordinates: [119, 29] },
    ])
  })

  test('empty GeometryCollections give no features and no problem of their own', async () => {
    const empty = { type: 'GeometryCollection', geometries: [] }
    expect(await read({ arcs: ARCS, objects: { land: empty, water: empty } })).toEqual({ features: [], problems: [] })
  })

  test('an "arcs" member that holds no indexes (on a Point, where it means nothing) is not counted', async () => {
    const { features, problems } = await read({
      arcs: [[A, B]],
      objects: { site: { type: 'Point', coordinates: C, arcs: {} } },
    })
    expect(problems).toEqual([])
    expect(features).toEqual([{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: C } }])
  })
})

describe('missing or empty objects refuse the file', () => {
  test.each([
    ['missing', {}],
    ['null', { objects: null }],
    ['empty', { objects: {} }],
    ['an empty array', { objects: [] }],
    ['a string', { objects: 'land' }],
    ['a number', { objects: 3 }],
  ])('objects %s', async (_, members) => {
    expect(await read({ arcs: ARCS, ...members })).toEqual({
      features: null,
      problems: notTopology('no objects', 'TopoJSON 中没有 objects', 'the TopoJSON has no objects'),
    })
  })
})

describe('malformed arcs refuse the file, nothing imported', () => {
  const line = { road: { type: 'LineString', arcs: [0] } }
  test.each([
    ['missing', undefined],
    ['an object', { 0: [A, B] }],
    ['a list of numbers', [0, 1]],
    ['an arc of numbers, not positions', [[119.6, 29]]],
    ['a position holding text', [[A, ['119.7', 29]]]],
    ['a position holding null', [[A, [119.7, null]]]],
    ['a good arc, then a bad one', [[A, B], 5]],
    ['a good position, then a bad one', [[A, 5]]],
  ])('arcs %s', async (_, arcs) => {
    expect(await read({ objects: line, arcs })).toEqual({
      features: null,
      problems: notTopology(
        'arcs',
        'TopoJSON 的 arcs 不是坐标数组的数组；未导入任何要素',
        '"arcs" is not an array of position arrays; nothing was imported',
      ),
    })
  })
})

describe('an object that refers to an arc past the end is refused whole', () => {
  test.each([
    ['a LineString at exactly the arc count', { type: 'LineString', arcs: [0, 2] }, 2],
    ['a reversed arc at exactly the arc count', { type: 'LineString', arcs: [1, ~2] }, 2],
    ['a Polygon hole', { type: 'Polygon', arcs: [[0, 1], [5]] }, 5],
    ['a reversed arc in a MultiPolygon', { type: 'MultiPolygon', arcs: [[[0, 1]], [[~4, 1]]] }, 4],
    ['a MultiLineString', { type: 'MultiLineString', arcs: [[0], [1, 3]] }, 3],
    [
      'one geometry of a GeometryCollection',
      {
        type: 'GeometryCollection',
        geometries: [
          { type: 'LineString', arcs: [0] },
          { type: 'Polygon', arcs: [[0, 1], [~2]] },
        ],
      },
      2,
    ],
  ])('%s', async (_, geometry, highest) => {
    expect(await read({ arcs: ARCS, objects: { parcel: geometry } })).toEqual({
      features: null,
      problems: [arcPastEnd('parcel', highest, 2)],
    })
  })

  test('arc 0 of a topology without arcs', async () => {
    expect(await read({ arcs: [], objects: { road: { type: 'LineString', arcs: [0] } } })).toEqual({
      features: null,
      problems: [arcPastEnd('road', 0, 0)],
    })
  })

  test('the other objects are kept', async () => {
    const { features, problems } = await read({
      arcs: ARCS,
      objects: {
        road: { type: 'LineString', arcs: [0] },
        parcel: { type: 'Polygon', arcs: [[0, 1, 2]] },
        river: { type: 'LineString', arcs: [~1] },
      },
    })
    expect(problems).toEqual([arcPastEnd('parcel', 2, 2)])
    expect(features!.map((feature) => feature.geometry)).toEqual([
      { type: 'LineString', coordinates: [A, B] },
      { type: 'LineString', coordinates: [A, C, B] },
    ])
  })
})

describe('an object topojson-client cannot read is refused with where, the others kept', () => {
  const road = { type: 'LineString', arcs: [0] }
  const unreadable = (field: string, found: string, expected: string, zh: string, en: string) =>
    problem({
      field,
      found,
      expected,
      message: { zh: `${zh}；对象“bad”未导入`, en: `${en}; object "bad" was not imported` },
    })
  const notWhole = (path: string, found: string) =>
    unreadable(
      `${path}.arcs`,
      found,
      'whole arc indexes (~i for a reversed arc)',
      `${path}.arcs 中有不是整数的弧索引（${found}）`,
      `${path}.arcs holds an arc index that is not a whole number (${found})`,
    )
  const notGeometry = (path: string, found: string) =>
    unreadable(
      path,
      found,
      'a geometry object',
      `${path} 不是几何对象（${found}）`,
      `${path} is not a geometry object (${found})`,
    )

  test.each([
    ['an arc index that is null', { type: 'LineString', arcs: [0, null] }, notWhole('objects.bad', 'null')],
    ['an arc index that is a fraction', { type: 'LineString', arcs: [0.5] }, notWhole('objects.bad', '0.5')],
    ['an arc index written as text', { type: 'LineString', arcs: ['1'] }, notWhole('objects.bad', '"1"')],
    ['a polygon ring holding null', { type: 'Polygon', arcs: [[0, 1], null] }, notWhole('objects.bad', 'null')],
    [
      'a MultiPolygon index that is an object',
      { type: 'MultiPolygon', arcs: [[[0, {}]]] },
      notWhole('objects.bad', '{}'),
    ],
    ['an object that is null', null, notGeometry('objects.bad', 'null')],
    ['an object that is a number', 3, notGeometry('objects.bad', 'number')],
    ['an object that is an array', [road], notGeometry('objects.bad', 'an array')],
    [
      'a null geometry inside a GeometryCollection',
      { type: 'GeometryCollection', geometries: [road, null] },
      notGeometry('objects.bad.geometries[1]', 'null'),
    ],
    [
      'a bad index two collections deep',
      {
        type: 'GeometryCollection',
        geometries: [{ type: 'GeometryCollection', geometries: [road, { type: 'LineString', arcs: [1.5] }] }],
      },
      notWhole('objects.bad.geometries[0].geometries[1]', '1.5'),
    ],
    [
      'a GeometryCollection without geometries',
      { type: 'GeometryCollection' },
      unreadable(
        'objects.bad.geometries',
        'none',
        'an array of geometry objects',
        'objects.bad 是 GeometryCollection，但没有 geometries 数组',
        'objects.bad is a GeometryCollection without a "geometries" array',
      ),
    ],
    [
      'a GeometryCollection whose geometries are an object',
      { type: 'GeometryCollection', geometries: { 0: road } },
      unreadable(
        'objects.bad.geometries',
        'object',
        'an array of geometry objects',
        'objects.bad 是 GeometryCollection，但没有 geometries 数组',
        'objects.bad is a GeometryCollection without a "geometries" array',
      ),
    ],
  ])('%s', async (_, bad, expected) => {
    const { features, problems } = await read({ arcs: ARCS, objects: { road, bad } })
    expect(problems).toEqual([expected])
    expect(features!.map((feature) => feature.geometry)).toEqual([{ type: 'LineString', coordinates: [A, B] }])
  })

  test("a point whose coordinates are not a position is refused with the converter's words", async () => {
    const { features, problems } = await read({
      arcs: ARCS,
      transform: { scale: [1, 1], translate: [0, 0] },
      objects: { road, bad: { type: 'Point' } },
    })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ severity: 'error', field: 'objects.bad' })
    expect(problems[0]!.message.en).toMatch(/^object "bad" could not be converted \(.+\); the object was not imported$/)
    expect(problems[0]!.message.zh).toMatch(/^对象“bad”无法转换（.+）；该对象未导入$/)
    expect(features).toHaveLength(1)
  })

  test.each([
    ['a scale that is text', { scale: 'x', translate: [0, 0] }],
    ['no translate', { scale: [1, 1] }],
    ['a scale of three numbers', { scale: [1, 1, 1], translate: [0, 0] }],
    ['a translate holding text', { scale: [1, 1], translate: [0, '0'] }],
    ['null', null],
    ['a number', 5],
  ])('a transform that is %s refuses the file', async (_, transform) => {
    expect(await read({ arcs: ARCS, transform, objects: { road } })).toEqual({
      features: null,
      problems: notTopology(
        'transform',
        'TopoJSON 的 transform 应有 scale 和 translate 两对数字；未导入任何要素',
        '"transform" should hold a scale and a translate of two numbers each; nothing was imported',
      ),
    })
  })

  test('a valid transform is applied', async () => {
    const { features } = await read({
      arcs: [
        [
          [0, 0],
          [1, 4],
        ],
      ],
      transform: { scale: [0.5, 0.25], translate: [119.5, 29] },
      objects: { road },
    })
    expect(features![0]!.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [119.5, 29],
        [120, 30],
      ],
    })
  })
})

describe('through importBytes', () => {
  const run = (topology: unknown) =>
    importBytes(new TextEncoder().encode(JSON.stringify(topology)), { fileName: 'f.topojson', declaredCrs: 'auto' })

  test('a valid file imports its features as TopoJSON', async () => {
    const result = await run({
      type: 'Topology',
      arcs: ARCS,
      objects: { land: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0, 1]] }] } },
    })
    expect(result).toMatchObject({ ok: true, format: 'topojson', featureCount: 1, problems: [] })
    expect(result.data!.features[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [[A, B, C, A]] })
  })

  test('a file whose objects hold no geometries fails and says so', async () => {
    const result = await run({
      type: 'Topology',
      arcs: ARCS,
      objects: { land: { type: 'GeometryCollection', geometries: [] } },
    })
    expect(result).toMatchObject({ ok: false, featureCount: 0, data: null })
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'f.topojson',
        featureIndex: null,
        line: null,
        field: '',
        found: '0 features',
        expected: 'at least one valid feature',
        message: { zh: '没有可用的要素', en: 'no usable features' },
      },
    ])
  })

  test('a file whose only object points past the arcs fails with that one reason', async () => {
    const result = await run({ type: 'Topology', arcs: ARCS, objects: { parcel: { type: 'Polygon', arcs: [[0, 2]] } } })
    expect(result).toMatchObject({ ok: false, featureCount: 0, data: null })
    expect(result.problems).toEqual([arcPastEnd('parcel', 2, 2)])
  })

  test('an object with an arc index that is null is refused by name; the file imports the others', async () => {
    const result = await run({
      type: 'Topology',
      arcs: ARCS,
      objects: { road: { type: 'LineString', arcs: [0] }, bad: { type: 'LineString', arcs: [0, null] } },
    })
    expect(result).toMatchObject({ featureCount: 1 })
    expect(result.problems).toContainEqual(expect.objectContaining({ field: 'objects.bad.arcs', found: 'null' }))
  })
})
