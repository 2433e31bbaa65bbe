import type { LayerSpec } from './types'
import { AMAP_OUTLINES, AMAP_TERMS } from './spec-helpers'

/**
 * Two label points per neighbouring county (its centre, and a point in the part of it that shows
 * around the district). The counties spec draws its names from this source; it has no style of its own.
 */
const countyLabels: LayerSpec = {
  id: 'county-labels',
  title: { zh: '县市区名称位置', en: 'County label points' },
  order: 11,
  defaultVisible: true,
  listed: false,
  provenance: 'open-data',
  caveat: null,
  source: `Derived from ${AMAP_OUTLINES}`,
  licence: AMAP_TERMS,
  data: {
    origin: { builder: true },
    key: 'label_id',
    geometryTypes: ['Point'],
    requiredProperties: ['adcode', 'name', 'placement'],
  },
  capabilities: { exportable: false, countedInAreas: false },
  mapLayers: () => [],
  legend: [],
}
export default countyLabels
