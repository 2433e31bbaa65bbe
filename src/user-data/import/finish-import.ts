/**
 * The checks every format shares, after parsing: guess the CRS from a sample, convert if the user
 * declared one, refuse features whose positions are not WGS84 degrees, run geojson-validation and
 * checkFeatureCollection as a last net, and warn (never refuse) when data lies outside 金华市.
 * When the CRS guess explains why positions are not degrees, one file-level problem with the
 * suggested CRS replaces thousands of identical per-feature errors.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson'
import {
  detectCrs,
  isDegrees,
  isInBox,
  isProjectedCrs,
  loadProjections,
  needsProjections,
  type CrsDetection,
  type DeclaredCrs,
} from './crs-detect'
import { checkFeatureCollection, JINHUA_BBOX, positionsOf } from '../../domain/geometry/geojson-checks'
import { describeFoundValue } from './import-issues'
import type { CandidateList, FeatureOrigin, ParsedSource } from './candidate'
import { positionConverter } from './convert-crs'
import { CRS_LABELS } from './crs-labels'
import { everyPosition, firstPosition, mapPositions } from './geometry-positions'
import type { ImportContext } from './import-context'
import type { ImportFormat, ImportResult } from './types'

const CRS_SAMPLE_SIZE = 2000

export interface FinishSettings {
  format: ImportFormat
  encoding: 'utf-8' | 'gbk' | null
  declaredCrs: DeclaredCrs
  /** Run geojson-validation + checkFeatureCollection per feature (not needed for CSV points we built). */
  structuralNet: boolean
}

/** Where a candidate came from, for messages: "要素 3" / "feature 3", "第 12 行" / "line 12". */
function placeOf(origin: FeatureOrigin): { zh: string; en: string } {
  if (origin.line !== null) return { zh: `第 ${origin.line} 行`, en: `line ${origin.line}` }
  return { zh: `要素 ${origin.featureIndex ?? 0}`, en: `feature ${origin.featureIndex ?? 0}` }
}

/** "1 feature was" / "3 features were". */
function featuresWord(count: number): string {
  return count === 1 ? '1 feature was' : `${count} features were`
}

function formatPosition(position: Position): string {
  return `[${position
    .slice(0, 2)
    .map((value) => (Number.isFinite(value) ? Number(value.toFixed(6)) : String(value)))
    .join(', ')}]`
}

function sampleFirstPositions(candidates: CandidateList): Position[] {
  const stride = Math.max(1, Math.ceil(candidates.length / CRS_SAMPLE_SIZE))
  const sample: Position[] = []
  for (let i = 0; i < candidates.length; i += stride) {
    const position = firstPosition(candidates.features[i]!.geometry)
    if (position) sample.push(position)
  }
  return sample
}

/** Index (in walk order) of the first position that is not finite WGS84 degrees, or -1. */
function firstNonDegreeIndex(geometry: Geometry): number {
  let index = -1
  let seen = 0
  everyPosition(geometry, (position) => {
    const [lng, lat] = position as [number, number]
    if (Number.isFinite(lng) && Number.isFinite(lat) && isDegrees(lng, lat)) {
      seen++
      return true
    }
    index = seen
    return false
  })
  return index
}

function nthPosition(geometry: Geometry, n: number): { position: Position; path: string } {
  let i = 0
  for (const entry of positionsOf(geometry)) if (i++ === n) return entry
  throw new Error(`position ${n} not found`)
}

/** The effective CRS: a .prj that already reprojected the data wins over a declared projection. */
function effectiveCrs(source: ParsedSource, declared: DeclaredCrs, context: ImportContext): DeclaredCrs {
  if (!source.convertedByPrj || !isProjectedCrs(declared)) return declared
  context.problems.add({
    severity: 'warning',
    found: declared,
    expected: 'auto',
    message: {
      zh: `坐标已按 .prj 换算为 WGS84，忽略所选的“${CRS_LABELS[declared].zh}”`,
      en:
        'the .prj already converted the coordinates to WGS84; ' +
        `the chosen "${CRS_LABELS[declared].en}" was not applied`,
    },
  })
  return 'auto'
}

