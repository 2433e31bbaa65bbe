/**
 * The deck.gl heatmaps, drawn interleaved with MapLibre under the labels. This module is itself
 * loaded after the first view (deck-layers-overlay.ts holds its place until then); deck.gl and its
 * overlay are imported in idle time after the first view (warmWhenIdle), or the first time a heatmap
 * is shown if that comes first.
 */
import { parts } from '../io/parts'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { ReadingsPollutant } from '../domain/air/pollutant-scale'
import type { SurfaceGrid } from '../domain/surface/idw'
import type { Layer } from '@deck.gl/core'
import type { DeckOverlay } from './deck-overlay'
import type { IdleScheduler } from './browser-idle'
import { toDisplay, type DisplayCrs } from './crs-shift'
import type { UserPointsDraw } from './user-points-layers'
import { nearestPointIndex } from '../user-data/tables/point-table'

export type { UserPointsDraw }

/** What the deck.gl overlay should draw; null parts are not drawn. Positions are WGS84 lng/lat pairs. */
export interface HeatmapSpec {
  readings: { positions: Float64Array; values: Float32Array; pollutant: ReadingsPollutant; opacity: number } | null
  inspections: { positions: Float64Array; style: 'heatmap' | 'hexagon'; opacity: number } | null
  /** The interpolated readings surface (computed in the surface worker) and its stations. */
  surface?: {
    grid: SurfaceGrid
    values: Float32Array
    rgba: Uint8ClampedArray
    stations: { positions: Float64Array; values: Float32Array }
    opacity: number
  } | null
}

interface LayerFactories {
  heat: typeof import('./heatmap-layers') | null
  points: typeof import('./user-points-layers') | null
  surface: typeof import('./surface-layers') | null
}

export class DeckHeatmaps {
  private deck: Promise<DeckOverlay> | null = null
  /** Warm-up layers not drawn yet (built once deck.gl is loaded). */
  private warmQueue: Layer[] = []
  private warmBuilt = false
  /** Warm-up draws asked for and not yet drawn. */
  private warming = 0
  private stopped = false
  private cancelIdle: (() => void) | null = null
  private idleScheduler: IdleScheduler | null = null
  /** The overlay once loaded (this.deck's value), for what must happen synchronously. */
  private loadedDeck: DeckOverlay | null = null
  /** Counts WebGL context losses: an overlay loaded across one belongs to the lost context. */
  private contextGeneration = 0
  private readonly shifted = new WeakMap<Float64Array, Float64Array>()
  private readonly shifted32 = new WeakMap<Float32Array, Float32Array>()
  private heat: HeatmapSpec = { readings: null, inspections: null }
  /** The layer factories once loaded, so that a change is drawn in the frame MapLibre draws it in. */
  private factories: LayerFactories = { heat: null, points: null, surface: null }
  /** Users' large point sets, drawn under the heatmaps (WGS84; shifted here when the basemap is GCJ-02). */
  userPoints: readonly UserPointsDraw[] = []

  constructor(
    private readonly map: MapLibreMap,
    private readonly displayCrs: () => DisplayCrs,
    private readonly onHexagonHover: (count: number | null, point: { x: number; y: number }) => void,
    private readonly onSurfaceHover: (value: number | null, point: { x: number; y: number }) => void = () => {},
  ) {
    // Capture, on the container: before MapLibre's own listener on the canvas, which snapshots the
    // style and warns about every custom layer still in it (deck.gl's are remade on restore instead).
    map.getContainer().addEventListener('webglcontextlost', this.onContextLost, true)
    map.on('webglcontextrestored', this.onContextRestored)
  }

  /**
   * The WebGL context is lost (a GPU reset, or the browser reclaiming memory on a kiosk running for
   * hours): deck.gl's overlay and device belong to it, so they go; on restore a new overlay is made,
   * what was drawn is drawn again, and idle time links the programs again.
   */
  private readonly onContextLost = () => {
    this.contextGeneration++
    const overlay = this.loadedDeck
    this.loadedDeck = null
    this.deck = null
    this.warmQueue = []
    this.warmBuilt = false
    this.cancelIdle?.()
    this.cancelIdle = null
    overlay?.discard()
  }

  private readonly onContextRestored = () => {
    // Nothing to report to: a heatmap that cannot be drawn again shows as missing, as after any failure.
    this.redraw().catch(() => undefined)
    if (this.idleScheduler && !this.stopped) this.warmWhenIdle(this.idleScheduler)
  }
  private readonly images = new WeakMap<Uint8ClampedArray, HTMLCanvasElement>()

  set(spec: HeatmapSpec): Promise<void> {
    this.heat = spec
    return this.redraw()
  }

  setUserPoints(draws: readonly UserPointsDraw[]): Promise<void> {
    this.userPoints = draws
    return this.redraw()
  }

