/**
 * The import engine's public types. The engine is pure: it turns bytes into an ImportResult and
 * never touches app state, so a bad file can never cost the user what is already loaded.
 */
import type { FeatureCollection } from 'geojson'
import type { CrsSuggestion, DeclaredCrs } from './crs-detect'
import type { ImportProblem } from './import-issues'
import type { JoinTable } from '../tables/name-join'
import type { PointTable } from '../tables/point-table'
import type { ProjectContents } from '../project/read-project'

export type { CrsSuggestion, DeclaredCrs } from './crs-detect'
export type { ImportProblem } from './import-issues'

/** A table the import hands back as rows (no coordinates): a JoinTable (import-table.ts builds it). */
export type ImportTable = JoinTable

export interface ImportOptions {
  fileName: string
  declaredCrs: DeclaredCrs
  /** Spreadsheets: the sheet to read (default: the first). */
  sheet?: string
  /** bytes; default 200 MB (DEFAULT_MAX_IMPORT_BYTES) */
  maxBytes?: number
}

export type ImportFormat =
  'geojson' | 'csv' | 'tsv' | 'shapefile-zip' | 'xlsx' | 'kml' | 'kmz' | 'gpx' | 'topojson' | 'project'

export interface ImportResult {
  /** false only when nothing usable came out */
  ok: boolean
  /** WGS84, valid features only; property values kept as given (never sanitised: the UI renders text only) */
  data: FeatureCollection | null
  /**
   * Set instead of `data` for a large point set (see draw-budget.ts): columns in typed arrays,
   * transferred from the worker, drawn by deck.gl. Absent or null otherwise.
   */
  points?: PointTable | null
  format: ImportFormat
  encoding: 'utf-8' | 'gbk' | null
  featureCount: number
  rejectedCount: number
  /** mixed types are allowed and listed, in order of first appearance */
  geometryTypes: string[]
  /** capped at MAX_LISTED_PROBLEMS, plus one summary problem "and N more" */
  problems: ImportProblem[]
  /** offers for re-running with a declared CRS, best first */
  crsSuggestions: CrsSuggestion[]
  /** [west, south, east, north] of the kept features */
  bbox: [number, number, number, number] | null
  /** A table without coordinates that names places: offered for a join (src/user-data/tables/name-join.ts). */
  table?: ImportTable
  /** Spreadsheets: every sheet's name, and the one read. */
  sheets?: { names: string[]; chosen: string }
  /** A project file (a zip with project.json): everything it holds, opened by the user's confirmation. */
  project?: ProjectContents
}

export type ImportPhase = 'reading' | 'parsing' | 'validating' | 'converting'
export type ImportProgress = { phase: ImportPhase; fraction: number }

/** 200 MB, counted in MiB as file managers on Windows show it. */
export const DEFAULT_MAX_IMPORT_BYTES = 200 * 1024 * 1024

export const MAX_LISTED_PROBLEMS = 200
