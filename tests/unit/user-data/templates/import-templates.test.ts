/**
 * The import templates a planner downloads, one per kind of data. What each promises: the file, filled
 * in as its example row shows and its note row deleted (as the note asks), imports as that kind of data.
 * Checked through the app's own import path (importBytes) and what the app does next with the result:
 * the township join, the readings and inspections conversion, the monitoring-points replacement.
 * The words a planner reads are checked too: the column names, the note row, the notes sheet, in
 * both languages, and the forms the notes say are accepted.
 *
 * Each test loads the templates module afresh (`templates()`), so that the templates, which the module
 * builds as it loads, are built inside the test that checks them: a mutation tool runs a mutant of
 * module-level data only against the tests during which that data was built.
 */
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { describe, expect, it, vi } from 'vitest'
import { buildGazetteer } from '../../../../src/domain/places/place-names'
import monitoringPoints, { MONITORING_KINDS } from '../../../../src/layers/monitoring-points.layer'
import { replacementRequirement } from '../../../../src/layers/spec-helpers'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { prepareReplacement } from '../../../../src/user-data/replace-layer'
import { kindOf } from '../../../../src/user-data/tables/inspections-table'
import { findPlaceColumn, joinTable } from '../../../../src/user-data/tables/name-join'
import { tableOffer } from '../../../../src/user-data/tables/table-offer'
import type { ImportTemplate, TemplateKind } from '../../../../src/user-data/templates/import-templates'

const templates = async () => {
  vi.resetModules()
  return import('../../../../src/user-data/templates/import-templates')
}
const LANGS = ['zh', 'en'] as const

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as unknown
const towns = (readJson('public/geo/towns.geojson') as FeatureCollection).features.map((f) => ({
  code: String(f.properties!.code),
  name: String(f.properties!.name),
}))
const villages = (
  readJson('public/geo/villages.json') as {
    villages: { code: string; name: string; townCode: string; shortName: string }[]
  }
).villages
const gazetteer = buildGazetteer(towns, villages)
/** The sample's monitoring points: an air station per township, 曹宅镇's among them. */
const sampleStations = readJson('public/geo/monitoring-points.geojson') as FeatureCollection
const townPoints = new Map(towns.map((t, i) => [t.code, [119.6 + i * 0.01, 29.1] as [number, number]]))
const CAOZHAI = '330703103'

const of = (list: readonly ImportTemplate[], kind: TemplateKind) => list.find((t) => t.kind === kind)!
const column = (template: ImportTemplate, name: string) => template.columns.find((c) => c.name === name)!
/** The CSV as its note row asks: that row (the second line) deleted. */
const withoutNoteRow = (csv: string) => {
  const lines = csv.split('\r\n')
  return [lines[0], ...lines.slice(2)].join('\r\n')
}
/** The template's CSV with the example row's cells replaced where `cells` says (by column name). */
const filledIn = (template: ImportTemplate, csv: string, cells: Record<string, string>) => {
  const lines = withoutNoteRow(csv).split('\r\n')
  const example = template.columns.map((c) => cells[c.name] ?? c.example)
  return [lines[0], example.join(','), ''].join('\r\n')
}
const importCsv = (csv: string, fileName: string) =>
  importBytes(new TextEncoder().encode(csv), { fileName, declaredCrs: 'auto' })
const context = { gazetteer, townPoints, stations: sampleStations }

describe('the templates offered', () => {
  it('one per kind, each named for its download as .csv or .xlsx', async () => {
    const { IMPORT_TEMPLATES, templateFileName } = await templates()
    expect(IMPORT_TEMPLATES.map((t) => [t.kind, templateFileName(t, 'csv'), templateFileName(t, 'xlsx')])).toEqual([
      ['township-indicators', '模板-乡镇指标.csv', '模板-乡镇指标.xlsx'],
      ['stations', '模板-监测站点.csv', '模板-监测站点.xlsx'],
      ['readings', '模板-监测数据.csv', '模板-监测数据.xlsx'],
      ['inspections', '模板-执法检查.csv', '模板-执法检查.xlsx'],
      ['points', '模板-点位.csv', '模板-点位.xlsx'],
    ])
  })
  it('the .xlsx name changes only the extension at the end of the name', async () => {
    const { IMPORT_TEMPLATES, templateFileName } = await templates()
    const template = { ...IMPORT_TEMPLATES[0]!, fileName: '模板.csv.csv' }
    expect(templateFileName(template, 'xlsx')).toBe('模板.csv.xlsx')
  })
  it('each kind has the header the importer recognises it by', async () => {
    const { IMPORT_TEMPLATES } = await templates()
    expect(Object.fromEntries(IMPORT_TEMPLATES.map((t) => [t.kind, t.columns.map((c) => c.name)]))).toEqual({
      'township-indicators': ['乡镇（街道）', '信访件数', '整治面积（公顷）'],
      stations: ['名称', 'kind', '经度', '纬度'],
      readings: ['站点', '日期', 'pm25', 'pm10', 'o3_8h'],
      inspections: ['日期', 'kind', '对象', '乡镇（街道）', '经度', '纬度'],
      points: ['名称', '类别', '数值', '经度', '纬度'],
    })
  })
})

