/** Stored settings are validated field by field: one bad field falls back alone, the rest is kept. */
import { describe, expect, test } from 'vitest'
import { parseStoredSettings, validCamera } from '../../../src/settings/stored-settings'
import { formatShareHash, MAX_LINK_FEATURE_ID, parseShareHash } from '../../../src/settings/share-link'

const CAMERA = { zoom: 12, lat: 29.1, lng: 119.7 }
const stored = (value: unknown) => parseStoredSettings(JSON.stringify(value))

describe('stored settings', () => {
  test('a good record comes back whole', () => {
    expect(stored({ locale: 'en', basemap: { id: 'osm' }, camera: CAMERA })).toEqual({
      locale: 'en',
      basemap: { id: 'osm', tiandituKey: undefined, styleUrl: undefined },
      camera: CAMERA,
    })
  })

  test.each([
    ['latitude beyond ±90', { ...CAMERA, lat: 100 }],
    ['latitude beyond Web Mercator', { ...CAMERA, lat: -86 }],
    ['longitude beyond ±180', { ...CAMERA, lng: 540 }],
    ['negative zoom', { ...CAMERA, zoom: -3 }],
    ['zoom past 22', { ...CAMERA, zoom: 1e300 }],
    ['text for a number', { ...CAMERA, zoom: '12' }],
    ['a missing part', { zoom: 12, lat: 29 }],
    ['not an object', 'here'],
  ])('a camera with %s is dropped, language and basemap kept', (_case, camera) => {
    expect(stored({ locale: 'en', basemap: { id: 'osm' }, camera })).toEqual({
      locale: 'en',
      basemap: { id: 'osm', tiandituKey: undefined, styleUrl: undefined },
    })
  })

  test("the tool column's tab is kept when it is one of the tabs, else dropped alone", () => {
    expect(stored({ locale: 'en', toolTab: 'analysis' })).toEqual({ locale: 'en', toolTab: 'analysis' })
    expect(stored({ locale: 'en', toolTab: 'heatmap' })).toEqual({ locale: 'en' })
    expect(stored({ toolTab: ['data'] })).toEqual({})
  })

  test('an unknown locale or basemap falls back alone', () => {
    expect(stored({ locale: 'fr', basemap: { id: 'osm' }, camera: CAMERA })).toEqual({
      basemap: { id: 'osm', tiandituKey: undefined, styleUrl: undefined },
      camera: CAMERA,
    })
    expect(stored({ locale: 'en', basemap: { id: '__proto__' }, camera: CAMERA })).toEqual({
      locale: 'en',
      camera: CAMERA,
    })
  })

  test('a style URL must be http(s) and of sane length; a key is cut to 64 characters', () => {
    const custom = (styleUrl: string) => stored({ basemap: { id: 'custom', styleUrl } }).basemap?.styleUrl
    expect(custom('https://example.org/style.json')).toBe('https://example.org/style.json')
    expect(custom('javascript:alert(1)')).toBeUndefined()
    expect(custom(`https://x.org/${'a'.repeat(5000)}`)).toBeUndefined()
    expect(stored({ basemap: { id: 'tianditu-vec', tiandituKey: 'k'.repeat(500) } }).basemap?.tiandituKey).toHaveLength(
      64,
    )
  })

  test('text that is not a settings object gives the defaults', () => {
    for (const text of ['not json', 'null', '[1,2]', '42', '"x"', null]) expect(parseStoredSettings(text)).toEqual({})
  })

  test('the edges of each range are accepted', () => {
    expect(validCamera({ zoom: 0, lat: -85, lng: -180 })).toEqual({ zoom: 0, lat: -85, lng: -180 })
    expect(validCamera({ zoom: 22, lat: 85, lng: 180 })).toEqual({ zoom: 22, lat: 85, lng: 180 })
  })
})

describe('share link bounds', () => {
  test('an extreme zoom never breaks writing the link', () => {
    expect(() => formatShareHash({ camera: { zoom: 1e300, lat: 29, lng: 119 } })).not.toThrow()
    expect(formatShareHash({ camera: { zoom: 1e300, lat: 29, lng: 119 } })).toBe('')
    expect(formatShareHash({ camera: { zoom: 22, lat: 29, lng: 119 } })).toMatch(/^#map=22\//)
  })

  test(`a feature id longer than ${MAX_LINK_FEATURE_ID} characters is left out of the link`, () => {
    const long = 'a'.repeat(MAX_LINK_FEATURE_ID + 1)
    const hash = formatShareHash({ layers: ['towns'], selection: { layerId: 'user-1', featureId: long } })
    expect(hash).toBe('#layers=towns')
    const fits = 'a'.repeat(MAX_LINK_FEATURE_ID)
    const state = { selection: { layerId: 'user-1', featureId: fits } }
    expect(parseShareHash(formatShareHash(state))).toEqual(state)
  })

  test('a selection that could not be read back is not written', () => {
    expect(formatShareHash({ selection: { layerId: 'user-1', featureId: 'has space' } })).toBe('')
  })
})
