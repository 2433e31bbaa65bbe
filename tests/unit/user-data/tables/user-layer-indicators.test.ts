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
})
