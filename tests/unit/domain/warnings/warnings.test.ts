/** The warning rules, with values at, just under and just over each limit (at the limit is not over). */
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { describe, expect, test } from 'vitest'
import {
  DEFAULT_TARGET_CLASS,
  airStationsFrom,
  airWarnings,
  isMonthlyNotice,
  noticesByTown,
  placeInTowns,
  sortWarnings,
  warningsByTown,
  waterSectionsFrom,
  waterWarnings,
  type AirStationInput,
  type WaterSectionInput,
} from '../../../../src/domain/warnings/warnings'
import { townAreasFrom } from '../../../../src/domain/geometry/aggregate'

const name = { zh: '站', en: 'Station' }
const station = (patch: Partial<AirStationInput>): AirStationInput => ({
  id: 's1',
  name,
  lngLat: [119.7, 29.1],
  townCode: '330703001',
  monthly: {},
  daily: [],
  ...patch,
})

describe('daily limits (GB 3095-2012 Level II, 24 h)', () => {
  test.each([
    ['pm25', 75],
    ['pm10', 150],
    ['o3_8h', 160],
  ] as const)('%s: the limit %d itself is not over, 0.1 above is', (pollutant, limit) => {
    const daily = [
      { date: '2022-01-01', [pollutant]: limit - 0.1 },
      { date: '2022-01-02', [pollutant]: limit },
      { date: '2022-01-03', [pollutant]: limit + 0.1 },
    ]
    const warnings = airWarnings([station({ daily })], 'monitoring-points', 'sample')
    expect(warnings.map((w) => [w.date, w.kind, w.severity, w.pollutant, w.limit])).toEqual([
      ['2022-01-03', 'air-daily', 'high', pollutant, limit],
    ])
  })

  test('missing and non-finite daily values are skipped', () => {
    const daily = [{ date: '2022-02-01', pm25: null, pm10: Number.NaN }]
    expect(airWarnings([station({ daily })], 'm', 'sample')).toEqual([])
  })
})

describe('monthly means against the annual limits (a signal, not a legal exceedance)', () => {
  test('PM2.5 35 and PM10 70 are not over; just above is, dated by month; O3 has no annual check', () => {
    const monthly = { pm25: [35, 35.1, null, 20], pm10: [70, 69.9, 70.1, 71], o3_8h: [300, 300] }
    const warnings = airWarnings([station({ monthly })], 'monitoring-points', 'sample')
    expect(warnings.map((w) => [w.date, w.pollutant, w.value, w.kind, w.severity])).toEqual([
      ['2022-02', 'pm25', 35.1, 'air-monthly-mean', 'notice'],
      ['2022-03', 'pm10', 70.1, 'air-monthly-mean', 'notice'],
      ['2022-04', 'pm10', 71, 'air-monthly-mean', 'notice'],
    ])
  })
})

describe('water classes against the target class', () => {
  const section = (monthlyClasses: number[], targetClass = 3): WaterSectionInput => ({
    id: 'w1',
    name,
    lngLat: [119.65, 29.1],
    townCode: null,
    monthlyClasses,
    targetClass,
    targetAssumed: false,
  })
  test('Ⅲ is not worse than Ⅲ; Ⅳ is (medium); Ⅴ and 劣Ⅴ are high', () => {
    const warnings = waterWarnings([section([2, 3, 4, 5, 6])], 'water-sections', 'sample')
    expect(warnings.map((w) => [w.date, w.value, w.severity])).toEqual([
      ['2022-03', 4, 'medium'],
      ['2022-04', 5, 'high'],
      ['2022-05', 6, 'high'],
    ])
  })
  test("a section's own target class is used", () => {
    expect(waterWarnings([section([3, 4], 4)], 'w', 'sample')).toEqual([])
  })
  test('without a target of its own, the class Ⅲ target is marked as assumed (the report gives none)', () => {
    const collection = (properties: Record<string, unknown>): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'w', name: 'w', monthly_classes: [4], ...properties },
          geometry: { type: 'Point', coordinates: [119.7, 29.1] },
        },
      ],
    })
    const [assumed] = waterWarnings(waterSectionsFrom(collection({})), 'w', 'sample')
    expect(assumed).toMatchObject({ limit: DEFAULT_TARGET_CLASS, limitAssumed: true })
    const [own] = waterWarnings(waterSectionsFrom(collection({ target_class: 3 })), 'w', 'sample')
    expect(own).toMatchObject({ limit: 3, limitAssumed: false })
    expect(airWarnings([station({ monthly: { pm25: [40] } })], 'm', 'sample')[0]!.limitAssumed).toBe(false)
  })
})

