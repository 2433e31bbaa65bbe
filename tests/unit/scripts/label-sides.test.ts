/**
 * The side of its seat each township's name is drawn on: below, except the northern seat of a close
 * pair with room to its north, whose name goes above, so that the two names do not cover each other.
 */
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { describe, expect, test } from 'vitest'
import { labelSides } from '../../../scripts/geo/towns'

describe('labelSides', () => {
  test('two seats 2 km apart: the northern name above, the southern below; far apart both below', () => {
    expect(
      labelSides([
        { lng: 119.8, lat: 29.02 },
        { lng: 119.79, lat: 29.0 },
      ]),
    ).toEqual(['above', 'below'])
    expect(
      labelSides([
        { lng: 119.8, lat: 29.2 },
        { lng: 119.79, lat: 29.0 },
      ]),
    ).toEqual(['below', 'below'])
  })

  test('a close seat side by side (not to the south) leaves both names below', () => {
    expect(
      labelSides([
        { lng: 119.8, lat: 29.0 },
        { lng: 119.82, lat: 29.0 },
      ]),
    ).toEqual(['below', 'below'])
  })

  test('no room to the north (another seat within 5 km there): the name stays below', () => {
    const seats = [
      { lng: 119.8, lat: 29.02 },
      { lng: 119.79, lat: 29.0 },
      { lng: 119.8, lat: 29.055 },
    ]
    expect(labelSides(seats)[0]).toBe('below')
  })

  test('on the built seats, only 岭下镇 (2.3 km north of 江东镇) takes its name above', () => {
    const seats = JSON.parse(readFileSync('public/geo/seats.geojson', 'utf8')) as FeatureCollection
    const above = seats.features.filter((f) => f.properties?.label_side === 'above').map((f) => f.properties?.name)
    expect(above).toEqual(['岭下镇'])
    expect(seats.features.every((f) => ['above', 'below'].includes(f.properties?.label_side as string))).toBe(true)
  })
})
