import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Feature, FeatureCollection, Point, Position } from 'geojson'
import { townAreasFrom, type TownArea } from '../../../../src/domain/geometry/aggregate'
import {
  computeTownIndicators,
  districtTotals,
  INDICATORS,
  monthlyEnforcement,
  type IndicatorId,
  type IndicatorValue,
  type TownIndicatorRow,
} from '../../../../src/domain/indicators/township-indicators'
import {
  generateApportionedIndicators,
  generateEnforcementSample,
  summariseEnforcement,
} from '../../../../src/domain/samples'

function square(west: number, south: number, size = 0.02): Position[][] {
  const east = west + size
  const north = south + size
  return [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ]
}

/** Three towns side by side near 119.7E 29.1N; C is a MultiPolygon with a detached part. */
const towns: TownArea[] = [
  { code: '330703001', name: '多湖街道', geometry: { type: 'Polygon', coordinates: square(119.7, 29.1) } },
  { code: '330703002', name: '东孝街道', geometry: { type: 'Polygon', coordinates: square(119.72, 29.1) } },
  {
    code: '330703103',
    name: '曹宅镇',
    geometry: { type: 'MultiPolygon', coordinates: [square(119.74, 29.1), square(119.8, 29.1)] },
  },
]
const [duohu, dongxiao, caozhai] = towns.map((town) => town.code) as [string, string, string]

function point(lng: number, lat: number, properties: Record<string, unknown>): Feature<Point> {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties }
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })

const enforcement = collection([
  point(119.71, 29.11, { kind: 'inspection', month: 1, town_code: duohu }),
  point(119.71, 29.111, { kind: 'inspection', month: 1, town_code: duohu }),
  point(119.712, 29.11, { kind: 'inspection', month: 2, town_code: duohu }),
  point(119.712, 29.112, { kind: 'case', month: 2, case_type: 'penalty', town_code: duohu }),
  // Labelled 多湖 but lies in 东孝: the geometry decides.
  point(119.73, 29.11, { kind: 'inspection', month: 10, town_code: duohu }),
  point(119.73, 29.111, { kind: 'case', month: 10, case_type: 'police', town_code: dongxiao }),
  point(119.81, 29.11, { kind: 'inspection', month: 5, town_code: caozhai }),
  point(119.95, 29.3, { kind: 'inspection', month: 5, town_code: caozhai }), // outside every town
])

const monitoring = collection([
  point(119.705, 29.105, { kind: 'air' }),
  point(119.745, 29.105, { kind: 'water' }),
  point(119.805, 29.105, { kind: 'water' }),
])

const table: TownIndicatorRow[] = [
  {
    code: duohu,
    name: '多湖街道',
    vocs_rectified: 9,
    petitions_first_central: 10,
    petitions_first_provincial: 8,
    petitions_first_total: 18,
    petitions_second: 6,
    low_carbon: 'pilot-area',
    zero_discharge: 'completed-2022',
  },
  {
    code: dongxiao,
    name: '东孝街道',
    vocs_rectified: 4,
    petitions_first_central: 3,
    petitions_first_provincial: 2,
    petitions_first_total: 5,
    petitions_second: 0,
    low_carbon: null,
    zero_discharge: 'completed-2022',
  },
  // 曹宅镇 deliberately missing: its table indicators are null, not 0.
]

