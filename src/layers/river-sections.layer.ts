import { WATER_CLASSES } from '../domain/samples/water'
import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { LINES } from './spec-helpers'
import { SAMPLE_SEEDS, SECTION_UPSTREAM_KM } from '../domain/samples'
import { localisedName } from './style-helpers'

const NOT_MONITORED = '#9aa7b0'

/**
 * Rivers split at the two national-control sections, coloured by water class (GB 3838-2002) in the
 * conventional palette. Classes are sample data averaging class Ⅲ as the report states; courses
 * are approximate.
 */
const riverSections: LayerSpec = {
  id: 'river-sections',
  title: { zh: '河段水质', en: 'River sections (water quality)' },
  order: 42,
  defaultVisible: true,
  listed: true,
  provenance: 'sample',
  caveat: {
    zh: '水质类别为示例数据（与报告“两个国控断面平均III类”一致），河道走向为近似。',
    en:
      'Water classes are sample data ' +
      '(consistent with the report’s class III average at the two national control sections); ' +
      'courses are approximate.',
  },
  method: {
    zh:
      `河道为近似走向（1:300万数据）。东关桥、洪坞桥断面位置为近似：置于各自河道汇合口上游约${SECTION_UPSTREAM_KM} km。` +
      '断面以上河段的水质类别为示例数据（1–10月逐月示例类别的均值取整），并非监测结果；其余河段未监测，不着色。',
    en:
      'River courses are approximate (1:3,000,000 data). The Dongguanqiao and Hongwuqiao sections are placed ' +
      `approximately, ${SECTION_UPSTREAM_KM} km above the confluence along each river. ` +
      'The class of the stretch above a section is sample data (the rounded mean of invented Jan–Oct monthly ' +
      'classes), not a monitoring result; other stretches are not monitored.',
  },
  source: `Rivers: CIA World Data Bank II via GSHHG 2.3.7; classes: generateWaterSample, seed ${SAMPLE_SEEDS.water}`,
  licence: 'Public domain (WDB II); LGPL-3+ (GSHHG); the classes are sample data made by this project',
  data: {
    origin: { builder: true },
    key: 'id',
    geometryTypes: ['LineString'],
    requiredProperties: ['id', 'river', 'name', 'name_en'],
  },
  capabilities: { replaceable: { geometryTypes: LINES, requiredProperties: [] } },
  mapLayers: ({ opacity, selectedKey }) => [
    {
      id: 'river-sections-line',
      type: 'line',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': [
          'match',
          ['coalesce', ['get', 'water_class'], 0],
          ...WATER_CLASSES.flatMap((c) => [c.class, c.hex]),
          NOT_MONITORED,
        ] as never,
        'line-width': ['case', ['==', ['get', 'id'], selectedKey ?? ''], 7, 4.5] as never,
        'line-opacity': opacity,
      },
    },
  ],
  legend: [
    ...WATER_CLASSES.map((c) => ({ label: { zh: c.zh, en: c.en }, colour: c.hex, shape: 'line' as const })),
    { label: { zh: '未监测', en: 'Not monitored' }, colour: NOT_MONITORED, shape: 'line' },
  ],
  interactiveLayerIds: ['river-sections-line'],
  tooltip: (p, locale) => {
    const label = p.water_class_label
      ? pick({ zh: `${String(p.water_class_label)}类`, en: String(p.water_class_label) }, locale)
      : pick({ zh: '未监测', en: 'not monitored' }, locale)
    return `${localisedName(p, locale)} · ${label}`
  },
  panelFields: [
    { property: 'river', label: { zh: '河流', en: 'River' } },
    {
      property: 'water_class_label',
      label: { zh: '水质类别（示例，1–10月均值）', en: 'Water class (sample, Jan–Oct mean)' },
    },
  ],
}
export default riverSections
