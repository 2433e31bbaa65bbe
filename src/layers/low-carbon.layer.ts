import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POINTS, POLYGONS, REPORT_SOURCE } from './spec-helpers'
import { HALO, LABEL_FONT, localisedName, nameField } from './style-helpers'

/**
 * Provincial low-carbon pilots of 2022 (第二批省级低碳乡镇试点): 多湖街道 as an area, 月潭村 and
 * 北山口村 as villages. The report counts six ("多湖街道和月潭村、北山口村等6个村") and names these
 * three among them; no others are shown. Villages have no open coordinates and sit at their
 * township's seat.
 */
const lowCarbon: LayerSpec = {
  id: 'low-carbon',
  title: { zh: '低碳试点', en: 'Low-carbon pilots' },
  order: 34,
  defaultVisible: false,
  listed: true,
  provenance: 'approximate',
  caveat: {
    zh: '报告计6个试点，点名其中3处：多湖街道、月潭村、北山口村；其余未点名，不作标注。村点位于所属乡镇驻地（近似）。',
    en:
      'The report counts 6 pilots and names 3 of them: 多湖街道, 月潭村 and 北山口村; the others are not shown. ' +
      'Villages are placed at their township seat (approximate).',
  },
  method: {
    zh: '试点名单来自报告（省级低碳乡镇试点第二批）；多湖街道为近似乡镇范围，月潭村、北山口村无坐标，标注在所属乡镇驻地。报告计6个，点名多湖街道、月潭村、北山口村3处，其余未标注。',
    en:
      'The pilots (provincial low-carbon pilots, second batch) are those the report names. ' +
      '多湖街道 is its approximate township area; Yuetan and Beishankou villages have no coordinates and are shown at ' +
      'their township seats. The report counts 6 and names these 3 among them; the rest are not shown.',
  },
  source:
    `${REPORT_SOURCE} (seeds/report/thematic-facts.json); ` + 'positions from the approximate township areas and seats',
  licence: 'Government work report, quoted verbatim; positions as towns.geojson and seats.geojson',
  data: {
    origin: { builder: true },
    key: 'id',
    geometryTypes: ['Polygon', 'MultiPolygon', 'Point'],
    requiredProperties: ['id', 'name', 'kind', 'town_code', 'batch', 'figure_id', 'located'],
    requireRightHandWinding: true,
  },
  capabilities: { replaceable: { geometryTypes: [...POLYGONS, ...POINTS], requiredProperties: ['name'] } },
  mapLayers: ({ locale, opacity }) => [
    {
      id: 'low-carbon-fill',
      type: 'fill',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#2e8b57', 'fill-opacity': 0.35 * opacity },
    },
    {
      id: 'low-carbon-outline',
      type: 'line',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': '#1e6b40', 'line-width': 2.5, 'line-opacity': opacity },
    },
    {
      id: 'low-carbon-village',
      type: 'circle',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 8,
        'circle-color': '#9acd32',
        'circle-stroke-color': '#1e6b40',
        'circle-stroke-width': 2.5,
        'circle-opacity': opacity,
      },
    },
    {
      id: 'low-carbon-label',
      type: 'symbol',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        'text-field': nameField(locale) as never,
        'text-font': LABEL_FONT,
        'text-size': 13,
        'text-offset': [0, -1.4],
        'text-anchor': 'bottom',
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#1e6b40', ...HALO, 'text-opacity': opacity },
    },
  ],
  legend: [
    { label: { zh: '试点街道', en: 'Pilot subdistrict' }, colour: '#2e8b57', shape: 'fill' },
    {
      label: { zh: '试点村（位于乡镇驻地，近似）', en: 'Pilot village (at township seat, approx.)' },
      colour: '#9acd32',
      shape: 'circle',
    },
  ],
  interactiveLayerIds: ['low-carbon-village', 'low-carbon-fill'],
  tooltip: (p, locale) => `${localisedName(p, locale)} · ${pick({ zh: '低碳试点', en: 'low-carbon pilot' }, locale)}`,
  panelFields: [
    { property: 'batch', label: { zh: '批次', en: 'Batch' } },
    { property: 'year', label: { zh: '年份', en: 'Year' } },
    { property: 'village_code', label: { zh: '村代码', en: 'Village code' } },
    { property: 'note_zh', propertyEn: 'note_en', label: { zh: '说明', en: 'Note' } },
  ],
}
export default lowCarbon
