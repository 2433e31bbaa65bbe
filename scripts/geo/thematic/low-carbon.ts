/**
 * low-carbon.geojson (approximate): the provincial low-carbon pilots the report names — 多湖街道 as
 * its approximate township area, and the villages 月潭村 and 北山口村 at their township's seat
 * (villages have no coordinates). The report counts 6 and names these 3 among them; no other is
 * invented.
 */
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson'
import type { LowCarbonKind, LowCarbonMember, ThematicFacts } from './facts'
import { seatOf, townByCode } from './place'
import type { GeoOutput, ThematicContext } from './types'
import { shortVillageName } from './villages-search'

export interface LowCarbonProperties {
  id: string
  name: string
  name_en: string
  kind: LowCarbonKind
  town_code: string
  village_code: string | null
  batch: string
  year: number
  figure_id: string
  located: 'township-area-approximate' | 'township-seat'
  note_zh: string
  note_en: string
  approximate: true
}

function notes(facts: ThematicFacts['low_carbon'], kind: LowCarbonKind): { zh: string; en: string } {
  // The report names three places (多湖街道, 月潭村, 北山口村) among its "6个村"; it never says
  // "多湖街道 and 6 villages", so neither does the note.
  const named = facts.members.map((m) => m.name).join('、')
  const namedEn = facts.members.map((m) => m.name_en).join(', ')
  const counted = {
    zh: `报告称“${facts.quote}”，计${facts.villages_counted}个，点名其中${facts.members.length}处（${named}）；其余未点名，本图不作推测。`,
    en:
      `The report counts ${facts.villages_counted} pilots and names ${facts.members.length} of them ` +
      `(${namedEn}); the others are not named and none is invented here.`,
  }
  return kind === 'town'
    ? {
        zh: `${counted.zh}范围为近似的乡镇（街道）范围。`,
        en: `${counted.en} The area is the approximate township area.`,
      }
    : {
        zh: `${counted.zh}村无坐标，标注在所属乡镇驻地。`,
        en: `${counted.en} Villages have no coordinates: shown at their township's seat.`,
      }
}

function checkMember(member: LowCarbonMember, context: ThematicContext): void {
  const town = townByCode(context.towns, member.town_code)
  if (member.kind === 'town' && town.name !== member.name)
    throw new Error(`thematic-facts ${member.id}: ${member.name} is not the name of ${member.town_code}`)
  if (member.kind === 'village') {
    const village = context.villages.find((v) => v.code === member.village_code)
    if (!village || village.townCode !== member.town_code || shortVillageName(village.name) !== member.name) {
      throw new Error(
        `thematic-facts ${member.id}: village ${member.village_code} is not ${member.name} in ${member.town_code}`,
      )
    }
  }
}

export function buildLowCarbon(context: ThematicContext): GeoOutput {
  const facts = context.facts.low_carbon
  const features = facts.members.map((member): Feature<Polygon | MultiPolygon | Point, LowCarbonProperties> => {
    checkMember(member, context)
    const note = notes(facts, member.kind)
    const properties: LowCarbonProperties = {
      id: member.id,
      name: member.name,
      name_en: member.name_en,
      kind: member.kind,
      town_code: member.town_code,
      village_code: member.village_code,
      batch: facts.batch,
      year: facts.year,
      figure_id: facts.figure_id,
      located: member.kind === 'town' ? 'township-area-approximate' : 'township-seat',
      note_zh: note.zh,
      note_en: note.en,
      approximate: true,
    }
    const geometry =
      member.kind === 'town'
        ? townByCode(context.towns, member.town_code).feature.geometry
        : { type: 'Point' as const, coordinates: seatOf(context.seats, member.town_code) }
    return { type: 'Feature', id: member.id, properties, geometry }
  })
  return {
    features,
  }
}
