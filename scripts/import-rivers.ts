/**
 * Names the river lines of the GSHHG / WDB-II extract where their course is unambiguous, and
 * writes seeds/geo/rivers-named-wgs84.geojson.
 *
 *   npx tsx scripts/import-rivers.ts seeds/geo/rivers-gshhg-wdbii-jinhua-wgs84.geojson
 *
 * WDB-II (about 1:3,000,000) carries no names, and GMT cuts its lines at every whole degree, so one
 * river arrives as several lines, with 2-point zero-length stubs at the seams. Names were decided
 * once by inspecting the coordinates (bounding boxes, end points, which lines share an end point,
 * which county each vertex falls in, distance to the county towns) and are written down below as
 * an explicit table; each named line's end points are checked so that a different input file
 * cannot silently receive these names. Also reports which lines touch 金东区, using the outline
 * written by scripts/import-counties.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import * as turf from '@turf/turf'
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson'
import { serialiseFeatureCollection } from './geo/io.ts'

const OUTPUT_FILE = 'seeds/geo/rivers-named-wgs84.geojson'
const COUNTIES_FILE = 'seeds/geo/jinhua-counties-wgs84.geojson'
const JINDONG_ADCODE = '330703'
const EXPECTED_LINE_COUNT = 22
const UNNAMED = 'unnamed in source; course not identified'
/**
 * End points are compared at 1e-4° (~10 m): the input is fixed at 6 decimals, so this only guards against a
 * different file.
 */
const END_POINT_TOLERANCE_DEGREES = 1e-4

interface RiverProperties {
  id: string
  name: string | null
  name_en: string | null
  naming: string
}

interface RiverName {
  name: string
  nameEn: string
  /** Why this name: what in the geometry shows it. */
  naming: string
  /** First and last positions the line must have, so the name only lands on the line it was decided for. */
  start: [number, number]
  end: [number, number]
}

/**
 * Ids are "river-NN", NN = 1-based position of the line in the source file. Lines not listed here
 * are other rivers or tributaries whose course this brief did not ask to settle (e.g. river-14
 * and river-22, upstream branches through 永康; river-01 and river-02, the larger rivers far north
 * and west of 金东区 that river-04 drains into; the seam stubs between them), and stay unnamed.
 */
