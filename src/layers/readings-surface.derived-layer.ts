import type { LayerSpec } from './types'

/**
 * The air stations' monthly readings as a concentration surface (inverse-distance weighting) or a
 * kernel density, drawn by deck.gl from the layer with the `readings` capability. A layer record like
 * every other (visible, opacity, provenance); its pollutant, month and style are the record's
 * `surface` settings. Its provenance is its source layer's: sample until the user's readings replace them.
 */
const readingsSurface: LayerSpec = {
  id: 'readings-surface',
  title: { zh: '监测浓度热力图', en: 'Readings heatmap' },
  order: 65,
  defaultVisible: false,
  listed: false,
  provenance: 'sample',
  caveat: {
    zh: '由示例站点读数插值估算，不是实测浓度面。',
    en: 'Estimated from sample station readings; not a measured surface.',
  },
  source: 'Derived from the monitoring points layer (its monthly readings)',
  licence: 'Derived data made by this project',
  data: { origin: { derivedFrom: 'readings' }, key: 'id', geometryTypes: [] },
  capabilities: { readingsSurface: true, exportable: false, countedInAreas: false },
  mapLayers: () => [],
  legend: [],
}
export default readingsSurface
