import { describe, expect, test } from 'vitest'
import type { FeatureCollection } from 'geojson'
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

test('the requirements come from the specs: every listed built-in layer can be replaced', () => {
  for (const id of ['towns', 'district', 'counties', 'seats', 'rivers', 'monitoring-points', 'enforcement'])
    expect(replacementRequirement(layerSpec(id)!), id).not.toBeNull()
  expect(replacementRequirement(layerSpec('county-labels')!)).toBeNull()
  expect(requirement('towns')).toMatchObject({ key: 'code', keyFromName: true })
})
