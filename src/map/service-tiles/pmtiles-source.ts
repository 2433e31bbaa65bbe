/**
 * Tiles from a PMTiles archive (one file of tiles, read by HTTP range requests or from a local file)
 * through the `pmtiles` library, the format's reference reader. Raster archives give images,
 * vector archives MVT bytes; a request has the same deadline as any service tile.
 */
import { FileSource, PMTiles } from 'pmtiles'
import { withDeadline } from '../../settings/network-timeouts'
import type { TileSource } from './service-protocol'

/** The archive at a URL, or a file the user chose. */
export function openPmtiles(from: string | Blob, name = 'archive.pmtiles'): PMTiles {
  return new PMTiles(typeof from === 'string' ? from : new FileSource(new File([from], name)))
}

export function pmtilesTileSource(archive: PMTiles, kind: 'raster' | 'vector', timeoutMs: number): TileSource {
  return {
    kind,
    async tile(z, x, y, signal) {
      const answer = await withDeadline(archive.getZxy(z, x, y, signal), timeoutMs)
      if (!answer) return null
      return kind === 'vector' ? answer.data : createImageBitmap(new Blob([answer.data]))
    },
  }
}
