/**
 * Replacing a built-in layer's data with a user's file (real township boundaries, real station
 * positions): checks that the file can stand in for the layer, and fills in what the app needs.
 * The replacement only happens if this returns no errors, so a wrong file never costs the user
 * the layer they had.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import { featureKey } from './feature-key'

export interface ReplacementIssue {
  severity: 'error' | 'warning'
  featureIndex: number | null
  message: { zh: string; en: string }
}

const POLYGONS: Geometry['type'][] = ['Polygon', 'MultiPolygon']
const LINES: Geometry['type'][] = ['LineString', 'MultiLineString']
const POINTS: Geometry['type'][] = ['Point', 'MultiPoint']

/** What each replaceable layer needs: the geometry family and the properties its style and panels read. */
const REQUIREMENTS: Record<string, { geometry: Geometry['type'][]; properties: string[] }> = {
  towns: { geometry: POLYGONS, properties: ['name'] },
  district: { geometry: POLYGONS, properties: [] },
  counties: { geometry: POLYGONS, properties: ['name'] },
  seats: { geometry: POINTS, properties: ['name'] },
  rivers: { geometry: LINES, properties: [] },
  'river-sections': { geometry: LINES, properties: [] },
  'water-sections': { geometry: POINTS, properties: ['name'] },
  'monitoring-points': { geometry: POINTS, properties: ['kind'] },
  'low-carbon': { geometry: [...POLYGONS, ...POINTS], properties: ['name'] },
  'zero-discharge': { geometry: POLYGONS, properties: ['name', 'status'] },
  'plan-2023-sites': { geometry: POINTS, properties: ['name'] },
  enforcement: { geometry: POINTS, properties: ['kind', 'month'] },
}

export function isReplaceable(layerId: string): boolean {
  return layerId in REQUIREMENTS
}

/**
 * A copy of the user's features ready to stand in for `layerId`, or the errors that prevent it.
 * For townships, a feature without a `code` gets the code of the built-in township of the same name;
 * the codes tie the panels, the indicator table and the share links together.
 */
export function prepareReplacement(
  layerId: string,
  collection: FeatureCollection,
  builtIn: FeatureCollection | undefined,
): { collection: FeatureCollection | null; issues: ReplacementIssue[] } {
  const requirement = REQUIREMENTS[layerId]
  if (!requirement)
    return {
      collection: null,
      issues: [
        {
          severity: 'error',
          featureIndex: null,
          message: { zh: `图层 ${layerId} 不可替换`, en: `layer ${layerId} cannot be replaced` },
        },
      ],
    }
  const issues: ReplacementIssue[] = []
  const codeByName = new Map(
    (builtIn?.features ?? []).map((f) => [String(f.properties?.name ?? ''), f.properties?.code]),
  )
  const features: Feature[] = collection.features.map((feature, index) => {
    const properties: Record<string, unknown> = { ...(feature.properties ?? {}) }
    if (properties.name === undefined && typeof properties['名称'] === 'string') properties.name = properties['名称']
    const type = feature.geometry?.type
    if (!type || !requirement.geometry.includes(type)) {
      issues.push({
        severity: 'error',
        featureIndex: index,
        message: {
          zh: `要素 ${index}：几何类型为 ${type ?? '空'}，应为 ${requirement.geometry.join('/')}`,
          en: `feature ${index}: geometry is ${type ?? 'empty'}; expected ${requirement.geometry.join('/')}`,
        },
      })
    }
    for (const name of requirement.properties) {
      if (properties[name] === undefined || properties[name] === null || properties[name] === '') {
        issues.push({
          severity: 'error',
          featureIndex: index,
          message: { zh: `要素 ${index}：缺少属性 ${name}`, en: `feature ${index}: property "${name}" is missing` },
        })
      }
    }
    if (layerId === 'towns' && !properties.code) {
      const code = codeByName.get(String(properties.name))
      if (code) properties.code = code
      else
        issues.push({
          severity: 'error',
          featureIndex: index,
          message: {
            zh: `要素 ${index}：无 code，名称“${String(properties.name)}”也不是金东区的乡镇`,
            en: `feature ${index}: no code, and the name "${String(properties.name)}" is not a township of Jindong`,
          },
        })
    }
    if (featureKey(properties) === null) properties.id = `${layerId}-${index}`
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
