/** English, the second language. Keys mirror zh-CN.ts. */
export default {
  app: {
    title: 'Jindong Eco-Environment Map',
    subtitle: 'Jindong District, Jinhua · environmental work 2022',
    language: 'Language',
    loading: 'Loading map data…',
    loadFailed: 'Data failed to load',
  },
  map: {
    ariaLabel: 'Map of Jindong District',
  },
  layers: {
    heading: 'Layers',
  },
  provenance: {
    official: 'Official',
    'open-data': 'Open data',
    approximate: 'Approximate',
    sample: 'Sample data',
  },
  provenanceHelp: {
    official: 'Values quoted from the Jindong bureau’s 2022 work report.',
    'open-data': 'From an open data source, see the attribution.',
    approximate: 'Positions or extents are estimated, not official boundaries.',
    sample: 'Generated for demonstration: totals match the report, individual values are not real observations.',
  },
  panel: {
    placeholder: 'Click a township on the map to see its local indicators.',
  },
  attribution: {
    sources: 'Sources',
  },
} as const
