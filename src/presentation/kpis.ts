/**
 * The KPI header of presentation mode: the report's headline figures, always on screen.
 *
 * The numbers are not written here. Each KPI names the figure ids of seeds/report/figures.json it
 * shows, and its value is formatted from that figure when the KPIs are resolved; so the header
 * cannot drift from the report, and the UI can show the report's own sentence (figure.quote) for
 * any KPI. A missing figure is an error returned by resolvePresentationKpis, and that KPI is left
 * out rather than shown with a made-up or empty value.
 *
 * Two KPIs are lists of places (zero-discharge zones, low-carbon pilots), because the report gives
 * names, not a number, for them; their places are the report's, and nothing is added. The report's
 * low-carbon sentence, "多湖街道和月潭村、北山口村等6个村", reads literally as 多湖街道 and six
 * villages, two of them named (月潭村, 北山口村): the three named places are listed, and the summary
 * says 多湖街道 and 6 villages, 2 named. (Whether 多湖街道 is one of the six is ambiguous; a
 * subdistrict is not a village, so the literal reading is followed — see the indicator's note.)
 *
 * Pure TypeScript.
 */
import { formatFigure, formatWanYuanEnglish } from '../domain/report/report'
import type { ReportFigure } from '../domain/types'
import type { Bilingual } from './tour-script'

export interface KpiPlace {
  kind: 'town' | 'village'
  name: Bilingual
  /** Statistical code of the place (town: 9 digits, village: 12). */
  code: string
  /** The township it lies in (its own code for a township); the map frames this one. */
  townCode: string
  status: Bilingual
}

interface KpiBase {
  id: string
  label: Bilingual
  /** Figures whose report sentence backs this KPI; the first is the one a 'figure' KPI shows. */
  figureIds: readonly string[]
}

/** One report figure, shown as the report states it. */
export interface FigureKpiDefinition extends KpiBase {
  kind: 'figure'
}

/**
 * Named places with a one-line summary. The summary is a template: `{value:FIGURE_ID}` is the
 * figure's number, `{yuan:FIGURE_ID}` a 万元 figure as money ("1,000万元", "CNY 10 million"), and
 * `{count:town}` / `{count:village}` the number of listed places of that kind, `{count:all}` of all.
 */
export interface PlacesKpiDefinition extends KpiBase {
  kind: 'places'
  places: readonly KpiPlace[]
  summary: Bilingual
}

export type PresentationKpiDefinition = FigureKpiDefinition | PlacesKpiDefinition

export interface ResolvedKpi {
  id: string
  kind: PresentationKpiDefinition['kind']
  label: Bilingual
  /** The headline text in each language: "86.1%", "1,095 家次" / "1,095 inspections". */
  value: Bilingual
  /** The figures named by figureIds, in that order: value, period and the report's sentence. */
  figures: ReportFigure[]
  /** For 'places' KPIs; empty otherwise. */
  places: KpiPlace[]
}

const figureKpi = (id: string, label: Bilingual, figureId: string): FigureKpiDefinition => ({
  kind: 'figure',
  id,
  label,
  figureIds: [figureId],
})

const DUOHU: Pick<KpiPlace, 'kind' | 'name' | 'code' | 'townCode'> = {
  kind: 'town',
  name: { zh: '多湖街道', en: 'Duohu Subdistrict' },
  code: '330703001',
  townCode: '330703001',
}

