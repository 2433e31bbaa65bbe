/**
 * One record per layer, built-in or the user's: its spec, its data, what the build said about it,
 * the user's replacement, and how it is shown (visibility, opacity, style), with the list order
 * beside the records (as kepler.gl keeps `layers` and `layerOrder`). Metadata is resolved here, once,
 * by resolveLayerMeta; every component reads `meta(id)`.
 * Specs and data are markRaw: deep reactivity over thousands of coordinates costs seconds.
 */
import { defineStore } from 'pinia'
import { computed, markRaw, ref } from 'vue'
import type { FeatureCollection } from 'geojson'
import type { ManifestEntry } from '../domain/manifest'
import type { ClassificationMethod } from '../domain/classification/classify'
import type { SurfaceColouring } from '../domain/surface/ramp'
import type { IndicatorId } from '../domain/indicators/township-indicators'
import { featureKey } from '../domain/geometry/feature-key'
import { pointProperties as tablePointProperties, type PointTable } from '../user-data/tables/point-table'
import { DERIVED_LAYER_SPECS, LAYER_SPECS } from '../layers/registry'
import { resolveLayerMeta, type LayerReplacement } from '../layers/resolve-meta'
import type { Capability, LayerMeta, LayerSpec } from '../layers/types'
import { userLayerSpec } from '../layers/user-layer'
import type { ServiceDefinition } from '../domain/services/service-types'
import { sortSpecs } from '../layers/spec-helpers'
import { defaultUserLayerStyle, type UserLayerStyle } from '../user-data/styles/user-layer-style'

/** How a layer with the choropleth capability is coloured: by which indicator, in which classes. */
export interface ChoroplethStyle {
  indicator: IndicatorId
  /**
   * Whether the indicator colours the areas; off, they are drawn as outlines only (a tour stop about
   * the district's air, a planner who wants the boundaries). The indicator stays chosen for the panel.
   */
  coloured: boolean
  method: ClassificationMethod
  classCount: number
  /** As typed by the user ("5, 20, 50"); parsed when classified. */
  manualBreaksText: string
}

export type Pollutant = 'pm25' | 'pm10' | 'o3_8h' | 'aqi'
export type InspectionKind = 'inspection' | 'case' | 'transferred'

/** How the readings surface (a layer with the readingsSurface capability) is drawn. */
export interface SurfaceSettings {
  /** An interpolated surface (IDW, the default) or a kernel density heatmap. */
  style: 'surface' | 'density'
  /** The interpolated surface in the HJ 633 levels (the default) or on a ramp over the month's range. */
  colouring: SurfaceColouring
  pollutant: Pollutant
  /** 1 = January … 10 = October 2022. */
  month: number
}

/** How the inspection density (a layer with the inspectionDensity capability) is drawn. */
export interface DensitySettings {
  style: 'heatmap' | 'hexagon'
  kinds: InspectionKind[]
  /** Inclusive month range. */
  months: [number, number]
}

/**
 * The two derived layers' state as one plain value, in the shape project files, share links and the
 * tour have always written (so files saved before still open). The state itself lives in the records.
 */
export interface HeatmapState {
  readings: boolean
  readingsStyle: SurfaceSettings['style']
  readingsColouring: SurfaceColouring
  pollutant: Pollutant
  month: number
  inspections: boolean
  inspectionStyle: DensitySettings['style']
  inspectionKinds: InspectionKind[]
  inspectionMonths: [number, number]
}

export interface LayerRecord {
  spec: LayerSpec
  /** Null until loaded. */
  data: FeatureCollection | null
  /** The manifest entry the build wrote; null for a user's layer. */
  built: ManifestEntry | null
  replacement: LayerReplacement | null
  visible: boolean
  /** 0…1. */
  opacity: number
  /** Set for the area layer (the townships); the legend edits it, the map and exports read it. */
  choropleth: ChoroplethStyle | null
  /** A large point set (user layers over the binary threshold): typed arrays, markRaw; data stays null. */
  points?: PointTable | null
  /** A replaced built-in layer's own data, kept so that removing the replacement brings it back. */
  builtData?: FeatureCollection | null
  /** A user's layer: where it came from and what the user called it. */
  user?: UserLayerOrigin | null
  /** A user's layer: how it is drawn (colour, size, label, heatmap, month, filter), as plain data. */
  userStyle?: UserLayerStyle | null
  /** The readings surface's pollutant, month and style (layers with the readingsSurface capability). */
  surface?: SurfaceSettings | null
  /** The inspection density's style, kinds and months (layers with the inspectionDensity capability). */
  density?: DensitySettings | null
  /**
   * A layer from another server (WMS, WMTS, ArcGIS, tiles, PMTiles): how the map fetches it. Such a
   * layer has no data in the app; `user` says who added it and what they called it.
   */
  service?: ServiceDefinition | null
  /** A PMTiles archive the user chose as a file (markRaw); its definition says `fromFile`. */
  serviceFile?: Blob | null
}

