/**
 * Basemaps under our layers, and the display CRS they need. Raster basemaps go under all our
 * layers; a custom style URL is fetched and its fills and lines are added under ours (its labels are
 * dropped: its glyphs would replace our local-font labels). A basemap whose tiles or style fail is
 * replaced by the offline one, and the owner is told why.
 */
import type { MapSourceDataEvent, MapStyleDataEvent, Map as MapLibreMap } from 'maplibre-gl'
import { basemapOption, type BasemapChoice } from '../settings/basemap-choices'
import { basemapRaster } from './basemap-styles'
import { loadCrs, type DisplayCrs } from './crs-shift'
import { fetchJsonWithTimeout, networkTimeoutMs, NetworkTimeoutError } from '../settings/network-timeouts'

/** Tile errors from one basemap before we give up on it and return to the offline style. */
const BASEMAP_ERROR_LIMIT = 3

export interface BasemapControlOptions {
  /** The display CRS changes (WGS84 ↔ GCJ-02): the owner re-projects its data and camera. */
  onCrsChange(crs: DisplayCrs): Promise<void>
  /** `timeoutSeconds` when the basemap's server did not answer in time (rather than refusing). */
  onFailed(choice: BasemapChoice, reason: string, timeoutSeconds?: number): void
}

export class BasemapControl {
  private choice: BasemapChoice = { id: 'offline' }
  private errors = 0
  private layerIds: string[] = []
  /** Counts basemap changes, so a late answer (or timeout) from an earlier choice is ignored. */
  private generation = 0
  crs: DisplayCrs = 'WGS84'

  constructor(
    private readonly map: MapLibreMap,
    private readonly options: BasemapControlOptions,
  ) {}

  /** A map error from a source: counts basemap tile failures; true when it was a basemap's. */
  tileError(sourceId: string | undefined, message: string): boolean {
    if (!sourceId?.startsWith('basemap-')) return false
    if (++this.errors === BASEMAP_ERROR_LIMIT) this.fail(`${sourceId}: ${message}`)
    return true
  }

  async set(choice: BasemapChoice): Promise<void> {
    for (const id of this.layerIds) if (this.map.getLayer(id)) this.map.removeLayer(id)
    for (const id of Object.keys(this.map.getStyle().sources)) if (id.startsWith('basemap-')) this.map.removeSource(id)
    this.layerIds = []
    this.errors = 0
    this.choice = choice
    const generation = ++this.generation
    this.stopTileWatch()
    const crs = basemapOption(choice.id).crs
    if (crs !== this.crs) {
      await loadCrs(crs)
      this.crs = crs
      await this.options.onCrsChange(crs)
    }

    const beforeId = this.map.getStyle().layers.find((l) => l.id !== 'background')?.id
    if (choice.id === 'custom') {
      await this.addCustomStyle(choice, beforeId, generation)
      if (generation === this.generation && this.layerIds.length > 0) this.watchTiles(generation)
      return
    }
    const part = basemapRaster(choice)
    if (!part) return
    for (const [id, source] of Object.entries(part.sources)) this.map.addSource(id, source)
    for (const layer of part.layers) this.map.addLayer(layer, beforeId)
    this.layerIds = part.layers.map((l) => l.id)
    this.watchTiles(generation)
  }

  /**
   * A server that never answers sends no error either: if no tile of the basemap has arrived in
   * time, it is given up like a failing one.
   */
  private watchTiles(generation: number) {
    const ms = networkTimeoutMs('tiles')
    const onData = (event: MapSourceDataEvent | MapStyleDataEvent) => {
      const { sourceId, tile } = event as { sourceId?: string; tile?: unknown }
      if (sourceId?.startsWith('basemap-') && tile) this.stopTileWatch()
    }
    this.map.on('data', onData)
    const timer = setTimeout(() => {
      this.stopTileWatch()
      if (generation === this.generation) this.fail(`no tile within ${ms / 1000} s`, Math.round(ms / 100) / 10)
    }, ms)
    this.stopWatching = () => {
      clearTimeout(timer)
      this.map.off('data', onData)
    }
  }

  private stopWatching: () => void = () => {}

  private stopTileWatch() {
    this.stopWatching()
    this.stopWatching = () => {}
  }

  private async addCustomStyle(choice: BasemapChoice, beforeId: string | undefined, generation: number) {
    type StyleLayer = { id: string; type?: string; source?: string }
    try {
      const style = (await fetchJsonWithTimeout(choice.styleUrl ?? '', networkTimeoutMs('style'))) as {
        sources?: Record<string, unknown>
        layers?: StyleLayer[]
      }
      // The user chose another basemap while this style was on its way.
      if (generation !== this.generation) return
      if (!style.sources || !Array.isArray(style.layers)) throw new Error('not a MapLibre style (no sources or layers)')
      for (const [id, source] of Object.entries(style.sources))
        this.map.addSource(`basemap-${id}`, source as Parameters<MapLibreMap['addSource']>[1])
      for (const layer of style.layers) {
        // Symbol layers need the style's glyphs and sprites, which would replace our local-font labels.
        if (layer.type === 'symbol' || layer.type === 'background') continue
        const id = `basemap-${layer.id}`
        const source = layer.source ? { source: `basemap-${layer.source}` } : {}
        this.map.addLayer({ ...layer, id, ...source } as Parameters<MapLibreMap['addLayer']>[0], beforeId)
        this.layerIds.push(id)
      }
    } catch (error) {
      if (generation !== this.generation) return
      const seconds = error instanceof NetworkTimeoutError ? error.seconds : undefined
      this.fail(`${choice.styleUrl ?? ''}: ${(error as Error).message}`, seconds)
    }
  }

  private fail(reason: string, timeoutSeconds?: number) {
    const failed = this.choice
    void this.set({ id: 'offline' })
    this.options.onFailed(failed, reason, timeoutSeconds)
  }
}
