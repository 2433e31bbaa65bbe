/**
 * Words that match the report and the standards (issue 23, item 9). Each wording the app shows is
 * checked against the report text (seeds/report/*.txt, figures.json) or against the standard's
 * table as coded in src/domain/air/aqi.ts (HJ 633-2012) and src/domain/warnings/warnings.ts
 * (GB 3095-2012), in both languages.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FeatureCollection } from 'geojson'
import { describe, expect, test } from 'vitest'
import { parseReportFigures } from '../../../../src/domain/report/report'
import { PERIOD_LABELS, periodLabel } from '../../../../src/domain/report/report-periods'
import { POLLUTANT_BREAKPOINTS } from '../../../../src/domain/air/aqi'
import { DEFAULT_TARGET_CLASS, LEVEL_II_24H, LEVEL_II_ANNUAL } from '../../../../src/domain/warnings/warnings'
import { INDICATORS } from '../../../../src/domain/indicators/township-indicators'
import { enAll as en, zhAll as zh } from '../../support/messages'
import lowCarbon from '../../../../src/layers/low-carbon.layer'
import monitoringPoints from '../../../../src/layers/monitoring-points.layer'
import inspectionDensity from '../../../../src/layers/inspection-density.derived-layer'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
const report = readFileSync(join(root, 'seeds/report/jindong-2022-environment-work-report.txt'), 'utf8')
const seedFigures = JSON.parse(readFileSync(join(root, 'seeds/report/figures.json'), 'utf8')) as unknown
const { figures } = parseReportFigures(seedFigures)
const figure = (id: string) => figures.find((f) => f.id === id)!
const readGeo = <T>(file: string): T => JSON.parse(readFileSync(join(root, 'public/geo', file), 'utf8')) as T
const PART_TWO = report.indexOf('二、存在困难和问题')
/** Every message of a locale, as one string, to look for a wording anywhere in the interface. */
const allText = (messages: object) => JSON.stringify(messages)

describe('the 2022 figures: "2022年（截至报告）", not "全年 2022"', () => {
  /**
   * The decision for each figure labelled 2022, from its quote: every one is a count or a result
   * the report states in its 2022 summary, written before the year ended, so none is a full year's.
   */
  const DECIDED: Record<string, string> = {
    'water-national-control-sections': 'a standing count, stated with the Jan–Oct assessment',
    'mobile-diesel-household-inspections': 'a running tally of the year so far',
    'mobile-roadside-inspections': 'a running tally of the year so far',
    'mobile-nonroad-machinery-registered': 'a running tally of the year so far',
    'mobile-nonroad-machinery-spot-tests': 'a running tally of the year so far',
    'mobile-new-energy-replacement': 'a running tally of the year so far',
    'mobile-nonroad-machinery-locators': 'a running tally of the year so far',
    'low-carbon-pilot-villages': '2022年成功申报: done by the report’s date',
    'low-carbon-pilot-batch': '2022年成功申报: done by the report’s date',
    'zero-discharge-award': 'received by the report’s date',
    'solid-waste-no-waste-factory-batch': 'rated by the report’s date',
    'solid-waste-aluminium-dross-capacity': 'listed by the report’s date',
    'inspection-review-problems-found': 'found so far in the follow-up review',
    'inspection-review-cases-to-file': 'so far in the follow-up review',
    'inspection-review-sealed': 'so far in the follow-up review',
    'business-eia-statutory-time-limit': 'the cut made by the report’s date',
    'business-cadres-paired': 'paired by the report’s date',
    'business-key-enterprises-paired': 'paired by the report’s date',
    'enforcement-boundary-incidents': '今年两次: this year so far',
    'party-conflict-of-interest-pledges': 'signed so far',
    'party-warning-education-sessions': 'held so far',
    'party-integrity-analysis-meetings': 'held so far',
    'party-discipline-knowledge-tests': 'held so far',
  }

  test('the report speaks before the year’s end: data to 1-10月, and work still due 年底前', () => {
    expect(report).toContain('1-10月，全区环境空气优良率为86.1%')
    expect(report).toContain('另2个问题年底前完成')
    expect(report).toContain('今年两次')
  })

  test('23 figures carry the 2022 period; each was decided, each is in the 2022 summary, none says 全年', () => {
    const labelled2022 = figures.filter((f) => f.period === '2022')
    expect(labelled2022).toHaveLength(23)
    expect(labelled2022.map((f) => f.id).sort()).toEqual(Object.keys(DECIDED).sort())
    for (const f of labelled2022) {
      expect(report.indexOf(f.quote), f.id).toBeGreaterThanOrEqual(0)
      expect(report.indexOf(f.quote), f.id).toBeLessThan(PART_TWO)
      expect(f.quote, f.id).not.toContain('全年')
      expect(periodLabel(f.period)).toEqual({ zh: '2022年（截至报告）', en: "2022 (to the report's date)" })
    }
  })

  test('no label or message says 全年 2022 / Year 2022', () => {
    for (const text of [JSON.stringify(PERIOD_LABELS), allText(zh), allText(en)]) {
      expect(text).not.toMatch(/全年 ?2022|Year 2022|year 2022/)
    }
    expect(zh.periods.note).toContain('2022年（截至报告）')
    expect(en.periods.note).toContain("2022 to the report's date")
  })
})

