// Excel .xlsx to table rows (parse-xlsx.ts): the sheet read (the first, or the one named), shared and inline
// strings, numbers, booleans, date cells, empty cells and columns past Z; a header with empty (merged) cells;
// serial-number dates in date-like columns, at and just past the edges of Excel's range; formulas saved without
// a result, named by cell; an empty sheet, naming the sheets with data; a workbook without a worksheet (none, or
// only chart sheets), naming what it holds; and a workbook that cannot be read.
import { strToU8, zipSync } from 'fflate'
import { describe, expect, test } from 'vitest'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { excelSerialToIso, parseXlsx } from '../../../../src/user-data/import/parse-xlsx'
import type { ImportProgress } from '../../../../src/user-data/import/types'
import { writeZip } from '../../../fixtures/support/zip-writer'

const NS = 'http://schemas.openxmlformats.org'
const MAIN = `${NS}/spreadsheetml/2006/main`
const REL = `${NS}/officeDocument/2006/relationships`
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** A cell as Excel writes it: text in shared strings, numbers and booleans in <v>, dates as numbers in a date style. */
type Cell =
  | string
  | number
  | boolean
  | null // no <c> element at all
  | { inline: string } // t="inlineStr", as some exporters write text
  | { date: number } // a serial number in a cell formatted as a date (style 1: numFmtId 14)
  | { xml: string } // the <c> element, written as given

interface Sheet {
  name: string
  rows: Cell[][]
  /** The worksheet part, relative to xl/ or from the root with a leading / (default worksheets/sheetN.xml). */
  part?: string
  /** A chart sheet: a tab holding only a chart, no cells (part chartsheets/sheetN.xml). */
  chart?: boolean
}