describe('INDICATORS', () => {
  it('defines each indicator id once, with both languages', () => {
    const ids = INDICATORS.map((definition) => definition.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([
      'cases',
      'inspections',
      'low-carbon',
      'monitoring-points',
      'petitions-first-round',
      'petitions-second-round',
      'vocs',
      'zero-discharge',
    ])
    for (const definition of INDICATORS) {
      expect(definition.label.zh).not.toBe('')
      expect(definition.label.en).not.toBe('')
      expect(definition.note.zh).not.toBe('')
      expect(definition.note.en).not.toBe('')
    }
  })

  it('gives category indicators their categories and colours, count indicators none', () => {
    const byId = new Map(INDICATORS.map((definition) => [definition.id, definition]))
    expect(byId.get('low-carbon')!.categories!.map((c) => [c.value, c.colour])).toEqual([
      ['pilot-area', '#2e8b57'],
      ['pilot-village', '#9acd32'],
    ])
    expect(byId.get('zero-discharge')!.categories!.map((c) => [c.value, c.colour])).toEqual([
      ['completed-2022', '#1e90ff'],
      ['model-town-accepted', '#0b3d91'],
    ])
    for (const definition of INDICATORS) {
      expect(definition.categories !== undefined).toBe(definition.kind === 'category')
      expect(definition.provenance).toBe(definition.kind === 'category' ? 'official' : 'sample')
    }
  })

  it('names only report figures that exist', () => {
    const figures = JSON.parse(
      readFileSync(fileURLToPath(new URL('../../../../seeds/report/figures.json', import.meta.url)), 'utf8'),
    ) as { id: string }[]
    const known = new Set(figures.map((figure) => figure.id))
    for (const definition of INDICATORS) {
      for (const id of definition.reportFigureIds) expect(known.has(id), `${definition.id} → ${id}`).toBe(true)
    }
  })
})

describe('computeTownIndicators', () => {
  const values = computeTownIndicators({ towns, enforcement, monitoring, table })

  it('counts inspections and cases from the points, by geometry', () => {
    expect(values[duohu]!.inspections).toBe(3)
    expect(values[duohu]!.cases).toBe(1)
    expect(values[dongxiao]!.inspections).toBe(1)
    expect(values[dongxiao]!.cases).toBe(1)
    expect(values[caozhai]!.inspections).toBe(1)
    expect(values[caozhai]!.cases).toBe(0)
  })

  it('counts monitoring points, including in a MultiPolygon town', () => {
    expect([duohu, dongxiao, caozhai].map((code) => values[code]!['monitoring-points'])).toEqual([1, 0, 2])
  })

  it('reads table indicators by code; the two rounds of petitions stay apart, never summed', () => {
    expect(values[duohu]).toEqual({
      inspections: 3,
      cases: 1,
      vocs: 9,
      'petitions-first-round': 18,
      'petitions-second-round': 6,
      'low-carbon': 'pilot-area',
      'zero-discharge': 'completed-2022',
      'monitoring-points': 1,
    })
    expect(values[dongxiao]!['petitions-first-round']).toBe(5)
    expect(values[dongxiao]!['petitions-second-round']).toBe(0)
    expect(values[dongxiao]!['low-carbon']).toBeNull()
  })

  it('gives null table indicators to a town the table does not have', () => {
    expect(values[caozhai]).toMatchObject({
      vocs: null,
      'petitions-first-round': null,
      'petitions-second-round': null,
      'low-carbon': null,
      'zero-discharge': null,
    })
  })

  it('has a row for every town and nothing else', () => {
    expect(Object.keys(values).sort()).toEqual([duohu, dongxiao, caozhai].sort())
  })

  it('gives null for collections not loaded yet, not 0', () => {
    const onlyTowns = computeTownIndicators({ towns })
    for (const code of [duohu, dongxiao, caozhai]) {
      expect(Object.values(onlyTowns[code]!).every((value) => value === null)).toBe(true)
    }
  })

  it('recomputes the counts when the towns layer is replaced (user boundaries, other codes)', () => {
    const userTowns: TownArea[] = [
      { code: 'U1', name: '自定义', geometry: { type: 'Polygon', coordinates: square(119.7, 29.1, 0.04) } },
    ]
    const replaced = computeTownIndicators({ towns: userTowns, enforcement, monitoring, table })
    expect(replaced).toEqual({
      U1: {
        inspections: 4,
        cases: 2,
        vocs: null,
        'petitions-first-round': null,
        'petitions-second-round': null,
        'low-carbon': null,
        'zero-discharge': null,
        'monitoring-points': 1,
      },
    })
  })
})

describe('monthlyEnforcement', () => {
  it('gives Jan..Oct inspections and cases per town', () => {
    const monthly = monthlyEnforcement({ towns, enforcement })
    expect(monthly[duohu]).toEqual({
      inspections: [2, 1, 0, 0, 0, 0, 0, 0, 0, 0],
      cases: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
    })
    expect(monthly[dongxiao]).toEqual({
      inspections: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
      cases: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    })
    expect(monthly[caozhai]!.inspections).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0])
  })

  it('is empty without enforcement data', () => {
    expect(monthlyEnforcement({ towns })).toEqual({})
  })
})

