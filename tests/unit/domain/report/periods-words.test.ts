/**
 * Honest periods and words (issue 12, item 3), each checked against the report text in
 * seeds/report: every figure's period is the one its sentence states; the 1000万元 award is not
 * credited to 曹宅镇; the low-carbon note quotes the sentence and reads it literally (issue 23); the
 * readings note claims agreement only for PM2.5 and PM10; petitions keep their rounds apart; the
 * plan keeps the report's section and status words; the English wordings.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FeatureCollection } from 'geojson'
import { describe, expect, test } from 'vitest'
import { formatFigure, parseReportFigures } from '../../../../src/domain/report/report'
import { hasPeriodLabel, periodLabel } from '../../../../src/domain/report/report-periods'
import { INDICATORS } from '../../../../src/domain/indicators/township-indicators'
import { resolvePresentationKpis } from '../../../../src/presentation/kpis'
import { enAll as en, zhAll as zh } from '../../support/messages'
import defaultTour from '../../../../src/presentation/default-tour.json'
import lowCarbon from '../../../../src/layers/low-carbon.layer'
import zeroDischarge from '../../../../src/layers/zero-discharge.layer'
import waterSections from '../../../../src/layers/water-sections.layer'
import enforcement from '../../../../src/layers/enforcement.layer'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
const report = readFileSync(join(root, 'seeds/report/jindong-2022-environment-work-report.txt'), 'utf8')
const readGeo = <T>(file: string): T => JSON.parse(readFileSync(join(root, 'public/geo', file), 'utf8')) as T
const { figures } = parseReportFigures(readGeo<{ figures: unknown }>('report.json').figures)
const figure = (id: string) => figures.find((f) => f.id === id)!

/** The report's parts: 一 the 2022 summary (with the opening paragraph), 二 problems, 三 the 2023 plan. */
const PART_TWO = report.indexOf('二、存在困难和问题')
const PART_THREE = report.indexOf('三、2023年工作思路')
/** The sentence (between 。) holding a quote. */
function sentenceOf(quote: string): string {
  const at = report.indexOf(quote)
  expect(at, quote).toBeGreaterThanOrEqual(0)
  const start = Math.max(report.lastIndexOf('。', at), report.lastIndexOf('\n', at)) + 1
  const end = report.indexOf('。', at + quote.length)
  return report.slice(start, end)
}

describe('each figure shows its own period, as its sentence in the report states it', () => {
  const rule: Record<string, (quote: string) => boolean> = {
    '2022-01/2022-10': (q) => sentenceOf(q).includes('1-10月'),
    '2021': (q) => sentenceOf(q).includes('2021年'),
    '2019': (q) => sentenceOf(q).includes('2019年') && sentenceOf(q).includes('污染源普查'),
    'first round of central and provincial inspections': (q) => sentenceOf(q).includes('第一轮'),
    'second round of central inspection': (q) => sentenceOf(q).includes('第二轮'),
    '2022': (q) => report.indexOf(q) < PART_TWO,
    '2023 target': (q) => report.indexOf(q) > PART_THREE,
  }

  test.each(figures.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    expect(hasPeriodLabel(f)).toBe(true)
    expect(rule[f.period]?.(f.quote), `${f.period}: ${f.quote}`).toBe(true)
  })

  test('the labels the overview shows, per the issue', () => {
    const shown = (id: string) => periodLabel(figure(id).period).zh
    for (const id of ['air-good-day-rate', 'vocs-rectified', 'enforcement-inspections', 'enforcement-fines'])
      expect(shown(id)).toBe('1–10月')
    for (const id of [
      'water-eco-compensation-bonus',
      'water-eco-compensation-rank',
      'water-eco-compensation-consecutive-years',
    ])
      expect(shown(id)).toBe('2021年')
    expect(shown('problems-emission-sources')).toBe('2019年结束的第二次污染源普查')
    expect(shown('petitions-first-round-total')).toBe('第一轮督察')
    expect(shown('petitions-second-round-central')).toBe('第二轮督察')
    for (const id of ['low-carbon-pilot-villages', 'zero-discharge-award']) expect(shown(id)).toBe('2022年（截至报告）')
    expect(shown('plan-2023-no-waste-cells')).toBe('2023年目标')
  })

  test('the overview heading claims no single period; the KPI cards carry 1–10月', () => {
    for (const heading of [zh.periods.heading, en.periods.heading]) {
      expect(heading).not.toMatch(/1[–-]10月|Jan[–-]Oct/)
    }
    const { kpis } = resolvePresentationKpis(figures)
    const kpiPeriod = (id: string) => periodLabel(kpis.find((k) => k.id === id)!.figures[0]!.period)
    for (const id of ['good-day-rate', 'pm25', 'pm10', 'o3', 'inspections', 'cases', 'vocs-rectified'])
      expect(kpiPeriod(id)).toEqual({ zh: '1–10月', en: 'Jan–Oct' })
  })
})

