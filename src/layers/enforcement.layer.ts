import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POINTS } from './spec-helpers'
import { ENFORCEMENT_SAMPLE_NOTE, SAMPLE_SEEDS } from '../domain/samples'
import { USER_RECORD_FIELDS, userTooltip } from './user-records'

const CASE_COLOURS = { police: '#b91c1c', 'admin-bureau': '#7c3aed', penalty: '#ea580c' } as const

/**
 * Jan–Oct 2022 enforcement inspections and cases, as sample points whose totals equal the report
 * (1,095 inspections; 41 cases: 5 police, 2 law-enforcement bureau, 34 penalties; ¥860,800).
 */
const enforcement: LayerSpec = {
  id: 'enforcement',
  title: { zh: '执法检查与案件', en: 'Inspections and cases' },
  order: 68,
  defaultVisible: false,
  listed: true,
  provenance: 'sample',
  caveat: {
    zh: '点位为示例数据，按近似乡镇面积分配；总数与报告一致（检查1095家次、案件41件）。',
    en:
      'Points are sample data spread by approximate township area; ' +
      'totals match the report (1,095 inspections, 41 cases).',
  },
  method: {
    zh: `${ENFORCEMENT_SAMPLE_NOTE.zh}各乡镇数量按近似面积（km²）分配，点位随机落在近似乡镇范围内，案件与其来源检查同址。`,
    en:
      `${ENFORCEMENT_SAMPLE_NOTE.en} Township counts are apportioned by approximate area (km²); ` +
      'points are placed at random inside the approximate township areas, ' +
      "and a case shares its inspection's position.",
  },
  source: `generateEnforcementSample, seed ${SAMPLE_SEEDS.enforcement}; totals from the 2022 work report`,
  licence: 'Sample data made by this project',
  data: {
    origin: { builder: true },
    key: 'id',
    geometryTypes: ['Point'],
    requiredProperties: ['id', 'kind', 'month', 'town_code'],
  },
  capabilities: { replaceable: { geometryTypes: POINTS, requiredProperties: ['kind', 'month'] }, inspections: true },
  mapLayers: ({ opacity, selectedKey }) => [
    {
      id: 'enforcement-inspection',
      type: 'circle',
      filter: ['==', ['get', 'kind'], 'inspection'],
      paint: { 'circle-radius': 2.5, 'circle-color': '#475569', 'circle-opacity': 0.7 * opacity },
    },
    {
      id: 'enforcement-case',
      type: 'circle',
      filter: ['==', ['get', 'kind'], 'case'],
      paint: {
        'circle-radius': ['case', ['==', ['get', 'id'], selectedKey ?? ''], 9, 6] as never,
        'circle-color': ['match', ['get', 'case_type'], ...Object.entries(CASE_COLOURS).flat(), '#ea580c'] as never,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5,
        'circle-opacity': opacity,
      },
    },
  ],
  legend: [
    { label: { zh: '检查（家次）', en: 'Inspection' }, colour: '#475569', shape: 'circle' },
    { label: { zh: '移送公安', en: 'Case referred to the police' }, colour: CASE_COLOURS.police, shape: 'circle' },
    {
      label: { zh: '移送行政执法局', en: 'Case referred to the administrative law-enforcement bureau' },
      colour: CASE_COLOURS['admin-bureau'],
      shape: 'circle',
    },
    { label: { zh: '行政处罚', en: 'Administrative penalty' }, colour: CASE_COLOURS.penalty, shape: 'circle' },
  ],
  interactiveLayerIds: ['enforcement-case', 'enforcement-inspection'],
  tooltip: (p, locale) => {
    const month = String(p.month)
    // The user's records (src/user-data/tables/inspections-table.ts) are not sample data: no 示例 in their words.
    if (p.user === true) return userTooltip(p, locale)
    if (p.kind === 'inspection')
      return pick({ zh: `检查（示例）· ${month}月`, en: `Inspection (sample) · month ${month}` }, locale)
    return pick({ zh: `案件（示例）· ${month}月`, en: `Case (sample) · month ${month}` }, locale)
  },
  panelFields: [
    { property: 'kind', label: { zh: '类型', en: 'Kind' } },
    { property: 'month', label: { zh: '月份', en: 'Month' } },
    { property: 'case_type', label: { zh: '案件去向', en: 'Case outcome' } },
    { property: 'fine_yuan', label: { zh: '罚款', en: 'Fine' }, unit: '元' },
    ...USER_RECORD_FIELDS,
  ],
}
export default enforcement
