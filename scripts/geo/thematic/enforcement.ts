/**
 * enforcement.geojson (sample): one point per inspection and per case of Jan–Oct 2022, from
 * generateEnforcementSample with township weights = approximate area (km²) and each point drawn
 * uniformly inside its township polygon. The totals are the report's; everything else is invented.
 * 1,136 points, so coordinates have 5 decimals (about 1 m) and keys that do not apply are omitted.
 */
import type { Feature, Point } from 'geojson'
import {
  generateEnforcementSample,
  SAMPLE_SEEDS,
  type EnforcementCaseType,
  type EnforcementRecord,
} from '../../../src/domain/samples'
import type { ReportMonth } from '../../../src/domain/types'
import { placeInTown } from './place'
import type { GeoOutput, TownArea } from './types'

export interface EnforcementProperties {
  id: string
  kind: 'inspection' | 'case'
  month: ReportMonth
  town_code: string
  case_type?: EnforcementCaseType
  closed?: boolean
  penalised?: boolean
  fine_yuan?: number
  sample: true
}

function properties(record: EnforcementRecord): EnforcementProperties {
  const base = { id: record.id, kind: record.kind, month: record.month, town_code: record.townCode }
  if (record.kind === 'inspection') return { ...base, sample: true }
  return {
    ...base,
    case_type: record.caseType,
    closed: record.closed,
    ...(record.penalised === undefined ? {} : { penalised: record.penalised }),
    ...(record.fineYuan === undefined ? {} : { fine_yuan: record.fineYuan }),
    sample: true,
  }
}

export function buildEnforcement(towns: readonly TownArea[]): GeoOutput {
  const sample = generateEnforcementSample({
    seed: SAMPLE_SEEDS.enforcement,
    towns: towns.map((t) => ({ code: t.code, weight: t.areaKm2 })),
    placePoint: placeInTown(towns),
  })
  const features = sample.records.map((record): Feature<Point, EnforcementProperties> => ({
    type: 'Feature',
    id: record.id,
    properties: properties(record),
    geometry: { type: 'Point', coordinates: record.lngLat },
  }))
  return {
    features,
  }
}
