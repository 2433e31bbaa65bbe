import { beforeEach, describe, expect, test } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { FeatureCollection } from 'geojson'
import { defaultUserLayerStyle, parseUserLayerStyle } from '../../../src/user-data/styles/user-layer-style'
import { applyUserState, captureUserState } from '../../../src/stores/user-state'
import { useLayersStore } from '../../../src/stores/layers'
import { useIndicatorsStore } from '../../../src/stores/indicators'
import { pointTableFromFeatures } from '../../../src/user-data/tables/point-table'

const points: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { name: 'a', v: 1 }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } },
    { type: 'Feature', properties: { name: 'b', v: 2 }, geometry: { type: 'Point', coordinates: [119.8, 29.2] } },
  ],
}

describe('a user layer style read back', () => {
  test('keeps what is valid and defaults each field that is not, alone', () => {
    const style = parseUserLayerStyle({
      colour: { kind: 'graduated', column: 'v', method: 'nonsense', classCount: 40, manualBreaksText: '1, 2' },
      sizeColumn: '',
      labelColumn: 'name',
      display: 'hexagon',
      weightColumn: 7,
      time: { column: '日期', month: '2022-13' },
      filter: { column: 'v', min: 1, max: Infinity },
    })
    expect(style).toEqual({
      colour: { kind: 'graduated', column: 'v', method: 'quantile', classCount: 7, manualBreaksText: '1, 2' },
      sizeColumn: null,
      labelColumn: 'name',
      display: 'hexagon',
      weightColumn: null,
      time: { column: '日期', month: null },
      filter: { column: 'v', min: 1, max: null },
    })
    expect(parseUserLayerStyle('garbage')).toEqual(defaultUserLayerStyle())
    expect(parseUserLayerStyle({ colour: { kind: 'categories' } }).colour).toEqual({ kind: 'single' })
  })
})

describe('the user state, captured and applied', () => {
  beforeEach(() => setActivePinia(createPinia()))

  test('layers come back with their ids, names, styles, order; replacements and indicators too', () => {
    const layers = useLayersStore()
    const indicators = useIndicatorsStore()
    const style = { ...defaultUserLayerStyle(), labelColumn: 'name' }
    const a = layers.addUserLayer(points, 'a.geojson', { style })
    const b = layers.addUserPointLayer(pointTableFromFeatures(points.features), 'b.csv')
    layers.renameUserLayer(a, '我的点')
    layers.setOpacity(b, 0.4)
    layers.setVisible(a, false)
    indicators.addUserIndicators([
      {
        id: 'user:t.csv:x',
        label: { zh: 'x', en: 'x' },
        unit: { zh: '', en: '' },
        kind: 'count',
        provenance: 'user',
        reportFigureIds: [],
        note: { zh: '', en: '' },
        values: { '330703001': 3 },
      },
    ])
    const snapshot = captureUserState(layers, indicators)
    expect(snapshot.layers.map((l) => [l.id, l.name, l.visible, l.opacity])).toEqual([
      [b, null, true, 0.4],
      [a, '我的点', false, 1],
    ])

    setActivePinia(createPinia())
    const layers2 = useLayersStore()
    const indicators2 = useIndicatorsStore()
    expect(applyUserState(snapshot, layers2, indicators2).missingLayers).toEqual([])
    expect(layers2.order.slice(0, 2)).toEqual([b, a])
    expect(layers2.record(a)?.userStyle?.labelColumn).toBe('name')
    expect(layers2.meta(a)?.title.zh).toBe('我的数据：我的点')
    expect(layers2.record(b)?.points?.length).toBe(2)
    expect(indicators2.userIndicators.map((i) => i.id)).toEqual(['user:t.csv:x'])
    // A later layer does not reuse a restored id.
    expect(layers2.addUserLayer(points, 'c.geojson')).toBe('user-3')
  })

  test('a replacement restored before the built data stays in front; removing it brings the built data back', () => {
    const layers = useLayersStore()
    const built: FeatureCollection = { type: 'FeatureCollection', features: [] }
    layers.replaceData('enforcement', points, 'mine.geojson')
    layers.setBuiltData('enforcement', built, null)
    expect(layers.data('enforcement')?.features).toHaveLength(2)
    layers.clearReplacement('enforcement')
    expect(layers.data('enforcement')?.features).toHaveLength(0)
    expect(layers.record('enforcement')?.replacement).toBeNull()
  })

  test('what the published project brings is flagged as published; a replacement keeps its note', () => {
    const layers = useLayersStore()
    const indicators = useIndicatorsStore()
    const note = { zh: '近似位置', en: 'approximate positions' }
    const snapshot = {
      layers: [],
      replacements: [{ layerId: 'enforcement', fileName: 'ins.csv', collection: points, note }],
      indicators: [
        {
          id: 'user:t.csv:x' as const,
          label: { zh: 'x', en: 'x' },
          unit: { zh: '', en: '' },
          kind: 'count' as const,
          provenance: 'user' as const,
          reportFigureIds: [],
          note: { zh: '', en: '' },
          values: {},
        },
      ],
    }
    applyUserState(snapshot, layers, indicators, { published: true })
    const captured = captureUserState(layers, indicators)
    expect(captured.replacements).toEqual([
      { layerId: 'enforcement', fileName: 'ins.csv', collection: layers.data('enforcement'), note, published: true },
    ])
    expect(indicators.userIndicators[0]?.published).toBe(true)
  })
})
