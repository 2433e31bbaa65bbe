/**
 * Excel .xlsx with read-excel-file (its "universal" entry takes an ArrayBuffer and needs no DOM, so
 * it runs in the worker; loaded with a dynamic import, only for spreadsheets). One sheet is read —
 * the one asked for, or the first — and then goes through the same table logic as a CSV
 * (parse-delimited.ts): coordinate columns make points, a place column makes a table to join.
 *
 * What Excel does to a table, and the answer to each:
 *  - merged header cells leave empty header cells: named "column N", with a warning naming them;
 *  - formulas: their saved results are read; a formula saved without a result is read as empty,
 *    with a warning naming the cells (the file was written by a program that does not calculate);
 *  - dates stored as plain serial numbers (44927) in a date-like column: read as dates, with a warning;
 *  - a date-formatted cell holding a number past any date (Excel shows ####): read as empty, with a
 *    warning naming the cells;
 *  - an empty sheet: said so, naming the sheets that do hold data;
 *  - no worksheet at all (only chart sheets, or no tab): said so, naming the tabs, before read-excel-file is asked.
 */
import { failedSource, type ParsedSource } from './candidate'
import type { DelimitedRow } from './delimited-rows'
import type { ImportContext } from './import-context'
import { parseTableRows } from './parse-delimited'
import { listZipEntries, readZipEntry, type ZipEntry } from './zip-reader'
import { decodeEntities } from '../../domain/text/xml-dom'

type Cell = string | number | boolean | Date | null

const DATE_HEADER = /日期|时间|date|time|月份|month/i
/** 1900-01-01 … 2100-12-31 as Excel serial numbers: a plain number in this range may be a date. */
const SERIAL_RANGE: [number, number] = [1, 73415]

/** Serial 0 as read-excel-file converts it; a negative serial has no date in Excel. */
const FIRST_DATE = Date.UTC(1899, 11, 30)
/** Serial 2958466: the day after Excel's last date, 9999-12-31. */
const PAST_LAST_DATE = Date.UTC(10000, 0, 1)

/**
 * A date-formatted cell whose number Excel shows as ####: negative, or past 9999-12-31 (toISOString
 * would write "+010000-…"), or past what a Date can hold (an invalid Date, whose toISOString throws).
 */
function pastAnyDate(cell: Cell): boolean {
  if (!(cell instanceof Date)) return false
  const time = cell.getTime()
  return !(time >= FIRST_DATE && time < PAST_LAST_DATE)
}

function isoDate(date: Date): string {
  if (pastAnyDate(date)) return '' // read as empty, named in a warning
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ')
}

/** Excel's serial day (1900 system, with its phantom 1900-02-29) to a date. */
export function excelSerialToIso(serial: number): string {
  const days = serial > 59 ? serial - 1 : serial
  return isoDate(new Date(Date.UTC(1899, 11, 31) + Math.round(days * 86400) * 1000))
}

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return isoDate(cell)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return String(cell)
}

/** 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

/** The first five cell names, then `more` if there are others. */
function cellList(cells: readonly string[], separator: string, more: string): string {
  return `${cells.slice(0, 5).join(separator)}${cells.length > 5 ? more : ''}`
}

interface ListedSheet {
  name: string
  /** The relationship Type's last segment: worksheet, chartsheet, dialogsheet, macrosheet; undefined without one. */
  kind: string | undefined
  /** The part's zip path; undefined without a relationship. */
  path: string | undefined
}

/**
 * The workbook's tabs in order, found as read-excel-file finds them: each named <sheet> in xl/workbook.xml, its
 * relationship in xl/_rels/workbook.xml.rels, the target relative to xl/ (or from the root when it starts with /).
 * Null when either file is missing (read-excel-file then names it).
 */
async function listedSheets(bytes: Uint8Array, entries: readonly ZipEntry[]): Promise<ListedSheet[] | null> {
  const text = async (name: string) => {
    const entry = entries.find((e) => e.name === name)
    return entry ? new TextDecoder().decode(await readZipEntry(bytes, entry)) : null
  }
  const workbook = await text('xl/workbook.xml')
  const rels = await text('xl/_rels/workbook.xml.rels')
  if (workbook === null || rels === null) return null
  const relationships = [...rels.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)].map((match) => match[0])
  return [...workbook.matchAll(/<(?:[\w.-]+:)?sheet\s[^>]*>/g)].flatMap(([tag]) => {
    const name = tag.match(/\sname="([^"]+)"/)?.[1]
    if (name === undefined) return []
    const id = tag.match(/\s(?:[\w.-]+:)?id="([^"]*)"/)?.[1]
    const relationship = relationships.find((r) => id !== undefined && r.match(/\sId="([^"]*)"/)?.[1] === id)
    const type = relationship?.match(/\sType="([^"]*)"/)?.[1]
    const target = relationship?.match(/\sTarget="([^"]*)"/)?.[1]
    const path = target === undefined ? undefined : target.startsWith('/') ? target.slice(1) : `xl/${target}`
    return [{ name: decodeEntities(name), kind: type?.slice(type.lastIndexOf('/') + 1), path }]
  })
}

