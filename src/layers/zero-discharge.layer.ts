import type { LayerDefinition } from './types'
import { localisedName } from './style-helpers'

/** "Zero direct sewage discharge" zones (污水零直排区): completed in 2022, and the model town. */
const zeroDischarge: LayerDefinition = {
  id: 'zero-discharge',
  title: { zh: '污水零直排区', en: 'Zero direct sewage discharge zones' },
  order: 33,
  defaultVisible: false,
  listed: true,
  provenance: 'approximate',
  caveat: {
    zh: '建设状态取自报告；范围为近似乡镇范围。',
    en: 'Status from the report; extents are the approximate township areas.',
  },
  mapLayers: ({ opacity }) => [
    {
      id: 'zero-discharge-fill',
      type: 'fill',
      paint: {
        'fill-color': ['match', ['get', 'status'], 'model-town-accepted', '#0b3d91', '#1e90ff'] as never,
        'fill-opacity': 0.4 * opacity,
      },
    },
    {
      id: 'zero-discharge-line',
      type: 'line',
      paint: { 'line-color': '#0b3d91', 'line-width': 2, 'line-opacity': opacity },
    },
  ],
  legend: [
    { label: { zh: '2022年完成创建', en: 'Completed in 2022' }, colour: '#1e90ff', shape: 'fill' },
    { label: { zh: '样板镇（已通过验收）', en: 'Model town (accepted)' }, colour: '#0b3d91', shape: 'fill' },
  ],
  interactiveLayerIds: ['zero-discharge-fill'],
  tooltip: (p, locale) => `${localisedName(p, locale)} · ${String(locale === 'en' ? p.status_en : p.status_zh)}`,
  panelFields: [
    { property: 'status_zh', label: { zh: '状态', en: 'Status' }, format: (v) => String(v) },
    { property: 'award_wan_yuan', label: { zh: '专项奖补资金', en: 'Special award' }, unit: '万元' },
  ],
}
export default zeroDischarge