describe('the census: "2019年结束的第二次污染源普查"', () => {
  test('as the report words it', () => {
    expect(report).toContain('2019年结束的第二次污染源普查')
    expect(periodLabel(figure('problems-emission-sources').period).zh).toBe('2019年结束的第二次污染源普查')
    expect(periodLabel('2019').en).toBe('Second pollution-source census, finished in 2019')
    expect(zh.periods.note).toContain('2019年结束的第二次污染源普查')
    expect(en.periods.note).toContain('second pollution-source census finished in 2019')
    expect(allText(zh)).not.toContain('2019 普查')
    expect(allText(en)).not.toContain('the 2019 census')
  })
})

describe('low-carbon: the sentence, read literally, with its ambiguity', () => {
  const sentence = '2022年成功申报我区多湖街道和月潭村、北山口村等6个村为第二批省级低碳乡镇试点'
  const facts = JSON.parse(readFileSync(join(root, 'seeds/report/thematic-facts.json'), 'utf8')).low_carbon

  test('the report’s sentence: 多湖街道 and (月潭村、北山口村等) 6 villages', () => {
    expect(report).toContain(sentence)
    // Literally: "多湖街道" 和 "月潭村、北山口村等6个村" — the 6 counts 村, and a 街道 is not a 村.
    const [before, after] = sentence.split('和')
    expect(before!.endsWith('多湖街道')).toBe(true)
    expect(after).toMatch(/^月潭村、北山口村等6个村/)
    expect(facts.villages_counted).toBe(6)
    expect(facts.members.filter((m: { kind: string }) => m.kind === 'village')).toHaveLength(2)
    expect(facts.members.filter((m: { kind: string }) => m.kind === 'town')).toHaveLength(1)
  })

  const note = INDICATORS.find((i) => i.id === 'low-carbon')!.note
  const geoNotes = readGeo<FeatureCollection>('low-carbon.geojson').features.map((f) => ({
    zh: String(f.properties?.note_zh),
    en: String(f.properties?.note_en),
  }))

  test('the indicator’s note and every map note show the sentence verbatim', () => {
    for (const text of [note.zh, note.en, ...geoNotes.map((n) => n.zh)]) expect(text).toContain(sentence)
  })

  const texts: [string, { zh: string; en: string }][] = [
    ['indicator note', note],
    ['layer caveat', lowCarbon.caveat!],
    ['layer method', lowCarbon.method!],
    ...geoNotes.map((n, i): [string, { zh: string; en: string }] => [`map note ${i}`, n]),
  ]
  test.each(texts)('%s: 多湖街道 and six villages, two named, four not, and where it is ambiguous', (_, text) => {
    expect(text.zh).toMatch(/多湖街道和6个村/)
    expect(text.zh).toMatch(/4个村/)
    expect(text.zh).toContain('歧义')
    expect(text.en).toMatch(/and (six|6) villages/)
    expect(text.en).toMatch(/four|4/)
    expect(text.en).toContain('ambiguous')
  })

  test('figure 19’s label says its six villages are besides 多湖街道', () => {
    const villages = figure('low-carbon-pilot-villages')
    expect(villages.value).toBe(6)
    expect(villages.quote).toContain('等6个村')
    expect(villages.label.zh).toBe('省级低碳乡镇试点村数（多湖街道之外）')
    expect(villages.label.en).toBe('Villages accepted as provincial low-carbon pilots (besides Duohu Subdistrict)')
    // The built report.json the app reads has the same label.
    const built = parseReportFigures(readGeo<{ figures: unknown }>('report.json').figures).figures
    expect(built.find((f) => f.id === 'low-carbon-pilot-villages')!.label).toEqual(villages.label)
  })
})

