/**
 * seeds/report/thematic-facts.json: the report's statements behind the low-carbon, zero-discharge
 * and 2023-plan layers, each with the exact words it comes from. The build refuses a fact whose
 * quote is not in the report or whose figure id is not in figures.json, so a layer can never show
 * a name or number the report does not give.
 */
import type { Bilingual } from '../../../src/domain/types'

export type LowCarbonKind = 'town' | 'village'
export type ZeroDischargeStatus = 'completed-2022' | 'model-town-accepted'
export type PlanItemKind = 'project' | 'platform' | 'target'

export interface LowCarbonMember {
  id: string
  kind: LowCarbonKind
  name: string
  name_en: string
  town_code: string
  village_code: string | null
  quote: string
}

export interface ZeroDischargeMember {
  id: string
  name: string
  town_code: string
  status: ZeroDischargeStatus
  figure_id: string | null
  quote: string
}

/**
 * The 1000万元 award. Its clause ("获得…1000万元") follows 曹宅镇's acceptance but has no subject of
 * its own, so it is recorded as the district's, in the report's sentence, and put on no township.
 */
export interface ZeroDischargeAward {
  holder: 'district'
  wan_yuan: number
  figure_id: string
  quote: string
}

export interface PlanSite {
  id: string
  name: string
  name_en: string
  /** How the site is positioned; the report gives no coordinates. */
  located: 'township-seat'
}

/** Where the report names an item: its 2023 plan (三), or its difficulties and problems (二). */
export type PlanItemSection = 'plan-2023' | 'problems'

export interface PlanItemFact {
  id: string
  section: PlanItemSection
  name: Bilingual
  kind: PlanItemKind
  status: Bilingual
  target: number | null
  unit: string | null
  town_code: string | null
  figure_id: string | null
  quote: string
  note: Bilingual | null
  /** Only for items whose place the report implies (by name); null keeps the item off the map. */
  site: PlanSite | null
}

export interface ThematicFacts {
  low_carbon: {
    batch: string
    year: number
    figure_id: string
    /** The report's "6个村": more villages than it names. */
    villages_counted: number
    quote: string
    members: LowCarbonMember[]
  }
  zero_discharge: {
    award: ZeroDischargeAward
    quote: string
    members: ZeroDischargeMember[]
  }
  plan_2023: PlanItemFact[]
}

/** Every `quote` anywhere in a JSON value, with a path naming where it was found. */
export function collectQuotes(value: unknown, path = ''): { path: string; quote: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectQuotes(item, `${path}[${i}]`))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key
    if (key === 'quote') return [{ path: childPath, quote: typeof child === 'string' ? child : '' }]
    return collectQuotes(child, childPath)
  })
}

/** Every `figure_id` that is set, with its path. */
function collectFigureIds(value: unknown, path = ''): { path: string; id: string }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => collectFigureIds(item, `${path}[${i}]`))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key
    if (key === 'figure_id') return typeof child === 'string' ? [{ path: childPath, id: child }] : []
    return collectFigureIds(child, childPath)
  })
}

function hasArray(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Array.isArray((value as Record<string, unknown>)[key])
}

/**
 * Checks the file's outline, every quote against the report and every figure id against
 * figures.json; throws with the path of the first problems found.
 */
export function parseThematicFacts(json: unknown, reportText: string, figureIds: ReadonlySet<string>): ThematicFacts {
  const where = 'seeds/report/thematic-facts.json'
  const record = json as Record<string, unknown>
  const problems: string[] = []
  if (!hasArray(record.low_carbon, 'members')) problems.push('low_carbon.members must be an array')
  if (!hasArray(record.zero_discharge, 'members')) problems.push('zero_discharge.members must be an array')
  const award = (record.zero_discharge as Record<string, unknown> | undefined)?.award as
    Record<string, unknown> | undefined
  if (award?.holder !== 'district') problems.push('zero_discharge.award.holder must be "district"')
  if (Array.isArray(record.plan_2023)) {
    record.plan_2023.forEach((item: Record<string, unknown>, i) => {
      if (item.section !== 'plan-2023' && item.section !== 'problems')
        problems.push(`plan_2023[${i}].section must be "plan-2023" or "problems"`)
    })
  }
  if (!Array.isArray(record.plan_2023)) problems.push('plan_2023 must be an array')
  for (const { path, quote } of collectQuotes(json)) {
    if (quote === '' || !reportText.includes(quote)) problems.push(`${path}: quote not found verbatim in the report`)
  }
  for (const { path, id } of collectFigureIds(json)) {
    if (!figureIds.has(id)) problems.push(`${path}: "${id}" is not an id in figures.json`)
  }
  if (problems.length > 0) throw new Error(`${where}:\n${problems.join('\n')}`)
  return json as ThematicFacts
}
