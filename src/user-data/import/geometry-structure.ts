/**
 * The first structural problem of a feature from a user's file, with the exact path and a
 * message in both languages: coordinates written as strings, an unknown geometry type, a null or
 * empty geometry, a ring that is too short or not closed. Ranges (degrees, 金华市) are checked
 * later, after the CRS is known. geojson-validation and checkFeatureCollection run afterwards
 * as a second net (see validate-features.ts); this walk exists because their messages name
 * neither the field nor, in Chinese, anything at all.
 */
import type { Feature } from 'geojson'
import { editDistance } from '../../domain/text/levenshtein'
import { describeFoundValue } from './import-issues'

export const GEOMETRY_TYPES = [
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
] as const

export interface StructureProblem {
  field: string
  found: string
  expected: string
  message: { zh: string; en: string }
}

/** GeometryCollections inside GeometryCollections: deeper than this is not data but an attack. */
const MAX_COLLECTION_DEPTH = 8

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** "Polgon" → "Polygon", "point" → "Point"; null when nothing is close. */
export function closestGeometryType(name: string): string | null {
  if (name.length > 40) return null
  let best: { type: string; distance: number } | null = null
  for (const type of GEOMETRY_TYPES) {
    const distance = editDistance(name.toLowerCase(), type.toLowerCase())
    if (distance <= 2 && (!best || distance < best.distance)) best = { type, distance }
  }
  return best?.type ?? null
}

function emptyGeometry(field: string, found: string): StructureProblem {
  return {
    field,
    found,
    expected: 'a geometry with at least one position',
    message: { zh: `几何为空（${found}），该要素已跳过`, en: `empty geometry (${found}); the feature was skipped` },
  }
}

function checkPosition(value: unknown, path: string): StructureProblem | null {
  if (!Array.isArray(value)) {
    return {
      field: path,
      found: describeFoundValue(value),
      expected: '[longitude, latitude]',
      message: {
        zh: `发现 ${describeFoundValue(value)}，应为坐标 [经度, 纬度]`,
        en: `found ${describeFoundValue(value)}; expected a position [longitude, latitude]`,
      },
    }
  }
  if (value.length < 2) {
    return {
      field: path,
      found: describeFoundValue(value),
      expected: '[longitude, latitude]',
      message: {
        zh: `坐标只有 ${value.length} 个数，应为 [经度, 纬度]`,
        en: `the position has ${value.length} value(s); expected [longitude, latitude]`,
      },
    }
  }
  for (const element of value) {
    if (typeof element === 'number' && Number.isFinite(element)) continue
    const found = describeFoundValue(value)
    if (typeof element === 'string') {
      return {
        field: path,
        found,
        expected: 'numbers',
        message: {
          zh: `坐标值是文本 ${describeFoundValue(element)}，应为数字（去掉引号）`,
          en: `a coordinate is the text ${describeFoundValue(element)}; expected a number (remove the quotes)`,
        },
      }
    }
    return {
      field: path,
      found,
      expected: 'numbers',
      message: {
        zh: `坐标值为 ${describeFoundValue(element)}，应为数字`,
        en: `a coordinate is ${describeFoundValue(element)}; expected a number`,
      },
    }
  }
  return null
}

/** `what` names the list in messages; `why` (optional) explains the minimum. */
function checkPositionList(
  value: unknown,
  path: string,
  minimum: number,
  what: { zh: string; en: string },
  why: { zh: string; en: string } = { zh: '', en: '' },
): StructureProblem | null {
  if (!Array.isArray(value)) {
    return {
      field: path,
      found: describeFoundValue(value),
      expected: 'an array of positions',
      message: {
        zh: `发现 ${describeFoundValue(value)}，应为坐标数组`,
        en: `found ${describeFoundValue(value)}; expected an array of positions`,
      },
    }
  }
  if (value.length === 0) return emptyGeometry(path, '[]')
  for (const [i, position] of value.entries()) {
    const problem = checkPosition(position, `${path}[${i}]`)
    if (problem) return problem
  }
  if (value.length < minimum) {
    return {
      field: path,
      found: `${value.length} positions`,
      expected: `at least ${minimum}`,
      message: {
        zh: `${what.zh}只有 ${value.length} 个坐标，至少需要 ${minimum} 个${why.zh}`,
        en: `the ${what.en} has ${value.length} position(s); expected at least ${minimum}${why.en}`,
      },
    }
  }
  return null
}

function checkRing(value: unknown, path: string): StructureProblem | null {
  const why = { zh: '（闭合环的最后一个坐标重复第一个）', en: ' (a closed ring repeats its first position at the end)' }
  const listProblem = checkPositionList(value, path, 4, { zh: '环', en: 'ring' }, why)
  if (listProblem) return listProblem
  const ring = value as number[][]
  const first = ring[0]!
  const last = ring[ring.length - 1]!
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return {
      field: path,
      found: `first ${describeFoundValue(first)}, last ${describeFoundValue(last)}`,
      expected: 'last position equal to the first',
      message: {
        zh: `环未闭合：最后一个坐标 ${describeFoundValue(last)} 与第一个 ${describeFoundValue(first)} 不同；请在末尾重复第一个坐标`,
        en:
          `the ring is not closed: the last position ${describeFoundValue(last)} ` +
          `differs from the first ${describeFoundValue(first)}; repeat the first position at the end`,
      },
    }
  }
  return null
}

