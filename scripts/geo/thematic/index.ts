/**
 * The thematic layers' features and the documents, built from the base layers (towns, seats,
 * rivers, villages) and the report's facts. Each output has its own module; this file wires them
 * under the id of the layer spec (src/layers/*.layer.ts) or document (src/io/documents.ts) they fill.
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
import type { ThematicContext, TownArea } from './types'
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

export function collectThematicOutputs(context: ThematicContext): {
  features: Record<string, Feature[]>
  documents: Record<string, unknown>
} {
  const sections = placeNationalSections(context.rivers, generateWaterSample({ seed: SAMPLE_SEEDS.water }))
  return {
    features: {
      'river-sections': buildRiverSections(context.rivers, sections).features,
      'water-sections': buildWaterSections(sections).features,
      'monitoring-points': buildMonitoringPoints(context.towns, sections).features,
      'low-carbon': buildLowCarbon(context).features,
      'zero-discharge': buildZeroDischarge(context).features,
      'plan-2023-sites': buildPlan2023Sites(context).features,
      enforcement: buildEnforcement(context.towns).features,
    },
    documents: {
      'plan-2023': buildPlan2023(context).data,
      'town-indicators': buildTownIndicators(context).data,
    },
  }
}
