/**
 * Messages that only the parts loaded after the first view read (the heatmaps' controls, user tables
 * and styles, the project file, presentation, the ranking, the basemap picker, the map's title…),
 * under the namespaces they share with the first view's messages (zh-CN.ts, en.ts keep the keys the
 * first view shows). Each module that reads one of them imports this file, so the first view's code
 * carries none of them (tests/unit/i18n/messages.test.ts checks both).
 */
import { addMessages } from '../index'

export const AFTER_FIRST_VIEW_MESSAGES = {
  mapTitle: {
    'zh-CN': {
      label: '地图显示的内容',
      readings: '监测浓度 · {pollutant}',
      month: '{year}年{month}月',
      months: '2022年{from}–{to}月',
      and: '、',
      fewer: '少',
      more: '多',
    },
    en: {
      label: 'What the map shows',
      readings: 'Readings: {pollutant}',
      month: 'Month {month}, {year}',
      months: 'Months {from}-{to}, 2022',
      and: ', ',
      fewer: 'fewer',
      more: 'more',
    },
  },
  ranking: {
    'zh-CN': {
      heading: '乡镇排名',
      caption: '按地图所示指标排名，点击一行查看该乡镇。',
      rank: '名次',
      town: '乡镇（街道）',
      valueWithUnit: '{indicator}（{unit}）',
      provenance: '来源',
      rankOf: '第 {rank} / {n} 名',
      noValue: '无数据',
      unranked: '{n} 个无数据，列在最后，不排名。',
      category: '类别指标不排名，下表列出各乡镇的类别。',
      csv: '导出排名 CSV',
      fileName: '乡镇排名-{indicator}.csv',
    },
    en: {
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
  },
  punctuation: {
    'zh-CN': {
      sourceQuote: '{label}：“{text}”',
    },
    en: {
      sourceQuote: '{label}: "{text}"',
    },
  },
  basemap: {
    'zh-CN': {
      heading: '底图',
      keyNeeded: '请输入32位天地图密钥（tk）',
      urlNeeded: '请输入 http(s) 开头的样式 URL',
      keyPlaceholder: '天地图密钥 tk',
      urlPlaceholder: 'MapLibre 样式 URL',
      apply: '应用',
      gcj: '高德底图为 GCJ-02 坐标：图层已相应偏移。',
    },
    en: {
      heading: 'Basemap',
      keyNeeded: 'Enter your 32-character Tianditu key (tk)',
      urlNeeded: 'Enter a style URL starting with http(s)',
      keyPlaceholder: 'Tianditu key (tk)',
      urlPlaceholder: 'MapLibre style URL',
      apply: 'Apply',
      gcj: 'AMap uses GCJ-02: the layers are shifted to match.',
    },
  },
  export: {
    'zh-CN': {
      link: '复制分享链接',
      copied: '已复制分享链接',
      layer: '导出图层',
      title: '图片标题',
      page: '版式',
      pages: {
        window: '与窗口相同',
        'slide-16x9': '16:9 幻灯片',
        'a4-landscape': 'A4 横向',
        'a4-portrait': 'A4 纵向',
      },
      north: '北',
      omitted: '另有 {n} 个图层的图例未列出',
    },
    en: {
      link: 'Copy share link',
      copied: 'Share link copied',
      layer: 'Layer to export',
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
  },
  present: {
    'zh-CN': {
      exit: '退出演示 (Esc)',
      playing: '播放中',
      paused: '已暂停',
      stopped: '已停止',
      loop: '第 {n} 轮',
      keys: '空格 暂停/继续 · ←/→ 上一站/下一站 · Home 重新开始 · Esc 退出',
      stopError: '站点 {id} 出错，已跳过：{message}',
      month: '2022年{month}月',
    },
    en: {
      exit: 'Leave (Esc)',
      playing: 'Playing',
      paused: 'Paused',
      stopped: 'Stopped',
      loop: 'loop {n}',
      keys: 'Space pause/resume · ←/→ previous/next · Home restart · Esc leave',
      stopError: 'Stop {id} failed and was skipped: {message}',
      month: 'Month {month}, 2022',
    },
  },
  heatmap: {
    'zh-CN': {
      heading: '热力图',
      readings: '监测浓度热力图',
      pollutant: '污染物',
      play: '播放',
      pause: '暂停',
      month: '月份',
      readingsNote:
        '色阶按 GB 3095-2012 / HJ 633-2012 分级固定，缩放平移不变；站点读数为示例数据。仅PM2.5、PM10的全区均值与报告一致；报告的O₃ 164 ' +
        'μg/m³未说明算法，通常（HJ 663-2013）为日最大8小时平均的第90百分位数，与此处的O₃月均值不可比；AQI报告无对应数字。',
      legendBasis:
        '色阶为 HJ 633-2012 的日评价分级断点（PM2.5、PM10 为24小时平均，O₃ 为日最大8小时平均，AQI 为日 ' +
        'AQI），图上却是月均值：颜色只作对照，不是该月的法定评价。每级含上限不含下限，如 PM2.5 35 属优、75 属良。',
      density: '执法检查密度',
      asHeatmap: '热力图',
      asHexagons: '六边形',
      kinds: {
        inspection: '检查',
        case: '案件',
        transferred: '移送',
      },
      months: '月份范围',
      total: '当前显示 {n} 个点',
      densityNote: '点位为示例数据；乡镇面板与分级图按同一月份范围计数（后台线程计算）。',
      hexCount: '此六边形内 {n} 个点',
      compare: {
        heading: '两个月对比',
        first: '对比月份一',
        second: '对比月份二',
        station: '站点所在乡镇（街道）',
        difference: '差值',
        mean: '各站平均',
        note: '各站月均值（{unit}）；差值为后者减前者，负值为下降。',
      },
    },
    en: {
      heading: 'Heatmaps',
      readings: 'Readings heatmap',
      pollutant: 'Pollutant',
      play: 'Play',
      pause: 'Pause',
      month: 'Month',
      readingsNote:
        'Colours fixed to the GB 3095-2012 / HJ 633-2012 levels, whatever the zoom; station ' +
        "readings are sample data. Their district means match the report's for PM2.5 and PM10 only. " +
        'The report does not say how its O₃ figure of 164 μg/m³ was computed; the usual method (HJ ' +
        '663-2013) is the 90th percentile of daily maximum 8-hour means, not comparable with the ' +
        'monthly O₃ means here. The report gives no AQI.',
      legendBasis:
        "The colour levels are HJ 633-2012's breakpoints for daily values (24-hour means of PM2.5 " +
        'and PM10, the daily maximum 8-hour mean of O₃, the daily AQI), drawn beside monthly means: ' +
        'a comparison, not an official assessment of the month. Each level includes its upper bound, ' +
        'not its lower one: PM2.5 35 is Excellent, 75 Good.',
      density: 'Inspection density',
      asHeatmap: 'Heatmap',
      asHexagons: 'Hexagons',
      kinds: {
        inspection: 'Inspections',
        case: 'Cases',
        transferred: 'Referred',
      },
      months: 'Months',
      total: '{n} points shown',
      densityNote:
        'Points are sample data; the township panel and choropleth count the same months (computed ' + 'in a worker).',
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
  },
  periods: {
    'zh-CN': {
      fullscreenHint: '点击或按 F 全屏',
      stopChart: '{name}逐月（示例）',
    },
    en: {
      fullscreenHint: 'Click or press F for full screen',
      stopChart: '{name} by month (sample)',
    },
  },
  faults: {
    'zh-CN': {
      andMore: '……另有 {n} 条未列出',
      tourNotAllowed: '演示脚本地址“{url}”不被接受（只接受本站的相对 .json 路径）。',
      tourTimeout: '演示脚本 {url} 在 {seconds} 秒内无应答。',
      tourRefused: '服务器拒绝了演示脚本 {url}（HTTP {status}）。',
      tourNotJson: '演示脚本 {url} 不是 JSON。',
      tourUnreachable: '无法获取演示脚本 {url}（网络不可用）。',
      tourInvalid: '演示脚本 {url} 有误，未使用。',
      playingDefault: '现播放默认演示。',
    },
    en: {
      andMore: '… and {n} more not listed',
      tourNotAllowed: 'The tour address "{url}" is not accepted (only a relative .json path on this site).',
      tourTimeout: 'The tour file {url} did not answer within {seconds} s.',
      tourRefused: 'The server refused the tour file {url} (HTTP {status}).',
      tourNotJson: 'The tour file {url} is not JSON.',
      tourUnreachable: 'The tour file {url} could not be fetched (network unavailable).',
      tourInvalid: 'The tour file {url} has errors and was not used.',
      playingDefault: 'Playing the default tour instead.',
    },
  },
  a11y: {
    'zh-CN': {
      sheetHandle: '拖动或按回车调整面板高度（当前：{snap}）',
      snaps: {
        peek: '收起',
        half: '半屏',
        full: '全屏',
      },
      closeSheet: '关闭面板',
      monthFrom: '起始月份',
      monthTo: '结束月份',
    },
    en: {
      sheetHandle: 'Drag, or press Enter, to resize the panel (now: {snap})',
      snaps: {
        peek: 'peek',
        half: 'half',
        full: 'full',
      },
      closeSheet: 'Close the panel',
      monthFrom: 'First month',
      monthTo: 'Last month',
    },
  },
  scale: {
    'zh-CN': {
      display: '显示方式',
      as: {
        points: '点',
        heatmap: '热力图',
        hexagon: '蜂窝图',
      },
      weight: '权重',
      countWeight: '计数（每点为 1）',
    },
    en: {
      display: 'Draw as',
      as: {
        points: 'points',
        heatmap: 'heatmap',
        hexagon: 'hexagons',
      },
      weight: 'Weight',
      countWeight: 'count (each point 1)',
    },
  },
  surface: {
    'zh-CN': {
      style: '显示方式',
      asSurface: '浓度面（插值）',
      asDensity: '密度',
      estimate: '插值估算',
      note: '浓度面：由各站月均值推算全区，离站点越近越接近该站读数；站点处等于读数，其余为估算，不超出各站读数范围。仅 {n} 个站点时，站间数值只是推测，不是监测值。算法见“关于数据”。',
      densityNote: '密度：各站读数的核密度加权平均，仅示意站点附近。',
      colouring: '着色',
      asLevels: 'HJ 633 等级',
      asRamp: '连续色带',
      rampRange: '色带按本月各站读数 {min}–{max} {unit} 拉伸；下方色条与刻度为 HJ 633 等级及其断点。',
    },
    en: {
      style: 'Show as',
      asSurface: 'Surface (interpolated)',
      asDensity: 'Density',
      estimate: 'interpolated estimate',
      note:
        "Surface: the whole district estimated from the stations' monthly means, closer to a station's " +
        'reading the nearer it is. At a station it equals the reading; elsewhere it is an estimate that ' +
        'never leaves the range of the readings. With only {n} stations, values between them are a guess, ' +
        "not a measurement. The method is under 'About the data'.",
      densityNote: 'Density: a kernel-weighted mean of the readings, only near the stations.',
      colouring: 'Colours',
      asLevels: 'HJ 633 levels',
      asRamp: 'Continuous ramp',
      rampRange:
        "The ramp spans this month's station readings, {min}–{max} {unit}; the strip and ticks below " +
        'it are the HJ 633 levels and their breakpoints.',
    },
  },
  warnings: {
    'zh-CN': {
      heading: '预警',
      count: '共 {n} 条',
      rules:
        '规则：GB 3095-2012 二级浓度限值——PM2.5、PM10 的24小时平均 75、150 μg/m³，O₃ 的日最大8小时平均 160 μg/m³（O₃ ' +
        '没有24小时平均限值），恰好等于限值不算超过；月均值与年均二级限值 PM2.5 35、PM10 70 比较，只是提示，不是法定超标判定（年均限值针对全年均值）；国控断面月度水质劣于Ⅲ类（GB ' +
        '3838-2002）——Ⅲ类目标是本应用的假定：报告只说两个国控断面1–10月平均水质为Ⅲ类，没有给出目标类别。',
      noDaily: '当前数据没有站点日值，未做24小时限值判定（PM2.5、PM10 24小时平均，O₃ 日最大8小时平均）。',
      none: '没有预警。',
      exportCsv: '导出 CSV',
      report: '预警报告',
      print: '打印',
      close: '关闭',
      reportTitle: '金东区生态环境预警报告',
      generated: '生成日期：{date}',
      sampleNote: '预警由示例数据计算，仅作演示，不是真实监测结果。',
      mapAlt: '预警报告地图',
    },
    en: {
      heading: 'Warnings',
      count: '{n} in all',
      rules:
        'Rules: GB 3095-2012 Level II limits: 24-hour means of PM2.5 75 and PM10 150 μg/m³, the daily ' +
        'maximum 8-hour mean of O₃ 160 μg/m³ (O₃ has no 24-hour limit); exactly at a limit is not over it. ' +
        'Monthly means are compared with the annual Level II limits (PM2.5 35, PM10 70) as a signal only, ' +
        "not a legal exceedance (an annual limit applies to a year's mean). National sections: a month " +
        'worse than class Ⅲ (GB 3838-2002). The class Ⅲ target is an assumption of this app: the report ' +
        'only says the two national sections averaged class Ⅲ over Jan–Oct, and gives no target.',
      noDaily:
        'The data has no daily station values, so the 24-hour limits were not checked (24-hour means of ' +
        'PM2.5 and PM10, the daily maximum 8-hour mean of O₃).',
      none: 'No warnings.',
      exportCsv: 'Export CSV',
      report: 'Warning report',
      print: 'Print',
      close: 'Close',
      reportTitle: 'Jindong District eco-environment warning report',
      generated: 'Generated: {date}',
      sampleNote: 'Warnings computed from sample data, for demonstration; not real monitoring results.',
      mapAlt: 'Map for the warning report',
    },
  },
  tables: {
    'zh-CN': {
      heading: {
        readings: '可用作监测读数',
        inspections: '可用作执法检查',
      },
      use: {
        readings: '用作监测读数（替换示例数据）',
        inspections: '用作执法检查（替换示例数据）',
      },
      summary: '共 {rows} 行，可用 {used} 行，未用 {refused} 行；按 {year} 年 1–{months} 月放到地图的月份上。',
      readings: '{stations} 个站点，有数据的月份：{months}；{daily} 行为日值，已按月平均。',
      notFound: '找不到的站点（请加经度、纬度列，或用地图上的站点名称）：{names}。',
      inspections:
        '检查 {inspections} 家次、案件 {cases} 件；{township} 行按乡镇（街道）、{village} 行按村所在乡镇定位（近似位置），乡镇计数准确。',
      noKindColumn: '表中没有类型列，全部视为检查。',
      reportFigures: '报告所述（1–10月，不随您的数据改变）：检查企业 {inspections} 家次，办理案件 {cases} 件。',
      yearAssumed: '月份列没有年份，按 {year} 年读取。',
      refused: {
        'no-station': '第 {line} 行：没有站点名称',
        'station-not-found': '第 {line} 行：找不到站点“{value}”',
        'bad-date': '第 {line} 行：日期“{value}”无法识别，应为 2022-01-15 或 2022-01',
        'other-year': '第 {line} 行：“{value}”不在所用年份，未放到地图上',
        'outside-months': '第 {line} 行：“{value}”不在 1–10 月（地图的月份与报告一致）',
        duplicate: '第 {line} 行：与前面的行重复（“{value}”），只用第一行',
        'no-value': '第 {line} 行：“{value}”没有任何读数',
        'bad-value': '第 {line} 行：读数“{value}”不是数字',
        'unknown-kind': '第 {line} 行：类型“{value}”未知，应为 inspection/检查、case/案件 或 移送',
        'no-place': '第 {line} 行：没有坐标，也没有乡镇（街道）或村名',
        'place-not-found': '第 {line} 行：找不到地名“{value}”',
      },
      readingsNoteUser: '色阶按 GB 3095-2012 / HJ 633-2012 分级固定，缩放平移不变；站点读数为您导入的数据，未经核实。',
      densityNoteUser: '点位为您导入的数据（无坐标的按乡镇定位，近似位置）；乡镇面板与分级图按同一月份范围计数。',
      note: {
        readings: '读数为 {year} 年；{approximate} 个站点按同名乡镇的示例站点位置定位（近似位置）。',
        inspections:
          '{year} 年；{approximate} 条无坐标，按乡镇（街道）内代表点定位（近似位置），乡镇计数准确。报告所述 1–10 月检查 {inspections} 家次、案件 ' +
          '{cases} 件不变。',
      },
    },
    en: {
      heading: {
        readings: 'Can be used as readings',
        inspections: 'Can be used as inspections',
      },
      use: {
        readings: 'Use as readings (replaces the sample)',
        inspections: 'Use as inspections (replaces the sample)',
      },
      summary: '{rows} rows: {used} used, {refused} not used; placed on the map months Jan–{months} of {year}.',
      readings: '{stations} stations; months with data: {months}; {daily} rows were daily values, averaged by month.',
      notFound: 'Stations not found (add longitude and latitude columns, or use a station name on the map): {names}.',
      inspections:
        '{inspections} inspections, {cases} cases; {township} rows placed at their township and ' +
        "{village} at their village's township (approximate position); counts per township are exact.",
      noKindColumn: 'The table has no kind column: every row is an inspection.',
      reportFigures:
        'In the report (Jan–Oct, unchanged by your data): {inspections} enterprise inspections, ' + '{cases} cases.',
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
      readingsNoteUser:
        'Colour levels fixed by GB 3095-2012 / HJ 633-2012, unchanged by zoom and pan; the ' +
        'station readings are the data you loaded, not verified.',
      densityNoteUser:
        'The points are the data you loaded (rows without coordinates at their township: ' +
        'approximate); township panels and the choropleth count the same months.',
      note: {
        readings:
          'Readings of {year}; {approximate} stations placed at the sample station of the township they ' +
          'name (approximate position).',
        inspections:
          '{year}; {approximate} rows without coordinates placed at a point of their township ' +
          "(approximate position); counts per township are exact. The report's Jan–Oct {inspections} " +
          'inspections and {cases} cases are unchanged.',
      },
    },
  },
  userStyle: {
    'zh-CN': {
      heading: '图层样式',
      colour: '颜色',
      colourBy: {
        single: '单一颜色',
        categories: '按类别',
        graduated: '分级（数值）',
      },
      column: '字段',
      size: '点大小',
      sameSize: '统一大小',
      label: '标注',
      none: '无',
      display: '点的显示',
      time: '日期字段',
      noTime: '不按月份',
      allMonths: '全部月份',
      monthLabel: '{year}年{month}月',
      month: '月份',
      filter: '数值范围',
      noFilter: '不筛选',
      min: '最小值',
      max: '最大值',
      columnRange: '该字段：{min} – {max}',
      noDateColumn: '没有可识别的日期或月份字段（如 2022-03-15、2022/3/15、2022年3月）。',
      bigLabels: '大数据量点图层不绘制标注。',
      other: '其他',
      noValue: '无值',
      count: '{n} 个',
      sizeLegend: '点大小：半径 {small}–{large} 像素，面积与“{column}”成正比',
      heatLegend: '热力图：{weight}，低 → 高',
      hexLegend: '蜂窝图（半径 500 米）：{weight}之和，低 → 高',
      countWeight: '点数',
      labelLegend: '标注：{column}',
      timeLegend: '{column}：{month}',
      filterLegend: '{column} 在 {min} – {max} 之间',
      classesOf: '{column} 分级',
      categoriesOf: '{column} 类别',
    },
    en: {
      heading: 'Layer style',
      colour: 'Colour',
      colourBy: {
        single: 'One colour',
        categories: 'By category',
        graduated: 'Graduated (numbers)',
      },
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
  },
  project: {
    'zh-CN': {
      heading: '项目文件',
      save: '保存项目',
      open: '打开项目…',
      saved: '已保存项目：{layers} 个图层，{indicators} 个指标（不含天地图密钥）',
      saveFailed: '保存项目失败：{reason}',
      title: '项目',
      savedBy: '格式版本 {version}，应用 {app}，保存于 {date}',
      contents: '{layers} 个图层 · {replacements} 个替换的内置图层 · {indicators} 个连接指标',
      replaces: '打开后将替换您当前的数据：{list}。',
      replacesNothing: '打开后按项目设置地图（图层、视图、语言、底图、热力图）。',
      currentLayers: '{n} 个图层',
      currentReplacements: '{n} 个替换',
      currentIndicators: '{n} 个指标',
      missingHeading: '以下图层的数据文件缺失或无法读取，未载入（其余照常打开）：',
      openButton: '打开项目',
      replaceButton: '替换并打开项目',
      refused: '未应用的替换：{layer}（{reason}）',
      needsKey: '项目使用天地图底图，但本机没有天地图密钥：底图保持不变，请在“底图”中输入您的密钥。',
    },
    en: {
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
        'The project uses a Tianditu basemap but no Tianditu key is set here: the basemap stays; enter ' +
        'your key under Basemap.',
    },
  },
  scale2: {
    'zh-CN': {
      templates: {
        xlsxNote: 'Excel（.xlsx）：第一个工作表为列名和示例行，可直接填写导入；第二个工作表“说明”逐列说明。',
        xlsxFailed: 'Excel 模板组件未能加载（网络中断？），请再点一次。',
      },
    },
    en: {
      templates: {
        xlsxNote:
          'Excel (.xlsx): the first sheet holds the column names and an example row, ready to fill in ' +
          'and import; the second sheet, "Notes", explains each column.',
        xlsxFailed: 'The Excel template part could not load (network down?); click again.',
      },
    },
  },
}

for (const [namespace, part] of Object.entries(AFTER_FIRST_VIEW_MESSAGES)) addMessages(namespace, part)
