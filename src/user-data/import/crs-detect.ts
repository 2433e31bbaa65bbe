/**
 * Guessing the coordinate system of user data from its coordinates. Chinese data arrives in
 * WGS84 degrees, in Web Mercator metres (exports from web maps), in CGCS2000 Gauss-Krüger metres
 * (survey and planning offices), or with latitude and longitude swapped. Each guess is tested by
 * converting the sample under that hypothesis and seeing whether it lands in 金华市; the guess
 * that puts most positions there wins. GCJ-02 and BD-09 cannot be told from WGS84 by the numbers
 * alone (they differ by a few hundred metres), so they are never guessed, only declared.
 * Pure TypeScript (proj4 is pure computation). proj4 (~130 kB) is its own chunk, loaded by
 * `loadProjections` only when a sample holds positions that are not degrees or a projected CRS is
 * declared: most files are WGS84 degrees and never need it.
 */
import type proj4 from 'proj4'
import { JINHUA_BBOX, type BBox } from '../../domain/geometry/geojson-checks'

/** A CRS the user can declare for a file; 'auto' lets the importer detect (and not convert). */
export type DeclaredCrs =
  'auto' | 'EPSG:4326' | 'GCJ-02' | 'BD-09' | 'EPSG:3857' | 'CGCS2000-GK-3deg-120' | 'CGCS2000-GK-6deg-20' | 'swap-axes'

export interface CrsSuggestion {
  crs: DeclaredCrs
  reason: { zh: string; en: string }
}

/** Projected CRSs we convert with proj4. CGCS2000 (EPSG:4490) is taken as WGS84: they differ by centimetres. */
export const PROJECTED_CRS_DEFINITIONS = {
  'EPSG:3857':
    '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  // EPSG:4549, CGCS2000 / 3-degree Gauss-Krüger CM 120E, no zone number in the easting.
  'CGCS2000-GK-3deg-120': '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
  // EPSG:4498, CGCS2000 / 6-degree Gauss-Krüger zone 20 (CM 117E), zone number 20 prefixed to the easting.
  'CGCS2000-GK-6deg-20': '+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=20500000 +y_0=0 +ellps=GRS80 +units=m +no_defs',
} as const

export type ProjectedCrs = keyof typeof PROJECTED_CRS_DEFINITIONS

const PROJECTED_CRS_LIST = Object.keys(PROJECTED_CRS_DEFINITIONS) as ProjectedCrs[]

/** Mainland China with a margin: a wrong hypothesis lands in an ocean or another continent. */
export const CHINA_BBOX: BBox = [73, 17, 136, 54]

let projectedToWgs84: Map<ProjectedCrs, proj4.Converter> | null = null
let loading: Promise<void> | null = null

/**
 * Loads proj4 and makes the projected CRSs' converters, once. Call it before `classifyPosition` or
 * `detectCrs` on a sample where `needsProjections` is true, and before converting from a projected CRS.
 */
export function loadProjections(): Promise<void> {
  loading ??= import('proj4').then(
    ({ default: proj4 }) => {
      projectedToWgs84 = new Map(PROJECTED_CRS_LIST.map((crs) => [crs, proj4(PROJECTED_CRS_DEFINITIONS[crs], 'WGS84')]))
    },
    (error: unknown) => {
      loading = null // a failed chunk load may be tried again
      throw error
    },
  )
  return loading
}

export function isProjectedCrs(crs: DeclaredCrs): crs is ProjectedCrs {
  return crs in PROJECTED_CRS_DEFINITIONS
}

/** Converts one projected position to WGS84 [lng, lat]; null when the projection has no answer. */
export function projectedToLngLat(crs: ProjectedCrs, x: number, y: number): [number, number] | null {
  if (!projectedToWgs84) throw new Error('projectedToLngLat: proj4 is not loaded (await loadProjections() first)')
  const converter = projectedToWgs84.get(crs)!
  const result = converter.forward([x, y])
  const lng = result[0]
  const lat = result[1]
  if (lng === undefined || lat === undefined || !Number.isFinite(lng) || !Number.isFinite(lat)) return null
  return [lng, lat]
}

