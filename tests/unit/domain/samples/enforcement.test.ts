import { afterEach, describe, expect, it, vi } from 'vitest'
import { apportionLargestRemainder } from '../../../../src/domain/indicators/apportion'
import { createRandom, type Random } from '../../../../src/domain/samples/random'
import {
  ENFORCEMENT_REPORT_FIGURES,
  generateEnforcementSample,
  summariseEnforcement,
  type CaseRecord,
  type EnforcementSample,
  type InspectionRecord,
} from '../../../../src/domain/samples/enforcement'

// The real apportionment by default; a test can swap in a faulty one to reach the generator's own checks.
vi.mock('../../../../src/domain/indicators/apportion', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/domain/indicators/apportion')>()
  return { ...actual, apportionLargestRemainder: vi.fn(actual.apportionLargestRemainder) }
})
// Likewise the seeded random numbers: real by default, pinned where a test needs ties.
vi.mock('../../../../src/domain/samples/random', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/domain/samples/random')>()
  return { ...actual, createRandom: vi.fn(actual.createRandom) }
})

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

describe('generateEnforcementSample: order, fields and summary', () => {
  it('numbers the cases CASE-2022-01…41 chronologically, then by inspection id', () => {
    const cases = casesOf(generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint }))
    expect(cases.map((record) => record.id)).toEqual(
      Array.from({ length: 41 }, (_, c) => `CASE-2022-${String(c + 1).padStart(2, '0')}`),
    )
    const keys = cases.map((record) => [record.month, record.inspectionId] as const)
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]))
    expect(keys).toEqual(sorted)
    // Several cases share a month, so the inspection id really decides part of the order.
    expect(new Set(cases.map((record) => record.month)).size).toBeLessThan(41)
  })

  it('gives the 3 unpenalised closed cases no fineYuan field, and the 10 penalised ones ¥860,800 in all', () => {
    const closed = casesOf(generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })).filter(
      (record) => record.closed,
    )
    const unpenalised = closed.filter((record) => record.penalised === false)
    expect(unpenalised).toHaveLength(3)
    for (const record of unpenalised) expect(Object.keys(record)).not.toContain('fineYuan')
    const penalised = closed.filter((record) => record.penalised === true)
    expect(penalised).toHaveLength(10)
    expect(penalised.reduce((sum, record) => sum + (record.fineYuan ?? 0), 0)).toBe(860_800)
  })

  it('counts a town whose code is also an object key ("constructor", "__proto__") like any other', () => {
    const sample = generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })
    const renamed = { T01: 'constructor', T02: '__proto__' } as Record<string, string>
    const records = sample.records.map((record) => ({
      ...record,
      townCode: renamed[record.townCode] ?? record.townCode,
    }))
    const { byTown } = summariseEnforcement(records)
    const { byTown: original } = summariseEnforcement(sample.records)
    expect(Object.keys(byTown)).toEqual(expect.arrayContaining(['constructor', '__proto__']))
    expect({ ...byTown['constructor'] }).toEqual(original['T01'])
    expect({ ...byTown['__proto__'] }).toEqual(original['T02'])
  })

  it('summarises by month: each month’s counts, adding up to 1,095 inspections and 41 cases', () => {
    const sample = generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })
    const { byMonth } = summariseEnforcement(sample.records)
    expect(Object.keys(byMonth)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    for (const month of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const) {
      expect(byMonth[month]).toEqual({
        inspections: inspectionsOf(sample).filter((record) => record.month === month).length,
        cases: casesOf(sample).filter((record) => record.month === month).length,
      })
    }
    const months = Object.values(byMonth)
    expect(months.reduce((sum, counts) => sum + counts.inspections, 0)).toBe(1095)
    expect(months.reduce((sum, counts) => sum + counts.cases, 0)).toBe(41)
  })

  it('closes the earliest penalty cases, ties in closing time going to the lower case number', () => {
    // Every closing delay drawn as 0: penalty cases of one month tie, so the case number decides.
    const real = vi.mocked(createRandom).getMockImplementation() as typeof createRandom
    vi.mocked(createRandom).mockImplementation((seed) => ({ ...real(seed), uniform: (min) => min }))
    try {
      const penalty = casesOf(generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })).filter(
        (record) => record.caseType === 'penalty',
      )
      const closedIds = penalty.filter((record) => record.closed).map((record) => record.id)
      expect(closedIds).toEqual(penalty.slice(0, 13).map((record) => record.id))
      // The 13th and 14th penalty cases share a month, so the tie-break is what picks the 13th.
      expect(penalty[12]?.month).toBe(penalty[13]?.month)
    } finally {
      vi.mocked(createRandom).mockReset()
    }
  })

  it('lets a town have as many cases as inspections (1,095 towns of one inspection each)', () => {
    const towns = Array.from({ length: 1095 }, (_, i) => ({ code: `U${String(i).padStart(4, '0')}`, weight: 1 }))
    const sample = generateEnforcementSample({ seed: SEED, towns, placePoint: () => [119.6, 29.1] })
    expectReportTotals(sample)
    const { byTown } = summariseEnforcement(sample.records)
    expect(Object.values(byTown).every((counts) => counts.inspections === 1)).toBe(true)
    // Largest remainder over equal weights: the first 41 towns get the cases.
    expect(Object.keys(byTown).filter((code) => byTown[code]?.cases === 1)).toEqual(
      towns.slice(0, 41).map((town) => town.code),
    )
  })
})

