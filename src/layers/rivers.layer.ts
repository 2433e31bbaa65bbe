import type { LayerDefinition } from './types'
import { LABEL_FONT, nameField } from './style-helpers'

/** Rivers from a 1:3,000,000 source: drawn and labelled, but marked approximate. */
const rivers: LayerDefinition = {
  id: 'rivers',
  title: { zh: '河流', en: 'Rivers' },
  order: 40,
  defaultVisible: true,
  listed: true,
  provenance: 'approximate',
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
  tooltip: (p, locale) =>
    String((locale === 'en' ? p.name_en : p.name) ?? (locale === 'en' ? 'Unnamed river' : '未命名河流')),
}
export default rivers
