// The indicators store with a user's joined column: offered, valued per township, classified and coloured.
import { readFileSync } from 'node:fs'
import type { FeatureCollection } from 'geojson'
import { describe, expect, it } from 'vitest'
import { setActivePinia, createPinia } from 'pinia'
import { INDICATORS } from '../../../src/domain/indicators/township-indicators'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { useLayersStore } from '../../../src/stores/layers'

describe('user indicators in the store', () => {
  it('a joined column is offered, valued per township, classified and coloured', () => {
    setActivePinia(createPinia())
    const layers = useLayersStore()
    const towns = JSON.parse(readFileSync('public/geo/towns.geojson', 'utf8')) as FeatureCollection
    layers.setBuiltData('towns', towns, null)
    const indicators = useIndicatorsStore()
    const values: Record<string, number> = Object.fromEntries(
      towns.features.map((f, i) => [String(f.properties!.code), i * 10]),
    )
    delete values['330703200'] // 源东乡: not in the table → no data, not 0
    indicators.addUserIndicators([
      {
        id: 'user:f:信访件数',
        label: { zh: '信访件数', en: '信访件数' },
        unit: { zh: '', en: '' },
        kind: 'count',
        provenance: 'user',
        reportFigureIds: [],
        note: { zh: '', en: '' },
        values,
      },
    ])
    expect(indicators.definitions.at(-1)?.provenance).toBe('user')
    expect(indicators.definitions).toHaveLength(INDICATORS.length + 1)
    layers.setChoropleth('towns', { indicator: 'user:f:信访件数' })
    expect(indicators.indicator.id).toBe('user:f:信访件数')
    expect(indicators.byArea['330703103']!['user:f:信访件数']).toBe(40)
    expect(indicators.byArea['330703200']!['user:f:信访件数']).toBeNull()
    expect(Object.keys(indicators.colours)).toHaveLength(10)
    expect(indicators.classification!.classes.length).toBeGreaterThan(1)
  })
})
