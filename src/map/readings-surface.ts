/**
 * Feeds the concentration surface: sends the district outline to the surface worker once, then
 * one month of station readings at a time, and keeps only the answer to the latest request (the
 * month slider and play can ask faster than a month is drawn).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson'
import { SurfaceClient } from '../workers/surface-client'
import type { ReadingsPollutant } from '../domain/air/pollutant-scale'
import type { SurfaceColouring } from '../domain/surface/ramp'
import type { HeatmapSpec } from './deck-layers-overlay'
import { parts, PartUnavailableError } from '../io/parts'

export class ReadingsSurfaceSource {
  private client: SurfaceClient | null = null
  private area: Polygon | MultiPolygon | null = null
  private areaReady: Promise<unknown> | null = null
  private latest = 0

  /**
   * The surface for these readings clipped to the outline, or null when there is no outline or a
   * newer request has been made meanwhile (`stale: true` then: the caller must not draw).
   */
  async compute(
    outline: FeatureCollection | null | undefined,
    readings: { positions: Float64Array; values: Float32Array },
    pollutant: ReadingsPollutant,
    opacity: number,
    colouring: SurfaceColouring = 'levels',
  ): Promise<{ stale: boolean; surface: NonNullable<HeatmapSpec['surface']> | null }> {
    const request = ++this.latest
    const geometry = outline?.features.find(
      (f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
    )?.geometry as Polygon | MultiPolygon | undefined
    if (!geometry || readings.values.length === 0) return { stale: false, surface: null }
    if (!this.client) {
      // The worker's script is fetched when it starts: not while the server does not answer.
      if (!(await parts.serverAnswers())) throw new PartUnavailableError('surface worker')
      // A request made meanwhile (the month slider moved while the first waited for the same answer)
      // may have started it: a second worker would get no outline, and the request never a surface.
      this.client ??= SurfaceClient.create()
    }
    const client = this.client
    if (this.area !== geometry) {
      this.area = geometry
      this.areaReady = client.setArea(geometry, 200)
    }
    let result
    try {
      await this.areaReady
      result = await client.surface(readings.positions, readings.values, pollutant, colouring)
    } catch (error) {
      // A worker that failed (its script did not load) is dropped: the next request starts a new one.
      if (this.client === client) this.dispose()
      throw error
    }
    if (request !== this.latest) return { stale: true, surface: null }
    return { stale: false, surface: { ...result, stations: readings, opacity } }
  }

  dispose() {
    this.client?.dispose()
    this.client = null
    this.area = null
    this.areaReady = null
  }
}
