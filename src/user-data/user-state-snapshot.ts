/**
 * Everything the user brought, as one plain value: their layers (data, name, style, visibility,
 * opacity, list order), their replacements of built-in layers, and the indicators joined from their
 * tables. 本机数据 keeps it and a project file carries it; the stores capture and apply it
 * (src/stores/user-state.ts). Pure types, so the slice's own IO needs nothing of the stores.
 */
import type { FeatureCollection } from 'geojson'
import type { PointTable } from './tables/point-table'
import type { UserIndicator } from './tables/user-indicators'
import type { UserLayerStyle } from './styles/user-layer-style'

import type { ServiceDefinition } from '../domain/services/service-types'

/**
 * A user layer's data: features, a large point set, or a layer from another server (its definition,
 * and a PMTiles archive when the user chose one as a file).
 */
export type UserLayerData =
  | { kind: 'features'; collection: FeatureCollection }
  | { kind: 'points'; table: PointTable }
  | { kind: 'service'; definition: ServiceDefinition; file?: Blob | null }

/** What identifies a layer's data (unchanged data is not written again). */
export function userLayerDataRef(data: UserLayerData): unknown {
  return data.kind === 'points' ? data.table : data.kind === 'features' ? data.collection : data.definition
}

export interface UserLayerSnapshot {
  id: string
  fileName: string
  name: string | null
  addedAt: string
  visible: boolean
  opacity: number
  style: UserLayerStyle
  data: UserLayerData
}

export interface ReplacementSnapshot {
  /** The built-in layer the user's file stands in for. */
  layerId: string
  fileName: string
  collection: FeatureCollection
  /** What the legend and panels must also say of it (e.g. approximate positions), if anything. */
  note?: { zh: string; en: string } | null
  /** Came with the published project: shown to every visitor, not kept in 本机数据. */
  published?: boolean
}

export interface UserStateSnapshot {
  /** In list order, top first. */
  layers: UserLayerSnapshot[]
  replacements: ReplacementSnapshot[]
  indicators: UserIndicator[]
}