describe('generateEnforcementSample: input errors say what is wrong and where', () => {
  it('rejects a town whose code is empty or not a string', () => {
    for (const code of ['', undefined, 7]) {
      const towns = [...TOWNS, { code: code as unknown as string, weight: 1 }]
      expect(() => generateEnforcementSample({ seed: 1, towns, placePoint })).toThrow(
        'enforcement sample: every town needs a code',
      )
    }
  })

  it('names the duplicated town code', () => {
    const towns = [...TOWNS, { code: 'T03', weight: 1 }]
    expect(() => generateEnforcementSample({ seed: 1, towns, placePoint })).toThrow(
      'enforcement sample: duplicate town code "T03"',
    )
  })

  it('rejects a placePoint result that is not exactly [lng, lat] of finite numbers, naming the town', () => {
    const bad: [number, number][] = [
      [119.6, 29.1, 0] as unknown as [number, number],
      [119.6] as unknown as [number, number],
      [119.6, Number.POSITIVE_INFINITY],
    ]
    for (const point of bad) {
      expect(() => generateEnforcementSample({ seed: 1, towns: TOWNS, placePoint: () => point })).toThrow(
        'enforcement sample: placePoint returned an invalid point for town T01',
      )
    }
  })
})

describe('generateEnforcementSample: checks its own records against the report', () => {
  type Apportion = typeof apportionLargestRemainder
  /** Swaps in a faulty apportionment for one test; `fault` gets the real one to build on. */
  const useFaultyApportion = (fault: (total: number, weights: readonly number[], real: Apportion) => number[]) => {
    const real = vi.mocked(apportionLargestRemainder).getMockImplementation() as Apportion
    vi.mocked(apportionLargestRemainder).mockImplementation((total, weights) => fault(total, weights, real))
  }
  const isTownSplit = (total: number, weights: readonly number[], of: number) =>
    total === of && weights.length === TOWNS.length
  afterEach(() => {
    vi.mocked(apportionLargestRemainder).mockReset()
  })

  it('refuses a case split that gives a town more cases than inspections, naming the town', () => {
    const lastTownInspections = apportionLargestRemainder(
      1095,
      TOWNS.map((town) => town.weight),
    ).at(-1)
    expect(lastTownInspections).toBeLessThan(41)
    // All 41 cases to the last (smallest) town.
    useFaultyApportion((total, weights, real) =>
      isTownSplit(total, weights, 41) ? weights.map((_, t) => (t === TOWNS.length - 1 ? 41 : 0)) : real(total, weights),
    )
    expect(() => generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })).toThrow(
      `enforcement sample: town T11 gets 41 cases but only ${lastTownInspections} inspections`,
    )
  })

  it('names every report figure the records miss, with what it got', () => {
    // One inspection lost, no case handed out, and (with no penalised case) no fine either.
    useFaultyApportion((total, weights, real) => {
      if (isTownSplit(total, weights, 1095)) return real(total, weights).map((n, t) => (t === 0 ? n - 1 : n))
      if (isTownSplit(total, weights, 41)) return weights.map(() => 0)
      if (weights.length === 0) return []
      return real(total, weights)
    })
    expect(() => generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })).toThrow(
      'enforcement sample does not reconcile with the report: inspections 1094 ≠ 1095; cases 0 ≠ 41; ' +
        'police transfers 0 ≠ 5; admin-bureau transfers 0 ≠ 2; penalty cases 0 ≠ 34; closed 0 ≠ 13; ' +
        'not penalised 0 ≠ 3; fine yuan 0 ≠ 860800',
    )
  })

  it('names only the figure that is off: fines ¥100 short', () => {
    // The fines beyond the ¥20,000 minimum, in ¥100 units: (860,800 − 10 × 20,000) / 100.
    const fineUnits = (ENFORCEMENT_REPORT_FIGURES.fineYuan - 10 * 20_000) / 100
    useFaultyApportion((total, weights, real) =>
      total === fineUnits ? real(total, weights).map((n, i) => (i === 0 ? n - 1 : n)) : real(total, weights),
    )
    expect(() => generateEnforcementSample({ seed: SEED, towns: TOWNS, placePoint })).toThrow(
      /^enforcement sample does not reconcile with the report: fine yuan 860700 ≠ 860800$/,
    )
  })

  it('names the towns of records that are not among the given towns', () => {
    // A caller that renames T01 and T02 while points are being placed: their first records keep the old codes.
    const towns = TOWNS.map((town) => ({ ...town }))
    const renaming = (townCode: string): [number, number] => {
      const town = towns.find((candidate) => candidate.code === townCode)
      if (town && (townCode === 'T01' || townCode === 'T02')) town.code = `${townCode}-renamed`
      return [119.6, 29.1]
    }
    expect(() => generateEnforcementSample({ seed: SEED, towns, placePoint: renaming })).toThrow(
      /^enforcement sample does not reconcile with the report: unknown towns T01, T02$/,
    )
  })
})