describe('the CSV template', () => {
  it('each kind is a CSV with BOM: header, a note row, one example row, in both languages', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    for (const template of IMPORT_TEMPLATES) {
      for (const lang of LANGS) {
        const csv = templateCsv(template, lang)
        expect(csv.startsWith('\uFEFF')).toBe(true)
        const lines = csv.slice(1).trimEnd().split('\r\n')
        expect(lines).toHaveLength(3)
        expect(lines[0]).toBe(template.columns.map((c) => c.name).join(','))
        expect(lines[1]).toMatch(/^"?# /)
      }
    }
  })
  it('reads as a planner sees it: the note row says to delete it, and explains each column', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    expect(templateCsv(of(IMPORT_TEMPLATES, 'points'), 'zh')).toBe(
      '\uFEFF' +
        [
          '名称,类别,数值,经度,纬度',
          '# 说明（导入前删除此行）: 点位名称,任意文字，可按此列着色,任意数字，可按此列分级或设大小,' +
            'WGS84 经度，小数度，或 119°45′02″E,WGS84 纬度，小数度，或 北纬29度12分16秒',
          '曹宅镇污水处理站,污水处理,42,119.75057,29.20447',
          '',
        ].join('\r\n'),
    )
    expect(templateCsv(of(IMPORT_TEMPLATES, 'stations'), 'en')).toBe(
      '\uFEFF' +
        [
          '名称,kind,经度,纬度',
          '# Notes (delete this row before importing): station name,air / water-auto / enterprise-online / dust,' +
            '"WGS84 longitude, decimal degrees, or 119°45′02″E","WGS84 latitude, decimal degrees, or 北纬29度12分16秒"',
          '曹宅空气站,air,119.75057,29.20447',
          '',
        ].join('\r\n'),
    )
  })
  it('the Chinese and English templates have the same header and example; only the note row differs', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    for (const template of IMPORT_TEMPLATES) {
      const [zh, en] = LANGS.map((lang) => templateCsv(template, lang).split('\r\n'))
      expect(en).toHaveLength(zh!.length)
      expect([en![0], en![2]]).toEqual([zh![0], zh![2]])
      expect(en![1]).not.toBe(zh![1])
    }
  })
  it('every column is explained in both languages', async () => {
    const { IMPORT_TEMPLATES } = await templates()
    for (const { columns } of IMPORT_TEMPLATES) {
      for (const { name, note } of columns) {
        expect(note.zh, name).toMatch(/[\u3000-\u9fff\uff00-\uffef]/) // Chinese words or full-width punctuation
        expect(note.en, name).toMatch(/[a-z]{2,}/i)
        expect(note.en, name).not.toBe(note.zh)
      }
    }
  })
})

