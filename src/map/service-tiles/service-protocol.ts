/**
 * Every tile of every service layer goes through one MapLibre protocol, `jdsvc://<key>/<z>/<x>/<y>`,
 * registered once. The key names a TileSource (one per layer and per display CRS), which knows how
 * to fetch or compose the tile. So each request has a deadline, a failure is reported with the
 * layer's id (the owner names the service in its message), and one layer's failure touches no other.
 */
import { addProtocol } from 'maplibre-gl'

export const SERVICE_PROTOCOL = 'jdsvc'

/** Fetches or composes one Web Mercator tile; null where the service has nothing there. */
export interface TileSource {
  kind: 'raster' | 'vector'
  tile(z: number, x: number, y: number, signal: AbortSignal): Promise<ImageBitmap | ArrayBuffer | null>
}

export type TileOutcome = { ok: true } | { ok: false; error: unknown }

interface Registered {
  source: TileSource
  report(outcome: TileOutcome): void
}

const registry = new Map<string, Registered>()
let installed = false
let transparent: Promise<ImageBitmap> | null = null

/** A 1 × 1 transparent tile: MapLibre draws nothing there and asks no more. */
function emptyImage(): Promise<ImageBitmap> {
  transparent ??= createImageBitmap(new ImageData(1, 1))
  return transparent
}

function install() {
  if (installed) return
  installed = true
  addProtocol(SERVICE_PROTOCOL, async (params, abortController) => {
    const match = /^jdsvc:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)/.exec(params.url)
    const entry = match ? registry.get(match[1]!) : undefined
    if (!match || !entry) throw new Error(`no service for ${params.url}`)
    const [z, x, y] = [Number(match[2]), Number(match[3]), Number(match[4])]
    let data: ImageBitmap | ArrayBuffer | null = null
    try {
      data = await entry.source.tile(z, x, y, abortController.signal)
      entry.report({ ok: true })
    } catch (error) {
      // A tile MapLibre no longer wants (the map moved on) is not the service's failure.
      if (abortController.signal.aborted) throw error
      // Reported here, with the layer's name; MapLibre gets an empty tile, so its own error (and a
      // console line without the service's name) never comes, and the rest of the map goes on.
      entry.report({ ok: false, error })
    }
    if (data) return { data }
    return { data: entry.source.kind === 'raster' ? await emptyImage() : new ArrayBuffer(0) }
  })
}

/** The tile URL template MapLibre is given for a registered source. */
export function serviceTileTemplate(key: string): string {
  return `${SERVICE_PROTOCOL}://${key}/{z}/{x}/{y}`
}

export function registerTileSource(key: string, source: TileSource, report: (outcome: TileOutcome) => void) {
  install()
  registry.set(key, { source, report })
}

export function unregisterTileSource(key: string) {
  registry.delete(key)
}
