import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findPlaceColumn, joinTable, type JoinTable } from '../../../../src/user-data/tables/name-join'
import { closestNames, matchTown, townKey, villageKey } from '../../../../src/domain/places/place-names'
import { userIndicatorsFromJoin } from '../../../../src/user-data/tables/user-indicators'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { TOWNSHIP_LEDGER } from '../../../fixtures/make-format-fixtures'
import { gazetteer, table, towns, villages } from '../../support/district-places'

async function fixtureTable(path: string): Promise<JoinTable> {
  const bytes = new Uint8Array(readFileSync(`tests/fixtures/${path}`))
  const result = await importBytes(bytes, { fileName: path.split('/').pop()!, declaredCrs: 'auto' })
  return result.table!
}

describe('place names', () => {
  it('reads the common variants of a township name', () => {
    expect(gazetteer.towns).toHaveLength(11)
    expect(villages).toHaveLength(361)
    for (const name of ['曹宅', '曹宅镇', ' 曹宅镇 ', '曹\u3000宅镇', '330703103', '330703103000'])
      expect(matchTown(gazetteer, name), name).toBe('330703103')
    for (const name of ['东孝', '东孝街道', '东孝街道办事处', '东孝（街道）'])
      expect(matchTown(gazetteer, name), name).toBe('330703002')
    expect(matchTown(gazetteer, '330703102001')).toBe('330703102') // a village code → its township
    expect(matchTown(gazetteer, '曹宅区')).toBeNull()
  })
  it('strips 村委会, 居委会, 社区, 村 from village names', () => {
    expect(villageKey('傅一村委会')).toBe('傅一')
    expect(villageKey('王坦社区居委会')).toBe('王坦')
    expect(villageKey('王坦社区')).toBe('王坦')
    expect(villageKey('月潭村')).toBe('月潭')
    expect(townKey('傅村镇')).toBe('傅村')
  })
  it('ranks the closest names by edit distance', () => {
    expect(
      closestNames(
        '曹宅区',
        towns.map((t) => t.name),
        townKey,
        1,
      ),
    ).toEqual(['曹宅镇'])
  })
})

