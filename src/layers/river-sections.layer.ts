import { WATER_CLASSES } from '../domain/samples/water'
import type { LayerDefinition } from './types'
import { localisedName } from './style-helpers'

const NOT_MONITORED = '#9aa7b0'

/**
 * Rivers split at the two national-control sections, coloured by water class (GB 3838-2002) in the
 * conventional palette. Classes are sample data averaging class Ⅲ as the report states; courses
 * are approximate.
 */
const riverSections: LayerDefinition = {
  id: 'river-sections',
  title: { zh: '河段水质', en: 'River sections (water quality)' },
  order: 42,
  defaultVisible: true,
  listed: true,
  provenance: 'sample',
  caveat: {
    zh: '水质类别为示例数据（与报告“两个国控断面平均III类”一致），河道走向为近似。',
    en: 'Water classes are sample data (consistent with the report’s class III average at the two national sections); courses are approximate.',
  },
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
      ? `${p.water_class_label}${locale === 'en' ? '' : '类'}`
      : locale === 'en'
        ? 'not monitored'
        : '未监测'
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
