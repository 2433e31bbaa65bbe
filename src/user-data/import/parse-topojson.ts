/**
 * TopoJSON (mapshaper's and d3's format: shared arcs, quantised) to features with topojson-client,
 * loaded only when such a file is opened. Every object of the topology becomes features; an object
 * whose arcs point outside the topology is refused with its name, the others are kept.
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
  const { feature } = await import('topojson-client')
  const features: Feature[] = []
  let refused = false
  for (const [name, object] of Object.entries(objects)) {
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
    const converted = feature(root as never, object as never) as unknown as Feature | { features: Feature[] }
    features.push(...('features' in converted ? converted.features : [converted]))
  }
  if (features.length === 0 && refused) return null
  return features
}
