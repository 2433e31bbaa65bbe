/**
 * A service layer's spec and its credits: one raster layer (or fills, lines and circles per source
 * layer), the provenance naming the host and the service's attribution, the GCJ-02 note, and the
 * credits line of a picture or print naming each visible service once.
 */
import { describe, expect, test } from 'vitest'
import { creditsWithServices, serviceLayerSpec, serviceSourceLine } from '../../../src/layers/service-layer'
import type { ServiceDefinition } from '../../../src/domain/services/service-types'

const WMS: ServiceDefinition = {
  kind: 'wms',
  url: 'http://10.1.2.3:8080/wms',
  host: '10.1.2.3:8080',
  title: '生态保护红线',
  attribution: '浙江省生态环境厅',
  crs: 'WGS84',
  raster: { scheme: 'wms', template: 'http://10.1.2.3:8080/wms?BBOX={bbox-epsg-3857}' },
}
const context = { locale: 'zh-CN' as const, opacity: 0.5, selectedKey: null, choropleth: null }

describe('a service layer spec', () => {
  test('a raster service is one raster layer at the list opacity, its provenance the host and attribution', () => {
    const spec = serviceLayerSpec({ id: 'user-3', index: 2, definition: WMS })
    expect(spec.mapLayers(context)).toEqual([{ id: 'user-3-raster', type: 'raster', paint: { 'raster-opacity': 0.5 } }])
    expect(spec.title.zh).toBe('生态保护红线')
    expect(spec.source).toBe('10.1.2.3:8080 · 浙江省生态环境厅')
    expect(spec.caveat?.zh).toContain('10.1.2.3:8080')
    expect(spec.caveat?.zh).not.toContain('GCJ-02')
    expect(spec.capabilities).toEqual({})
    expect(serviceLayerSpec({ id: 'user-3', index: 2, definition: WMS, name: '红线' }).title.en).toBe('红线')
  })

  test('a GCJ-02 service says it is aligned; vector tiles draw each source layer', () => {
    const gcj = serviceLayerSpec({ id: 'user-1', index: 0, definition: { ...WMS, crs: 'GCJ-02', attribution: '' } })
    expect(gcj.caveat?.zh).toContain('GCJ-02')
    expect(gcj.caveat?.en).toContain('GCJ-02')
    expect(gcj.source).toBe('10.1.2.3:8080')
    const vector = serviceLayerSpec({
      id: 'user-2',
      index: 1,
      definition: { ...WMS, kind: 'vector-tiles', raster: undefined, vector: { sourceLayers: ['河流', 'roads'] } },
    })
    const layers = vector.mapLayers(context) as { id: string; 'source-layer'?: string }[]
    expect(layers.map((l) => l.id)).toEqual([
      'user-2-v0-fill',
      'user-2-v0-line',
      'user-2-v0-circle',
      'user-2-v1-fill',
      'user-2-v1-line',
      'user-2-v1-circle',
    ])
    expect(layers.map((l) => l['source-layer'])).toEqual(['河流', '河流', '河流', 'roads', 'roads', 'roads'])
    // Its legend names what it draws, whatever the user calls the layer.
    expect(vector.legend.map((e) => e.label)).toEqual([{ zh: '河流、roads', en: '河流, roads' }])
    expect(gcj.legend).toEqual([])
  })

  test("the credits name each visible service once, after the app's own", () => {
    const other = { ...WMS, host: 'map.zj.gov.cn', attribution: '' }
    const records = [
      { visible: true, service: WMS },
      { visible: true, service: WMS },
      { visible: false, service: other },
      { visible: true, service: null },
    ]
    expect(creditsWithServices('数据：金东分局', records)).toBe(`数据：金东分局 · ${serviceSourceLine(WMS)}`)
    expect(creditsWithServices('', [{ visible: true, service: other }])).toBe('map.zj.gov.cn')
    expect(creditsWithServices('数据', [])).toBe('数据')
  })
})
