/**
 * The parts of a project's view that are not stored settings: the heatmaps and the township
 * choropleth. Read back field by field; a field out of range is left out alone (the app keeps its
 * own value for it). Pure TypeScript.
 */
import type { ClassificationMethod } from '../../domain/classification/classify'
import { CLASSIFICATION_METHODS, MAX_PALETTE_CLASSES, MIN_PALETTE_CLASSES } from '../../domain/classification/classify'

/** Mirrors the view store's HeatmapState (src/stores/view.ts); every field optional when read. */
export interface ProjectHeatmap {
  readings?: boolean
  readingsStyle?: 'surface' | 'density'
  readingsColouring?: 'levels' | 'ramp'
  pollutant?: 'pm25' | 'pm10' | 'o3_8h' | 'aqi'
  month?: number
  inspections?: boolean
  inspectionStyle?: 'heatmap' | 'hexagon'
  inspectionKinds?: ('inspection' | 'case' | 'transferred')[]
  inspectionMonths?: [number, number]
}

/** Mirrors the layers store's ChoroplethStyle: the indicator may be a user's (`user:…`). */
export interface ProjectChoropleth {
  indicator?: string
  coloured?: boolean
  method?: ClassificationMethod
  classCount?: number
  manualBreaksText?: string
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const oneOf = <T extends string>(value: unknown, options: readonly T[]): T | undefined =>
  options.find((option) => option === value)
const isMonth = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10
const KINDS = ['inspection', 'case', 'transferred'] as const

export function parseProjectHeatmap(value: unknown): ProjectHeatmap | null {
  if (!isRecord(value)) return null
  const heatmap: ProjectHeatmap = {}
  if (typeof value.readings === 'boolean') heatmap.readings = value.readings
  const readingsStyle = oneOf(value.readingsStyle, ['surface', 'density'] as const)
  if (readingsStyle) heatmap.readingsStyle = readingsStyle
  const readingsColouring = oneOf(value.readingsColouring, ['levels', 'ramp'] as const)
  if (readingsColouring) heatmap.readingsColouring = readingsColouring
  const pollutant = oneOf(value.pollutant, ['pm25', 'pm10', 'o3_8h', 'aqi'] as const)
  if (pollutant) heatmap.pollutant = pollutant
  if (isMonth(value.month)) heatmap.month = value.month
  if (typeof value.inspections === 'boolean') heatmap.inspections = value.inspections
  const inspectionStyle = oneOf(value.inspectionStyle, ['heatmap', 'hexagon'] as const)
  if (inspectionStyle) heatmap.inspectionStyle = inspectionStyle
  if (Array.isArray(value.inspectionKinds))
    heatmap.inspectionKinds = KINDS.filter((kind) => (value.inspectionKinds as unknown[]).includes(kind))
  const months = value.inspectionMonths
  if (
    Array.isArray(months) &&
    months.length === 2 &&
    isMonth(months[0]) &&
    isMonth(months[1]) &&
    months[0] <= months[1]
  )
    heatmap.inspectionMonths = [months[0], months[1]]
  return heatmap
}

export function parseProjectChoropleth(value: unknown): ProjectChoropleth | null {
  if (!isRecord(value)) return null
  const choropleth: ProjectChoropleth = {}
  if (typeof value.indicator === 'string' && value.indicator.length > 0 && value.indicator.length <= 600)
    choropleth.indicator = value.indicator
  if (typeof value.coloured === 'boolean') choropleth.coloured = value.coloured
  const method = oneOf(value.method, CLASSIFICATION_METHODS)
  if (method) choropleth.method = method
  const count = value.classCount
  if (
    typeof count === 'number' &&
    Number.isInteger(count) &&
    count >= MIN_PALETTE_CLASSES &&
    count <= MAX_PALETTE_CLASSES
  )
    choropleth.classCount = count
  if (typeof value.manualBreaksText === 'string') choropleth.manualBreaksText = value.manualBreaksText.slice(0, 200)
  return choropleth
}