export interface UserLayerOrigin {
  fileName: string
  /** The name the user gave the layer in 本机数据; null shows the file name. */
  name: string | null
  /** When it was loaded (ISO 8601): 本机数据 lists it. */
  addedAt: string
  /** Came with the published project (data/project.zip): shown to every visitor, not kept in 本机数据. */
  published?: boolean
}

/** What restoring a kept layer (IndexedDB, a project file) gives back beside its data. */
export interface UserLayerOptions {
  id?: string
  name?: string | null
  addedAt?: string
  style?: UserLayerStyle
  visible?: boolean
  opacity?: number
  published?: boolean
}

const DEFAULT_CHOROPLETH: ChoroplethStyle = {
  indicator: 'inspections',
  coloured: true,
  method: 'quantile',
  classCount: 5,
  manualBreaksText: '',
}

function recordOf(spec: LayerSpec): LayerRecord {
  return {
    spec: markRaw(spec),
    data: null,
    built: null,
    replacement: null,
    visible: spec.defaultVisible,
    opacity: 1,
    choropleth: spec.capabilities?.areaUnit ? { ...DEFAULT_CHOROPLETH } : null,
    ...(spec.capabilities?.readingsSurface ? { surface: { ...DEFAULT_SURFACE } } : {}),
    ...(spec.capabilities?.inspectionDensity
      ? { density: { ...DEFAULT_DENSITY, kinds: [...DEFAULT_DENSITY.kinds] } }
      : {}),
  }
}

const DEFAULT_SURFACE: SurfaceSettings = { style: 'surface', colouring: 'levels', pollutant: 'pm25', month: 1 }
const DEFAULT_DENSITY: DensitySettings = {
  style: 'heatmap',
  kinds: ['inspection', 'case', 'transferred'],
  months: [1, 10],
}

/** Features without the spec's key get one, so selections and share links can name every feature. */
function keyed(collection: FeatureCollection, id: string, key: string): FeatureCollection {
  if (collection.features.every((f) => featureKey(f.properties, key) !== null)) return collection
  return {
    type: 'FeatureCollection',
    features: collection.features.map((f, i) =>
      featureKey(f.properties, key) === null ? { ...f, properties: { ...f.properties, [key]: `${id}-${i}` } } : f,
    ),
  }
}

