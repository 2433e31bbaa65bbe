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
import { checkFeatureCollection, formatGeoIssue, JINHUA_BBOX, type BBox } from '../src/domain/geometry/geojson-checks'
import type { Manifest, ManifestEntry } from '../src/domain/manifest'
import { parseReportFigures } from '../src/domain/report/report'
import { readCsv, readJson, readText, roundGeometry, serialiseFeatureCollection } from './geo/io'
import { buildSeatFeatures, buildTownAreas, type TownSeat } from './geo/towns'
import { parseThematicFacts } from './geo/thematic/facts'
import { collectThematicOutputs, townAreasFrom } from './geo/thematic/index'
import type { VillageRow } from './geo/thematic/types'
import { loadLayerSpecs } from './geo/layer-specs'
import type { LayerSpec } from '../src/layers/types'
import { ATTRIBUTION, DOCUMENT_SPECS, type DocumentSpec } from '../src/io/documents'
import { buildVillagesDocument } from './geo/thematic/villages-search'

export const JINDONG_ADCODE = '330703'

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

/** Features of every built layer and data of every document, by id. */
export function collectOutputs(seedsDir: string): {
  features: Record<string, Feature[]>
  documents: Record<string, unknown>
} {
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
  return {
    features: {
      district: [district],
      counties: neighbours,
      'county-labels': buildCountyLabels(neighbours, district),
      towns: townFeatures,
      seats: buildSeatFeatures(seats),
      rivers,
      ...thematic.features,
    },
    documents: {
      report: { figures },
      villages: buildVillagesDocument(villages, towns),
      ...thematic.documents,
    },
  }
}

/** A spec's features: from its builder, or from the seed file it names. */
function featuresOf(spec: LayerSpec, built: Record<string, Feature[]>, seedsDir: string): Feature[] {
  const origin = spec.data.origin
  if ('seed' in origin) return readJson<FeatureCollection>(resolve(seedsDir, origin.seed)).features
  const features = built[spec.id]
  if (!features) throw new Error(`layer ${spec.id}: its spec says { builder: true } but no builder makes it`)
  return features
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const roundBbox = (b: number[]): BBox => b.map((v) => Math.round(v * 1e6) / 1e6) as BBox

export function buildGeo(
  seedsDir: string,
  outDir: string,
  specs: readonly LayerSpec[],
  documents: readonly DocumentSpec[] = DOCUMENT_SPECS,
): Manifest {
  const outputs = collectOutputs(seedsDir)
  const unclaimed = Object.keys(outputs.features).filter((id) => !specs.some((spec) => spec.id === id))
  if (unclaimed.length) throw new Error(`built layers without a spec in src/layers: ${unclaimed.join(', ')}`)
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const entries: ManifestEntry[] = []

  for (const spec of specs) {
    const file = `${spec.id}.geojson`
    const features = featuresOf(spec, outputs.features, seedsDir)
    const text = serialiseFeatureCollection(features)
    const rules = {
      source: file,
      bbox: JINHUA_BBOX,
      geometryTypes: spec.data.geometryTypes,
      idProperty: spec.data.key,
      requiredProperties: spec.data.requiredProperties,
      requireRightHandWinding: spec.data.requireRightHandWinding,
    }
    const issues = checkFeatureCollection(JSON.parse(text), rules).filter((i) => i.severity === 'error')
    if (issues.length) throw new Error(`public/geo/${file} fails validation:\n${issues.map(formatGeoIssue).join('\n')}`)
    writeFileSync(join(outDir, file), text)
    const collection = { type: 'FeatureCollection', features } as FeatureCollection
    entries.push({
      id: spec.id,
      file,
      kind: 'geojson',
      title: spec.title,
      provenance: spec.provenance,
      caveat: spec.caveat,
      method: spec.method ?? null,
      source: spec.source,
      licence: spec.licence,
      featureCount: features.length,
      bbox: roundBbox(turfBbox(collection)),
      bytes: Buffer.byteLength(text),
      sha256: sha256(text),
    })
  }
  for (const document of documents) {
    const file = `${document.id}.json`
    if (!(document.id in outputs.documents)) throw new Error(`document ${document.id}: no builder makes it`)
    const text = `${JSON.stringify(outputs.documents[document.id])}\n`
    writeFileSync(join(outDir, file), text)
    entries.push({
      ...document,
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
    attribution: ATTRIBUTION,
    entries,
  }
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
  const outDir = resolve(process.argv[2] ?? join(root, 'public/geo'))
  const manifest = buildGeo(join(root, 'seeds'), outDir, await loadLayerSpecs())
  for (const e of manifest.entries) {
    console.log(
      `${e.file.padEnd(20)} ${String(e.featureCount ?? '-').padStart(4)} features ` +
        `${String(e.bytes).padStart(8)} bytes  ${e.provenance}`,
    )
  }
}
