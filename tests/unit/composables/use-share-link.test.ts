// @vitest-environment happy-dom
/** useShareLink: the address bar's hash restores the view, and the view writes the hash back. */
import { nextTick } from 'vue'
import { beforeEach, describe, expect, test } from 'vitest'
import { useShareLink } from '../../../src/composables/use-share-link'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'
import { mountComposable, useFreshApp } from '../support/app'

useFreshApp()
beforeEach(() => history.replaceState(null, '', '/'))

const hashParams = () => new URLSearchParams(window.location.hash.slice(1))

describe('useShareLink', () => {
  test('opening a link restores camera, layers, selection, indicator and language', () => {
    history.replaceState(null, '', '/#map=12/29.1/119.7&layers=towns,rivers&sel=towns:330703001&ind=cases&lang=en')
    mountComposable(useShareLink)
    const view = useViewStore()
    const layers = useLayersStore()
    expect(view.camera).toEqual({ zoom: 12, lat: 29.1, lng: 119.7 })
    expect([...layers.visibleListedIds].sort()).toEqual(['rivers', 'towns'])
    expect(view.selection).toEqual({ layerId: 'towns', featureId: '330703001' })
    expect(view.sideTab).toBe('details')
    expect(layers.records.towns?.choropleth?.indicator).toBe('cases')
    expect(view.locale).toBe('en')
  })

  test('invalid parts are dropped and keep their defaults', () => {
    history.replaceState(null, '', '/#map=99/500/0&ind=no-such-indicator&lang=fr&sel=%3Cb%3E')
    mountComposable(useShareLink)
    const view = useViewStore()
    expect(view.camera).toBeNull()
    expect(useLayersStore().records.towns?.choropleth?.indicator).toBe('inspections')
    expect(view.locale).toBe('zh-CN')
    expect(view.selection).toBeNull()
  })

  test('changing the view rewrites the hash in place, without a new history entry', async () => {
    mountComposable(useShareLink)
    const layers = useLayersStore()
    const view = useViewStore()
    const entries = history.length
    layers.setVisible('rivers', false)
    view.select({ layerId: 'water-sections', featureId: 'dongguanqiao' })
    view.locale = 'en'
    await nextTick()
    // Written in a task of its own, after the change has been drawn (a click's panel does not wait for it).
    expect(hashParams().get('sel')).toBeNull()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(hashParams().get('layers')?.split(',')).toEqual(layers.visibleListedIds)
    expect(hashParams().get('layers')?.split(',')).not.toContain('rivers')
    expect(hashParams().get('sel')).toBe('water-sections:dongguanqiao')
    expect(hashParams().get('lang')).toBe('en')
    expect(hashParams().get('ind')).toBe('inspections')
    expect(history.length).toBe(entries)
  })

  test('a hash set by hand before the deferred write is kept, not overwritten with the older state', async () => {
    mountComposable(useShareLink)
    const view = useViewStore()
    view.select({ layerId: 'water-sections', featureId: 'dongguanqiao' })
    await nextTick()
    // Set between the change and its write (its hashchange would come after the write's task).
    history.replaceState(null, '', '/#layers=seats&sel=towns:330703103')
    await new Promise((resolve) => setTimeout(resolve, 0))
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    // The edit is what shows and what the link says; the parts it left out are filled from the screen.
    expect(view.selection).toEqual({ layerId: 'towns', featureId: '330703103' })
    expect(hashParams().get('layers')).toBe('seats')
    expect(hashParams().get('sel')).toBe('towns:330703103')
  })

  test('a hand edit made from the older hash changes what it touched; the newer change on screen stays', async () => {
    history.replaceState(null, '', '/#map=10/29.1/119.7&lang=zh-CN')
    mountComposable(useShareLink)
    const view = useViewStore()
    view.locale = 'en'
    await nextTick()
    // Edited from the hash still in the address bar (lang=zh-CN), before the language's write.
    history.replaceState(null, '', window.location.hash.replace(/map=[^&]*/, 'map=10.8/29.13/119.74'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(view.locale).toBe('en')
    expect(view.camera).toEqual({ zoom: 10.8, lat: 29.13, lng: 119.74 })
    expect(hashParams().get('lang')).toBe('en')
    expect(hashParams().get('map')).toBe('10.8/29.1300/119.7400')
  })

  test('editing the hash by hand (hashchange) applies it', () => {
    mountComposable(useShareLink)
    history.replaceState(null, '', '/#layers=seats&ind=vocs')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    const layers = useLayersStore()
    expect(layers.visibleListedIds).toEqual(['seats'])
    expect(layers.records.towns?.choropleth?.indicator).toBe('vocs')
  })

  test('unmounting removes the hashchange listener', () => {
    const { wrapper } = mountComposable(useShareLink)
    wrapper.unmount()
    history.replaceState(null, '', '/#layers=seats')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    expect(useLayersStore().visibleListedIds).not.toEqual(['seats'])
  })
})