describe('the 1000万元 award is the district’s, not 曹宅镇’s', () => {
  const facts = JSON.parse(readFileSync(join(root, 'seeds/report/thematic-facts.json'), 'utf8'))
  test('its clause in the report has no subject of its own', () => {
    const award = facts.zero_discharge.award
    expect(award.holder).toBe('district')
    const at = report.indexOf(award.quote)
    expect(report[at - 1]).toBe('，') // a new clause, after 曹宅's acceptance
    expect(award.quote.startsWith('获得')).toBe(true) // …that starts with the verb: no subject
  })
  test('no township carries it on the map, and the tour does not credit 曹宅镇', () => {
    const zones = readGeo<FeatureCollection>('zero-discharge.geojson').features
    for (const zone of zones) {
      expect(zone.properties?.figure_id ?? null).toBeNull()
      expect(JSON.stringify(zone.properties)).not.toMatch(/1000|award/)
    }
    const caozhai = defaultTour.stops.find((s) => s.id === 'caozhai-model-town')!
    expect(caozhai.caption.zh).not.toMatch(/曹宅镇[^。]*获得/)
    expect(caozhai.caption.en).not.toMatch(/Caozhai[^.]*, with CNY/)
    expect(JSON.stringify(zeroDischarge.method)).not.toMatch(/标注在曹宅镇|shown on 曹宅镇/)
  })
})

describe('the low-carbon note quotes the report and reads it literally: 多湖街道 and six villages, two named', () => {
  const quote = '多湖街道和月潭村、北山口村等6个村'
  test('the report names these three', () => {
    expect(report).toContain(quote)
  })
  const texts = [
    ...readGeo<FeatureCollection>('low-carbon.geojson').features.flatMap((f) => [
      String(f.properties?.note_zh),
      String(f.properties?.note_en),
    ]),
    JSON.stringify(lowCarbon.caveat),
    JSON.stringify(lowCarbon.method),
    JSON.stringify(INDICATORS.find((i) => i.id === 'low-carbon')!.note),
  ]
  test.each(texts.map((t) => [t.slice(0, 40), t]))('%s…', (_, text) => {
    expect(text).toMatch(/多湖街道|Duohu/)
    expect(text).toMatch(/月潭村|Yuetan/)
    expect(text).toMatch(/北山口村|Beishankou/)
    // The literal reading (issue 23): 多湖街道 and 6 villages; no longer "6 in all, 3 named".
    expect(text).toMatch(/多湖街道和6个村|和6个村|and six villages|and 6 villages|多湖街道 \(Duohu\) and six/)
    expect(text).toMatch(/歧义|ambiguous/)
    expect(text).not.toMatch(/计6个|共6个|counts 6 pilots|6 in all|names 3 of them|点名其中3处/)
  })
})

describe('the readings note claims agreement with the report only for PM2.5 and PM10', () => {
  const stations = readGeo<FeatureCollection>('monitoring-points.geojson').features.filter(
    (f) => f.properties?.kind === 'air',
  )
  const districtMean = (key: string) => {
    const series = stations.map((s) => s.properties?.[key] as number[])
    const monthly = series[0]!.map((_, m) => series.reduce((sum, s) => sum + s[m]!, 0) / series.length)
    return monthly.reduce((a, b) => a + b, 0) / monthly.length
  }
  test('as the sample data bears out: PM2.5 and PM10 round to the report, O₃ does not', () => {
    expect(report).toContain('PM2.5浓度为26μg/m3')
    expect(report).toContain('PM10浓度为45μg/m3')
    expect(report).toContain('O3浓度为164μg/m3')
    expect(Math.round(districtMean('pm25'))).toBe(26)
    expect(Math.round(districtMean('pm10'))).toBe(45)
    expect(Math.round(districtMean('o3'))).not.toBe(164)
  })
  test('and the note says so', () => {
    expect(zh.heatmap.readingsNote).toContain('仅PM2.5、PM10的全区均值与报告一致')
    expect(zh.heatmap.readingsNote).not.toMatch(/站点读数为示例数据，全区均值与报告一致/)
    expect(en.heatmap.readingsNote).toContain('for PM2.5 and PM10 only')
  })
})