/** 0 → A, 25 → Z, 26 → AA, 27 → AB. */
function columnLetters(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A workbook of the given sheets; `missing` leaves out a sheet's part (the workbook still lists it). */
function workbook(sheets: readonly Sheet[], missing: readonly string[] = []): Uint8Array {
  const shared: string[] = []
  const cellXml = (cell: Cell, ref: string): string => {
    if (cell === null) return ''
    if (typeof cell === 'string') {
      if (!shared.includes(cell)) shared.push(cell)
      return `<c r="${ref}" t="s"><v>${shared.indexOf(cell)}</v></c>`
    }
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`
    if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`
    if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`
    if ('date' in cell) return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`
    return cell.xml
  }
  const kindOf = (sheet: Sheet) => (sheet.chart ? 'chartsheet' : 'worksheet')
  const partOf = (sheet: Sheet, i: number) =>
    sheet.part ?? (sheet.chart ? `chartsheets/sheet${i + 1}.xml` : `worksheets/sheet${i + 1}.xml`)
  const pathOf = (sheet: Sheet, i: number) => {
    const part = partOf(sheet, i)
    return part.startsWith('/') ? part.slice(1) : `xl/${part}`
  }
  const files: Record<string, string> = {}
  sheets.forEach((sheet, i) => {
    if (sheet.chart) {
      files[pathOf(sheet, i)] =
        `${HEAD}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><drawing r:id="rId1"/></chartsheet>`
      return
    }
    const rows = sheet.rows
      .map(
        (row, r) =>
          `<row r="${r + 1}">${row.map((cell, c) => cellXml(cell, `${columnLetters(c)}${r + 1}`)).join('')}</row>`,
      )
      .join('')
    files[pathOf(sheet, i)] = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`
  })
  for (const part of missing) delete files[`xl/${part}`]
  files['xl/workbook.xml'] =
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    sheets
      .map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    '</sheets></workbook>'
  files['xl/_rels/workbook.xml.rels'] =
    `${HEAD}<Relationships xmlns="${NS}/package/2006/relationships">` +
    sheets
      .map((sheet, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${kindOf(sheet)}" Target="${partOf(sheet, i)}"/>`)
      .join('') +
    `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`
  files['xl/sharedStrings.xml'] =
    `${HEAD}<sst xmlns="${MAIN}" count="${shared.length}" uniqueCount="${shared.length}">` +
    shared.map((value) => `<si><t>${escapeXml(value)}</t></si>`).join('') +
    '</sst>'
  files['xl/styles.xml'] =
    `${HEAD}<styleSheet xmlns="${MAIN}"><cellXfs count="2"><xf numFmtId="0"/>` +
    '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
  return writeZip(Object.entries(files).map(([name, body]) => ({ name, bytes: new TextEncoder().encode(body) })))
}

async function read(bytes: Uint8Array, sheet?: string) {
  const progress: ImportProgress[] = []
  const context = new ImportContext('t.xlsx', (event) => progress.push(event))
  const { source, sheets } = await parseXlsx(bytes, sheet, context)
  return {
    source,
    sheets,
    features: source.candidates.features,
    properties: source.candidates.features.map((feature) => feature.properties),
    problems: context.problems.toArray(),
    progress,
  }
}

const warning = (found: string, expected: string, zh: string, en: string) => ({
  severity: 'warning',
  file: 't.xlsx',
  featureIndex: null,
  line: null,
  field: '',
  found,
  expected,
  message: { zh, en },
})
const emptySheet = (zh: string, en: string) => ({
  ...warning('empty sheet', 'a header row and data rows', zh, en),
  severity: 'error',
})

describe('the sheet read', () => {
  const points = (name: string): Sheet => ({
    name,
    rows: [
      ['名称', '经度', '纬度'],
      [name, 119.75057, 29.20447],
    ],
  })

  test('the first sheet by default, the one named when asked, the first for a name not in the workbook', async () => {
    const bytes = workbook([points('曹宅镇'), points('孝顺镇')])
    const first = await read(bytes)
    expect(first.sheets).toEqual({ names: ['曹宅镇', '孝顺镇'], chosen: '曹宅镇' })
    expect(first.properties).toEqual([{ 名称: '曹宅镇' }])
    const named = await read(bytes, '孝顺镇')
    expect(named.sheets).toEqual({ names: ['曹宅镇', '孝顺镇'], chosen: '孝顺镇' })
    expect(named.properties).toEqual([{ 名称: '孝顺镇' }])
    const unknown = await read(bytes, '傅村镇')
    expect(unknown.sheets?.chosen).toBe('曹宅镇')
    expect(unknown.properties).toEqual([{ 名称: '曹宅镇' }])
  })

  test('a worksheet part not named sheetN.xml is read all the same', async () => {
    const { properties, problems } = await read(workbook([{ ...points('曹宅镇'), part: 'worksheets/points.xml' }]))
    expect(problems).toEqual([])
    expect(properties).toEqual([{ 名称: '曹宅镇' }])
  })

  test('a table below empty rows: its header is the first row with text, lines are the rows Excel shows', async () => {
    const { features, source, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [[], [null, null], ['名称', '经度', '纬度'], ['曹宅镇', 119.75057, 29.20447], ['孝顺镇', '东经', 29.1]],
        },
      ]),
    )
    expect(features).toEqual([
      {
        type: 'Feature',
        properties: { 名称: '曹宅镇' },
        geometry: { type: 'Point', coordinates: [119.75057, 29.20447] },
      },
    ])
    expect(source.candidates.originAt(0)).toEqual({ featureIndex: null, line: 4 })
    expect(source.rejectedCount).toBe(1)
    expect(problems.map((problem) => [problem.line, problem.field, problem.found])).toEqual([
      [5, 'column 经度', '东经'],
    ])
  })

  test('progress: parsing starts at 0 and moves with the rows read', async () => {
    const { progress } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '经度', '纬度'],
            ['曹宅镇', 119.75057, 29.20447],
            ['孝顺镇', 119.86984, 29.17997],
          ],
        },
      ]),
    )
    // The first data row is row 2 of 3: 2/3 of the way.
    expect(progress.slice(0, 3)).toEqual([
      { phase: 'parsing', fraction: 0 },
      { phase: 'parsing', fraction: 2 / 3 },
      { phase: 'parsing', fraction: 1 },
    ])
  })
})