describe('each template, filled in as its example shows, imports as its kind', () => {
  it('township indicators: the row joins to 曹宅镇, each number column an indicator', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'township-indicators')
    for (const lang of LANGS) {
      const result = await importCsv(withoutNoteRow(templateCsv(template, lang)), template.fileName)
      expect(result.table?.header).toEqual(['乡镇（街道）', '信访件数', '整治面积（公顷）'])
      const place = findPlaceColumn(result.table!.header)
      expect(place).toEqual({ index: 0, kind: 'town', townIndex: null })
      const join = joinTable(result.table!, gazetteer, place!)
      expect(join.problems).toEqual([])
      expect(join.columns).toEqual([
        { name: '信访件数', values: { [CAOZHAI]: 12 } },
        { name: '整治面积（公顷）', values: { [CAOZHAI]: 3.5 } },
      ])
    }
  })
  it('township indicators: a township written as its note allows (曹宅, 曹宅镇, the code) joins alike', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'township-indicators')
    const { note } = column(template, '乡镇（街道）')
    const forms = [
      ...note.zh.match(/（([^（）]+)、([^（）]+)均可）/)!.slice(1),
      ...note.en.match(/\((\S+) or (\S+)\)/)!.slice(1),
    ]
    expect(forms).toEqual(['曹宅', '曹宅镇', '曹宅', '曹宅镇'])
    expect(note.zh).toContain('9 位代码')
    expect(note.en).toContain('9-digit code')
    for (const town of [...forms, CAOZHAI]) {
      const csv = filledIn(template, templateCsv(template, 'zh'), { '乡镇（街道）': town })
      const result = await importCsv(csv, template.fileName)
      const join = joinTable(result.table!, gazetteer, findPlaceColumn(result.table!.header)!)
      expect(join.rowsPerTown, town).toEqual({ [CAOZHAI]: 1 })
    }
  })
  it('stations: a station at its coordinates, which can stand in for the monitoring points', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'stations')
    for (const lang of LANGS) {
      const result = await importCsv(withoutNoteRow(templateCsv(template, lang)), template.fileName)
      expect(result.problems).toEqual([])
      expect(result.data?.features).toEqual([
        {
          type: 'Feature',
          properties: { 名称: '曹宅空气站', kind: 'air' },
          geometry: { type: 'Point', coordinates: [119.75057, 29.20447] },
        },
      ])
      const { collection, issues } = prepareReplacement(
        replacementRequirement(monitoringPoints)!,
        result.data!,
        sampleStations,
      )
      expect(issues).toEqual([])
      expect(collection!.features[0]!.properties).toMatchObject({ name: '曹宅空气站', kind: 'air' })
    }
  })
  it('stations: the kinds its note offers are the kinds the monitoring-points layer draws', async () => {
    const { IMPORT_TEMPLATES } = await templates()
    const { note } = column(of(IMPORT_TEMPLATES, 'stations'), 'kind')
    const drawn = MONITORING_KINDS.map((k) => k.kind)
    for (const lang of LANGS) expect(note[lang].split('/').map((part) => part.trim().split(' ')[0])).toEqual(drawn)
  })
  it('readings: January readings of the air station in 曹宅镇, placed by its name', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'readings')
    for (const lang of LANGS) {
      const result = await importCsv(withoutNoteRow(templateCsv(template, lang)), template.fileName)
      const offer = tableOffer(result, context)
      expect(offer?.kind).toBe('readings')
      const { collection, report } = offer!.converted as Extract<typeof offer, { kind: 'readings' }>['converted']
      expect(report).toEqual({
        year: 2022,
        rowsUsed: 1,
        refused: [],
        stationsNotFound: [],
        stations: 1,
        months: [1],
        dailyRows: 1,
        yearAssumed: false,
      })
      const [station] = collection!.features
      expect(station!.properties).toMatchObject({ id: `air-${CAOZHAI}`, name: '曹宅空气站', town_code: CAOZHAI })
      expect([station!.properties!.pm25[0], station!.properties!.pm10[0], station!.properties!.o3[0]]).toEqual([
        35, 58, 120,
      ])
      expect(station!.properties!.daily).toEqual([{ date: '2022-01-15', pm25: 35, pm10: 58, o3_8h: 120 }])
    }
  })
  it('readings: a month written as the date note allows is read as that month’s mean', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'readings')
    const { note } = column(template, '日期')
    const months = [
      note.zh.match(/或 (\d{4}-\d{2}) 表示月均值/)?.[1],
      note.en.match(/or (\d{4}-\d{2}) for a monthly/)?.[1],
    ]
    expect(months).toEqual(['2022-01', '2022-01'])
    const result = await importCsv(filledIn(template, templateCsv(template, 'zh'), { 日期: '2022-01' }), 't.csv')
    const offer = tableOffer(result, context)
    expect(offer?.kind).toBe('readings')
    expect(offer!.converted.report).toMatchObject({ rowsUsed: 1, refused: [], months: [1], dailyRows: 0 })
  })
  it('readings: as the date note says, the map shows January to October of one year', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'readings')
    const { note } = column(template, '日期')
    expect(note.zh).toContain('地图按一年的 1–10 月显示')
    expect(note.en).toContain('the map shows Jan–Oct of one year')
    const november = await importCsv(filledIn(template, templateCsv(template, 'en'), { 日期: '2022-11-15' }), 't.csv')
    expect(tableOffer(november, context)!.converted.report).toMatchObject({
      rowsUsed: 0,
      refused: [{ line: 2, value: '2022-11-15', reason: 'outside-months' }],
    })
  })
  it('inspections: an inspection at its coordinates, or at its township without them', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'inspections')
    for (const lang of LANGS) {
      const result = await importCsv(withoutNoteRow(templateCsv(template, lang)), template.fileName)
      const offer = tableOffer(result, context)
      expect(offer?.kind).toBe('inspections')
      expect(offer!.converted.report).toMatchObject({ rowsUsed: 1, refused: [], inspections: 1, cases: 0 })
      const [inspection] = offer!.converted.collection!.features
      expect(inspection!.geometry).toEqual({ type: 'Point', coordinates: [119.751, 29.205] })
      expect(inspection!.properties).toMatchObject({
        kind: 'inspection',
        date: '2022-03-08',
        month: 3,
        year: 2022,
        对象: '某某企业',
        location: 'exact',
      })
    }
    const unplaced = filledIn(template, templateCsv(template, 'zh'), { 经度: '', 纬度: '' })
    const offer = tableOffer(await importCsv(unplaced, template.fileName), context)
    const [inspection] = offer!.converted.collection!.features
    expect(inspection!.properties).toMatchObject({ location: 'township', town_code: CAOZHAI })
    expect(inspection!.geometry).toEqual({ type: 'Point', coordinates: townPoints.get(CAOZHAI) })
  })
  it('inspections: the kinds its note names are kinds the importer knows', async () => {
    const { IMPORT_TEMPLATES } = await templates()
    const { note } = column(of(IMPORT_TEMPLATES, 'inspections'), 'kind')
    const named = [
      note.zh.split('/').map((part) => part.trim().split(/[ （]/)[0]),
      note.en.split(/, | or /).map((part) => part.replace(/ \(.*\)$/, '')),
    ]
    for (const kinds of named) {
      expect(kinds).toEqual(['inspection', 'case', '移送公安', '移送行政执法局'])
      expect(kinds.map((kind) => kindOf(kind!))).toEqual([
        { kind: 'inspection' },
        { kind: 'case', case_type: 'penalty' },
        { kind: 'case', case_type: 'police' },
        { kind: 'case', case_type: 'admin-bureau' },
      ])
    }
  })
  it('points: a point with its name, a category and a number to style by', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const template = of(IMPORT_TEMPLATES, 'points')
    for (const lang of LANGS) {
      const result = await importCsv(withoutNoteRow(templateCsv(template, lang)), template.fileName)
      expect(result.problems).toEqual([])
      expect(result.data?.features).toEqual([
        {
          type: 'Feature',
          properties: { 名称: '曹宅镇污水处理站', 类别: '污水处理', 数值: 42 },
          geometry: { type: 'Point', coordinates: [119.75057, 29.20447] },
        },
      ])
    }
  })
  it('coordinates written as the coordinate notes allow (degrees, minutes, seconds) land at the example', async () => {
    const { IMPORT_TEMPLATES, templateCsv } = await templates()
    const placed = IMPORT_TEMPLATES.filter((t) => t.columns.some((c) => c.name === '经度'))
    expect(placed.map((t) => t.kind)).toEqual(['stations', 'inspections', 'points'])
    for (const template of placed) {
      const [lng, lat] = [column(template, '经度'), column(template, '纬度')]
      for (const lang of LANGS) {
        const written = [lng, lat].map((c) => c.note[lang].match(/(?:或|or) (\S+)$/)![1]!)
        expect(written).toEqual(['119°45′02″E', '北纬29度12分16秒'])
        const csv = filledIn(template, templateCsv(template, lang), { 经度: written[0]!, 纬度: written[1]! })
        const result = await importCsv(csv, template.fileName)
        const [x, y] = (result.data!.features[0]!.geometry as { coordinates: number[] }).coordinates
        // 119°45′02″, 29°12′16″: within 0.001° (about 100 m) of the example's decimal degrees.
        expect(Math.abs(x! - Number(lng.example))).toBeLessThan(0.001)
        expect(Math.abs(y! - Number(lat.example))).toBeLessThan(0.001)
      }
    }
  })
})

