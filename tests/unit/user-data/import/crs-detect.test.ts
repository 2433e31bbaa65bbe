import proj4 from 'proj4'
import { describe, expect, test } from 'vitest'
import {
  classifyPosition,
  detectCrs,
  PROJECTED_CRS_DEFINITIONS,
  projectedToLngLat,
  type ProjectedCrs,
} from '../../../../src/user-data/import/crs-detect'

const DUOHU: [number, number] = [119.68511, 29.0937]
const project = (crs: ProjectedCrs, position: [number, number]) =>
  proj4('WGS84', PROJECTED_CRS_DEFINITIONS[crs], position) as [number, number]

describe('classifyPosition', () => {
  test.each([
    [DUOHU, 'wgs84-jinhua'],
    [[116.3975, 39.9087], 'wgs84-china'],
    [[2.35, 48.85], 'wgs84-elsewhere'],
    [[29.0937, 119.68511], 'swapped'],
    [[39.9087, 116.3975], 'swapped'],
    [[13_323_286, 3_387_577], 'EPSG:3857'],
    [[469_345, 3_219_696], 'CGCS2000-GK-3deg-120'],
    [[20_761_449, 3_222_635], 'CGCS2000-GK-6deg-20'],
    [[1e12, 1e12], 'unknown'],
    [[Number.NaN, 29], 'unknown'],
  ] as const)('%j is %s', (position, expected) => {
    expect(classifyPosition(position[0], position[1])).toBe(expected)
  })

  test('each projection round-trips over the whole of 金华市', () => {
    for (const crs of Object.keys(PROJECTED_CRS_DEFINITIONS) as ProjectedCrs[]) {
      for (const corner of [[119.05, 28.45], [120.85, 29.75], DUOHU] as [number, number][]) {
        const [x, y] = project(crs, corner)
        expect(classifyPosition(x, y)).toBe(crs)
        const back = projectedToLngLat(crs, x, y)!
        expect(back[0]).toBeCloseTo(corner[0], 7)
        expect(back[1]).toBeCloseTo(corner[1], 7)
      }
    }
  })

  test('the example ranges of the CRS notes hold', () => {
    const [mx, my] = project('EPSG:3857', DUOHU)
    expect(mx / 1e6).toBeCloseTo(13.3, 1)
    expect(my / 1e6).toBeCloseTo(3.39, 2)
    const [gx] = project('CGCS2000-GK-3deg-120', DUOHU)
    expect(gx).toBeGreaterThan(400_000)
    expect(gx).toBeLessThan(600_000)
    const [zx] = project('CGCS2000-GK-6deg-20', DUOHU)
    expect(Math.floor(zx / 1e6)).toBe(20)
  })
})

describe('detectCrs', () => {
  test('WGS84 in Jinhua: nothing to suggest', () => {
    expect(detectCrs([DUOHU, [119.8, 29.2]])).toMatchObject({
      verdict: 'wgs84-jinhua',
      likelyCrs: null,
      suggestions: [],
      share: 1,
    })
  })

  test('valid degrees elsewhere: a verdict, no conversion to offer', () => {
    expect(detectCrs([[116.39, 39.9]])).toMatchObject({ verdict: 'wgs84-elsewhere', likelyCrs: null, suggestions: [] })
  })

  test('projected metres: the projection that lands in Jinhua, with a reason in both languages', () => {
    const detection = detectCrs([project('EPSG:3857', DUOHU), project('EPSG:3857', [119.8, 29.2])])
    expect(detection.verdict).toBe('projected')
    expect(detection.likelyCrs).toBe('EPSG:3857')
    expect(detection.suggestions).toHaveLength(1)
    expect(detection.suggestions[0]!.reason.en).toMatch(/metres, not degrees .* Web Mercator .* land in Jinhua/)
    expect(detection.suggestions[0]!.reason.zh).toMatch(/米而不是度.*金华市内/)
  })

  test('swapped axes', () => {
    expect(detectCrs([[29.0937, 119.68511]])).toMatchObject({ verdict: 'swapped', likelyCrs: 'swap-axes' })
  })

  test('mixed files: the majority wins, a sizeable minority is still offered', () => {
    const sample: [number, number][] = [
      ...Array(7).fill(DUOHU),
      ...Array(3).fill(project('CGCS2000-GK-3deg-120', DUOHU)),
    ]
    const detection = detectCrs(sample)
    expect(detection.verdict).toBe('wgs84-jinhua')
    expect(detection.share).toBeCloseTo(0.7)
    expect(detection.suggestions.map((suggestion) => suggestion.crs)).toEqual(['CGCS2000-GK-3deg-120'])
  })

  test('nothing known: verdict unknown, no suggestion', () => {
    expect(detectCrs([[5e8, 5e8]])).toMatchObject({ verdict: 'unknown', suggestions: [] })
    expect(detectCrs([])).toMatchObject({ verdict: 'empty', suggestions: [] })
  })
})
