/**
 * Township indicators for the towns choropleth and the area panel: what each indicator is, where
 * its numbers come from, and how they are computed for the towns currently loaded.
 *
 * Two sources:
 *  - Counted from points with aggregate.ts (inspections, cases, monitoring points), so loading
 *    other township boundaries recomputes them.
 *  - Read from the town table (public/geo/town-indicators.json) by town code (VOCs, the petitions of each round,
 *    low-carbon and zero-discharge statuses). These are per-town splits or statuses keyed by the
 *    statistical code; towns with codes the table does not know get null, not 0: "no data" must
 *    not look like "none".
 *
 * Pure TypeScript.
 */
import type { FeatureCollection } from 'geojson'
import { countInTowns, monthlyCountsInTowns, type TownArea } from '../geometry/aggregate'

export type BuiltinIndicatorId =
  | 'inspections'
  | 'cases'
  | 'vocs'
  | 'petitions-first-round'
  | 'petitions-second-round'
  | 'low-carbon'
  | 'zero-discharge'
  | 'monitoring-points'
/** A column of the user's table joined to the townships (src/user-data/tables/user-indicators.ts). */
export type UserIndicatorId = `user:${string}`
export type IndicatorId = BuiltinIndicatorId | UserIndicatorId

export interface IndicatorCategory {
  value: string
  label: { zh: string; en: string }
  colour: string
}

export interface IndicatorDefinition {
  id: IndicatorId
  label: { zh: string; en: string }
  unit: { zh: string; en: string }
  kind: 'count' | 'category'
  /**
   * 'sample' for per-town splits and generated points; 'official' for statuses the report states;
   * 'user' for a joined table.
   */
  provenance: 'official' | 'sample' | 'user'
  /**
   * ids in seeds/report/figures.json whose district total this indicator reconciles with, e.g.
   * ['enforcement-inspections']. For category indicators: the figures whose sentence states the
   * statuses (there is no total to reconcile).
   */
  reportFigureIds: string[]
  note: { zh: string; en: string }
  /** For category indicators: the categories, with label and colour. */
  categories?: IndicatorCategory[]
}

export type LowCarbonStatus = 'pilot-area' | 'pilot-village'
export type ZeroDischargeStatus = 'completed-2022' | 'model-town-accepted'

const LOW_CARBON_CATEGORIES: IndicatorCategory[] = [
  { value: 'pilot-area', label: { zh: '低碳试点乡镇（街道）', en: 'Low-carbon pilot township' }, colour: '#2e8b57' },
  { value: 'pilot-village', label: { zh: '含低碳试点村', en: 'Has low-carbon pilot villages' }, colour: '#9acd32' },
]

const ZERO_DISCHARGE_CATEGORIES: IndicatorCategory[] = [
  {
    value: 'completed-2022',
    label: { zh: '2022年完成污水零直排创建', en: 'Zero direct sewage discharge zone completed in 2022' },
    colour: '#1e90ff',
  },
  {
    value: 'model-town-accepted',
    label: { zh: '样板镇建设完成并通过验收', en: 'Model town built and accepted' },
    colour: '#0b3d91',
  },
]

const SAMPLE_SPLIT_NOTE = {
  zh: '样例数据：各乡镇（街道）数值为示意拆分，全区合计与《2022年工作总结》一致。',
  en: "Sample data: the per-township split is invented; the district total equals the 2022 work report's.",
}

const SAMPLE_POINTS_NOTE = {
  zh: '样例数据：点位为生成的示意位置，按当前乡镇边界统计；全区合计与《2022年工作总结》一致。',
  en:
    'Sample data: the points are generated positions, counted within the township boundaries loaded; ' +
    "the district total equals the 2022 work report's.",
}

