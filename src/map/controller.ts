/**
 * The map controller: builds the MapAdapter in the element MapView gives it and keeps it in step
 * with the stores (data flows one way: stores → map). Map events come back as store actions:
 * a click selects, a hover sets the interaction store, a failed basemap is reported there.
 */
import { effectScope, watch, type EffectScope } from 'vue'
import type { FeatureCollection } from 'geojson'
import type { BBox } from '../domain/geojson-checks'
import { stationReadings } from '../domain/readings'
import type { CameraTarget, MapController } from '../composables/use-map-controller'
import { useDataStore } from '../stores/data'
import { useIndicatorsStore } from '../stores/indicators'
import { useInteractionStore } from '../stores/interaction'
import { useLayersStore } from '../stores/layers'
import { useViewStore } from '../stores/view'
import { pick } from '../i18n/bilingual'
import { desiredMapLayers } from './desired-layers'
import { MapAdapter } from './map-adapter'
import { ReadingsSurfaceSource } from './readings-surface'

/** Where the map opens when the manifest has no district box (it always has one when built). */
const FALLBACK_BOUNDS: BBox = [119.55, 28.95, 119.95, 29.35]

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

export function createMapController(): MapController {
  let adapter: MapAdapter | null = null
  let scope: EffectScope | null = null
  const surfaceSource = new ReadingsSurfaceSource()

  function mount(container: HTMLElement) {
    const data = useDataStore()
    const layers = useLayersStore()
    const view = useViewStore()
    const interaction = useInteractionStore()
    const indicators = useIndicatorsStore()
    const district = data.manifest?.entries.find((e) => e.id === 'district')
    const map = new MapAdapter({
      container,
      camera: view.camera,
      bounds: (district?.bbox ?? FALLBACK_BOUNDS) as BBox,
      attribution: data.manifest ? pick(data.manifest.attribution, view.locale) : '',
      animate: !prefersReducedMotion(),
      onViewChange: (camera) => (view.camera = camera),
      onClick: (event) => view.select(event ? { layerId: event.layerId, featureId: event.featureId } : null),
      onHover: (event) =>
        (interaction.hover = event
          ? { layerId: event.layerId, properties: event.properties, point: event.point }
          : null),
      onBasemapFailed: (choice, reason) => {
        view.basemap = { ...view.basemap, id: 'offline' }
        interaction.basemapFailure = { basemap: choice.id, reason }
      },
      onHexagonHover: (count, point) => (interaction.hexHover = count === null ? null : { count, point }),
      onSurfaceHover: (value, point) => (interaction.surfaceHover = value === null ? null : { value, point }),
    })
    adapter = map

    /** Marks the map busy until it has drawn the latest change; tests and the kiosk watch this. */
    async function afterRedraw(work?: Promise<unknown>) {
      interaction.mapIdle = false
      await work
      await map.whenIdle()
      interaction.mapIdle = true
    }

    function drawLayers() {
      const desired = desiredMapLayers({
        records: Object.values(layers.records),
        rank: layers.drawRank,
        locale: view.locale,
        selection: view.selection,
        choropleth: indicators.colours,
        theme: view.mode === 'present' ? 'dark' : 'light',
        hasSource: (id) => map.hasSource(id),
      })
      map.setLayers(layers.specs, layers.drawRank, desired)
    }

    /** Sources whose data changed since the last push (data objects are replaced, never mutated). */
    const pushed = new Map<string, FeatureCollection>()
    async function pushData() {
      for (const record of Object.values(layers.records)) {
        if (!record.data || pushed.get(record.spec.id) === record.data) continue
        pushed.set(record.spec.id, record.data)
        await map.setSourceData(record.spec.id, record.data)
      }
      drawLayers()
    }

    scope = effectScope()
    scope.run(() => {
      void map.setBackground(view.mode === 'present' ? 'dark' : 'light')
      void afterRedraw(pushData()).then(() => {
        if (view.basemap.id !== 'offline') void map.setBasemap(view.basemap)
      })
      watch(
        () => Object.values(layers.records).map((r) => r.data),
        () => void afterRedraw(pushData()),
      )
      watch(
        () => [layers.records, layers.drawRank, view.locale, view.selection, indicators.colours, view.mode] as const,
        () => {
          void map.setBackground(view.mode === 'present' ? 'dark' : 'light')
          drawLayers()
          void afterRedraw()
        },
      )
      // A share link opened while the app runs moves the map; the map's own moves echo back here
      // with the same camera and are ignored by jumpTo.
      watch(
        () => view.camera,
        (camera) => camera && map.jumpTo(camera),
      )
      watch(
        () => [view.mode, view.stageScale] as const,
        ([mode, scale]) => map.setPixelRatio((mode === 'present' ? scale : 1) * window.devicePixelRatio),
        { flush: 'post' },
      )
      watch(
        () =>
          [
            view.heatmap,
            layers.data('monitoring-points'),
            layers.data('district'),
            indicators.densityPositions,
            view.basemap,
          ] as const,
        ([heatmap, stations, district, density]) => {
          const readings = heatmap.readings
            ? stationReadings(stations ?? undefined, heatmap.pollutant, heatmap.month)
            : null
          const surfaceShown = readings !== null && heatmap.readingsStyle === 'surface'
          if (!surfaceShown) interaction.surfaceHover = null
          const inspections =
            heatmap.inspections && density ? { positions: density, style: heatmap.inspectionStyle, opacity: 0.8 } : null
          const drawn = (async () => {
            const computed = surfaceShown
              ? await surfaceSource.compute(district, readings, heatmap.pollutant, 0.8)
              : { stale: false, surface: null }
            if (computed.stale) return
            await map.setHeatmaps({
              readings: readings && !surfaceShown ? { ...readings, pollutant: heatmap.pollutant, opacity: 0.85 } : null,
              surface: computed.surface,
              inspections,
            })
          })()
          void afterRedraw(drawn)
        },
        { deep: true },
      )
      watch(
        () => view.basemap,
        (choice) => void afterRedraw(map.setBasemap(choice)),
      )
    })

    // End-to-end builds only (vite --mode e2e): a read-only probe for the tests. The production
    // build drops this branch and the module with it.
    if (import.meta.env.MODE === 'e2e') void import('./test-probe').then(({ exposeTestProbe }) => exposeTestProbe(map))
  }

  return {
    mount,
    unmount() {
      scope?.stop()
      scope = null
      surfaceSource.dispose()
      adapter?.destroy()
      adapter = null
    },
    moveTo(target: CameraTarget) {
      if (!adapter) return
      if ('bounds' in target) adapter.fitBounds(target.bounds, target.durationMs)
      else adapter.flyTo(target.lngLat, target.zoom, target.durationMs)
    },
    capture(scale: number) {
      return adapter ? adapter.capture(scale) : Promise.reject(new Error('the map is not ready'))
    },
    whenIdle() {
      return adapter ? adapter.whenIdle() : Promise.resolve()
    },
  }
}
