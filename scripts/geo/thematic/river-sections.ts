/**
 * river-sections.geojson (sample): the named rivers cut at the two national-control sections. The
 * stretch above a section takes that section's Jan–Oct sample mean class; every other stretch
 * (below the sections, the 金华江, the far upstream rivers) is not monitored by either section and
 * has water_class null.
 */
import type { Feature, LineString, MultiLineString, Position } from 'geojson'
import type { WaterClassNumber } from '../../../src/domain/samples'
import { JINHUA_RIVER_ID, lineById, type PlacedSection } from './national-sections'
import type { GeoOutput } from './types'

export interface RiverSectionProperties {
  id: string
  river: string
  name: string
  name_en: string
  section_id: 'dongguanqiao' | 'hongwuqiao' | null
  water_class: WaterClassNumber | null
  water_class_label: string | null
  approximate: true
  sample: boolean
}

/** Whole river lines that no section monitors: the 金华江 below the confluence and the far upper courses. */
const UNMONITORED_RIVERS = [
  {
    riverId: JINHUA_RIVER_ID,
    id: 'jinhuajiang-below-confluence',
    river: '金华江',
    name: '金华江 汇合口以下',
    name_en: 'Jinhua River below the confluence',
  },
  {
    riverId: 'river-09',
    id: 'dongyangjiang',
    river: '东阳江',
    name: '东阳江（义乌江上游）',
    name_en: 'Dongyang River (upper Yiwu River)',
  },
  { riverId: 'river-15', id: 'wuyijiang-upper', river: '武义江', name: '武义江 上游', name_en: 'Upper Wuyi River' },
] as const

function feature(
  properties: RiverSectionProperties,
  coordinates: Position[],
): Feature<LineString, RiverSectionProperties> {
  return { type: 'Feature', id: properties.id, properties, geometry: { type: 'LineString', coordinates } }
}

function sectionStretches(placed: PlacedSection): Feature<LineString, RiverSectionProperties>[] {
  const river = placed.section.river
  const name = placed.section.name
  const slug = placed.section.id === 'dongguanqiao' ? 'yiwujiang' : 'wuyijiang'
  return [
    feature(
      {
        id: `${slug}-above-${placed.section.id}`,
        river: river.zh,
        name: `${river.zh} ${name.zh}断面以上`,
        name_en: `${river.en} above the ${name.en} section`,
        section_id: placed.section.id,
        water_class: placed.meanClass,
        water_class_label: placed.meanClassLabel,
        approximate: true,
        sample: true,
      },
      placed.upstream,
    ),
    feature(
      {
        id: `${slug}-${placed.section.id}-to-confluence`,
        river: river.zh,
        name: `${river.zh} ${name.zh}断面至汇合口`,
        name_en: `${river.en} from the ${name.en} section to the confluence`,
        section_id: null,
        water_class: null,
        water_class_label: null,
        approximate: true,
        sample: false,
      },
      placed.downstream,
    ),
  ]
}

export function buildRiverSections(
  rivers: readonly Feature<LineString | MultiLineString>[],
  placed: readonly PlacedSection[],
): GeoOutput {
  const unmonitored = UNMONITORED_RIVERS.map((r) =>
    feature(
      {
        id: r.id,
        river: r.river,
        name: r.name,
        name_en: r.name_en,
        section_id: null,
        water_class: null,
        water_class_label: null,
        approximate: true,
        sample: false,
      },
      lineById(rivers, r.riverId),
    ),
  )
  return {
    features: [...placed.flatMap(sectionStretches), ...unmonitored],
  }
}