describe('per-township petitions keep the two rounds apart', () => {
  const rows = readGeo<{ towns: Record<string, number>[] }>('town-indicators.json').towns
  const sum = (key: string) => rows.reduce((total, row) => total + row[key]!, 0)
  test('each round reconciles with its own sentence; nothing adds them to 202', () => {
    expect(report).toContain('我区共收到信访交办件148件')
    expect(report).toContain('第二轮中央生态环境保护督察交办信访件54件')
    expect(sum('petitions_first_total')).toBe(148)
    expect(sum('petitions_second')).toBe(54)
    const petitions = INDICATORS.filter((i) => i.id.startsWith('petitions'))
    expect(petitions.map((i) => i.reportFigureIds)).toEqual([
      ['petitions-first-round-total'],
      ['petitions-second-round-central'],
    ])
    expect(JSON.stringify(petitions)).not.toMatch(/(?<!\d)202(?!\d)/)
  })
})

describe('the plan keeps the report’s section and status words', () => {
  const items = readGeo<{
    items: { id: string; section: string; name: { zh: string }; status: { zh: string }; quote: string }[]
  }>('plan-2023.json').items
  test('the section is titled as the report titles it', () => {
    expect(report).toContain(`三、${zh.periods.plan}`)
  })
  test.each(items.map((i) => [i.id, i] as const))('%s', (_id, item) => {
    const at = report.indexOf(item.quote)
    if (item.section === 'plan-2023') {
      expect(at).toBeGreaterThan(PART_THREE)
      expect(['加快推动', '适时推动建设', '2023年目标']).toContain(item.status.zh)
      if (item.status.zh !== '2023年目标') expect(item.quote).toContain(item.status.zh)
    } else {
      expect(item.section).toBe('problems')
      expect(at).toBeGreaterThan(PART_TWO)
      expect(at).toBeLessThan(PART_THREE)
      expect(item.status.zh).toBe('亟待加快')
      expect(item.quote).toContain('亟待加快')
    }
  })
  test('垃圾中转站 and 易腐垃圾处理中心 are under 存在困难和问题', () => {
    const problems = items.filter((i) => i.section === 'problems').map((i) => i.name.zh)
    expect(problems).toEqual(['垃圾中转站', '易腐垃圾处理中心'])
    expect(zh.periods.problems).toContain('存在困难和问题')
  })
})

describe('English wordings', () => {
  test('money in CNY, not ×10k CNY', () => {
    expect(report).toContain('处罚款86.08万元')
    expect(formatFigure(figure('enforcement-fines'), 'en')).toBe('CNY 860,800')
    expect(formatFigure(figure('zero-discharge-award'), 'en')).toBe('CNY 10 million')
    for (const f of figures) expect(formatFigure(f, 'en')).not.toContain('×10k')
  })
  test('the terms of the issue', () => {
    expect(report).toContain('污水零直排区')
    expect(zeroDischarge.title.en).toMatch(/zero direct sewage discharge zone/i)
    expect(en.overview.topics['zero-discharge']).toMatch(/zero direct sewage discharge zone/i)
    expect(report).toContain('国控断面')
    expect(waterSections.title.en).toMatch(/national control section/i)
    expect(figure('water-national-control-average-class').label.en).toMatch(/national control section/i)
    expect(report).toContain('环境空气优良率')
    expect(figure('air-good-day-rate').label.en).toMatch(/share of good-air days/i)
    expect(report).toContain('向公安机关移送涉刑案件5件')
    expect(report).toContain('向行政执法局移送案件2件')
    const legend = JSON.stringify(enforcement.legend)
    expect(legend).toContain('referred to the police')
    expect(legend).toContain('referred to the administrative law-enforcement bureau')
  })
  test('English panels show note_en and status_en', () => {
    expect(lowCarbon.panelFields).toContainEqual(
      expect.objectContaining({ property: 'note_zh', propertyEn: 'note_en' }),
    )
    expect(zeroDischarge.panelFields).toContainEqual(
      expect.objectContaining({ property: 'status_zh', propertyEn: 'status_en' }),
    )
  })
})
