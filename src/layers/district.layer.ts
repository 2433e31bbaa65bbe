import type { LayerSpec } from './types'
import { AMAP_OUTLINES, AMAP_TERMS, POLYGONS } from './spec-helpers'

/** 金东区 itself, highlighted. */
const district: LayerSpec = {
  id: 'district',
  title: { zh: '金东区界', en: 'Jindong District' },
  order: 20,
  defaultVisible: true,
  listed: true,
  provenance: 'open-data',
  caveat: null,
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
    replaceable: { geometryTypes: POLYGONS, requiredProperties: [] },
    countedInAreas: false,
    extent: true,
    reference: true,
  },
  mapLayers: ({ opacity, theme }) => [
    {
      id: 'district-fill',
      type: 'fill',
      paint: { 'fill-color': theme === 'dark' ? '#2a3d31' : '#f4f1de', 'fill-opacity': opacity },
    },
    {
      id: 'district-line',
      type: 'line',
      paint: { 'line-color': theme === 'dark' ? '#86efac' : '#1f7a4a', 'line-width': 3, 'line-opacity': opacity },
    },
  ],
  legend: [{ label: { zh: '金东区', en: 'Jindong District' }, colour: '#1f7a4a', shape: 'line' }],
}
export default district
