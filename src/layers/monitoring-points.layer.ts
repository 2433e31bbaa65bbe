import type { LayerDefinition } from './types'
import { localisedName } from './style-helpers'

/**
 * Monitoring points, one symbol per kind. The symbols are characters drawn with local fonts, so the
 * layer needs no sprite download. All positions and readings are sample data.
 */
export const MONITORING_KINDS = [
  { kind: 'air', glyph: '●', colour: '#c2410c', label: { zh: '空气质量监测点', en: 'Air quality station' } },
  { kind: 'water-auto', glyph: '▲', colour: '#0369a1', label: { zh: '水质自动监测站', en: 'Automatic water station' } },
  {
    kind: 'enterprise-online',
    glyph: '■',
    colour: '#6d28d9',
    label: { zh: '企业污染源在线监控', en: 'Enterprise online monitoring' },
  },
  { kind: 'dust', glyph: '◆', colour: '#a16207', label: { zh: '重点路段扬尘监控', en: 'Road dust monitor' } },
] as const

const monitoringPoints: LayerDefinition = {
  id: 'monitoring-points',
  title: { zh: '监测点', en: 'Monitoring points' },
  order: 70,
  defaultVisible: false,
  listed: true,
  provenance: 'sample',
  caveat: {
    zh: '点位与读数均为示例数据；全区1–10月均值与报告一致（PM2.5 26、PM10 45 μg/m³）。',
    en: 'Positions and readings are sample data; district Jan–Oct means match the report (PM2.5 26, PM10 45 μg/m³).',
  },
  mapLayers: ({ opacity, selectedKey }) => [
    {
      id: 'monitoring-points-symbol',
      type: 'symbol',
      layout: {
        'text-field': ['match', ['get', 'kind'], ...MONITORING_KINDS.flatMap((k) => [k.kind, k.glyph]), '●'] as never,
        'text-font': ['Noto Sans CJK SC Regular'],
        'text-size': ['case', ['==', ['get', 'id'], selectedKey ?? ''], 26, 18] as never,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': [
          'match',
          ['get', 'kind'],
          ...MONITORING_KINDS.flatMap((k) => [k.kind, k.colour]),
          '#333',
        ] as never,
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.5,
        'text-opacity': opacity,
      },
    },
  ],
  legend: MONITORING_KINDS.map((k) => ({ label: k.label, colour: k.colour, shape: 'glyph' as const, glyph: k.glyph })),
  interactiveLayerIds: ['monitoring-points-symbol'],
  tooltip: (p, locale) => localisedName(p, locale),
  panelFields: [
    {
      property: 'kind',
      label: { zh: '类型', en: 'Kind' },
      format: (v, locale) =>
        MONITORING_KINDS.find((k) => k.kind === v)?.label[locale === 'en' ? 'en' : 'zh'] ?? String(v),
    },
    { property: 'town_code', label: { zh: '所在乡镇代码', en: 'Township code' } },
  ],
}
export default monitoringPoints
