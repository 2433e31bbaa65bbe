/** English, the second language. Keys mirror zh-CN.ts. */
export default {
  app: {
    title: 'Jindong Eco-Environment Map',
    subtitle: 'Jindong District, Jinhua · Environmental Work 2022',
    language: 'Language',
    loading: 'Loading map data…',
  },
  map: {
    ariaLabel: 'Map of Jindong District',
  },
  tabs: {
    overview: 'Overview',
    details: 'Details',
  },
  tools: {
    label: 'Tools',
    layers: 'Layers',
    analysis: 'Analysis',
    data: 'Data',
  },
  common: {
    month: 'M{month}',
  },
  layers: {
    heading: 'Layers',
    show: 'Show {name}',
    opacity: '{name} opacity',
    up: 'Move {name} up',
    down: 'Move {name} down',
  },
  legend: {
    heading: 'Legend',
    thematic: 'Township theme map',
    indicator: 'Township indicator',
    noColour: 'No colour (boundaries only)',
    method: 'Classification',
    quantile: 'Quantile',
    'equal-interval': 'Equal interval',
    'natural-breaks': 'Natural breaks (Jenks)',
    naturalBreaksLoading: 'Natural breaks are loading; quantile classes are shown meanwhile.',
    manual: 'Manual breaks',
    classes: 'Classes',
    breaks: 'Breaks (comma-separated)',
    count: '{n} townships',
  },
  punctuation: {
    withNote: '{text} ({note})',
    quoted: '"{text}"',
  },
  provenance: {
    official: 'Official',
    'open-data': 'Open data',
    approximate: 'Approximate',
    sample: 'Sample data',
    user: 'Your data',
  },
  provenanceHelp: {
    official: "Values quoted from the Jindong bureau's 2022 work report.",
    'open-data': 'From an open data source, see the attribution.',
    approximate: 'Positions or extents are estimated, not official boundaries.',
    sample:
      'Generated for demonstration; individual values are not real observations. Only these totals match ' +
      'the report: 1,095 inspections, 41 cases, the petitions (148 in the first inspection round, 54 in ' +
      'the second), 74 VOCs problems rectified, and the district means of PM2.5 and PM10. The sample O₃ ' +
      "differs from the report's 164, and the report gives no number of enterprise online monitors or " +
      'dust monitors: those points are invented.',
    user: 'Loaded by you from a file; not verified by this app.',
  },
  panel: {
    placeholder: 'Click a township on the map to see its local indicators, or pick one below:',
    towns: 'Townships',
    close: 'Close',
    code: 'Division code',
    area: 'Area (approximate)',
    indicators: 'Indicators',
    indicator: 'Indicator',
    value: 'Value',
    monthly: 'Inspections and cases, Jan–Oct (sample)',
    inspections: 'Inspections',
    cases: 'Cases',
    inside: 'Features inside',
    provenance: 'Sources and reliability',
    approximateArea: 'Township extents are approximate; the area is indicative only.',
    notFound: 'The selected feature was not found (it may have been replaced or hidden).',
    monthlyClasses: 'Monthly water class (sample)',
    monthlyReadings: 'Monthly concentrations (sample, μg/m³)',
    month: 'Month',
  },
  overview: {
    source: 'Source',
    hideSource: 'Hide',
    sampleNote: 'Every number below is quoted from the report; open "Source" for the sentence.',
    topics: {
      air: 'Air',
      water: 'Water',
      vocs: 'VOCs',
      'mobile-source': 'Mobile sources',
      'low-carbon': 'Low-carbon pilots',
      'zero-discharge': 'Zero direct sewage discharge zones',
      'solid-waste': 'Solid waste',
      soil: 'Soil',
      'inspection-petitions': 'Inspections and petitions',
      enforcement: 'Enforcement',
      'business-services': 'Business services',
      'party-building': 'Party building',
      problems: 'Problems',
      'plan-2023': '2023 plan',
    },
  },
  search: {
    placeholder: 'Township or village',
    label: 'Search townships and villages (Chinese or pinyin)',
    town: 'Township',
    village: 'Village',
    atTownship: 'no coordinates: shown at its township',
    atTownshipNote: '{name}: no coordinates, shown at its township ({township})',
    none: 'No results',
  },
  about: {
    layerLink: 'About this data: source, method, licence ›',
    more: 'Click for About the data',
    open: 'About the data',
  },
  export: {
    heading: 'Export',
    menu: 'Export a picture, data or the share link',
    indicatorsCsv: 'Indicators as CSV',
  },
  present: {
    enter: 'Presentation',
  },
  heatmap: {
    pollutants: {
      pm25: 'PM2.5',
      pm10: 'PM10',
      o3_8h: 'O₃ (daily max 8-h)',
      aqi: 'AQI (from monthly means)',
    },
  },
  attribution: {
    sources: 'Sources',
  },
  notice: {
    basemapFailed: 'The online basemap failed ({name}); back to the offline basemap.',
  },
  periods: {
    heading: 'Figures of the 2022 work report and the 2023 plan',
    note:
      "The figures cover different periods (Jan–Oct, 2022 to the report's date, 2021, the second " +
      'pollution-source census finished in 2019, the 1st or 2nd inspection round, 2023 targets); each is ' +
      'marked.',
    period: 'Period',
    firstRoundParts: 'central {central} + provincial {provincial}',
    secondRoundJoint: '{joint} of them handled jointly with other counties',
    plan: '2023 work plan (2023年工作思路)',
    problems: 'Difficulties and problems: urgently needs speeding up',
    problemsNote: 'These items are named in the report\'s "difficulties and problems" part, not in its 2023 plan.',
  },
  faults: {
    partFailed:
      'The {part} part could not be loaded (network down?); it will be loaded again the next time it ' + 'is needed.',
    parts: {
      heatmaps: 'heatmap',
    },
    basemapTimeout: 'The online basemap ({name}) did not answer within {seconds} s; back to the offline basemap.',
  },
  a11y: {
    mapName: 'Jindong eco-environment map',
    selected: 'Selected: {name}',
    selectedNone: 'Selection cleared',
    menu: 'Menu',
    menuLabel: 'Open a panel',
    sections: {
      panel: 'Overview and details',
      layers: 'Layers, legend and basemap',
      analysis: 'Analysis',
      data: 'Data and export',
    },
    showPanel: 'Show the left panel',
    hidePanel: 'Hide the left panel',
    showTools: 'Show layers and tools',
    hideTools: 'Hide layers and tools',
    panelColumn: 'Overview and details',
    toolsColumn: 'Layers, legend and tools',
    panelShort: 'Panel',
    toolsShort: 'Tools',
    monthlyAqi: 'Monthly air quality level (estimated from monthly means, sample data)',
  },
  scale: {
    count: '{n} points',
  },
  warnings: {
    tab: 'Warnings',
    severity: {
      high: 'High',
      medium: 'Medium',
      notice: 'Notice',
    },
    kind: {
      'air-daily': 'Daily value over the Level II limit',
      'air-monthly-mean': 'Monthly mean above the annual Level II limit (not a legal exceedance)',
      'water-class': 'Water worse than its target class',
    },
    airDaily: '{pollutant} 24-hour mean {value} μg/m³, over the GB 3095-2012 Level II 24-hour limit of {limit}',
    airDailyO3:
      'O₃ daily maximum 8-hour mean {value} μg/m³, over the GB 3095-2012 Level II limit of {limit} ' +
      'for that mean (O₃ has no 24-hour limit)',
    airMonthly: '{pollutant} monthly mean {value} μg/m³ (annual Level II limit {limit})',
    water: 'Water class {value}, worse than the target class {limit}',
    waterAssumed: 'Water class {value}, worse than class {limit} (a target this app assumes)',
    columns: {
      severity: 'Severity',
      date: 'Date',
      place: 'Place',
      town: 'Township',
      kind: 'Kind',
      detail: 'Detail',
      value: 'Value',
      limit: 'Limit or target',
      provenance: 'Provenance',
    },
    perTown: 'Warnings',
    perTownNotices: '{n} monthly notices (not a legal exceedance)',
    perTownMixed: '{n}: {daily} daily values over a limit, {notices} monthly notices (not a legal exceedance)',
  },
  tables: {
    monthlyUser: 'Inspections and cases, Jan–Oct {year} (your data)',
    monthlyReadingsUser: 'Monthly concentrations (your data, μg/m³)',
    monthlyAqiUser: 'Monthly air quality level (estimated from your monthly means)',
  },
  userStyle: {
    button: 'Style',
    buttonLabel: 'Style of {name}',
  },
  project: {
    publishedFailed: 'The published project {file} could not be opened: {reason}',
  },
}