describe('districtTotals', () => {
  it('sums the count indicators over towns, skipping nulls and categories', () => {
    const values = computeTownIndicators({ towns, enforcement, monitoring, table })
    expect(districtTotals(values)).toEqual({
      inspections: 5,
      cases: 2,
      vocs: 13,
      'petitions-first-round': 23,
      'petitions-second-round': 6,
      'monitoring-points': 3,
    })
  })

  it('leaves out indicators with no numeric value anywhere', () => {
    expect(districtTotals(computeTownIndicators({ towns, enforcement }))).toEqual({ inspections: 5, cases: 2 })
    expect(districtTotals({})).toEqual({})
  })

  it('ignores non-numeric values in count indicators', () => {
    const values: Record<string, Record<IndicatorId, IndicatorValue>> = {
      x: {
        inspections: 2,
        cases: null,
        vocs: 'n/a',
        'petitions-first-round': 1,
        'petitions-second-round': null,
        'low-carbon': 'pilot-area',
        'zero-discharge': null,
        'monitoring-points': Number.NaN,
      },
      y: {
        inspections: 3,
        cases: null,
        vocs: 4,
        'petitions-first-round': null,
        'petitions-second-round': null,
        'low-carbon': null,
        'zero-discharge': null,
        'monitoring-points': null,
      },
    }
    expect(districtTotals(values)).toEqual({ inspections: 5, vocs: 4, 'petitions-first-round': 1 })
  })
})

describe('with the real township areas and the samples', () => {
  const readJson = <T>(path: string): T =>
    JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8')) as T
  const realTowns = townAreasFrom(readJson<FeatureCollection>('../../../../public/geo/towns.geojson'))
  const seats = new Map(
    readJson<FeatureCollection<Point, { code: string }>>('../../../../public/geo/seats.geojson').features.map((f) => [
      f.properties.code,
      f.geometry.coordinates,
    ]),
  )
  const figures = new Map(
    readJson<{ id: string; value: number }[]>('../../../../seeds/report/figures.json').map((f) => [f.id, f.value]),
  )

  // Every record at its town's seat, which lies inside its own Voronoi cell by construction.
  const sample = generateEnforcementSample({
    seed: 1,
    towns: realTowns.map((town, t) => ({ code: town.code, weight: t + 1 })),
    placePoint: (code) => {
      const seat = seats.get(code)!
      return [seat[0]!, seat[1]!]
    },
  })
  const enforcementCollection = collection(
    sample.records.map((record) =>
      point(record.lngLat[0], record.lngLat[1], { kind: record.kind, month: record.month, town_code: record.townCode }),
    ),
  )
  const apportioned = generateApportionedIndicators({
    towns: realTowns.map((town, t) => ({ code: town.code, weight: 11 - t })),
  })
  const perTown = (id: string, code: string): number =>
    apportioned.indicators.find((indicator) => indicator.id === id)!.perTown.find((entry) => entry.townCode === code)!
      .value
  const realTable: TownIndicatorRow[] = realTowns.map((town) => ({
    code: town.code,
    name: town.name,
    vocs_rectified: perTown('vocs-rectifications', town.code),
    petitions_first_central: perTown('petitions-round1-central', town.code),
    petitions_first_provincial: perTown('petitions-round1-provincial', town.code),
    petitions_first_total: perTown('petitions-round1-total', town.code),
    petitions_second: perTown('petitions-round2-central', town.code),
    low_carbon: town.name === '多湖街道' ? 'pilot-area' : null,
    zero_discharge: town.name === '曹宅镇' ? 'model-town-accepted' : null,
  }))
  const values = computeTownIndicators({ towns: realTowns, enforcement: enforcementCollection, table: realTable })

  it('has the 11 townships', () => {
    expect(realTowns).toHaveLength(11)
  })

  it('counts each township as the generator placed it', () => {
    const summary = summariseEnforcement(sample.records)
    for (const town of realTowns) {
      expect(values[town.code]!.inspections).toBe(summary.byTown[town.code]!.inspections)
      expect(values[town.code]!.cases).toBe(summary.byTown[town.code]!.cases)
    }
  })

  it('reconciles the district totals with the report figures each indicator names', () => {
    const totals = districtTotals(values)
    for (const definition of INDICATORS) {
      if (definition.kind !== 'count' || definition.reportFigureIds.length === 0) continue
      const expected = definition.reportFigureIds.reduce((sum, id) => sum + figures.get(id)!, 0)
      expect(totals[definition.id], definition.id).toBe(expected)
    }
    expect(totals).toMatchObject({
      inspections: 1095,
      cases: 41,
      vocs: 74,
      'petitions-first-round': 148,
      'petitions-second-round': 54,
    })
    // Per township the rounds are shown apart: no total anywhere is the 202 the report never states.
    expect(Object.values(totals)).not.toContain(148 + 54)
  })

  it('sums the monthly series to the totals', () => {
    const monthly = monthlyEnforcement({ towns: realTowns, enforcement: enforcementCollection })
    for (const town of realTowns) {
      const series = monthly[town.code]!
      expect(series.inspections.reduce((a, b) => a + b, 0)).toBe(values[town.code]!.inspections)
      expect(series.cases.reduce((a, b) => a + b, 0)).toBe(values[town.code]!.cases)
    }
  })
})