export function isInBox(lng: number, lat: number, box: BBox): boolean {
  return lng >= box[0] && lng <= box[2] && lat >= box[1] && lat <= box[3]
}

export function isDegrees(lng: number, lat: number): boolean {
  return Math.abs(lng) <= 180 && Math.abs(lat) <= 90
}

/** What one position most likely is. */
export type PositionClass = 'wgs84-jinhua' | 'wgs84-china' | 'wgs84-elsewhere' | 'swapped' | ProjectedCrs | 'unknown'

export type CrsVerdict =
  /** Degrees, mostly inside 金华市: nothing to say. */
  | 'wgs84-jinhua'
  /** Valid degrees but mostly outside 金华市: a warning, the data is kept. */
  | 'wgs84-elsewhere'
  | 'swapped'
  | 'projected'
  /** Neither degrees nor a projection we know. */
  | 'unknown'
  | 'empty'

export interface CrsDetection {
  verdict: CrsVerdict
  /** The CRS to declare to fix the data, when the verdict is 'swapped' or 'projected'. */
  likelyCrs: DeclaredCrs | null
  /** Share of the sample in the winning class, 0…1. */
  share: number
  /** How many sample positions fell in each class. */
  counts: Partial<Record<PositionClass, number>>
  /** A position from the winning class, as found (for messages). */
  example: [number, number] | null
  /** Ordered best first; empty when nothing should change. */
  suggestions: CrsSuggestion[]
}

/** Whether classifying this position tries the projections: it is finite but neither degrees nor swapped degrees. */
function triesProjections(x: number, y: number): boolean {
  if (!Number.isFinite(x) || !Number.isFinite(y) || isDegrees(x, y)) return false
  // China's longitudes exceed 90, so swapped Chinese data is never valid degrees as it stands.
  return !(isDegrees(y, x) && isInBox(y, x, CHINA_BBOX))
}

/** Whether `classifyPosition` (and so `detectCrs`) needs proj4 for this sample: load it first when true. */
export function needsProjections(sample: readonly (readonly number[])[]): boolean {
  return sample.some((position) => triesProjections(Number(position[0]), Number(position[1])))
}

/** Classifies one position, trying the cheap tests first and the projections last. */
export function classifyPosition(x: number, y: number): PositionClass {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 'unknown'
  if (isDegrees(x, y)) {
    if (isInBox(x, y, JINHUA_BBOX)) return 'wgs84-jinhua'
    return isInBox(x, y, CHINA_BBOX) ? 'wgs84-china' : 'wgs84-elsewhere'
  }
  if (!triesProjections(x, y)) return 'swapped'
  let inChina: ProjectedCrs | null = null
  for (const crs of PROJECTED_CRS_LIST) {
    const lngLat = projectedToLngLat(crs, x, y)
    if (!lngLat) continue
    if (isInBox(lngLat[0], lngLat[1], JINHUA_BBOX)) return crs
    if (!inChina && isInBox(lngLat[0], lngLat[1], CHINA_BBOX)) inChina = crs
  }
  return inChina ?? 'unknown'
}

const CRS_NAMES: Record<ProjectedCrs, { zh: string; en: string }> = {
  'EPSG:3857': { zh: 'Web 墨卡托（EPSG:3857）米制坐标', en: 'Web Mercator (EPSG:3857) metres' },
  'CGCS2000-GK-3deg-120': {
    zh: 'CGCS2000 高斯-克吕格 3 度带（中央经线 120°E，东坐标不带带号，EPSG:4549）米制坐标',
    en: 'CGCS2000 Gauss-Krüger 3-degree metres (central meridian 120°E, no zone number in x; EPSG:4549)',
  },
  'CGCS2000-GK-6deg-20': {
    zh: 'CGCS2000 高斯-克吕格 6 度带第 20 带（东坐标带带号 20，EPSG:4498）米制坐标',
    en: 'CGCS2000 Gauss-Krüger 6-degree zone 20 metres (zone number 20 in front of x; EPSG:4498)',
  },
}

function formatPosition(position: readonly [number, number]): string {
  const digits = Math.abs(position[0]) > 1000 ? 0 : 4
  return `[${position[0].toFixed(digits)}, ${position[1].toFixed(digits)}]`
}

