/**
 * The township indicators counted from a layer the user's table has replaced (inspections and
 * cases from the layer with the `inspections` capability, monitoring points from the one with
 * `readings`) are the user's, not sample data: their badge says so and their note names the file.
 * The report's figure they were reconciled with stays named in the note as the report's, beside
 * the user's counts.
 * Pure TypeScript.
 */
import type { IndicatorDefinition } from '../../domain/indicators/township-indicators'

/** Which layer each built-in count indicator is counted from, by that layer's capability. */
export const INDICATOR_SOURCE_CAPABILITY: Readonly<Record<string, 'inspections' | 'readings'>> = {
  inspections: 'inspections',
  cases: 'inspections',
  'monitoring-points': 'readings',
}

export function withUserLayerProvenance(
  definitions: readonly IndicatorDefinition[],
  /** Capability → the user's file that replaced that layer's data (absent: the layer's own data). */
  replacedBy: Readonly<Record<string, string | undefined>>,
): IndicatorDefinition[] {
  return definitions.map((definition) => {
    const layer = INDICATOR_SOURCE_CAPABILITY[definition.id]
    const fileName = layer ? replacedBy[layer] : undefined
    if (!fileName) return definition
    return {
      ...definition,
      provenance: 'user',
      note: {
        zh: `您的数据（${fileName}），按当前乡镇边界统计；报告所述全区数字不变。`,
        en:
          `Your data (${fileName}), counted within the township boundaries loaded; ` +
          "the report's district figures are unchanged.",
      },
    }
  })
}
