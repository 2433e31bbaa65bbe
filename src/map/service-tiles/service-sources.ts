/**
 * The map's sources for service layers: one per layer, keyed by the layer's id (its spec's map layers
 * read it), pointing at the service protocol. A change of definition or of the display CRS gives
 * the source a new key, so MapLibre fetches its tiles again; a removed layer's source goes once no
 * map layer reads it.
 */
import type { Map as MapLibreMap, RasterSourceSpecification, VectorSourceSpecification } from 'maplibre-gl'
import type { ServiceDefinition } from '../../domain/services/service-types'
import { rasterZoomRange } from '../../domain/services/tile-urls'
import { fromDisplay, loadCrs, toDisplay, type DisplayCrs } from '../crs-shift'
import { serviceFailureOf, type ServiceFailure } from '../../user-data/services/service-failure'
import { rasterTileSource, vectorTileSource, type ToServiceCrs } from './raster-source'
import { openPmtiles, pmtilesTileSource } from './pmtiles-source'
import {
  registerTileSource,
  serviceTileTemplate,
  unregisterTileSource,
  type TileOutcome,
  type TileSource,
} from './service-protocol'

export interface ServiceLayerInput {
  id: string
  definition: ServiceDefinition
  /** A PMTiles archive the user chose as a file. */
  file?: Blob | null
}

/** A layer's tiles worked (null), or why they did not. */
export type ServiceStatus = ServiceFailure | null

function toServiceCrs(display: DisplayCrs, service: DisplayCrs): ToServiceCrs {
  if (display === service) return null
  return display === 'GCJ-02' ? (p) => fromDisplay(p, 'GCJ-02') : (p) => toDisplay(p, 'GCJ-02')
}

let keys = 0

export class ServiceSources {
  private readonly applied = new Map<string, { signature: string; key: string }>()

  constructor(
    private readonly map: MapLibreMap,
    private readonly displayCrs: () => DisplayCrs,
    private readonly timeoutMs: () => number,
    private readonly onStatus: (layerId: string, status: ServiceStatus) => void,
  ) {}

  private tileSource(input: ServiceLayerInput): TileSource | null {
    const { definition } = input
    const timeout = this.timeoutMs()
    if (definition.kind === 'pmtiles') {
      const archive = openPmtiles(input.file ?? definition.url, definition.url)
      return pmtilesTileSource(archive, definition.pmtiles?.tileType === 'mvt' ? 'vector' : 'raster', timeout)
    }
    if (definition.vector?.template) return vectorTileSource(definition.vector.template, timeout)
    if (definition.raster)
      return rasterTileSource(definition.raster, toServiceCrs(this.displayCrs(), definition.crs), timeout)
    return null
  }

  private sourceSpec(input: ServiceLayerInput, key: string): RasterSourceSpecification | VectorSourceSpecification {
    const { definition } = input
    const zooms = definition.raster ? rasterZoomRange(definition.raster) : { minzoom: 0, maxzoom: 22 }
    const common = {
      tiles: [serviceTileTemplate(key)],
      minzoom: definition.minzoom ?? zooms.minzoom,
      maxzoom: definition.maxzoom ?? zooms.maxzoom,
      attribution: definition.attribution || definition.host,
      // A little wider than the service says: a shifted (GCJ-02) picture reaches some 600 m past it.
      ...(definition.bounds
        ? {
            bounds: [
              definition.bounds[0] - 0.01,
              Math.max(-85, definition.bounds[1] - 0.01),
              definition.bounds[2] + 0.01,
              Math.min(85, definition.bounds[3] + 0.01),
            ] as [number, number, number, number],
          }
        : {}),
    }
    const vector = definition.vector || definition.pmtiles?.tileType === 'mvt'
    // A WMTS set of 512-px tiles is asked for in 512-px tiles (its matrices were matched to zooms so).
    const tileSize = definition.raster?.scheme === 'wmts-mercator' ? (definition.raster.tileSize ?? 256) : 256
    return vector ? { type: 'vector', ...common } : { type: 'raster', tileSize, ...common }
  }

  /** Adds or updates the sources of these layers (before the layers that read them are drawn). */
  async set(inputs: readonly ServiceLayerInput[]) {
    const crs = this.displayCrs()
    if (inputs.some((i) => i.definition.crs === 'GCJ-02') || crs === 'GCJ-02') await loadCrs('GCJ-02')
    for (const input of inputs) {
      const signature = JSON.stringify([input.definition, crs, Boolean(input.file)])
      const previous = this.applied.get(input.id)
      if (previous?.signature === signature) continue
      const source = this.tileSource(input)
      if (!source) continue
      const key = `s${++keys}`
      registerTileSource(key, source, (outcome: TileOutcome) =>
        this.onStatus(input.id, outcome.ok ? null : serviceFailureOf(outcome.error)),
      )
      const spec = this.sourceSpec(input, key)
      const existing = this.map.getSource(input.id) as { setTiles?: (tiles: string[]) => void } | undefined
      if (existing && previous && existing.setTiles && this.map.getSource(input.id)?.type === spec.type)
        existing.setTiles(spec.tiles!)
      else {
        if (existing) this.removeSource(input.id)
        if (!this.map.getSource(input.id)) this.map.addSource(input.id, spec)
      }
      if (previous) unregisterTileSource(previous.key)
      this.applied.set(input.id, { signature, key })
    }
  }

  /** Removes the sources of layers no longer wanted, once no map layer reads them. */
  prune(wanted: ReadonlySet<string>) {
    for (const [id, { key }] of this.applied) {
      if (wanted.has(id)) continue
      if (this.removeSource(id)) {
        unregisterTileSource(key)
        this.applied.delete(id)
      }
    }
  }

  private removeSource(id: string): boolean {
    const used = this.map.getStyle().layers.some((l) => 'source' in l && l.source === id)
    if (used) return false
    if (this.map.getSource(id)) this.map.removeSource(id)
    return true
  }

  /** The display CRS changed: every source is made again for it. */
  async reproject(inputs: readonly ServiceLayerInput[]) {
    for (const input of inputs) {
      const previous = this.applied.get(input.id)
      if (previous) this.applied.set(input.id, { ...previous, signature: '' })
    }
    await this.set(inputs)
  }
}
