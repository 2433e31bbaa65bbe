// A table's joined columns as township indicators: id, label with the file, the user badge, and the note
// that says in both languages which column of which file, joined how, with how many rows.
import { describe, expect, it } from 'vitest'
import type { JoinResult } from '../../../../src/user-data/tables/name-join'
import { userIndicatorsFromJoin } from '../../../../src/user-data/tables/user-indicators'

function join(kind: 'town' | 'village', matchedRows: number): JoinResult {
  return {
    column: { index: 0, kind, townIndex: null },
    matchedRows,
    rowsPerTown: {},
    problems: [],
    columns: [
      { name: '信访件数', values: { '330703001000': 4, '330703002000': 0 } },
      { name: '整改数', values: { '330703001000': 2 } },
    ],
  }
}

describe('user indicators from a joined table', () => {
  it('makes one indicator per joined column, labelled with the file, as a count with the user badge', () => {
    const indicators = userIndicatorsFromJoin(join('town', 11), '信访台账.xlsx')
    expect(indicators).toHaveLength(2)
    expect(indicators[0]).toEqual({
      id: 'user:信访台账.xlsx:信访件数',
      label: { zh: '信访件数（信访台账.xlsx）', en: '信访件数 (信访台账.xlsx)' },
      unit: { zh: '', en: '' },
      kind: 'count',
      provenance: 'user',
      reportFigureIds: [],
      note: {
        zh: '用户数据：信访台账.xlsx 的“信访件数”列，按乡镇（街道）名称连接（11 行已连接）。',
        en: 'Your data: column "信访件数" of 信访台账.xlsx, joined by township name (11 rows joined).',
      },
      values: { '330703001000': 4, '330703002000': 0 },
    })
    expect(indicators[1]).toMatchObject({
      id: 'user:信访台账.xlsx:整改数',
      label: { zh: '整改数（信访台账.xlsx）', en: '整改数 (信访台账.xlsx)' },
      values: { '330703001000': 2 },
    })
  })

  it('says a village table was joined by village name and summed per township', () => {
    const [first] = userIndicatorsFromJoin(join('village', 57), 'villages.csv')
    expect(first!.note).toEqual({
      zh: '用户数据：villages.csv 的“信访件数”列，按村（社区）名称连接并汇总到乡镇（57 行已连接）。',
      en: 'Your data: column "信访件数" of villages.csv, joined by village name and summed per township (57 rows joined).',
    })
  })
})
