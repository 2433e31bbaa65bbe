/**
 * A table without coordinates that names places (import-table.ts): the rows kept for a join by name
 * as tableOf builds them, how many are kept (MAX_TABLE_ROWS), and the note the user reads in place
 * of "no coordinate columns": joinable by township or village names, or usable as readings.
 */
import { describe, expect, test } from 'vitest'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { MAX_TABLE_ROWS, reportJoinable, tableOf } from '../../../../src/user-data/import/import-table'
import { parseDelimitedText } from '../../../../src/user-data/import/parse-delimited'
import type { DelimitedRow } from '../../../../src/user-data/import/delimited-rows'

const row = (line: number, cells: string[]): DelimitedRow => ({ cells, line, end: 0, unclosedQuote: false })

describe('tableOf', () => {
  test('the header copied, every cell trimmed, each row’s line kept', () => {
    const names = ['乡镇', '企业数']
    const table = tableOf(names, [row(2, ['  曹宅镇 ', '\t12 ']), row(5, ['孝顺镇', '']), row(6, [' ', ' 7'])])
    expect(table).toStrictEqual({
      header: ['乡镇', '企业数'],
      rows: [
        ['曹宅镇', '12'],
        ['孝顺镇', ''],
        ['', '7'],
      ],
      lines: [2, 5, 6],
    })
    names.push('later')
    expect(table.header).toEqual(['乡镇', '企业数'])
  })

  test('no rows: the header alone', () => {
    expect(tableOf(['村'], [])).toStrictEqual({ header: ['村'], rows: [], lines: [] })
  })
})

describe('MAX_TABLE_ROWS: the rows a table keeps', () => {
  const csv = (rows: number) => {
    const lines = ['乡镇,企业数']
    for (let i = 0; i < rows; i++) lines.push(`镇${i},${i}`)
    return `${lines.join('\n')}\n`
  }
  const parse = (text: string) => parseDelimitedText(text, ',', new ImportContext('t.csv'))

  test('is 100 000', () => {
    expect(MAX_TABLE_ROWS).toBe(100_000)
  })

  test('a table of exactly the limit is kept whole', async () => {
    const { table } = await parse(csv(MAX_TABLE_ROWS))
    expect(table!.rows).toHaveLength(MAX_TABLE_ROWS)
    expect(table!.lines.at(-1)).toBe(MAX_TABLE_ROWS + 1)
    expect(table!.rows.at(-1)).toEqual([`镇${MAX_TABLE_ROWS - 1}`, `${MAX_TABLE_ROWS - 1}`])
  })

  test('one row over: the first MAX_TABLE_ROWS are kept, every row counted', async () => {
    const { table, rejectedCount } = await parse(csv(MAX_TABLE_ROWS + 1))
    expect(rejectedCount).toBe(MAX_TABLE_ROWS + 1)
    expect(table!.rows).toHaveLength(MAX_TABLE_ROWS)
    expect(table!.lines.at(-1)).toBe(MAX_TABLE_ROWS + 1)
  })
})

describe('reportJoinable: the note in place of "no coordinate columns"', () => {
  function report(header: string[], line = 1) {
    const context = new ImportContext('t.csv')
    reportJoinable(context, header, line)
    return context.problems.toArray()
  }
  const note = (line: number, found: string, zh: string, en: string) => ({
    severity: 'warning',
    file: 't.csv',
    featureIndex: null,
    line,
    field: 'header',
    found,
    expected: 'coordinate columns, or a place column to join',
    message: { zh, en },
    code: 'table-without-coordinates',
  })

  test('a township column: joined by township names, naming the column', () => {
    expect(report(['序号', '镇街', '企业数'], 3)).toStrictEqual([
      note(
        3,
        '序号, 镇街, 企业数',
        '没有坐标列；可按“镇街”列的乡镇（街道）名称连接到地图',
        'no coordinate columns; the table can be joined to the map by the township names in "镇街"',
      ),
    ])
  })

  test('a village column wins over a township column beside it', () => {
    expect(report(['乡镇', '村名', '人口'])).toStrictEqual([
      note(
        1,
        '乡镇, 村名, 人口',
        '没有坐标列；可按“村名”列的村（社区）名称连接到地图',
        'no coordinate columns; the table can be joined to the map by the village names in "村名"',
      ),
    ])
  })

  test('no place column: the table holds readings, placed by station name', () => {
    expect(report(['站点', '日期', 'PM2.5'], 2)).toStrictEqual([
      note(
        2,
        '站点, 日期, PM2.5',
        '没有坐标列；表格为监测读数，可用作监测读数（按站点名称定位）',
        'no coordinate columns; the table holds readings and can be used as readings (stations placed by name)',
      ),
    ])
  })

  test('an inspections table named by "town_id": joined by township names in it, as one named 乡镇 is', () => {
    // The join by name and the inspections reader read the same township column (place-headers.ts).
    expect(report(['检查日期', '检查类型', 'town_id'], 4)).toStrictEqual([
      note(
        4,
        '检查日期, 检查类型, town_id',
        '没有坐标列；可按“town_id”列的乡镇（街道）名称连接到地图',
        'no coordinate columns; the table can be joined to the map by the township names in "town_id"',
      ),
    ])
  })

  test('a long header is shown cut to 80 characters', () => {
    const header = ['乡镇', ...Array.from({ length: 30 }, (_, i) => `指标${i}`)]
    const [problem] = report(header)
    expect(problem!.found).toBe(`${header.join(', ').slice(0, 79)}…`)
    expect(problem!.message.en).toBe(
      'no coordinate columns; the table can be joined to the map by the township names in "乡镇"',
    )
  })

  test('through the CSV parser: the table and the note travel together', async () => {
    const context = new ImportContext('t.csv')
    const source = await parseDelimitedText('乡镇,企业数\n 曹宅镇 , 12\n\n孝顺镇,7\n', ',', context)
    expect(source.table).toStrictEqual({
      header: ['乡镇', '企业数'],
      rows: [
        ['曹宅镇', '12'],
        ['孝顺镇', '7'],
      ],
      lines: [2, 4],
    })
    expect(context.problems.toArray().map((p) => [p.severity, p.code, p.line, p.message.en])).toEqual([
      [
        'warning',
        'table-without-coordinates',
        1,
        'no coordinate columns; the table can be joined to the map by the township names in "乡镇"',
      ],
    ])
  })
})
