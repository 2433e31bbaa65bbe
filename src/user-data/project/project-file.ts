/**
 * The project file's index, `project.json`: what the map looked like (camera, language, basemap,
 * the layer list, the township choropleth, the heatmaps) and the user's layers, replacements and
 * joined indicators, each layer naming the data file beside it in the zip. kepler.gl's saved map is
 * the model: a versioned config plus datasets. Pure TypeScript; a project file is hostile input, so
 * `parseProjectJson` checks every field on its own and lists what it dropped, never throws.
 */
import type { BasemapChoice } from '../../settings/basemap-choices'
import type { Camera } from '../../settings/share-link'
import { validBasemap, validCamera, validLocale, type StoredLocale } from '../../settings/stored-settings'
import { parseUserLayerStyle, type UserLayerStyle } from '../styles/user-layer-style'
import {
  parseProjectHeatmap,
  parseProjectChoropleth,
  type ProjectChoropleth,
  type ProjectHeatmap,
} from './project-view'
import { parseProjectIndicators } from './project-indicators'
import type { ProjectIssue } from './project-issue'
import type { UserIndicator } from '../tables/user-indicators'

export const PROJECT_FORMAT = 'jindong-eco-map-project'
/** The format version this app writes and the highest it reads. */
export const PROJECT_VERSION = 1
export const PROJECT_INDEX = 'project.json'
/** A project names at most this many layers and replacements (each one a file to read). */
export const MAX_PROJECT_LAYERS = 200

export interface ProjectView {
  camera?: Camera
  locale?: StoredLocale
  /** Never a 天地图 key: the key is the user's own, typed on their computer. */
  basemap?: BasemapChoice
  heatmap?: ProjectHeatmap
  choropleth?: ProjectChoropleth
  /** Listed layer ids, top of the list first. */
  order?: string[]
  /** Listed layer ids that are shown. */
  visible?: string[]
  /** Built-in layers' opacity (0…1) by id; user layers carry their own. */
  opacity?: Record<string, number>
}

export interface ProjectLayerEntry {
  id: string
  fileName: string
  name: string | null
  addedAt: string
  visible: boolean
  opacity: number
  style: UserLayerStyle
  /** Path in the zip: a GeoJSON file, or a point table's header (`….points.json`). */
  data: string
}

export interface ProjectReplacementEntry {
  layerId: string
  fileName: string
  data: string
}

export interface ProjectIndex {
  format: typeof PROJECT_FORMAT
  version: number
  app: string
  savedAt: string
  view: ProjectView
  layers: ProjectLayerEntry[]
  replacements: ProjectReplacementEntry[]
  indicators: UserIndicator[]
}

// In its own file, so project-indicators.ts can name it without importing this one back.
export type { ProjectIssue } from './project-issue'

export type ProjectParse =
  { ok: true; index: ProjectIndex; issues: ProjectIssue[] } | { ok: false; issue: ProjectIssue }

const KNOWN_FIELDS = ['format', 'version', 'app', 'savedAt', 'view', 'layers', 'replacements', 'indicators']
const VIEW_FIELDS = ['camera', 'locale', 'basemap', 'heatmap', 'choropleth', 'order', 'visible', 'opacity']
const ID = /^[a-z0-9][a-z0-9-]{0,40}$/i
/** A data path inside the zip: relative, no "..", no backslashes, sane length. */
const DATA_PATH = /^(?!.*\.\.)[\w./-]{1,200}$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.length <= max ? value : null

function fatal(field: string, zh: string, en: string): ProjectParse {
  return { ok: false, issue: { fatal: true, field, message: { zh, en } } }
}

function unknownFields(value: Record<string, unknown>, known: readonly string[], where: string): ProjectIssue[] {
  const unknown = Object.keys(value).filter((key) => !known.includes(key))
  if (!unknown.length) return []
  const names = unknown.slice(0, 8).join(', ') + (unknown.length > 8 ? ` …(+${unknown.length - 8})` : '')
  return [
    {
      fatal: false,
      field: where,
      message: { zh: `${where} 中有未知字段，已忽略：${names}`, en: `unknown fields in ${where} ignored: ${names}` },
    },
  ]
}

function idList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter((id): id is string => typeof id === 'string' && ID.test(id)).slice(0, 1000)
}

function parseView(value: unknown, issues: ProjectIssue[]): ProjectView {
  if (!isRecord(value)) return {}
  issues.push(...unknownFields(value, VIEW_FIELDS, 'view'))
  const view: ProjectView = {}
  const camera = validCamera(value.camera)
  if (camera) view.camera = camera
  const locale = validLocale(value.locale)
  if (locale) view.locale = locale
  const basemap = validBasemap(value.basemap)
  // A key in a received file is dropped: keys are never shared through projects.
  if (basemap) view.basemap = { id: basemap.id, ...(basemap.styleUrl ? { styleUrl: basemap.styleUrl } : {}) }
  const heatmap = parseProjectHeatmap(value.heatmap)
  if (heatmap) view.heatmap = heatmap
  const choropleth = parseProjectChoropleth(value.choropleth)
  if (choropleth) view.choropleth = choropleth
  const order = idList(value.order)
  if (order) view.order = order
  const visible = idList(value.visible)
  if (visible) view.visible = visible
  if (isRecord(value.opacity)) {
    view.opacity = Object.fromEntries(
      Object.entries(value.opacity).filter(
        (entry): entry is [string, number] =>
          ID.test(entry[0]) && typeof entry[1] === 'number' && entry[1] >= 0 && entry[1] <= 1,
      ),
    )
  }
  return view
}

