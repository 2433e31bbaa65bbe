/**
 * The user's data, one front door: what a confirmed import adds or replaces, a table used as readings
 * or inspections, a table joined by township name, a project opened, saved or published. Components
 * show and ask; the steps are here (as kepler.gl's addDataToMapUpdater is one updater, not the
 * dialog's business). The pure work lives in src/user-data; this store applies it to the layers,
 * indicators and view stores.
 *
 * The resolved style of every user layer is computed once, in one getter of its own store
 * (user-styles.ts), which the map needs in the first view while these steps load on use.
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { bbox as turfBbox, pointOnFeature } from '@turf/turf'
import type { FeatureCollection } from 'geojson'
import { buildGazetteer } from '../domain/places/place-names'
import type { ImportResult } from '../user-data/import/types'
import type { ImportTable } from '../user-data/import/import-table'
import { prepareReplacement, type ReplacementIssue } from '../user-data/replace-layer'
import { defaultUserLayerStyle, type UserLayerStyle } from '../user-data/styles/user-layer-style'
import { findPlaceColumn, joinTable } from '../user-data/tables/name-join'
import { tableOffer as offerOf, type TableOffer } from '../user-data/tables/table-offer'
import { userIndicatorsFromJoin } from '../user-data/tables/user-indicators'
import type { ProjectContents } from '../user-data/project/read-project'
import type { Bilingual } from '../domain/types'
import { replacementRequirement } from '../layers/spec-helpers'
import { applyProject, captureProjectView, clearUserState, type VisitorChoices } from './apply-project'
import { captureUserState } from './user-state'
import { useDataStore } from './data'
import { useIndicatorsStore } from './indicators'
import { useLayersStore } from './layers'
import { useViewStore } from './view'
import type { ServiceDefinition } from '../domain/services/service-types'
import { addServiceLayer } from './service-layers'

type Bounds = [number, number, number, number]

/** What adding a confirmed import did: where the map should look, or why nothing changed. */
export type AddResult =
  { ok: true; layerId: string; bounds: Bounds | null; jump: boolean } | { ok: false; issues: ReplacementIssue[] }

export interface AddOptions {
  /** 'new' for a layer of its own, or the id of a built-in layer to stand in for. */
  target: string
  /** A large point set: how it is first drawn, and the column that weighs a heatmap. */
  display?: UserLayerStyle['display']
  weightColumn?: string | null
}

/** A project applied: what was refused, in both languages, and whether a basemap still needs its key. */
export interface ProjectOpened {
  refused: { layerId: string; reason: Bilingual }[]
  basemapNeedsKey: boolean
}