describe('cell values', () => {
  test('shared and inline strings, numbers, booleans, date cells and empty cells', async () => {
    const { properties, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '经度', '纬度', '达标', '采样', '备注'],
            [{ inline: '曹宅镇' }, 119.75057, 29.20447, true, { date: 44927 }, null],
            ['孝顺镇', 119.86984, 29.17997, false, { date: 44927.5 }, '复查'],
          ],
        },
      ]),
    )
    expect(problems).toEqual([])
    expect(properties).toEqual([
      { 名称: '曹宅镇', 达标: 'TRUE', 采样: '2023-01-01', 备注: '' },
      { 名称: '孝顺镇', 达标: 'FALSE', 采样: '2023-01-01 12:00:00', 备注: '复查' },
    ])
  })

  test('columns past Z (AA, AB) keep their place', async () => {
    const header = Array.from({ length: 28 }, (_, i) => `c${columnLetters(i)}`)
    header[0] = '经度'
    header[1] = '纬度'
    const row: Cell[] = [119.75057, 29.20447, ...Array<Cell>(24).fill(null), '孝顺镇', 7]
    const { properties, problems } = await read(workbook([{ name: 'S', rows: [header, row] }]))
    expect(problems).toEqual([])
    expect(properties[0]).toMatchObject({ cZ: '', cAA: '孝顺镇', cAB: 7 })
    expect(Object.keys(properties[0]!)).toHaveLength(26)
  })
})

describe('the header', () => {
  test('empty header cells between names (merged cells) are named "column N", one warning names them', async () => {
    const { source, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['乡镇', '2022年', null, '2023年', null, '备注'],
            ['曹宅镇', 3, 4, 5, 6, '好'],
          ],
        },
      ]),
    )
    expect(problems[0]).toEqual(
      warning(
        'empty header cells: 3, 5',
        'a name in every header cell',
        '表头第 3、5 列为空（合并单元格？）；这些列命名为“column N”。请取消合并，每列一个列名',
        'header cells 3, 5 are empty (merged cells?); those columns are named "column N". Unmerge them: one name per ' +
          'column',
      ),
    )
    expect(source.table?.header).toEqual(['乡镇', '2022年', 'column 3', '2023年', 'column 5', '备注'])
  })

  test('an unnamed column after the last name (notes to the right of the table) is no merged header', async () => {
    const { properties, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '经度', '纬度'],
            ['曹宅镇', 119.75057, 29.20447, '见附件'],
          ],
        },
      ]),
    )
    expect(problems.filter((problem) => problem.expected === 'a name in every header cell')).toEqual([])
    expect(properties).toEqual([{ 名称: '曹宅镇', 'column 4': '见附件' }])
  })
})