/**
 * The zip path of the workbook's sheet at `sheetIndex` (its place among the tabs, see listedSheets).
 * Not `sheet${index + 1}.xml`: tabs moved or deleted, or a chart sheet, leave other numbers.
 */
async function sheetPath(bytes: Uint8Array, entries: readonly ZipEntry[], sheetIndex: number) {
  return (await listedSheets(bytes, entries))?.[sheetIndex]?.path
}

/**
 * A workbook without a worksheet — no tab at all, or only chart sheets (or dialog or macro sheets) — told as such:
 * read-excel-file fails on it with its own internal error ("readFiles(...).then is not a function"). Null when the
 * workbook lists a worksheet, or cannot be looked into (read-excel-file then says what is wrong).
 */
async function withoutWorksheet(bytes: Uint8Array): Promise<{ found: string; zh: string; en: string } | null> {
  let sheets: ListedSheet[] | null
  try {
    sheets = await listedSheets(bytes, listZipEntries(bytes))
  } catch {
    return null
  }
  if (!sheets || sheets.some((sheet) => sheet.kind === 'worksheet')) return null
  if (sheets.length === 0)
    return { found: 'no sheets', zh: '工作簿中没有任何工作表', en: 'the workbook has no sheet at all' }
  const charts = sheets.filter((sheet) => sheet.kind === 'chartsheet').map((sheet) => sheet.name)
  const others = sheets.filter((sheet) => sheet.kind !== 'chartsheet').map((sheet) => sheet.name)
  const english = (names: string[], one: string, many: string) =>
    names.length === 0 ? [] : [`${names.length === 1 ? one : `${names.length} ${many}`}: ${names.join(', ')}`]
  const chinese = (names: string[], kind: string) => (names.length === 0 ? [] : [`${kind}：${names.join('、')}`])
  const en = [
    ...english(charts, 'a chart sheet', 'chart sheets'),
    ...english(others, 'a sheet of another kind', 'sheets of other kinds'),
  ].join('; ')
  const zh = [...chinese(charts, '图表工作表'), ...chinese(others, '其他类型的表')].join('；')
  return {
    found: en,
    zh: `工作簿中没有含数据的工作表（只有${zh}）`,
    en: `the workbook has no worksheet with data (only ${en})`,
  }
}

/** Cells whose formula was saved without a result, e.g. "B3"; read from the sheet's XML. */
async function formulasWithoutValue(bytes: Uint8Array, sheetIndex: number): Promise<string[]> {
  const entries = listZipEntries(bytes)
  const path = await sheetPath(bytes, entries, sheetIndex)
  const entry = entries.find((e) => e.name === path)
  if (!entry) return []
  const xml = new TextDecoder().decode(await readZipEntry(bytes, entry))
  const cells: string[] = []
  // A cell is <c …>…</c>, or <c …/> when empty (a formatted blank): the body of one must not run on into the next.
  for (const match of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
    const body = match[2] ?? ''
    if (/<f[\s>/]/.test(body) && !/<v>[^<]+<\/v>/.test(body)) cells.push(match[1]!)
  }
  return cells
}

function warn(context: ImportContext, found: string, expected: string, zh: string, en: string) {
  context.problems.add({ severity: 'warning', found, expected, message: { zh, en } })
}

