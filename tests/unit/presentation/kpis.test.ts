/**
 * The presentation KPI header against the real seeds/report/figures.json: every KPI resolves,
 * shows the report's number, and carries the report sentence; a missing figure is an error.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parseReportFigures } from '../../../src/domain/report/report'
import {
  PRESENTATION_KPIS,
  kpiIdsForFigures,
  kpiValueRuns,
  resolvePresentationKpis,
  type PresentationKpiDefinition,
} from '../../../src/presentation/kpis'
import { parseTourScript, HEATMAP_LAYER_ID } from '../../../src/presentation/tour-script'
import defaultTour from '../../../src/presentation/default-tour.json'
import { INDICATORS } from '../../../src/domain/indicators/township-indicators'

const INDICATOR_IDS = INDICATORS.map((indicator) => indicator.id)

const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'))
const { figures, errors: figureErrors } = parseReportFigures(readJson('../../../seeds/report/figures.json'))
const towns = readJson('../../../public/geo/towns.geojson') as {
  features: Array<{ properties: { code: string; name: string } }>
}
const villages = JSON.stringify(readJson('../../../public/geo/villages.json'))

describe('PRESENTATION_KPIS against the report figures', () => {
  const { kpis, errors } = resolvePresentationKpis(figures)
  const byId = new Map(kpis.map((kpi) => [kpi.id, kpi]))

  test('figures.json is valid and every KPI resolves', () => {
    expect(figureErrors).toEqual([])
    expect(errors).toEqual([])
    expect(kpis.map((kpi) => kpi.id)).toEqual(PRESENTATION_KPIS.map((definition) => definition.id))
  })

  test('refers to the figure ids the header is specified with', () => {
    expect(PRESENTATION_KPIS.flatMap((definition) => definition.figureIds)).toEqual([
      'air-good-day-rate',
      'air-pm25',
      'air-pm10',
      'air-o3',
      'enforcement-inspections',
      'enforcement-cases',
      'vocs-rectified',
      'zero-discharge-award',
      'low-carbon-pilot-villages',
    ])
  })

  test.each([
    ['good-day-rate', 86.1, '86.1%', '86.1%'],
    ['pm25', 26, '26 μg/m³', '26 μg/m³'],
    ['pm10', 45, '45 μg/m³', '45 μg/m³'],
    ['o3', 164, '164 μg/m³', '164 μg/m³'],
    ['inspections', 1095, '1,095 家次', '1,095 inspections'],
    ['cases', 41, '41 件', '41 cases'],
    ['vocs-rectified', 74, '74 个', '74'],
  ] as const)('%s shows %d as the report states it', (id, value, zh, en) => {
    const kpi = byId.get(id)!
    expect(kpi.kind).toBe('figure')
    expect(kpi.figures[0]!.value).toBe(value)
    expect(kpi.value).toEqual({ zh, en })
    // The sentence the UI shows on demand is the report's own.
    expect(kpi.figures[0]!.quote).toContain(kpi.figures[0]!.valueText)
  })

  test('zero-discharge: 东孝 and 多湖 completed, 曹宅 the model town, the district’s CNY 10 million award', () => {
    const kpi = byId.get('zero-discharge')!
    expect(kpi.places.map((place) => [place.name.zh, place.status.en])).toEqual([
      ['东孝街道', 'completed in 2022'],
      ['多湖街道', 'completed in 2022'],
      ['曹宅镇', 'model town built and accepted'],
    ])
    expect(kpi.value).toEqual({ zh: '专项奖补资金1,000万元', en: 'CNY 10 million provincial special award' })
    expect(kpi.figures[0]!.quote).toContain('1000万元')
  })

  test('low-carbon, read literally: 多湖街道 and 6 villages, 2 of them named (月潭村, 北山口村); none invented', () => {
    const kpi = byId.get('low-carbon')!
    expect(kpi.places.map((place) => place.name.zh)).toEqual(['多湖街道', '月潭村', '北山口村'])
    expect(kpi.figures[0]!.quote).toContain('多湖街道和月潭村、北山口村等6个村')
    expect(kpi.value).toEqual({ zh: '多湖街道和6个村（点名2个）', en: 'Duohu and 6 villages (2 named)' })
    for (const place of kpi.places) expect(kpi.figures[0]!.quote).toContain(place.name.zh)
  })

  test('every place sits in a real township, and every village code is a real village', () => {
    const codes = new Map(towns.features.map((feature) => [feature.properties.code, feature.properties.name]))
    for (const definition of PRESENTATION_KPIS) {
      if (definition.kind !== 'places') continue
      for (const place of definition.places) {
        expect(codes.has(place.townCode), place.name.zh).toBe(true)
        if (place.kind === 'town') expect(codes.get(place.code)).toBe(place.name.zh)
        else expect(villages).toContain(place.code)
      }
    }
  })
})

describe('resolvePresentationKpis fails loudly', () => {
  test('a missing figure is an error, and that KPI is left out rather than shown empty', () => {
    const withoutPm25 = figures.filter((figure) => figure.id !== 'air-pm25')
    const { kpis, errors } = resolvePresentationKpis(withoutPm25)
    expect(errors).toEqual(['KPI "pm25": report figure "air-pm25" is missing from figures.json'])
    expect(kpis.map((kpi) => kpi.id)).not.toContain('pm25')
    expect(kpis).toHaveLength(PRESENTATION_KPIS.length - 1)
  })

  test('a missing figure behind a places KPI is an error too', () => {
    const { kpis, errors } = resolvePresentationKpis(
      figures.filter((figure) => figure.id !== 'low-carbon-pilot-villages'),
    )
    expect(errors).toEqual(['KPI "low-carbon": report figure "low-carbon-pilot-villages" is missing from figures.json'])
    expect(kpis.map((kpi) => kpi.id)).not.toContain('low-carbon')
  })

  test('summary placeholders that cannot be filled are errors', () => {
    const broken: PresentationKpiDefinition[] = [
      {
        kind: 'places',
        id: 'broken',
        label: { zh: '坏', en: 'Broken' },
        figureIds: ['air-pm25'],
        places: [],
        summary: { zh: '{yuan:air-pm25}', en: '{value:enforcement-cases} {count:county} {typo}' },
      },
      { kind: 'figure', id: 'empty', label: { zh: '空', en: 'Empty' }, figureIds: [] },
    ]
    const { kpis, errors } = resolvePresentationKpis(figures, broken)
    expect(kpis).toEqual([])
    expect(errors).toEqual([
      'KPI "broken": {yuan:air-pm25} needs a figure in 万元, "air-pm25" is in "μg/m³"',
      'KPI "broken": summary placeholder {value:enforcement-cases} names a figure not in its figureIds',
      'KPI "broken": summary placeholder {count:county} counts an unknown place kind',
      'KPI "broken": summary has an unknown placeholder {typo}',
      'KPI "empty": names no report figure',
    ])
  })
})

describe('highlighting KPIs for a tour stop', () => {
  const { kpis } = resolvePresentationKpis(figures)

  test('picks the KPIs backed by the stop figures, in header order', () => {
    expect(kpiIdsForFigures(kpis, ['air-o3', 'air-pm25'])).toEqual(['pm25', 'o3'])
    expect(kpiIdsForFigures(kpis, ['water-national-control-average-class'])).toEqual([])
    expect(kpiIdsForFigures(kpis, undefined)).toEqual([])
  })

  test('the default tour highlights something at most stops, and the air overview all four air KPIs', () => {
    const { script } = parseTourScript(defaultTour, {
      layerIds: [
        'counties',
        'district',
        'towns',
        'seats',
        'rivers',
        'river-sections',
        'water-sections',
        'monitoring-points',
        'low-carbon',
        'zero-discharge',
        'plan-2023-sites',
        'enforcement',
        HEATMAP_LAYER_ID,
      ],
      townCodes: towns.features.map((feature) => feature.properties.code),
      indicatorIds: INDICATOR_IDS,
      figureIds: figures.map((figure) => figure.id),
    })
    expect(kpiIdsForFigures(kpis, script!.stops[0]!.figures)).toEqual(['good-day-rate', 'pm25', 'pm10', 'o3'])
    const highlighting = script!.stops.filter((stop) => kpiIdsForFigures(kpis, stop.figures).length > 0)
    expect(highlighting.length).toBeGreaterThanOrEqual(script!.stops.length / 2)
  })
})

describe('kpiValueRuns', () => {
  test('a figure is one quantity, its unit kept with it', () => {
    expect(kpiValueRuns('164 μg/m³')).toEqual([{ kind: 'quantity', number: '164', unit: ' μg/m³' }])
    expect(kpiValueRuns('86.1%')).toEqual([{ kind: 'quantity', number: '86.1', unit: '%' }])
    expect(kpiValueRuns('1,095 inspections')).toEqual([{ kind: 'quantity', number: '1,095', unit: ' inspections' }])
    expect(kpiValueRuns('74')).toEqual([{ kind: 'quantity', number: '74', unit: '' }])
  })

  test('a summary in words keeps each number with its unit, the words around them free to wrap', () => {
    expect(kpiValueRuns('多湖街道和6个村（点名2个）')).toEqual([
      { kind: 'text', text: '多湖街道和' },
      { kind: 'quantity', number: '6', unit: '个村' },
      { kind: 'text', text: '（点名' },
      { kind: 'quantity', number: '2', unit: '个' },
      { kind: 'text', text: '）' },
    ])
    expect(kpiValueRuns('专项奖补资金1,000万元')).toEqual([
      { kind: 'text', text: '专项奖补资金' },
      { kind: 'quantity', number: '1,000', unit: '万元' },
    ])
  })

  test("every KPI's value reads back whole from its runs", () => {
    for (const kpi of resolvePresentationKpis(figures).kpis)
      for (const text of [kpi.value.zh, kpi.value.en])
        expect(
          kpiValueRuns(text)
            .map((run) => (run.kind === 'text' ? run.text : run.number + run.unit))
            .join(''),
        ).toBe(text)
  })
})
