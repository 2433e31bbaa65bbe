/**
 * The address of one Web Mercator tile of a raster service, from its definition: a template's
 * {z}/{x}/{y} (or a TMS row, {-y}), a WMS or ArcGIS export box, a WMTS matrix, row and column.
 * The map asks for tiles by z/x/y through its own protocol (src/map/service-tiles), so that every
 * request has a deadline and its failure names the service; these URLs are what it then fetches.
 */
import { MERCATOR_HALF_WORLD as HALF_WORLD } from './scale-sets'
import type { RasterTiles } from './service-types'

/** The tile's [minX, minY, maxX, maxY] in EPSG:3857 metres. */
export function mercatorTileBounds(z: number, x: number, y: number): [number, number, number, number] {
  const size = (2 * HALF_WORLD) / 2 ** z
  const minX = -HALF_WORLD + x * size
  const maxY = HALF_WORLD - y * size
  return [minX, maxY - size, minX + size, maxY]
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{([-a-zA-Z0-9]+)\}/g, (whole, name: string) => values[name] ?? whole)
}

/**
 * The URL of tile z/x/y, or null where the service has no tile at that zoom (a WMTS matrix set
 * without that level). Geographic WMTS sets have no single tile per Web Mercator tile: null.
 */
export function rasterTileUrl(raster: RasterTiles, z: number, x: number, y: number): string | null {
  switch (raster.scheme) {
    case 'xyz':
    case 'arcgis-tiles':
      return fill(raster.template, { z: String(z), x: String(x), y: String(y), '-y': String(2 ** z - 1 - y) })
    case 'wms':
    case 'arcgis-export':
      return rasterBoxUrl(raster, mercatorTileBounds(z, x, y))
    case 'wmts-mercator': {
      const matrix = raster.matrixIds[z]
      if (matrix === null || matrix === undefined) return null
      return fill(raster.template, { TileMatrix: matrix, TileRow: String(y), TileCol: String(x) })
    }
    case 'wmts-geographic':
      return null
  }
}

/**
 * For a service drawn by boxes (WMS GetMap, ArcGIS export): the picture of any EPSG:3857 box
 * [minX, minY, maxX, maxY] (a tile's, or a tile's moved by a CRS shift); null for tiled schemes.
 */
export function rasterBoxUrl(raster: RasterTiles, box: readonly number[]): string | null {
  if (raster.scheme !== 'wms' && raster.scheme !== 'arcgis-export') return null
  return fill(raster.template, { 'bbox-epsg-3857': box.map((v) => v.toFixed(3)).join(',') })
}

/** The URL of a geographic WMTS tile by its matrix, row and column. */
export function geographicTileUrl(template: string, matrixId: string, row: number, col: number): string {
  return fill(template, { TileMatrix: matrixId, TileRow: String(row), TileCol: String(col) })
}

/** The zooms a raster definition has tiles at: a WMTS set's levels, else 0…22. */
export function rasterZoomRange(raster: RasterTiles): { minzoom: number; maxzoom: number } {
  if (raster.scheme !== 'wmts-mercator') return { minzoom: 0, maxzoom: 22 }
  const levels = raster.matrixIds.flatMap((id, z) => (id === null ? [] : [z]))
  return levels.length ? { minzoom: levels[0]!, maxzoom: levels[levels.length - 1]! } : { minzoom: 0, maxzoom: 0 }
}
