/**
 * A project's view captured from the stores, and a read project applied to them. Opening a project
 * from the dialog replaces what the user had (as kepler.gl's "load map" does: the file is the whole
 * map); the published project (data/project.zip) is added at start-up, and the visitor's own stored
 * view and share link win over its camera, language, basemap, layers and indicator.
 */
import { markRaw } from 'vue'
import { basemapOption } from '../settings/basemap-choices'
import type { ProjectView } from '../user-data/project/project-file'
import { prepareReplacement } from '../user-data/replace-layer'
import { replacementRequirement } from '../layers/spec-helpers'
import type { ChoroplethStyle, HeatmapState, useLayersStore } from './layers'
import type { useViewStore } from './view'
import type { useIndicatorsStore } from './indicators'
import type { ProjectHeatmap } from '../user-data/project/project-view'
import { applyUserState, type ReplacementSnapshot } from './user-state'
import type { ProjectContents } from '../user-data/project/read-project'

type LayersStore = ReturnType<typeof useLayersStore>
type IndicatorsStore = ReturnType<typeof useIndicatorsStore>
type ViewStore = ReturnType<typeof useViewStore>

// The store's heatmap settings must fit the project's type: a field whose type changes there fails to
// compile here (a new field there is added to ProjectHeatmap and its parser by hand).
const _heatmapFits: ProjectHeatmap = {} as HeatmapState
void _heatmapFits

export function captureProjectView(layers: LayersStore, view: ViewStore): ProjectView {
  const area = layers.areaLayer?.choropleth
  const opacity = Object.fromEntries(
    layers.listed.filter((r) => !r.user && r.opacity !== 1).map((r) => [r.spec.id, r.opacity]),
  )
  return {
    ...(view.camera ? { camera: { ...view.camera } } : {}),
    locale: view.locale,
    basemap: { id: view.basemap.id, ...(view.basemap.styleUrl ? { styleUrl: view.basemap.styleUrl } : {}) },
    heatmap: JSON.parse(JSON.stringify(layers.heatmapState)) as HeatmapState,
    ...(area ? { choropleth: { ...area } } : {}),
    order: [...layers.order],
    visible: [...layers.visibleListedIds],
    opacity,
  }
}

/** Which parts of the view the visitor already chose (published mode): those are not touched. */
export interface VisitorChoices {
  camera: boolean
  locale: boolean
  basemap: boolean
  layers: boolean
  indicator: boolean
}

export interface ProjectApplied {
  /** Built-in layers the project replaces that this version lacks, or whose replacement was refused. */
  refusedReplacements: { layerId: string; reason: { zh: string; en: string } }[]
  /** The project's basemap is 天地图 and no key is set here: the basemap stays as it was. */
  basemapNeedsKey: boolean
}

/** Removes everything the user brought (layers, replacements, joined indicators): a project replaces it. */
export function clearUserState(layers: LayersStore, indicators: IndicatorsStore) {
  for (const record of Object.values(layers.records)) {
    if (record.user) layers.removeUserLayer(record.spec.id)
    else if (record.replacement) layers.clearReplacement(record.spec.id)
  }
  indicators.userIndicators = markRaw([])
}

function checkedReplacements(layers: LayersStore, replacements: readonly ReplacementSnapshot[]) {
  const refused: ProjectApplied['refusedReplacements'] = []
  const accepted = replacements.flatMap((replacement): ReplacementSnapshot[] => {
    const record = layers.record(replacement.layerId)
    const requirement = record && !record.user ? replacementRequirement(record.spec) : null
    if (!requirement) {
      refused.push({
        layerId: replacement.layerId,
        reason: {
          zh: `本版本没有可替换的内置图层 ${replacement.layerId}`,
          en: `this version has no replaceable built-in layer ${replacement.layerId}`,
        },
      })
      return []
    }
    const prepared = prepareReplacement(requirement, replacement.collection, record?.builtData ?? record?.data)
    if (!prepared.collection) {
      const first = prepared.issues.find((issue) => issue.severity === 'error')
      refused.push({ layerId: replacement.layerId, reason: first?.message ?? { zh: '无效', en: 'not valid' } })
      return []
    }
    return [{ ...replacement, collection: prepared.collection }]
  })
  return { accepted, refused }
}

export function applyProject(
  contents: ProjectContents,
  stores: { layers: LayersStore; indicators: IndicatorsStore; view: ViewStore },
  options: { published: boolean; visitor?: VisitorChoices; tiandituKey?: string },
): ProjectApplied {
  const { layers, indicators, view } = stores
  const { accepted, refused } = checkedReplacements(layers, contents.snapshot.replacements)
  const { layerIds } = applyUserState({ ...contents.snapshot, replacements: accepted }, layers, indicators, {
    published: options.published,
  })
  const project = contents.view
  const visitor = options.visitor
  const mapId = (id: string) => layerIds[id] ?? id
  const listedIds = new Set(layers.order)

  if (project.order) {
    const wanted = project.order.map(mapId).filter((id, i, all) => listedIds.has(id) && all.indexOf(id) === i)
    // New user layers the project does not place stay on top; other layers keep their relative order.
    const rest = layers.order.filter((id) => !wanted.includes(id))
    const freshOnTop = rest.filter((id) => Object.values(layerIds).includes(id))
    layers.order = [...freshOnTop, ...wanted, ...rest.filter((id) => !freshOnTop.includes(id))]
  }
  if (project.visible && !visitor?.layers) {
    const userVisible = layers.listed.filter((r) => r.user && r.visible && !Object.values(layerIds).includes(r.spec.id))
    layers.showOnly([...project.visible.map(mapId), ...userVisible.map((r) => r.spec.id)])
  }
  for (const [id, opacity] of Object.entries(project.opacity ?? {}))
    if (layers.record(id) && !layers.record(id)?.user) layers.setOpacity(id, opacity)
  const areaLayerId = layers.areaLayerId
  if (project.choropleth && areaLayerId) {
    const { indicator, ...rest } = project.choropleth
    const change: Partial<ChoroplethStyle> = { ...rest }
    if (indicator && !visitor?.indicator && indicators.definitions.some((d) => d.id === indicator))
      change.indicator = indicator as ChoroplethStyle['indicator']
    layers.setChoropleth(areaLayerId, change)
  }
  if (project.heatmap) layers.setHeatmapState(project.heatmap)
  if (project.locale && !visitor?.locale) view.locale = project.locale
  let basemapNeedsKey = false
  if (project.basemap && !visitor?.basemap) {
    const key = view.basemap.tiandituKey || options.tiandituKey
    if (basemapOption(project.basemap.id).needs === 'tianditu-key' && !key) basemapNeedsKey = true
    else view.basemap = { ...project.basemap, ...(key ? { tiandituKey: key } : {}) }
  }
  if (project.camera && !visitor?.camera) view.camera = { ...project.camera }
  return { refusedReplacements: refused, basemapNeedsKey }
}
