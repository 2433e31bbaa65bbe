import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POINTS } from './spec-helpers'
import { SAMPLE_SEEDS, SECTION_UPSTREAM_KM, WATER_SAMPLE_NOTE } from '../domain/samples'
import { HALO, LABEL_FONT, localisedName, nameField } from './style-helpers'

/** The national-control water sections 东关桥 and 洪坞桥 (positions approximate, monthly classes sample). */
const waterSections: LayerSpec = {
  id: 'water-sections',
  title: { zh: '国控断面', en: 'National control sections' },
  order: 60,
  defaultVisible: true,
  listed: true,
  provenance: 'sample',
  caveat: {
    zh: '断面位置为近似（义乌江、武义江汇合口上游）；逐月水质类别为示例数据，均值为III类，与报告一致。',
    en:
      'Positions approximate (just above the confluence); monthly classes are sample data averaging class III, ' +
      'as the report states.',
  },
  method: {
    zh: `${WATER_SAMPLE_NOTE.zh}断面位置为近似：置于义乌江、武义江汇合口上游约${SECTION_UPSTREAM_KM} km的河道上。`,
    en:
      `${WATER_SAMPLE_NOTE.en} Positions are approximate: ` +
      `${SECTION_UPSTREAM_KM} km above the confluence of the Yiwu and Wuyi rivers, on the river lines.`,
  },
  source:
    `Section names: the 2022 work report; classes: generateWaterSample, seed ${SAMPLE_SEEDS.water}; ` +
    'positions on the CIA WDB II river lines',
  licence: 'Sample data made by this project; river lines public domain (WDB II) / LGPL-3+ (GSHHG)',
  data: {
    origin: { builder: true },
    key: 'id',
    geometryTypes: ['Point'],
    requiredProperties: ['id', 'name', 'river', 'mean_class'],
  },
  capabilities: { replaceable: { geometryTypes: POINTS, requiredProperties: ['name'] }, waterClasses: true },
  mapLayers: ({ locale, opacity, selectedKey }) => [
    {
      id: 'water-sections-circle',
      type: 'circle',
      paint: {
        'circle-radius': ['case', ['==', ['get', 'id'], selectedKey ?? ''], 10, 7] as never,
        'circle-color': '#0b4f8a',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-opacity': opacity,
      },
    },
    {
      id: 'water-sections-label',
      type: 'symbol',
      layout: {
        'text-field': nameField(locale) as never,
        'text-font': LABEL_FONT,
        'text-size': 13,
        'text-offset': [0, -1.3],
        'text-anchor': 'bottom',
      },
      paint: { 'text-color': '#0b4f8a', ...HALO, 'text-opacity': opacity },
    },
  ],
  legend: [
    {
      label: { zh: '国控断面（位置近似）', en: 'National control section (approx. position)' },
      colour: '#0b4f8a',
      shape: 'circle',
    },
  ],
  interactiveLayerIds: ['water-sections-circle'],
  tooltip: (p, locale) =>
    `${localisedName(p, locale)} · ${pick({ zh: '均值', en: 'mean class' }, locale)} ${String(p.mean_class_label ?? '')}`,
  panelFields: [
    { property: 'river', label: { zh: '所在河流', en: 'River' } },
    { property: 'level', label: { zh: '级别', en: 'Level' } },
    { property: 'mean_class_label', label: { zh: '1–10月均值类别（示例）', en: 'Jan–Oct mean class (sample)' } },
  ],
}
export default waterSections
