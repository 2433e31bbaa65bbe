/**
 * Templates for the kinds of table the bureau keeps, offered by the import dialog: each a CSV
 * (UTF-8 with a byte-order mark, so Excel on Chinese Windows opens it as UTF-8) with its header,
 * one example row, and a note per column in a second row that starts with "#" — the importer reads
 * that row as data, so the note row says to delete it. The same template as a workbook
 * (templateWorkbook) keeps the first sheet clean — header and example, importable as it is — and
 * puts the notes on a second sheet, 说明 / Notes, since the importer reads the first sheet.
 * Pure TypeScript.
 */
import { toCsv } from '../../domain/text/export-table'

export type TemplateKind = 'township-indicators' | 'stations' | 'readings' | 'inspections' | 'points'

export interface TemplateColumn {
  name: string
  example: string
  note: { zh: string; en: string }
}

export interface ImportTemplate {
  kind: TemplateKind
  fileName: string
  columns: TemplateColumn[]
}

const LNG: TemplateColumn = {
  name: '经度',
  example: '119.75057',
  note: { zh: 'WGS84 经度，小数度，或 119°45′02″E', en: 'WGS84 longitude, decimal degrees, or 119°45′02″E' },
}
const LAT: TemplateColumn = {
  name: '纬度',
  example: '29.20447',
  note: { zh: 'WGS84 纬度，小数度，或 北纬29度12分16秒', en: 'WGS84 latitude, decimal degrees, or 北纬29度12分16秒' },
}
const TOWN: TemplateColumn = {
  name: '乡镇（街道）',
  example: '曹宅镇',
  note: {
    zh: '乡镇（街道）名称（曹宅、曹宅镇均可）或 9 位代码',
    en: 'township name (曹宅 or 曹宅镇) or its 9-digit code',
  },
}

export const IMPORT_TEMPLATES: readonly ImportTemplate[] = [
  {
    kind: 'township-indicators',
    fileName: '模板-乡镇指标.csv',
    columns: [
      TOWN,
      {
        name: '信访件数',
        example: '12',
        note: {
          zh: '数字；每个数字列成为一个分级图指标',
          en: 'a number; each numeric column becomes a choropleth indicator',
        },
      },
      {
        name: '整治面积（公顷）',
        example: '3.5',
        note: { zh: '数字，单位写在列名中', en: 'a number; put the unit in the column name' },
      },
    ],
  },
  {
    kind: 'stations',
    fileName: '模板-监测站点.csv',
    columns: [
      { name: '名称', example: '曹宅空气站', note: { zh: '站点名称', en: 'station name' } },
      {
        name: 'kind',
        example: 'air',
        // The kinds the monitoring-points layer draws (MONITORING_KINDS), which a stations file can replace.
        note: {
          zh: 'air 空气站 / water-auto 水质站 / enterprise-online 企业在线 / dust 扬尘',
          en: 'air / water-auto / enterprise-online / dust',
        },
      },
      LNG,
      LAT,
    ],
  },
  {
    kind: 'readings',
    fileName: '模板-监测数据.csv',
    columns: [
      {
        name: '站点',
        example: '曹宅空气站',
        note: { zh: '与站点表的名称一致', en: 'the name used in the stations table' },
      },
      {
        name: '日期',
        example: '2022-01-15',
        note: {
          zh: '年-月-日（日值，按月平均），或 2022-01 表示月均值；地图按一年的 1–10 月显示',
          en:
            'year-month-day (daily values, averaged by month), or 2022-01 for a monthly mean; ' +
            'the map shows Jan–Oct of one year',
        },
      },
      { name: 'pm25', example: '35', note: { zh: 'PM2.5，μg/m³', en: 'PM2.5, μg/m³' } },
      { name: 'pm10', example: '58', note: { zh: 'PM10，μg/m³', en: 'PM10, μg/m³' } },
      {
        name: 'o3_8h',
        example: '120',
        note: { zh: 'O₃ 日最大 8 小时平均，μg/m³', en: 'O₃ daily maximum 8-hour mean, μg/m³' },
      },
    ],
  },
  {
    kind: 'inspections',
    fileName: '模板-执法检查.csv',
    columns: [
      {
        name: '日期',
        example: '2022-03-08',
        note: { zh: '检查日期，年-月-日', en: 'inspection date, year-month-day' },
      },
      {
        name: 'kind',
        example: 'inspection',
        note: {
          zh: 'inspection 检查 / case 案件（行政处罚）/ 移送公安 / 移送行政执法局',
          en: 'inspection, case (a penalty), 移送公安 (referred to the police) or 移送行政执法局 (to the bureau)',
        },
      },
      { name: '对象', example: '某某企业', note: { zh: '检查对象名称', en: 'who was inspected' } },
      { ...TOWN, note: { zh: '无坐标时按乡镇（街道）定位', en: 'places the row when there are no coordinates' } },
      { ...LNG, example: '119.751' },
      { ...LAT, example: '29.205' },
    ],
  },
  {
    kind: 'points',
    fileName: '模板-点位.csv',
    columns: [
      { name: '名称', example: '曹宅镇污水处理站', note: { zh: '点位名称', en: 'point name' } },
      { name: '类别', example: '污水处理', note: { zh: '任意文字，可按此列着色', en: 'any text; colour by it' } },
      {
        name: '数值',
        example: '42',
        note: { zh: '任意数字，可按此列分级或设大小', en: 'any number; classify or size by it' },
      },
      LNG,
      LAT,
    ],
  },
]

/** The template as CSV text (with BOM): header, the note row (starting "#"), the example row. */
export function templateCsv(template: ImportTemplate, lang: 'zh' | 'en'): string {
  const notes = template.columns.map((column, i) =>
    i === 0
      ? `# ${lang === 'zh' ? '说明（导入前删除此行）' : 'Notes (delete this row before importing)'}: ${column.note[lang]}`
      : column.note[lang],
  )
  return toCsv(
    template.columns.map((column) => column.name),
    [notes, template.columns.map((column) => column.example)],
  )
}

export type TemplateCell = string | number

export interface TemplateSheet {
  name: string
  rows: TemplateCell[][]
}

/** A decimal written as text ("12", "119.75057") becomes a number, so Excel does not flag it as text. */
function cellValue(example: string): TemplateCell {
  return /^-?\d+(\.\d+)?$/.test(example) ? Number(example) : example
}

/**
 * The template as sheets for a workbook: first the table (header, one example row), which imports
 * as it is; then the notes, one row per column.
 */
export function templateWorkbook(template: ImportTemplate, lang: 'zh' | 'en'): TemplateSheet[] {
  const zh = lang === 'zh'
  return [
    {
      name: zh ? '模板' : 'Template',
      rows: [template.columns.map((column) => column.name), template.columns.map((c) => cellValue(c.example))],
    },
    {
      name: zh ? '说明' : 'Notes',
      rows: [
        zh ? ['列名', '说明', '示例'] : ['Column', 'Note', 'Example'],
        ...template.columns.map((column) => [column.name, column.note[lang], column.example]),
        [],
        [
          zh
            ? '导入时读取第一个工作表“模板”：第 1 行为列名，其下每行一条记录；示例行可改写或删除。'
            : 'The importer reads the first sheet, "Template": row 1 the column names, then one record per ' +
              'row; rewrite or delete the example row.',
        ],
      ],
    },
  ]
}

/** The template's file name with another extension ("模板-点位.csv" → "模板-点位.xlsx"). */
export function templateFileName(template: ImportTemplate, extension: 'csv' | 'xlsx'): string {
  return template.fileName.replace(/\.csv$/, `.${extension}`)
}
