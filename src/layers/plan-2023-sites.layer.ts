import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POINTS } from './spec-helpers'
import { HALO, LABEL_FONT, localisedName, nameField } from './style-helpers'

/**
 * 2023 plan items whose place the report implies (塘雅污水处理站 at 塘雅镇). The other items have no
 * stated location and are listed in the overview, not drawn.
 */
const planSites: LayerSpec = {
  id: 'plan-2023-sites',
  title: { zh: '2023年计划项目', en: '2023 plan projects' },
  order: 65,
  defaultVisible: false,
  listed: true,
  provenance: 'approximate',
  caveat: {
    zh: '仅标注报告可推知位置的项目（位于乡镇驻地，近似）；其余项目见“总览”。',
    en:
      'Only items whose place the report implies are drawn (at the township seat, approximate); ' +
      'the rest are in the overview.',
  },
  method: {
    zh: '报告未给出项目位置：仅标注名称中含地名的项目，置于该乡镇驻地，为近似位置；其余项目不在图上标注。',
    en:
      'The report gives no project locations: only items named after a place are shown, ' +
      "at that township's seat (approximate); the others are not mapped.",
  },
  source: '金华市生态环境局金东分局 2023年工作思路 (seeds/report/thematic-facts.json); positions: township seats',
  licence: 'Government work report, quoted verbatim; positions as seats.geojson',
  data: {
    origin: { builder: true },
    key: 'id',
    geometryTypes: ['Point'],
    requiredProperties: ['id', 'plan_item_id', 'name', 'town_code'],
  },
  capabilities: { replaceable: { geometryTypes: POINTS, requiredProperties: ['name'] } },
  mapLayers: ({ locale, opacity }) => [
    {
      id: 'plan-2023-sites-symbol',
      type: 'symbol',
      layout: {
        'text-field': '★',
        'text-font': LABEL_FONT,
        'text-size': 24,
        'text-allow-overlap': true,
        'text-offset': [1.2, 0],
      },
      paint: { 'text-color': '#b45309', 'text-halo-color': '#fff', 'text-halo-width': 1.5, 'text-opacity': opacity },
    },
    {
      id: 'plan-2023-sites-label',
      type: 'symbol',
      layout: {
        'text-field': nameField(locale) as never,
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-offset': [1.4, 1.1],
        'text-anchor': 'top-left',
      },
      paint: { 'text-color': '#92400e', ...HALO, 'text-opacity': opacity },
    },
  ],
  legend: [
    {
      label: { zh: '计划项目（位置近似）', en: 'Planned project (approx. position)' },
      colour: '#b45309',
      shape: 'glyph',
      glyph: '★',
    },
  ],
  interactiveLayerIds: ['plan-2023-sites-symbol'],
  tooltip: (p, locale) =>
    `${localisedName(p, locale)} · ${String(pick({ zh: String(p.status_zh), en: String(p.status_en) }, locale))}`,
  panelFields: [{ property: 'status_zh', propertyEn: 'status_en', label: { zh: '状态', en: 'Status' } }],
}
export default planSites
