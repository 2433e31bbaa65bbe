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
  method: {
    zh:
      '浓度面：以反距离加权（IDW，幂 2）将各站月均值插值到约 200 米网格，并裁剪到区界；站点处等于该站读数，其余为估算，不超出各站读数范围。按 HJ 633-2012 ' +
      '的分指数级别着色，或按当月各站读数范围的连续色带着色。密度：各站读数的核密度加权平均，只示意站点附近。',
    en:
      "Surface: the stations' monthly means interpolated by inverse-distance weighting (IDW, power 2) onto " +
      'a grid of about 200 m, clipped to the district; at a station it equals the reading, elsewhere it is ' +
      'an estimate that never leaves the range of the readings. Coloured in the HJ 633-2012 index levels, ' +
      "or on a continuous ramp over the month's station range. Density: a kernel-weighted mean of the " +
      'readings, only near the stations.',
  },
  source: 'Derived from the monitoring points layer (its monthly readings)',
  licence: 'Derived data made by this project',
  data: { origin: { derivedFrom: 'readings' }, key: 'id', geometryTypes: [] },
  capabilities: { readingsSurface: true, exportable: false, countedInAreas: false },
  mapLayers: () => [],
  legend: [],
}
export default readingsSurface
