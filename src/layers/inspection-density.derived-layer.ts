import type { LayerSpec } from './types'

/**
 * The inspections and cases as a density (a heatmap or hexagons), drawn by deck.gl from the layer
 * with the `inspections` capability, after the worker has filtered them by kind and month. Its
 * settings (style, kinds, months) are the record's `density`; its provenance is its source layer's.
 */
const inspectionDensity: LayerSpec = {
  id: 'inspection-density',
  title: { zh: '执法检查密度', en: 'Inspection density' },
  order: 66,
  defaultVisible: false,
  listed: false,
  provenance: 'sample',
  caveat: {
    zh: '由示例检查点位计算，总数与报告一致。',
    en: 'Computed from sample inspection points; totals match the report.',
  },
  source: 'Derived from the inspections and cases layer',
  licence: 'Derived data made by this project',
  data: { origin: { derivedFrom: 'inspections' }, key: 'id', geometryTypes: [] },
  capabilities: { inspectionDensity: true, exportable: false, countedInAreas: false },
  mapLayers: () => [],
  legend: [],
}
export default inspectionDensity
