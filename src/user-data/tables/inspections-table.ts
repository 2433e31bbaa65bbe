/**
 * A table of inspections (date, kind, and coordinates or a 乡镇 / 村 column) as the enforcement
 * layer's points, so the township counts, the area panels' monthly chart, the choropleth and the
 * inspection density read the user's records.
 *
 * A row without coordinates is placed at its township's representative point (a point inside the
 * township's current geometry, so counting per township stays exact), flagged `location: 'township'`
 * — or `'village'` when a 村 column named it: villages have no coordinates, so a village's row also
 * sits at its township's point and keeps the village's name. The panel and legend say "approximate".
 * Kinds: inspection / 检查, case / 案件 / 处罚 (a penalty), transferred / 移送 (移送公安: police,
 * 移送行政执法局: the law-enforcement bureau); a table without a kind column is all inspections.
 * Pure TypeScript.
 */
import type { Feature, FeatureCollection } from 'geojson'
import type { JoinTable } from './name-join'
import { matchTown, matchVillage, normaliseText, type Gazetteer } from '../../domain/places/place-names'
import { setOwn } from '../../domain/text/own-keys'
import { readDate } from '../../domain/text/dates'
import { cellCoordinate, dominantYear, inspectionColumns, offAxis, type RefusedRow } from './user-table'

export interface InspectionsReport {
  year: number
  rowsUsed: number
  refused: RefusedRow[]
  /** Kind cells that are none of the known kinds, with how many rows each. */
  unknownKinds: Record<string, number>
  inspections: number
  cases: number
  /** Rows placed at a township's point (from a 乡镇 or a 村 column). */
  placedByTownship: number
  placedByVillage: number
  noKindColumn: boolean
  yearAssumed: boolean
}

type Kind = { kind: 'inspection' } | { kind: 'case'; case_type: 'penalty' | 'police' | 'admin-bureau' }

export function kindOf(cell: string): Kind | null {
  const text = normaliseText(cell)
  if (/^(inspection|检查|执法检查|现场检查|日常检查|巡查)$/.test(text)) return { kind: 'inspection' }
  if (/公安|police/.test(text)) return { kind: 'case', case_type: 'police' }
  if (/行政执法|执法局|admin/.test(text)) return { kind: 'case', case_type: 'admin-bureau' }
  if (/^(transferred|移送)$/.test(text)) return { kind: 'case', case_type: 'police' }
  if (/^(case|案件|立案|处罚|行政处罚|penalty)$/.test(text)) return { kind: 'case', case_type: 'penalty' }
  return null
}

export function inspectionsFromTable(
  table: JoinTable,
  gazetteer: Gazetteer,
  /** Township code → a point inside the township (its current geometry). */
  townPoints: ReadonlyMap<string, [number, number]>,
): { collection: FeatureCollection | null; report: InspectionsReport } {
  const columns = inspectionColumns(table.header)
  const dates = table.rows.map((row) => readDate(row[columns.date] ?? ''))
  const year = dominantYear(dates)
  const refused: RefusedRow[] = []
  const unknownKinds: Record<string, number> = {}
  const seen = new Set<string>()
  const features: Feature[] = []
  let placedByTownship = 0
  let placedByVillage = 0
  let yearAssumed = false

  table.rows.forEach((row, index) => {
    const line = table.lines[index]!
    const date = dates[index]!
    const dateCell = (row[columns.date] ?? '').trim()
    if (!date) return void refused.push({ line, value: dateCell, reason: 'bad-date' })
    const off = offAxis(date, year)
    if (off) return void refused.push({ line, value: dateCell, reason: off })
    const kindCell = columns.kind >= 0 ? (row[columns.kind] ?? '').trim() : 'inspection'
    const kind = kindOf(kindCell)
    if (!kind) {
      unknownKinds[kindCell] = (unknownKinds[kindCell] ?? 0) + 1
      return void refused.push({ line, value: kindCell, reason: 'unknown-kind' })
    }
    const lng = cellCoordinate(row[columns.lng])
    const lat = cellCoordinate(row[columns.lat])
    let position: [number, number] | null = null
    let location: 'exact' | 'township' | 'village' = 'exact'
    let townCode: string | null = null
    let village: string | null = null
    if (typeof lng === 'number' && typeof lat === 'number' && Math.abs(lng) <= 180 && Math.abs(lat) <= 90) {
      position = [lng, lat]
    } else {
      const townCell = columns.town >= 0 ? (row[columns.town] ?? '').trim() : ''
      const villageCell = columns.village >= 0 ? (row[columns.village] ?? '').trim() : ''
      const narrowing = townCell ? matchTown(gazetteer, townCell) : null
      if (villageCell) {
        const found = matchVillage(gazetteer, villageCell, narrowing).village
        if (found) {
          townCode = found.townCode
          village = found.name
          location = 'village'
        }
      }
      if (!townCode && narrowing) {
        townCode = narrowing
        location = 'township'
      }
      const place = villageCell || townCell
      if (!place) return void refused.push({ line, value: '', reason: 'no-place' })
      position = townCode ? (townPoints.get(townCode) ?? null) : null
      if (!position) return void refused.push({ line, value: place, reason: 'place-not-found' })
    }
    // The same row twice (date, kind and every other cell) is a copied line, not a second inspection.
    const key = row.map((cell) => normaliseText(cell)).join('\u241f')
    if (seen.has(key)) return void refused.push({ line, value: dateCell, reason: 'duplicate' })
    seen.add(key)
    if (date.year === null) yearAssumed = true
    if (location === 'township') placedByTownship++
    if (location === 'village') placedByVillage++
    const extra: Record<string, unknown> = {}
    table.header.forEach((name, i) => {
      if (i !== columns.lng && i !== columns.lat && row[i]) setOwn(extra, name, row[i]!)
    })
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: {
        ...extra,
        id: `inspection-${line}`,
        ...kind,
        month: date.month,
        year,
        date: date.day === null ? `${year}-${String(date.month).padStart(2, '0')}` : dateCell,
        town_code: townCode,
        ...(village ? { village } : {}),
        location,
        user: true,
      },
    })
  })
  refused.sort((a, b) => a.line - b.line)
  const report: InspectionsReport = {
    year,
    rowsUsed: features.length,
    refused,
    unknownKinds,
    inspections: features.filter((f) => f.properties?.kind === 'inspection').length,
    cases: features.filter((f) => f.properties?.kind === 'case').length,
    placedByTownship,
    placedByVillage,
    noKindColumn: columns.kind < 0,
    yearAssumed,
  }
  return { collection: features.length ? { type: 'FeatureCollection', features } : null, report }
}
