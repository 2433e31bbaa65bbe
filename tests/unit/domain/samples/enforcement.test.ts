import { describe, expect, it } from 'vitest'
import { apportionLargestRemainder } from '../../../../src/domain/indicators/apportion'
import type { Random } from '../../../../src/domain/samples/random'
import {
  ENFORCEMENT_REPORT_FIGURES,
  generateEnforcementSample,
  summariseEnforcement,
  type CaseRecord,
  type EnforcementSample,
  type InspectionRecord,
} from '../../../../src/domain/samples/enforcement'

/** Eleven fake townships; the generator must not rely on the real codes. */
const TOWNS = [14, 9, 12, 8, 10, 9, 6, 7, 8, 5, 3].map((weight, i) => ({
  code: `T${String(i + 1).padStart(2, '0')}`,
  weight,
}))
const POINTS = new Map(TOWNS.map((town, i) => [town.code, [119.6 + i * 0.01, 29.1 + i * 0.01] as [number, number]]))
const placePoint = (townCode: string): [number, number] => {
  const point = POINTS.get(townCode)
  if (!point) throw new Error(`unknown town ${townCode}`)
  return [point[0], point[1]]
}
const SEED = 20221102

const inspectionsOf = (sample: EnforcementSample): InspectionRecord[] =>
  sample.records.filter((record): record is InspectionRecord => record.kind === 'inspection')
const casesOf = (sample: EnforcementSample): CaseRecord[] =>
  sample.records.filter((record): record is CaseRecord => record.kind === 'case')

function expectReportTotals(sample: EnforcementSample): void {
  const summary = summariseEnforcement(sample.records)
  expect(summary.inspections).toBe(1095)
  expect(summary.cases).toBe(41)
  expect(summary.byCaseType).toEqual({ police: 5, 'admin-bureau': 2, penalty: 34 })
  expect(summary.closed).toBe(13)
  expect(summary.notPenalised).toBe(3)
  expect(summary.penalisedClosed).toBe(10)
  expect(summary.fineYuan).toBe(860_800)
  expect(summary.fineWanYuan).toBe(86.08)
}

describe('generateEnforcementSample', () => {
  const sample = generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })

  it('matches the report: 1095 inspections, 41 cases (5/2/34), 13 closed, 3 not penalised, ¥860,800', () => {
    expectReportTotals(sample)
    expect(ENFORCEMENT_REPORT_FIGURES).toMatchObject({ inspections: 1095, cases: 41, fineYuan: 860_800 })
  })

  it('keeps every record in Jan–Oct and in one of the given towns, at that town’s point', () => {
    const codes = new Set(TOWNS.map((town) => town.code))
    for (const record of sample.records) {
      expect(Number.isInteger(record.month) && record.month >= 1 && record.month <= 10).toBe(true)
      expect(codes.has(record.townCode)).toBe(true)
      expect(record.lngLat).toEqual(POINTS.get(record.townCode))
    }
    expect(new Set(sample.records.map((record) => record.id)).size).toBe(sample.records.length)
  })

  it('apportions inspections over towns by weight, then evenly over months', () => {
    const perTown = apportionLargestRemainder(
      1095,
      TOWNS.map((town) => town.weight),
    )
    const inspections = inspectionsOf(sample)
    TOWNS.forEach((town, t) => {
      const own = inspections.filter((record) => record.townCode === town.code)
      expect(own).toHaveLength(perTown[t] as number)
      const byMonth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
        (month) => own.filter((record) => record.month === month).length,
      )
      expect(byMonth).toEqual(apportionLargestRemainder(perTown[t] as number, Array(10).fill(1)))
      expect(Math.max(...byMonth) - Math.min(...byMonth)).toBeLessThanOrEqual(1)
    })
  })

  it('links each case to a distinct inspection in the same town and month', () => {
    const inspections = new Map(inspectionsOf(sample).map((record) => [record.id, record]))
    const cases = casesOf(sample)
    expect(new Set(cases.map((record) => record.inspectionId)).size).toBe(41)
    for (const record of cases) {
      const inspection = inspections.get(record.inspectionId)
      expect(inspection).toBeDefined()
      expect(inspection?.townCode).toBe(record.townCode)
      expect(inspection?.month).toBe(record.month)
      expect(inspection?.lngLat).toEqual(record.lngLat)
    }
    // Cases follow inspections over towns.
    const perTown = apportionLargestRemainder(
      41,
      apportionLargestRemainder(
        1095,
        TOWNS.map((town) => town.weight),
      ),
    )
    TOWNS.forEach((town, t) =>
      expect(cases.filter((record) => record.townCode === town.code)).toHaveLength(perTown[t] as number),
    )
  })

  it('closes only penalty cases, and fines only the penalised closed ones', () => {
    for (const record of casesOf(sample)) {
      if (record.caseType !== 'penalty') expect(record.closed).toBe(false)
      if (!record.closed) {
        expect(record.penalised).toBeUndefined()
        expect(record.fineYuan).toBeUndefined()
      } else if (record.penalised) {
        expect(Number.isInteger(record.fineYuan)).toBe(true)
        expect((record.fineYuan as number) % 100).toBe(0)
        expect(record.fineYuan).toBeGreaterThanOrEqual(20_000)
        expect(record.fineYuan).toBeLessThanOrEqual(500_000)
      } else {
        expect(record.penalised).toBe(false)
        expect(record.fineYuan).toBeUndefined()
      }
    }
  })

  it('is deterministic: the same seed gives the same records', () => {
    expect(generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })).toEqual(sample)
  })

  it('varies with the seed but keeps the report totals', () => {
    const other = generateEnforcementSample({ seed: SEED + 1, towns: TOWNS, placePoint })
    expect(casesOf(other)).not.toEqual(casesOf(sample))
    for (let seed = 1; seed <= 30; seed++)
      expectReportTotals(generateEnforcementSample({ seed, towns: TOWNS, placePoint }))
  })

  it('passes a seeded Random to placePoint, so random placement is reproducible too', () => {
    const jitter = (townCode: string, random: Random): [number, number] => {
      const [lng, lat] = placePoint(townCode)
      return [lng + random.uniform(-0.005, 0.005), lat + random.uniform(-0.005, 0.005)]
    }
    const a = generateEnforcementSample({ seed: 5, towns: TOWNS, placePoint: jitter })
    const b = generateEnforcementSample({ seed: 5, towns: TOWNS, placePoint: jitter })
    expect(a).toEqual(b)
    expect(new Set(a.records.map((record) => record.lngLat.join(','))).size).toBeGreaterThan(1000)
  })

  it('rejects bad input', () => {
    expect(() => generateEnforcementSample({ seed: 1, towns: [], placePoint })).toThrow(/at least one town/)
    expect(() =>
      generateEnforcementSample({
        seed: 1,
        towns: [TOWNS[0], TOWNS[0]].filter((town) => town !== undefined),
        placePoint,
      }),
    ).toThrow(/duplicate town/)
    expect(() => generateEnforcementSample({ seed: 1, towns: TOWNS, placePoint: () => [Number.NaN, 29] })).toThrow(
      /invalid point/,
    )
    expect(() =>
      generateEnforcementSample({ seed: 1, towns: TOWNS.map((town) => ({ ...town, weight: 0 })), placePoint }),
    ).toThrow(/all weights are zero/)
  })

  it('labels itself as sample data tied to the report', () => {
    expect(sample.provenance).toBe('sample')
    expect(sample.sampleNote.zh).toContain('样例数据')
    expect(sample.sampleNote.zh).toContain('86.08万元')
    expect(sample.sampleNote.en).toContain('1,095')
  })
})
