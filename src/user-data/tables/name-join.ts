/**
 * A table without coordinates joined to the map by place name: a 乡镇/街道 column (names or codes)
 * joins each row to one of the 11 townships; a 村/社区 column joins it to one of the 361 villages
 * and through it to its township. Numeric columns become township indicators.
 *
 * Duplicates, decided here once:
 *  - a township table with two rows for the same township: the first row is used, the later ones
 *    are refused and listed (never summed: a ledger's second row for a township is far more often a
 *    subtotal or a copied line than a part to add);
 *  - a village table: the villages' values are summed into their township (that is what a village
 *    ledger means), but a second row for the same village is refused and listed like the above.
 * Every refused row is reported with its line, and unmatched ones with the closest names.
 * Pure TypeScript.
 */
import {
  closestNames,
  matchTown,
  matchVillage,
  townKey,
  villageKey,
  type Gazetteer,
} from '../../domain/places/place-names'
import { placeHeaders } from './place-headers'

export type PlaceColumnKind = 'town' | 'village'

export interface PlaceColumn {
  index: number
  kind: PlaceColumnKind
  /** For a village join, a township column that narrows names found in two townships. */
  townIndex: number | null
}

export interface JoinTable {
  /** Column names, unique. */
  header: string[]
  rows: string[][]
  /** 1-based line (CSV) or row (sheet) of each row, for messages. */
  lines: number[]
}

export interface JoinRowProblem {
  line: number
  value: string
  kind: 'unmatched' | 'duplicate' | 'ambiguous' | 'empty'
  /** Unmatched or ambiguous: the closest or candidate names. */
  suggestions: string[]
  /** Duplicate: the line whose value was kept. */
  firstLine?: number
}

export interface JoinedColumn {
  name: string
  /** Township code → value; townships without a row are absent. */
  values: Record<string, number>
}

export interface JoinResult {
  column: PlaceColumn
  matchedRows: number
  /** Township code → how many rows went into it. */
  rowsPerTown: Record<string, number>
  problems: JoinRowProblem[]
  columns: JoinedColumn[]
}

/**
 * The place column of a header (which headers name a place: place-headers.ts): a village column wins
 * (finer), with a township column beside it if any.
 */
export function findPlaceColumn(header: readonly string[]): PlaceColumn | null {
  const { town, village } = placeHeaders(header)
  if (village >= 0) return { index: village, kind: 'village', townIndex: town >= 0 ? town : null }
  if (town >= 0) return { index: town, kind: 'town', townIndex: null }
  return null
}

/** Codes and row numbers are numbers but not indicators. */
const IDENTIFIER_HEADER = /代码|编码|编号|序号|^id$|code|^no\.?$/i

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

function numberOf(cell: string): number | null {
  const text = cell.trim().replace(/(\d),(?=\d{3}\b)/g, '$1')
  return DECIMAL.test(text) ? Number(text) : null
}

/** Columns (other than the place columns) whose every non-empty cell in the matched rows is a number. */
function numericColumns(table: JoinTable, matched: readonly number[], skip: ReadonlySet<number>): number[] {
  const result: number[] = []
  for (let column = 0; column < table.header.length; column++) {
    if (skip.has(column)) continue
    let seen = false
    let numeric = true
    for (const row of matched) {
      const cell = (table.rows[row]![column] ?? '').trim()
      if (cell === '') continue
      seen = true
      if (numberOf(cell) === null || /^0\d/.test(cell)) numeric = false
    }
    if (seen && numeric) result.push(column)
  }
  return result
}

export function joinTable(table: JoinTable, gazetteer: Gazetteer, column: PlaceColumn): JoinResult {
  const problems: JoinRowProblem[] = []
  const townOfRow = new Map<number, string>()
  const firstLineOf = new Map<string, number>()
  const townNames = gazetteer.towns.map((town) => town.name)
  const villageNames = gazetteer.villages.map((village) => village.name)

  table.rows.forEach((cells, row) => {
    const line = table.lines[row]!
    const value = (cells[column.index] ?? '').trim()
    if (value === '') {
      problems.push({ line, value, kind: 'empty', suggestions: [] })
      return
    }
    let townCode: string | null
    let key: string
    if (column.kind === 'town') {
      townCode = matchTown(gazetteer, value)
      key = townCode ?? ''
      if (!townCode)
        problems.push({ line, value, kind: 'unmatched', suggestions: closestNames(value, townNames, townKey) })
    } else {
      const narrowing = column.townIndex === null ? null : matchTown(gazetteer, cells[column.townIndex] ?? '')
      const { village, ambiguous } = matchVillage(gazetteer, value, narrowing)
      townCode = village?.townCode ?? null
      key = village?.code ?? ''
      if (!village && ambiguous.length > 1) {
        const towns = ambiguous.map(
          (v) => `${v.name}（${gazetteer.towns.find((t) => t.code === v.townCode)?.name ?? v.townCode}）`,
        )
        problems.push({ line, value, kind: 'ambiguous', suggestions: towns })
      } else if (!village) {
        problems.push({ line, value, kind: 'unmatched', suggestions: closestNames(value, villageNames, villageKey) })
      }
    }
    if (!townCode) return
    const first = firstLineOf.get(key)
    if (first !== undefined) {
      problems.push({ line, value, kind: 'duplicate', suggestions: [], firstLine: first })
      return
    }
    firstLineOf.set(key, line)
    townOfRow.set(row, townCode)
  })

  const matched = [...townOfRow.keys()]
  const skip = new Set([column.index, ...(column.townIndex === null ? [] : [column.townIndex])])
  table.header.forEach((name, index) => {
    if (IDENTIFIER_HEADER.test(name.trim())) skip.add(index)
  })
  const rowsPerTown: Record<string, number> = {}
  for (const code of townOfRow.values()) rowsPerTown[code] = (rowsPerTown[code] ?? 0) + 1
  const columns = numericColumns(table, matched, skip).map((index) => {
    const values: Record<string, number> = {}
    for (const row of matched) {
      const value = numberOf(table.rows[row]![index] ?? '')
      if (value === null) continue
      const code = townOfRow.get(row)!
      values[code] = (values[code] ?? 0) + value
    }
    return { name: table.header[index]!, values }
  })
  problems.sort((a, b) => a.line - b.line)
  return { column, matchedRows: matched.length, rowsPerTown, problems, columns }
}
