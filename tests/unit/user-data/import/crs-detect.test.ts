// The CRS guess: which positions look like degrees or like metres of each projected CRS, its boxes and
// boundaries, and the exact suggestion texts.
import proj4 from 'proj4'
import { beforeAll, describe, expect, test } from 'vitest'
import {
  classifyPosition,
  detectCrs,
  loadProjections,
  needsProjections,
  PROJECTED_CRS_DEFINITIONS,
  projectedToLngLat,
  type ProjectedCrs,
  CHINA_BBOX,
  isDegrees,
  isInBox,
} from '../../../../src/user-data/import/crs-detect'
import { JINHUA_BBOX } from '../../../../src/domain/geometry/geojson-checks'

const DUOHU: [number, number] = [119.68511, 29.0937]
// proj4 is loaded on demand (finish-import.ts asks for it when a sample needs it); these tests use it throughout.
beforeAll(() => loadProjections())
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

  test('infinite and unprojectable values are unknown', () => {
    expect(classifyPosition(Infinity, 29)).toBe('unknown')
    expect(classifyPosition(119, -Infinity)).toBe('unknown')
    expect(classifyPosition(1e7, 1e9)).toBe('unknown')
  })

  test('degrees at the edges of 金华市 and of China', () => {
    expect(classifyPosition(JINHUA_BBOX[0], JINHUA_BBOX[1])).toBe('wgs84-jinhua')
    expect(classifyPosition(73, 17)).toBe('wgs84-china')
    expect(classifyPosition(136, 54)).toBe('wgs84-china')
    expect(classifyPosition(72.9, 30)).toBe('wgs84-elsewhere')
  })

  test('swapped only when the swapped position is in China', () => {
    expect(classifyPosition(BEIJING[1], BEIJING[0])).toBe('swapped')
    // [latitude, longitude] of Paris is valid degrees as it stands: not swapped.
    expect(classifyPosition(48.85, 2.35)).toBe('wgs84-elsewhere')
    // Not degrees either way round, and no projection lands in China.
    expect(classifyPosition(95, 200)).toBe('unknown')
  })

  test('swapped needs the swapped position in China, not only valid degrees', () => {
    // [10, 170] swapped is valid degrees (170°E, 10°N) but in the Pacific.
    expect(classifyPosition(10, 170)).toBe('unknown')
  })

  test('a projection landing in China but not in 金华市 still names the projection', () => {
    expect(classifyPosition(...project('EPSG:3857', BEIJING))).toBe('EPSG:3857')
    expect(classifyPosition(...project('CGCS2000-GK-3deg-120', [118, 32]))).toBe('CGCS2000-GK-3deg-120')
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

  test('swapped data in China but outside 金华市: the suggestion says China', () => {
    expect(detectCrs([[BEIJING[1], BEIJING[0]]])).toEqual({
      verdict: 'swapped',
      likelyCrs: 'swap-axes',
      share: 1,
      counts: { swapped: 1 },
      example: [39.9087, 116.3975],
      suggestions: [
        {
          crs: 'swap-axes',
          reason: {
            zh: '坐标像是纬度在前、经度在后（如 [39.9087, 116.3975]）；交换后落在中国境内',
            en:
              'coordinates look like latitude first, longitude second (e.g. [39.9087, 116.3975]); ' +
              'swapped they land in China',
          },
        },
      ],
    })
  })

  test('Web Mercator of Beijing: metres shown without decimals, lands in China', () => {
    expect(detectCrs([[12957320, 4852834]])).toEqual({
      verdict: 'projected',
      likelyCrs: 'EPSG:3857',
      share: 1,
      counts: { 'EPSG:3857': 1 },
      example: [12957320, 4852834],
      suggestions: [
        {
          crs: 'EPSG:3857',
          reason: {
            zh: '坐标是米而不是度（如 [12957320, 4852834]），像 Web 墨卡托（EPSG:3857）米制坐标；按此换算后落在中国境内',
            en:
              'coordinates are metres, not degrees (e.g. [12957320, 4852834]), like Web Mercator (EPSG:3857) metres; ' +
              'converted that way they land in China',
          },
        },
      ],
    })
  })

  test('the winner first, then every correctable class with a tenth of the sample; each with its example', () => {
    const detection = detectCrs([
      [29.0937, 119.68511],
      [29.2, 119.8],
      [13_323_286, 3_387_577],
    ])
    expect(detection.verdict).toBe('swapped')
    expect(detection.share).toBeCloseTo(2 / 3, 12)
    expect(detection.counts).toEqual({ swapped: 2, 'EPSG:3857': 1 })
    expect(detection.example).toEqual([29.0937, 119.68511])
    expect(detection.suggestions).toEqual([
      {
        crs: 'swap-axes',
        reason: {
          zh: '坐标像是纬度在前、经度在后（如 [29.0937, 119.6851]）；交换后落在金华市内',
          en:
            'coordinates look like latitude first, longitude second (e.g. [29.0937, 119.6851]); ' +
            'swapped they land in Jinhua',
        },
      },
      {
        crs: 'EPSG:3857',
        reason: {
          zh: '坐标是米而不是度（如 [13323286, 3387577]），像 Web 墨卡托（EPSG:3857）米制坐标；按此换算后落在金华市内',
          en:
            'coordinates are metres, not degrees (e.g. [13323286, 3387577]), like Web Mercator (EPSG:3857) metres; ' +
            'converted that way they land in Jinhua',
        },
      },
    ])
  })

  test('the largest class wins wherever it first appears; metres up to 1000 keep four decimals', () => {
    const detection = detectCrs([
      [13_323_286, 3_387_577],
      [29.0937, 119.68511],
      [29.2, 119.8],
      [119.7, 29.1],
      [119.7, 29.1],
      [119.7, 29.1],
    ])
    expect(detection.verdict).toBe('wgs84-jinhua')
    expect(detection.example).toEqual([119.7, 29.1])
    expect(detection.suggestions.map((suggestion) => suggestion.crs)).toEqual(['swap-axes', 'EPSG:3857'])
    const small = detectCrs([[1000, 3_220_000]])
    expect(small.likelyCrs).toBe('CGCS2000-GK-3deg-120')
    expect(small.suggestions[0]!.reason.en).toContain('(e.g. [1000.0000, 3220000.0000])')
  })

  test('exactly a tenth is offered, less is not', () => {
    const metres = project('CGCS2000-GK-3deg-120', DUOHU)
    const tenth = detectCrs([...Array<[number, number]>(9).fill(DUOHU), metres])
    expect(tenth.suggestions.map((suggestion) => suggestion.crs)).toEqual(['CGCS2000-GK-3deg-120'])
    const less = detectCrs([...Array<[number, number]>(10).fill(DUOHU), metres])
    expect(less.suggestions).toEqual([])
    expect(less.counts).toEqual({ 'wgs84-jinhua': 10, 'CGCS2000-GK-3deg-120': 1 })
  })

  test('the zone-20 projection has its own name in the reason', () => {
    const detection = detectCrs([project('CGCS2000-GK-6deg-20', DUOHU)])
    expect(detection.likelyCrs).toBe('CGCS2000-GK-6deg-20')
    expect(detection.suggestions[0]!.reason.en).toContain(
      'like CGCS2000 Gauss-Krüger 6-degree zone 20 metres (zone number 20 in front of x; EPSG:4498)',
    )
    expect(detection.suggestions[0]!.reason.zh).toContain(
      'CGCS2000 高斯-克吕格 6 度带第 20 带（东坐标带带号 20，EPSG:4498）',
    )
    const threeDegree = detectCrs([project('CGCS2000-GK-3deg-120', DUOHU)])
    expect(threeDegree.suggestions[0]!.reason.en).toContain(
      'CGCS2000 Gauss-Krüger 3-degree metres (central meridian 120°E, no zone number in x; EPSG:4549)',
    )
  })

  test('degrees in China outside 金华市 and elsewhere are both "elsewhere"; text values are read as numbers', () => {
    expect(detectCrs([BEIJING])).toMatchObject({ verdict: 'wgs84-elsewhere', likelyCrs: null, suggestions: [] })
    expect(detectCrs([[2.35, 48.85]])).toMatchObject({ verdict: 'wgs84-elsewhere', likelyCrs: null })
    const mixed = detectCrs([['119.7', '29.1'] as unknown as number[], [2.35, 48.85]])
    expect(mixed).toEqual({
      verdict: 'wgs84-jinhua',
      likelyCrs: null,
      share: 0.5,
      counts: { 'wgs84-jinhua': 1, 'wgs84-elsewhere': 1 },
      example: [119.7, 29.1],
      suggestions: [],
    })
  })

  test('unknown: no CRS to declare; empty: nothing at all', () => {
    expect(detectCrs([[5e8, 5e8]])).toEqual({
      verdict: 'unknown',
      likelyCrs: null,
      share: 1,
      counts: { unknown: 1 },
      example: [5e8, 5e8],
      suggestions: [],
    })
    expect(detectCrs([])).toEqual({
      verdict: 'empty',
      likelyCrs: null,
      share: 0,
      counts: {},
      example: null,
      suggestions: [],
    })
  })
})

