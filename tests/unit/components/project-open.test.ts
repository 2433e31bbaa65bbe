// @vitest-environment happy-dom
/** ProjectOpen: says what a project replaces, asks, then replaces; what it cannot apply is said. */
import { flushPromises } from '@vue/test-utils'
import type { FeatureCollection } from 'geojson'
import { describe, expect, test, vi } from 'vitest'
import type { ProjectContents } from '../../../src/user-data/project/read-project'
import { defaultUserLayerStyle } from '../../../src/user-data/styles/user-layer-style'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { mountIn, useFreshApp } from '../support/app'

import ProjectOpen from '../../../src/components/ProjectOpen.vue'
useFreshApp()

const POINTS: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: 'p' }, geometry: { type: 'Point', coordinates: [119.7, 29.1] } }],
}

function contents(view: ProjectContents['view'] = {}): ProjectContents {
  return {
    version: 1,
    app: '0.1.0',
    savedAt: '2026-11-30T09:00:00.000Z',
    view,
    snapshot: {
      layers: [
        {
          id: 'user-1',
          fileName: 'project-layer.geojson',
          name: '项目图层',
          addedAt: '2026-11-30T09:00:00.000Z',
          visible: true,
          opacity: 1,
          style: defaultUserLayerStyle(),
          data: { kind: 'features', collection: POINTS },
        },
      ],
      replacements: [],
      indicators: [],
    },
    missing: [{ layerId: 'user-2', name: '丢失的图层', path: 'layers/user-2.geojson', reason: 'missing' }],
    issues: [],
  }
}

describe('ProjectOpen', () => {
  test('with layers of the user’s own, it says what it replaces, then replaces them', async () => {
    const layers = useLayersStore()
    layers.addUserLayer(POINTS, 'mine.geojson')
    const wrapper = mountIn(ProjectOpen, {
      props: { project: contents({ camera: { zoom: 12, lat: 29.1, lng: 119.7 } }) },
    })
    expect(wrapper.get('[data-testid="project-missing"]').text()).toContain('丢失的图层（layers/user-2.geojson）')
    expect(wrapper.get('[data-testid="project-replaces"]').text()).toBe('打开后将替换您当前的数据：1 个图层。')
    expect(wrapper.get('[data-testid="project-confirm"]').text()).toBe('替换并打开项目')
    await wrapper.get('[data-testid="project-confirm"]').trigger('click')
    await vi.dynamicImportSettled()
    await flushPromises()
    expect(layers.listed.filter((r) => r.user).map((r) => r.user!.fileName)).toEqual(['project-layer.geojson'])
    expect(useViewStore().camera).toEqual({ zoom: 12, lat: 29.1, lng: 119.7 })
    expect(wrapper.emitted('opened')).toHaveLength(1)
  })

  test('a 天地图 basemap without a key here is said, and the dialog stays open', async () => {
    const wrapper = mountIn(ProjectOpen, { props: { project: contents({ basemap: { id: 'tianditu-vec' } }) } })
    expect(wrapper.get('[data-testid="project-confirm"]').text()).toBe('打开项目')
    await wrapper.get('[data-testid="project-confirm"]').trigger('click')
    await vi.dynamicImportSettled()
    await flushPromises()
    expect(wrapper.get('[data-testid="project-notes"]').text()).toContain('本机没有天地图密钥')
    expect(useViewStore().basemap.id).toBe('offline')
    expect(wrapper.emitted('opened')).toBeUndefined()
  })
})
