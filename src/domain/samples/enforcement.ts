/**
 * SAMPLE enforcement records (执法检查与案件) for Jan–Oct 2022 whose totals equal the work report's:
 * 检查企业1095家次, 办理案件41件 (移送公安涉刑5件, 移送行政执法局2件, 行政处罚34件),
 * 已办结13件 (其中不予处罚3件), 处罚款86.08万元.
 *
 * Which township and month each record falls in, where it is, and how the fines split are invented.
 * Distribution rules (also in docs/sample-data.md):
 *  1. Inspections → towns: apportionLargestRemainder(1095, town weights).
 *  2. Each town's inspections → months 1..10: apportionLargestRemainder(n, ten equal weights), i.e.
 *     ⌊n/10⌋ per month and the n mod 10 leftover ones to the earliest months (ties → lower index).
 *  3. Cases → towns: apportionLargestRemainder(41, each town's inspection count), so cases follow
 *     inspections. In each town, that many distinct inspections are drawn (seeded shuffle); each case
 *     takes the town, month and location of its inspection (the case came out of that inspection).
 *  4. Case types: a seeded shuffle of 5 'police', 2 'admin-bureau' and 34 'penalty' over the cases.
 *  5. Closed: 13 of the 34 penalty cases, earlier months more likely (a case opened in January has had
 *     longer to close); transferred cases are with the police or the 行政执法局, so the bureau does not
 *     count them as closed. 3 of the 13 are 不予处罚; the other 10 carry the fines.
 *  6. Fines: each of the 10 is ¥20,000 plus a seeded lognormal share of the remaining ¥660,800, in
 *     whole ¥100 units by largest remainder: integer yuan, multiples of 100, sum exactly ¥860,800.
 */
import { apportionLargestRemainder } from '../indicators/apportion'
import { createRandom, deriveSeed, type Random } from './random'
import { REPORT_MONTHS, type ReportMonth, type TownCode } from '../types'

/** The report's enforcement figures, section (四) of the 2022 summary. */
export const ENFORCEMENT_REPORT_FIGURES = {
  inspections: 1095,
  cases: 41,
  policeTransfers: 5,
  adminBureauTransfers: 2,
  penalties: 34,
  closed: 13,
  notPenalised: 3,
  /** 86.08万元. */
  fineYuan: 860_800,
} as const

/** Every fine is at least this much; 1–2万元 is the usual floor in the air and water pollution laws. */
const MIN_FINE_YUAN = 20_000
const FINE_UNIT_YUAN = 100

export type EnforcementCaseType = 'police' | 'admin-bureau' | 'penalty'

interface EnforcementRecordBase {
  id: string
  month: ReportMonth
  townCode: TownCode
  /** WGS84 [lng, lat], from the caller's placePoint. */
  lngLat: [number, number]
}

export interface InspectionRecord extends EnforcementRecordBase {
  kind: 'inspection'
}

export interface CaseRecord extends EnforcementRecordBase {
  kind: 'case'
  caseType: EnforcementCaseType
  /** 已办结. Only penalty cases can be closed here (transferred cases are handled elsewhere). */
  closed: boolean
  /** Present on closed cases only: false for 不予处罚. */
  penalised?: boolean
  /** Present on penalised closed cases only: integer yuan, a multiple of 100. */
  fineYuan?: number
  /** The inspection the case came out of (same town, month and location). */
  inspectionId: string
}

export type EnforcementRecord = InspectionRecord | CaseRecord

export interface EnforcementTownInput {
  code: TownCode
  weight: number
}

export interface GenerateEnforcementSampleOptions {
  seed: number
  towns: readonly EnforcementTownInput[]
  /** Where a record in this township lies; geometry stays outside the domain (the build samples the polygon). */
  placePoint: (townCode: TownCode, random: Random) => [number, number]
}

export interface EnforcementSample {
  seed: number
  provenance: 'sample'
  records: EnforcementRecord[]
  sampleNote: { zh: string; en: string }
}

export interface EnforcementCounts {
  inspections: number
  cases: number
}

export interface EnforcementSummary extends EnforcementCounts {
  byCaseType: Record<EnforcementCaseType, number>
  closed: number
  notPenalised: number
  penalisedClosed: number
  fineYuan: number
  /** fineYuan / 10,000, the 万元 figure the report prints (86.08). */
  fineWanYuan: number
  byMonth: Record<ReportMonth, EnforcementCounts>
  byTown: Record<TownCode, EnforcementCounts>
}

