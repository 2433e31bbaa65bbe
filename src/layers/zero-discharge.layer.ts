import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POLYGONS, REPORT_SOURCE } from './spec-helpers'
import { localisedName } from './style-helpers'

/**
 * Zero direct sewage discharge zones (污水零直排区): completed in 2022, and the model town. The 1000万元
 * award is the district's (its clause has no subject) and is put on no township.
 */
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
    zh: '名单来自报告；范围为近似的乡镇（街道）范围。报告同句写“获得2022浙江省城镇“污水零直排区”建设专项奖补资金1000万元”，该分句没有明确主语，本图将其作为全区的奖补，不归于曹宅镇或其他乡镇。',
    en:
      "The list is the report's; areas are the approximate township areas. " +
      'The same sentence says a CNY 10 million (1000万元) provincial award for zero direct sewage discharge zones ' +
      'was received in 2022; that clause has no subject of its own, so the award is shown as the district’s, ' +
      'not on 曹宅镇 or any other township.',
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
    { property: 'status_zh', propertyEn: 'status_en', label: { zh: '状态', en: 'Status' }, format: (v) => String(v) },
  ],
}
export default zeroDischarge
