/**
 * Basemaps under our layers, and the display CRS they need. Raster basemaps go under all our
 * layers; a custom style URL is fetched and its fills and lines are added under ours (its labels are
 * dropped: its glyphs would replace our local-font labels). A basemap whose tiles or style fail is
 * replaced by the offline one, and the owner is told why.
 */
import type { Map as MapLibreMap } from 'maplibre-gl'
import { basemapOption, type BasemapChoice } from '../domain/basemaps'
import { basemapRaster } from './basemaps'
import type { DisplayCrs } from './crs-shift'

/** Tile errors from one basemap before we give up on it and return to the offline style. */
const BASEMAP_ERROR_LIMIT = 3

export interface BasemapControlOptions {
  /** The display CRS changes (WGS84 ↔ GCJ-02): the owner re-projects its data and camera. */
  onCrsChange(crs: DisplayCrs): Promise<void>
  onFailed(choice: BasemapChoice, reason: string): void
}

export class BasemapControl {
  private choice: BasemapChoice = { id: 'offline' }
  private errors = 0
  private layerIds: string[] = []
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
    const crs = basemapOption(choice.id).crs
    if (crs !== this.crs) {
      this.crs = crs
      await this.options.onCrsChange(crs)
    }

    const beforeId = this.map.getStyle().layers.find((l) => l.id !== 'background')?.id
    if (choice.id === 'custom') return this.addCustomStyle(choice, beforeId)
    const part = basemapRaster(choice)
    if (!part) return
    for (const [id, source] of Object.entries(part.sources)) this.map.addSource(id, source)
    for (const layer of part.layers) this.map.addLayer(layer, beforeId)
    this.layerIds = part.layers.map((l) => l.id)
  }

  private async addCustomStyle(choice: BasemapChoice, beforeId: string | undefined) {
    type StyleLayer = { id: string; type?: string; source?: string }
    try {
      const response = await fetch(choice.styleUrl ?? '')
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      const style = (await response.json()) as { sources?: Record<string, unknown>; layers?: StyleLayer[] }
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
      this.fail(`${choice.styleUrl ?? ''}: ${(error as Error).message}`)
    }
  }

  private fail(reason: string) {
    const failed = this.choice
    void this.set({ id: 'offline' })
    this.options.onFailed(failed, reason)
  }
}
