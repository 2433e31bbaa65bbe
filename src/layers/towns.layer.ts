import type { LayerSpec, LayerRenderContext, MapLayerSpec } from './types'
import { AMAP_TERMS, POLYGONS } from './spec-helpers'
import { HALO, LABEL_FONT, localisedName, nameField } from './style-helpers'

/** The chosen indicator's colour per township, or no fill when no choropleth is set. */
function fillColour(choropleth: LayerRenderContext['choropleth']): unknown {
  const entries = Object.entries(choropleth ?? {})
  if (entries.length === 0) return 'rgba(0,0,0,0)'
  return ['match', ['get', 'code'], ...entries.flat(), 'rgba(0,0,0,0)']
}

/**
 * Township areas, drawn as a choropleth of the indicator picked in the legend. The areas are
 * approximate (Voronoi cells of the seats), so their edges are dashed; the names sit at the seats,
 * which are the only positions the sources give.
 */
const towns: LayerSpec = {
  id: 'towns',
  title: { zh: '乡镇（街道）', en: 'Townships' },
  order: 30,
  defaultVisible: true,
  listed: true,
  provenance: 'approximate',
  caveat: {
    zh: '乡镇范围为按驻地推算的近似范围，不是官方界线。',
    en: 'Township areas are estimated from the seats, not official boundaries.',
  },
  method: {
    zh: '无公开的乡镇界线：范围按驻地泰森多边形推算并裁剪至区界，仅为近似。',
    en:
      'No official township boundaries are public: areas are Voronoi cells of the seats clipped to the district, ' +
      'approximate only.',
  },
  source: 'Derived from town seats (GeoNames CC-BY-4.0; AMap centres) and the district outline',
  licence: `CC-BY-4.0 (GeoNames); ${AMAP_TERMS}`,
  data: {
    origin: { builder: true },
    key: 'code',
    geometryTypes: POLYGONS,
    requiredProperties: ['code', 'name', 'area_km2'],
    requireRightHandWinding: true,
  },
  capabilities: {
    areaUnit: { codeProperty: 'code', nameProperty: 'name', nameEnProperty: 'name_en', areaProperty: 'area_km2' },
    replaceable: { geometryTypes: POLYGONS, requiredProperties: ['name'], keyFromName: true },
    countedInAreas: false,
  },
  mapLayers: ({ locale, opacity, selectedKey, choropleth }): MapLayerSpec[] => [
    {
      id: 'towns-fill',
      type: 'fill',
      paint: { 'fill-color': fillColour(choropleth) as never, 'fill-opacity': 0.62 * opacity },
    },
    {
      id: 'towns-line',
      type: 'line',
      paint: { 'line-color': '#4d7c5f', 'line-width': 1.2, 'line-dasharray': [3, 2], 'line-opacity': opacity },
    },
    {
      id: 'towns-selected',
      type: 'line',
      filter: ['==', ['get', 'code'], selectedKey ?? ''],
      paint: { 'line-color': '#d9480f', 'line-width': 4 },
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
        // Below the seat, or above it where the build found a close seat to the south (label_side,
        // scripts/geo/towns.ts): 岭下镇 and 江东镇 no longer cover each other on a phone.
        'text-anchor': ['match', ['get', 'label_side'], 'above', 'bottom', 'top'] as never,
        'text-offset': [
          'match',
          ['get', 'label_side'],
          'above',
          ['literal', [0, -0.9]],
          ['literal', [0, 0.9]],
        ] as never,
        // All 11 names must stay readable at the district view; they are few and far apart.
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#203a2b', ...HALO, 'text-opacity': opacity },
    },
  ],
  legend: [
    { label: { zh: '乡镇范围（近似）', en: 'Township area (approximate)' }, colour: '#4d7c5f', shape: 'dashed-line' },
  ],
  interactiveLayerIds: ['towns-fill'],
  tooltip: (p, locale) => localisedName(p, locale),
  panelFields: [
    { property: 'code', label: { zh: '区划代码', en: 'Division code' } },
    { property: 'area_km2', label: { zh: '面积（近似）', en: 'Area (approximate)' }, unit: 'km²' },
  ],
}
export default towns
