/**
 * CSV/TSV text to point candidates. The coordinate columns are found by name (case-insensitive:
 * lng/lat, lon/lat, long/lat, longitude/latitude, x/y, 经度/纬度, 东经/北纬); every other column
 * becomes a property, as text unless the whole column is numbers. Line numbers count the header
 * as line 1, as a spreadsheet shows them.
 */
import { dmsToDegrees } from '../../domain/geometry/dms'
import { CandidateList, failedSource, type ParsedSource } from './candidate'
import { findPlaceColumn } from '../tables/name-join'
import { recogniseTable } from '../tables/user-table'
import { MAX_TABLE_ROWS, reportJoinable, tableOf } from './import-table'
import { coordinateProblem, reportFileWarnings, reportNoCoordinateColumns } from './delimited-problems'
import { readDelimitedRows, type DelimitedRow } from './delimited-rows'
import type { ImportContext } from './import-context'
import { LATITUDE_NAMES, LONGITUDE_NAMES } from './coordinate-columns'

/** A plain decimal number, as a spreadsheet writes one: no thousands separators, no hex, no units. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
/** "0571", "007": codes whose leading zeros matter, so the column stays text. */
const LEADING_ZERO = /^[+-]?0\d/

export function parseDecimal(text: string): number | null {
  const trimmed = text.trim()
  if (!DECIMAL.test(trimmed)) return null
  const value = Number(trimmed)
  return Number.isFinite(value) ? value : null
}

/**
 * A coordinate cell: a decimal, a degree–minute–second text (`119°48′30″E`, `北纬29度09分30秒`), or,
 * in a `;`-separated file (where Europe's spreadsheets write decimal commas), `119,8`.
 */
export function parseCoordinate(text: string, delimiter: string): number | null {
  const decimal = parseDecimal(text)
  if (decimal !== null) return decimal
  if (delimiter === ';' && /^\s*[+-]?\d+,\d+\s*$/.test(text)) return parseDecimal(text.replace(',', '.'))
  return dmsToDegrees(text)
}

/** Index of the first header cell named like one of `names` (earlier names preferred). */
function findColumn(header: readonly string[], names: readonly string[]): number {
  const lower = header.map((name) => name.trim().toLowerCase())
  for (const name of names) {
    const index = lower.indexOf(name)
    if (index >= 0) return index
  }
  return -1
}

/** Unique, non-empty column names: "" → "column 3", a second "name" → "name_2". */
function propertyNames(header: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return header.map((raw, index) => {
    const base = raw.trim() || `column ${index + 1}`
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return count === 1 ? base : `${base}_${count}`
  })
}

function isEmptyRow(row: DelimitedRow): boolean {
  return row.cells.every((cell) => cell.trim() === '')
}

/** Per column: still numeric (every non-empty cell so far a decimal, not a zero-padded code), and seen a value. */
class NumericColumns {
  private readonly numeric: boolean[]
  private readonly seenValue: boolean[]

  constructor(columnCount: number, skip: ReadonlySet<number>) {
    this.numeric = Array.from({ length: columnCount }, (_, index) => !skip.has(index))
    this.seenValue = Array.from({ length: columnCount }, () => false)
  }

  observe(cells: readonly string[]): void {
    for (let index = 0; index < this.numeric.length; index++) {
      if (!this.numeric[index]) continue
      const cell = (cells[index] ?? '').trim()
      if (cell === '') continue
      this.seenValue[index] = true
      if (parseDecimal(cell) === null || LEADING_ZERO.test(cell)) this.numeric[index] = false
    }
  }

  isNumeric(index: number): boolean {
    return this.numeric[index]! && this.seenValue[index]!
  }
}

/**
 * Properties of one row. Plain assignment keeps one hidden class for all rows; "__proto__" is defined, not
 * assigned.
 */
function rowProperties(
  cells: readonly string[],
  names: readonly string[],
  skip: ReadonlySet<number>,
  numeric: NumericColumns,
): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (let index = 0; index < names.length; index++) {
    if (skip.has(index)) continue
    const cell = cells[index] ?? ''
    const value = numeric.isNumeric(index) ? parseDecimal(cell) : cell
    const name = names[index]!
    if (name === '__proto__')
      Object.defineProperty(properties, name, { value, enumerable: true, writable: true, configurable: true })
    else properties[name] = value
  }
  return properties
}

/** The rows of a table, read twice (pass 1 checks, pass 2 builds): a function that starts them again. */
export interface RowSource {
  open(): Iterator<DelimitedRow>
  /** What `row.end` counts up to, for progress. */
  total: number
  /** The cell separator (`;` lets a coordinate use a decimal comma); '' for spreadsheets. */
  delimiter: string
}