describe('serial-number dates in a date-like column', () => {
  test("Excel's 1900 system, with its phantom 1900-02-29, at and around serial 59", () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01')
    expect(excelSerialToIso(59)).toBe('1900-02-28')
    expect(excelSerialToIso(60)).toBe('1900-02-28')
    expect(excelSerialToIso(61)).toBe('1900-03-01')
  })

  test('whole numbers from 1 to 73415 are read as dates, a warning per column; a blank cell is allowed', async () => {
    const { properties, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '经度', '纬度', '起始日期', '检查时间'],
            ['曹宅镇', 119.75057, 29.20447, 1, 44927],
            ['孝顺镇', 119.86984, 29.17997, 73415, null],
            ['傅村镇', 119.9, 29.2, 2, 44958],
          ],
        },
      ]),
    )
    expect(properties).toEqual([
      { 名称: '曹宅镇', 起始日期: '1900-01-01', 检查时间: '2023-01-01' },
      { 名称: '孝顺镇', 起始日期: '2100-12-31', 检查时间: '' },
      { 名称: '傅村镇', 起始日期: '1900-01-02', 检查时间: '2023-02-01' },
    ])
    expect(problems).toEqual([
      warning(
        '起始日期: 1',
        'dates',
        '列“起始日期”是 Excel 日期序号（如 1），已按日期读取（1900-01-01）',
        'column "起始日期" holds Excel serial dates (e.g. 1); read as dates (1900-01-01)',
      ),
      warning(
        '检查时间: 44927',
        'dates',
        '列“检查时间”是 Excel 日期序号（如 44927），已按日期读取（2023-01-01）',
        'column "检查时间" holds Excel serial dates (e.g. 44927); read as dates (2023-01-01)',
      ),
    ])
  })

  test('a column with 0, 73416, a fraction, text or a boolean among its numbers stays numbers', async () => {
    const { properties, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '经度', '纬度', '日期零', '日期上限', '日期小数', '日期文字', '日期真假'],
            ['曹宅镇', 119.75057, 29.20447, 0, 73416, 44927.5, 44927, 44927],
            ['孝顺镇', 119.86984, 29.17997, 44927, 44927, 44927, '待定', true],
          ],
        },
      ]),
    )
    expect(problems).toEqual([])
    expect(properties).toEqual([
      { 名称: '曹宅镇', 日期零: 0, 日期上限: 73416, 日期小数: 44927.5, 日期文字: '44927', 日期真假: '44927' },
      { 名称: '孝顺镇', 日期零: 44927, 日期上限: 44927, 日期小数: 44927, 日期文字: '待定', 日期真假: 'TRUE' },
    ])
  })

  test('a date-like column with no values at all is left alone', async () => {
    const { properties, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '经度', '纬度', '复查日期'],
            ['曹宅镇', 119.75057, 29.20447],
          ],
        },
      ]),
    )
    expect(problems).toEqual([])
    expect(properties).toEqual([{ 名称: '曹宅镇', 复查日期: '' }])
  })

  test('a table below empty rows: only the rows under its header count', async () => {
    const { properties } = await read(
      workbook([
        {
          name: 'S',
          rows: [[], ['名称', '经度', '纬度', '日期'], ['曹宅镇', 119.75057, 29.20447, 44927]],
        },
      ]),
    )
    expect(properties).toEqual([{ 名称: '曹宅镇', 日期: '2023-01-01' }])
  })
})

describe('formulas', () => {
  const header: Cell[] = ['乡镇', '经度', '纬度', '合计']
  const town = (row: number, total: Cell): Cell[] => ['曹宅镇', 119.7 + row / 100, 29.2, total]
  const formula = (xml: string): Cell => ({ xml })

  test('saved results are read; formulas saved without one are named by cell, five and "and more"', async () => {
    const rows: Cell[][] = [
      header,
      town(2, formula('<c r="D2"><f>1+1</f></c>')),
      [
        ...town(3, formula('<c r="D3"><f>6+6</f><v>12</v></c>')),
        ...Array<Cell>(22).fill(null),
        formula('<c r="AA3"><f>1</f></c>'),
      ],
      town(4, formula('<c s="0" r="D4"><f>1+1</f></c>')),
      town(5, formula('<c r="D5" s="0"><f t="shared" ref="D5:D6" si="0">1+1</f></c>')),
      town(6, formula('<c r="D6" s="0"><f t="shared" si="0"/></c>')),
      town(7, formula('<c r="D7"><f>1+6</f><v>7</v></c>')),
      town(8, 8),
      town(9, 9),
      town(10, formula('<c r="D10"><f>1+1</f></c>')),
    ]
    const { properties, problems } = await read(workbook([{ name: 'S', rows }]))
    expect(properties.map((p) => p!['合计'])).toEqual([null, 12, null, null, null, 7, 8, 9, null])
    expect(problems).toEqual([
      warning(
        'D2, AA3, D4, D5, D6',
        'saved formula results',
        '单元格 D2、AA3、D4、D5、D6 等 是公式但没有保存计算结果，读为空；请在 Excel 中打开、保存后再导入',
        'cells D2, AA3, D4, D5, D6 and more are formulas saved without a result and were read as empty; open and ' +
          'save the file in Excel, then import again',
      ),
    ])
  })

  test('exactly five formulas without a result: all named, no "and more"', async () => {
    const rows: Cell[][] = [header, ...[2, 3, 4, 5, 6].map((r) => town(r, formula(`<c r="D${r}"><f>1+1</f></c>`)))]
    const { problems } = await read(workbook([{ name: 'S', rows }]))
    expect(problems).toEqual([
      warning(
        'D2, D3, D4, D5, D6',
        'saved formula results',
        '单元格 D2、D3、D4、D5、D6 是公式但没有保存计算结果，读为空；请在 Excel 中打开、保存后再导入',
        'cells D2, D3, D4, D5, D6 are formulas saved without a result and were read as empty; open and save the ' +
          'file in Excel, then import again',
      ),
    ])
  })
})