const RIVER_NAMES: Readonly<Record<string, RiverName>> = {
  // Enters 金东区 from 义乌 (佛堂) at 120.00E 29.21N, crosses the district east–west north of 澧浦
  // (29.10–29.18N), leaves it into 婺城区 at ~119.65E, where river-05 ends on it (the confluence,
  // WDB-II's 燕尾洲 at 119.637E 29.095N), then runs on west and north to 兰溪, ending 93 m from
  // river-02 (衢江/兰江). So one line holds both rivers; inside 金东区 it is all 义乌江.
  'river-04': {
    name: '义乌江',
    nameEn: 'Yiwu River',
    naming:
      'by course: crosses 金东区 east–west north of 澧浦 from 义乌 (upstream 东阳江, river-09). Spans the confluence: ' +
      'vertices 0–69 (east of 119.637E) are 义乌江; vertices 70–112, west of the confluence with 武义江 (river-05) at 燕尾洲, ' +
      'are 金华江 (婺江) flowing west to 兰溪',
    start: [120.0, 29.205463],
    end: [119.445, 29.1989],
  },
  // From the 29°N seam at 119.736E (joined there to river-15 and stub river-06) it runs north-west
  // along the 金东区/婺城区 edge and ends 45 m from river-04 at 119.637E 29.095N: the 武义江's lower
  // course into 燕尾洲.
  'river-05': {
    name: '武义江',
    nameEn: 'Wuyi River',
    naming:
      'by course: from the south along the south-west edge of 金东区 to the confluence with 义乌江 (river-04) at 燕尾洲',
    start: [119.735576, 29.0],
    end: [119.6367, 29.0953],
  },
  // Zero-length stub left by GMT's 1° tiling at the point where river-05 and river-15 meet.
  'river-06': {
    name: '武义江',
    nameEn: 'Wuyi River',
    naming: 'zero-length tile-seam stub at 119.736E 29.0N, on the 武义江 where river-05 and river-15 meet',
    start: [119.735576, 29.0],
    end: [119.735576, 29.0],
  },
  // Zero-length stub at 120°E where river-09 (东阳江) hands over to river-04, inside 义乌市.
  'river-08': {
    name: '义乌江',
    nameEn: 'Yiwu River',
    naming: 'zero-length tile-seam stub at 120.0E 29.205N (义乌市), on the 义乌江 where river-09 meets river-04',
    start: [120.0, 29.205463],
    end: [120.0, 29.205463],
  },
  // Rises in 磐安县 (120.56E 29.02N), passes within 0.2 km of both 东阳 and 义乌 city centres and ends
  // exactly on river-04's first point: the upper course of the same river, the 东阳江.
  'river-09': {
    name: '东阳江',
    nameEn: 'Dongyang River',
    naming:
      'by course: from 磐安 through 东阳 and 义乌 cities to river-04 at the 120°E seam; upper course of the 义乌江 ' +
      '(the stretch in 义乌市, west of ~120.19E, is locally 义乌江)',
    start: [120.5639, 29.0172],
    end: [120.0, 29.205463],
  },
  // Runs west from 永康市 along 28.87–28.88N to within 1.6 km of 武义 town (119.83E 28.88N), then
  // north-west to the 29°N seam, where river-05 continues it. The stretch below 武义 town is the
  // 武义江 and touches 金东区's southern tip; the part east of 武义 town heads for 永康 and is most
  // likely the 永康江 tributary, which this single line cannot tell apart from the main stem.
  'river-15': {
    name: '武义江',
    nameEn: 'Wuyi River',
    naming:
      'by course: upstream continuation of river-05 across the 29°N seam, past 武义 town. Its eastern part ' +
      '(east of ~119.83E, towards 永康市) is probably the 永康江 tributary, not the 武义江 main stem',
    start: [120.0, 28.8896],
    end: [119.735576, 29.0],
  },
}

function fail(message: string): never {
  console.error(`import-rivers: ${message}`)
  process.exit(1)
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
}

function samePoint(a: Position, b: readonly [number, number]): boolean {
  return Math.abs(a[0]! - b[0]) <= END_POINT_TOLERANCE_DEGREES && Math.abs(a[1]! - b[1]) <= END_POINT_TOLERANCE_DEGREES
}

const roundCoordinate = (value: number): number => Math.round(value * 1e6) / 1e6

/** Kilometres of the line whose segments have their midpoint inside the outline (good to a segment, ~0.7 km). */
function lengthInsideKm(line: Feature<LineString>, outline: Feature<Polygon | MultiPolygon>): number {
  const positions = line.geometry.coordinates
  let km = 0
  for (let i = 0; i + 1 < positions.length; i++) {
    const a = positions[i]!
    const b = positions[i + 1]!
    const midpoint: Position = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]
    if (turf.booleanPointInPolygon(midpoint, outline)) km += turf.distance(a, b, { units: 'kilometers' })
  }
  return km
}

