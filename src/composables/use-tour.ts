/**
 * Runs a presentation tour: loads the script (the shipped default, or `?tour=…json` from our own
 * origin), drives the tour runner with real timers, and turns its events into store changes —
 * layers, indicator, camera, panel, heatmap month. What a stop sets is undone when it is left, so
 * nothing piles up over hours of looping.
 */
import { nextTick, onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import { bbox } from '@turf/turf'
import defaultTour from '../presentation/default-tour.json'
import { HEATMAP_LAYER_ID, parseTourScript, type TourScript, type TourStop } from '../presentation/tour-script'
import { createTourRunner, type TourRunner, type TourRunnerState } from '../presentation/tour-runner'
import type { Scheduler } from '../presentation/scheduler'
import { INDICATORS, type IndicatorId } from '../domain/indicators/township-indicators'
import { useDataStore } from '../stores/data'
import { useIndicatorsStore } from '../stores/indicators'
import { useLayersStore, type ChoroplethStyle, type HeatmapState } from '../stores/layers'
import { useViewStore } from '../stores/view'
import { useMapController, type CameraPadding, type CameraTarget } from './use-map-controller'
import { useLocaleText } from './use-locale-text'
import { useInteractionStore } from '../stores/interaction'
import { boundedList } from '../domain/text/bounded-list'
import type { Camera } from '../settings/share-link'
import {
  fetchJsonWithTimeout,
  HttpStatusError,
  networkTimeoutMs,
  NetworkTimeoutError,
} from '../settings/network-timeouts'
import type { BBox } from '../domain/geometry/geojson-checks'
import '../i18n/parts/after-first-view'

export interface TourOptions {
  /**
   * The camera padding for a stop's subject (its bounds; null for a point), measured from what is
   * laid over the map once the stop's caption and panel are drawn. Omitted: the map's own default.
   */
  framePadding?: (bounds: BBox | null) => CameraPadding | null
}

/** Real timers, optionally faster (`?speed=10` rehearses a tour, and the soak test uses it). */
function speedScheduler(speed: number): Scheduler {
  return {
    now: () => performance.now() * speed,
    setTimer: (ms, fire) => setTimeout(fire, Math.max(0, ms / speed)),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  }
}

/** A tour URL must be a relative path on our own origin: a kiosk link cannot pull a script from elsewhere. */
function tourUrlFrom(search: URLSearchParams): string | null {
  const path = search.get('tour')
  return path && /^[\w./-]+\.json$/.test(path) && !path.includes('..') && !path.startsWith('/') ? path : null
}

export function useTour(options: TourOptions = {}) {
  const data = useDataStore()
  const view = useViewStore()
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  const map = useMapController()
  const interaction = useInteractionStore()
  const { t } = useLocaleText()
  const search = new URLSearchParams(window.location.search)
  const speed = Math.min(50, Math.max(1, Number(search.get('speed')) || 1))

  const state = ref<TourRunnerState | null>(null)
  const stop = shallowRef<TourStop | null>(null)
  const errors = ref<string[]>([])
  let runner: TourRunner | null = null
  /** Where the current stop's camera goes, kept so that a change of the overlays can frame it again. */
  let subject: CameraTarget | null = null
  let framedWith: CameraPadding | null = null

  /** Moves the camera to the subject, clear of the overlays as they are drawn now. */
  function frame(durationMs: number) {
    if (!subject) return
    const padding = options.framePadding?.('bounds' in subject ? subject.bounds : null) ?? undefined
    framedWith = padding ?? null
    map.moveTo({ ...subject, durationMs, ...(padding ? { padding } : {}) })
  }

  /** Frames the current stop again if its padding has changed (an overlay grew, the window resized). */
  function reframe(changed: (before: CameraPadding | null, now: CameraPadding | null) => boolean) {
    if (!subject) return
    const now = options.framePadding?.('bounds' in subject ? subject.bounds : null) ?? null
    if (changed(framedWith, now)) frame(300)
  }

  function known() {
    return {
      layerIds: [...layers.specs.map((s) => s.id), HEATMAP_LAYER_ID],
      townCodes: indicators.areas.map((t) => t.code),
      indicatorIds: INDICATORS.map((i) => i.id),
      figureIds: data.figures.map((f) => f.id),
    }
  }

  /** The first few lines, then "and N more": a script with a million bad fields must not freeze the stage. */
  function bounded(lines: readonly string[]): string[] {
    const { shown, more } = boundedList(lines)
    return more > 0 ? [...shown, t('faults.andMore', { n: more })] : shown
  }

  /** Why a `?tour=` file could not be used, in the user's language. */
  function tourFailure(url: string, error: unknown): string {
    if (error instanceof NetworkTimeoutError) return t('faults.tourTimeout', { url, seconds: error.seconds })
    if (error instanceof HttpStatusError) return t('faults.tourRefused', { url, status: error.status })
    if (error instanceof SyntaxError) return t('faults.tourNotJson', { url })
    return t('faults.tourUnreachable', { url })
  }

  /**
   * The `?tour=` script, or the default one. Whatever goes wrong with the named file (an address
   * that is not allowed, no answer, a refusal, not JSON, invalid) is said on the stage before the
   * default tour starts, so a kiosk never plays the wrong tour silently.
   */
  async function loadScript(): Promise<TourScript | null> {
    const asked = search.get('tour')
    const url = tourUrlFrom(search)
    const notices: string[] = []
    let json: unknown = null
    if (asked !== null && !url) notices.push(t('faults.tourNotAllowed', { url: asked.slice(0, 80) }))
    if (url) {
      try {
        json = await fetchJsonWithTimeout(url, networkTimeoutMs('tour'))
      } catch (error) {
        notices.push(tourFailure(url, error))
      }
    }
    if (json !== null) {
      const named = parseTourScript(json, known())
      if (named.script) {
        errors.value = bounded(named.errors)
        return named.script
      }
      notices.push(...bounded(named.errors), t('faults.tourInvalid', { url: url ?? '' }))
    }
    if (notices.length > 0) notices.push(t('faults.playingDefault'))
    const fallback = parseTourScript(defaultTour, known())
    errors.value = [...notices, ...bounded(fallback.errors)]
    return fallback.script
  }

  function enter(next: TourStop) {
    stop.value = next
    const shown = next.layers?.filter((id) => id !== HEATMAP_LAYER_ID)
    if (shown) layers.showOnly(shown)
    const areaLayerId = layers.areaLayerId
    // A stop colours the townships by the indicator its caption speaks of; one that names none (the
    // district's air, the rivers) draws them as outlines, not as the last stop's theme.
    if (areaLayerId)
      layers.setChoropleth(
        areaLayerId,
        next.indicator ? { indicator: next.indicator as IndicatorId, coloured: true } : { coloured: false },
      )
    const flight = Math.min(2000, (next.durationSeconds * 1000) / speed / 3)
    const target = next.target
    if ('town' in target) {
      const town = indicators.areas.find((t) => t.code === target.town)
      if (!town) throw new Error(`township ${target.town} is not loaded`)
      subject = { bounds: bbox(town.geometry) as [number, number, number, number] }
      if (next.showPanel && areaLayerId) view.select({ layerId: areaLayerId, featureId: target.town })
    } else if ('district' in target) {
      const district = data.extentBbox
      subject = district ? { bounds: district } : null
    } else {
      subject = { lngLat: [target.camera.lng, target.camera.lat], zoom: target.camera.zoom }
    }
    // The caption, chart and panel of this stop are drawn on the next tick: measure them, then fly.
    void nextTick().then(() => {
      if (stop.value === next) frame(flight)
    })
    if (next.heatmap)
      layers.setHeatmapState({ readings: true, pollutant: next.heatmap.pollutant, month: next.heatmap.fromMonth })
  }

  function leave() {
    stop.value = null
    subject = null
    view.select(null)
    if (layers.heatmapState.readings) layers.setHeatmapState({ readings: false })
  }

  /**
   * The user's own map, put back when the tour ends: layers, camera, selection and theme (a tour
   * stop must not decide the map left behind).
   */
  let userMap: {
    layers: string[]
    camera: Camera | null
    selection: typeof view.selection
    choropleth: Pick<ChoroplethStyle, 'indicator' | 'coloured'> | undefined
    heatmap: HeatmapState
  } | null = null

  // A stop whose lazily loaded part (deck.gl, for the heatmap) failed is skipped with a notice;
  // the next heatmap stop tries the load again.
  watch(
    () => interaction.partFailure,
    (failure) => {
      const showing = stop.value
      if (failure && runner && showing?.heatmap)
        runner.reportStopError(showing.id, t('faults.partFailed', { part: t('faults.parts.heatmaps') }))
    },
  )

  async function begin() {
    userMap = {
      layers: [...layers.visibleListedIds],
      camera: view.camera ? { ...view.camera } : null,
      selection: view.selection ? { ...view.selection } : null,
      choropleth: layers.areaLayer?.choropleth ? { ...layers.areaLayer.choropleth } : undefined,
      heatmap: { ...layers.heatmapState },
    }
    const script = await loadScript()
    if (!script) return
    runner = createTourRunner(script, { scheduler: speedScheduler(speed) })
    runner.subscribe((event) => {
      if (event.type === 'enter-stop') enter(event.stop)
      else if (event.type === 'leave-stop') leave()
      else if (event.type === 'heatmap-month') layers.setHeatmapState({ month: event.month })
      else state.value = event.state
    })
    runner.start()
  }

  function end() {
    runner?.dispose()
    runner = null
    const saved = userMap
    userMap = null
    if (!saved) return
    layers.showOnly(saved.layers)
    const areaLayerId = layers.areaLayerId
    if (saved.choropleth && areaLayerId)
      layers.setChoropleth(areaLayerId, { indicator: saved.choropleth.indicator, coloured: saved.choropleth.coloured })
    view.select(saved.selection)
    layers.setHeatmapState(saved.heatmap)
    if (saved.camera) {
      map.moveTo({ lngLat: [saved.camera.lng, saved.camera.lat], zoom: saved.camera.zoom, durationMs: 0 })
    } else {
      const district = data.extentBbox
      if (district) map.moveTo({ bounds: district, durationMs: 0 })
    }
  }

  onBeforeUnmount(end)

  return { state, stop, errors, begin, end, reframe, runner: () => runner }
}
