/**
 * town-indicators.json (sample): per-township splits of district totals (VOCs rectifications and
 * inspection petitions) by generateApportionedIndicators with weights = approximate area (km²),
 * plus each township's low-carbon and zero-discharge standing from the report's facts.
 */
import { generateApportionedIndicators, type ApportionedIndicatorId } from '../../../src/domain/samples'
import { TOWN_INDICATORS_NOTE } from '../../../src/io/documents'
import type { ThematicFacts } from './facts'
import type { JsonOutput, ThematicContext } from './types'
import type { TownIndicatorRow } from '../../../src/domain/indicators/township-indicators'

/** The row the app reads (src/domain/indicators/township-indicators.ts): one shape for the build and the app. */
type TownLowCarbon = TownIndicatorRow['low_carbon']

function lowCarbonOf(code: string, facts: ThematicFacts['low_carbon']): TownLowCarbon {
  const members = facts.members.filter((m) => m.town_code === code)
  if (members.some((m) => m.kind === 'town')) return 'pilot-area'
  return members.length > 0 ? 'pilot-village' : null
}

export function buildTownIndicators(context: ThematicContext): JsonOutput {
  const sample = generateApportionedIndicators({
    towns: context.towns.map((t) => ({ code: t.code, weight: t.areaKm2 })),
  })
  const valueOf = (id: ApportionedIndicatorId, code: string): number => {
    const value = sample.indicators.find((i) => i.id === id)?.perTown.find((p) => p.townCode === code)?.value
    if (value === undefined) throw new Error(`town-indicators: no ${id} value for ${code}`)
    return value
  }
  const towns = context.towns.map((town): TownIndicatorRow => ({
    code: town.code,
    name: town.name,
    vocs_rectified: valueOf('vocs-rectifications', town.code),
    petitions_first_central: valueOf('petitions-round1-central', town.code),
    petitions_first_provincial: valueOf('petitions-round1-provincial', town.code),
    petitions_first_total: valueOf('petitions-round1-total', town.code),
    petitions_second: valueOf('petitions-round2-central', town.code),
    low_carbon: lowCarbonOf(town.code, context.facts.low_carbon),
    zero_discharge: context.facts.zero_discharge.members.find((m) => m.town_code === town.code)?.status ?? null,
  }))
  return {
    data: { note: TOWN_INDICATORS_NOTE, towns },
  }
}
