import type { LayerDefinition } from './types'
import { HALO, LABEL_FONT, nameField } from './style-helpers'

/**
 * Township areas. They are approximate (Voronoi cells of the seats), so their edges are dashed;
 * the names sit at the seats, which are the only positions the sources give.
 */
const towns: LayerDefinition = {
  id: 'towns',
  title: { zh: '乡镇（街道）', en: 'Townships' },
  order: 30,
  defaultVisible: true,
  listed: true,
  provenance: 'approximate',
  mapLayers: ({ locale, opacity }) => [
    { id: 'towns-fill', type: 'fill', paint: { 'fill-color': '#1f7a4a', 'fill-opacity': 0 } },
    {
      id: 'towns-line',
      type: 'line',
      paint: { 'line-color': '#4d7c5f', 'line-width': 1.2, 'line-dasharray': [3, 2], 'line-opacity': opacity },
    },
    {
      id: 'towns-label',
      type: 'symbol',
      source: 'seats',
      // Zoomed out to the whole city the 11 names would pile up on a small district.
      minzoom: 9.3,
      layout: {
        'text-field': nameField(locale) as never,
        'text-font': LABEL_FONT,
        'text-size': 14,
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        // All 11 names must stay readable at the district view; they are few and far apart.
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#203a2b', ...HALO, 'text-opacity': opacity },
    },
  ],
  legend: [{ label: { zh: '乡镇范围（近似）', en: 'Township area (approximate)' }, colour: '#4d7c5f', shape: 'dashed-line' }],
  interactiveLayerIds: ['towns-fill'],
  tooltip: (p, locale) => String((locale === 'en' ? p.name_en : p.name) ?? ''),
  panelFields: [
    { property: 'code', label: { zh: '区划代码', en: 'Code' } },
    { property: 'area_km2', label: { zh: '面积（近似）', en: 'Area (approximate)' }, unit: 'km²' },
  ],
}
export default towns
