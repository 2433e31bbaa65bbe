/**
 * The map controller: builds the MapAdapter in the element MapView gives it and keeps it in step
 * with the stores (data flows one way: stores → map). Map events come back as store actions:
 * a click selects, a hover sets the interaction store, a failed basemap is reported there.
 */
import { effectScope, watch, type EffectScope } from 'vue'
import type { FeatureCollection } from 'geojson'
import type { BBox } from '../domain/geometry/geojson-checks'
import { stationReadings } from '../domain/air/readings'
import type { CameraTarget, MapController } from '../composables/use-map-controller'
import { useDataStore } from '../stores/data'
import { useIndicatorsStore } from '../stores/indicators'
import { useUserStylesStore } from '../stores/user-styles'
import { useInteractionStore } from '../stores/interaction'
import { useLayersStore } from '../stores/layers'
import { useViewStore } from '../stores/view'
import { pick } from '../i18n/bilingual'
import { i18n } from '../i18n'
import { desiredMapLayers } from './desired-layers'
import { MapAdapter } from './map-adapter'
import { ReadingsSurfaceSource } from './readings-surface'

/** Where the map opens when the manifest has no district box (it always has one when built). */
const FALLBACK_BOUNDS: BBox = [119.55, 28.95, 119.95, 29.35]

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

/** The map canvas's accessible name in a language (the controller runs outside any component). */
function mapName(): string {
  return i18n.global.t('a11y.mapName')
}