export const INDICATORS: readonly IndicatorDefinition[] = [
  {
    id: 'inspections',
    label: { zh: '执法检查', en: 'Enforcement inspections' },
    unit: { zh: '家次', en: 'inspections' },
    kind: 'count',
    provenance: 'sample',
    reportFigureIds: ['enforcement-inspections'],
    note: SAMPLE_POINTS_NOTE,
  },
  {
    id: 'cases',
    label: { zh: '办理案件', en: 'Enforcement cases' },
    unit: { zh: '件', en: 'cases' },
    kind: 'count',
    provenance: 'sample',
    reportFigureIds: ['enforcement-cases'],
    note: SAMPLE_POINTS_NOTE,
  },
  {
    id: 'vocs',
    label: { zh: 'VOCs突出问题整治', en: 'VOCs problems rectified' },
    unit: { zh: '个', en: 'problems' },
    kind: 'count',
    provenance: 'sample',
    reportFigureIds: ['vocs-rectified'],
    note: SAMPLE_SPLIT_NOTE,
  },
  // The two rounds of inspections are apart in the report (148 in the first, 54 in the second) and
  // stay apart here: their sum, 202, is a number the report never gives.
  {
    id: 'petitions-first-round',
    label: { zh: '第一轮督察信访交办件', en: 'Petitions, 1st inspection round' },
    unit: { zh: '件', en: 'cases' },
    kind: 'count',
    provenance: 'sample',
    reportFigureIds: ['petitions-first-round-total'],
    note: {
      zh: `第一轮中央及省级环保督察期间收到的信访交办件（全区148件：中央81件、省级67件）。${SAMPLE_SPLIT_NOTE.zh}`,
      en:
        'Petitions referred during the first round of central and provincial inspections ' +
        `(148 in the district: 81 central, 67 provincial). ${SAMPLE_SPLIT_NOTE.en}`,
    },
  },
  {
    id: 'petitions-second-round',
    label: { zh: '第二轮督察交办信访件', en: 'Petitions, 2nd inspection round' },
    unit: { zh: '件', en: 'cases' },
    kind: 'count',
    provenance: 'sample',
    reportFigureIds: ['petitions-second-round-central'],
    note: {
      zh: `第二轮中央生态环境保护督察交办信访件（全区54件，含与其他县市合办2件）。${SAMPLE_SPLIT_NOTE.zh}`,
      en:
        'Petitions referred by the second round of central inspection (54 in the district, ' +
        `2 of them handled jointly with other counties). ${SAMPLE_SPLIT_NOTE.en}`,
    },
  },
  {
    id: 'low-carbon',
    label: { zh: '省级低碳试点', en: 'Provincial low-carbon pilots' },
    unit: { zh: '', en: '' },
    kind: 'category',
    provenance: 'official',
    reportFigureIds: ['low-carbon-pilot-villages', 'low-carbon-pilot-batch'],
    note: {
      zh:
        '报告原文：“2022年成功申报我区多湖街道和月潭村、北山口村等6个村为第二批省级低碳乡镇试点”。' +
        '按字面读，试点是多湖街道和6个村，村中点名月潭村、北山口村，其余4个村未点名，无从标注到乡镇。' +
        '此句有歧义：“等6个村”也可能把多湖街道算在6个之内（则共6处）；街道不是村，本图按字面理解。',
      en:
        'The report: "2022年成功申报我区多湖街道和月潭村、北山口村等6个村为第二批省级低碳乡镇试点". ' +
        'Read literally, the second-batch provincial low-carbon pilots are 多湖街道 (Duohu Subdistrict) and six ' +
        'villages, two of them named, 月潭村 (Yuetan) and 北山口村 (Beishankou); the other four are not named and ' +
        'cannot be placed in a township. The sentence is ambiguous: "等6个村" may count 多湖街道 among the six ' +
        '(six in all), but a subdistrict is not a village, so this map follows the literal reading.',
    },
    categories: LOW_CARBON_CATEGORIES,
  },
  {
    id: 'zero-discharge',
    label: { zh: '污水零直排区创建', en: 'Zero direct sewage discharge zones' },
    unit: { zh: '', en: '' },
    kind: 'category',
    provenance: 'official',
    reportFigureIds: ['zero-discharge-award'],
    note: {
      zh: '报告：完成东孝、多湖街道污水零直排创建任务，曹宅镇样板镇建设完成并通过验收。',
      en:
        'The report: 东孝 and 多湖 subdistricts completed their zero direct sewage discharge zones; ' +
        '曹宅镇 finished its model-town build and passed acceptance.',
    },
    categories: ZERO_DISCHARGE_CATEGORIES,
  },
  {
    id: 'monitoring-points',
    label: { zh: '监测点位', en: 'Monitoring points' },
    unit: { zh: '个', en: 'points' },
    kind: 'count',
    provenance: 'sample',
    // Air stations and water sections together; no single report figure counts both.
    reportFigureIds: [],
    note: {
      zh: '示意数据：监测点位位置为近似或生成的示意位置，按当前乡镇边界统计。',
      en:
        'Sample data: monitoring point positions are approximate or generated, ' +
        'counted within the township boundaries loaded.',
    },
  },
]

