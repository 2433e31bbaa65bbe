/**
 * A table without coordinate columns is not a failure when it names places: its rows travel back
 * to the page as a table, to be joined to the townships or villages by name (src/user-data/tables/name-join.ts).
 */
import { findPlaceColumn } from '../tables/name-join'
import { recogniseTable } from '../tables/user-table'
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
    // A readings table names stations, not places: it is offered as readings (src/user-data/tables/readings-table.ts).
    // An inspections table is told so (src/user-data/tables/inspections-table.ts). One placed by a township or
    // village column has a place column the join reads too (src/user-data/tables/place-headers.ts): the note below.
    const inspections = recogniseTable(header) === 'inspections'
    context.problems.add({
      severity: 'warning',
      line,
      field: 'header',
      code: 'table-without-coordinates',
      found: truncateForDisplay(header.join(', ')),
      expected: 'coordinate columns, or a place column to join',
      message: inspections
        ? {
            zh: '没有坐标列；表格为执法检查记录，可用作执法检查（按乡镇或村名称定位）',
            en:
              'no coordinate columns; the table holds inspections and can be used as inspections ' +
              '(placed by township or village name)',
          }
        : {
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
