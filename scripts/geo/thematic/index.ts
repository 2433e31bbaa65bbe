/**
 * The thematic layers, built from the base layers (towns, seats, rivers, villages) and the report's
 * facts. Each output has its own module; this file only wires them and fixes their order in the
 * manifest.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson'
import { generateWaterSample, SAMPLE_SEEDS } from '../../../src/domain/samples'
import { buildEnforcement } from './enforcement'
import { buildLowCarbon } from './low-carbon'
import { buildMonitoringPoints } from './monitoring-points'
import { placeNationalSections } from './national-sections'
import { buildPlan2023 } from './plan-2023'
import { buildPlan2023Sites } from './plan-2023-sites'
import { buildRiverSections } from './river-sections'
import { buildTownIndicators } from './town-indicators'
import type { GeoOutput, JsonOutput, ThematicContext, TownArea } from './types'
import { buildWaterSections } from './water-sections'
import { buildZeroDischarge } from './zero-discharge'

/** Types the properties of towns.geojson features once, so no module reads them untyped. */
export function townAreasFrom(features: readonly Feature<Polygon | MultiPolygon>[]): TownArea[] {
  return features.map((feature) => {
    const p = feature.properties ?? {}
    const areaKm2 = Number(p.area_km2)
    if (typeof p.code !== 'string' || typeof p.name !== 'string' || !(areaKm2 > 0)) {
      throw new Error(`towns: feature ${String(feature.id)} lacks code, name or a positive area_km2`)
    }
    return { code: p.code, name: p.name, nameEn: String(p.name_en ?? p.code), areaKm2, feature }
  })
}

export function collectThematicOutputs(context: ThematicContext): { geo: GeoOutput[]; json: JsonOutput[] } {
  const sections = placeNationalSections(context.rivers, generateWaterSample({ seed: SAMPLE_SEEDS.water }))
  return {
    geo: [
      buildRiverSections(context.rivers, sections),
      buildWaterSections(sections),
      buildMonitoringPoints(context.towns, sections),
      buildLowCarbon(context),
      buildZeroDischarge(context),
      buildPlan2023Sites(context),
      buildEnforcement(context.towns),
    ],
    json: [buildPlan2023(context), buildTownIndicators(context)],
  }
}