describe('the warnings say what they are, against GB 3095-2012 as coded', () => {
  test('a township’s count names them: the sample’s are all monthly notices, not statutory', () => {
    expect(zh.warnings.perTownNotices).toBe('{n} 条月度提示（非法定超标判定）')
    expect(en.warnings.perTownNotices).toBe('{n} monthly notices (not a legal exceedance)')
    expect(zh.warnings.perTownMixed).toContain('月度提示')
    expect(en.warnings.perTownMixed).toContain('monthly notices')
    expect(allText(zh)).not.toContain('"perTownValue"')
  })

  test('O3: no 24-hour limit; 160 is the daily maximum 8-hour mean’s Level II limit', () => {
    // The standard's table as coded: 160 is O3's 8-hour breakpoint at IAQI 100, and the daily limit.
    const o3 = POLLUTANT_BREAKPOINTS.o3_8h
    expect(o3.averaging.zh).toContain('8小时')
    expect(o3.concentrations[o3.iaqi.indexOf(100)]).toBe(160)
    expect(LEVEL_II_24H.o3_8h).toBe(160)
    expect(LEVEL_II_ANNUAL.o3_8h).toBeUndefined()
    // The breach wording for O3.
    expect(zh.warnings.airDailyO3).toContain('日最大8小时平均')
    expect(zh.warnings.airDailyO3).toContain('O₃ 没有24小时平均限值')
    expect(en.warnings.airDailyO3).toContain('daily maximum 8-hour mean')
    expect(en.warnings.airDailyO3).toContain('O₃ has no 24-hour limit')
    // The kind is not worded as a 24-hour mean, which O3 does not have.
    expect(zh.warnings.kind['air-daily']).not.toMatch(/24小时|日均值/)
    expect(en.warnings.kind['air-daily']).not.toMatch(/24-hour/)
    expect(allText(zh)).not.toContain('日均值超过24小时二级限值')
    // PM2.5 and PM10 keep their 24-hour means (75, 150 as coded).
    expect([LEVEL_II_24H.pm25, LEVEL_II_24H.pm10]).toEqual([75, 150])
    expect(POLLUTANT_BREAKPOINTS.pm25.averaging.zh).toBe('24小时平均')
    expect(zh.warnings.airDaily).toContain('24小时平均')
    expect(en.warnings.airDaily).toContain('24-hour mean')
    for (const rules of [zh.warnings.rules, en.warnings.rules])
      expect(rules).toMatch(/O₃ (没有24小时平均限值|has no 24-hour limit)/)
  })

  test('class Ⅲ is the app’s assumed target: the report gives an average class, not a target', () => {
    expect(report).toContain('全区两个地表水国控断面平均水质为III类')
    const sentence = report.slice(report.indexOf('全区两个地表水国控断面'), report.indexOf('考核结果优秀'))
    expect(sentence).not.toContain('目标')
    expect(DEFAULT_TARGET_CLASS).toBe(3)
    expect(zh.warnings.rules).not.toContain('目标Ⅲ类（GB 3838-2002）')
    expect(zh.warnings.rules).toContain('Ⅲ类目标是本应用的假定')
    expect(zh.warnings.rules).toContain('平均水质为Ⅲ类')
    expect(en.warnings.rules).toContain('The class Ⅲ target is an assumption of this app')
    expect(zh.warnings.waterAssumed).toContain('本应用假定的目标')
    expect(en.warnings.waterAssumed).toContain('a target this app assumes')
  })

  test('without daily values, the note that the 24-hour limits were not checked (also printed)', () => {
    expect(zh.warnings.noDaily).toContain('未做24小时限值判定')
    expect(en.warnings.noDaily).toContain('the 24-hour limits were not checked')
    const printed = readFileSync(join(root, 'src/components/WarningsReport.vue'), 'utf8')
    expect(printed).toContain("t('warnings.noDaily')")
  })
})

describe('O3 164: the report does not say how; the usual method is HJ 663’s 90th percentile', () => {
  test('the report gives the number and no method', () => {
    expect(figure('air-o3').quote).toBe('O3浓度为164μg/m3')
    expect(report).not.toMatch(/百分位|HJ ?663|8小时/)
  })
  test.each([
    ['heatmap note', zh.heatmap.readingsNote, en.heatmap.readingsNote],
    ['monitoring points method', monitoringPoints.method!.zh, monitoringPoints.method!.en],
  ])('%s says both', (_, zhText, enText) => {
    expect(zhText).toContain('164')
    expect(zhText).toContain('未说明算法')
    expect(zhText).toContain('HJ 663-2013')
    expect(zhText).toContain('日最大8小时平均的第90百分位数')
    expect(zhText).not.toContain('164（第90百分位数）')
    expect(enText).toContain('does not say how')
    expect(enText).toContain('HJ 663-2013')
    expect(enText).toContain('90th percentile of daily maximum 8-hour means')
  })
})

