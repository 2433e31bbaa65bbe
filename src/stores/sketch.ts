/**
 * Measuring and drawing on the map (测量与标绘): the tool in use, the points clicked so far, the last
 * measurement, and what went wrong. A finished drawing goes to the drawn layer, a user layer like any
 * loaded file (kept in 本机数据, saved in the project file, exported, counted in the townships). The
 * map draws this store (src/map/sketch-controller.ts) and sends its clicks here. Loaded with the
 * measuring tool, never in the first view.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson'
import type { Bilingual } from '../domain/types'
import { geodesicAreaSquareMetres, geodesicLengthMetres } from '../domain/measure/geodesic'
import { checkLine, checkPolygon } from '../domain/measure/shape-checks'
import { DRAWN_LAYER_FILE } from '../layers/user-layer'
import { defaultUserLayerStyle } from '../user-data/styles/user-layer-style'
import { useLayersStore } from './layers'

export type MeasureTool = 'distance' | 'area'
export type DrawTool = 'point' | 'line' | 'polygon' | 'text'
export type SketchTool = MeasureTool | DrawTool

export const MEASURE_TOOLS: readonly MeasureTool[] = ['distance', 'area']
export const DRAW_TOOLS: readonly DrawTool[] = ['point', 'line', 'polygon', 'text']

type LngLat = [number, number]

/** A finished measurement: the line or the ring, and what it measures. */
export type Measurement =
  | { tool: 'distance'; coordinates: LngLat[]; metres: number }
  | { tool: 'area'; ring: LngLat[]; squareMetres: number; perimetreMetres: number }

/** The property names of a drawn feature: the drawn layer's columns, in the data's language. */
export const DRAWN = {
  name: '名称',
  kind: '类型',
  length: '长度_米',
  area: '面积_平方米',
  drawnAt: '绘制时间',
} as const

const KIND_NAMES: Record<DrawTool, string> = { point: '点', line: '线', polygon: '面', text: '注记' }

const closed = (ring: readonly LngLat[]): LngLat[] => [...ring, ring[0]!]
/** Two clicks on one spot (the two clicks of a double-click) are one point. */
const same = (a: LngLat | undefined, b: LngLat) => a !== undefined && a[0] === b[0] && a[1] === b[1]

