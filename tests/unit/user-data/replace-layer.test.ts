import { describe, expect, test } from 'vitest'
import type { Feature, FeatureCollection } from 'geojson'
import { prepareReplacement, type ReplacementRequirement } from '../../../src/user-data/replace-layer'
import { layerSpec } from '../../../src/layers/registry'
import { replacementRequirement } from '../../../src/layers/spec-helpers'

const requirement = (id: string): ReplacementRequirement => replacementRequirement(layerSpec(id)!)!

const square = [
  [
    [119.7, 29.1],
    [119.8, 29.1],
    [119.8, 29.2],
    [119.7, 29.2],
    [119.7, 29.1],
  ],
]
const builtInTowns: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '330703001', name: '多湖街道' },
      geometry: { type: 'Polygon', coordinates: square },
    },
  ],
}

describe('replacing a built-in layer', () => {
  test('real township boundaries by name get their township codes', () => {
    const user: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { 名称: '多湖街道' }, geometry: { type: 'Polygon', coordinates: square } },
      ],
    }
    const { collection, issues } = prepareReplacement(requirement('towns'), user, builtInTowns)
    expect(issues).toEqual([])
    expect(collection?.features[0]?.properties).toMatchObject({ code: '330703001', name: '多湖街道' })
  })

  test('refuses a file that cannot stand in, naming feature and reason', () => {
    const user: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: '某镇' }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } },
      ],
    }
    const { collection, issues } = prepareReplacement(requirement('towns'), user, builtInTowns)
    expect(collection).toBeNull()
    expect(issues.map((i) => i.message.en)).toEqual([
      'feature 0: no code, and the name "某镇" is not in the built-in layer',
      'feature 1: geometry is Point; expected Polygon/MultiPolygon',
      'feature 1: no code, and the name "x" is not in the built-in layer',
    ])
  })

  test('station positions need the kind the symbols are drawn by, and get ids', () => {
    const user: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'air', name: '站' },
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
        },
      ],
    }
    const { collection } = prepareReplacement(requirement('monitoring-points'), user, undefined)
    expect(collection?.features[0]?.properties?.id).toBe('monitoring-points-0')
    expect(
      prepareReplacement(
        requirement('monitoring-points'),
        {
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }],
        },
        undefined,
      ).issues[0]?.message.en,
    ).toBe('feature 0: property "kind" is missing')
  })
})

const collectionOf = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })
const town = (properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Polygon', coordinates: square },
})
const station = (properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: [119.7, 29.1] },
})