export interface TownIndicatorRow {
  code: string
  name: string
  vocs_rectified: number
  petitions_first_central: number
  petitions_first_provincial: number
  petitions_first_total: number
  petitions_second: number
  low_carbon: LowCarbonStatus | null
  zero_discharge: ZeroDischargeStatus | null
}

export type IndicatorValue = number | string | null

export interface TownIndicatorInput {
  towns: readonly TownArea[]
  /** public/geo/enforcement.geojson: points with properties kind 'inspection'|'case', month 1..10, case_type. */
  enforcement?: FeatureCollection
  /** public/geo/monitoring-points.geojson: points with properties kind. */
  monitoring?: FeatureCollection
  /** public/geo/town-indicators.json towns rows. */
  table?: readonly TownIndicatorRow[]
}

const isInspection = (properties: Record<string, unknown>): boolean => properties.kind === 'inspection'
const isCase = (properties: Record<string, unknown>): boolean => properties.kind === 'case'

/** A count from the table, or null when the cell is not a finite number (a hand-edited table). */
function tableCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * Every indicator for every town, keyed by town code. Counted indicators are null when their
 * collection is not given (not loaded yet); table indicators are null when the table is not given
 * or has no row for the town's code. A category with no status is null too.
 */
export function computeTownIndicators(input: TownIndicatorInput): Record<string, Record<IndicatorId, IndicatorValue>> {
  const { towns, enforcement, monitoring, table } = input
  const inspections = enforcement ? countInTowns(enforcement, towns, isInspection) : null
  const cases = enforcement ? countInTowns(enforcement, towns, isCase) : null
  const monitoringPoints = monitoring ? countInTowns(monitoring, towns) : null
  const rows = new Map<string, TownIndicatorRow>()
  for (const row of table ?? []) if (!rows.has(row.code)) rows.set(row.code, row)

  const result: Record<string, Record<IndicatorId, IndicatorValue>> = {}
  for (const town of towns) {
    const row = rows.get(town.code)
    result[town.code] = {
      inspections: inspections?.[town.code] ?? null,
      cases: cases?.[town.code] ?? null,
      vocs: row ? tableCount(row.vocs_rectified) : null,
      'petitions-first-round': row ? tableCount(row.petitions_first_total) : null,
      'petitions-second-round': row ? tableCount(row.petitions_second) : null,
      'low-carbon': row?.low_carbon ?? null,
      'zero-discharge': row?.zero_discharge ?? null,
      'monitoring-points': monitoringPoints?.[town.code] ?? null,
    }
  }
  return result
}

/**
 * Jan..Oct inspections and cases per town (index 0 = January), for the panel's monthly chart.
 * Empty when the enforcement collection is not given, so the panel can say "not loaded" rather
 * than draw ten zeros.
 */
export function monthlyEnforcement(
  input: TownIndicatorInput,
): Record<string, { inspections: number[]; cases: number[] }> {
  const { towns, enforcement } = input
  if (!enforcement) return {}
  const inspections = monthlyCountsInTowns(enforcement, towns, isInspection)
  const cases = monthlyCountsInTowns(enforcement, towns, isCase)
  const result: Record<string, { inspections: number[]; cases: number[] }> = {}
  for (const town of towns) {
    result[town.code] = { inspections: inspections[town.code] ?? [], cases: cases[town.code] ?? [] }
  }
  return result
}

/**
 * District totals of the count indicators: the sum over towns of the numeric values. An indicator
 * with no numeric value in any town is left out (nothing loaded is not a total of 0). Compare with
 * the report figures named in reportFigureIds to check that the sample reconciles.
 */
export function districtTotals(
  values: Record<string, Record<IndicatorId, IndicatorValue>>,
): Partial<Record<IndicatorId, number>> {
  const totals: Partial<Record<IndicatorId, number>> = {}
  for (const definition of INDICATORS) {
    if (definition.kind !== 'count') continue
    for (const townValues of Object.values(values)) {
      const value = townValues[definition.id]
      if (typeof value === 'number' && Number.isFinite(value))
        totals[definition.id] = (totals[definition.id] ?? 0) + value
    }
  }
  return totals
}
