/**
 * TopoJSON (mapshaper's and d3's format: shared arcs, quantised) to features with topojson-client,
 * loaded only when such a file is opened. Every object of the topology becomes features; an object
 * that topojson-client cannot read (not an object, a collection without geometries, an arc index that
 * is not a whole number, arcs outside the topology) is refused with its name and where, the others
 * are kept. topojson-client trusts its input and throws a bare TypeError on such an object: the
 * checks come first so that the user reads what is wrong, not the library's message.
 */
import type { Feature } from 'geojson'
import type { ImportContext } from './import-context'

type TopologyLike = {
  type: 'Topology'
  objects?: Record<string, unknown>
  arcs?: unknown
  transform?: unknown
}

/** Highest arc index an object refers to (negative indexes are reversed arcs, ~i). */
function maxArcIndex(value: unknown): number {
  if (typeof value === 'number') return value < 0 ? ~value : value
  if (!Array.isArray(value)) return -1
  let max = -1
  for (const item of value) max = Math.max(max, maxArcIndex(item))
  return max
}

/** Geometry types whose shape is a list of arc indexes (the others carry coordinates or nothing). */
const ARC_TYPES = new Set(['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'])

/** The first index in an arcs member that is not a whole number (nested arrays walked), or undefined. */
function firstBadIndex(value: unknown): { bad: unknown } | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = firstBadIndex(item)
      if (bad) return bad
    }
    return undefined
  }
  return Number.isInteger(value) ? undefined : { bad: value }
}

type ShapeProblem = { field: string; found: string; expected: string; zh: string; en: string }

/** What makes an object (or a geometry inside it, at `path`) unreadable, or null when it can be converted. */
function shapeProblem(object: unknown, path: string): ShapeProblem | null {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    const found = object === null ? 'null' : Array.isArray(object) ? 'an array' : typeof object
    return {
      field: path,
      found,
      expected: 'a geometry object',
      zh: `${path} 不是几何对象（${found}）`,
      en: `${path} is not a geometry object (${found})`,
    }
  }
  const { type, arcs, geometries } = object as { type?: unknown; arcs?: unknown; geometries?: unknown }
  if (type === 'GeometryCollection') {
    if (!Array.isArray(geometries))
      return {
        field: `${path}.geometries`,
        found: geometries === undefined ? 'none' : typeof geometries,
        expected: 'an array of geometry objects',
        zh: `${path} 是 GeometryCollection，但没有 geometries 数组`,
        en: `${path} is a GeometryCollection without a "geometries" array`,
      }
    for (const [i, geometry] of geometries.entries()) {
      const problem = shapeProblem(geometry, `${path}.geometries[${i}]`)
      if (problem) return problem
    }
    return null
  }
  if (typeof type !== 'string' || !ARC_TYPES.has(type)) return null
  const index = firstBadIndex(arcs ?? [])
  if (!index) return null
  const found = JSON.stringify(index.bad) ?? String(index.bad)
  return {
    field: `${path}.arcs`,
    found,
    expected: 'whole arc indexes (~i for a reversed arc)',
    zh: `${path}.arcs 中有不是整数的弧索引（${found}）`,
    en: `${path}.arcs holds an arc index that is not a whole number (${found})`,
  }
}

/** A transform that topojson-client can apply: a scale and a translate of two numbers each. */
function isTransform(value: unknown): boolean {
  const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every(Number.isFinite)
  const { scale, translate } = (value ?? {}) as { scale?: unknown; translate?: unknown }
  return typeof value === 'object' && value !== null && pair(scale) && pair(translate)
}

function objectArcs(object: unknown): number {
  const { arcs, geometries } = object as { arcs?: unknown; geometries?: unknown[] }
  let max = maxArcIndex(arcs ?? [])
  for (const geometry of geometries ?? []) max = Math.max(max, objectArcs(geometry))
  return max
}

/**
 * The features of a Topology, or null after reporting why there are none. Objects that only hold
 * empty GeometryCollections give an empty list, which the caller reports as "no usable features".
 */
export async function topologyFeatures(root: TopologyLike, context: ImportContext): Promise<Feature[] | null> {
  const fail = (found: string, zh: string, en: string) => {
    context.problems.add({
      severity: 'error',
      field: 'objects',
      found,
      expected: 'a valid TopoJSON Topology',
      message: { zh, en },
    })
    return null
  }
  const objects = root.objects
  if (!objects || typeof objects !== 'object' || Object.keys(objects).length === 0)
    return fail('no objects', 'TopoJSON 中没有 objects', 'the TopoJSON has no objects')
  const arcs = root.arcs
  if (
    !Array.isArray(arcs) ||
    !arcs.every((arc) => Array.isArray(arc) && arc.every((p) => Array.isArray(p) && p.every(Number.isFinite)))
  )
    return fail(
      'arcs',
      'TopoJSON 的 arcs 不是坐标数组的数组；未导入任何要素',
      '"arcs" is not an array of position arrays; nothing was imported',
    )
  if (root.transform !== undefined && !isTransform(root.transform))
    return fail(
      'transform',
      'TopoJSON 的 transform 应有 scale 和 translate 两对数字；未导入任何要素',
      '"transform" should hold a scale and a translate of two numbers each; nothing was imported',
    )
  const { feature } = await import('topojson-client')
  const features: Feature[] = []
  let refused = false
  for (const [name, object] of Object.entries(objects)) {
    const shape = shapeProblem(object, `objects.${name}`)
    if (shape) {
      context.problems.add({
        severity: 'error',
        field: shape.field,
        found: shape.found,
        expected: shape.expected,
        message: { zh: `${shape.zh}；对象“${name}”未导入`, en: `${shape.en}; object "${name}" was not imported` },
      })
      refused = true
      continue
    }
    const highest = objectArcs(object)
    if (highest >= arcs.length) {
      context.problems.add({
        severity: 'error',
        field: `objects.${name}`,
        found: `arc ${highest}`,
        expected: `arc indexes below ${arcs.length}`,
        message: {
          zh: `对象“${name}”引用了第 ${highest} 条弧，但只有 ${arcs.length} 条；该对象未导入`,
          en:
            `object "${name}" refers to arc ${highest}, but there are only ${arcs.length}; the object was not ` +
            `imported`,
        },
      })
      refused = true
      continue
    }
    let converted: Feature | { features: Feature[] }
    try {
      converted = feature(root as never, object as never) as unknown as typeof converted
    } catch (error) {
      // What the checks above do not foresee (a point's coordinates that are not positions, …):
      // the object is refused with the library's words, the others kept.
      const reason = error instanceof Error ? error.message : String(error)
      context.problems.add({
        severity: 'error',
        field: `objects.${name}`,
        found: reason,
        expected: 'a geometry topojson-client can convert',
        message: {
          zh: `对象“${name}”无法转换（${reason}）；该对象未导入`,
          en: `object "${name}" could not be converted (${reason}); the object was not imported`,
        },
      })
      refused = true
      continue
    }
    features.push(...('features' in converted ? converted.features : [converted]))
  }
  if (features.length === 0 && refused) return null
  return features
}