export async function parseXlsx(bytes: Uint8Array, sheetName: string | undefined, context: ImportContext) {
  context.progress('parsing', 0)
  const noWorksheet = await withoutWorksheet(bytes)
  if (noWorksheet) {
    const { found, zh, en } = noWorksheet
    context.problems.add({
      severity: 'error',
      found,
      expected: 'a worksheet with a header row and data rows',
      message: { zh, en },
    })
    return { source: failedSource(), sheets: undefined }
  }
  const { default: readXlsxFile } = await import('read-excel-file/universal')
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  let sheets: { sheet: string; data: Cell[][] }[]
  try {
    const read = (await readXlsxFile(buffer)) as unknown as { sheet: string; data?: Cell[][] }[]
    // A chart sheet (a tab holding only a chart) has no worksheet part: the reader gives it no data.
    sheets = read.map((s) => ({ sheet: s.sheet, data: s.data ?? [] }))
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    context.problems.add({
      severity: 'error',
      found: reason.slice(0, 80),
      expected: 'a readable .xlsx workbook',
      message: { zh: `无法读取 Excel 工作簿：${reason}`, en: `the Excel workbook cannot be read: ${reason}` },
    })
    return { source: failedSource(), sheets: undefined }
  }
  const names = sheets.map((sheet) => sheet.sheet)
  const index = Math.max(0, sheetName === undefined ? 0 : names.indexOf(sheetName))
  const sheet = sheets[index]
  const chosen = { names, chosen: sheet?.sheet ?? '' }
  const rows = (sheet?.data ?? []).filter((row) => row.some((cell) => cellText(cell).trim() !== ''))
  if (!sheet || rows.length === 0) {
    const others = sheets.filter((s) => s.data.some((row) => row.some((cell) => cellText(cell).trim() !== '')))
    const withData = others.map((s) => s.sheet)
    const zhHint = withData.length ? `；有数据的工作表：${withData.join('、')}` : ''
    const enHint = withData.length ? `; sheets with data: ${withData.join(', ')}` : ''
    context.problems.add({
      severity: 'error',
      found: 'empty sheet',
      expected: 'a header row and data rows',
      message: {
        zh: `工作表“${chosen.chosen}”是空的${zhHint}`,
        en: `the sheet "${chosen.chosen}" is empty${enHint}`,
      },
    })
    return { source: failedSource(), sheets: chosen }
  }
  const width = Math.max(...sheet.data.map((row) => row.length))
  const firstRow = sheet.data.findIndex((row) => row.some((cell) => cellText(cell).trim() !== ''))
  const header = Array.from({ length: width }, (_, i) => cellText(sheet.data[firstRow]![i] ?? null).trim())
  const lastNamed = header.reduce((last, name, i) => (name ? i : last), -1)
  const blank = header.slice(0, lastNamed).flatMap((name, i) => (name ? [] : [i + 1]))
  if (blank.length > 0)
    warn(
      context,
      `empty header cells: ${blank.join(', ')}`,
      'a name in every header cell',
      `表头第 ${blank.join('、')} 列为空（合并单元格？）；这些列命名为“column N”。请取消合并，每列一个列名`,
      `header cells ${blank.join(', ')} are empty (merged cells?); those columns are named "column N". Unmerge ` +
        `them: one name per column`,
    )

  // Serial-number dates: a date-like column whose values are all whole numbers in Excel's date range.
  const serialColumns = header.flatMap((name, column) => {
    if (!DATE_HEADER.test(name)) return []
    const values = sheet.data
      .slice(firstRow + 1)
      .map((row) => row[column] ?? null)
      .filter((c) => c !== null && c !== '')
    const serial =
      values.length > 0 &&
      values.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= SERIAL_RANGE[0] && v <= SERIAL_RANGE[1])
    return serial ? [column] : []
  })
  for (const column of serialColumns) {
    const example = sheet.data.slice(firstRow + 1).find((row) => typeof row[column] === 'number')![column] as number
    warn(
      context,
      `${header[column]}: ${example}`,
      'dates',
      `列“${header[column]}”是 Excel 日期序号（如 ${example}），已按日期读取（${excelSerialToIso(example)}）`,
      `column "${header[column]}" holds Excel serial dates (e.g. ${example}); read as dates ` +
        `(${excelSerialToIso(example)})`,
    )
  }
  const missing = await formulasWithoutValue(bytes, index)
  if (missing.length > 0)
    warn(
      context,
      missing.slice(0, 5).join(', '),
      'saved formula results',
      `单元格 ${cellList(missing, '、', ' 等')} 是公式但没有保存计算结果，读为空；请在 Excel 中打开、保存后再导入`,
      `cells ${cellList(missing, ', ', ' and more')} are formulas saved ` +
        `without a result and were read as empty; open and save the file in Excel, then import again`,
    )
  const pastDates = sheet.data.flatMap((row, r) =>
    row.flatMap((cell, column) => (pastAnyDate(cell) ? [`${columnName(column)}${r + 1}`] : [])),
  )
  if (pastDates.length > 0)
    warn(
      context,
      pastDates.slice(0, 5).join(', '),
      'dates in date-formatted cells',
      `单元格 ${cellList(pastDates, '、', ' 等')} 设为日期格式，但数值超出任何日期（Excel 中显示为 ####），读为空；` +
        '请改为“常规”或“数值”格式后再导入',
      `cells ${cellList(pastDates, ', ', ' and more')} are formatted as dates but hold numbers past any date ` +
        '(Excel shows ####) and were read as empty; format them as General or Number, then import again',
    )

  const delimited: DelimitedRow[] = sheet.data.map((row, i) => ({
    cells: Array.from({ length: width }, (_, column) => {
      const cell = row[column] ?? null
      return i > firstRow && serialColumns.includes(column) && typeof cell === 'number'
        ? excelSerialToIso(cell)
        : cellText(cell)
    }),
    line: i + 1,
    end: i + 1,
    unclosedQuote: false,
  }))
  const source: ParsedSource = await parseTableRows(
    { open: () => delimited[Symbol.iterator](), total: delimited.length, delimiter: '' },
    context,
  )
  return { source, sheets: chosen }
}
