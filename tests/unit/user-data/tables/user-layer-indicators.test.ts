// Indicators counted from a layer the user replaced: the user's badge and the file named.
import { describe, expect, it } from 'vitest'
import { INDICATORS } from '../../../../src/domain/indicators/township-indicators'
import { withUserLayerProvenance } from '../../../../src/user-data/tables/user-layer-indicators'

describe('indicators counted from a replaced layer', () => {
  it("carry the user's badge and name the file", () => {
    const defs = withUserLayerProvenance(INDICATORS, { inspections: '检查.csv' })
    expect(defs.find((d) => d.id === 'inspections')).toMatchObject({ provenance: 'user' })
    expect(defs.find((d) => d.id === 'inspections')!.note.zh).toContain('检查.csv')
    expect(defs.find((d) => d.id === 'monitoring-points')!.provenance).toBe('sample')
    expect(defs.find((d) => d.id === 'vocs')!.provenance).toBe('sample')
  })
  it("say in both languages that the counts are the user's and the report's figures stand", () => {
    const cases = withUserLayerProvenance(INDICATORS, { inspections: '检查.csv' }).find((d) => d.id === 'cases')!
    expect(cases.note).toEqual({
      zh: '您的数据（检查.csv），按当前乡镇边界统计；报告所述全区数字不变。',
      en:
        'Your data (检查.csv), counted within the township boundaries loaded; ' +
        "the report's district figures are unchanged.",
    })
  })
})
