/**
 * The tool column's tabs, in the order they are shown: 图层 (layers, legend, basemap), 分析 (the
 * heatmaps, the month comparison) and 数据 (import, templates, 本机数据, project file); the township
 * ranking is in the side panel's 详情 tab, beside the area it ranks. A
 * phone's bottom sheet shows the same parts, one at a time.
 */
export const TOOL_TABS = ['layers', 'analysis', 'data'] as const
export type ToolTab = (typeof TOOL_TABS)[number]

export function validToolTab(value: unknown): ToolTab | null {
  return TOOL_TABS.find((tab) => tab === value) ?? null
}

/** The tab an arrow key, Home or End moves to from `current` (wrapping round); null for any other key. */
export function tabForKey(current: ToolTab, key: string): ToolTab | null {
  const index = TOOL_TABS.indexOf(current)
  const last = TOOL_TABS.length - 1
  if (key === 'ArrowRight' || key === 'ArrowDown') return TOOL_TABS[index === last ? 0 : index + 1]!
  if (key === 'ArrowLeft' || key === 'ArrowUp') return TOOL_TABS[index === 0 ? last : index - 1]!
  if (key === 'Home') return TOOL_TABS[0]!
  if (key === 'End') return TOOL_TABS[last]!
  return null
}
