/**
 * The 数据 tab's messages: the import dialog and its templates and join report (import., formats.),
 * and 本机数据 (kept.). They travel with those parts, which load after the first view (each of their
 * components imports this module), so the first view carries none of them. Keys keep their names.
 */
import { addMessages } from '../index'

export const DATA_TOOLS_MESSAGES = {
  import: {
    'zh-CN': {
      heading: '导入数据',
      button: '导入数据（Excel / CSV / KML / GPX / GeoJSON / Shapefile.zip）',
      cancel: '取消',
      cancelled: '已取消导入，现有数据未改变。',
      close: '关闭',
      confirm: '添加到地图',
      crs: '坐标系',
      target: '导入为',
      newLayer: '新图层',
      replace: '替换“{name}”',
      suggest: '坐标看起来不是 WGS84 经纬度。按以下坐标系转换后重试：',
      summary: '有效要素 {kept} 个，拒绝 {rejected} 个（格式 {format}，编码 {encoding}）',
      tableSummary: '表格 {rows} 行（格式 {format}，编码 {encoding}）',
      phase: { reading: '读取中', parsing: '解析中', validating: '校验中', converting: '转换中' },
    },
    en: {
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
  },
  formats: {
    'zh-CN': {
      sheet: '工作表',
      join: {
        headingTown: '按乡镇名称连接：{matched}/{rows} 行匹配',
        headingVillage: '按村名称连接：{matched}/{rows} 行匹配',
        summaryTown: '按“{column}”列连接到乡镇（街道）：{rows} 行中 {matched} 行已连接，涉及 {towns} 个乡镇（街道）。',
        summaryVillage:
          '按“{column}”列连接到村（社区），再汇总到所属乡镇（街道）：{rows} 行中 {matched} 行已连接，涉及 {towns} 个乡镇（街道）。',
        unmatched: '第 {line} 行：“{value}”未匹配；最接近的名称：{names}',
        ambiguous: '第 {line} 行：“{value}”有多个同名村，请加“所属乡镇”列区分：{names}',
        duplicate: '第 {line} 行：“{value}”与第 {first} 行重复；只用第 {first} 行，本行未计入（不合计）',
        empty: '第 {line} 行：名称为空，未连接',
        columns: '以下数字列将成为乡镇指标（分级图与乡镇面板，标为“用户数据”）：{columns}',
        noColumns: '表中没有数字列，没有可显示的指标。',
        nothing: '没有任何一行与乡镇（街道）或村（社区）名称匹配；地图未作改动。',
        confirm: '连接并显示',
      },
      templates: {
        heading: '下载导入模板',
        note: 'CSV（UTF-8，Excel 可直接打开）：第 1 行为列名，第 2 行为各列说明（导入前删除），第 3 行为示例。',
        'township-indicators': '乡镇指标',
        stations: '监测站点',
        readings: '监测数据',
        inspections: '执法检查',
        points: '点位',
      },
    },
    en: {
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
  },
  kept: {
    'zh-CN': {
      heading: '本机数据',
      off: '此浏览器不能在本机保存数据（可能是隐私模式或存储被禁止）：导入的数据在刷新后会消失。',
      newer: '本机数据由更新版本的本应用保存，此版本不读取也不改动它：回到新版本即可看到。本次导入的数据刷新后会消失。',
      starting: '正在读取本机数据…',
      empty: '尚无本机数据。导入文件后会自动保存在这里。',
      kinds: { layer: '图层', replacement: '替换', table: '表格' },
      replacementOf: '{layer}（替换为 {file}）',
      tableOf: '{file}（连接到乡镇）',
      notKept: '未保存',
      total: '已保存 {count} 项，约 {size}',
      rename: '重命名',
      renameLabel: '“{name}”的新名称',
      save: '保存',
      cancel: '取消',
      remove: '删除',
      removeLabel: '删除“{name}”',
      confirmRemove: '从地图和本机删除“{name}”？',
      clearAll: '全部清除',
      confirmClear: '从地图和本机删除全部 {count} 项本机数据？',
      confirm: '确定删除',
      full: '本机存储空间不足：保存“{file}”需要约 {needed}，当前可用约 {available}。它仍在地图上，但刷新后会消失；已保存的数据没有丢失。删除其他本机数据可腾出空间。',
      fullUnknown:
        '本机存储空间不足：保存“{file}”需要约 {needed}。它仍在地图上，但刷新后会消失；已保存的数据没有丢失。',
      failed: '“{file}”未能保存到本机：{message}',
      lost: '以下本机数据无法读回，已移除：{files}',
      dismiss: '知道了',
      persistence: {
        granted: '浏览器已同意长期保存：存储空间紧张时也不会自动清除。',
        refused: '浏览器未同意长期保存：存储空间紧张时可能自动清除本机数据，重要数据请另存为项目文件。',
        unsupported: '此浏览器不支持长期保存请求：存储空间紧张时可能自动清除本机数据，重要数据请另存为项目文件。',
      },
    },
    en: {
      heading: 'My data on this device',
      off:
        'This browser cannot keep data on this device (private mode, or storage is blocked): ' +
        'imported data is gone after a reload.',
      newer:
        'The data on this device was kept by a newer version of this app; this version neither reads nor changes ' +
        'it: open the newer version to see it. What you import now is gone after a reload.',
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
  },
}

for (const [namespace, part] of Object.entries(DATA_TOOLS_MESSAGES)) addMessages(namespace, part)
