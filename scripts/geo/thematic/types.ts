/**
 * Shapes shared by the build script and the thematic-layer modules: what one output is, and what
 * every thematic module may read (the already-built base layers and the report's facts).
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson'
import type { LayerRules } from '../../../src/domain/geojson-checks'
import type { ManifestEntry } from '../../../src/domain/manifest'
import type { ReportFigure } from '../../../src/domain/types'
import type { TownSeat } from '../towns'
import type { ThematicFacts } from './facts'

export type EntryMeta = Omit<ManifestEntry, 'featureCount' | 'bbox' | 'bytes' | 'sha256' | 'file' | 'kind'>

export interface GeoOutput {
  meta: EntryMeta
  features: Feature[]
  rules: Omit<LayerRules, 'source'>
}

export interface JsonOutput {
  meta: EntryMeta
  data: unknown
}

/** A township of towns.geojson, with the fields the thematic modules use pulled out and typed. */
export interface TownArea {
  code: string
  name: string
  nameEn: string
  /** Approximate area of the Voronoi township, km²: the weight every apportioning here uses. */
  areaKm2: number
  feature: Feature<Polygon | MultiPolygon>
}

export interface VillageRow {
  code: string
  name: string
  townCode: string
}

export interface ThematicContext {
  towns: readonly TownArea[]
  seats: readonly TownSeat[]
  /** The features of rivers.geojson, as built. */
  rivers: readonly Feature<LineString | MultiLineString>[]
  villages: readonly VillageRow[]
  reportText: string
  figures: readonly ReportFigure[]
  facts: ThematicFacts
}

export interface Bilingual {
  zh: string
  en: string
}
