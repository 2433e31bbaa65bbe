/**
 * low-carbon.geojson (approximate): the provincial low-carbon pilots the report names — 多湖街道 as
 * its approximate township area, and the villages 月潭村 and 北山口村 at their township's seat
 * (villages have no coordinates). The report's sentence reads literally as 多湖街道 and six
 * villages, two of them named; the four unnamed villages are not invented. Each note quotes the
 * sentence and says where it is ambiguous (whether 多湖街道 is one of the six).
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
  // "多湖街道和月潭村、北山口村等6个村": literally 多湖街道 and six villages, two of them named. It may
  // also count 多湖街道 among the six; a subdistrict is not a village, so the note reads it literally
  // and says it is ambiguous.
  const towns = facts.members.filter((m) => m.kind === 'town')
  const villages = facts.members.filter((m) => m.kind === 'village')
  const unnamed = facts.villages_counted - villages.length
  const town = towns.map((m) => m.name).join('、')
  const townEn = towns.map((m) => m.name_en).join(', ')
  const counted = {
    zh:
      `报告称“${facts.quote}”。按字面读，试点是${town}和${facts.villages_counted}个村，` +
      `村中点名${villages.map((m) => m.name).join('、')}，其余${unnamed}个村未点名，本图不作推测。` +
      `此句有歧义：“等${facts.villages_counted}个村”也可能把${town}算在内；街道不是村，本图按字面理解。`,
    en:
      `Read literally, the report gives ${townEn} and ${facts.villages_counted} villages as pilots, naming ` +
      `${villages.length} of the villages (${villages.map((m) => m.name_en).join(', ')}); the other ${unnamed} are ` +
      `not named and none is invented here. The sentence is ambiguous: it may count ${townEn} among the ` +
      `${facts.villages_counted}, but a subdistrict is not a village, so the literal reading is followed.`,
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
