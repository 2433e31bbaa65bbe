/**
 * What each parser hands to the common checks: the features that passed the structural check,
 * each remembering where it came from (feature index or line) so later problems can point at it.
 * Stored as parallel arrays rather than one wrapper object per feature: a 200 MB CSV holds
 * millions of rows, and millions of small objects cost the worker memory it may not have.
 */
import type { Feature } from 'geojson'
import type { DeclaredCrs } from './crs-detect'
import type { ImportTable } from './import-table'

/** Where a feature came from in the file. */
export interface FeatureOrigin {
  /** Index in the file's feature list (GeoJSON, shapefile records); null for CSV rows. */
  featureIndex: number | null
  /** 1-based line (CSV, TSV); null otherwise. */
  line: number | null
}

const NONE = -1

export class CandidateList {
  readonly features: Feature[] = []
  private readonly featureIndexes: number[] = []
  private readonly lines: number[] = []

  get length(): number {
    return this.features.length
  }

  push(feature: Feature, origin: FeatureOrigin): void {
    this.features.push(feature)
    this.featureIndexes.push(origin.featureIndex ?? NONE)
    this.lines.push(origin.line ?? NONE)
  }

  originAt(i: number): FeatureOrigin {
    const featureIndex = this.featureIndexes[i] ?? NONE
    const line = this.lines[i] ?? NONE
    return { featureIndex: featureIndex === NONE ? null : featureIndex, line: line === NONE ? null : line }
  }
}

export interface ParsedSource {
  candidates: CandidateList
  /** Items the parser already refused (each with a problem). */
  rejectedCount: number
  /** The parser had to give up on the whole file (a problem says why). */
  failed: boolean
  /** A .prj already converted the coordinates to WGS84 (shapefiles only). */
  convertedByPrj?: boolean
  /** A table without coordinates, kept for a join by place name. */
  table?: ImportTable
  /** JSON text read as an object: whether its root is a TopoJSON Topology (absent when the text was not read). */
  topology?: boolean
  /** The CRS the file names itself (GeoJSON's old `crs` member), applied when the user chose 'auto'. */
  namedCrs?: DeclaredCrs
  /** Spreadsheets: every sheet's name, and the one read. */
  sheets?: { names: string[]; chosen: string }
}

export function failedSource(rejectedCount = 0): ParsedSource {
  return { candidates: new CandidateList(), rejectedCount, failed: true }
}