describe('joining a table by place name', () => {
  it('finds the place column, a village column before a township column', () => {
    expect(findPlaceColumn(['乡镇（街道）', '信访件数'])).toEqual({ index: 0, kind: 'town', townIndex: null })
    expect(findPlaceColumn(['序号', '村（社区）', '所属乡镇', '户数'])).toEqual({
      index: 1,
      kind: 'village',
      townIndex: 2,
    })
    expect(findPlaceColumn(['名称', '地址'])).toBeNull()
  })

  it('finds the place column in any position, headers trimmed, a township column beside a village one', () => {
    expect(findPlaceColumn(['乡镇', '村', '数量'])).toEqual({ index: 1, kind: 'village', townIndex: 0 })
    expect(findPlaceColumn(['村', '数量'])).toEqual({ index: 0, kind: 'village', townIndex: null })
    expect(findPlaceColumn([' 镇 ', '数量'])).toEqual({ index: 0, kind: 'town', townIndex: null })
    expect(findPlaceColumn(['数量', ' village '])).toEqual({ index: 1, kind: 'village', townIndex: null })
  })

  it('does not read one column as both the township and the village', () => {
    expect(findPlaceColumn(['街道社区', '数量'])).toEqual({ index: 0, kind: 'town', townIndex: null })
  })

  it('joins the ledger of 11 townships written in every variant, GBK CSV and xlsx alike', async () => {
    for (const path of ['good/township-ledger-gbk.csv', 'good/township-ledger.xlsx']) {
      const ledger = await fixtureTable(path)
      const join = joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!)
      expect(join.problems, path).toEqual([])
      expect(join.matchedRows).toBe(11)
      expect(join.columns.map((c) => c.name)).toEqual(['信访件数', '整治面积（公顷）'])
      expect(join.columns[0]!.values['330703103']).toBe(21) // 曹宅镇
      expect(join.columns[0]!.values['330703108']).toBe(5) // given as its code
      expect(join.columns[1]!.values['330703104']).toBe(2.9) // 澧浦　镇, full-width space
      expect(Object.values(join.columns[0]!.values).reduce((a, b) => a + b)).toBe(
        TOWNSHIP_LEDGER.reduce((sum, row) => sum + row[1], 0),
      )
    }
  })

  it('joins villages and sums them into their township', async () => {
    const ledger = await fixtureTable('good/village-ledger.csv')
    const join = joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!)
    expect(join.problems).toEqual([])
    expect(join.columns[0]!.values).toEqual({ '330703102': 200, '330703001': 300 })
    expect(join.rowsPerTown).toEqual({ '330703102': 2, '330703001': 1 })
  })

  it('a join in which no row matches lists every row with the closest names', async () => {
    const ledger = await fixtureTable('bad/join-no-match.csv')
    const join = joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!)
    expect(join.matchedRows).toBe(0)
    expect(join.problems.map((p) => [p.line, p.kind, p.value])).toEqual([
      [2, 'unmatched', '北京市'],
      [3, 'unmatched', '上海镇'],
      [4, 'unmatched', '曹宅区'],
    ])
    expect(join.problems[2]!.suggestions[0]).toBe('曹宅镇')
    expect(join.problems.every((p) => p.suggestions.length === 3)).toBe(true)
  })

  it('two rows naming the same township: the first is used, the second listed, never summed', async () => {
    const ledger = await fixtureTable('bad/join-duplicate-town.csv')
    const join = joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!)
    expect(join.matchedRows).toBe(2)
    expect(join.columns[0]!.values['330703103']).toBe(4)
    expect(join.problems).toEqual([{ line: 4, value: '曹宅', kind: 'duplicate', suggestions: [], firstLine: 2 }])
  })

  it('a village name found in two townships is ambiguous unless a township column narrows it', () => {
    const twice = villages.filter((v) => v.shortName === '桥头村')
    expect(twice.length).toBeGreaterThan(1)
    const alone = joinTable(table(['村', '数量'], [['桥头村', '1']]), gazetteer, findPlaceColumn(['村', '数量'])!)
    expect(alone.problems[0]!.kind).toBe('ambiguous')
    const town = towns.find((t) => t.code === twice[0]!.townCode)!.name
    const header = ['村', '乡镇', '数量']
    const narrowed = joinTable(table(header, [['桥头村', town, '1']]), gazetteer, findPlaceColumn(header)!)
    expect(narrowed.problems).toEqual([])
    expect(narrowed.columns[0]!.values).toEqual({ [twice[0]!.townCode]: 1 })
  })

  it('codes and row numbers are not indicators; empty names are listed', () => {
    const header = ['序号', '乡镇', '代码', '数量']
    const join = joinTable(
      table(header, [
        ['1', '曹宅镇', '330703103', '5'],
        ['2', '', '', '3'],
      ]),
      gazetteer,
      findPlaceColumn(header)!,
    )
    expect(join.columns.map((c) => c.name)).toEqual(['数量'])
    expect(join.problems).toEqual([{ line: 3, value: '', kind: 'empty', suggestions: [] }])
  })

  it('an unknown village is listed with the closest village names', () => {
    const header = ['村', '数量']
    const join = joinTable(table(header, [['月谭村', '4']]), gazetteer, findPlaceColumn(header)!)
    expect(join.matchedRows).toBe(0)
    expect(join.problems).toEqual([
      { line: 2, value: '月谭村', kind: 'unmatched', suggestions: ['月潭村委会', '王坦社区居委会', '泉源社区居委会'] },
    ])
  })

  it('an ambiguous village lists every candidate with its township', () => {
    const header = ['村', '数量']
    const join = joinTable(table(header, [['桥头村', '1']]), gazetteer, findPlaceColumn(header)!)
    expect(join.problems).toEqual([
      {
        line: 2,
        value: '桥头村',
        kind: 'ambiguous',
        suggestions: ['桥头村委会（东孝街道）', '桥头村委会（岭下镇）'],
      },
    ])
  })

  it('a blank or missing place cell is listed as empty', () => {
    const header = ['乡镇', '数量']
    const join = joinTable(table(header, [['  ', '1'], []]), gazetteer, findPlaceColumn(header)!)
    expect(join.problems).toEqual([
      { line: 2, value: '', kind: 'empty', suggestions: [] },
      { line: 3, value: '', kind: 'empty', suggestions: [] },
    ])
  })

  it('reports the place cell trimmed', () => {
    const header = ['乡镇', '数量']
    const join = joinTable(table(header, [[' 北京市 ', '1']]), gazetteer, findPlaceColumn(header)!)
    expect(join.problems.map((p) => p.value)).toEqual(['北京市'])
  })

  it('lists the problems in line order', () => {
    const join = joinTable(
      {
        header: ['乡镇', '数量'],
        rows: [
          ['北京市', '1'],
          ['', '2'],
          ['上海市', '3'],
        ],
        lines: [9, 4, 6],
      },
      gazetteer,
      { index: 0, kind: 'town', townIndex: null },
    )
    expect(join.problems.map((p) => p.line)).toEqual([4, 6, 9])
  })

  it('reads numbers with thousands separators and spaces; empty cells leave a township out', () => {
    const header = ['乡镇', '人口', '面积']
    const join = joinTable(
      table(header, [
        ['曹宅镇', '12,345', ' 5 '],
        ['孝顺镇', '1,234,567', ''],
        ['傅村镇', ' ', '2.5'],
        ['澧浦镇', '8'],
      ]),
      gazetteer,
      findPlaceColumn(header)!,
    )
    expect(join.columns).toEqual([
      { name: '人口', values: { '330703103': 12345, '330703101': 1234567, '330703104': 8 } },
      { name: '面积', values: { '330703103': 5, '330703102': 2.5 } },
    ])
  })

  it('text, codes with a leading zero, empty columns and cells beyond the header are not indicators', () => {
    const header = ['乡镇', '备注', '电话区号', '空列', '数量']
    const join = joinTable(
      table(header, [
        ['曹宅镇', '新', '0579', '', '1', '99'],
        ['孝顺镇', '12', '0579', '', '2', '98'],
      ]),
      gazetteer,
      findPlaceColumn(header)!,
    )
    expect(join.columns.map((c) => c.name)).toEqual(['数量'])
  })

  it('place columns written as codes and identifier columns are not indicators', () => {
    const towns = ['乡镇', ' ID ', '数量']
    const byCode = joinTable(table(towns, [['330703103', '7', '1']]), gazetteer, findPlaceColumn(towns)!)
    expect(byCode.columns.map((c) => c.name)).toEqual(['数量'])
    const village = villages[0]!
    const header = ['村', '乡镇', '数量']
    const join = joinTable(table(header, [[village.code, village.townCode, '3']]), gazetteer, findPlaceColumn(header)!)
    expect(join.problems).toEqual([])
    expect(join.columns).toEqual([{ name: '数量', values: { [village.townCode]: 3 } }])
  })

  it('joined columns become indicators with the user badge', async () => {
    const ledger = await fixtureTable('good/township-ledger.xlsx')
    const [first] = userIndicatorsFromJoin(joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!), 'l.xlsx')
    expect(first).toMatchObject({ id: 'user:l.xlsx:信访件数', provenance: 'user', kind: 'count' })
    expect(first!.note.zh).toContain('11 行已连接')
  })
})
