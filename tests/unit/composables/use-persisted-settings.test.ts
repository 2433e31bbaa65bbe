// @vitest-environment happy-dom
/** usePersistedSettings: language, basemap and camera come back from local storage; a link wins. */
import { nextTick } from 'vue'
import { beforeEach, describe, expect, test } from 'vitest'
import { SETTINGS_KEY, usePersistedSettings } from '../../../src/composables/use-persisted-settings'
import { useViewStore } from '../../../src/stores/view'
import { mountComposable, useFreshApp } from '../support/app'

useFreshApp()
beforeEach(() => {
  localStorage.clear()
  history.replaceState(null, '', '/')
})

const store = (settings: unknown) => localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings))
const CAMERA = { zoom: 12, lat: 29.1, lng: 119.7 }

describe('usePersistedSettings', () => {
  test('restores the stored language, basemap and camera', () => {
    store({ locale: 'en', basemap: { id: 'osm' }, camera: CAMERA })
    mountComposable(usePersistedSettings)
    const view = useViewStore()
    expect(view.locale).toBe('en')
    expect(view.basemap.id).toBe('osm')
    expect(view.camera).toEqual(CAMERA)
  })

  test('a share link’s language and camera win over the stored ones', () => {
    store({ locale: 'en', camera: CAMERA })
    history.replaceState(null, '', '/#map=10/29/119.5&lang=zh-CN')
    mountComposable(usePersistedSettings)
    const view = useViewStore()
    expect(view.locale).toBe('zh-CN')
    expect(view.camera).toBeNull()
  })

  test('drops what is not valid: unknown locale or basemap, a non-http style URL, a non-numeric camera', () => {
    store({ locale: 'fr', basemap: { id: 'nowhere' }, camera: { zoom: 'x', lat: 29, lng: 119 } })
    mountComposable(usePersistedSettings)
    const view = useViewStore()
    expect(view.locale).toBe('zh-CN')
    expect(view.basemap).toEqual({ id: 'offline' })
    expect(view.camera).toBeNull()
  })

  test('keeps only an http(s) style URL and at most 64 characters of a 天地图 key', () => {
    store({ basemap: { id: 'custom', styleUrl: 'javascript:alert(1)', tiandituKey: 'k'.repeat(100) } })
    mountComposable(usePersistedSettings)
    expect(useViewStore().basemap).toEqual({ id: 'custom', styleUrl: undefined, tiandituKey: 'k'.repeat(64) })
  })

  test('unreadable storage falls back to the defaults', () => {
    localStorage.setItem(SETTINGS_KEY, '{not json')
    mountComposable(usePersistedSettings)
    expect(useViewStore().locale).toBe('zh-CN')
  })

  test('writes language, basemap, camera and the tool tab when they change, and nothing else', async () => {
    mountComposable(usePersistedSettings)
    const view = useViewStore()
    view.locale = 'en'
    view.camera = CAMERA
    view.toolTab = 'analysis'
    view.select({ layerId: 'towns', featureId: '330703001' })
    await nextTick()
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!)).toEqual({
      locale: 'en',
      basemap: { id: 'offline' },
      camera: CAMERA,
      toolTab: 'analysis',
    })
  })

  test('opens on the tool tab stored last', () => {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify({ toolTab: 'data' }))
    mountComposable(usePersistedSettings)
    expect(useViewStore().toolTab).toBe('data')
  })
})
