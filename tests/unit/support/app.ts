/**
 * What a component test needs around the component: fresh stores per test, the real i18n instance,
 * a fake map controller that records what it is asked, and the built data from public/geo.
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FeatureCollection } from 'geojson'
import { createPinia, getActivePinia, setActivePinia } from 'pinia'
import { enableAutoUnmount, mount } from '@vue/test-utils'
import { afterEach, beforeEach, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { parts } from '../../../src/io/parts'
import { defineComponent, type Component } from 'vue'
import { i18n, type Locale } from '../../../src/i18n'
import en from '../../../src/i18n/en'

// The app loads English on first use (loadLocale); component tests switch synchronously, so it is here from the start.
i18n.global.setLocaleMessage('en', en)
import type { Manifest, ManifestEntry } from '../../../src/domain/manifest'
import { MAP_CONTROLLER, type CameraTarget, type MapController } from '../../../src/composables/use-map-controller'
import { useLayersStore } from '../../../src/stores/layers'
import { useViewStore } from '../../../src/stores/view'

const GEO = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/geo')
const parsed = new Map<string, unknown>()

/** A file of public/geo, parsed once per test file (callers must not mutate it). */
export function readGeo<T>(file: string): T {
  if (!parsed.has(file)) parsed.set(file, JSON.parse(readFileSync(join(GEO, file), 'utf8')))
  return parsed.get(file) as T
}

export function manifestEntry(id: string): ManifestEntry {
  const entry = readGeo<Manifest>('manifest.json').entries.find((e) => e.id === id)
  if (!entry) throw new Error(`no manifest entry ${id}`)
  return entry
}

/** Puts the built data of these layers into the layers store, as the loader does. */
export function loadLayers(...ids: string[]): void {
  const layers = useLayersStore()
  for (const id of ids) layers.setBuiltData(id, readGeo<FeatureCollection>(`${id}.geojson`), manifestEntry(id))
}

/** Fresh stores before each test; Chinese again and every wrapper unmounted after it. */
export function useFreshApp(): void {
  beforeEach(() => setActivePinia(createPinia()))
  // Components loaded on use ask the server first (src/io/parts.ts); here there is none to ask.
  beforeEach(() => void vi.spyOn(parts, 'serverAnswers').mockResolvedValue(true))
  enableAutoUnmount(afterEach)
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })
}

/** Switches the language as the app root does: the view store's locale and the translator's. */
export function setLocale(locale: Locale): void {
  useViewStore().locale = locale
  i18n.global.locale.value = locale
}

export interface ControllerCalls {
  moveTo: CameraTarget[]
  capture: number[]
  /** The size each capture asked for (a slide, a page), or null for the map as it is. */
  captureSize: ({ width: number; height: number } | null)[]
  /** The zoom each capture asked for (a print at 1:N), or null for the view as it is. */
  captureZoom: (number | null)[]
  whenIdle: number
  mount: HTMLElement[]
  unmount: number
  /** How many times a component asked the map to draw the measuring tool. */
  sketch: number
}

/** A map controller without a map: it records every call; capture returns a small blank canvas. */
export function fakeController(): { controller: MapController; calls: ControllerCalls } {
  const calls: ControllerCalls = {
    moveTo: [],
    capture: [],
    captureSize: [],
    captureZoom: [],
    whenIdle: 0,
    mount: [],
    unmount: 0,
    sketch: 0,
  }
  const controller: MapController = {
    mount: (container) => void calls.mount.push(container),
    unmount: () => void calls.unmount++,
    moveTo: (target) => void calls.moveTo.push(target),
    capture: async (scale, size, zoom) => {
      calls.capture.push(scale)
      calls.captureSize.push(size ?? null)
      calls.captureZoom.push(zoom ?? null)
      const canvas = document.createElement('canvas')
      canvas.width = (size?.width ?? 40) * scale
      canvas.height = (size?.height ?? 30) * scale
      return { canvas, metresPer100px: 500, bearing: 0 }
    },
    whenIdle: async () => void calls.whenIdle++,
    sketch: async () => void calls.sketch++,
  }
  return { controller, calls }
}

/** Mounts a component with the active pinia, the app's i18n and a (fake) map controller. */
export function mountIn(
  component: Component,
  options: { props?: Record<string, unknown>; controller?: MapController; attachTo?: Element } = {},
) {
  const pinia = getActivePinia()
  if (!pinia) throw new Error('mountIn: no active pinia (call useFreshApp() in the test file)')
  return mount(component, {
    props: options.props,
    attachTo: options.attachTo,
    global: {
      plugins: [pinia, i18n],
      provide: { [MAP_CONTROLLER as symbol]: options.controller ?? fakeController().controller },
    },
  })
}

/** Runs a composable in the setup of a tiny component, so its lifecycle hooks and watchers work. */
export function mountComposable<T>(use: () => T, options: { controller?: MapController } = {}) {
  let result: T | undefined
  const Host = defineComponent({
    setup() {
      result = use()
      return () => null
    },
  })
  const wrapper = mountIn(Host, options)
  return { result: result as T, wrapper }
}

/** Lets components loaded on use (lazyComponent) arrive and render. */
export async function settleLazy(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await vi.dynamicImportSettled()
    await flushPromises()
  }
}
