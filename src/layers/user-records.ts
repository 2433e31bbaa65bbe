/**
 * What the panels of the enforcement and monitoring-points layers show of a user's records (from
 * src/user-data/tables/inspections-table.ts and readings-table.ts): the year, the date, the village, and how
 * the position was found — in words, so a record placed at its township's point reads "approximate".
 * Sample features have none of these properties, so their panels do not change.
 */
import { pick } from '../i18n/bilingual'
import type { Locale } from '../i18n/bilingual'
import type { PanelField } from './types'

const LOCATION_WORDS: Record<string, { zh: string; en: string }> = {
  exact: { zh: '表中坐标', en: 'coordinates in the table' },
  township: { zh: '近似位置：按乡镇（街道）定位', en: 'approximate: placed at its township' },
  village: { zh: '近似位置：按村所在乡镇（街道）定位', en: "approximate: placed at its village's township" },
  station: {
    zh: '近似位置：同名乡镇的示例站点位置',
    en: "approximate: the sample station's position in the township it names",
  },
}

type PanelFields = PanelField[]

export const USER_RECORD_FIELDS: PanelFields = [
  { property: 'date', label: { zh: '日期', en: 'Date' } },
  { property: 'year', label: { zh: '年份', en: 'Year' } },
  { property: 'village', label: { zh: '村（社区）', en: 'Village' } },
  {
    property: 'location',
    label: { zh: '位置', en: 'Position' },
    format: (v, locale) => (typeof v === 'string' && LOCATION_WORDS[v] ? pick(LOCATION_WORDS[v], locale) : String(v)),
  },
]

export function userTooltip(p: Record<string, unknown>, locale: Locale): string {
  const date = String(p.date ?? p.month)
  const kind = p.kind === 'inspection' ? { zh: '检查', en: 'Inspection' } : { zh: '案件', en: 'Case' }
  const approximate = p.location === 'township' || p.location === 'village'
  const where = approximate ? pick({ zh: '（近似位置）', en: ' (approximate position)' }, locale) : ''
  return `${pick(kind, locale)} · ${date}${where}`
}
