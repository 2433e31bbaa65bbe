/**
 * The part of shpjs 6 we use (it ships no types). parseShp reads a .shp into GeoJSON geometries
 * (null for a null shape), reprojecting to WGS84 when given the .prj text; parseDbf reads the
 * attribute table, decoding text with the .cpg encoding (UTF-8 when absent).
 */
declare module 'shpjs' {
  import type { Geometry } from 'geojson'

  type BinaryInput = ArrayBuffer | ArrayBufferView | DataView

  export function parseShp(shp: BinaryInput, prj?: string): (Geometry | null)[]
  export function parseDbf(dbf: BinaryInput, cpg?: string): Record<string, unknown>[]
}