describe('an empty sheet', () => {
  const data = (name: string, rows: Cell[][]): Sheet => ({ name, rows })

  test('is an error naming it and the sheets that hold data, even data with gaps in every row', async () => {
    const { source, sheets, problems } = await read(
      workbook([
        data('空表', []),
        data('数据', [
          ['乡镇', null, '数量'],
          ['曹宅镇', null, 1],
        ]),
        data('也空', []),
        data('汇总', [['合计', 1]]),
      ]),
    )
    expect(problems).toEqual([
      emptySheet(
        '工作表“空表”是空的；有数据的工作表：数据、汇总',
        'the sheet "空表" is empty; sheets with data: 数据, 汇总',
      ),
    ])
    expect(sheets).toEqual({ names: ['空表', '数据', '也空', '汇总'], chosen: '空表' })
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
    expect(source.candidates.length).toBe(0)
  })

  test('with no sheet holding data, the message says only that', async () => {
    const { problems } = await read(workbook([data('空表', []), data('也空', [[null, null]])]), '也空')
    expect(problems).toEqual([emptySheet('工作表“也空”是空的', 'the sheet "也空" is empty')])
  })
})

describe('a workbook that cannot be read', () => {
  const part = 'worksheets/a-worksheet-part-with-a-long-name-that-the-workbook-lists.xml'
  const reason = `"xl/${part}" file not found inside the \`.xlsx\` file`
  const broken = () => workbook([{ name: 'S', rows: [['名称']], part }], [part])

  test('is one error saying what the reader found (cut to 80 characters), and nothing is imported', async () => {
    const { source, sheets, problems, progress } = await read(broken())
    expect(reason.length).toBeGreaterThan(80)
    expect(problems).toEqual([
      {
        ...warning(
          reason.slice(0, 80),
          'a readable .xlsx workbook',
          `无法读取 Excel 工作簿：${reason}`,
          `the Excel workbook cannot be read: ${reason}`,
        ),
        severity: 'error',
      },
    ])
    expect(sheets).toBeUndefined()
    expect(source.failed).toBe(true)
    expect(source.candidates.length).toBe(0)
    expect(progress).toEqual([{ phase: 'parsing', fraction: 0 }])
  })

  test('through the import: not ok, no features, the same error', async () => {
    const result = await importBytes(broken(), { fileName: 't.xlsx', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: false, format: 'xlsx', featureCount: 0, data: null })
    expect(result.problems.map((problem) => [problem.severity, problem.message.en])).toEqual([
      ['error', `the Excel workbook cannot be read: ${reason}`],
    ])
  })

  test('a cell pointing past the shared strings: the reader names the row and column', async () => {
    const bad: Cell = { xml: '<c r="B2" t="s"><v>99</v></c>' }
    const { problems, sheets } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '数量'],
            ['曹宅镇', bad],
          ],
        },
      ]),
    )
    expect(problems.map((problem) => [problem.severity, problem.found, problem.message.en])).toEqual([
      [
        'error',
        '<c/> at row 2, col 2: VALUE_INVALID',
        'the Excel workbook cannot be read: <c/> at row 2, col 2: VALUE_INVALID',
      ],
    ])
    expect(sheets).toBeUndefined()
  })
})

