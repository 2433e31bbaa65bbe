import type { LayerDefinition } from './types'

const CASE_COLOURS = { police: '#b91c1c', 'admin-bureau': '#7c3aed', penalty: '#ea580c' } as const

/**
 * Jan–Oct 2022 enforcement inspections and cases, as sample points whose totals equal the report
 * (1,095 inspections; 41 cases: 5 police, 2 law-enforcement bureau, 34 penalties; ¥860,800).
 */
const enforcement: LayerDefinition = {
  id: 'enforcement',
  title: { zh: '执法检查与案件', en: 'Inspections and cases' },
  order: 68,
  defaultVisible: false,
  listed: true,
  provenance: 'sample',
  caveat: {
    zh: '点位为示例数据，按近似乡镇面积分配；总数与报告一致（检查1095家次、案件41件）。',
    en: 'Points are sample data spread by approximate township area; totals match the report (1,095 inspections, 41 cases).',
  },
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
    { label: { zh: '移送公安', en: 'Case to police' }, colour: CASE_COLOURS.police, shape: 'circle' },
    {
      label: { zh: '移送行政执法局', en: 'Case to law-enforcement bureau' },
      colour: CASE_COLOURS['admin-bureau'],
      shape: 'circle',
    },
    { label: { zh: '行政处罚', en: 'Administrative penalty' }, colour: CASE_COLOURS.penalty, shape: 'circle' },
  ],
  interactiveLayerIds: ['enforcement-case', 'enforcement-inspection'],
  tooltip: (p, locale) => {
    const month = `${String(p.month)}${locale === 'en' ? '' : '月'}`
    if (p.kind === 'inspection')
      return locale === 'en' ? `Inspection (sample) · month ${month}` : `检查（示例）· ${month}`
    return locale === 'en' ? `Case (sample) · month ${month}` : `案件（示例）· ${month}`
  },
  panelFields: [
    { property: 'kind', label: { zh: '类型', en: 'Kind' } },
    { property: 'month', label: { zh: '月份', en: 'Month' } },
    { property: 'case_type', label: { zh: '案件去向', en: 'Case outcome' } },
    { property: 'fine_yuan', label: { zh: '罚款', en: 'Fine' }, unit: '元' },
  ],
}
export default enforcement