/** The first non-empty row, and the rows after it. */
function headerAndRows(source: RowSource): { header: DelimitedRow | null; rows: Iterator<DelimitedRow> } {
  const rows = source.open()
  // next() by hand: breaking out of a for…of would close the generator before the data rows.
  for (let next = rows.next(); !next.done; next = rows.next()) {
    if (!isEmptyRow(next.value)) return { header: next.value, rows }
  }
  return { header: null, rows }
}

function* remaining(rows: Iterator<DelimitedRow>): Generator<DelimitedRow> {
  for (let next = rows.next(); !next.done; next = rows.next()) yield next.value
}

export async function parseDelimitedText(
  text: string,
  delimiter: string,
  context: ImportContext,
): Promise<ParsedSource> {
  return parseTableRows({ open: () => readDelimitedRows(text, delimiter), total: text.length, delimiter }, context)
}

export async function parseTableRows(source: RowSource, context: ImportContext): Promise<ParsedSource> {
  const { delimiter } = source
  context.progress('parsing', 0)
  const first = headerAndRows(source)
  if (!first.header) {
    context.problems.add({
      severity: 'error',
      found: 'no header',
      expected: 'a header line',
      message: { zh: '文件没有内容', en: 'the file has no content' },
    })
    return failedSource()
  }
  const headerLine = first.header.line
  const header = first.header.cells.map((cell) => cell.trim())
  const names = propertyNames(header)
  const lngIndex = findColumn(header, LONGITUDE_NAMES)
  const latIndex = findColumn(header, LATITUDE_NAMES)
  const coordinateColumns = new Set([lngIndex, latIndex])
  const numeric = new NumericColumns(header.length, coordinateColumns)
  const hasCoordinates = lngIndex >= 0 && latIndex >= 0
  // Without coordinates the rows are kept as a table, for a join by place name (name-join.ts).
  // A readings or inspections table keeps them too (rows without coordinates are placed by their
  // station or township name: src/user-data/tables/readings-table.ts, inspections-table.ts).
  const tableRows: DelimitedRow[] = []
  const userTable = hasCoordinates && recogniseTable(names) !== null

  // Pass 1: coordinates, numeric columns, problems. Kept rows leave only their line and position.
  const keptLines: number[] = []
  const keptPositions: number[] = []
  let rejectedCount = 0
  let dataRows = 0
  let widthMismatch: { line: number; count: number } | null = null
  let unclosedQuoteLine: number | null = null
  for (const row of remaining(first.rows)) {
    if (dataRows % 2000 === 0) await context.checkpoint('parsing', row.end / source.total)
    if (row.unclosedQuote) unclosedQuoteLine = row.line
    if (isEmptyRow(row)) continue
    dataRows++
    if (row.cells.length !== header.length) {
      widthMismatch = widthMismatch
        ? { line: widthMismatch.line, count: widthMismatch.count + 1 }
        : { line: row.line, count: 1 }
    }
    if (!hasCoordinates || userTable) {
      if (tableRows.length < MAX_TABLE_ROWS) tableRows.push(row)
      if (!hasCoordinates) continue
    }
    const lng = parseCoordinate(row.cells[lngIndex] ?? '', delimiter)
    const lat = parseCoordinate(row.cells[latIndex] ?? '', delimiter)
    if (lng === null || lat === null) {
      rejectedCount++
      if (lng === null) coordinateProblem(context, row.line, header[lngIndex]!, row.cells[lngIndex])
      else coordinateProblem(context, row.line, header[latIndex]!, row.cells[latIndex])
      continue
    }
    keptLines.push(row.line)
    keptPositions.push(lng, lat)
    numeric.observe(row.cells)
  }
  context.progress('parsing', 1)

  if (!hasCoordinates) {
    const usable = findPlaceColumn(names) ?? recogniseTable(names)
    if (!usable) {
      reportNoCoordinateColumns(context, header, headerLine)
      return failedSource(dataRows)
    }
    reportJoinable(context, header, headerLine)
    return { ...failedSource(dataRows), table: tableOf(names, tableRows) }
  }
  reportFileWarnings(context, header.length, widthMismatch, unclosedQuoteLine)
  await context.pause()

  // Pass 2: the same rows again, in the same order; build the kept ones.
  const candidates = new CandidateList()
  let next = 0
  for (const row of remaining(source.open())) {
    if (next >= keptLines.length) break
    if (row.line !== keptLines[next]) continue
    if (next % 5000 === 0) await context.checkpoint('validating', next / keptLines.length)
    const coordinates = [keptPositions[2 * next]!, keptPositions[2 * next + 1]!]
    const properties = rowProperties(row.cells, names, coordinateColumns, numeric)
    candidates.push(
      { type: 'Feature', properties, geometry: { type: 'Point', coordinates } },
      { featureIndex: null, line: row.line },
    )
    next++
  }
  context.progress('validating', 1)
  return { candidates, rejectedCount, failed: false, ...(userTable ? { table: tableOf(names, tableRows) } : {}) }
}
