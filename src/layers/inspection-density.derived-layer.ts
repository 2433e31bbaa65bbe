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
    zh: '由示例检查点位计算：与报告一致的只是总数（检查1095家次、案件41件），点位与各乡镇数量为示例。',
    en:
      'Computed from sample inspection points: only the totals match the report (1,095 inspections, 41 cases); ' +
      'the points and the per-township counts are sample data.',
  },
  source: 'Derived from the inspections and cases layer',
  licence: 'Derived data made by this project',
  data: { origin: { derivedFrom: 'inspections' }, key: 'id', geometryTypes: [] },
  capabilities: { inspectionDensity: true, exportable: false, countedInAreas: false },
  mapLayers: () => [],
  legend: [],
}
export default inspectionDensity