function checkNested(
  value: unknown,
  path: string,
  checkPart: (part: unknown, partPath: string) => StructureProblem | null,
): StructureProblem | null {
  if (!Array.isArray(value)) {
    return {
      field: path,
      found: describeFoundValue(value),
      expected: 'an array',
      message: {
        zh: `发现 ${describeFoundValue(value)}，应为数组`,
        en: `found ${describeFoundValue(value)}; expected an array`,
      },
    }
  }
  if (value.length === 0) return emptyGeometry(path, '[]')
  for (const [i, part] of value.entries()) {
    const problem = checkPart(part, `${path}[${i}]`)
    if (problem) return problem
  }
  return null
}

function checkCoordinates(type: string, coordinates: unknown, path: string): StructureProblem | null {
  const line = (part: unknown, partPath: string) => checkPositionList(part, partPath, 2, { zh: '线', en: 'line' })
  const polygon = (part: unknown, partPath: string) => checkNested(part, partPath, checkRing)
  switch (type) {
    case 'Point':
      if (Array.isArray(coordinates) && coordinates.length === 0) return emptyGeometry(path, '[]')
      return checkPosition(coordinates, path)
    case 'MultiPoint':
      return checkPositionList(coordinates, path, 1, { zh: '多点', en: 'MultiPoint' })
    case 'LineString':
      return line(coordinates, path)
    case 'MultiLineString':
      return checkNested(coordinates, path, line)
    case 'Polygon':
      return polygon(coordinates, path)
    default:
      return checkNested(coordinates, path, polygon)
  }
}

export function checkGeometryStructure(geometry: unknown, path: string, depth = 0): StructureProblem | null {
  if (geometry === null || geometry === undefined) return emptyGeometry(path, String(geometry))
  if (!isObject(geometry)) {
    return {
      field: path,
      found: describeFoundValue(geometry),
      expected: 'a geometry object',
      message: {
        zh: `发现 ${describeFoundValue(geometry)}，应为几何对象`,
        en: `found ${describeFoundValue(geometry)}; expected a geometry object`,
      },
    }
  }
  const type = geometry.type
  if (typeof type !== 'string' || !(GEOMETRY_TYPES as readonly string[]).includes(type)) {
    const suggestion = typeof type === 'string' ? closestGeometryType(type) : null
    return {
      field: `${path}.type`,
      found: describeFoundValue(type),
      expected: GEOMETRY_TYPES.join(' | '),
      message: {
        zh:
          `未知的几何类型 ${describeFoundValue(type)}${suggestion ? `，是否应为 "${suggestion}"？` : ''}` +
          `（可用：${GEOMETRY_TYPES.join('、')}）`,
        en:
          `unknown geometry type ${describeFoundValue(type)}${suggestion ? `; did you mean "${suggestion}"?` : ''}` +
          ` (expected one of ${GEOMETRY_TYPES.join(', ')})`,
      },
    }
  }
  if (type === 'GeometryCollection') {
    if (depth >= MAX_COLLECTION_DEPTH) {
      return {
        field: path,
        found: `depth ${depth}`,
        expected: `at most ${MAX_COLLECTION_DEPTH} nested GeometryCollections`,
        message: {
          zh: `GeometryCollection 嵌套过深（超过 ${MAX_COLLECTION_DEPTH} 层）`,
          en: `GeometryCollections nested more than ${MAX_COLLECTION_DEPTH} deep`,
        },
      }
    }
    return checkNested(geometry.geometries, `${path}.geometries`, (part, partPath) =>
      checkGeometryStructure(part, partPath, depth + 1),
    )
  }
  if (!('coordinates' in geometry)) {
    return {
      field: `${path}.coordinates`,
      found: 'nothing',
      expected: 'coordinates',
      message: { zh: '几何缺少 coordinates', en: 'the geometry has no coordinates' },
    }
  }
  return checkCoordinates(type, geometry.coordinates, `${path}.coordinates`)
}

/** The first problem of a feature, or null when it is a Feature with a well-formed geometry. */
export function checkFeatureStructure(value: unknown): StructureProblem | null {
  if (!isObject(value)) {
    return {
      field: '',
      found: describeFoundValue(value),
      expected: 'a Feature object',
      message: {
        zh: `发现 ${describeFoundValue(value)}，应为 Feature 对象`,
        en: `found ${describeFoundValue(value)}; expected a Feature object`,
      },
    }
  }
  if (value.type !== 'Feature') {
    return {
      field: 'type',
      found: describeFoundValue(value.type),
      expected: '"Feature"',
      message: {
        zh: `type 为 ${describeFoundValue(value.type)}，应为 "Feature"`,
        en: `type is ${describeFoundValue(value.type)}; expected "Feature"`,
      },
    }
  }
  const properties = value.properties
  if (properties !== undefined && properties !== null && !isObject(properties)) {
    return {
      field: 'properties',
      found: describeFoundValue(properties),
      expected: 'an object or null',
      message: {
        zh: `properties 为 ${describeFoundValue(properties)}，应为对象或 null`,
        en: `properties is ${describeFoundValue(properties)}; expected an object or null`,
      },
    }
  }
  if (value.geometry === null || value.geometry === undefined) {
    const found = value.geometry === null ? 'null' : 'nothing'
    return {
      field: 'geometry',
      found,
      expected: 'a geometry',
      message: {
        zh: `要素没有几何（geometry 为 ${found}），已跳过`,
        en: `the feature has no geometry (${found}); skipped`,
      },
    }
  }
  return checkGeometryStructure(value.geometry, 'geometry')
}

/** A structurally valid feature in the shape the rest of the app expects (properties never missing). */
export function normaliseFeature(value: Record<string, unknown>): Feature {
  if (value.properties === undefined || value.properties === null) return { ...value, properties: {} } as Feature
  return value as unknown as Feature
}