describe('a date-formatted cell holding a number past any date (Excel shows ####)', () => {
  const pastAnyDate = { date: 330703108000 } // a township code typed into a date column
  const rows: Cell[][] = [
    ['名称', '经度', '纬度', '检查日期'],
    ['曹宅镇', 119.75057, 29.20447, pastAnyDate],
    ['孝顺镇', 119.86984, 29.17997, { date: 44927 }],
  ]
  const pastDates = (cells: string, zh: string, en: string) =>
    warning(
      cells,
      'dates in date-formatted cells',
      `单元格 ${zh} 设为日期格式，但数值超出任何日期（Excel 中显示为 ####），读为空；请改为“常规”或“数值”格式后再导入`,
      `cells ${en} are formatted as dates but hold numbers past any date (Excel shows ####) and were read as ` +
        'empty; format them as General or Number, then import again',
    )

  test('is read as empty, with a warning naming the cell; the rest of the table is imported', async () => {
    const { properties, problems } = await read(workbook([{ name: 'S', rows }]))
    expect(properties).toEqual([
      { 名称: '曹宅镇', 检查日期: '' },
      { 名称: '孝顺镇', 检查日期: '2023-01-01' },
    ])
    expect(problems).toEqual([pastDates('D2', 'D2', 'D2')])
  })

  test('serials 0 to 2958465 (9999-12-31) are dates; -1, and one day more, are not (not "+010000-01")', async () => {
    const { properties, problems } = await read(
      workbook([
        {
          name: 'S',
          rows: [
            ['名称', '经度', '纬度', '截止'],
            ['曹宅镇', 119.75057, 29.20447, { date: 2958465 }],
            ['孝顺镇', 119.86984, 29.17997, { date: 2958466 }],
            ['傅村镇', 119.9, 29.2, { date: 0 }],
            ['源东乡', 119.9, 29.2, { date: -1 }],
          ],
        },
      ]),
    )
    expect(properties).toEqual([
      { 名称: '曹宅镇', 截止: '9999-12-31' },
      { 名称: '孝顺镇', 截止: '' },
      { 名称: '傅村镇', 截止: '1899-12-30' }, // as read-excel-file reads serial 0 (Excel shows 1900-01-00)
      { 名称: '源东乡', 截止: '' },
    ])
    expect(problems).toEqual([pastDates('D3, D5', 'D3、D5', 'D3, D5')])
  })

  test('six of them: five named, and "and more"', async () => {
    const six: Cell[][] = [
      ['名称', '经度', '纬度', '日期'],
      ...Array.from({ length: 6 }, (): Cell[] => ['镇', 119.7, 29.2, pastAnyDate]),
    ]
    const { problems } = await read(workbook([{ name: 'S', rows: six }]))
    expect(problems).toEqual([pastDates('D2, D3, D4, D5, D6', 'D2、D3、D4、D5、D6 等', 'D2, D3, D4, D5, D6 and more')])
  })

  test('through the import: the points are kept, with the warning', async () => {
    const result = await importBytes(workbook([{ name: 'S', rows }]), { fileName: 't.xlsx', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: true, featureCount: 2, rejectedCount: 0 })
    expect(result.problems.map((problem) => [problem.severity, problem.found])).toEqual([['warning', 'D2']])
  })

  test('in another sheet, it does not stop the answer for an empty sheet', async () => {
    const { problems } = await read(
      workbook([
        { name: '空表', rows: [] },
        { name: '数据', rows: [[pastAnyDate, '说明']] },
      ]),
    )
    expect(problems).toEqual([
      emptySheet('工作表“空表”是空的；有数据的工作表：数据', 'the sheet "空表" is empty; sheets with data: 数据'),
    ])
  })
})