describe('order, sources and townships', () => {
  test('severity first, then the latest date first', () => {
    const air = airWarnings(
      [station({ monthly: { pm25: [40, 50] }, daily: [{ date: '2022-01-05', pm25: 80 }] })],
      'm',
      'sample',
    )
    const water = waterWarnings(
      [{ id: 'w', name, lngLat: [0, 0], townCode: null, monthlyClasses: [4, 4], targetClass: 3, targetAssumed: true }],
      'w',
      'sample',
    )
    expect(sortWarnings([...air, ...water]).map((w) => `${w.severity} ${w.date}`)).toEqual([
      'high 2022-01-05',
      'medium 2022-02',
      'medium 2022-01',
      'notice 2022-02',
      'notice 2022-01',
    ])
  })

  test('from the app’s sample files: every air station month is read, each warning placed in a township', () => {
    const read = (n: string) => JSON.parse(readFileSync(`public/geo/${n}.geojson`, 'utf8')) as FeatureCollection
    const stations = airStationsFrom(read('monitoring-points'))
    expect(stations).toHaveLength(11)
    expect(stations.every((s) => s.daily.length === 0)).toBe(true)
    const sections = waterSectionsFrom(read('water-sections'))
    expect(sections.map((s) => s.id).sort()).toEqual(['dongguanqiao', 'hongwuqiao'])
    const expectedAir = stations.reduce(
      (n, s) => n + s.monthly.pm25!.filter((v) => v! > 35).length + s.monthly.pm10!.filter((v) => v! > 70).length,
      0,
    )
    const warnings = placeInTowns(
      [...airWarnings(stations, 'monitoring-points', 'sample'), ...waterWarnings(sections, 'water-sections', 'sample')],
      townAreasFrom(read('towns')),
    )
    expect(warnings.filter((w) => w.kind === 'air-monthly-mean')).toHaveLength(expectedAir)
    expect(expectedAir).toBeGreaterThan(0)
    const counts = warningsByTown(warnings)
    const placeless = warnings.filter((w) => w.townCode === null)
    // Only a section just above the confluence may lie outside every township (in 金华 city).
    expect(placeless.every((w) => w.kind === 'water-class')).toBe(true)
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(warnings.length - placeless.length)
    // With no daily values, every warning of the sample is a monthly notice, not a statutory exceedance:
    // the township panel says so (noticesByTown equals warningsByTown).
    expect(warnings.every(isMonthlyNotice)).toBe(true)
    expect(noticesByTown(warnings)).toEqual(counts)
    expect(warnings.filter((w) => w.kind === 'water-class').every((w) => w.limitAssumed)).toBe(true)
  })

  test('a daily value over a limit is not a notice; monthly means and water months are', () => {
    const air = airWarnings(
      [station({ monthly: { pm25: [40] }, daily: [{ date: '2022-01-05', pm25: 80 }] })],
      'm',
      'sample',
    )
    expect(air.map((w) => [w.kind, isMonthlyNotice(w)])).toEqual([
      ['air-daily', false],
      ['air-monthly-mean', true],
    ])
    expect(noticesByTown(air)).toEqual({ '330703001': 1 })
    expect(warningsByTown(air)).toEqual({ '330703001': 2 })
  })
})

