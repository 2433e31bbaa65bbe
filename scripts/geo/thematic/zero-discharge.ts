/**
 * zero-discharge.geojson (approximate): the 污水零直排区 work the report names, on the approximate
 * township areas — 东孝 and 多湖 completed in 2022, 曹宅镇's model-town build accepted. The 1000万元
 * award is on no township: its clause has no subject of its own, so it stays the district's, with
 * the report's sentence (thematic-facts zero_discharge.award).
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import type { ZeroDischargeStatus } from './facts'
import { townByCode } from './place'
import type { Bilingual } from '../../../src/domain/types'
import type { GeoOutput, ThematicContext } from './types'

export interface ZeroDischargeProperties {
  id: string
  name: string
  name_en: string
  town_code: string
  status: ZeroDischargeStatus
  status_zh: string
  status_en: string
  /** The figure in figures.json behind this feature, or null where the report gives no number. */
  figure_id: string | null
  approximate: true
}

const STATUS_TEXT: Readonly<Record<ZeroDischargeStatus, Bilingual>> = {
  'completed-2022': { zh: '2022年完成污水零直排创建', en: 'Zero-direct-discharge zone completed in 2022' },
  'model-town-accepted': { zh: '样板镇建设完成并通过验收', en: 'Model town completed and accepted' },
}

export function buildZeroDischarge(context: ThematicContext): GeoOutput {
  const features = context.facts.zero_discharge.members.map(
    (member): Feature<Polygon | MultiPolygon, ZeroDischargeProperties> => {
      const town = townByCode(context.towns, member.town_code)
      if (town.name !== member.name)
        throw new Error(`thematic-facts ${member.id}: ${member.name} is not the name of ${member.town_code}`)
      return {
        type: 'Feature',
        id: member.id,
        properties: {
          id: member.id,
          name: town.name,
          name_en: town.nameEn,
          town_code: town.code,
          status: member.status,
          status_zh: STATUS_TEXT[member.status].zh,
          status_en: STATUS_TEXT[member.status].en,
          figure_id: member.figure_id,
          approximate: true,
        },
        geometry: town.feature.geometry,
      }
    },
  )
  return {
    features,
  }
}
