import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { LINES } from './spec-helpers'
import { LABEL_FONT, localisedName, nameField } from './style-helpers'

/** Rivers from a 1:3,000,000 source: drawn and labelled, but marked approximate. */
const rivers: LayerSpec = {
  id: 'rivers',
  title: { zh: '河流', en: 'Rivers' },
  order: 40,
  defaultVisible: true,
  listed: true,
  provenance: 'approximate',
  caveat: {
    zh: '河道取自 1:300 万世界数据库，误差可达数百米。',
    en: 'Courses from a 1:3,000,000 world database; errors of several hundred metres.',
  },
  source: 'CIA World Data Bank II via GSHHG 2.3.7',
  licence: 'Public domain (WDB II); LGPL-3+ (GSHHG)',
  data: { origin: { builder: true }, key: 'id', geometryTypes: LINES },
  capabilities: { replaceable: { geometryTypes: LINES, requiredProperties: [] }, reference: true },
  mapLayers: ({ locale, opacity }) => [
    {
      id: 'rivers-line',
      type: 'line',
      paint: { 'line-color': '#2f7fc1', 'line-width': 2.5, 'line-opacity': opacity },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
    },
    {
      id: 'rivers-label',
      type: 'symbol',
      filter: ['has', 'name'],
      layout: {
        'symbol-placement': 'line',
        'text-field': nameField(locale) as never,
        'text-font': LABEL_FONT,
        'text-size': 13,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': '#1d5f96', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5, 'text-opacity': opacity },
    },
  ],
  legend: [{ label: { zh: '河流（近似走向）', en: 'River (approximate course)' }, colour: '#2f7fc1', shape: 'line' }],
  interactiveLayerIds: ['rivers-line'],
  tooltip: (p, locale) => localisedName(p, locale) || pick({ zh: '未命名河流', en: 'Unnamed river' }, locale),
}
export default rivers