export const ENFORCEMENT_SAMPLE_NOTE = {
  zh:
    '样例数据：检查与案件的乡镇、月份、位置及罚款拆分为示意生成；总数与《2022年工作总结》一致——' +
    '1–10月检查企业1095家次，办理案件41件（移送公安5件、移送行政执法局2件、行政处罚34件），已办结13件（其中不予处罚3件），罚款86.08万元。',
  en:
    'Sample data: the township, month, location and fine split of each inspection and case are invented; ' +
    'the totals match the 2022 work report for Jan–Oct: 1,095 inspections, 41 cases (5 referred to the ' +
    'police, 2 referred to the administrative law-enforcement bureau, 34 administrative penalties), 13 closed ' +
    '(3 without penalty), fines ¥860,800 (86.08万元).',
} as const

function validateTowns(towns: readonly EnforcementTownInput[]): void {
  if (towns.length === 0) throw new Error('enforcement sample: need at least one town')
  const seen = new Set<string>()
  for (const town of towns) {
    if (typeof town.code !== 'string' || town.code === '')
      throw new Error('enforcement sample: every town needs a code')
    if (seen.has(town.code)) throw new Error(`enforcement sample: duplicate town code "${town.code}"`)
    seen.add(town.code)
  }
}

function placeChecked(
  placePoint: GenerateEnforcementSampleOptions['placePoint'],
  townCode: TownCode,
  random: Random,
): [number, number] {
  const point = placePoint(townCode, random)
  const [lng, lat] = point
  if (point.length !== 2 || !Number.isFinite(lng) || !Number.isFinite(lat)) {
    throw new Error(`enforcement sample: placePoint returned an invalid point for town ${townCode}`)
  }
  return [lng, lat]
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0')
}

/** Fines for the penalised closed cases: ¥20,000 each plus lognormal shares of the rest, in ¥100 units. */
function fineAmounts(random: Random, count: number): number[] {
  const restUnits = (ENFORCEMENT_REPORT_FIGURES.fineYuan - count * MIN_FINE_YUAN) / FINE_UNIT_YUAN
  if (!Number.isSafeInteger(restUnits) || restUnits < 0) {
    throw new Error('enforcement sample: the fine total cannot be split into the required amounts')
  }
  // Lognormal: most fines are a few 万元, one or two are much larger, as in real penalty lists.
  const weights = Array.from({ length: count }, () => Math.exp(random.normal(0, 0.9)))
  return apportionLargestRemainder(restUnits, weights).map((units) => MIN_FINE_YUAN + units * FINE_UNIT_YUAN)
}

