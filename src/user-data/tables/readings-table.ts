/**
 * A table of readings (station × date or month × PM2.5 / PM10 / O₃) as the monitoring-points layer's
 * air stations, so the readings surface, the density heatmap, the station panels and the warnings
 * read the user's values. Daily rows are averaged into monthly means (and kept as `daily`, which the
 * 24-hour warning rule reads); a monthly row is a monthly mean as given.
 *
 * A station is placed by, in order: its own 经度/纬度 cells; the name of a station already on the
 * map (or its id); a name that starts with a township's name (曹宅空气站 → 曹宅镇), which takes that
 * township's station position and is flagged approximate. Otherwise its rows are refused and the
 * station listed. The result holds only the user's stations: the sample points (water, enterprise,
 * dust) are not kept under the user's badge.
 * Pure TypeScript.
 */
import type { Feature, FeatureCollection } from 'geojson'
import type { JoinTable } from './name-join'
import { matchTown, normaliseText, type Gazetteer } from '../../domain/places/place-names'
import {
  AXIS_MONTHS,
  cellCoordinate,
  cellNumber,
  dominantYear,
  offAxis,
  readingColumns,
  type RefusedRow,
} from './user-table'
import { readDate, type ReadDate } from '../../domain/text/dates'

const POLLUTANTS = ['pm25', 'pm10', 'o3'] as const
type Pollutant = (typeof POLLUTANTS)[number]

export interface ReadingsReport {
  year: number
  rowsUsed: number
  refused: RefusedRow[]
  /** Names of stations that could not be placed (their rows are in `refused`). */
  stationsNotFound: string[]
  stations: number
  /** Months (1…10) with at least one value. */
  months: number[]
  /** Rows that were daily values, averaged into months. */
  dailyRows: number
  /** A month column without a year: read as `year`. */
  yearAssumed: boolean
}

interface Station {
  name: string
  position: [number, number]
  id: string
  townCode: string | null
  approximate: boolean
  /** Per pollutant, per month: values (daily ones averaged). */
  values: Record<Pollutant, number[][]>
  daily: { date: string; pm25: number | null; pm10: number | null; o3_8h: number | null }[]
}

const STATION_SUFFIX = /(空气质量自动监测站|空气质量监测站|空气自动站|空气监测站|空气站|监测站|监测点|自动站|站)$/

function isDegrees(lng: number | null | undefined, lat: number | null | undefined): lng is number {
  return typeof lng === 'number' && typeof lat === 'number' && Math.abs(lng) <= 180 && Math.abs(lat) <= 90
}

