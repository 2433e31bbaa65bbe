import type { LayerSpec } from './types'
import { pick } from '../i18n/bilingual'
import { POINTS } from './spec-helpers'
import { DUST_MONITOR_COUNT, ENTERPRISE_MONITOR_COUNT, SAMPLE_SEEDS } from '../domain/samples'
import { localisedName } from './style-helpers'
import { USER_RECORD_FIELDS } from './user-records'

/**
 * Monitoring points, one symbol per kind. The symbols are characters drawn with local fonts, so the
 * layer needs no sprite download. All positions and readings are sample data.
 */
export const MONITORING_KINDS = [
  { kind: 'air', glyph: '●', colour: '#c2410c', label: { zh: '空气质量监测点', en: 'Air quality station' } },
  { kind: 'water-auto', glyph: '▲', colour: '#0369a1', label: { zh: '水质自动监测站', en: 'Automatic water station' } },
  {
    kind: 'enterprise-online',
    glyph: '■',
    colour: '#6d28d9',
    label: { zh: '企业污染源在线监控', en: 'Enterprise online monitoring' },
  },
  { kind: 'dust', glyph: '◆', colour: '#a16207', label: { zh: '重点路段扬尘监控', en: 'Road dust monitor' } },
] as const

const monitoringPoints: LayerSpec = {
  id: 'monitoring-points',
  title: { zh: '监测点', en: 'Monitoring points' },
  order: 70,
  defaultVisible: false,
  listed: true,
  provenance: 'sample',
  caveat: {
    zh:
      '点位与读数均为示例数据；与报告一致的只有全区1–10月的PM2.5、PM10均值（26、45 μg/m³）。' +
      'O₃读数与报告的164不同；企业污染源在线监控点和扬尘监控点的数量报告未给出，为示意。',
    en:
      'Positions and readings are sample data; only the district Jan–Oct means of PM2.5 and PM10 match the ' +
      "report (26, 45 μg/m³). The O₃ readings differ from the report's 164; the report gives no number of " +
      'enterprise online monitors or dust monitors, so those points are invented.',
  },
  method: {
    zh:
      '示例数据：点位、数量与读数均为示意生成，并非真实站点或监测结果。空气点位每乡镇（街道）1个，读数为1–10月各月均值（保留1位小数），' +
      '先按站、再按月平均并取整仍为报告的PM2.5 26、PM10 45 μg/m³；O3为日最大8小时平均的月均值；报告的O3 164 μg/m³未说明算法，' +
      '通常（HJ 663-2013）为日最大8小时平均的第90百分位数，与此处的月均值不可比。' +
      '水质自动监测点与东关桥、洪坞桥国控断面同址（断面位置近似）。报告2023年工作思路提及企业污染源在线监控和重点路段扬尘自动监控但未给数量，' +
      `此处仅示例${ENTERPRISE_MONITOR_COUNT}个和${DUST_MONITOR_COUNT}个，按乡镇面积分配、随机落在乡镇范围内。`,
    en:
      'Sample data: positions, numbers and readings are invented, not real stations or measurements. ' +
      'One air monitor per township; readings are Jan–Oct monthly means to 1 decimal, ' +
      "and averaged over stations then months they still round to the report's PM2.5 26 and PM10 45 μg/m³; " +
      'O3 is the monthly mean of daily maximum 8-hour means. The report does not say how its O3 figure of ' +
      '164 μg/m³ was computed; the usual method (HJ 663-2013) is the 90th percentile of daily maximum 8-hour ' +
      'means, not comparable with these monthly means. ' +
      'The automatic water monitors share the (approximate) positions of the Dongguanqiao and Hongwuqiao sections. ' +
      'The 2023 plan mentions enterprise online monitoring and dust monitoring on key roads without numbers; ' +
      `${ENTERPRISE_MONITOR_COUNT} and ${DUST_MONITOR_COUNT} sample points are apportioned by township area and ` +
      'placed at random inside the townships.',
  },
  source: `generateAirSample (seed ${SAMPLE_SEEDS.air}); positions drawn inside the approximate township areas`,
  licence: 'Sample data made by this project',
  data: {
    origin: { builder: true },
    key: 'id',
    geometryTypes: ['Point'],
    requiredProperties: ['id', 'kind', 'name', 'name_en'],
  },
  capabilities: { replaceable: { geometryTypes: POINTS, requiredProperties: ['kind'] }, readings: true },
  mapLayers: ({ opacity, selectedKey }) => [
    {
      id: 'monitoring-points-symbol',
      type: 'symbol',
      layout: {
        'text-field': ['match', ['get', 'kind'], ...MONITORING_KINDS.flatMap((k) => [k.kind, k.glyph]), '●'] as never,
        'text-font': ['Noto Sans CJK SC Regular'],
        'text-size': ['case', ['==', ['get', 'id'], selectedKey ?? ''], 26, 18] as never,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': [
          'match',
          ['get', 'kind'],
          ...MONITORING_KINDS.flatMap((k) => [k.kind, k.colour]),
          '#333',
        ] as never,
        'text-halo-color': '#ffffff',
        'text-halo-width': 1.5,
        'text-opacity': opacity,
      },
    },
  ],
  legend: MONITORING_KINDS.map((k) => ({ label: k.label, colour: k.colour, shape: 'glyph' as const, glyph: k.glyph })),
  interactiveLayerIds: ['monitoring-points-symbol'],
  tooltip: (p, locale) => localisedName(p, locale),
  panelFields: [
    {
      property: 'kind',
      label: { zh: '类型', en: 'Kind' },
      format: (v, locale) =>
        MONITORING_KINDS.find((k) => k.kind === v)?.label
          ? pick(MONITORING_KINDS.find((k) => k.kind === v)!.label, locale)
          : String(v),
    },
    { property: 'town_code', label: { zh: '所在乡镇代码', en: 'Township code' } },
    ...USER_RECORD_FIELDS,
  ],
}
export default monitoringPoints