const BEIJING: [number, number] = [116.3975, 39.9087]

describe('isInBox and isDegrees', () => {
  test('both are inclusive at every edge', () => {
    const [w, s, e, n] = JINHUA_BBOX
    expect([isInBox(w, s, JINHUA_BBOX), isInBox(e, n, JINHUA_BBOX)]).toEqual([true, true])
    expect(isInBox(w - 0.01, 29, JINHUA_BBOX)).toBe(false)
    expect(isInBox(e + 0.01, 29, JINHUA_BBOX)).toBe(false)
    expect(isInBox(120, s - 0.01, JINHUA_BBOX)).toBe(false)
    expect(isInBox(120, n + 0.01, JINHUA_BBOX)).toBe(false)
    expect([isDegrees(180, 90), isDegrees(-180, -90)]).toEqual([true, true])
    expect([isDegrees(180.1, 0), isDegrees(-180.1, 0), isDegrees(0, 90.1), isDegrees(0, -90.1)]).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(CHINA_BBOX).toEqual([73, 17, 136, 54])
  })
})

describe('projectedToLngLat', () => {
  test('null where the projection has no finite answer', () => {
    expect(projectedToLngLat('CGCS2000-GK-3deg-120', 1e20, 1e20)).toBeNull()
    expect(projectedToLngLat('CGCS2000-GK-6deg-20', -1e15, 1e15)).toBeNull()
  })

  test('a finite answer as [lng, lat]', () => {
    const [lng, lat] = projectedToLngLat('EPSG:3857', ...project('EPSG:3857', DUOHU))!
    expect(lng).toBeCloseTo(DUOHU[0], 9)
    expect(lat).toBeCloseTo(DUOHU[1], 9)
  })
})

describe('needsProjections', () => {
  test('degrees and swapped Chinese degrees do not need proj4; metres and unknown numbers do', () => {
    expect(needsProjections([DUOHU, [2.35, 48.85], [DUOHU[1], DUOHU[0]]])).toBe(false)
    expect(
      needsProjections([
        [Infinity, 29],
        [Number.NaN, 1],
      ]),
    ).toBe(false)
    expect(needsProjections([])).toBe(false)
    expect(needsProjections([DUOHU, [13_323_286, 3_387_577]])).toBe(true)
    expect(needsProjections([[95, 200]])).toBe(true)
    expect(needsProjections([['13323286', '3387577'] as unknown as number[]])).toBe(true)
  })
})
