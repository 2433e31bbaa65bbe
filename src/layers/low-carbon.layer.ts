import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POINTS, POLYGONS, REPORT_SOURCE } from './spec-helpers'
import { HALO, LABEL_FONT, localisedName, nameField } from './style-helpers'

/**
 * Provincial low-carbon pilots of 2022 (第二批省级低碳乡镇试点): 多湖街道 as an area, 月潭村 and
 * 北山口村 as villages. The report's sentence, "多湖街道和月潭村、北山口村等6个村", reads literally
 * as 多湖街道 and six villages, two of them named; the four unnamed villages are not shown. (It may
 * also count 多湖街道 among the six; the caveat says so.) Villages have no open coordinates and sit
 * at their township's seat.
 */
const lowCarbon: LayerSpec = {
  id: 'low-carbon',
  title: { zh: '低碳试点', en: 'Low-carbon pilots' },
  order: 34,
  defaultVisible: false,
  listed: true,
  provenance: 'approximate',
  caveat: {
    zh:
      '报告：“多湖街道和月潭村、北山口村等6个村为第二批省级低碳乡镇试点”。按字面为多湖街道和6个村，' +
      '点名月潭村、北山口村，其余4个村未点名，不作标注；多湖街道是否算在6个之内有歧义。村点位于所属乡镇驻地（近似）。',
    en:
      'The report: "多湖街道和月潭村、北山口村等6个村为第二批省级低碳乡镇试点". Read literally, 多湖街道 (Duohu) and ' +
      'six villages, two named: 月潭村 (Yuetan) and 北山口村 (Beishankou); the other four are not shown. Whether ' +
      'Duohu is one of the six is ambiguous. Villages are placed at their township seat (approximate).',
  },
  method: {
    zh:
      '试点名单来自报告（省级低碳乡镇试点第二批）；多湖街道为近似乡镇范围，月潭村、北山口村无坐标，标注在所属乡镇驻地。' +
      '报告原句按字面是多湖街道和6个村，点名其中2个村，其余4个村未标注；若把多湖街道算在6个之内则共6处，此为歧义。',
    en:
      'The pilots (provincial low-carbon pilots, second batch) are those the report names. ' +
      '多湖街道 is its approximate township area; Yuetan and Beishankou villages have no coordinates and are shown at ' +
      "their township seats. Read literally, the report's sentence gives 多湖街道 and six villages, two of them " +
      'named; the other four are not shown. If 多湖街道 were one of the six there would be six in all: the sentence ' +
      'is ambiguous.',
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
