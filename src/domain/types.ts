/**
 * Domain types shared by the build script, the loaders, the stores and the layers.
 * Pure TypeScript: nothing here may import Vue, MapLibre or deck.gl.
 */

/**
 * A text in both languages, Chinese first: the labels that come with the data (layer titles, legend
 * entries, indicators, report figures). Interface sentences live in the message files instead
 * (src/i18n); a Bilingual is shown with pick() from src/i18n/bilingual.ts or useLocaleText().
 */
export interface Bilingual {
  zh: string
  en: string
}

/** How far a layer's data can be trusted; shown as a badge on the map, legend and panel. */
export type Provenance = 'official' | 'open-data' | 'approximate' | 'sample' | 'user'

/** 9-digit statistical division code of a 乡镇/街道, e.g. "330703001" for 多湖街道. */
export type TownCode = string

export interface Town {
  code: TownCode
  name: string
  /** Seat (政府驻地), WGS84 [lng, lat]; approximate, see seeds/geo/SOURCES.md. */
  seat: [number, number]
}

/** Jan–Oct 2022 is the period the report covers; months are 1-based. */
export const REPORT_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const
export type ReportMonth = (typeof REPORT_MONTHS)[number]

export type ReportTopic =
  | 'air'
  | 'water'
  | 'vocs'
  | 'mobile-source'
  | 'low-carbon'
  | 'zero-discharge'
  | 'solid-waste'
  | 'soil'
  | 'inspection-petitions'
  | 'enforcement'
  | 'business-services'
  | 'party-building'
  | 'problems'
  | 'plan-2023'

/** One figure stated in the 2022 work report, with the words it comes from. */
export interface ReportFigure {
  /** Stable kebab-case id, e.g. "air-good-day-rate". */
  id: string
  topic: ReportTopic
  label: { zh: string; en: string }
  /** The number, in the unit the report uses (86.1 with unit "%", 86.08 with unit "万元"). */
  value: number
  /** The number exactly as the report writes it ("86.1", "1095", "III", "86.08"). */
  valueText: string
  unit: string
  /** e.g. "2022-01/2022-10", "2022", "2021", "2023 (target)", "first round of inspections". */
  period: string
  /** An exact substring of the report that contains valueText. */
  quote: string
}

/** A text in both interface languages: Chinese first, English second. */
export interface Bilingual {
  zh: string
  en: string
}