export function generateEnforcementSample(opts: GenerateEnforcementSampleOptions): EnforcementSample {
  validateTowns(opts.towns)
  const figures = ENFORCEMENT_REPORT_FIGURES
  const placeRandom = createRandom(deriveSeed(opts.seed, 'enforcement-places'))
  const caseRandom = createRandom(deriveSeed(opts.seed, 'enforcement-cases'))

  // 1–2. Inspections per town, then per month.
  const townInspections = apportionLargestRemainder(
    figures.inspections,
    opts.towns.map((town) => town.weight),
  )
  const countsByTown = opts.towns.map((_, t) =>
    apportionLargestRemainder(
      townInspections[t] as number,
      REPORT_MONTHS.map(() => 1),
    ),
  )
  const inspections: InspectionRecord[] = []
  const inspectionsByTown: InspectionRecord[][] = opts.towns.map(() => [])
  REPORT_MONTHS.forEach((month, m) => {
    opts.towns.forEach((town, t) => {
      const count = (countsByTown[t] as number[])[m] as number
      for (let k = 0; k < count; k++) {
        const record: InspectionRecord = {
          id: `INS-2022-${pad(inspections.length + 1, 4)}`,
          kind: 'inspection',
          month,
          townCode: town.code,
          lngLat: placeChecked(opts.placePoint, town.code, placeRandom),
        }
        inspections.push(record)
        ;(inspectionsByTown[t] as InspectionRecord[]).push(record)
      }
    })
  })

  // 3. Cases per town follow the inspections; each is linked to a distinct inspection there.
  const townCases = apportionLargestRemainder(figures.cases, townInspections)
  const linked: InspectionRecord[] = []
  opts.towns.forEach((town, t) => {
    const wanted = townCases[t] as number
    const available = inspectionsByTown[t] as InspectionRecord[]
    if (wanted > available.length) {
      throw new Error(
        `enforcement sample: town ${town.code} gets ${wanted} cases but only ${available.length} inspections`,
      )
    }
    linked.push(...caseRandom.shuffle(available).slice(0, wanted))
  })
  // Chronological, then by inspection id, so case numbers read in order.
  linked.sort((a, b) => a.month - b.month || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

  // 4. Case types.
  const types = caseRandom.shuffle<EnforcementCaseType>([
    ...Array<EnforcementCaseType>(figures.policeTransfers).fill('police'),
    ...Array<EnforcementCaseType>(figures.adminBureauTransfers).fill('admin-bureau'),
    ...Array<EnforcementCaseType>(figures.penalties).fill('penalty'),
  ])
  const cases: CaseRecord[] = linked.map((inspection, c) => ({
    id: `CASE-2022-${pad(c + 1, 2)}`,
    kind: 'case',
    month: inspection.month,
    townCode: inspection.townCode,
    lngLat: [inspection.lngLat[0], inspection.lngLat[1]],
    caseType: types[c] as EnforcementCaseType,
    closed: false,
    inspectionId: inspection.id,
  }))

  // 5. Closed penalty cases: sort by month plus a seeded 0–4-month delay, the earliest 13 have closed.
  const penaltyCases = cases.filter((record) => record.caseType === 'penalty')
  const closingKey = new Map(penaltyCases.map((record) => [record.id, record.month + caseRandom.uniform(0, 4)]))
  const closed = penaltyCases
    .slice()
    .sort((a, b) => (closingKey.get(a.id) as number) - (closingKey.get(b.id) as number) || (a.id < b.id ? -1 : 1))
    .slice(0, figures.closed)
  const notPenalisedIds = new Set(caseRandom.shuffle(closed.map((record) => record.id)).slice(0, figures.notPenalised))

  // 6. Fines on the penalised ones, in case order.
  const penalised = closed.filter((record) => !notPenalisedIds.has(record.id)).sort((a, b) => (a.id < b.id ? -1 : 1))
  const fines = fineAmounts(caseRandom, penalised.length)
  const fineById = new Map(penalised.map((record, i) => [record.id, fines[i] as number]))
  for (const record of closed) {
    record.closed = true
    record.penalised = !notPenalisedIds.has(record.id)
    const fine = fineById.get(record.id)
    if (fine !== undefined) record.fineYuan = fine
  }

  const records: EnforcementRecord[] = [...inspections, ...cases]
  assertReconciles(summariseEnforcement(records), opts.towns)
  return {
    seed: opts.seed,
    provenance: 'sample',
    records,
    sampleNote: { zh: ENFORCEMENT_SAMPLE_NOTE.zh, en: ENFORCEMENT_SAMPLE_NOTE.en },
  }
}

/** Totals of a record list, in the report's terms. */
export function summariseEnforcement(records: readonly EnforcementRecord[]): EnforcementSummary {
  const byMonth = Object.fromEntries(REPORT_MONTHS.map((month) => [month, { inspections: 0, cases: 0 }])) as Record<
    ReportMonth,
    EnforcementCounts
  >
  // No prototype: a town code is data, and 'constructor' or '__proto__' must be counted like any other.
  const byTown = Object.create(null) as Record<TownCode, EnforcementCounts>
  const byCaseType: Record<EnforcementCaseType, number> = { police: 0, 'admin-bureau': 0, penalty: 0 }
  let inspections = 0
  let cases = 0
  let closed = 0
  let notPenalised = 0
  let penalisedClosed = 0
  let fineYuan = 0
  for (const record of records) {
    const town = (byTown[record.townCode] ??= { inspections: 0, cases: 0 })
    const month = byMonth[record.month]
    if (record.kind === 'inspection') {
      inspections += 1
      town.inspections += 1
      month.inspections += 1
      continue
    }
    cases += 1
    town.cases += 1
    month.cases += 1
    byCaseType[record.caseType] += 1
    if (record.closed) {
      closed += 1
      if (record.penalised === false) notPenalised += 1
      if (record.penalised === true) penalisedClosed += 1
    }
    fineYuan += record.fineYuan ?? 0
  }
  return {
    inspections,
    cases,
    byCaseType,
    closed,
    notPenalised,
    penalisedClosed,
    fineYuan,
    fineWanYuan: fineYuan / 10_000,
    byMonth,
    byTown,
  }
}

function assertReconciles(summary: EnforcementSummary, towns: readonly EnforcementTownInput[]): void {
  const figures = ENFORCEMENT_REPORT_FIGURES
  const checks: [string, number, number][] = [
    ['inspections', summary.inspections, figures.inspections],
    ['cases', summary.cases, figures.cases],
    ['police transfers', summary.byCaseType.police, figures.policeTransfers],
    ['admin-bureau transfers', summary.byCaseType['admin-bureau'], figures.adminBureauTransfers],
    ['penalty cases', summary.byCaseType.penalty, figures.penalties],
    ['closed', summary.closed, figures.closed],
    ['not penalised', summary.notPenalised, figures.notPenalised],
    ['fine yuan', summary.fineYuan, figures.fineYuan],
  ]
  const wrong = checks.filter(([, got, want]) => got !== want).map(([name, got, want]) => `${name} ${got} ≠ ${want}`)
  const knownTowns = new Set(towns.map((town) => town.code))
  const strayTowns = Object.keys(summary.byTown).filter((code) => !knownTowns.has(code))
  if (strayTowns.length > 0) wrong.push(`unknown towns ${strayTowns.join(', ')}`)
  if (wrong.length > 0) throw new Error(`enforcement sample does not reconcile with the report: ${wrong.join('; ')}`)
}
