/** 简体中文（默认）。英文见 en.ts；两者的键必须一致（tests/unit/i18n.test.ts）。 */
export default {
  app: {
    title: '金东生态环境一张图',
    subtitle: '金华市金东区 · 2022年生态环境工作',
    language: '语言',
    loading: '正在加载地图数据…',
    loadFailed: '数据加载失败',
  },
  map: {
    ariaLabel: '金东区地图',
  },
  layers: {
    heading: '图层',
  },
  provenance: {
    official: '官方',
    'open-data': '开放数据',
    approximate: '近似',
    sample: '示例数据',
  },
  provenanceHelp: {
    official: '数值直接取自金东分局2022年工作总结原文。',
    'open-data': '取自公开数据源，见署名。',
    approximate: '位置或范围为推算的近似值，不是官方界线。',
    sample: '为演示生成的示例数据，总量与报告一致，个体数值并非真实观测。',
  },
  panel: {
    placeholder: '点击地图上的乡镇（街道）查看当地指标。',
  },
  attribution: {
    sources: '数据来源',
  },
} as const
