/**
 * An import template as an .xlsx workbook, written with write-excel-file (its "universal" entry
 * returns a Blob and needs no DOM). Loaded with a dynamic import when a person asks for a workbook,
 * so the writer (and fflate, which it zips with) stays out of the main bundle.
 */
import { templateWorkbook, type ImportTemplate } from './import-templates'

/** Characters to column width, counting a CJK character as two (what Excel's width unit roughly is). */
function textWidth(value: string | number): number {
  let width = 0
  for (const char of String(value)) width += char.charCodeAt(0) > 0x2e80 ? 2 : 1
  return width
}

export async function templateXlsx(template: ImportTemplate, lang: 'zh' | 'en'): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const sheets = templateWorkbook(template, lang).map((sheet) => {
    // The one-cell closing note of the notes sheet may overflow; it does not set a width.
    const tableRows = sheet.rows.filter((row) => row.length > 1)
    const widthOf = (column: number) =>
      Math.min(60, Math.max(8, ...tableRows.map((row) => textWidth(row[column] ?? ''))))
    const columnCount = Math.max(...sheet.rows.map((row) => row.length))
    return {
      sheet: sheet.name,
      stickyRowsCount: 1,
      columns: Array.from({ length: columnCount }, (_, column) => ({ width: widthOf(column) + 2 })),
      data: sheet.rows.map((row, rowIndex) =>
        row.map((value) => (rowIndex === 0 ? { value, fontWeight: 'bold' as const } : { value })),
      ),
    }
  })
  return writeXlsxFile(sheets).toBlob()
}
