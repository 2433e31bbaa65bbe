// Which headers name a township or a village column (place-headers.ts), seen through its two readers: the join by
// place name (name-join.ts) and the recognition of inspections tables (user-table.ts). The two must agree.
import { describe, expect, it } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { inspectionsFromTable } from '../../../../src/user-data/tables/inspections-table'
import { findPlaceColumn, joinTable } from '../../../../src/user-data/tables/name-join'
import { inspectionColumns, recogniseTable } from '../../../../src/user-data/tables/user-table'
import { gazetteer, table, townPoints } from '../../support/district-places'

/** What each reader makes of one header as the place column of a table: 'town', 'village' or null. */
function readers(name: string) {
  const join = findPlaceColumn(['数量', name])
  const columns = inspectionColumns(['检查日期', '检查类型', name])
  return {
    join: join?.kind ?? null,
    inspections: columns.town === 2 ? 'town' : columns.village === 2 ? 'village' : null,
    recognised: recogniseTable(['检查日期', '检查类型', name]),
  }
}

const TOWN_HEADERS = [
  '乡镇',
  '街道',
  '镇街',
  '乡镇（街道）',
  '乡镇(街道)',
  '乡镇名称',
  '所属乡镇',
  '镇',
  '乡',
  ' 镇 ',
  'town',
  'Township',
  'TOWN_NAME',
  'townname',
  'township_code',
  'TownshipCode',
  'town_id',
  'townid',
  'Township ID',
  'town-name',
  'towns',
  'Townships',
  '乡镇/街道',
  '乡镇、街道',
  '乡镇街道',
  '乡镇代码',
  '街道办事处',
  '所在镇街',
  '乡镇（街道）名称',
  '街道社区',
]
const VILLAGE_HEADERS = [
  '村',
  '社区',
  '村（社区）',
  '村名',
  'village',
  'Village_Name',
  'village_code',
  'village_id',
  'villages',
  '村/社区',
  '村委会',
  '社区居委会',
  '行政村',
  '自然村名称',
  '村庄',
  '村居',
]
const NOT_PLACES = [
  'towns_total',
  'townhall',
  'townhall_count',
  'town_population',
  'township_count',
  'villages_count',
  'village_population',
  'hometown',
  '镇数',
  '名称',
  '乡镇企业数',
  '街道数',
  '乡镇人口',
  '行政村数',
  '村民人数',
  '社区数量',
  '村庄面积',
  '村集体经济收入',
]

describe('a township or village column: the join by name and the inspections reader agree', () => {
  it('reads every township header as the township column, in both', () => {
    for (const name of TOWN_HEADERS)
      expect(readers(name), name).toEqual({ join: 'town', inspections: 'town', recognised: 'inspections' })
  })

  it('reads every village header as the village column, in both', () => {
    for (const name of VILLAGE_HEADERS)
      expect(readers(name), name).toEqual({ join: 'village', inspections: 'village', recognised: 'inspections' })
  })

  it('reads a number about townships or villages as no place, in both', () => {
    for (const name of NOT_PLACES)
      expect(readers(name), name).toEqual({ join: null, inspections: null, recognised: null })
  })

  it('a 镇 column: the ledger is joined and the inspections are placed by it', () => {
    const ledger = table(['镇', '企业数'], [['曹宅镇', '12']])
    expect(joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!).columns).toEqual([
      { name: '企业数', values: { '330703103': 12 } },
    ])
    const records = table(['检查日期', '检查类型', '镇'], [['2022-03-01', '检查', '曹宅镇']])
    expect(recogniseTable(records.header)).toBe('inspections')
    const { report } = inspectionsFromTable(records, gazetteer, townPoints)
    expect(report).toMatchObject({ rowsUsed: 1, placedByTownship: 1, refused: [] })
  })

  it('a count of villages beside the 乡镇 column: the ledger is joined by the townships, not by the count', () => {
    const ledger = table(['乡镇', '行政村数', '村民人数'], [['曹宅镇', '21', '30412']])
    expect(findPlaceColumn(ledger.header)).toEqual({ index: 0, kind: 'town', townIndex: null })
    expect(joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!).columns).toEqual([
      { name: '行政村数', values: { '330703103': 21 } },
      { name: '村民人数', values: { '330703103': 30412 } },
    ])
  })

  it('a town_id column of codes: the ledger is joined and the inspections are placed by it', () => {
    const ledger = table(['town_id', 'count'], [['330703103', '7']])
    expect(findPlaceColumn(ledger.header)).toEqual({ index: 0, kind: 'town', townIndex: null })
    expect(joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!).columns).toEqual([
      { name: 'count', values: { '330703103': 7 } },
    ])
    const records = table(['date', 'kind', 'town_id'], [['2022-03-01', 'inspection', '330703103']])
    expect(recogniseTable(records.header)).toBe('inspections')
    expect(inspectionsFromTable(records, gazetteer, townPoints).report).toMatchObject({
      rowsUsed: 1,
      placedByTownship: 1,
    })
  })

  it('a village_id column: the join and the inspections reader both take the village, narrowed by town_id', () => {
    // 桥头村 is a village of 东孝街道 (330703002) and of 岭下镇: the township column tells which.
    const ledger = table(['village_id', 'town_id', 'count'], [['桥头村', '330703002', '3']])
    expect(findPlaceColumn(ledger.header)).toEqual({ index: 0, kind: 'village', townIndex: 1 })
    const join = joinTable(ledger, gazetteer, findPlaceColumn(ledger.header)!)
    expect(join.columns).toEqual([{ name: 'count', values: { '330703002': 3 } }])
    const records = table(['date', 'kind', 'village_id', 'town_id'], [['2022-03-01', 'case', '桥头村', '330703002']])
    expect(inspectionColumns(records.header)).toMatchObject({ town: 3, village: 2 })
    const { collection } = inspectionsFromTable(records, gazetteer, townPoints)
    expect(collection!.features[0]!.properties).toMatchObject({ location: 'village', town_code: '330703002' })
  })

  const read = (csv: string) => importBytes(new TextEncoder().encode(csv), { fileName: 't.csv', declaredCrs: 'auto' })

  it('through the import engine: a table placed by a 镇 column is kept, to join and to use as inspections', async () => {
    const result = await read('检查日期,检查类型,镇\n2022-03-01,检查,曹宅镇\n')
    expect(findPlaceColumn(result.table!.header)).toEqual({ index: 2, kind: 'town', townIndex: null })
    expect(recogniseTable(result.table!.header)).toBe('inspections')
  })

  it('through the import engine: a table with a towns_total column and no place is no table', async () => {
    const result = await read('date,kind,towns_total\n2022-03-01,inspection,11\n')
    expect(result.table).toBeUndefined()
    expect(result.problems.map((p) => p.message.en).join()).not.toContain('can be used as')
  })
})
