/**
 * Any key is a key: property names equal to Object.prototype's members (and MapLibre's reserved
 * `$name`) are read, written, exported, joined and carried to the map like any other name.
 */
import { describe, expect, test } from 'vitest'
import {
  fromMapSafeProperties,
  hasUnsafeKey,
  ownValue,
  recordFromEntries,
  setOwn,
  toMapSafeCollection,
  toMapSafeProperties,
} from '../../../../src/domain/text/own-keys'
import { featureKey } from '../../../../src/domain/geometry/feature-key'
import { featuresToCsv } from '../../../../src/domain/text/export-table'
import { checkFeatureCollection } from '../../../../src/domain/geometry/geojson-checks'
import { localisedName } from '../../../../src/layers/style-helpers'
import { userLayerSpec } from '../../../../src/layers/user-layer'

const HOSTILE_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  '$name',
]

describe.each(HOSTILE_NAMES)('the name %s', (name) => {
  const properties = recordFromEntries([
    [name, `value of ${name}`],
    ['other', 1],
  ])

  test('is an own property with its value, and the prototype is untouched', () => {
    expect(Object.keys(properties)).toEqual([name, 'other'])
    expect(ownValue(properties, name)).toBe(`value of ${name}`)
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype)
  })

  test('is absent (not inherited) where a feature lacks it', () => {
    expect(ownValue({ other: 1 }, name)).toBeUndefined()
    expect(featureKey({ other: 1 }, name)).toBeNull()
  })

  test('setOwn stores it as data', () => {
    const target: Record<string, unknown> = {}
    setOwn(target, name, 'x')
    expect(Object.keys(target)).toEqual([name])
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype)
  })

  test('works as a join key', () => {
    expect(featureKey(properties, name)).toBe(`value of ${name}`)
  })

  test('survives the trip to MapLibre and back (escaped, then restored)', () => {
    expect(hasUnsafeKey(properties)).toBe(true)
    const safe = toMapSafeProperties(properties)
    expect(Object.keys(safe)).not.toContain(name)
    // MapLibre's serializer reads .constructor and calls .hasOwnProperty on every plain object.
    expect(safe.constructor).toBe(Object)
    expect(typeof safe.hasOwnProperty).toBe('function')
    expect(fromMapSafeProperties(safe)).toEqual(properties)
  })

  test('exports to CSV as its own column, blank where missing', () => {
    const csv = featuresToCsv({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [119.8, 29.1] } },
        { type: 'Feature', properties: { other: 2 }, geometry: { type: 'Point', coordinates: [119.9, 29.2] } },
      ],
    })
    const [header, first, second] = csv.replace('\uFEFF', '').split('\r\n')
    expect(header!.split(',')[0]).toBe(name)
    expect(first).toContain(`value of ${name}`)
    expect(second!.split(',')[0]).toBe('')
    expect(csv).not.toContain('native code')
  })

  test('a required property of that name is checked as data', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { other: 1 }, geometry: { type: 'Point', coordinates: [119.8, 29.1] } },
      ],
    }
    const issues = checkFeatureCollection(collection, { source: 't', requiredProperties: [name] })
    expect(issues.map((i) => i.field)).toContain(`properties.${name}`)
  })

  test('a user layer tooltip shows the value, not an inherited function', () => {
    const spec = userLayerSpec({ id: 'user-1', fileName: 'f.csv', index: 0, geometryTypes: ['Point'] })
    expect(spec.tooltip!(properties, 'zh-CN')).toBe(`value of ${name}`)
    expect(localisedName({ [name]: 'x' } as Record<string, unknown>, 'en')).toBe('')
  })
})

describe('collections', () => {
  test('a collection without clashing names is handed over as is', () => {
    const collection = { type: 'FeatureCollection', features: [{ properties: { name: 'a' } }] }
    expect(toMapSafeCollection(collection)).toBe(collection)
  })

  test('a name that starts with the escape itself round-trips', () => {
    const properties = recordFromEntries([
      ['\u241fconstructor', 1],
      ['constructor', 2],
    ])
    expect(fromMapSafeProperties(toMapSafeProperties(properties))).toEqual(properties)
  })
})

describe('own keys: what is handed back', () => {
  test('setOwn stores a value that can be replaced and removed later, like any property', () => {
    const object: Record<string, unknown> = {}
    setOwn(object, 'constructor', 1)
    object['constructor'] = 2
    expect(ownValue(object, 'constructor')).toBe(2)
    delete object['constructor']
    expect(Object.hasOwn(object, 'constructor')).toBe(false)
  })

  test('no properties have no unsafe key and stay as they are', () => {
    expect(hasUnsafeKey(null)).toBe(false)
    expect(hasUnsafeKey(undefined)).toBe(false)
    expect(toMapSafeProperties(null)).toBeNull()
  })

  test('properties without a clashing name are the same object both ways', () => {
    const properties = { name: 'a', value: 1 }
    expect(toMapSafeProperties(properties)).toBe(properties)
    expect(fromMapSafeProperties(properties)).toBe(properties)
  })

  test('a collection where one feature clashes: that feature escaped, the others as they were', () => {
    const plain = { name: 'a' }
    const collection = {
      type: 'FeatureCollection',
      features: [{ properties: plain }, { properties: recordFromEntries([['constructor', 'x']]) }],
    }
    const safe = toMapSafeCollection(collection)
    expect(safe).not.toBe(collection)
    expect(safe.type).toBe('FeatureCollection')
    expect(safe.features[0]!.properties).toBe(plain)
    expect(Object.keys(safe.features[1]!.properties)).toEqual(['\u241fconstructor'])
    expect(fromMapSafeProperties(safe.features[1]!.properties as Record<string, unknown>)).toEqual(
      recordFromEntries([['constructor', 'x']]),
    )
  })
})
