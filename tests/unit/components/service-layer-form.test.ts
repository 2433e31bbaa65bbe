// @vitest-environment happy-dom
/**
 * 添加服务图层: a tile template is checked before anything is fetched, a host this deployment does
 * not allow is named with the allowed list, a WMS's layers are listed with the unusable one not
 * choosable, and the chosen one becomes a layer with the service's legend and provenance.
 */
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, test, vi } from 'vitest'
import ServiceLayerForm from '../../../src/components/ServiceLayerForm.vue'
import ServiceLegend from '../../../src/components/ServiceLegend.vue'
import { useLayersStore } from '../../../src/stores/layers'
import { contentSecurityPolicy } from '../../../src/settings/content-security-policy'
import { mountIn, useFreshApp } from '../support/app'

useFreshApp()

const CAPABILITIES = `<?xml version="1.0"?>
<WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink">
  <Service><Name>WMS</Name><Title>测试</Title></Service>
  <Capability>
    <Request><GetMap><Format>image/png</Format>
      <DCPType><HTTP><Get><OnlineResource xlink:href="https://map.example.cn/wms?"/></Get></HTTP></DCPType></GetMap>
    </Request>
    <Layer><Title>根</Title>
      <Layer><Name>a</Name><Title>红线</Title><CRS>EPSG:3857</CRS>
        <Attribution><Title>测试厅</Title></Attribution></Layer>
      <Layer><Name>b</Name><Title>单元</Title><CRS>EPSG:4490</CRS></Layer>
    </Layer>
  </Capability>
</WMS_Capabilities>`

afterEach(() => {
  vi.unstubAllGlobals()
  document.head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.remove()
})

async function submit(wrapper: ReturnType<typeof mountIn>, kind: string, url: string) {
  await wrapper.get('[data-testid="service-kind"]').setValue(kind)
  await wrapper.get('[data-testid="service-url"]').setValue(url)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
}

describe('ServiceLayerForm', () => {
  test('a tile template without {z} is refused before any request', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const wrapper = mountIn(ServiceLayerForm)
    await submit(wrapper, 'xyz', 'https://tiles.example.cn/{x}/{y}.png')
    expect(wrapper.get('[data-testid="service-message"]').text()).toContain('{z}')
    expect(fetch).not.toHaveBeenCalled()
  })

  test('a host the page does not allow is named, with the allowed hosts', async () => {
    const meta = document.createElement('meta')
    meta.httpEquiv = 'Content-Security-Policy'
    meta.content = contentSecurityPolicy(['http://10.1.2.3:8080'])
    document.head.append(meta)
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const wrapper = mountIn(ServiceLayerForm)
    await submit(wrapper, 'auto', 'https://gis.example.cn/arcgis/rest/services/x/MapServer')
    const message = wrapper.get('[data-testid="service-message"]').text()
    expect(message).toContain('gis.example.cn')
    expect(message).toContain('http://10.1.2.3:8080')
    expect(fetch).not.toHaveBeenCalled()
  })

  test('a WMS: its layers listed, the 4490-only one not choosable, the chosen one added', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(CAPABILITIES, { headers: { 'Content-Type': 'text/xml' } })),
    )
    const wrapper = mountIn(ServiceLayerForm)
    await submit(wrapper, 'auto', 'https://map.example.cn/wms?SERVICE=WMS&tk=KEY')
    const rows = wrapper.findAll('[data-testid="service-offer"] .layer-option')
    expect(rows.map((r) => r.find('label').text())).toEqual(['红线 a', '单元 b'])
    expect(rows[1]!.find('input').attributes('disabled')).toBeDefined()
    expect(rows[1]!.text()).toContain('EPSG:4490')
    await wrapper.get('[data-testid="service-add"]').trigger('click')
    const layers = useLayersStore()
    const added = layers.listed[0]!
    expect(added.service?.kind).toBe('wms')
    expect(added.service?.raster?.template).toContain('tk=KEY')
    expect(layers.meta(added.spec.id)!.source).toBe('map.example.cn · 测试厅')
    expect(wrapper.get('[data-testid="service-message"]').text()).toContain('已添加')
    const legend = mountIn(ServiceLegend, { props: { layerId: added.spec.id } })
    expect(legend.get('[data-testid="service-source"]').text()).toContain('map.example.cn · 测试厅')
  })
})
