import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POLYGONS, REPORT_SOURCE } from './spec-helpers'
import { localisedName } from './style-helpers'

/** "Zero direct sewage discharge" zones (污水零直排区): completed in 2022, and the model town. */
const zeroDischarge: LayerSpec = {
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
  method: {
    zh: '名单来自报告；范围为近似的乡镇（街道）范围。报告在曹宅镇样板镇验收之后写“获得…专项奖补资金1000万元”，此处将该奖补标注在曹宅镇。',
    en:
      "The list is the report's; areas are the approximate township areas. " +
      "The report mentions the ¥10 million (1000万元) award right after 曹宅镇's model-town acceptance, " +
      'so it is shown on 曹宅镇.',
  },
  source: `${REPORT_SOURCE} (seeds/report/thematic-facts.json); areas from towns.geojson`,
  licence: 'Government work report, quoted verbatim; areas as towns.geojson',
  data: {
    origin: { builder: true },
    key: 'id',
    geometryTypes: POLYGONS,
    requiredProperties: ['id', 'name', 'town_code', 'status'],
    requireRightHandWinding: true,
  },
  capabilities: { replaceable: { geometryTypes: POLYGONS, requiredProperties: ['name', 'status'] } },
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
  tooltip: (p, locale) =>
    `${localisedName(p, locale)} · ${String(pick({ zh: String(p.status_zh), en: String(p.status_en) }, locale))}`,
  panelFields: [
    { property: 'status_zh', label: { zh: '状态', en: 'Status' }, format: (v) => String(v) },
    { property: 'award_wan_yuan', label: { zh: '专项奖补资金', en: 'Special award' }, unit: '万元' },
  ],
}
export default zeroDischarge
