/**
 * Shapes shared by the build script and the thematic-layer modules: what one output is, and what
 * every thematic module may read (the already-built base layers and the report's facts).
 */
import type { Feature, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson'
import type { ReportFigure } from '../../../src/domain/types'
import type { TownSeat } from '../towns'
import type { ThematicFacts } from './facts'

/** What a layer builder makes: the features; the words and checks come from the layer's spec. */
export interface GeoOutput {
  features: Feature[]
}

/** What a document builder makes: the JSON data; the words come from src/io/documents.ts. */
export interface JsonOutput {
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