export function readingsFromTable(
  table: JoinTable,
  builtStations: FeatureCollection | null,
  gazetteer: Gazetteer | null,
): { collection: FeatureCollection | null; report: ReadingsReport } {
  const columns = readingColumns(table.header)
  const refused: RefusedRow[] = []
  const dates = table.rows.map((row) => readDate(row[columns.date] ?? ''))
  const year = dominantYear(dates)
  const air = (builtStations?.features ?? []).filter(
    (f) => f.properties?.kind === 'air' && f.geometry?.type === 'Point',
  )
  const byName = new Map<string, Feature>()
  for (const f of air) {
    for (const key of [f.properties?.name, f.properties?.name_en, f.properties?.id])
      if (typeof key === 'string') byName.set(normaliseText(key), f)
  }
  const stations = new Map<string, Station>()
  const notFound = new Set<string>()
  const seen = new Set<string>()
  let rowsUsed = 0
  let dailyRows = 0
  let yearAssumed = false

  function placeStation(name: string, row: readonly string[]): Station | null {
    const key = normaliseText(name)
    const known = stations.get(key)
    if (known) return known
    const lng = cellCoordinate(row[columns.lng])
    const lat = cellCoordinate(row[columns.lat])
    let found: Omit<Station, 'values' | 'daily' | 'name'> | null = null
    if (columns.lng >= 0 && isDegrees(lng, lat)) {
      found = { position: [lng, lat as number], id: `station-${stations.size + 1}`, townCode: null, approximate: false }
    } else {
      const builtIn =
        byName.get(key) ??
        (() => {
          const town = gazetteer ? matchTown(gazetteer, name.replace(STATION_SUFFIX, '')) : null
          return town ? air.find((f) => f.properties?.town_code === town) : undefined
        })()
      if (builtIn?.geometry?.type === 'Point') {
        const [x, y] = builtIn.geometry.coordinates
        found = {
          position: [x!, y!],
          id: String(builtIn.properties?.id ?? `station-${stations.size + 1}`),
          townCode: typeof builtIn.properties?.town_code === 'string' ? builtIn.properties.town_code : null,
          approximate: true,
        }
      }
    }
    if (!found) return null
    const values = { pm25: [], pm10: [], o3: [] } as Record<Pollutant, number[][]>
    for (const p of POLLUTANTS) values[p] = Array.from({ length: AXIS_MONTHS }, () => [])
    const station: Station = { name: name.trim(), ...found, values, daily: [] }
    stations.set(key, station)
    return station
  }

  table.rows.forEach((row, index) => {
    const line = table.lines[index]!
    const name = (row[columns.station] ?? '').trim()
    const date: ReadDate | null = dates[index]!
    const dateCell = (row[columns.date] ?? '').trim()
    if (!name) return void refused.push({ line, value: '', reason: 'no-station' })
    if (!date) return void refused.push({ line, value: dateCell, reason: 'bad-date' })
    const off = offAxis(date, year)
    if (off) return void refused.push({ line, value: dateCell, reason: off })
    const cells = {
      pm25: cellNumber(row[columns.pm25]),
      pm10: cellNumber(row[columns.pm10]),
      o3: cellNumber(row[columns.o3]),
    }
    const bad = POLLUTANTS.find((p) => cells[p] === null)
    if (bad) return void refused.push({ line, value: row[columns[bad]] ?? '', reason: 'bad-value' })
    if (POLLUTANTS.every((p) => cells[p] === undefined))
      return void refused.push({ line, value: name, reason: 'no-value' })
    const station = placeStation(name, row)
    if (!station) {
      notFound.add(name)
      return void refused.push({ line, value: name, reason: 'station-not-found' })
    }
    // A month given as a mean and as days, or one day twice, is a duplicate: the first row wins.
    const monthKey = `${normaliseText(name)}|${date.month}`
    const key = date.day === null ? `${monthKey}|month` : `${monthKey}|${date.day}`
    if (seen.has(key) || seen.has(date.day === null ? `${monthKey}|days` : `${monthKey}|month`))
      return void refused.push({ line, value: `${name} ${dateCell}`, reason: 'duplicate' })
    seen.add(key)
    if (date.day !== null) seen.add(`${monthKey}|days`)
    if (date.year === null) yearAssumed = true
    for (const p of POLLUTANTS) if (cells[p] !== undefined) station.values[p][date.month - 1]!.push(cells[p] as number)
    if (date.day !== null) {
      dailyRows++
      const iso = `${year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`
      station.daily.push({ date: iso, pm25: cells.pm25 ?? null, pm10: cells.pm10 ?? null, o3_8h: cells.o3 ?? null })
    }
    rowsUsed++
  })

  const mean = (values: number[]) =>
    values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null
  const months = new Set<number>()
  const features: Feature[] = [...stations.values()].map((s) => {
    const series = Object.fromEntries(
      POLLUTANTS.map((p) => [
        p,
        s.values[p].map((values, m) => {
          if (values.length) months.add(m + 1)
          return mean(values)
        }),
      ]),
    )
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: s.position },
      properties: {
        id: s.id,
        kind: 'air',
        name: s.name,
        name_en: s.name,
        town_code: s.townCode,
        approximate: s.approximate,
        location: s.approximate ? 'station' : 'exact',
        user: true,
        year,
        ...series,
        ...(s.daily.length ? { daily: s.daily } : {}),
      },
    }
  })
  refused.sort((a, b) => a.line - b.line)
  const report: ReadingsReport = {
    year,
    rowsUsed,
    refused,
    stationsNotFound: [...notFound],
    stations: features.length,
    months: [...months].sort((a, b) => a - b),
    dailyRows,
    yearAssumed,
  }
  return { collection: features.length ? { type: 'FeatureCollection', features } : null, report }
}