describe('a chart sheet (a tab holding only a chart)', () => {
  const table: Sheet = {
    name: '数据',
    rows: [
      ['名称', '经度', '纬度'],
      ['曹宅镇', 119.75057, 29.20447],
    ],
  }

  test('chosen, it is an empty sheet, naming the sheets with data; nothing is imported', async () => {
    const { source, sheets, problems } = await read(workbook([{ name: '图表1', rows: [], chart: true }, table]))
    expect(problems).toEqual([
      emptySheet('工作表“图表1”是空的；有数据的工作表：数据', 'the sheet "图表1" is empty; sheets with data: 数据'),
    ])
    expect(sheets).toEqual({ names: ['图表1', '数据'], chosen: '图表1' })
    expect(source.failed).toBe(true)
  })

  test('beside an empty sheet chosen, it is not listed among the sheets with data', async () => {
    const { problems } = await read(
      workbook([
        { name: '空表', rows: [] },
        { name: '图表1', rows: [], chart: true },
      ]),
    )
    expect(problems).toEqual([emptySheet('工作表“空表”是空的', 'the sheet "空表" is empty')])
  })

  test('the table beside it is read when chosen', async () => {
    const { properties, problems } = await read(workbook([{ name: '图表1', rows: [], chart: true }, table]), '数据')
    expect(problems).toEqual([])
    expect(properties).toEqual([{ 名称: '曹宅镇' }])
  })
})

