/**
 * Every import template, written as .xlsx by write-excel-file, read back through the app's own import
 * path (importBytes → parse-xlsx → read-excel-file): the first sheet gives the same header and example
 * row as the CSV template, and the notes sheet names every column.
 */
import { describe, expect, it } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { templateXlsx } from '../../../../src/user-data/templates/template-xlsx'
import {
  IMPORT_TEMPLATES,
  templateCsv,
  templateFileName,
  templateWorkbook,
} from '../../../../src/user-data/templates/import-templates'

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer())
const run = (bytes: Uint8Array, sheet?: string) =>
  importBytes(bytes, { fileName: 't.xlsx', declaredCrs: 'auto', ...(sheet ? { sheet } : {}) })

describe('import templates as .xlsx', () => {
  it.each(IMPORT_TEMPLATES.map((template) => [template.kind, template] as const))(
    '%s reads back: header and example row, and the importer answers as for the CSV template',
    async (_kind, template) => {
      const bytes = await bytesOf(await templateXlsx(template, 'zh'))
      expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]) // a zip: "PK"
      // The cells, read the way parse-xlsx reads them.
      const { default: readXlsxFile } = await import('read-excel-file/universal')
      const sheets = (await readXlsxFile(bytes.buffer as ArrayBuffer)) as unknown as {
        sheet: string
        data: unknown[][]
      }[]
      expect(sheets.map((sheet) => sheet.sheet)).toEqual(['模板', '说明'])
      expect(sheets[0]!.data[0]).toEqual(template.columns.map((column) => column.name))
      expect(sheets[0]!.data.slice(1).map((row) => row.map(String))).toEqual([
        template.columns.map((column) => column.example),
      ])
      // The whole import path: the same answer as the CSV template without its note row.
      const fromXlsx = await importBytes(bytes, { fileName: 't.xlsx', declaredCrs: 'auto' })
      const csv = templateCsv(template, 'zh')
        .split('\r\n')
        .filter((line) => !line.startsWith('#'))
        .join('\r\n')
      const fromCsv = await importBytes(new TextEncoder().encode(csv), { fileName: 't.xlsx', declaredCrs: 'auto' })
      expect(fromXlsx.sheets).toEqual({ names: ['模板', '说明'], chosen: '模板' })
      expect(fromXlsx.ok).toBe(fromCsv.ok)
      expect(fromXlsx.featureCount).toBe(fromCsv.featureCount)
      expect(fromXlsx.table).toEqual(fromCsv.table)
      expect(fromXlsx.data?.features).toEqual(fromCsv.data?.features)
      expect(fromXlsx.problems.map((p) => p.message)).toEqual(fromCsv.problems.map((p) => p.message))
      // Every template's example row arrives: as a point, as a table row, or (a readings or inspections
      // table with coordinates) as both, the rows kept for the table offer.
      expect(Math.max(fromXlsx.featureCount, fromXlsx.table?.rows.length ?? 0)).toBe(1)
    },
  )
  it('the notes sheet has a row per column, in the language asked for', async () => {
    const template = IMPORT_TEMPLATES[4]!
    const result = await run(await bytesOf(await templateXlsx(template, 'en')), 'Notes')
    expect(result.sheets).toEqual({ names: ['Template', 'Notes'], chosen: 'Notes' })
    const notes = templateWorkbook(template, 'en')[1]!.rows
    expect(notes.slice(1, 1 + template.columns.length).map((row) => row[0])).toEqual(
      template.columns.map((column) => column.name),
    )
    expect(notes[1]![1]).toBe('point name')
  })
  it('is named like the CSV, with .xlsx', () => {
    expect(templateFileName(IMPORT_TEMPLATES[0]!, 'xlsx')).toBe('模板-乡镇指标.xlsx')
  })
})