describe('the workbook template', () => {
  it('its first sheet is the table as it imports: the header, and the example with numbers as numbers', async () => {
    const { IMPORT_TEMPLATES, templateWorkbook } = await templates()
    const firstSheets = (lang: 'zh' | 'en') =>
      Object.fromEntries(IMPORT_TEMPLATES.map((t) => [t.kind, templateWorkbook(t, lang)[0]]))
    expect(firstSheets('zh')).toEqual({
      'township-indicators': {
        name: '模板',
        rows: [
          ['乡镇（街道）', '信访件数', '整治面积（公顷）'],
          ['曹宅镇', 12, 3.5],
        ],
      },
      stations: {
        name: '模板',
        rows: [
          ['名称', 'kind', '经度', '纬度'],
          ['曹宅空气站', 'air', 119.75057, 29.20447],
        ],
      },
      readings: {
        name: '模板',
        rows: [
          ['站点', '日期', 'pm25', 'pm10', 'o3_8h'],
          ['曹宅空气站', '2022-01-15', 35, 58, 120],
        ],
      },
      inspections: {
        name: '模板',
        rows: [
          ['日期', 'kind', '对象', '乡镇（街道）', '经度', '纬度'],
          ['2022-03-08', 'inspection', '某某企业', '曹宅镇', 119.751, 29.205],
        ],
      },
      points: {
        name: '模板',
        rows: [
          ['名称', '类别', '数值', '经度', '纬度'],
          ['曹宅镇污水处理站', '污水处理', 42, 119.75057, 29.20447],
        ],
      },
    })
    const english = firstSheets('en')
    for (const [kind, sheet] of Object.entries(firstSheets('zh')))
      expect(english[kind]).toEqual({ name: 'Template', rows: sheet!.rows })
  })
  it('its notes sheet explains every column in the language asked for, and how the workbook is read', async () => {
    const { IMPORT_TEMPLATES, templateWorkbook } = await templates()
    const points = of(IMPORT_TEMPLATES, 'points')
    const LNG_NOTE = {
      zh: 'WGS84 经度，小数度，或 119°45′02″E',
      en: 'WGS84 longitude, decimal degrees, or 119°45′02″E',
    }
    const LAT_NOTE = {
      zh: 'WGS84 纬度，小数度，或 北纬29度12分16秒',
      en: 'WGS84 latitude, decimal degrees, or 北纬29度12分16秒',
    }
    expect(templateWorkbook(points, 'zh')[1]).toEqual({
      name: '说明',
      rows: [
        ['列名', '说明', '示例'],
        ['名称', '点位名称', '曹宅镇污水处理站'],
        ['类别', '任意文字，可按此列着色', '污水处理'],
        ['数值', '任意数字，可按此列分级或设大小', '42'],
        ['经度', LNG_NOTE.zh, '119.75057'],
        ['纬度', LAT_NOTE.zh, '29.20447'],
        [],
        ['导入时读取第一个工作表“模板”：第 1 行为列名，其下每行一条记录；示例行可改写或删除。'],
      ],
    })
    expect(templateWorkbook(points, 'en')[1]).toEqual({
      name: 'Notes',
      rows: [
        ['Column', 'Note', 'Example'],
        ['名称', 'point name', '曹宅镇污水处理站'],
        ['类别', 'any text; colour by it', '污水处理'],
        ['数值', 'any number; classify or size by it', '42'],
        ['经度', LNG_NOTE.en, '119.75057'],
        ['纬度', LAT_NOTE.en, '29.20447'],
        [],
        [
          'The importer reads the first sheet, "Template": row 1 the column names, then one record per row; ' +
            'rewrite or delete the example row.',
        ],
      ],
    })
  })
  it('every kind’s notes sheet has a row per column, in the same shape in both languages', async () => {
    const { IMPORT_TEMPLATES, templateWorkbook } = await templates()
    for (const template of IMPORT_TEMPLATES) {
      const [zh, en] = LANGS.map((lang) => templateWorkbook(template, lang)[1]!.rows)
      for (const [lang, rows] of [['zh', zh!] as const, ['en', en!] as const]) {
        expect(rows.slice(1, -2)).toEqual(template.columns.map((c) => [c.name, c.note[lang], c.example]))
        expect(rows.at(-2)).toEqual([])
        expect(rows.at(-1)).toHaveLength(1)
      }
      expect(en![0]).toEqual(['Column', 'Note', 'Example'])
      expect(zh![0]).toEqual(['列名', '说明', '示例'])
    }
  })
})
