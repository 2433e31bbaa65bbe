/**
 * A table without coordinate columns is not a failure when it names places: its rows travel back
 * to the page as a table, to be joined to the townships or villages by name (src/user-data/tables/name-join.ts).
 */
import { findPlaceColumn } from '../tables/name-join'
import { truncateForDisplay } from './import-issues'
import type { DelimitedRow } from './delimited-rows'
import type { ImportContext } from './import-context'

import type { ImportTable } from './types'

export type { ImportTable }

/** More rows than a district has villages many times over; the rest are counted, not kept. */
export const MAX_TABLE_ROWS = 100_000

export function tableOf(names: readonly string[], rows: readonly DelimitedRow[]): ImportTable {
  return {
    header: [...names],
    rows: rows.map((row) => row.cells.map((cell) => cell.trim())),
    lines: rows.map((row) => row.line),
  }
}

/** The warning that replaces "no coordinate columns" when a place column can join the table. */
export function reportJoinable(context: ImportContext, header: readonly string[], line: number): void {
  const place = findPlaceColumn(header)
  if (!place) {
    // Kept without a place column only as readings (parse-delimited.ts keeps a table a place column or
    // recogniseTable finds usable; an inspections table needs coordinates or a place column, and the join
    // reads the same place columns: src/user-data/tables/place-headers.ts): readings name stations, not places.
    context.problems.add({
      severity: 'warning',
      line,
      field: 'header',
      code: 'table-without-coordinates',
      found: truncateForDisplay(header.join(', ')),
      expected: 'coordinate columns, or a place column to join',
      message: {
        zh: '没有坐标列；表格为监测读数，可用作监测读数（按站点名称定位）',
        en: 'no coordinate columns; the table holds readings and can be used as readings (stations placed by name)',
      },
    })
    return
  }
  const column = header[place.index]!
  context.problems.add({
    severity: 'warning',
    line,
    field: 'header',
    code: 'table-without-coordinates',
    found: truncateForDisplay(header.join(', ')),
    expected: 'coordinate columns, or a place column to join',
    message: {
      zh: `没有坐标列；可按“${column}”列的${place.kind === 'town' ? '乡镇（街道）' : '村（社区）'}名称连接到地图`,
      en:
        `no coordinate columns; the table can be joined to the map by the ` +
        `${place.kind === 'town' ? 'township' : 'village'} names in "${column}"`,
    },
  })
}