export const useSketchStore = defineStore('sketch', () => {
  const layers = useLayersStore()
  const tool = ref<SketchTool | null>(null)
  const vertices = ref<LngLat[]>([])
  /** Where the pointer is while a line or area is being drawn: the open segment runs to it. */
  const pointer = shallowRef<LngLat | null>(null)
  const measurement = shallowRef<Measurement | null>(null)
  /** Why the last finish or click did not work, in both languages; the points drawn are kept. */
  const problem = shallowRef<Bilingual | null>(null)
  /** The name (or, for 注记, the text) of the next drawing. */
  const label = ref('')
  /** How many drawings this session added (the default names count on from it). */
  const drawnCount = ref(0)

  const needsRing = computed(() => tool.value === 'area' || tool.value === 'polygon')
  /** The points so far and the pointer: what the open line measures while it is drawn. */
  const live = computed<LngLat[]>(() =>
    pointer.value && vertices.value.length > 0 ? [...vertices.value, pointer.value] : vertices.value,
  )
  const liveMetres = computed(() => (live.value.length > 1 ? geodesicLengthMetres(live.value) : 0))
  const liveSquareMetres = computed(() =>
    needsRing.value && live.value.length > 2
      ? geodesicAreaSquareMetres({ type: 'Polygon', coordinates: [closed(live.value)] })
      : 0,
  )

  function start(next: SketchTool | null) {
    tool.value = next
    vertices.value = []
    pointer.value = null
    problem.value = null
    if (next) measurement.value = null
  }

  function addVertex(at: LngLat) {
    if (!tool.value) return
    problem.value = null
    if (tool.value === 'point' || tool.value === 'text') return void drawPoint(at)
    if (!same(vertices.value.at(-1), at)) vertices.value = [...vertices.value, at]
  }

  function movePointer(at: LngLat | null) {
    pointer.value = at
  }

  /** Takes back the last point (Backspace). */
  function undo() {
    vertices.value = vertices.value.slice(0, -1)
    problem.value = null
  }

  /** The line or area as drawn so far, checked; on a problem nothing is lost and the drawing goes on. */
  function finish() {
    if (!tool.value || tool.value === 'point' || tool.value === 'text') return
    const points = vertices.value
    const check = needsRing.value ? checkPolygon(closed(points)) : checkLine(points)
    if (!check.ok) {
      problem.value = check.message
      return
    }
    if (tool.value === 'distance') {
      measurement.value = { tool: 'distance', coordinates: points, metres: geodesicLengthMetres(points) }
    } else if (tool.value === 'area') {
      const ring = closed(points)
      measurement.value = {
        tool: 'area',
        ring: points,
        squareMetres: geodesicAreaSquareMetres({ type: 'Polygon', coordinates: [ring] }),
        perimetreMetres: geodesicLengthMetres(ring),
      }
    } else if (tool.value === 'line') {
      addDrawing('line', { type: 'LineString', coordinates: points })
    } else {
      addDrawing('polygon', { type: 'Polygon', coordinates: [closed(points)] })
    }
    vertices.value = []
    pointer.value = null
  }

  function drawPoint(at: LngLat) {
    if (tool.value === 'text' && !label.value.trim()) {
      problem.value = {
        zh: '请先在“注记文字”中输入要标注的文字，再点击地图。',
        en: 'Type the note first, then click the map.',
      }
      return
    }
    addDrawing(tool.value as 'point' | 'text', { type: 'Point', coordinates: at })
  }

  /** The drawn layer of this visitor (not the published project's), if there is one. */
  const drawnLayerId = computed(
    () =>
      Object.values(layers.records).find((r) => r.user?.fileName === DRAWN_LAYER_FILE && !r.user.published)?.spec.id ??
      null,
  )

  /** A drawing as a feature of the drawn layer, which is made the first time. */
  function addDrawing(kind: DrawTool, geometry: Geometry, name?: string): string {
    drawnCount.value++
    const properties: Record<string, unknown> = {
      [DRAWN.name]: name ?? (label.value.trim() || `${KIND_NAMES[kind]} ${drawnCount.value}`),
      [DRAWN.kind]: KIND_NAMES[kind],
    }
    if (geometry.type === 'LineString')
      properties[DRAWN.length] = Math.round(geodesicLengthMetres(geometry.coordinates))
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')
      properties[DRAWN.area] = Math.round(geodesicAreaSquareMetres(geometry))
    properties[DRAWN.drawnAt] = new Date().toISOString()
    const feature: Feature = { type: 'Feature', properties, geometry }
    if (kind === 'text') label.value = ''
    const id = drawnLayerId.value
    if (id) {
      const current = layers.data(id)
      layers.setUserLayerData(id, { type: 'FeatureCollection', features: [...(current?.features ?? []), feature] })
      layers.setVisible(id, true)
      return id
    }
    const collection: FeatureCollection = { type: 'FeatureCollection', features: [feature] }
    return layers.addUserLayer(collection, DRAWN_LAYER_FILE, {
      style: { ...defaultUserLayerStyle(), labelColumn: DRAWN.name },
    })
  }

  /** A polygon (a measured area, a buffer) kept as a drawing, under a name. */
  function keepShape(geometry: Polygon | Geometry, name: string) {
    return addDrawing('polygon', geometry, name)
  }

  return {
    tool,
    vertices,
    pointer,
    measurement,
    problem,
    label,
    live,
    liveMetres,
    liveSquareMetres,
    needsRing,
    drawnLayerId,
    start,
    addVertex,
    movePointer,
    undo,
    finish,
    keepShape,
  }
})
