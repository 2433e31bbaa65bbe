import type { LayerDefinition } from './types'

/** Township seats (政府驻地): the points the township areas and labels are derived from. */
const seats: LayerDefinition = {
  id: 'seats',
  title: { zh: '乡镇驻地', en: 'Township seats' },
  order: 50,
  defaultVisible: true,
  listed: true,
  provenance: 'approximate',
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
  tooltip: (p, locale) => String((locale === 'en' ? p.name_en : p.name) ?? ''),
}
export default seats
