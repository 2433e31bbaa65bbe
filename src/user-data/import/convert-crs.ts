/**
 * Converting positions from a declared CRS to WGS84. GCJ-02 and BD-09 go through gcoord (on a
 * fresh two-number array each time: gcoord.transform mutates what it is given); the projected
 * systems through proj4 with the definitions in crs-detect.ts (whose `loadProjections` must have
 * run: finish-import.ts awaits it for a projected CRS). Heights and measures (a third or fourth
 * number) are kept.
 */
import gcoord from 'gcoord'
import type { Position } from 'geojson'
import { projectedToLngLat, type DeclaredCrs, type ProjectedCrs } from './crs-detect'

/** A position converter, or null when the declared CRS needs no conversion. */
export function positionConverter(crs: DeclaredCrs): ((position: Position) => Position) | null {
  switch (crs) {
    case 'auto':
    case 'EPSG:4326':
      return null
    case 'swap-axes':
      return ([x, y, ...rest]) => [y!, x!, ...rest]
    case 'GCJ-02':
    case 'BD-09': {
      const from = crs === 'GCJ-02' ? gcoord.GCJ02 : gcoord.BD09
      return ([x, y, ...rest]) => {
        const [lng, lat] = gcoord.transform([x!, y!], from, gcoord.WGS84) as [number, number]
        return [lng, lat, ...rest]
      }
    }
    default: {
      const projected: ProjectedCrs = crs
      return ([x, y, ...rest]) => {
        const lngLat = projectedToLngLat(projected, x!, y!)
        // NaN marks "no answer"; the range check after conversion reports it.
        return lngLat ? [lngLat[0], lngLat[1], ...rest] : [Number.NaN, Number.NaN, ...rest]
      }
    }
  }
}