export const useDatasetsStore = defineStore('datasets', () => {
  const layers = useLayersStore()
  const indicators = useIndicatorsStore()
  const view = useViewStore()
  const data = useDataStore()

  /** Built-in layers a file may stand in for: those whose spec declares the replaceable capability. */
  const replaceable = computed(() =>
    layers.specs.filter((spec) => spec.provenance !== 'user' && replacementRequirement(spec)),
  )

  /** A confirmed import: a large point set, a new layer, or a built-in layer's data replaced. */
  function addImport(result: ImportResult, fileName: string, options: AddOptions): AddResult {
    if (result.ok && result.points) {
      // A large point set is always a new layer (draw-budget.ts): it has no GeoJSON to replace with.
      const style = {
        ...defaultUserLayerStyle(),
        display: options.display ?? 'points',
        weightColumn: options.weightColumn || null,
      }
      const layerId = layers.addUserPointLayer(result.points, fileName, { style })
      // A jump, not a flight: each frame of a flight would redraw every point (seconds on a CPU renderer).
      return { ok: true, layerId, bounds: (result.bbox as Bounds | undefined) ?? null, jump: true }
    }
    const collection = result.data
    if (!result.ok || !collection) return { ok: false, issues: [] }
    let layerId = options.target
    if (options.target === 'new') {
      layerId = layers.addUserLayer(collection, fileName)
    } else {
      const requirement = replacementRequirement(layers.record(options.target)!.spec)!
      const prepared = prepareReplacement(requirement, collection, layers.data(options.target))
      if (!prepared.collection) return { ok: false, issues: prepared.issues }
      layers.replaceData(options.target, prepared.collection, fileName)
      layers.setVisible(options.target, true)
    }
    const bounds =
      (result.bbox as Bounds | undefined) ?? (collection.features.length ? (turfBbox(collection) as Bounds) : null)
    return { ok: true, layerId, bounds, jump: false }
  }

  /** Township names and village names as the joins and conversions match them. */
  const gazetteer = computed(() =>
    buildGazetteer(
      indicators.areas.map((area) => ({ code: area.code, name: area.name })),
      data.searchVillages,
    ),
  )
  /** A point inside each township's current geometry: rows placed there count in that township. */
  const townPoints = computed(
    () =>
      new Map(
        indicators.areas.map((area) => [
          area.code,
          pointOnFeature({ type: 'Feature', properties: {}, geometry: area.geometry }).geometry.coordinates as [
            number,
            number,
          ],
        ]),
      ),
  )

  /** What a table can stand in for (readings or inspections), converted, or null. */
  function tableOffer(result: ImportResult): TableOffer | null {
    const stations = layers.firstWithCapability('readings')
    return offerOf(result, {
      gazetteer: gazetteer.value,
      townPoints: townPoints.value,
      stations: stations?.builtData ?? stations?.data ?? null,
    })
  }

  /**
   * A converted table in place of the sample layer whose capability matches it, so the heatmaps,
   * panels, choropleth and warnings follow. `note` says, in both languages, what the user's data is.
   */
  function useTableAs(offer: TableOffer, fileName: string, note: { zh: string; en: string }) {
    const collection: FeatureCollection | null = offer.converted.collection
    const layerId = layers.idWithCapability(offer.kind)
    if (!collection || !layerId) return
    layers.replaceData(layerId, collection, fileName, note)
    if (offer.kind === 'readings') {
      const months = offer.converted.report.months
      if (months.length && !months.includes(layers.heatmapState.month)) layers.setHeatmapState({ month: months[0]! })
    }
    layers.setVisible(layerId, true)
  }

  /** A table without coordinates joined to the townships (or villages) by name; null: no place column. */
  function nameJoin(table: ImportTable) {
    const column = findPlaceColumn(table.header)
    return column ? { column, join: joinTable(table, gazetteer.value, column) } : null
  }

  /** The join's numeric columns as indicators with the user's badge; the first shown on the choropleth. */
  function joinByName(join: ReturnType<typeof joinTable>, fileName: string): boolean {
    if (join.columns.length === 0) return false
    const added = userIndicatorsFromJoin(join, fileName)
    indicators.addUserIndicators(added)
    const areaId = layers.areaLayerId
    if (areaId) {
      layers.setVisible(areaId, true)
      layers.setChoropleth(areaId, { indicator: added[0]!.id })
    }
    return true
  }

  function opened(applied: {
    refusedReplacements: { layerId: string; reason: Bilingual }[]
    basemapNeedsKey: boolean
  }): ProjectOpened {
    return {
      refused: applied.refusedReplacements.map((r) => ({ layerId: r.layerId, reason: r.reason })),
      basemapNeedsKey: applied.basemapNeedsKey,
    }
  }

  /** A project file opened from the dialog: it replaces what the user had (the file is the whole map). */
  function openProject(project: ProjectContents, tiandituKey?: string): ProjectOpened {
    clearUserState(layers, indicators)
    return opened(applyProject(project, { layers, indicators, view }, { published: false, tiandituKey }))
  }

  /** The published project, added at start-up; what the visitor chose (link, stored view) wins. */
  function applyPublished(project: ProjectContents, visitor: VisitorChoices, tiandituKey?: string): ProjectOpened {
    return opened(applyProject(project, { layers, indicators, view }, { published: true, visitor, tiandituKey }))
  }

  /** A layer from another server (its definition read by the add-a-service form), at the top of the list. */
  function addService(
    definition: ServiceDefinition,
    file: Blob | null = null,
    collection: FeatureCollection | null = null,
  ): string {
    return addServiceLayer(layers, definition, { file, collection })
  }

  /** Everything the user brought, and the view, as a project file's bytes. */
  async function saveProject(appVersion: string, savedAt = new Date().toISOString()) {
    const { writeProject } = await import('../user-data/project/write-project')
    const snapshot = captureUserState(layers, indicators)
    // PMTiles archives chosen as files go into the project beside their definitions.
    const serviceFiles = new Map<string, Uint8Array>()
    for (const layer of snapshot.layers)
      if (layer.data.kind === 'service' && layer.data.file)
        serviceFiles.set(layer.id, new Uint8Array(await layer.data.file.arrayBuffer()))
    const projectView = captureProjectView(layers, view)
    const bytes = writeProject({ snapshot, view: projectView, appVersion, savedAt, serviceFiles })
    return { bytes, savedAt, layers: snapshot.layers.length, indicators: snapshot.indicators.length }
  }

  /** What the user has brought now: a project opened replaces these. */
  const current = computed(() => ({
    layers: layers.listed.filter((r) => r.user).length,
    replacements: Object.values(layers.records).filter((r) => r.replacement).length,
    indicators: indicators.userIndicators.length,
  }))

  return {
    replaceable,
    current,
    addImport,
    tableOffer,
    useTableAs,
    nameJoin,
    joinByName,
    openProject,
    applyPublished,
    addService,
    saveProject,
  }
})