describe('what a replacement keeps and what it refuses', () => {
  test('an accepted file comes back as a collection of the user’s features with their geometry', () => {
    const user = collectionOf(station({ kind: 'air', name: '站' }))
    const { collection, issues } = prepareReplacement(requirement('monitoring-points'), user, undefined)
    expect(issues).toEqual([])
    expect(collection).toEqual({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'air', name: '站', id: 'monitoring-points-0' },
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
        },
      ],
    })
  })

  test('a feature with a name of its own keeps it, whatever its 名称 says', () => {
    const user = collectionOf(town({ name: '多湖街道', 名称: '别的名字' }))
    const { collection, issues } = prepareReplacement(requirement('towns'), user, builtInTowns)
    expect(issues).toEqual([])
    expect(collection?.features[0]?.properties).toEqual({ name: '多湖街道', 名称: '别的名字', code: '330703001' })
  })

  test('a 名称 that is not text does not become the name', () => {
    const user = collectionOf(station({ kind: 'air', 名称: 5 }))
    const { collection } = prepareReplacement(requirement('monitoring-points'), user, undefined)
    expect(collection?.features[0]?.properties).toEqual({ kind: 'air', 名称: 5, id: 'monitoring-points-0' })
  })

  test('built-in features without properties do not stop the others from lending their codes', () => {
    const builtIn = collectionOf({ ...town({}), properties: null }, ...builtInTowns.features)
    const { collection, issues } = prepareReplacement(
      requirement('towns'),
      collectionOf(town({ name: '多湖街道' })),
      builtIn,
    )
    expect(issues).toEqual([])
    expect(collection?.features[0]?.properties?.code).toBe('330703001')
  })

  test('a feature without geometry is refused in both languages', () => {
    const user = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { kind: 'air' }, geometry: null }],
    }
    const { collection, issues } = prepareReplacement(
      requirement('monitoring-points'),
      user as unknown as FeatureCollection,
      undefined,
    )
    expect(collection).toBeNull()
    expect(issues).toEqual([
      {
        severity: 'error',
        featureIndex: 0,
        message: {
          zh: '要素 0：几何类型为 空，应为 Point/MultiPoint',
          en: 'feature 0: geometry is empty; expected Point/MultiPoint',
        },
      },
    ])
  })

  test('a feature of the wrong geometry type is refused in both languages', () => {
    const user = collectionOf(town({ kind: 'air' }))
    const { collection, issues } = prepareReplacement(requirement('monitoring-points'), user, undefined)
    expect(collection).toBeNull()
    expect(issues).toEqual([
      {
        severity: 'error',
        featureIndex: 0,
        message: {
          zh: '要素 0：几何类型为 Polygon，应为 Point/MultiPoint',
          en: 'feature 0: geometry is Polygon; expected Point/MultiPoint',
        },
      },
    ])
  })

  test('a required property that is absent, null or empty is refused; 0 is a value', () => {
    const user = collectionOf(station({}), station({ kind: null }), station({ kind: '' }), station({ kind: 0 }))
    const { collection, issues } = prepareReplacement(requirement('monitoring-points'), user, undefined)
    expect(collection).toBeNull()
    expect(issues).toEqual(
      [0, 1, 2].map((i) => ({
        severity: 'error',
        featureIndex: i,
        message: { zh: `要素 ${i}：缺少属性 kind`, en: `feature ${i}: property "kind" is missing` },
      })),
    )
  })

  test('a layer whose key is not found by name gives ids of its own to features without one', () => {
    const user = collectionOf(station({ kind: 'air', name: '不在任何图层中' }), station({ kind: 'water', id: 'w1' }))
    const { collection, issues } = prepareReplacement(requirement('monitoring-points'), user, undefined)
    expect(issues).toEqual([])
    expect(collection?.features.map((f) => f.properties?.id)).toEqual(['monitoring-points-0', 'w1'])
  })

  test('a township neither coded nor named as a built-in one is refused in both languages', () => {
    const { collection, issues } = prepareReplacement(
      requirement('towns'),
      collectionOf(town({ name: '某镇' })),
      builtInTowns,
    )
    expect(collection).toBeNull()
    expect(issues).toEqual([
      {
        severity: 'error',
        featureIndex: 0,
        message: {
          zh: '要素 0：无 code，名称“某镇”也不在原图层中',
          en: 'feature 0: no code, and the name "某镇" is not in the built-in layer',
        },
      },
    ])
  })

  test('a file without features is refused: it would leave the layer empty', () => {
    const { collection, issues } = prepareReplacement(requirement('rivers'), collectionOf(), undefined)
    expect(collection).toBeNull()
    expect(issues).toEqual([
      { severity: 'error', featureIndex: null, message: { zh: '文件中没有要素', en: 'the file has no features' } },
    ])
  })
})

test('the requirements come from the specs: every listed built-in layer can be replaced', () => {
  for (const id of ['towns', 'district', 'counties', 'seats', 'rivers', 'monitoring-points', 'enforcement'])
    expect(replacementRequirement(layerSpec(id)!), id).not.toBeNull()
  expect(replacementRequirement(layerSpec('county-labels')!)).toBeNull()
  expect(requirement('towns')).toMatchObject({ key: 'code', keyFromName: true })
})