  private async redraw(): Promise<void> {
    const spec = this.heat
    const userPoints = this.userPoints
    if (!spec.readings && !spec.inspections && !spec.surface && userPoints.length === 0 && !this.deck) return
    // Everything loaded: drawn now, in this task. A change (a file confirmed, a layer shown) then
    // reaches deck.gl before MapLibre's next frame, rather than a frame or two later after awaits
    // that each cost a whole frame on a CPU renderer (three frames at 1M points, 2026-12-07).
    const loaded = this.factories
    const ready =
      this.loadedDeck && loaded.heat && (userPoints.length === 0 || loaded.points) && (!spec.surface || loaded.surface)
    if (ready) return this.draw(this.loadedDeck!, spec, userPoints)
    const [overlay, [heat, points, surface]] = await Promise.all([
      this.loadDeck(),
      parts.load('heatmap layers', () =>
        Promise.all([
          import('./heatmap-layers'),
          userPoints.length ? import('./user-points-layers') : null,
          spec.surface ? import('./surface-layers') : null,
        ]),
      ),
    ])
    this.factories = { heat, points: points ?? this.factories.points, surface: surface ?? this.factories.surface }
    // A later call has superseded this one while deck.gl loaded.
    if (spec !== this.heat || userPoints !== this.userPoints) return
    this.draw(overlay, spec, userPoints)
  }

  private draw(overlay: DeckOverlay, spec: HeatmapSpec, userPoints: readonly UserPointsDraw[]) {
    const factories = this.factories.heat!
    const pointFactories = this.factories.points
    const surfaceFactory = this.factories.surface
    // Under the first label, so names stay readable over a heatmap.
    const beforeId = this.map.getStyle().layers.find((l) => l.type === 'symbol')?.id
    // beforeId is read by @deck.gl/maplibre's interleaving, not declared on the layers' own props.
    const under = { beforeId } as Record<string, unknown>
    const layers = []
    for (const draw of userPoints)
      layers.push(
        pointFactories!.userPointsLayer({ ...draw, positions: this.displayPositions32(draw.positions) }).clone(under),
      )
    if (spec.readings) {
      const { positions, values, pollutant, opacity } = spec.readings
      const points = { positions: this.displayPositions(positions), values }
      layers.push(
        factories
          .readingsHeatmapLayer({ id: 'readings-heatmap', points, pollutant, opacity, radiusPixels: 60 })
          .clone(under),
      )
    }
    if (spec.surface && surfaceFactory) {
      const { grid, values, rgba, stations, opacity } = spec.surface
      const [west, south] = this.displayPoint([grid.west, grid.south])
      const [east, north] = this.displayPoint([grid.east, grid.north])
      layers.push(
        ...surfaceFactory.surfaceLayers({
          image: this.image(rgba, grid),
          bounds: [west, south, east, north],
          columns: grid.columns,
          values,
          stations: { positions: this.displayPositions(stations.positions), values: stations.values },
          opacity,
          beforeId,
          onHoverValue: this.onSurfaceHover,
        }),
      )
    }
    if (spec.inspections) {
      const { positions, style, opacity } = spec.inspections
      const shown = this.displayPositions(positions)
      const onHoverCount = (count: number | null, info: { x: number; y: number }) =>
        this.onHexagonHover(count, { x: info.x, y: info.y })
      layers.push(
        style === 'hexagon'
          ? factories.inspectionHexagonLayer({ id: 'inspection-hexagons', positions: shown, opacity, onHoverCount })
          : factories.inspectionHeatmapLayer({ id: 'inspection-heatmap', positions: shown, opacity }),
      )
      layers[layers.length - 1] = layers[layers.length - 1]!.clone(under)
    }
    overlay.setLayers(layers)
  }

  /**
   * Links the heatmap and point programs not linked yet, all now (shader-warm-up.ts): called when a
   * file that may be large is dropped before idle time has linked them (warmWhenIdle), so the links
   * happen while the worker parses it, not in the first frame after it (where, on a CPU renderer,
   * they waited on a GPU process busy with the points).
   */
  prepare(): Promise<void> {
    // The point layers' factories too, so the confirmed file is drawn in the task that adds it.
    const factories = parts
      .load('heatmap layers', () => Promise.all([import('./heatmap-layers'), import('./user-points-layers')]))
      .then(([heat, points]) => void (this.factories = { ...this.factories, heat, points }))
    return Promise.all([
      this.loadDeck().then((overlay) => {
        const rest = this.warmQueue.splice(0)
        if (rest.length) void this.track(overlay.warm(rest))
      }),
      factories,
    ]).then(() => undefined)
  }

