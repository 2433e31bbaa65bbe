import { describe, expect, test } from 'vitest'
import { editedParts, formatShareHash, parseShareHash } from '../../../src/settings/share-link'

describe('share link', () => {
  test('writes the view the way OpenStreetMap does', () => {
    expect(formatShareHash({ camera: { zoom: 10, lat: 29.123456, lng: 119.7654321 } })).toBe('#map=10/29.1235/119.7654')
  })

  test('round-trips every part', () => {
    const state = {
      camera: { zoom: 11.5, lat: 29.1235, lng: 119.7654 },
      layers: ['towns', 'rivers'],
      selection: { layerId: 'towns', featureId: '330703001' },
      indicator: 'inspections',
      lang: 'en' as const,
    }
    expect(parseShareHash(formatShareHash(state))).toEqual(state)
  })

  test('drops invalid parts quietly and keeps the valid ones', () => {
    expect(parseShareHash('#map=99/1/2&lang=fr&layers=towns,<b>,rivers&sel=towns')).toEqual({
      layers: ['towns', 'rivers'],
    })
    expect(parseShareHash('#map=10/abc/119')).toEqual({})
    expect(parseShareHash('#map=10/29.1/119.7&sel=%E0%A4%A')).toEqual({ camera: { zoom: 10, lat: 29.1, lng: 119.7 } })
    expect(parseShareHash('')).toEqual({})
  })

  test('keeps an empty layer list distinct from no list (all layers hidden)', () => {
    expect(parseShareHash('#layers=')).toEqual({ layers: [] })
  })

  test("carries a user's joined indicator (any text, encoded), bounded in length", () => {
    const indicator = 'user:台账 2022.xlsx:信访件数&备注=1'
    const hash = formatShareHash({ indicator })
    expect(hash).not.toContain('&备注')
    expect(parseShareHash(hash)).toEqual({ indicator })
    expect(parseShareHash(formatShareHash({ indicator: `user:${'x'.repeat(201)}` }))).toEqual({})
    expect(parseShareHash('#ind=%3Cb%3E')).toEqual({})
  })

  test('an edit yields only the parts it changed; a part it drops is not a change', () => {
    const before = parseShareHash('#map=10/29.1/119.7&layers=towns,rivers&sel=towns:330703001&ind=cases&lang=zh-CN')
    expect(editedParts(parseShareHash('#map=10/29.1/119.7&layers=towns&ind=cases&lang=zh-CN'), before)).toEqual({
      layers: ['towns'],
    })
    expect(editedParts(parseShareHash('#map=12/29.1/119.7&lang=en'), before)).toEqual({
      camera: { zoom: 12, lat: 29.1, lng: 119.7 },
      lang: 'en',
    })
    expect(editedParts(before, before)).toEqual({})
    expect(editedParts(parseShareHash('#sel=towns:330703002'), {})).toEqual({
      selection: { layerId: 'towns', featureId: '330703002' },
    })
  })
})
