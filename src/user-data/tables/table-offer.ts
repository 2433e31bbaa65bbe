/**
 * What a table the user brought can stand in for: readings (station × month) or inspections (date,
 * kind, place), recognised by its headers, converted with a report of what was used and refused.
 * The import dialog shows the report; the datasets store puts the converted points in place of the
 * sample on the user's word. Pure TypeScript.
 */
import type { FeatureCollection } from 'geojson'
import type { Gazetteer } from '../../domain/places/place-names'
import type { ImportResult } from '../import/types'
import { inspectionsFromTable } from './inspections-table'
import { readingsFromTable } from './readings-table'
import { recogniseTable, tableFromPoints } from './user-table'

const TABLE_FORMATS = ['csv', 'tsv', 'xlsx']

export type TableOffer =
  | { kind: 'readings'; converted: ReturnType<typeof readingsFromTable>; header: string[]; rows: number }
  | { kind: 'inspections'; converted: ReturnType<typeof inspectionsFromTable>; header: string[]; rows: number }

export interface TableOfferContext {
  gazetteer: Gazetteer
  /** A point inside each township's current geometry: rows placed by township name land there. */
  townPoints: ReadonlyMap<string, [number, number]>
  /** The built stations (kept aside while a replacement shows): the positions of named stations. */
  stations: FeatureCollection | null
}

/** The offer a result makes, or null when it is no readings or inspections table. */
export function tableOffer(result: ImportResult, context: TableOfferContext): TableOffer | null {
  // A large point set (over 50,000 rows, draw-budget.ts) stays a layer of its own: the worker keeps
  // at most MAX_TABLE_ROWS rows of a table, so a conversion could not use them all.
  if (result.points) return null
  const table =
    result.table ?? (result.data && TABLE_FORMATS.includes(result.format) ? tableFromPoints(result.data) : null)
  if (!table) return null
  const kind = recogniseTable(table.header)
  const shape = { header: table.header, rows: table.rows.length }
  if (kind === 'readings')
    return { kind, converted: readingsFromTable(table, context.stations, context.gazetteer), ...shape }
  if (kind === 'inspections')
    return { kind, converted: inspectionsFromTable(table, context.gazetteer, context.townPoints), ...shape }
  return null
}
