/**
 * Replacing a built-in layer's data with a user's file (real township boundaries, real station
 * positions): checks that the file can stand in for the layer, and fills in what the app needs.
 * The replacement only happens if this returns no errors, so a wrong file never costs the user
 * the layer they had.
 */
import { ownValue, setOwn } from '../domain/text/own-keys'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { featureKey } from '../domain/geometry/feature-key'

export interface ReplacementIssue {
  severity: 'error' | 'warning'
  featureIndex: number | null
  message: { zh: string; en: string }
}

/**
 * What a replaceable layer needs (its spec's `replaceable` capability): the geometry types and the
 * properties its style and panels read, its key, and whether a missing key may be found by name.
 */
export interface ReplacementRequirement {
  layerId: string
  key: string
  geometryTypes: readonly Geometry['type'][]
  requiredProperties: readonly string[]
  keyFromName?: boolean
}

/**
 * A copy of the user's features ready to stand in for the layer, or the errors that prevent it.
 * Where the requirement allows it (the townships), a feature without its key gets the key of the
 * built-in feature of the same name; the codes tie the panels, the indicators and share links together.
 */
export function prepareReplacement(
  requirement: ReplacementRequirement,
  collection: FeatureCollection,
  builtIn: FeatureCollection | undefined | null,
): { collection: FeatureCollection | null; issues: ReplacementIssue[] } {
  const { layerId, key } = requirement
  const issues: ReplacementIssue[] = []
  const keyByName = new Map(
    (builtIn?.features ?? []).map((f) => [String(f.properties?.name ?? ''), ownValue(f.properties, key)]),
  )
  const features: Feature[] = collection.features.map((feature, index) => {
    const properties: Record<string, unknown> = { ...(feature.properties ?? {}) }
    if (properties.name === undefined && typeof properties['名称'] === 'string') properties.name = properties['名称']
    const type = feature.geometry?.type
    if (!type || !requirement.geometryTypes.includes(type)) {
      issues.push({
        severity: 'error',
        featureIndex: index,
        message: {
          zh: `要素 ${index}：几何类型为 ${type ?? '空'}，应为 ${requirement.geometryTypes.join('/')}`,
          en: `feature ${index}: geometry is ${type ?? 'empty'}; expected ${requirement.geometryTypes.join('/')}`,
        },
      })
    }
    for (const name of requirement.requiredProperties) {
      const value = ownValue(properties, name)
      if (value === undefined || value === null || value === '') {
        issues.push({
          severity: 'error',
          featureIndex: index,
          message: { zh: `要素 ${index}：缺少属性 ${name}`, en: `feature ${index}: property "${name}" is missing` },
        })
      }
    }
    if (requirement.keyFromName && featureKey(properties, key) === null) {
      const found = keyByName.get(String(properties.name))
      if (found) setOwn(properties, key, found)
      else
        issues.push({
          severity: 'error',
          featureIndex: index,
          message: {
            zh: `要素 ${index}：无 ${key}，名称“${String(properties.name)}”也不在原图层中`,
            en: `feature ${index}: no ${key}, and the name "${String(properties.name)}" is not in the built-in layer`,
          },
        })
    }
    if (featureKey(properties, key) === null) setOwn(properties, key, `${layerId}-${index}`)
    return { type: 'Feature', properties, geometry: feature.geometry }
  })
  if (features.length === 0)
    issues.push({
      severity: 'error',
      featureIndex: null,
      message: { zh: '文件中没有要素', en: 'the file has no features' },
    })
  const errors = issues.filter((i) => i.severity === 'error')
  return { collection: errors.length ? null : { type: 'FeatureCollection', features }, issues }
}