  /**
   * Loads deck.gl and links its programs in the browser's idle time after the first view, one
   * warm-up layer per idle period: each step is a task of its own (on a CPU renderer the device
   * set-up and each link take 0.2–0.6 s; on a GPU a few ms), and none of it waits until a user drops
   * a file or turns on a heatmap. Silent: a failed load here is not reported, since nobody asked
   * for a heatmap; the first real use loads again and says so if it fails.
   */
  warmWhenIdle(whenIdle: IdleScheduler): void {
    this.idleScheduler = whenIdle
    const step = () => {
      this.cancelIdle = null
      if (this.stopped) return
      this.loadDeck()
        .then((overlay) => {
          const next = this.warmQueue.shift()
          if (!next || this.stopped) return
          return this.track(overlay.warm([next])).then(() => {
            if (!this.stopped && this.warmQueue.length) this.cancelIdle = whenIdle(step)
          })
        })
        .catch(() => undefined)
    }
    this.cancelIdle = whenIdle(step)
  }

  /** Whether deck.gl is loaded and every warm-up layer has been drawn (for the e2e probe). */
  programsWarmed(): boolean {
    return this.warmBuilt && this.warmQueue.length === 0 && this.warming === 0
  }

  /** Stops idle-time work (the map is being removed). */
  stop(): void {
    this.stopped = true
    this.cancelIdle?.()
    this.map.getContainer().removeEventListener('webglcontextlost', this.onContextLost, true)
    this.map.off('webglcontextrestored', this.onContextRestored)
  }

  private track(drawn: Promise<void>): Promise<void> {
    this.warming++
    return drawn.finally(() => this.warming--)
  }

  private loadDeck(): Promise<DeckOverlay> {
    if (!this.deck) {
      const loading = parts
        .load('deck.gl', () => Promise.all([import('./deck-overlay'), import('./shader-warm-up')]))
        .then(async ([{ createDeckOverlay }, { warmUpLayers }]) => {
          const generation = this.contextGeneration
          const overlay = await createDeckOverlay(this.map)
          if (generation !== this.contextGeneration) {
            overlay.discard()
            throw new Error('the WebGL context was lost while deck.gl loaded')
          }
          this.loadedDeck = overlay
          if (!this.warmBuilt) {
            this.warmQueue = warmUpLayers()
            this.warmBuilt = true
          }
          return overlay
        })
      this.deck = loading
      // A failed load is forgotten, not kept: the next heatmap asked for tries again (the network may be back).
      loading.catch(() => {
        if (this.deck === loading) this.deck = null
      })
    }
    return this.deck
  }

  /**
   * The nearest drawn point of a large point set within a box (display coordinates and degrees),
   * topmost layer first; only sets drawn as points can be picked.
   */
  pickUserPoint(lng: number, lat: number, toleranceLng: number, toleranceLat: number) {
    for (const draw of [...this.userPoints].reverse()) {
      if (draw.display !== 'points') continue
      const index = nearestPointIndex(this.displayPositions32(draw.positions), lng, lat, toleranceLng, toleranceLat)
      if (index >= 0) return { draw, index }
    }
    return null
  }

  /** Points counted in the drawn inspection hexagons (null when none are drawn). */
  async hexagonBinTotal(): Promise<number | null> {
    return this.deck ? (await this.deck).binTotal('inspection-hexagons') : null
  }

  /** The same for a large point set's Float32 positions (one pass, cached per array). */
  private displayPositions32(positions: Float32Array): Float32Array {
    if (this.displayCrs() === 'WGS84') return positions
    let shifted = this.shifted32.get(positions)
    if (!shifted) {
      shifted = new Float32Array(positions.length)
      for (let i = 0; i < positions.length; i += 2) {
        const [lng, lat] = toDisplay([positions[i]!, positions[i + 1]!], 'GCJ-02')
        shifted[i] = lng
        shifted[i + 1] = lat
      }
      this.shifted32.set(positions, shifted)
    }
    return shifted
  }

  /** The surface on a canvas deck.gl can upload; one per RGBA array, so an unchanged month is not re-uploaded. */
  private image(rgba: Uint8ClampedArray, grid: SurfaceGrid): HTMLCanvasElement {
    let canvas = this.images.get(rgba)
    if (!canvas) {
      canvas = document.createElement('canvas')
      canvas.width = grid.columns
      canvas.height = grid.rows
      canvas.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(rgba), grid.columns, grid.rows), 0, 0)
      this.images.set(rgba, canvas)
    }
    return canvas
  }

  private displayPoint(point: [number, number]): [number, number] {
    return this.displayCrs() === 'WGS84' ? point : (toDisplay(point, 'GCJ-02') as [number, number])
  }

  /** Positions as drawn: shifted to GCJ-02 on a GCJ-02 basemap (cached per array, so deck.gl can reuse them). */
  private displayPositions(positions: Float64Array): Float64Array {
    if (this.displayCrs() === 'WGS84') return positions
    let shifted = this.shifted.get(positions)
    if (!shifted) {
      shifted = new Float64Array(positions.length)
      for (let i = 0; i < positions.length; i += 2) {
        const [lng, lat] = toDisplay([positions[i]!, positions[i + 1]!], 'GCJ-02')
        shifted[i] = lng
        shifted[i + 1] = lat
      }
      this.shifted.set(positions, shifted)
    }
    return shifted
  }
}