function main(): void {
  const inputPath = process.argv[2]
  if (!inputPath) fail('usage: npx tsx scripts/import-rivers.ts <rivers-gshhg-wdbii-jinhua-wgs84.geojson>')
  const source = JSON.parse(readFileSync(inputPath, 'utf8')) as FeatureCollection
  if (source.type !== 'FeatureCollection' || !Array.isArray(source.features))
    fail(`${inputPath}: expected a FeatureCollection`)
  if (source.features.length !== EXPECTED_LINE_COUNT)
    fail(`${inputPath}: found ${source.features.length} lines; expected ${EXPECTED_LINE_COUNT}`)

  const counties = JSON.parse(readFileSync(COUNTIES_FILE, 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon,
    { adcode: string }
  >
  const jindong = counties.features.find((county) => county.properties.adcode === JINDONG_ADCODE)
  if (!jindong) fail(`${COUNTIES_FILE}: no feature with adcode ${JINDONG_ADCODE}; run scripts/import-counties.ts first`)

  const rivers: Feature<LineString, RiverProperties>[] = source.features.map((feature, index) => {
    const id = `river-${String(index + 1).padStart(2, '0')}`
    const geometry = feature.geometry
    if (geometry?.type !== 'LineString' || !geometry.coordinates.every(isPosition))
      fail(`${id}: expected a LineString of [lng, lat] positions`)
    // Zero-length stubs keep both of their (equal) positions: a LineString needs two.
    const coordinates = geometry.coordinates.map((p): Position => [roundCoordinate(p[0]!), roundCoordinate(p[1]!)])
    const known = RIVER_NAMES[id]
    if (known) {
      const first = coordinates[0]!
      const last = coordinates[coordinates.length - 1]!
      if (!samePoint(first, known.start) || !samePoint(last, known.end)) {
        fail(
          `${id}: end points [${first.join(', ')}] → [${last.join(', ')}] ` +
            `are not those the name ${known.name} was decided for; re-inspect the input`,
        )
      }
    }
    return {
      type: 'Feature',
      properties: { id, name: known?.name ?? null, name_en: known?.nameEn ?? null, naming: known?.naming ?? UNNAMED },
      geometry: { type: 'LineString', coordinates },
    }
  })

  splitJinhuaRiver(rivers)

  for (const id of Object.keys(RIVER_NAMES)) {
    if (!rivers.some((river) => river.properties.id === id))
      fail(`naming table names ${id}, which the input does not have`)
  }

  console.log('lines touching 金东区 (outline from import-counties):')
  for (const river of rivers) {
    if (!turf.booleanIntersects(river, jindong)) continue
    const { id, name } = river.properties
    console.log(
      `  ${id} ${name ?? '(unnamed)'}: ${lengthInsideKm(river, jindong).toFixed(1)} km inside ` +
        `of ${turf.length(river).toFixed(1)} km`,
    )
  }

  const text = serialiseFeatureCollection(rivers)
  writeFileSync(OUTPUT_FILE, text)
  const named = rivers.filter((river) => river.properties.name !== null).length
  console.log(`wrote ${OUTPUT_FILE}: ${rivers.length} lines (${named} named), ${Buffer.byteLength(text)} bytes`)
}

/**
 * river-04 runs on past the confluence: below it the water is the 金华江 (婺江), not the 义乌江.
 * Split it at the confluence, the end of river-05 (武义江), which lies between its vertices 69 and
 * 70; both pieces share that point so the lines still meet. The 金华江 piece gets its own id.
 */
function splitJinhuaRiver(rivers: Feature<LineString, RiverProperties>[]) {
  const yiwu = rivers.find((r) => r.properties.id === 'river-04')
  const wuyi = rivers.find((r) => r.properties.id === 'river-05')
  if (!yiwu || !wuyi) fail('river-04 or river-05 missing: cannot split at the confluence')
  const confluence = wuyi.geometry.coordinates[wuyi.geometry.coordinates.length - 1]!
  const coordinates = yiwu.geometry.coordinates
  // The first vertex west of the confluence starts the 金华江.
  const splitIndex = coordinates.findIndex((p) => p[0]! < confluence[0]!)
  if (splitIndex !== 70) fail(`river-04: expected the confluence between vertices 69 and 70, found ${splitIndex}`)
  yiwu.geometry = { type: 'LineString', coordinates: [...coordinates.slice(0, splitIndex), confluence] }
  yiwu.properties.naming =
    'by course: crosses 金东区 east–west north of 澧浦 from 义乌 (upstream 东阳江, river-09), ' +
    'to the confluence with 武义江 (river-05) at 燕尾洲; ' +
    'the source line continued west as the 金华江, split off as river-04-jinhuajiang'
  const jinhua: Feature<LineString, RiverProperties> = {
    type: 'Feature',
    properties: {
      id: 'river-04-jinhuajiang',
      name: '金华江',
      name_en: 'Jinhua River',
      naming:
        'by course: river-04 west of the confluence of 义乌江 and 武义江 at 燕尾洲, flowing west to 兰溪 (金华江/婺江)',
    },
    geometry: { type: 'LineString', coordinates: [confluence, ...coordinates.slice(splitIndex)] },
  }
  rivers.splice(rivers.indexOf(yiwu) + 1, 0, jinhua)
}

main()