function reportCrsExplained(detection: CrsDetection, refused: number, context: ImportContext): void {
  const top = detection.suggestions[0]
  const example = detection.example ? formatPosition(detection.example) : ''
  const message = top
    ? {
        zh: `${top.reason.zh}；${refused} 个要素因此未导入。请选择“${CRS_LABELS[top.crs].zh}”后重新导入`,
        en:
          `${top.reason.en}; ${featuresWord(refused)} not imported. ` +
          `Choose "${CRS_LABELS[top.crs].en}" and import again`,
      }
    : {
        zh: `坐标不是经纬度度数（如 ${example}），也不像 Web 墨卡托或 CGCS2000 高斯投影；${refused} 个要素未导入。请先转换为 WGS84（EPSG:4326）`,
        en:
          `coordinates are not degrees (e.g. ${example}) and do not look like Web Mercator or CGCS2000 Gauss-Krüger; ` +
          `${featuresWord(refused)} not imported. Convert them to WGS84 (EPSG:4326) first`,
      }
  context.problems.add({
    severity: 'error',
    field: 'geometry.coordinates',
    found: example,
    expected: 'WGS84 degrees [lng, lat]',
    message,
  })
}

function reportRangeProblem(
  origin: FeatureOrigin,
  original: Geometry,
  converted: Geometry,
  index: number,
  crs: DeclaredCrs,
  context: ImportContext,
): void {
  const { position, path } = nthPosition(converted, index)
  const before = nthPosition(original, index).position
  const finite = Number.isFinite(position[0]) && Number.isFinite(position[1])
  const message = finite
    ? {
        zh: `发现 ${formatPosition(position)}，应为经度 −180…180、纬度 −90…90（WGS84 度）`,
        en: `found ${formatPosition(position)}; expected longitude −180…180 and latitude −90…90 (WGS84 degrees)`,
      }
    : {
        zh: `按“${CRS_LABELS[crs].zh}”换算 ${formatPosition(before)} 得不到有效坐标`,
        en: `converting ${formatPosition(before)} as "${CRS_LABELS[crs].en}" gives no valid position`,
      }
  context.problems.add({
    severity: 'error',
    ...origin,
    field: path,
    found: formatPosition(before),
    expected: 'WGS84 degrees',
    message,
  })
}

/** First error of geojson-validation + checkFeatureCollection for one feature, or null. */
function netProblem(feature: Feature, fileName: string): string | null {
  const issues = checkFeatureCollection({ type: 'FeatureCollection', features: [feature] }, { source: fileName })
  const error = issues.find((issue) => issue.severity === 'error')
  return error ? `${error.field ? `${error.field}: ` : ''}${error.message}` : null
}

interface Extent {
  west: number
  south: number
  east: number
  north: number
}

/** A copy of the feature with converted geometry; its bbox, in the old CRS, is dropped. */
function withGeometry(feature: Feature, geometry: Geometry): Feature {
  const converted: Feature = { ...feature, geometry }
  delete converted.bbox
  return converted
}

/** Grows the extent by the geometry; returns its first position outside 金华市, or null. */
function extendAndFindOutside(geometry: Geometry, extent: Extent): Position | null {
  let outside: Position | null = null
  everyPosition(geometry, (position) => {
    const lng = position[0]!
    const lat = position[1]!
    if (lng < extent.west) extent.west = lng
    if (lng > extent.east) extent.east = lng
    if (lat < extent.south) extent.south = lat
    if (lat > extent.north) extent.north = lat
    if (outside === null && !isInBox(lng, lat, JINHUA_BBOX)) outside = position
    return true
  })
  return outside
}