export const useLayersStore = defineStore('layers', () => {
  const records = ref<Record<string, LayerRecord>>({})
  /** Listed layers, top of the list drawn on top. */
  const order = ref<string[]>([])
  let userLayerCount = 0

  /**
   * Declares layers (the built-in specs at start-up; tests pass their own). Existing records keep
   * their state; the list is ordered by the specs' declared order, highest on top.
   */
  function register(specs: readonly LayerSpec[]) {
    const next = { ...records.value }
    for (const spec of specs) next[spec.id] ??= recordOf(spec)
    records.value = next
    const added = specs.filter((s) => s.listed && !order.value.includes(s.id)).map((s) => s.id)
    order.value = [...order.value, ...added].sort((a, b) => next[b]!.spec.order - next[a]!.spec.order)
  }
  register([...LAYER_SPECS, ...DERIVED_LAYER_SPECS])

  /** Every spec, built-in and user, in declared draw order. */
  const specs = computed(() => sortSpecs(Object.values(records.value).map((r) => r.spec)))
  const record = (id: string): LayerRecord | undefined => records.value[id]
  /** Listed records in list order (top first). */
  const listed = computed(() => order.value.flatMap((id) => (records.value[id] ? [records.value[id]] : [])))

  /** The layer whose features are the areas indicators are counted in (the townships). */
  const areaLayerId = computed(() => specs.value.find((s) => s.capabilities?.areaUnit)?.id ?? null)
  const areaLayer = computed(() => (areaLayerId.value ? (records.value[areaLayerId.value] ?? null) : null))

  /** Every record whose spec declares the capability, in declared draw order. */
  function withCapability(capability: Capability): LayerRecord[] {
    return specs.value.flatMap((s) => (s.capabilities?.[capability] ? [records.value[s.id]!] : []))
  }
  /** The first record with the capability (a built-in one before a user's), or null. */
  function firstWithCapability(capability: Capability): LayerRecord | null {
    const all = withCapability(capability)
    return all.find((r) => !r.user) ?? all[0] ?? null
  }
  /** The id of the first layer with the capability: for a selection, a batch name or an export. */
  const idWithCapability = (capability: Capability): string | null => firstWithCapability(capability)?.spec.id ?? null
  /** The data of the first layer with the capability. */
  const dataWithCapability = (capability: Capability): FeatureCollection | null =>
    firstWithCapability(capability)?.data ?? null

  function meta(id: string): LayerMeta | null {
    const r = records.value[id]
    if (!r) return null
    const origin = r.spec.data.origin
    // A derived layer is as trustworthy as the data it is drawn from: sample until the user's replaces it.
    if ('derivedFrom' in origin) {
      const source = firstWithCapability(origin.derivedFrom)
      const sourceMeta = source ? meta(source.spec.id) : null
      const own = resolveLayerMeta(r.spec, null, null, null)
      return sourceMeta
        ? {
            ...own,
            provenance: sourceMeta.provenance,
            userFile: sourceMeta.userFile,
            featureCount: sourceMeta.featureCount,
          }
        : own
    }
    return resolveLayerMeta(r.spec, r.built, r.replacement, r.data?.features.length ?? r.points?.length ?? null)
  }
  /** The metadata of the first layer with the capability. */
  function metaWithCapability(capability: Capability): LayerMeta | null {
    const r = firstWithCapability(capability)
    return r ? meta(r.spec.id) : null
  }

  /** The derived layers' state as one value (project files, share links, the tour). */
  const heatmapState = computed<HeatmapState>(() => {
    const surface = firstWithCapability('readingsSurface')
    const density = firstWithCapability('inspectionDensity')
    const s = surface?.surface ?? DEFAULT_SURFACE
    const d = density?.density ?? DEFAULT_DENSITY
    return {
      readings: surface?.visible ?? false,
      readingsStyle: s.style,
      readingsColouring: s.colouring,
      pollutant: s.pollutant,
      month: s.month,
      inspections: density?.visible ?? false,
      inspectionStyle: d.style,
      inspectionKinds: [...d.kinds],
      inspectionMonths: [...d.months],
    }
  })
  /** Changes the derived layers from a (partial) HeatmapState: what a project, a link or a tour stop says. */
  function setHeatmapState(change: Partial<HeatmapState>) {
    const surface = firstWithCapability('readingsSurface')
    if (surface?.surface) {
      const s = surface.surface
      patch(surface.spec.id, {
        visible: change.readings ?? surface.visible,
        surface: {
          style: change.readingsStyle ?? s.style,
          colouring: change.readingsColouring ?? s.colouring,
          pollutant: change.pollutant ?? s.pollutant,
          month: change.month ?? s.month,
        },
      })
    }
    const density = firstWithCapability('inspectionDensity')
    if (density?.density) {
      const d = density.density
      patch(density.spec.id, {
        visible: change.inspections ?? density.visible,
        density: {
          style: change.inspectionStyle ?? d.style,
          kinds: change.inspectionKinds ? [...change.inspectionKinds] : d.kinds,
          months: change.inspectionMonths ? [change.inspectionMonths[0], change.inspectionMonths[1]] : d.months,
        },
      })
    }
  }

  function data(id: string): FeatureCollection | null {
    return records.value[id]?.data ?? null
  }

  /** The built data of a layer, as loaded from public/geo (checked by the loader). */
  function setBuiltData(id: string, collection: FeatureCollection, built: ManifestEntry | null) {
    const r = records.value[id]
    if (!r) return
    const own = markRaw(keyed(collection, id, r.spec.data.key))
    const kept = built ? markRaw(built) : null
    // A replacement restored before the built data arrived stays in front of it.
    records.value = {
      ...records.value,
      [id]: r.replacement ? { ...r, builtData: own, built: kept } : { ...r, data: own, built: kept },
    }
  }

  /** A user's file stands in for a built-in layer's data; everything else about the layer stays. */
  function replaceData(
    id: string,
    collection: FeatureCollection,
    fileName: string,
    note: LayerReplacement['note'] = null,
    { published = false }: { published?: boolean } = {},
  ) {
    const r = records.value[id]
    if (!r) return
    records.value = {
      ...records.value,
      [id]: {
        ...r,
        data: markRaw(keyed(collection, id, r.spec.data.key)),
        builtData: r.replacement ? (r.builtData ?? null) : r.data,
        replacement: {
          fileName,
          featureCount: collection.features.length,
          ...(note ? { note } : {}),
          ...(published ? { published } : {}),
        },
      },
    }
  }

  /** The next free user layer id (a restored layer keeps its own, and later ones count on from it). */
  function userLayerId(wanted: string | undefined): { id: string; index: number } {
    const match = wanted ? /^user-(\d+)$/.exec(wanted) : null
    if (match && !records.value[wanted!]) {
      const index = Number(match[1]) - 1
      userLayerCount = Math.max(userLayerCount, index + 1)
      return { id: wanted!, index }
    }
    const index = userLayerCount++
    return { id: `user-${index + 1}`, index }
  }

  function putUserRecord(spec: LayerSpec, fields: Partial<LayerRecord>, fileName: string, options: UserLayerOptions) {
    const id = spec.id
    records.value = {
      ...records.value,
      [id]: {
        ...recordOf(spec),
        ...fields,
        user: {
          fileName,
          name: options.name ?? null,
          addedAt: options.addedAt ?? new Date().toISOString(),
          ...(options.published ? { published: true } : {}),
        },
        userStyle: options.style ?? defaultUserLayerStyle(),
        visible: options.visible ?? true,
        opacity: options.opacity ?? 1,
      },
    }
    order.value = [id, ...order.value.filter((other) => other !== id)]
  }

  /** A user's file as a new layer, shown at the top of the list: one call. Returns its id. */
  function addUserLayer(collection: FeatureCollection, fileName: string, options: UserLayerOptions = {}): string {
    const { id, index } = userLayerId(options.id)
    const geometryTypes = [...new Set(collection.features.flatMap((f) => (f.geometry ? [f.geometry.type] : [])))]
    const spec = userLayerSpec({ id, fileName, index, geometryTypes, name: options.name ?? null })
    putUserRecord(spec, { data: markRaw(keyed(collection, id, spec.data.key)) }, fileName, options)
    return id
  }

  /**
   * A large point set as a new layer (drawn by deck.gl, see src/map/user-points.ts). The table is
   * markRaw: Vue must never walk a million-entry typed array. Returns its id.
   */
  function addUserPointLayer(points: PointTable, fileName: string, options: UserLayerOptions = {}): string {
    const { id, index } = userLayerId(options.id)
    const spec = userLayerSpec({
      id,
      fileName,
      index,
      geometryTypes: ['Point'],
      binary: true,
      name: options.name ?? null,
    })
    putUserRecord(spec, { points: markRaw(points) }, fileName, options)
    return id
  }

  /**
   * A layer from another server, at the top of the list; its spec is made by `makeSpec` (see
   * src/stores/service-layers.ts, loaded with the first one). `user.fileName` is its address. GeoJSON
   * at an address is a user layer with features (given here or fetched later); a tiled service has
   * no columns to style. Returns its id.
   */
  function addServiceRecord(
    makeSpec: (id: string, index: number) => LayerSpec,
    service: ServiceDefinition,
    options: UserLayerOptions & { file?: Blob | null; collection?: FeatureCollection | null } = {},
  ): string {
    const { id, index } = userLayerId(options.id)
    const fields = { service: markRaw({ ...service }), serviceFile: options.file ? markRaw(options.file) : null }
    putUserRecord(makeSpec(id, index), fields, service.url, options)
    if (service.kind !== 'geojson') patch(id, { userStyle: null })
    else if (options.collection) setUserLayerData(id, options.collection)
    return id
  }

  /** A user's layer's record with its name or its features changed: its spec is made again from them. */
  function putUserChange(id: string, name: string | null | undefined, collection?: FeatureCollection) {
    const r = records.value[id]
    if (!r?.user || (collection && r.points)) return
    const geometryTypes = collection
      ? [...new Set(collection.features.flatMap((f) => (f.geometry ? [f.geometry.type] : [])))]
      : [...r.spec.data.geometryTypes]
    const user = { ...r.user, name: name === undefined ? r.user.name : name?.trim() || null }
    if (r.service && r.service.kind !== 'geojson') {
      // A service layer's spec says its name in its title and nothing else depends on the name.
      const title = user.name ?? r.service.title ?? r.service.host
      const spec = markRaw({ ...r.spec, title: { zh: title, en: title } })
      records.value = { ...records.value, [id]: { ...r, spec, user } }
      return
    }
    const spec = markRaw(
      userLayerSpec({
        id,
        fileName: user.fileName,
        index: Number(id.replace('user-', '')) - 1,
        geometryTypes,
        binary: Boolean(r.points),
        name: user.name,
      }),
    )
    const data = collection ? markRaw(keyed(collection, id, spec.data.key)) : r.data
    records.value = { ...records.value, [id]: { ...r, spec, user, data } }
  }

  /** A user's layer under the name the user gave it (null: its file name again). */
  const renameUserLayer = (id: string, name: string | null) => putUserChange(id, name)

  /**
   * A user's layer's features, all of them, in place of the ones it had (a drawing added to the
   * drawn layer); its spec follows the new geometry types. Large point sets are not changed here.
   */
  const setUserLayerData = (id: string, collection: FeatureCollection) => putUserChange(id, undefined, collection)

  /** Removes a user's layer (its record and its place in the list); built-in layers stay. */
  function removeUserLayer(id: string) {
    if (!records.value[id]?.user) return
    const next = { ...records.value }
    delete next[id]
    records.value = next
    order.value = order.value.filter((other) => other !== id)
  }

  /** A built-in layer's own data again, in place of the user's replacement. */
  function clearReplacement(id: string) {
    const r = records.value[id]
    if (!r?.replacement) return
    records.value = { ...records.value, [id]: { ...r, data: r.builtData ?? null, builtData: null, replacement: null } }
  }

  /** The properties of one point of a large point set, by its index as text (its feature id). */
  function pointProperties(id: string, featureId: string): Record<string, unknown> | null {
    const points = records.value[id]?.points
    return points && /^\d+$/.test(featureId) ? tablePointProperties(points, Number(featureId)) : null
  }

  function setUserStyle(id: string, change: Partial<UserLayerStyle>) {
    const current = records.value[id]?.userStyle
    if (current) patch(id, { userStyle: { ...current, ...change } })
  }

  function patch(
    id: string,
    change: Partial<Pick<LayerRecord, 'visible' | 'opacity' | 'choropleth' | 'userStyle' | 'surface' | 'density'>>,
  ) {
    const r = records.value[id]
    if (r) records.value = { ...records.value, [id]: { ...r, ...change } }
  }
  const setVisible = (id: string, visible: boolean) => patch(id, { visible })
  const setOpacity = (id: string, opacity: number) => patch(id, { opacity: Math.min(1, Math.max(0, opacity)) })
  function setChoropleth(id: string, change: Partial<ChoroplethStyle>) {
    const current = records.value[id]?.choropleth
    if (current) patch(id, { choropleth: { ...current, ...change } })
  }

  /** Moves a listed layer one step up (towards the top of the drawing) or down. */
  function move(id: string, direction: -1 | 1) {
    const next = [...order.value]
    const from = next.indexOf(id)
    const to = from + direction
    if (from < 0 || to < 0 || to >= next.length) return
    ;[next[from], next[to]] = [next[to]!, next[from]!]
    order.value = next
  }

  /** Shows exactly these listed layers (a tour stop, a share link); unlisted layers keep their state. */
  function showOnly(ids: readonly string[]) {
    const shown = new Set(ids)
    records.value = Object.fromEntries(
      Object.entries(records.value).map(([id, r]) => [id, r.spec.listed ? { ...r, visible: shown.has(id) } : r]),
    )
  }
  const visibleListedIds = computed(() => listed.value.filter((r) => r.visible).map((r) => r.spec.id))

  /**
   * Draw rank per layer: listed layers follow the list (top of the list on top) within the band of
   * listed layers; unlisted ones keep their declared order.
   */
  const drawRank = computed<Record<string, number>>(() => {
    const listedSpecs = specs.value.filter((s) => s.listed)
    const base = listedSpecs.length ? Math.min(...listedSpecs.map((s) => s.order)) : 0
    const ranks: Record<string, number> = Object.fromEntries(specs.value.map((s) => [s.id, s.order]))
    ;[...order.value].reverse().forEach((id, rank) => (ranks[id] = base + rank))
    return ranks
  })

  return {
    records,
    order,
    specs,
    listed,
    areaLayerId,
    areaLayer,
    drawRank,
    visibleListedIds,
    heatmapState,
    register,
    record,
    withCapability,
    firstWithCapability,
    idWithCapability,
    dataWithCapability,
    metaWithCapability,
    setHeatmapState,
    meta,
    data,
    setBuiltData,
    replaceData,
    addUserLayer,
    addUserPointLayer,
    addServiceRecord,
    renameUserLayer,
    setUserLayerData,
    removeUserLayer,
    clearReplacement,
    pointProperties,
    setUserStyle,
    setVisible,
    setOpacity,
    setChoropleth,
    move,
    showOnly,
  }
})