export const PRESENTATION_KPIS: readonly PresentationKpiDefinition[] = [
  figureKpi('good-day-rate', { zh: '空气优良率', en: 'Share of good-air days' }, 'air-good-day-rate'),
  figureKpi('pm25', { zh: 'PM2.5', en: 'PM2.5' }, 'air-pm25'),
  figureKpi('pm10', { zh: 'PM10', en: 'PM10' }, 'air-pm10'),
  figureKpi('o3', { zh: 'O₃', en: 'O₃' }, 'air-o3'),
  figureKpi('inspections', { zh: '检查企业', en: 'Enterprise inspections' }, 'enforcement-inspections'),
  figureKpi('cases', { zh: '办理案件', en: 'Enforcement cases' }, 'enforcement-cases'),
  figureKpi('vocs-rectified', { zh: 'VOCs突出问题整治', en: 'VOCs problems rectified' }, 'vocs-rectified'),
  {
    kind: 'places',
    id: 'zero-discharge',
    label: { zh: '污水零直排区', en: 'Zero direct sewage discharge zones' },
    figureIds: ['zero-discharge-award'],
    places: [
      {
        kind: 'town',
        name: { zh: '东孝街道', en: 'Dongxiao Subdistrict' },
        code: '330703002',
        townCode: '330703002',
        status: { zh: '2022年完成创建', en: 'completed in 2022' },
      },
      { ...DUOHU, status: { zh: '2022年完成创建', en: 'completed in 2022' } },
      {
        kind: 'town',
        name: { zh: '曹宅镇', en: 'Caozhai Town' },
        code: '330703103',
        townCode: '330703103',
        status: { zh: '样板镇建设完成并通过验收', en: 'model town built and accepted' },
      },
    ],
    summary: {
      zh: '专项奖补资金{yuan:zero-discharge-award}',
      en: '{yuan:zero-discharge-award} provincial special award',
    },
  },
  {
    kind: 'places',
    id: 'low-carbon',
    label: { zh: '省级低碳试点', en: 'Provincial low-carbon pilots' },
    figureIds: ['low-carbon-pilot-villages'],
    places: [
      { ...DUOHU, status: { zh: '低碳试点街道', en: 'pilot subdistrict' } },
      {
        kind: 'village',
        name: { zh: '月潭村', en: 'Yuetan Village' },
        code: '330703101238',
        townCode: '330703101',
        status: { zh: '试点村（孝顺镇）', en: 'pilot village (Xiaoshun)' },
      },
      {
        kind: 'village',
        name: { zh: '北山口村', en: 'Beishankou Village' },
        code: '330703108240',
        townCode: '330703108',
        status: { zh: '试点村（赤松镇）', en: 'pilot village (Chisong)' },
      },
    ],
    summary: {
      zh: '多湖街道和{value:low-carbon-pilot-villages}个村（点名{count:village}个）',
      en: 'Duohu and {value:low-carbon-pilot-villages} villages ({count:village} named)',
    },
  },
]

const LOCALES = { zh: 'zh-CN', en: 'en' } as const

function groupedNumber(value: number, language: keyof Bilingual): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 20 }).format(value)
}

/** A 万元 (10,000 yuan) amount: as the report writes it in Chinese, in yuan or millions in English. */
function formatWanYuan(wan: number, language: keyof Bilingual): string {
  if (language === 'zh') return `${groupedNumber(wan, 'zh')}万元`
  return formatWanYuanEnglish(wan)
}

const PLACEHOLDER = /\{(value|yuan|count):([a-z0-9-]+)\}/g

/** Fills a places KPI's summary; unknown or unresolvable placeholders become errors. */
function fillSummary(
  template: string,
  language: keyof Bilingual,
  definition: PlacesKpiDefinition,
  figures: ReadonlyMap<string, ReportFigure>,
  errors: string[],
): string {
  const filled = template.replace(PLACEHOLDER, (whole, kind: string, argument: string) => {
    if (kind === 'count') {
      if (argument !== 'town' && argument !== 'village' && argument !== 'all') {
        errors.push(`KPI "${definition.id}": summary placeholder ${whole} counts an unknown place kind`)
        return whole
      }
      const counted = definition.places.filter((place) => argument === 'all' || place.kind === argument)
      return groupedNumber(counted.length, language)
    }
    if (!definition.figureIds.includes(argument)) {
      errors.push(`KPI "${definition.id}": summary placeholder ${whole} names a figure not in its figureIds`)
      return whole
    }
    const figure = figures.get(argument)
    if (!figure) return whole // reported once, as a missing figure
    if (kind === 'yuan') {
      if (figure.unit !== '万元') {
        errors.push(`KPI "${definition.id}": ${whole} needs a figure in 万元, "${argument}" is in "${figure.unit}"`)
        return whole
      }
      return formatWanYuan(figure.value, language)
    }
    return groupedNumber(figure.value, language)
  })
  const leftover = filled.replace(PLACEHOLDER, '').match(/\{[^}]*\}/)
  if (leftover) errors.push(`KPI "${definition.id}": summary has an unknown placeholder ${leftover[0]}`)
  return filled
}