describe('a workbook without a worksheet (none at all, or only chart sheets)', () => {
  const chart = (name: string): Sheet => ({ name, rows: [], chart: true })
  const noWorksheet = (found: string, zh: string, en: string) => ({
    ...warning(found, 'a worksheet with a header row and data rows', zh, en),
    severity: 'error',
  })

  test("only a chart sheet: said so, naming it, not the reader's own error; nothing is imported", async () => {
    const { source, sheets, problems } = await read(workbook([chart('图表1')]))
    expect(problems).toEqual([
      noWorksheet(
        'a chart sheet: 图表1',
        '工作簿中没有含数据的工作表（只有图表工作表：图表1）',
        'the workbook has no worksheet with data (only a chart sheet: 图表1)',
      ),
    ])
    expect(sheets).toBeUndefined()
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
  })

  test('several chart sheets are all named, their names as written (entities read)', async () => {
    const { problems } = await read(workbook([chart('图表1'), chart('A & B')]))
    expect(problems).toEqual([
      noWorksheet(
        '2 chart sheets: 图表1, A & B',
        '工作簿中没有含数据的工作表（只有图表工作表：图表1、A & B）',
        'the workbook has no worksheet with data (only 2 chart sheets: 图表1, A & B)',
      ),
    ])
  })

  test('a macro sheet is named apart from the chart sheets, as a sheet of another kind', async () => {
    const sheet = (name: string, id: number) => `<sheet name="${name}" sheetId="${id}" r:id="rId${id}"/>`
    const relationship = (id: number, kind: string) =>
      `<Relationship Id="rId${id}" Type="${REL}/${kind}" Target="${kind}s/sheet${id}.xml"/>`
    const zip = zipSync({
      'xl/workbook.xml': strToU8(
        `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheet('图表1', 1)}${sheet('宏1', 2)}` +
          `${sheet('图表2', 3)}</sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `${HEAD}<Relationships xmlns="${NS}/package/2006/relationships">${relationship(1, 'chartsheet')}` +
          `${relationship(2, 'macrosheet')}${relationship(3, 'chartsheet')}</Relationships>`,
      ),
    })
    const { problems } = await read(zip)
    expect(problems).toEqual([
      noWorksheet(
        '2 chart sheets: 图表1, 图表2; a sheet of another kind: 宏1',
        '工作簿中没有含数据的工作表（只有图表工作表：图表1、图表2；其他类型的表：宏1）',
        'the workbook has no worksheet with data (only 2 chart sheets: 图表1, 图表2; a sheet of another kind: 宏1)',
      ),
    ])
  })

  test('no sheet at all', async () => {
    const { problems } = await read(workbook([]))
    expect(problems).toEqual([noWorksheet('no sheets', '工作簿中没有任何工作表', 'the workbook has no sheet at all')])
  })

  test('through the import: not ok, format xlsx, the same error', async () => {
    const result = await importBytes(workbook([chart('图表1')]), { fileName: 't.xlsx', declaredCrs: 'auto' })
    expect(result).toMatchObject({ ok: false, format: 'xlsx', featureCount: 0, data: null })
    expect(result.problems.map((problem) => [problem.severity, problem.message.en])).toEqual([
      ['error', 'the workbook has no worksheet with data (only a chart sheet: 图表1)'],
    ])
  })
})

describe('formulas in a sheet whose part is not sheetN.xml for its place among the tabs', () => {
  const noResult = (name: string): Sheet => ({
    name,
    rows: [
      ['乡镇', '经度', '纬度', '合计'],
      ['曹宅镇', 119.75057, 29.20447, { xml: '<c r="D2"><f>1+1</f></c>' }],
    ],
  })
  const plain = (name: string): Sheet => ({
    name,
    rows: [
      ['乡镇', '经度', '纬度', '合计'],
      ['孝顺镇', 119.86984, 29.17997, 3],
    ],
  })
  const noResultWarning = warning(
    'D2',
    'saved formula results',
    '单元格 D2 是公式但没有保存计算结果，读为空；请在 Excel 中打开、保存后再导入',
    'cells D2 are formulas saved without a result and were read as empty; open and save the file in Excel, then ' +
      'import again',
  )

  test('tabs moved: each sheet is checked in its own part, as the workbook names it', async () => {
    // 汇总 was moved in front of 明细: its part is still sheet2.xml.
    const bytes = workbook([
      { ...plain('汇总'), part: 'worksheets/sheet2.xml' },
      { ...noResult('明细'), part: 'worksheets/sheet1.xml' },
    ])
    expect((await read(bytes, '汇总')).problems).toEqual([])
    expect((await read(bytes, '明细')).problems).toEqual([noResultWarning])
  })

  test('after a chart sheet, in a part of another name, or named from the root', async () => {
    const chart: Sheet = { name: '图表1', rows: [], chart: true }
    const afterChart = workbook([chart, { ...noResult('数据'), part: 'worksheets/sheet1.xml' }])
    expect((await read(afterChart, '数据')).problems).toEqual([noResultWarning])
    const named = workbook([{ ...noResult('数据'), part: 'worksheets/data.xml' }])
    expect((await read(named)).problems).toEqual([noResultWarning])
    const fromRoot = workbook([{ ...noResult('数据'), part: '/xl/worksheets/data.xml' }])
    expect((await read(fromRoot)).problems).toEqual([noResultWarning])
  })
})

test('formulas: a formatted empty cell (<c …/>) before one without a result does not take its name', async () => {
  const { problems } = await read(
    workbook([
      {
        name: 'S',
        rows: [
          ['乡镇', '经度', '纬度', '备注', '合计'],
          ['曹宅镇', 119.75057, 29.20447, { xml: '<c r="D2" s="0"/>' }, { xml: '<c r="E2"><f>1+1</f></c>' }],
          ['孝顺镇', 119.86984, 29.17997, { xml: '<c r="D3" s="0"/>' }, { xml: '<c r="E3"><f>1+2</f><v>3</v></c>' }],
        ],
      },
    ]),
  )
  expect(problems.map((problem) => problem.found)).toEqual(['E2'])
})
