/**
 * plan-2023-sites.geojson (approximate): the 2023 plan items whose place the report implies by
 * name — only 塘雅污水处理站, at 塘雅镇's seat. Items without an implied place are not placed.
 */
import type { Feature, Point } from 'geojson'
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
    features,
  }
}
