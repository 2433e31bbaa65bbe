/**
 * The measuring tool's store: the points clicked become a measured distance or area (geodesic), or a
 * drawing in the drawn layer, a user layer like a loaded file; what is wrong is said and nothing drawn
 * so far is lost.
 */
import { describe, expect, test } from 'vitest'
import { Geodesic } from 'geographiclib-geodesic'
import { DRAWN, useSketchStore } from '../../../src/stores/sketch'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { DRAWN_LAYER_FILE } from '../../../src/layers/user-layer'
import { useFreshApp } from '../support/app'

useFreshApp()

const A: [number, number] = [119.68511, 29.0937]
const B: [number, number] = [119.86984, 29.17997]
const C: [number, number] = [119.86984, 29.0937]

describe('measuring', () => {
  test('a distance is the geodesic length of the points clicked; the second click of a double-click adds none', () => {
    const sketch = useSketchStore()
    sketch.start('distance')
    sketch.addVertex(A)
    sketch.addVertex(B)
    sketch.addVertex(B)
    expect(sketch.vertices).toEqual([A, B])
    sketch.finish()
    const expected = Geodesic.WGS84.Inverse(A[1], A[0], B[1], B[0]).s12!
    expect(sketch.measurement).toMatchObject({ tool: 'distance', coordinates: [A, B] })
    expect(sketch.measurement?.tool === 'distance' && sketch.measurement.metres).toBeCloseTo(expected, 3)
    expect(sketch.vertices).toEqual([])
  })

  test('the open line measures to the pointer while it is drawn', () => {
    const sketch = useSketchStore()
    sketch.start('distance')
    sketch.addVertex(A)
    sketch.movePointer(B)
    expect(sketch.live).toEqual([A, B])
    expect(sketch.liveMetres).toBeGreaterThan(19_000)
  })

  test('an area of two points is refused with a message; the points stay and a third completes it', () => {
    const sketch = useSketchStore()
    sketch.start('area')
    sketch.addVertex(A)
    sketch.addVertex(B)
    sketch.finish()
    expect(sketch.problem?.zh).toContain('至少需要 3 个')
    expect(sketch.measurement).toBeNull()
    expect(sketch.vertices).toEqual([A, B])
    sketch.addVertex(C)
    expect(sketch.problem).toBeNull()
    sketch.finish()
    expect(sketch.measurement?.tool).toBe('area')
    if (sketch.measurement?.tool !== 'area') return
    // A right triangle of about 18 km by 9.6 km: about 86 km².
    expect(sketch.measurement.squareMetres / 1e6).toBeGreaterThan(80)
    expect(sketch.measurement.squareMetres / 1e6).toBeLessThan(92)
    expect(sketch.measurement.ring).toEqual([A, B, C])
  })

  test('undo takes the last point back; leaving the tool drops the points but keeps the measurement', () => {
    const sketch = useSketchStore()
    sketch.start('distance')
    sketch.addVertex(A)
    sketch.addVertex(B)
    sketch.undo()
    expect(sketch.vertices).toEqual([A])
    sketch.addVertex(C)
    sketch.finish()
    sketch.start(null)
    expect(sketch.tool).toBeNull()
    expect(sketch.measurement?.tool).toBe('distance')
  })
})

describe('drawing', () => {
  test('drawings go to one drawn layer, made the first time, labelled by name and kept like a loaded file', () => {
    const sketch = useSketchStore()
    const layers = useLayersStore()
    sketch.start('line')
    sketch.label = '巡查路线'
    sketch.addVertex(A)
    sketch.addVertex(B)
    sketch.finish()
    const id = sketch.drawnLayerId!
    expect(id).toMatch(/^user-\d+$/)
    const record = layers.record(id)!
    expect(record.user?.fileName).toBe(DRAWN_LAYER_FILE)
    expect(record.userStyle?.labelColumn).toBe(DRAWN.name)
    expect(record.spec.caveat?.zh).toContain('在地图上绘制')
    const [line] = layers.data(id)!.features
    expect(line!.geometry).toEqual({ type: 'LineString', coordinates: [A, B] })
    expect(line!.properties).toMatchObject({ [DRAWN.name]: '巡查路线', [DRAWN.kind]: '线' })
    expect(line!.properties![DRAWN.length]).toBe(Math.round(Geodesic.WGS84.Inverse(A[1], A[0], B[1], B[0]).s12!))

    sketch.start('polygon')
    sketch.label = ''
    for (const at of [A, B, C]) sketch.addVertex(at)
    sketch.finish()
    expect(sketch.drawnLayerId).toBe(id)
    const features = layers.data(id)!.features
    expect(features).toHaveLength(2)
    expect(features[1]!.geometry).toEqual({ type: 'Polygon', coordinates: [[A, B, C, A]] })
    expect(features[1]!.properties).toMatchObject({ [DRAWN.name]: '面 2', [DRAWN.kind]: '面' })
    expect(features[1]!.properties![DRAWN.area]).toBeGreaterThan(80e6)
    expect(layers.record(id)!.spec.data.geometryTypes).toEqual(['LineString', 'Polygon'])
  })

  test('a note needs its text first; then one click places it and clears the text', () => {
    const sketch = useSketchStore()
    const layers = useLayersStore()
    sketch.start('text')
    sketch.addVertex(A)
    expect(sketch.problem?.zh).toContain('注记文字')
    expect(sketch.drawnLayerId).toBeNull()
    sketch.label = '拟建监测点'
    sketch.addVertex(A)
    expect(sketch.problem).toBeNull()
    const [note] = layers.data(sketch.drawnLayerId!)!.features
    expect(note!.properties).toMatchObject({ [DRAWN.name]: '拟建监测点', [DRAWN.kind]: '注记' })
    expect(sketch.label).toBe('')
  })

  test('a measured area or buffer is kept under the name given', () => {
    const sketch = useSketchStore()
    const layers = useLayersStore()
    sketch.keepShape({ type: 'Polygon', coordinates: [[A, B, C, A]] }, '东关桥 周边 1 km')
    expect(layers.data(sketch.drawnLayerId!)!.features[0]!.properties![DRAWN.name]).toBe('东关桥 周边 1 km')
  })
})

describe('the analysed shape', () => {
  test('stands over the selection until another feature is selected', () => {
    const view = useViewStore()
    view.select({ layerId: 'water-sections', featureId: 'dongguanqiao' })
    view.analyse({ geometry: { type: 'Polygon', coordinates: [[A, B, C, A]] }, title: { zh: '面', en: 'Area' } })
    expect(view.shape?.title.zh).toBe('面')
    expect(view.selection?.featureId).toBe('dongguanqiao')
    view.select({ layerId: 'towns', featureId: '330703001' })
    expect(view.shape).toBeNull()
  })
})