/**
 * The KPIs with their values, from the report figures (parseReportFigures of figures.json).
 * A KPI with a missing figure is left out and named in `errors`; so is one whose summary cannot
 * be filled. An empty `errors` means every KPI is shown.
 */
export function resolvePresentationKpis(
  figures: readonly ReportFigure[],
  definitions: readonly PresentationKpiDefinition[] = PRESENTATION_KPIS,
): { kpis: ResolvedKpi[]; errors: string[] } {
  const byId = new Map(figures.map((figure) => [figure.id, figure] as const))
  const errors: string[] = []
  const kpis: ResolvedKpi[] = []

  for (const definition of definitions) {
    const before = errors.length
    if (definition.figureIds.length === 0) errors.push(`KPI "${definition.id}": names no report figure`)
    const found: ReportFigure[] = []
    for (const figureId of definition.figureIds) {
      const figure = byId.get(figureId)
      if (figure) found.push(figure)
      else errors.push(`KPI "${definition.id}": report figure "${figureId}" is missing from figures.json`)
    }

    let value: Bilingual
    if (definition.kind === 'figure') {
      const primary = found[0]
      value = primary ? { zh: formatFigure(primary, 'zh-CN'), en: formatFigure(primary, 'en') } : { zh: '', en: '' }
    } else {
      value = {
        zh: fillSummary(definition.summary.zh, 'zh', definition, byId, errors),
        en: fillSummary(definition.summary.en, 'en', definition, byId, errors),
      }
    }

    if (errors.length > before) continue
    kpis.push({
      id: definition.id,
      kind: definition.kind,
      label: { ...definition.label },
      value,
      figures: found,
      places: definition.kind === 'places' ? definition.places.map((place) => ({ ...place })) : [],
    })
  }
  return { kpis, errors }
}

/**
 * The KPIs to highlight for a tour stop: those backed by any of the stop's figure ids, in header
 * order. A stop figure that no KPI carries (the water-section class, say) highlights nothing; the
 * UI may show its sentence with the caption instead.
 */
export function kpiIdsForFigures(kpis: readonly ResolvedKpi[], figureIds: readonly string[] | undefined): string[] {
  if (!figureIds || figureIds.length === 0) return []
  const wanted = new Set(figureIds)
  return kpis.filter((kpi) => kpi.figures.some((figure) => wanted.has(figure.id))).map((kpi) => kpi.id)
}

/** A KPI value cut into words and quantities; a quantity (number and unit) is never broken across lines. */
export type KpiValueRun = { kind: 'text'; text: string } | { kind: 'quantity'; number: string; unit: string }

// The units the report's KPIs use, longest first so "个村" is not read as "个" and then "村".
const QUANTITY = /(\d[\d,.]*)((?:\s?(?:μg\/m³|inspections|villages|million|cases|万元|家次|个村|个|件|村))|%)?/g

/**
 * "164 μg/m³" → one quantity; "多湖街道和6个村（点名2个）" → text, quantity, text, quantity, text. The big
 * screen draws the number large and its unit smaller, and keeps the two on one line.
 */
export function kpiValueRuns(value: string): KpiValueRun[] {
  const runs: KpiValueRun[] = []
  let at = 0
  for (const match of value.matchAll(QUANTITY)) {
    if (match.index > at) runs.push({ kind: 'text', text: value.slice(at, match.index) })
    runs.push({ kind: 'quantity', number: match[1]!, unit: match[2] ?? '' })
    at = match.index + match[0].length
  }
  if (at < value.length) runs.push({ kind: 'text', text: value.slice(at) })
  return runs
}
