/**
 * The numeric columns of a table joined by place name (name-join.ts) as township indicators: each
 * becomes an indicator for the choropleth (the legend's choice) and the area panel, with the
 * user's badge. Pure TypeScript.
 */
import type { IndicatorDefinition, UserIndicatorId } from '../../domain/indicators/township-indicators'
import type { JoinResult } from './name-join'

export interface UserIndicator extends IndicatorDefinition {
  id: UserIndicatorId
  /** Township code → value; townships the table does not name are absent (no data, not 0). */
  values: Record<string, number>
  /** Came with the published project (data/project.zip), not from this visitor: not kept in 本机数据. */
  published?: boolean
}

export function userIndicatorsFromJoin(join: JoinResult, fileName: string): UserIndicator[] {
  const summed = join.column.kind === 'village'
  return join.columns.map((column) => ({
    id: `user:${fileName}:${column.name}` as UserIndicatorId,
    // The file in the label: two ledgers may both have a column named 信访件数.
    label: { zh: `${column.name}（${fileName}）`, en: `${column.name} (${fileName})` },
    unit: { zh: '', en: '' },
    kind: 'count',
    provenance: 'user',
    reportFigureIds: [],
    note: {
      zh:
        `用户数据：${fileName} ` +
        `的“${column.name}”列，按${summed ? '村（社区）名称连接并汇总到乡镇' : '乡镇（街道）名称连接'}（${join.matchedRows} 行已连接）。`,
      en:
        `Your data: column "${column.name}" of ${fileName}, joined by ` +
        `${summed ? 'village name and summed per township' : 'township name'} ` +
        `(${join.matchedRows} rows joined).`,
    },
    values: column.values,
  }))
}
