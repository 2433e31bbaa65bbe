/**
 * Every import template, written as .xlsx by write-excel-file, read back through the app's own import
 * path (importBytes → parse-xlsx → read-excel-file): the first sheet gives the same header and example
 * row as the CSV template, and the notes sheet names every column.
 */
import { strFromU8, unzipSync } from 'fflate'
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
/** The workbook's parts as XML text, by path ("xl/worksheets/sheet1.xml"). */
const partsOf = async (blob: Blob) => {
  const files = unzipSync(await bytesOf(blob))
  return (path: string) => strFromU8(files[path]!)
}
/** A sheet's column widths, as Excel reads them from <cols>. */
const widthsOf = (sheet: string) => [...sheet.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]))
/** For each row of a sheet, whether each of its cells is in a bold font (through styles.xml). */
const boldCells = (sheet: string, styles: string) => {
  const fonts = [...styles.match(/<fonts[^>]*>(.*?)<\/fonts>/s)![1]!.matchAll(/<font>(.*?)<\/font>/gs)]
  const bold = fonts.map((m) => m[1]!.includes('<b/>'))
  const formats = [...styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)![1]!.matchAll(/<xf\b([^>]*)>/g)]
  const fontOf = formats.map((m) => Number(/fontId="(\d+)"/.exec(m[1]!)?.[1] ?? 0))
  return [...sheet.matchAll(/<row\b[^>]*?(?:\/>|>(.*?)<\/row>)/gs)].map((row) =>
    [...(row[1] ?? '').matchAll(/<c\b([^>]*)>/g)].map((c) => bold[fontOf[Number(/ s="(\d+)"/.exec(c[1]!)?.[1] ?? 0)]!]),
  )
}
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
  it('sizes each column to its longest cell, a Chinese character counting two, from 8 to 60, plus 2', async () => {
    const points = IMPORT_TEMPLATES.find((t) => t.kind === 'points')!
    const zh = await partsOf(await templateXlsx(points, 'zh'))
    // 曹宅镇污水处理站: 8 characters, 16 wide; 污水处理 and 42 pad to 8; 119.75057 is 9 wide.
    expect(widthsOf(zh('xl/worksheets/sheet1.xml'))).toEqual([18, 10, 10, 11, 10])
    // The column names pad to 8 (the closing note, one long cell, sets no width); the longest note,
    // "WGS84 纬度，小数度，或 北纬29度12分16秒", is 39 wide; the longest example 16.
    expect(widthsOf(zh('xl/worksheets/sheet2.xml'))).toEqual([10, 41, 18])
    const readings = IMPORT_TEMPLATES.find((t) => t.kind === 'readings')!
    const en = await partsOf(await templateXlsx(readings, 'en'))
    // The English date note, over a hundred characters, is held to 60.
    expect(widthsOf(en('xl/worksheets/sheet2.xml'))).toEqual([10, 62, 12])
  })
  it('writes the header row in bold and keeps it in view, the rows under it plain', async () => {
    const points = IMPORT_TEMPLATES.find((t) => t.kind === 'points')!
    const part = await partsOf(await templateXlsx(points, 'en'))
    const styles = part('xl/styles.xml')
    for (const sheet of ['sheet1', 'sheet2'])
      expect(part(`xl/worksheets/${sheet}.xml`)).toMatch(/<pane ySplit="1"[^>]*state="frozen"/)
    expect(boldCells(part('xl/worksheets/sheet1.xml'), styles)).toEqual([Array(5).fill(true), Array(5).fill(false)])
    expect(boldCells(part('xl/worksheets/sheet2.xml'), styles)).toEqual([
      [true, true, true],
      ...points.columns.map(() => [false, false, false]),
      [],
      [false],
    ])
  })
  it('is named like the CSV, with .xlsx', () => {
    expect(templateFileName(IMPORT_TEMPLATES[0]!, 'xlsx')).toBe('模板-乡镇指标.xlsx')
  })
})
