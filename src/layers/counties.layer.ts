import type { Locale } from '../i18n'
import type { LayerSpec, MapLayerSpec } from './types'
import { AMAP_OUTLINES, AMAP_TERMS, POLYGONS } from './spec-helpers'
import { HALO, LABEL_FONT, localisedName, nameField } from './style-helpers'

/** Below this zoom the whole of 金华市 is in view rather than the district. */
const DISTRICT_VIEW_MIN_ZOOM = 9.3

const DARK_HALO = { 'text-halo-color': 'rgba(10,24,16,0.9)', 'text-halo-width': 1.5 } as const

function countyLabel(
  id: string,
  placement: string,
  zoomRange: { minzoom?: number; maxzoom?: number },
  locale: Locale,
  opacity: number,
  dark: boolean,
): MapLayerSpec {
  return {
    id,
    type: 'symbol',
    source: 'county-labels',
    filter: ['==', ['get', 'placement'], placement],
    ...zoomRange,
    layout: { 'text-field': nameField(locale) as never, 'text-font': LABEL_FONT, 'text-size': 15 },
    paint: { 'text-color': dark ? '#b7c7bc' : '#5f6b5c', ...(dark ? DARK_HALO : HALO), 'text-opacity': opacity },
  }
}

/** The eight other counties of 金华市, for context around the district. */
const counties: LayerSpec = {
  id: 'counties',
  title: { zh: '金华市相邻县市区', en: 'Neighbouring counties' },
  order: 10,
  defaultVisible: true,
  listed: true,
  provenance: 'open-data',
  caveat: null,
  method: {
    zh: '相邻县市区边界简化至 0.001°（约 100 m），与来源本身的精度相当。',
    en: 'Neighbouring outlines are simplified to 0.001° (about 100 m), the source’s own precision.',
  },
  source: AMAP_OUTLINES,
  licence: AMAP_TERMS,
  data: {
    origin: { builder: true },
    key: 'adcode',
    geometryTypes: POLYGONS,
    requiredProperties: ['adcode', 'name'],
    requireRightHandWinding: true,
  },
  capabilities: {
    replaceable: { geometryTypes: POLYGONS, requiredProperties: ['name'] },
    countedInAreas: false,
    reference: true,
  },
  mapLayers: ({ locale, opacity, theme }) => [
    {
      id: 'counties-fill',
      type: 'fill',
      paint: { 'fill-color': theme === 'dark' ? '#1b2a22' : '#e9ece6', 'fill-opacity': opacity },
    },
    {
      id: 'counties-line',
      type: 'line',
      paint: { 'line-color': theme === 'dark' ? '#4a5f52' : '#a3aba0', 'line-width': 1, 'line-opacity': opacity },
    },
    // Framed on the district, each name sits in the part of its county that is on screen;
    // zoomed out to the whole city, at the county's centre.
    countyLabel(
      'counties-label',
      'near-district',
      { minzoom: DISTRICT_VIEW_MIN_ZOOM },
      locale,
      opacity,
      theme === 'dark',
    ),
    countyLabel('counties-label-far', 'centre', { maxzoom: DISTRICT_VIEW_MIN_ZOOM }, locale, opacity, theme === 'dark'),
  ],
  legend: [{ label: { zh: '相邻县市区', en: 'Neighbouring county' }, colour: '#e9ece6', shape: 'fill' }],
  tooltip: (p, locale) => localisedName(p, locale),
}
export default counties