function suggestionFor(
  positionClass: PositionClass,
  example: [number, number],
  landsInJinhua: boolean,
): CrsSuggestion | null {
  const shown = formatPosition(example)
  if (positionClass === 'swapped') {
    return {
      crs: 'swap-axes',
      reason: {
        zh: `坐标像是纬度在前、经度在后（如 ${shown}）；交换后落在${landsInJinhua ? '金华市内' : '中国境内'}`,
        en:
          `coordinates look like latitude first, longitude second (e.g. ${shown}); ` +
          `swapped they land in ${landsInJinhua ? 'Jinhua' : 'China'}`,
      },
    }
  }
  if (positionClass in CRS_NAMES) {
    const crs = positionClass as ProjectedCrs
    return {
      crs,
      reason: {
        zh: `坐标是米而不是度（如 ${shown}），像 ${CRS_NAMES[crs].zh}；按此换算后落在${landsInJinhua ? '金华市内' : '中国境内'}`,
        en:
          `coordinates are metres, not degrees (e.g. ${shown}), like ${CRS_NAMES[crs].en}; ` +
          `converted that way they land in ${landsInJinhua ? 'Jinhua' : 'China'}`,
      },
    }
  }
  return null
}

/** Whether a correction hypothesis lands in Jinhua (rather than only somewhere in China). */
function correctionLandsInJinhua(positionClass: PositionClass, example: [number, number]): boolean {
  if (positionClass === 'swapped') return isInBox(example[1], example[0], JINHUA_BBOX)
  if (positionClass in CRS_NAMES) {
    const lngLat = projectedToLngLat(positionClass as ProjectedCrs, example[0], example[1])
    return lngLat !== null && isInBox(lngLat[0], lngLat[1], JINHUA_BBOX)
  }
  return false
}

const CORRECTABLE: readonly PositionClass[] = ['swapped', ...PROJECTED_CRS_LIST]

/**
 * Decides what a sample of positions ([x, y] as found in the file) most likely is.
 * A class needs the largest share to win; other correctable classes holding at least a tenth
 * of the sample are suggested after it, so a file mixing two systems gets both offers.
 */
export function detectCrs(sample: readonly (readonly number[])[]): CrsDetection {
  const counts: Partial<Record<PositionClass, number>> = {}
  const examples = new Map<PositionClass, [number, number]>()
  for (const position of sample) {
    const x = Number(position[0])
    const y = Number(position[1])
    const positionClass = classifyPosition(x, y)
    counts[positionClass] = (counts[positionClass] ?? 0) + 1
    if (!examples.has(positionClass)) examples.set(positionClass, [x, y])
  }
  if (sample.length === 0)
    return { verdict: 'empty', likelyCrs: null, share: 0, counts, example: null, suggestions: [] }

  const ranked = (Object.entries(counts) as [PositionClass, number][]).sort((a, b) => b[1] - a[1])
  const [winner, winnerCount] = ranked[0]!
  const suggestions: CrsSuggestion[] = []
  for (const [positionClass, count] of ranked) {
    if (!CORRECTABLE.includes(positionClass)) continue
    if (positionClass !== winner && count < sample.length / 10) continue
    const example = examples.get(positionClass)!
    const suggestion = suggestionFor(positionClass, example, correctionLandsInJinhua(positionClass, example))
    if (suggestion) suggestions.push(suggestion)
  }

  const verdict: CrsVerdict =
    winner === 'wgs84-jinhua'
      ? 'wgs84-jinhua'
      : winner === 'wgs84-china' || winner === 'wgs84-elsewhere'
        ? 'wgs84-elsewhere'
        : winner === 'swapped'
          ? 'swapped'
          : winner === 'unknown'
            ? 'unknown'
            : 'projected'
  const likelyCrs: DeclaredCrs | null =
    winner === 'swapped' ? 'swap-axes' : verdict === 'projected' ? (winner as ProjectedCrs) : null
  return {
    verdict,
    likelyCrs,
    share: winnerCount / sample.length,
    counts,
    example: examples.get(winner) ?? null,
    suggestions,
  }
}