function parseLayer(value: unknown, index: number, issues: ProjectIssue[]): ProjectLayerEntry | null {
  const where = `layers[${index}]`
  const id = isRecord(value) ? text(value.id, 41) : null
  const data = isRecord(value) ? text(value.data, 200) : null
  if (!isRecord(value) || !id || !ID.test(id) || !data || !DATA_PATH.test(data)) {
    issues.push({
      fatal: false,
      field: where,
      message: {
        zh: `${where} 缺少有效的 id 或数据文件路径，已跳过`,
        en: `${where} has no valid id or data file path; skipped`,
      },
    })
    return null
  }
  const opacity = typeof value.opacity === 'number' && value.opacity >= 0 && value.opacity <= 1 ? value.opacity : 1
  return {
    id,
    fileName: text(value.fileName, 300) || `${id}.geojson`,
    name: text(value.name, 200) || null,
    addedAt: text(value.addedAt, 40) ?? new Date(0).toISOString(),
    visible: value.visible !== false,
    opacity,
    style: parseUserLayerStyle(value.style),
    data,
  }
}

function parseReplacement(value: unknown, index: number, issues: ProjectIssue[]): ProjectReplacementEntry | null {
  const layerId = isRecord(value) ? text(value.layerId, 41) : null
  const data = isRecord(value) ? text(value.data, 200) : null
  if (!isRecord(value) || !layerId || !ID.test(layerId) || !data || !DATA_PATH.test(data)) {
    const where = `replacements[${index}]`
    issues.push({
      fatal: false,
      field: where,
      message: { zh: `${where} 无效，已跳过`, en: `${where} is not valid; skipped` },
    })
    return null
  }
  return { layerId, fileName: text(value.fileName, 300) || `${layerId}.geojson`, data }
}

/** The index read back, field by field. A newer format version is refused by name, before anything else. */
export function parseProjectJson(source: string): ProjectParse {
  let raw: unknown
  try {
    raw = JSON.parse(source)
  } catch (error) {
    const detail = (error as Error).message.slice(0, 120)
    return fatal(
      'project.json',
      `project.json 不是有效的 JSON（${detail}）`,
      `project.json is not valid JSON (${detail})`,
    )
  }
  if (!isRecord(raw) || raw.format !== PROJECT_FORMAT)
    return fatal(
      'format',
      `project.json 不是本应用的项目文件（format 应为 ${PROJECT_FORMAT}）`,
      `project.json is not a project of this app (format should be ${PROJECT_FORMAT})`,
    )
  const version = raw.version
  const app = text(raw.app, 40) ?? '?'
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fatal('version', 'project.json 缺少有效的格式版本（version）', 'project.json has no valid format version')
  if (version > PROJECT_VERSION)
    return fatal(
      'version',
      `此项目由更新的版本保存（项目格式版本 ${version}，应用 ${app}）；本应用只能打开格式版本 ${PROJECT_VERSION}` +
        '，请更新应用后再打开。当前地图未改变。',
      `this project was saved by a newer version (project format ${version}, app ${app}); this app opens format ` +
        `${PROJECT_VERSION} only: update the app to open it. The map has not changed.`,
    )
  const issues: ProjectIssue[] = unknownFields(raw, KNOWN_FIELDS, 'project.json')
  const list = (value: unknown) => (Array.isArray(value) ? value : [])
  const layersRaw = list(raw.layers)
  const replacementsRaw = list(raw.replacements)
  if (layersRaw.length + replacementsRaw.length > MAX_PROJECT_LAYERS)
    return fatal(
      'layers',
      `项目列出 ${layersRaw.length + replacementsRaw.length} 个图层，超过上限 ${MAX_PROJECT_LAYERS}`,
      `the project lists ${layersRaw.length + replacementsRaw.length} layers, over the limit of ${MAX_PROJECT_LAYERS}`,
    )
  const layers = layersRaw.flatMap((value, i) => parseLayer(value, i, issues) ?? [])
  const seen = new Set<string>()
  const uniqueLayers = layers.filter((layer) => !seen.has(layer.id) && Boolean(seen.add(layer.id)))
  const replacements = replacementsRaw.flatMap((value, i) => parseReplacement(value, i, issues) ?? [])
  const indicators = parseProjectIndicators(raw.indicators, issues)
  return {
    ok: true,
    issues,
    index: {
      format: PROJECT_FORMAT,
      version,
      app,
      savedAt: text(raw.savedAt, 40) ?? '',
      view: parseView(raw.view, issues),
      layers: uniqueLayers,
      replacements,
      indicators,
    },
  }
}