describe('"总量与报告一致" names what matches and what does not', () => {
  const enforcement = readGeo<FeatureCollection>('enforcement.geojson').features
  const towns = readGeo<{ towns: Record<string, number>[] }>('town-indicators.json').towns
  const sum = (key: string) => towns.reduce((total, row) => total + row[key]!, 0)
  const points = readGeo<FeatureCollection>('monitoring-points.geojson').features

  test('the totals that match: inspections, cases, petitions and VOCs — in the report and in the sample', () => {
    const matching: [string, number, string, string][] = [
      ['检查企业1095家次', enforcement.filter((f) => f.properties?.kind === 'inspection').length, '1095家次', '1,095'],
      ['办理案件41件', enforcement.filter((f) => f.properties?.kind === 'case').length, '41件', '41 cases'],
      ['信访交办件148件', sum('petitions_first_total'), '148件', '148'],
      ['交办信访件54件', sum('petitions_second'), '54件', '54'],
      ['完成74个VOCs突出问题整治', sum('vocs_rectified'), '74个', '74 VOCs'],
    ]
    for (const [quote, sampleTotal, zhWord, enWord] of matching) {
      expect(report).toContain(quote)
      expect(quote).toContain(String(sampleTotal))
      expect(zh.provenanceHelp.sample).toContain(zhWord)
      expect(en.provenanceHelp.sample).toContain(enWord)
    }
  })

  test('the sample values that do not: O3, and the enterprise and dust points the report gives no number of', () => {
    const air = points.filter((f) => f.properties?.kind === 'air')
    const o3 = air.flatMap((f) => f.properties?.o3 as number[])
    expect(Math.round(o3.reduce((a, b) => a + b, 0) / o3.length)).not.toBe(164)
    const clause = report.slice(report.indexOf('强化激光雷达扫描'), report.indexOf('等智能化监控设施建设'))
    expect(clause).toContain('重点路段扬尘自动监控')
    expect(clause).toContain('企业污染源在线监控')
    expect(clause).not.toMatch(/\d/)
    expect(points.filter((f) => f.properties?.kind === 'enterprise-online').length).toBeGreaterThan(0)
    expect(points.filter((f) => f.properties?.kind === 'dust').length).toBeGreaterThan(0)
    for (const text of [zh.provenanceHelp.sample, monitoringPoints.caveat!.zh]) {
      expect(text).toMatch(/O₃/)
      expect(text).toContain('企业污染源在线监控')
      expect(text).toContain('扬尘监控')
    }
    for (const text of [en.provenanceHelp.sample, monitoringPoints.caveat!.en]) {
      expect(text).toContain('O₃')
      expect(text).toMatch(/enterprise online monitor/)
      expect(text).toMatch(/dust monitor/)
    }
  })

  test('nothing claims the totals match without naming them', () => {
    expect(zh.provenanceHelp.sample).not.toContain('总量与报告一致')
    expect(en.provenanceHelp.sample).not.toMatch(/^Generated for demonstration: totals match the report/)
    expect(inspectionDensity.caveat!.zh).toContain('检查1095家次、案件41件')
    expect(inspectionDensity.caveat!.en).toContain('1,095 inspections, 41 cases')
  })
})

describe('the monthly surface’s legend says its breakpoints are for daily values', () => {
  test('24-hour (O3: 8-hour) breakpoints, as coded, beside monthly means', () => {
    expect(POLLUTANT_BREAKPOINTS.pm25.averaging.zh).toBe('24小时平均')
    expect(POLLUTANT_BREAKPOINTS.o3_8h.averaging.zh).toBe('8小时滑动平均')
    expect(zh.heatmap.legendBasis).toContain('24小时平均')
    expect(zh.heatmap.legendBasis).toContain('日最大8小时平均')
    expect(zh.heatmap.legendBasis).toContain('月均值')
    expect(zh.heatmap.legendBasis).toContain('PM2.5 35 属优、75 属良')
    expect(en.heatmap.legendBasis).toContain('24-hour means')
    expect(en.heatmap.legendBasis).toContain('monthly means')
    expect(en.heatmap.legendBasis).toContain('PM2.5 35 is Excellent, 75 Good')
  })
})
