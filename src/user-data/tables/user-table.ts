/**
 * What readings and inspection tables share: recognising them by their headers (the templates' at
 * least, Chinese and English), the month axis their dates (read by src/domain/text/dates.ts) are put
 * on, and the rows of a table that came with coordinates (the import engine then hands back points,
 * not rows).
 *
 * The month axis: the app's months are the report's, January…October (view.heatmap.month 1…10, the
 * aggregation worker, the tour, the monthly charts). A user's table is put on the same axis for ONE
 * year — the year most of its rows fall in — so every view that reads months keeps working; rows of
 * another year or of November/December are refused and counted as outside the range, never shifted.
 * Pure TypeScript.
 */
import type { FeatureCollection } from 'geojson'
import type { JoinTable } from './name-join'
import { placeHeaders } from './place-headers'
import { REPORT_MONTHS } from '../../domain/types'
import { dmsToDegrees } from '../../domain/geometry/dms'
import type { ReadDate } from '../../domain/text/dates'

export type UserTableKind = 'readings' | 'inspections'

export const AXIS_MONTHS = REPORT_MONTHS.length

const STATION = /^(站点|站点名称|站名|监测站|监测站点|监测点|点位|名称|station|station_?name|site|name)$/i
const DATE = /^(日期|时间|监测日期|检查日期|执法日期|年月|月份|date|time|month|period)$/i
const PM25 = /^(pm2\.?5|pm_?2_?5)\b/i
const PM10 = /^pm_?10\b/i
const O3 = /^(o3|o₃|臭氧)/i
const KIND = /^(kind|type|类型|类别|检查类型|种类)$/i
const INSPECTION_WORD = /检查|执法|对象|案件|inspect|case/i
const LNG = /^(lng|lon|long|longitude|经度|东经|x)$/i
const LAT = /^(lat|latitude|纬度|北纬|y)$/i

const norm = (name: string) => name.trim().replace(/（/g, '(').replace(/）/g, ')')
export const findHeader = (header: readonly string[], pattern: RegExp) =>
  header.findIndex((name) => pattern.test(norm(name)))

export interface ReadingColumns {
  station: number
  date: number
  pm25: number
  pm10: number
  o3: number
  lng: number
  lat: number
}

export function readingColumns(header: readonly string[]): ReadingColumns {
  return {
    station: findHeader(header, STATION),
    date: findHeader(header, DATE),
    pm25: findHeader(header, PM25),
    pm10: findHeader(header, PM10),
    o3: findHeader(header, O3),
    lng: findHeader(header, LNG),
    lat: findHeader(header, LAT),
  }
}

export interface InspectionColumns {
  date: number
  kind: number
  town: number
  village: number
  lng: number
  lat: number
}

export function inspectionColumns(header: readonly string[]): InspectionColumns {
  // The township and village columns are the ones a join by place name reads (place-headers.ts).
  const { town, village } = placeHeaders(header)
  return {
    date: findHeader(header, DATE),
    kind: findHeader(header, KIND),
    town,
    village,
    lng: findHeader(header, LNG),
    lat: findHeader(header, LAT),
  }
}

/**
 * Readings: a station column, a date column and at least one pollutant. Inspections: a date column,
 * a kind column or a header that speaks of inspections, and a place (coordinates, 乡镇 or 村).
 */
export function recogniseTable(header: readonly string[]): UserTableKind | null {
  const r = readingColumns(header)
  if (r.station >= 0 && r.date >= 0 && (r.pm25 >= 0 || r.pm10 >= 0 || r.o3 >= 0)) return 'readings'
  const i = inspectionColumns(header)
  const placed = (i.lng >= 0 && i.lat >= 0) || i.town >= 0 || i.village >= 0
  const speaks = i.kind >= 0 || header.some((name) => INSPECTION_WORD.test(name))
  if (i.date >= 0 && placed && speaks) return 'inspections'
  return null
}

/** The year most dated rows fall in (the earliest of a tie); 2022, the report's year, when none says. */
export function dominantYear(dates: readonly (ReadDate | null)[]): number {
  const counts = new Map<number, number>()
  for (const date of dates) if (date?.year != null) counts.set(date.year, (counts.get(date.year) ?? 0) + 1)
  let best = 2022
  let most = 0
  for (const [year, count] of [...counts].sort((a, b) => a[0] - b[0])) {
    if (count > most) [best, most] = [year, count]
  }
  return best
}

/** Why a dated row is off the axis, or null when it is on it. */
export function offAxis(date: ReadDate, year: number): 'other-year' | 'outside-months' | null {
  if (date.year !== null && date.year !== year) return 'other-year'
  if (date.month > AXIS_MONTHS) return 'outside-months'
  return null
}

/** A decimal number as a table writes one (1,234.5 too); null for text; undefined for an empty cell. */
export function cellNumber(cell: string | undefined): number | null | undefined {
  const text = (cell ?? '').trim().replace(/(\d),(?=\d{3}\b)/g, '$1')
  if (text === '') return undefined
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : null
}

/** A coordinate cell: decimal degrees, or degrees–minutes–seconds (119°45′02″E, 北纬29度12分16秒). */
export function cellCoordinate(cell: string | undefined): number | null {
  const value = cellNumber(cell)
  if (typeof value === 'number') return value
  return value === undefined ? null : dmsToDegrees(cell!.trim())
}

/**
 * The rows of a table the import engine returned as points (it had coordinate columns): every
 * property as text, and the point's position as 经度/纬度. Row numbers count the kept rows from 1.
 */
export function tableFromPoints(collection: FeatureCollection): JoinTable {
  const names: string[] = []
  for (const feature of collection.features)
    for (const key of Object.keys(feature.properties ?? {})) if (!names.includes(key)) names.push(key)
  const header = [...names.filter((name) => !LNG.test(name) && !LAT.test(name)), '经度', '纬度']
  const rows = collection.features.map((feature) => {
    const properties = (feature.properties ?? {}) as Record<string, unknown>
    const point = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : []
    const text = (value: unknown) => (value === null || value === undefined ? '' : String(value))
    return [...header.slice(0, -2).map((name) => text(properties[name])), text(point[0]), text(point[1])]
  })
  return { header, rows, lines: rows.map((_, i) => i + 1) }
}

/** A refused row: its line, the cell at fault, and why (the reasons are worded by the interface). */
export interface RefusedRow {
  line: number
  value: string
  reason:
    | 'no-station'
    | 'station-not-found'
    | 'bad-date'
    | 'other-year'
    | 'outside-months'
    | 'duplicate'
    | 'no-value'
    | 'bad-value'
    | 'unknown-kind'
    | 'no-place'
    | 'place-not-found'
}