export function createMapController(): MapController {
  let adapter: MapAdapter | null = null
  // The user point layers' draw list, once loaded: used in the same task as a change, so that
  // deck.gl draws it in MapLibre's next frame.
  let pointDraws: typeof import('./user-point-draws') | null = null
  let scope: EffectScope | null = null
  const surfaceSource = new ReadingsSurfaceSource()

  function mount(container: HTMLElement) {
    const data = useDataStore()
    const layers = useLayersStore()
    const view = useViewStore()
    const interaction = useInteractionStore()
    const indicators = useIndicatorsStore()
    const userStyles = useUserStylesStore()
    const district = data.extentBbox
    const map = new MapAdapter({
      container,
      camera: view.camera,
      bounds: (district ?? FALLBACK_BOUNDS) as BBox,
      attribution: data.manifest ? pick(data.manifest.attribution, view.locale) : '',
      animate: !prefersReducedMotion(),
      title: mapName(),
      // Below the desktop's width the attribution folds into MapLibre's (i) button.
      compactAttribution: window.innerWidth < 1280,
      onViewChange: (camera) => (view.camera = camera),
      onClick: (event) => view.select(event ? { layerId: event.layerId, featureId: event.featureId } : null),
      onHover: (event) =>
        (interaction.hover = event
          ? { layerId: event.layerId, properties: event.properties, point: event.point }
          : null),
      onBasemapFailed: (choice, reason, timeoutSeconds) => {
        view.basemap = { ...view.basemap, id: 'offline' }
        interaction.basemapFailure = { basemap: choice.id, reason, timeoutSeconds }
      },
      onHexagonHover: (count, point) => (interaction.hexHover = count === null ? null : { count, point }),
      onSurfaceHover: (value, point) => (interaction.surfaceHover = value === null ? null : { value, point }),
      // The status store comes with the service layers' code (loaded with the first one).
      onServiceStatus: (layerId, failure) =>
        void import('../stores/service-status').then(({ useServiceStatusStore }) =>
          useServiceStatusStore().setStatus(layerId, failure),
        ),
    })
    adapter = map

    /** Marks the map busy until it has drawn the latest change; tests and the kiosk watch this. */
    // Counted: a quick redraw must not report idle while a slower one (deck.gl layers) is pending.
    let pendingRedraws = 0
    async function afterRedraw(work?: Promise<unknown>) {
      pendingRedraws++
      interaction.mapIdle = false
      try {
        await work
        await map.whenIdle()
      } finally {
        pendingRedraws--
        if (pendingRedraws === 0) {
          interaction.mapIdle = true
          interaction.firstViewDrawn = true
          map.firstViewDrawn()
        }
      }
    }

    /** The service layers' definitions (and files), for the map's sources. */
    const serviceInputs = () =>
      Object.values(layers.records).flatMap((r) =>
        // GeoJSON at an address is drawn from its features, like a loaded file.
        r.service && r.service.kind !== 'geojson'
          ? [{ id: r.spec.id, definition: r.service, file: r.serviceFile ?? null }]
          : [],
      )

    function drawLayers() {
      const desired = desiredMapLayers({
        records: Object.values(layers.records),
        rank: layers.drawRank,
        locale: view.locale,
        selection: view.selection,
        choropleth: indicators.colours,
        theme: view.mode === 'present' ? 'dark' : 'light',
        hasSource: (id) => map.hasSource(id),
        resolvedStyle: userStyles.resolvedStyle,
      })
      map.setLayers(layers.specs, layers.drawRank, desired)
      map.pruneServices()
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

    let drawnUserPoints = false
    scope = effectScope()
    scope.run(() => {
      void map.setBackground(view.mode === 'present' ? 'dark' : 'light')
      // The map is made once the manifest is in (its frame and credits), while the files still load, so
      // that MapLibre starts its worker and style beside the downloads. Each file is pushed as it comes
      // (the watch below); this first redraw waits for all of them, so the map is never said idle, nor
      // the first view drawn, before its data is.
      const filesLoaded = new Promise<void>((resolve) => {
        watch(
          () => data.status === 'ready' || data.status === 'failed',
          (done) => done && resolve(),
          { immediate: true },
        )
      })
      void afterRedraw(filesLoaded.then(pushData)).then(() => {
        if (view.basemap.id !== 'offline') void map.setBasemap(view.basemap)
      })
      watch(
        () => Object.values(layers.records).map((r) => r.data),
        () => void afterRedraw(pushData()),
      )
      // A service layer's source is made before its map layers are drawn (they read it).
      watch(
        () => layers.records,
        () => void afterRedraw(map.setServices(serviceInputs()).then(drawLayers)),
        { immediate: true },
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
        // The interface's language, once its messages are in (the other language loads on use).
        () => i18n.global.locale.value,
        () => {
          map.setTitle(mapName())
          if (data.manifest) map.setAttribution(pick(data.manifest.attribution, view.locale))
        },
        { flush: 'post' },
      )
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
            layers.heatmapState,
            layers.dataWithCapability('readings'),
            layers.dataWithCapability('extent'),
            indicators.densityPositions,
            view.basemap,
            layers.firstWithCapability('readingsSurface')?.opacity ?? 1,
            layers.firstWithCapability('inspectionDensity')?.opacity ?? 1,
          ] as const,
        ([heatmap, stations, district, density, , surfaceOpacity, densityOpacity]) => {
          const readings = heatmap.readings
            ? stationReadings(stations ?? undefined, heatmap.pollutant, heatmap.month)
            : null
          const surfaceShown = readings !== null && heatmap.readingsStyle === 'surface'
          if (!surfaceShown) interaction.surfaceHover = null
          const inspections =
            heatmap.inspections && density
              ? { positions: density, style: heatmap.inspectionStyle, opacity: 0.8 * densityOpacity }
              : null
          const drawn = (async () => {
            const computed = surfaceShown
              ? await surfaceSource.compute(
                  district,
                  readings,
                  heatmap.pollutant,
                  0.8 * surfaceOpacity,
                  heatmap.readingsColouring,
                )
              : { stale: false, surface: null }
            if (computed.stale) return
            await map.setHeatmaps({
              readings:
                readings && !surfaceShown
                  ? { ...readings, pollutant: heatmap.pollutant, opacity: 0.85 * surfaceOpacity }
                  : null,
              surface: computed.surface,
              inspections,
            })
          })()
          // deck.gl is loaded on first use; a failed load is said over the map (and retried next time).
          drawn.then(
            () => {
              if (interaction.partFailure?.part === 'heatmaps') interaction.partFailure = null
            },
            (error: unknown) => {
              interaction.partFailure = {
                part: 'heatmaps',
                reason: error instanceof Error ? error.message : String(error),
              }
            },
          )
          void afterRedraw(drawn.catch(() => undefined))
        },
        { deep: true },
      )
      watch(
        () => view.basemap,
        (choice) => void afterRedraw(map.setBasemap(choice)),
      )
      // Users' large point sets: only records with a point table; data and table are markRaw. Their
      // code loads with the first such layer (none on the first view of a fresh visit).
      let pointsRequest = 0
      const drawUserPoints = ({ userPointDraws }: typeof import('./user-point-draws')) => {
        const draws = userPointDraws(Object.values(layers.records), layers.drawRank, userStyles.resolvedStyle)
        if (draws.length === 0 && !drawnUserPoints) return
        drawnUserPoints = draws.length > 0
        void afterRedraw(map.setUserPoints(draws))
      }
      watch(
        () => [layers.records, layers.drawRank, view.basemap] as const,
        () => {
          const records = Object.values(layers.records)
          const drawnByDeck = records.some(
            (r) => r.user && (r.points || (r.userStyle && r.userStyle.display !== 'points')),
          )
          if (!drawnByDeck && !drawnUserPoints) return
          const request = ++pointsRequest
          if (pointDraws) return drawUserPoints(pointDraws)
          void import('./user-point-draws').then((module) => {
            pointDraws = module
            if (request === pointsRequest) drawUserPoints(module)
          })
        },
        { immediate: true },
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
      if ('bounds' in target) adapter.fitBounds(target.bounds, target.durationMs, target.padding, target.unlessShown)
      else adapter.flyTo(target.lngLat, target.zoom, target.durationMs, target.padding)
    },
    capture(scale: number, size?: { width: number; height: number }, zoom?: number) {
      return adapter ? adapter.capture(scale, size, zoom) : Promise.reject(new Error('the map is not ready'))
    },
    async sketch() {
      const { attachSketch } = await import('./sketch-controller')
      if (adapter) attachSketch(adapter)
    },
    prepareLargePoints() {
      // A failed load is said when a layer needs deck.gl (the heatmap watch); not here.
      adapter?.prepareLargePoints().catch(() => undefined)
      import('./user-point-draws').then((module) => (pointDraws = module)).catch(() => undefined)
    },
    whenIdle() {
      return adapter ? adapter.whenIdle() : Promise.resolve()
    },
  }
}