export async function finishImport(
  source: ParsedSource,
  settings: FinishSettings,
  context: ImportContext,
): Promise<ImportResult> {
  const result = (
    data: FeatureCollection | null,
    featureCount: number,
    rejectedCount: number,
    geometryTypes: string[],
    crsSuggestions: ImportResult['crsSuggestions'],
    bbox: ImportResult['bbox'],
  ): ImportResult => ({
    ok: featureCount > 0,
    data,
    format: settings.format,
    encoding: settings.encoding,
    featureCount,
    rejectedCount,
    geometryTypes,
    problems: context.problems.toArray(),
    crsSuggestions,
    bbox,
  })
  if (source.failed) return result(null, 0, source.rejectedCount, [], [], null)
  if (source.candidates.length === 0) {
    context.problems.add({
      severity: 'error',
      found: '0 features',
      expected: 'at least one valid feature',
      message: { zh: '没有可用的要素', en: 'no usable features' },
    })
    return result(null, 0, source.rejectedCount, [], [], null)
  }

  const sample = sampleFirstPositions(source.candidates)
  const crs = effectiveCrs(source, settings.declaredCrs, context)
  // proj4 comes only for a file that needs it: positions that are not degrees, or a projected CRS declared.
  if (needsProjections(sample) || isProjectedCrs(crs)) await loadProjections()
  const detection = detectCrs(sample)
  const convert = positionConverter(crs)
  const notConverting = convert === null
  const crsExplainsRange =
    notConverting &&
    (detection.verdict === 'swapped' || detection.verdict === 'projected' || detection.verdict === 'unknown')

  const kept: Feature[] = []
  const geometryTypes: string[] = []
  const extent: Extent = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity }
  let rejectedCount = source.rejectedCount
  let explainedRefusals = 0
  const outside: { count: number; first: FeatureOrigin | null; position: Position | null } = {
    count: 0,
    first: null,
    position: null,
  }
  const { candidates } = source
  for (let i = 0; i < candidates.length; i++) {
    if (i % 1000 === 0) await context.checkpoint('converting', i / candidates.length)
    const candidate = candidates.features[i]!
    const original = candidate.geometry
    const geometry = convert ? mapPositions(original, convert) : original
    const badIndex = firstNonDegreeIndex(geometry)
    if (badIndex >= 0) {
      rejectedCount++
      if (crsExplainsRange) explainedRefusals++
      else reportRangeProblem(candidates.originAt(i), original, geometry, badIndex, crs, context)
      continue
    }
    const feature: Feature = convert ? withGeometry(candidate, geometry) : candidate
    if (settings.structuralNet) {
      const problem = netProblem(feature, context.fileName)
      if (problem) {
        rejectedCount++
        context.problems.add({
          severity: 'error',
          ...candidates.originAt(i),
          found: describeFoundValue(geometry.type),
          expected: 'valid GeoJSON',
          message: { zh: `GeoJSON 检查未通过：${problem}`, en: `GeoJSON check failed: ${problem}` },
        })
        continue
      }
    }
    const outsidePosition = extendAndFindOutside(geometry, extent)
    if (outsidePosition) {
      if (outside.count === 0) Object.assign(outside, { first: candidates.originAt(i), position: outsidePosition })
      outside.count++
    }
    if (!geometryTypes.includes(geometry.type)) geometryTypes.push(geometry.type)
    kept.push(feature)
  }
  context.progress('converting', 1)

  if (explainedRefusals > 0) reportCrsExplained(detection, explainedRefusals, context)
  const mostlyOutside = kept.length === 0 || outside.count > kept.length / 2
  const wrongDeclaration =
    !notConverting && mostlyOutside && detection.likelyCrs !== null && detection.likelyCrs !== crs
  if (wrongDeclaration) {
    const likely = detection.likelyCrs!
    context.problems.add({
      severity: 'warning',
      found: crs,
      expected: likely,
      message: {
        zh: `按“${CRS_LABELS[crs].zh}”换算后数据不在金华市；坐标更像“${CRS_LABELS[likely].zh}”`,
        en:
          `converted as "${CRS_LABELS[crs].en}" the data is not in Jinhua; ` +
          `the coordinates look more like "${CRS_LABELS[likely].en}"`,
      },
    })
  }
  if (outside.first && outside.position) {
    const place = placeOf(outside.first)
    context.problems.add({
      severity: 'warning',
      found: formatPosition(outside.position),
      expected: `inside ${JINHUA_BBOX.join(', ')} (金华市)`,
      message: {
        zh:
          `${outside.count} 个要素（共 ${kept.length} 个）位于金华市范围外` +
          `（如${place.zh}：${formatPosition(outside.position)}）；数据已保留，请确认坐标系`,
        en:
          `${outside.count} of ${kept.length} features lie outside Jinhua ` +
          `(e.g. ${place.en} at ${formatPosition(outside.position)}); the data was kept — check the coordinate system`,
      },
    })
  }

  const suggestions = notConverting
    ? detection.suggestions
    : wrongDeclaration
      ? detection.suggestions.filter((suggestion) => suggestion.crs !== crs)
      : []
  if (kept.length === 0) return result(null, 0, rejectedCount, [], suggestions, null)
  const bbox: ImportResult['bbox'] = [extent.west, extent.south, extent.east, extent.north]
  return result(
    { type: 'FeatureCollection', features: kept },
    kept.length,
    rejectedCount,
    geometryTypes,
    suggestions,
    bbox,
  )
}
