/**
 * enforcement.geojson (sample): one point per inspection and per case of Jan–Oct 2022, from
 * generateEnforcementSample with township weights = approximate area (km²) and each point drawn
 * uniformly inside its township polygon. The totals are the report's; everything else is invented.
 * 1,136 points, so coordinates have 5 decimals (about 1 m) and keys that do not apply are omitted.
 */
import type { Feature, Point } from 'geojson'
import { JINHUA_BBOX } from '../../../src/domain/geojson-checks'
import {
  ENFORCEMENT_SAMPLE_NOTE,
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
    meta: {
      id: 'enforcement',
      title: { zh: '执法检查与案件（示例）', en: 'Inspections and cases (sample)' },
      provenance: 'sample',
      caveat: {
        zh: `${ENFORCEMENT_SAMPLE_NOTE.zh}各乡镇数量按近似面积（km²）分配，点位随机落在近似乡镇范围内，案件与其来源检查同址。`,
        en: `${ENFORCEMENT_SAMPLE_NOTE.en} Township counts are apportioned by approximate area (km²); points are placed at random inside the approximate township areas, and a case shares its inspection's position.`,
      },
      source: `generateEnforcementSample, seed ${SAMPLE_SEEDS.enforcement}; totals from the 2022 work report`,
      licence: 'Sample data made by this project',
    },
    features,
    rules: {
      geometryTypes: ['Point'],
      bbox: JINHUA_BBOX,
      idProperty: 'id',
      requiredProperties: ['id', 'kind', 'month', 'town_code'],
    },
  }
}
