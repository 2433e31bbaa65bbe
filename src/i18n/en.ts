/** English, the second language. Keys mirror zh-CN.ts. */
export default {
  app: {
    title: 'Jindong Eco-Environment Map',
    subtitle: 'Jindong District, Jinhua · Environmental Work 2022',
    language: 'Language',
    loading: 'Loading map data…',
  },
  map: { ariaLabel: 'Map of Jindong District' },
  tabs: { overview: 'Overview', details: 'Details' },
  tools: { label: 'Tools', layers: 'Layers', analysis: 'Analysis', data: 'Data' },
  mapTitle: {
    label: 'What the map shows',
    readings: 'Readings: {pollutant}',
    month: 'Month {month}, {year}',
    months: 'Months {from}-{to}, 2022',
    and: ', ',
    fewer: 'fewer',
    more: 'more',
  },
  common: { month: 'M{month}' },
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
  ranking: {
    heading: 'Township ranking',
    caption: 'Ranked by the indicator the map shows; click a row to open the township.',
    rank: 'Rank',
    town: 'Township',
    valueWithUnit: '{indicator} ({unit})',
    provenance: 'Source',
    rankOf: '{rank} of {n}',
    noValue: 'no data',
    unranked: '{n} without data: listed last, not ranked.',
    category: "A category is not ranked; the table lists each township's category.",
    csv: 'Export ranking (CSV)',
    fileName: 'township-ranking-{indicator}.csv',
  },
  punctuation: { withNote: '{text} ({note})', quoted: '"{text}"', sourceQuote: '{label}: "{text}"' },
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
      'Generated for demonstration; individual values are not real observations. Only these totals match the ' +
      'report: 1,095 inspections, 41 cases, the petitions (148 in the first inspection round, 54 in the second), ' +
      '74 VOCs problems rectified, and the district means of PM2.5 and PM10. The sample O₃ differs from the ' +
      "report's 164, and the report gives no number of enterprise online monitors or dust monitors: " +
      'those points are invented.',
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
    none: 'No results',
  },
  basemap: {
    heading: 'Basemap',
    keyNeeded: 'Enter your 32-character Tianditu key (tk)',
    urlNeeded: 'Enter a style URL starting with http(s)',
    keyPlaceholder: 'Tianditu key (tk)',
    urlPlaceholder: 'MapLibre style URL',
    apply: 'Apply',
    gcj: 'AMap uses GCJ-02: the layers are shifted to match.',
  },
  about: {
    layerLink: 'About this data: source, method, licence ›',
    more: 'Click for About the data',
    open: 'About the data',
  },
  export: {
    heading: 'Export',
    menu: 'Export a picture, data or the share link',
    link: 'Copy share link',
    copied: 'Share link copied',
    layer: 'Layer to export',
    indicatorsCsv: 'Indicators as CSV',
    title: 'Picture title',
    page: 'Shape',
    pages: {
      window: 'As the window',
      'slide-16x9': '16:9 slide',
      'a4-landscape': 'A4 landscape',
      'a4-portrait': 'A4 portrait',
    },
    north: 'N',
    omitted: 'Legend of {n} more layers not listed',
  },
  present: {
    enter: 'Presentation',
    exit: 'Leave (Esc)',
    playing: 'Playing',
    paused: 'Paused',
    stopped: 'Stopped',
    loop: 'loop {n}',
    keys: 'Space pause/resume · ←/→ previous/next · Home restart · Esc leave',
    stopError: 'Stop {id} failed and was skipped: {message}',
    month: 'Month {month}, 2022',
  },
  import: {
    heading: 'Import data',
    button: 'Import data (Excel / CSV / KML / GPX / GeoJSON / zipped Shapefile)',
    cancel: 'Cancel',
    cancelled: 'Import cancelled; nothing loaded was changed.',
    close: 'Close',
    confirm: 'Add to map',
    crs: 'Coordinate system',
    target: 'Import as',
    newLayer: 'New layer',
    replace: 'Replace "{name}"',
    suggest: 'The coordinates do not look like WGS84 degrees. Convert them as:',
    summary: '{kept} valid features, {rejected} rejected (format {format}, encoding {encoding})',
    tableSummary: 'A table of {rows} rows (format {format}, encoding {encoding})',
    phase: { reading: 'Reading', parsing: 'Parsing', validating: 'Validating', converting: 'Converting' },
  },
  heatmap: {
    heading: 'Heatmaps',
    readings: 'Readings heatmap',
    pollutant: 'Pollutant',
    pollutants: { pm25: 'PM2.5', pm10: 'PM10', o3_8h: 'O₃ (daily max 8-h)', aqi: 'AQI (from monthly means)' },
    play: 'Play',
    pause: 'Pause',
    month: 'Month',
    readingsNote:
      'Colours fixed to the GB 3095-2012 / HJ 633-2012 levels, whatever the zoom; station readings are sample data. ' +
      "Their district means match the report's for PM2.5 and PM10 only. The report does not say how its O₃ " +
      'figure of 164 μg/m³ was computed; the usual method (HJ 663-2013) is the 90th percentile of daily maximum ' +
      '8-hour means, not comparable with the monthly O₃ means here. The report gives no AQI.',
    legendBasis:
      "The colour levels are HJ 633-2012's breakpoints for daily values (24-hour means of PM2.5 and PM10, the " +
      'daily maximum 8-hour mean of O₃, the daily AQI), drawn beside monthly means: a comparison, not an official ' +
      'assessment of the month. Each level includes its upper bound, not its lower one: ' +
      'PM2.5 35 is Excellent, 75 Good.',
    density: 'Inspection density',
    asHeatmap: 'Heatmap',
    asHexagons: 'Hexagons',
    kinds: { inspection: 'Inspections', case: 'Cases', transferred: 'Referred' },
    months: 'Months',
    total: '{n} points shown',
    densityNote:
      'Points are sample data; the township panel and choropleth count the same months (computed in a worker).',
    hexCount: '{n} points in this hexagon',
    compare: {
      heading: 'Compare two months',
      first: 'First month',
      second: 'Second month',
      station: 'Township of the station',
      difference: 'Difference',
      mean: 'Mean of the stations',
      note: 'Monthly means per station ({unit}); difference = second minus first; negative means lower.',
    },
  },
  attribution: { sources: 'Sources' },
  notice: { basemapFailed: 'The online basemap failed ({name}); back to the offline basemap.' },
  periods: {
    heading: 'Figures of the 2022 work report and the 2023 plan',
    note:
      "The figures cover different periods (Jan–Oct, 2022 to the report's date, 2021, the second " +
      'pollution-source census finished in 2019, ' +
      'the 1st or 2nd inspection round, 2023 targets); each is marked.',
    period: 'Period',
    firstRoundParts: 'central {central} + provincial {provincial}',
    secondRoundJoint: '{joint} of them handled jointly with other counties',
    plan: '2023 work plan (2023年工作思路)',
    problems: 'Difficulties and problems: urgently needs speeding up',
    problemsNote: 'These items are named in the report\'s "difficulties and problems" part, not in its 2023 plan.',
    fullscreenHint: 'Click or press F for full screen',
    stopChart: '{name} by month (sample)',
  },
  formats: {
    sheet: 'Sheet',
    join: {
      headingTown: 'Join by township name: {matched}/{rows} rows match',
      headingVillage: 'Join by village name: {matched}/{rows} rows match',
      summaryTown: 'Joined to the townships by "{column}": {matched} of {rows} rows joined, in {towns} townships.',
      summaryVillage:
        'Joined to the villages by "{column}", then summed per township: {matched} of {rows} rows joined, in ' +
        '{towns} townships.',
      unmatched: 'line {line}: "{value}" matches no name; closest: {names}',
      ambiguous: 'line {line}: "{value}" names several villages; add a township column to tell them apart: {names}',
      duplicate:
        'line {line}: "{value}" repeats line {first}; only line {first} is used, this row is not added (no sum)',
      empty: 'line {line}: the name is empty; not joined',
      columns:
        'These numeric columns become township indicators (choropleth and township panel, badged "your data"): ' +
        '{columns}',
      noColumns: 'The table has no numeric column: there is no indicator to show.',
      nothing: 'No row matches a township or village name; the map is unchanged.',
      confirm: 'Join and show',
    },
    templates: {
      heading: 'Download an import template',
      note:
        'CSV (UTF-8; Excel opens it): row 1 the column names, row 2 a note per column (delete it before ' +
        'importing), row 3 an example.',
      'township-indicators': 'Township indicators',
      stations: 'Monitoring stations',
      readings: 'Readings',
      inspections: 'Inspections',
      points: 'Points',
    },
  },
  faults: {
    andMore: '… and {n} more not listed',
    partFailed:
      'The {part} part could not be loaded (network down?); it will be loaded again the next time it is needed.',
    parts: { heatmaps: 'heatmap' },
    basemapTimeout: 'The online basemap ({name}) did not answer within {seconds} s; back to the offline basemap.',
    tourNotAllowed: 'The tour address "{url}" is not accepted (only a relative .json path on this site).',
    tourTimeout: 'The tour file {url} did not answer within {seconds} s.',
    tourRefused: 'The server refused the tour file {url} (HTTP {status}).',
    tourNotJson: 'The tour file {url} is not JSON.',
    tourUnreachable: 'The tour file {url} could not be fetched (network unavailable).',
    tourInvalid: 'The tour file {url} has errors and was not used.',
    playingDefault: 'Playing the default tour instead.',
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
    sheetHandle: 'Drag, or press Enter, to resize the panel (now: {snap})',
    snaps: { peek: 'peek', half: 'half', full: 'full' },
    closeSheet: 'Close the panel',
    showPanel: 'Show the left panel',
    hidePanel: 'Hide the left panel',
    showTools: 'Show layers and tools',
    hideTools: 'Hide layers and tools',
    panelColumn: 'Overview and details',
    toolsColumn: 'Layers, legend and tools',
    panelShort: 'Panel',
    toolsShort: 'Tools',
    monthlyAqi: 'Monthly air quality level (estimated from monthly means, sample data)',
    monthFrom: 'First month',
    monthTo: 'Last month',
  },
  scale: {
    count: '{n} points',
    display: 'Draw as',
    as: { points: 'points', heatmap: 'heatmap', hexagon: 'hexagons' },
    weight: 'Weight',
    countWeight: 'count (each point 1)',
  },
  surface: {
    style: 'Show as',
    asSurface: 'Surface (interpolated)',
    asDensity: 'Density',
    estimate: 'interpolated estimate',
    note:
      "Surface: the whole district estimated from the stations' monthly means, closer to a " +
      "station's reading the nearer it is. At a station it equals the reading; elsewhere it is an " +
      'estimate that never leaves the range of the readings. With only {n} stations, values ' +
      "between them are a guess, not a measurement. The method is under 'About the data'.",
    densityNote: 'Density: a kernel-weighted mean of the readings, only near the stations.',
    colouring: 'Colours',
    asLevels: 'HJ 633 levels',
    asRamp: 'Continuous ramp',
    rampRange:
      "The ramp spans this month's station readings, {min}–{max} {unit}; the strip and ticks below " +
      'it are the HJ 633 levels and their breakpoints.',
  },
  warnings: {
    tab: 'Warnings',
    heading: 'Warnings',
    count: '{n} in all',
    severity: { high: 'High', medium: 'Medium', notice: 'Notice' },
    kind: {
      'air-daily': 'Daily value over the Level II limit',
      'air-monthly-mean': 'Monthly mean above the annual Level II limit (not a legal exceedance)',
      'water-class': 'Water worse than its target class',
    },
    airDaily: '{pollutant} 24-hour mean {value} μg/m³, over the GB 3095-2012 Level II 24-hour limit of {limit}',
    airDailyO3:
      'O₃ daily maximum 8-hour mean {value} μg/m³, over the GB 3095-2012 Level II limit of {limit} for that mean ' +
      '(O₃ has no 24-hour limit)',
    airMonthly: '{pollutant} monthly mean {value} μg/m³ (annual Level II limit {limit})',
    water: 'Water class {value}, worse than the target class {limit}',
    waterAssumed: 'Water class {value}, worse than class {limit} (a target this app assumes)',
    rules:
      'Rules: GB 3095-2012 Level II limits: 24-hour means of PM2.5 75 and PM10 150 μg/m³, the daily maximum ' +
      '8-hour mean of O₃ 160 μg/m³ (O₃ has no 24-hour limit); exactly at a limit is not over it. Monthly means ' +
      'are compared with the annual Level II limits (PM2.5 35, PM10 70) as a signal only, not a legal ' +
      "exceedance (an annual limit applies to a year's mean). National sections: a month worse than class Ⅲ " +
      '(GB 3838-2002). The class Ⅲ target is an assumption of this app: the report only says the two national ' +
      'sections averaged class Ⅲ over Jan–Oct, and gives no target.',
    noDaily:
      'The data has no daily station values, so the 24-hour limits were not checked (24-hour means of PM2.5 and ' +
      'PM10, the daily maximum 8-hour mean of O₃).',
    none: 'No warnings.',
    exportCsv: 'Export CSV',
    report: 'Warning report',
    print: 'Print',
    close: 'Close',
    reportTitle: 'Jindong District eco-environment warning report',
    generated: 'Generated: {date}',
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
    sampleNote: 'Warnings computed from sample data, for demonstration; not real monitoring results.',
    mapAlt: 'Map for the warning report',
  },
  tables: {
    heading: { readings: 'Can be used as readings', inspections: 'Can be used as inspections' },
    use: { readings: 'Use as readings (replaces the sample)', inspections: 'Use as inspections (replaces the sample)' },
    summary: '{rows} rows: {used} used, {refused} not used; placed on the map months Jan–{months} of {year}.',
    readings: '{stations} stations; months with data: {months}; {daily} rows were daily values, averaged by month.',
    notFound: 'Stations not found (add longitude and latitude columns, or use a station name on the map): {names}.',
    inspections:
      '{inspections} inspections, {cases} cases; {township} rows placed at their township and {village} ' +
      "at their village's township (approximate position); counts per township are exact.",
    noKindColumn: 'The table has no kind column: every row is an inspection.',
    reportFigures:
      'In the report (Jan–Oct, unchanged by your data): {inspections} enterprise inspections, {cases} cases.',
    yearAssumed: 'The month column has no year: read as {year}.',
    refused: {
      'no-station': 'line {line}: no station name',
      'station-not-found': 'line {line}: station "{value}" not found',
      'bad-date': 'line {line}: date "{value}" not understood; expected 2022-01-15 or 2022-01',
      'other-year': 'line {line}: "{value}" is not in the year used; not placed on the map',
      'outside-months': 'line {line}: "{value}" is outside Jan–Oct (the map\'s months are the report\'s)',
      duplicate: 'line {line}: repeats an earlier row ("{value}"); the first is used',
      'no-value': 'line {line}: "{value}" has no reading',
      'bad-value': 'line {line}: reading "{value}" is not a number',
      'unknown-kind': 'line {line}: unknown kind "{value}"; expected inspection/检查, case/案件 or transferred/移送',
      'no-place': 'line {line}: no coordinates and no township or village name',
      'place-not-found': 'line {line}: place "{value}" not found',
    },
    monthlyUser: 'Inspections and cases, Jan–Oct {year} (your data)',
    monthlyReadingsUser: 'Monthly concentrations (your data, μg/m³)',
    readingsNoteUser:
      'Colour levels fixed by GB 3095-2012 / HJ 633-2012, unchanged by zoom and pan; ' +
      'the station readings are the data you loaded, not verified.',
    densityNoteUser:
      'The points are the data you loaded (rows without coordinates at their township: approximate); ' +
      'township panels and the choropleth count the same months.',
    monthlyAqiUser: 'Monthly air quality level (estimated from your monthly means)',
    note: {
      readings:
        'Readings of {year}; {approximate} stations placed at the sample station ' +
        'of the township they name (approximate position).',
      inspections:
        '{year}; {approximate} rows without coordinates placed at a point of their township ' +
        '(approximate position); counts per township are exact. ' +
        "The report's Jan–Oct {inspections} inspections and {cases} cases are unchanged.",
    },
  },
  userStyle: {
    button: 'Style',
    buttonLabel: 'Style of {name}',
    heading: 'Layer style',
    colour: 'Colour',
    colourBy: { single: 'One colour', categories: 'By category', graduated: 'Graduated (numbers)' },
    column: 'Column',
    size: 'Point size',
    sameSize: 'All the same',
    label: 'Label',
    none: 'None',
    display: 'Points as',
    time: 'Date column',
    noTime: 'Not by month',
    allMonths: 'All months',
    monthLabel: '{month}/{year}',
    month: 'Month',
    filter: 'Value range',
    noFilter: 'No filter',
    min: 'Minimum',
    max: 'Maximum',
    columnRange: 'This column: {min} – {max}',
    noDateColumn: 'No date or month column found (such as 2022-03-15, 2022/3/15, 2022年3月).',
    bigLabels: 'Labels are not drawn for large point layers.',
    other: 'Other',
    noValue: 'No value',
    count: '{n}',
    sizeLegend: 'Point size: radius {small}–{large} px, area proportional to "{column}"',
    heatLegend: 'Heatmap: {weight}, low → high',
    hexLegend: 'Hexagons (500 m radius): sum of {weight}, low → high',
    countWeight: 'points',
    labelLegend: 'Label: {column}',
    timeLegend: '{column}: {month}',
    filterLegend: '{column} between {min} and {max}',
    classesOf: 'Classes of {column}',
    categoriesOf: 'Categories of {column}',
  },
  kept: {
    heading: 'My data on this device',
    off:
      'This browser cannot keep data on this device (private mode, or storage is blocked): ' +
      'imported data is gone after a reload.',
    starting: 'Reading the data kept on this device…',
    empty: 'Nothing kept yet. Imported files are kept here automatically.',
    kinds: { layer: 'Layer', replacement: 'Replacement', table: 'Table' },
    replacementOf: '{layer} (replaced by {file})',
    tableOf: '{file} (joined to townships)',
    notKept: 'Not kept',
    total: 'Kept: {count} items, about {size}',
    rename: 'Rename',
    renameLabel: 'New name for "{name}"',
    save: 'Save',
    cancel: 'Cancel',
    remove: 'Remove',
    removeLabel: 'Remove "{name}"',
    confirmRemove: 'Remove "{name}" from the map and from this device?',
    clearAll: 'Clear all',
    confirmClear: 'Remove all {count} items from the map and from this device?',
    confirm: 'Remove',
    full:
      'The storage on this device is full: keeping "{file}" needs about {needed}, and about {available} is free. ' +
      'It stays on the map but will be gone after a reload; what was already kept is safe. ' +
      'Remove other kept data to make room.',
    fullUnknown:
      'The storage on this device is full: keeping "{file}" needs about {needed}. ' +
      'It stays on the map but will be gone after a reload; what was already kept is safe.',
    failed: '"{file}" could not be kept on this device: {message}',
    lost: 'These kept items could not be read back and were removed: {files}',
    dismiss: 'OK',
    persistence: {
      granted: 'The browser agreed to keep this data: it is not cleared when storage runs low.',
      refused:
        'The browser did not agree to keep this data: it may clear it when storage runs low. ' +
        'Save a project file of what matters.',
      unsupported:
        'This browser cannot be asked to keep this data: it may clear it when storage runs low. ' +
        'Save a project file of what matters.',
    },
  },
  project: {
    heading: 'Project file',
    save: 'Save project',
    open: 'Open project…',
    saved: 'Project saved: {layers} layers, {indicators} indicators (no Tianditu key)',
    saveFailed: 'Saving the project failed: {reason}',
    title: 'Project',
    savedBy: 'format version {version}, app {app}, saved {date}',
    contents: '{layers} layers · {replacements} replaced built-in layers · {indicators} joined indicators',
    replaces: 'Opening it replaces your current data: {list}.',
    replacesNothing: 'Opening it sets the map as the project has it (layers, view, language, basemap, heatmaps).',
    currentLayers: '{n} layers',
    currentReplacements: '{n} replacements',
    currentIndicators: '{n} indicators',
    missingHeading: "These layers' data files are missing or unreadable and were not loaded (the rest opens):",
    openButton: 'Open project',
    replaceButton: 'Replace and open project',
    refused: 'Replacement not applied: {layer} ({reason})',
    needsKey:
      'The project uses a Tianditu basemap but no Tianditu key is set here: the basemap stays; ' +
      'enter your key under Basemap.',
    publishedFailed: 'The published project {file} could not be opened: {reason}',
  },
  scale2: {
    templates: {
      xlsxNote:
        'Excel (.xlsx): the first sheet holds the column names and an example row, ready to fill in and ' +
        'import; the second sheet, "Notes", explains each column.',
      xlsxFailed: 'The Excel template part could not load (network down?); click again.',
    },
  },
} as const
