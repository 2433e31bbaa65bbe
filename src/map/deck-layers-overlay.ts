/**
 * The map's deck.gl heatmaps as the first view knows them: a small stand-in that keeps what is asked
 * (the heatmaps, the user's large point sets) and loads the drawing code (deck-heatmaps.ts, and
 * deck.gl with it) only once there is something to draw, or in idle time after the first view. The
 * first view carries this file, not that one.
 */
import { parts } from '../io/parts'
import type { Map as MapLibreMap } from 'maplibre-gl'
import type { IdleScheduler } from './browser-idle'
import type { DisplayCrs } from './crs-shift'
import type { DeckHeatmaps, HeatmapSpec, UserPointsDraw } from './deck-heatmaps'

export type { HeatmapSpec, UserPointsDraw }

export class HeatmapOverlay {
  private drawer: DeckHeatmaps | null = null
  private loading: Promise<DeckHeatmaps> | null = null
  private heat: HeatmapSpec = { readings: null, inspections: null }
  private stopped = false
  private cancelIdle: (() => void) | null = null
  /** Users' large point sets, drawn under the heatmaps. */
  userPoints: readonly UserPointsDraw[] = []

  constructor(
    private readonly map: MapLibreMap,
    private readonly displayCrs: () => DisplayCrs,
    private readonly onHexagonHover: (count: number | null, point: { x: number; y: number }) => void,
    private readonly onSurfaceHover: (value: number | null, point: { x: number; y: number }) => void = () => {},
  ) {}

  private load(): Promise<DeckHeatmaps> {
    if (!this.loading) {
      const loading = parts
        .load('deck heatmaps', () => import('./deck-heatmaps'))
        .then(({ DeckHeatmaps }) => {
          const drawer = new DeckHeatmaps(this.map, this.displayCrs, this.onHexagonHover, this.onSurfaceHover)
          if (this.stopped) drawer.stop()
          this.drawer = drawer
          return drawer
        })
      this.loading = loading
      // A failed load is forgotten: the next heatmap asked for tries again (the network may be back).
      loading.catch(() => {
        if (this.loading === loading) this.loading = null
      })
    }
    return this.loading
  }

  private nothingToDraw(): boolean {
    const spec = this.heat
    return !spec.readings && !spec.inspections && !spec.surface && this.userPoints.length === 0
  }

  set(spec: HeatmapSpec): Promise<void> {
    this.heat = spec
    if (!this.drawer && !this.loading && this.nothingToDraw()) return Promise.resolve()
    return this.load().then((drawer) => drawer.set(this.heat))
  }

  setUserPoints(draws: readonly UserPointsDraw[]): Promise<void> {
    this.userPoints = draws
    if (!this.drawer && !this.loading && this.nothingToDraw()) return Promise.resolve()
    return this.load().then((drawer) => drawer.setUserPoints(this.userPoints))
  }

  /** A file that may be large was dropped: deck.gl's programs are linked while it is parsed. */
  prepare(): Promise<void> {
    return this.load().then((drawer) => drawer.prepare())
  }

  /** In idle time after the first view: the drawing code, then deck.gl and its programs (DeckHeatmaps.warmWhenIdle). */
  warmWhenIdle(whenIdle: IdleScheduler): void {
    this.cancelIdle = whenIdle(() => {
      this.cancelIdle = null
      if (this.stopped) return
      this.load().then(
        (drawer) => drawer.warmWhenIdle(whenIdle),
        // Silent: nobody asked for a heatmap; the first real use loads again and says so if it fails.
        () => undefined,
      )
    })
  }

  programsWarmed(): boolean {
    return this.drawer?.programsWarmed() ?? false
  }

  stop(): void {
    this.stopped = true
    this.cancelIdle?.()
    this.drawer?.stop()
  }

  pickUserPoint(lng: number, lat: number, toleranceLng: number, toleranceLat: number) {
    return this.drawer?.pickUserPoint(lng, lat, toleranceLng, toleranceLat) ?? null
  }

  async hexagonBinTotal(): Promise<number | null> {
    return this.drawer ? this.drawer.hexagonBinTotal() : null
  }
}