describe('reading stations and sections from a file', () => {
  const point = (properties: Record<string, unknown>, coordinates: unknown = [119.7, 29.1], id?: string) => ({
    type: 'Feature' as const,
    ...(id ? { id } : {}),
    properties,
    geometry: { type: 'Point', coordinates } as never,
  })
  const collection = (...features: ReturnType<typeof point>[]): FeatureCollection => ({
    type: 'FeatureCollection',
    features,
  })

  test('an air station: its id (the property, else the feature id), names, township, monthly and daily values', () => {
    const [a, b, c] = airStationsFrom(
      collection(
        point({
          kind: 'air',
          id: 'a1',
          name: '曹宅站',
          name_en: 'Caozhai',
          town_code: '330703103',
          pm25: [40, 'x', null],
          pm10: [60],
          daily: [
            { date: '2022-01-05', pm25: 80, pm10: 'n/a', o3: 170 },
            { date: 20220106, pm25: 90 },
            null,
            { date: '2022-01-07', o3_8h: 150, o3: 999 },
          ],
        }),
        point({ kind: 'air', name: '无英文名' }, [119.8, 29.2], 'feature-id'),
        point({ kind: 'air' }),
      ),
    )
    expect(a).toEqual({
      id: 'a1',
      name: { zh: '曹宅站', en: 'Caozhai' },
      lngLat: [119.7, 29.1],
      townCode: '330703103',
      monthly: { pm25: [40, null, null], pm10: [60] },
      daily: [
        { date: '2022-01-05', pm25: 80, pm10: null, o3_8h: 170 },
        { date: '2022-01-07', pm25: null, pm10: null, o3_8h: 150 },
      ],
    })
    expect(b).toMatchObject({ id: 'feature-id', name: { zh: '无英文名', en: '无英文名' }, townCode: null, daily: [] })
    expect(b!.lngLat).toEqual([119.8, 29.2])
    expect(c).toMatchObject({ id: '', name: { zh: '', en: '' }, monthly: { pm25: undefined, pm10: undefined } })
  })

  test('only air stations at a finite point: other kinds, lines and broken coordinates are left out', () => {
    const stations = airStationsFrom(
      collection(
        point({ kind: 'vocs', id: 'v' }),
        point({ kind: 'air', id: 'nan' }, [Number.NaN, 29.1]),
        point({ kind: 'air', id: 'no-lat' }, [119.7, 'x']),
        {
          ...point({ kind: 'air', id: 'line' }),
          geometry: {
            type: 'LineString',
            coordinates: [
              [119, 29],
              [120, 30],
            ],
          } as never,
        },
        { ...point({ kind: 'air', id: 'none' }), geometry: null as never },
        point({ kind: 'air', id: 'ok' }),
      ),
    )
    expect(stations.map((s) => s.id)).toEqual(['ok'])
    expect(airStationsFrom(null)).toEqual([])
    expect(airStationsFrom(undefined)).toEqual([])
  })

  test('a water section: its classes, its own target or the assumed class Ⅲ, its township; none without them', () => {
    const sections = waterSectionsFrom(
      collection(
        point({ id: 'w1', name: '东关桥', monthly_classes: [3, 4, 'x'], target_class: 2, town_code: '330703002' }),
        point({ name: '洪坞桥', monthly_classes: [3] }, [119.6, 29.0], 'w2'),
        point({ id: 'w3', monthly_classes: 'III' }),
        point({ id: 'w4', monthly_classes: [3] }, [Number.POSITIVE_INFINITY, 29]),
      ),
    )
    expect(sections).toEqual([
      {
        id: 'w1',
        name: { zh: '东关桥', en: '东关桥' },
        lngLat: [119.7, 29.1],
        townCode: '330703002',
        monthlyClasses: [3, 4, null],
        targetClass: 2,
        targetAssumed: false,
      },
      {
        id: 'w2',
        name: { zh: '洪坞桥', en: '洪坞桥' },
        lngLat: [119.6, 29.0],
        townCode: null,
        monthlyClasses: [3],
        targetClass: DEFAULT_TARGET_CLASS,
        targetAssumed: true,
      },
    ])
    expect(waterSectionsFrom(null)).toEqual([])
  })

  test('each warning has its own id: station, date, pollutant, and whether it is a monthly mean', () => {
    const warnings = airWarnings(
      [station({ daily: [{ date: '2022-01-05', pm25: 80, pm10: 160 }], monthly: { pm25: [36] } })],
      'points',
      'sample',
    )
    expect(warnings.map((w) => w.id).sort()).toEqual(
      ['s1:2022-01-05:pm25', 's1:2022-01-05:pm10', 's1:2022-01:pm25:mean'].sort(),
    )
    expect(warnings.every((w) => w.limitAssumed === false)).toBe(true)
    const water = waterWarnings(
      [
        {
          id: 'w1',
          name,
          lngLat: [119.7, 29.1],
          townCode: null,
          monthlyClasses: [4],
          targetClass: 3,
          targetAssumed: true,
        },
      ],
      'sections',
      'sample',
    )
    expect(water.map((w) => w.id)).toEqual(['w1:2022-01:class'])
  })
})

describe('placeInTowns', () => {
  const square = (code: string, west: number) => ({
    type: 'Feature' as const,
    properties: { code, name: code },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [west, 29],
          [west + 0.1, 29],
          [west + 0.1, 29.1],
          [west, 29.1],
          [west, 29],
        ],
      ],
    },
  })
  const towns = townAreasFrom({ type: 'FeatureCollection', features: [square('A', 119.7), square('B', 119.8)] })
  const at = (lngLat: [number, number], townCode: string | null) =>
    waterWarnings(
      [{ id: `w${lngLat[0]}`, name, lngLat, townCode, monthlyClasses: [5], targetClass: 3, targetAssumed: true }],
      'sections',
      'sample',
    )[0]!

  test("the township whose area holds the point, over the data's own code; the own code outside every area", () => {
    const placed = placeInTowns([at([119.75, 29.05], 'B'), at([119.85, 29.05], null), at([120.5, 29.05], 'C')], towns)
    expect(placed.map((w) => w.townCode)).toEqual(['A', 'B', 'C'])
  })

  test('without township areas the warnings are returned as they are, in a new list', () => {
    const warnings = [at([119.75, 29.05], 'B')]
    const placed = placeInTowns(warnings, [])
    expect(placed).toEqual(warnings)
    expect(placed).not.toBe(warnings)
  })
})
