/**
 * plan-2023.json (official, non-spatial): the 2023 projects, platforms and targets the report
 * names, each with the report's own words and the part it is named in (三 the 2023 plan, or 二 the
 * difficulties, where 垃圾中转站 and 易腐垃圾处理中心 are "亟待加快"). Only the report's wording sets the status; where an
 * item has no place the report implies, `located` is false and it stays off the map.
 */
import type { PlanItemFact } from './facts'
import type { JsonOutput, ThematicContext } from './types'

/** A plan fact as the app reads it: its place, if any, reduced to whether the map shows it. */
export type PlanItem = Omit<PlanItemFact, 'site'> & {
  /** True when plan-2023-sites.geojson shows the item (approximately). */
  located: boolean
}

export function planItem(fact: PlanItemFact): PlanItem {
  return {
    id: fact.id,
    section: fact.section,
    name: fact.name,
    kind: fact.kind,
    status: fact.status,
    target: fact.target,
    unit: fact.unit,
    town_code: fact.town_code,
    located: fact.site !== null,
    quote: fact.quote,
    figure_id: fact.figure_id,
    note: fact.note,
  }
}

export function buildPlan2023(context: ThematicContext): JsonOutput {
  const codes = new Set(context.towns.map((t) => t.code))
  const stray = context.facts.plan_2023.find((item) => item.town_code !== null && !codes.has(item.town_code))
  if (stray) throw new Error(`thematic-facts plan_2023 ${stray.id}: unknown town_code ${stray.town_code}`)
  return {
    data: { items: context.facts.plan_2023.map(planItem) },
  }
}
