/**
 * plan-2023-sites.geojson (approximate): the 2023 plan items whose place the report implies by
 * name — only 塘雅污水处理站, at 塘雅镇's seat. Items without an implied place are not placed.
 */
import type { Feature, Point } from 'geojson'
import { JINHUA_BBOX } from '../../../src/domain/geojson-checks'
import { seatOf } from './place'
import type { GeoOutput, ThematicContext } from './types'

export interface PlanSiteProperties {
  id: string
  plan_item_id: string
  name: string
  name_en: string
  status_zh: string
  status_en: string
  town_code: string
  located: 'township-seat'
  approximate: true
}

export function buildPlan2023Sites(context: ThematicContext): GeoOutput {
  const features = context.facts.plan_2023.flatMap((item): Feature<Point, PlanSiteProperties>[] => {
    if (item.site === null) return []
    if (item.town_code === null) throw new Error(`thematic-facts plan_2023 ${item.id}: a site needs a town_code`)
    return [
      {
        type: 'Feature',
        id: item.site.id,
        properties: {
          id: item.site.id,
          plan_item_id: item.id,
          name: item.site.name,
          name_en: item.site.name_en,
          status_zh: item.status.zh,
          status_en: item.status.en,
          town_code: item.town_code,
          located: item.site.located,
          approximate: true,
        },
        geometry: { type: 'Point', coordinates: seatOf(context.seats, item.town_code) },
      },
    ]
  })
  return {
    meta: {
      id: 'plan-2023-sites',
      title: { zh: '2023年项目位置（近似）', en: '2023 project sites (approximate)' },
      provenance: 'approximate',
      caveat: {
        zh: '报告未给出项目位置：仅标注名称中含地名的项目，置于该乡镇驻地，为近似位置；其余项目不在图上标注。',
        en: "The report gives no project locations: only items named after a place are shown, at that township's seat (approximate); the others are not mapped.",
      },
      source: '金华市生态环境局金东分局 2023年工作思路 (seeds/report/thematic-facts.json); positions: township seats',
      licence: 'Government work report, quoted verbatim; positions as seats.geojson',
    },
    features,
    rules: {
      geometryTypes: ['Point'],
      bbox: JINHUA_BBOX,
      idProperty: 'id',
      requiredProperties: ['id', 'plan_item_id', 'name', 'town_code'],
    },
  }
}
