/**
 * water-sections.geojson (sample): the two national-control sections as points, with their
 * invented Jan–Oct monthly classes. Positions come from national-sections.ts (approximate).
 */
import type { Feature, Point } from 'geojson'
import type { WaterClassNumber } from '../../../src/domain/samples'
import type { PlacedSection } from './national-sections'
import type { GeoOutput } from './types'

export interface WaterSectionProperties {
  id: 'dongguanqiao' | 'hongwuqiao'
  name: string
  name_en: string
  river: string
  level: '国控'
  /** Jan..Oct 2022, GB 3838 class numbers (1 = Ⅰ … 6 = 劣Ⅴ); sample. */
  monthly_classes: WaterClassNumber[]
  /** The mean of monthly_classes rounded (Math.round). */
  mean_class: WaterClassNumber
  mean_class_label: string
  /** The unrounded mean, so a reader can see how close to a class boundary it is. */
  mean_class_number: number
  approximate: true
  sample: true
}

export function buildWaterSections(placed: readonly PlacedSection[]): GeoOutput {
  const features = placed.map((p): Feature<Point, WaterSectionProperties> => ({
    type: 'Feature',
    id: p.section.id,
    properties: {
      id: p.section.id,
      name: p.section.name.zh,
      name_en: p.section.name.en,
      river: p.section.river.zh,
      level: '国控',
      monthly_classes: p.monthlyClasses,
      mean_class: p.meanClass,
      mean_class_label: p.meanClassLabel,
      mean_class_number: p.meanClassNumber,
      approximate: true,
      sample: true,
    },
    geometry: { type: 'Point', coordinates: p.point },
  }))
  return {
    features,
  }
}
