/**
 * GeoJSON text to candidate features. Accepts a FeatureCollection, a single Feature, a bare
 * geometry (wrapped) or a top-level array of Features. Broken JSON is reported with its line and
 * column; bare NaN / Infinity tokens (invalid JSON, but common from Python) are reported and read
 * as null, so the rest of the file survives and only the features they break are refused.
 */
import { describeFoundValue } from './import-issues'
import { CandidateList, failedSource, type ParsedSource } from './candidate'
import { checkFeatureStructure, GEOMETRY_TYPES, normaliseFeature } from './geometry-structure'
import type { ImportContext } from './import-context'
import { topologyFeatures } from './parse-topojson'
import type { DeclaredCrs } from './crs-detect'
import { lineAndColumn, replaceNonFiniteTokens, scanJson, type JsonSyntaxError } from './json-syntax'

const SYNTAX_MESSAGES: Record<JsonSyntaxError['kind'], { zh: string; en: string }> = {
  truncated: {
    zh: 'JSON 不完整，文件提前结束（下载或复制被截断？）',
    en: 'the JSON is incomplete: the file ends early (truncated download or copy?)',
  },
  unexpected: { zh: 'JSON 语法错误', en: 'JSON syntax error' },
  'trailing-comma': { zh: 'JSON 语法错误：最后一项后多了逗号', en: 'JSON syntax error: a comma after the last item' },
  'single-quote': { zh: 'JSON 语法错误：用了单引号', en: 'JSON syntax error: single quotes' },
  comment: { zh: 'JSON 语法错误：JSON 不允许注释', en: 'JSON syntax error: JSON does not allow comments' },
  'after-end': {
    zh: 'JSON 语法错误：JSON 结束后还有内容',
    en: 'JSON syntax error: more text after the end of the JSON',
  },
  'bad-string': { zh: 'JSON 语法错误：字符串写法不对', en: 'JSON syntax error: a malformed string' },
}

function reportSyntaxError(text: string, error: JsonSyntaxError, context: ImportContext): void {
  const { line, column } = lineAndColumn(text, error.position)
  const found = error.kind === 'truncated' ? 'end of file' : error.found
  const summary = SYNTAX_MESSAGES[error.kind]
  context.problems.add({
    severity: 'error',
    line,
    found,
    expected: error.expected.en,
    message: {
      zh:
        `${summary.zh}：第 ${line} 行第 ${column} 列，发现${error.kind === 'truncated' ? '文件结尾' : `「${found}」`}` +
        `，应为${error.expected.zh}；未导入任何要素`,
      en:
        `${summary.en}: at line ${line}, column ${column} ` +
        `found ${error.kind === 'truncated' ? 'the end of the file' : `\`${found}\``}; ` +
        `expected ${error.expected.en}; nothing was imported`,
    },
  })
}

/** JSON.parse, and when it fails, the reason with a position; null after reporting a fatal error. */
function parseJson(text: string, context: ImportContext): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (parseError) {
    const scan = scanJson(text)
    if (scan.error) {
      reportSyntaxError(text, scan.error, context)
      return null
    }
    const first = scan.nonFinite[0]
    if (!first) {
      // Our scanner found nothing: fall back to the engine's own words.
      context.problems.add({
        severity: 'error',
        found: (parseError as Error).message,
        expected: 'valid JSON',
        message: {
          zh: `不是合法的 JSON（${(parseError as Error).message}）`,
          en: `not valid JSON (${(parseError as Error).message})`,
        },
      })
      return null
    }
    const { line, column } = lineAndColumn(text, first.position)
    const count = scan.nonFinite.length
    context.problems.add({
      severity: 'warning',
      line,
      found: first.token,
      expected: 'a number or null',
      message: {
        zh:
          `第 ${line} 行第 ${column} 列有 ${first.token}${count > 1 ? ` 等共 ${count} 处 NaN/Infinity` : ''}` +
          '：JSON 不允许 NaN 和 Infinity；已按 null 读取，含这些值的坐标会被拒绝',
        en:
          `line ${line}, column ${column}: ${first.token}${count > 1 ? ` and ${count - 1} more NaN/Infinity` : ''}` +
          ' — JSON does not allow NaN or Infinity; read as null, and coordinates holding them are refused',
      },
    })
    return JSON.parse(replaceNonFiniteTokens(text, scan.nonFinite)) as unknown
  }
}

function fileError(
  context: ImportContext,
  field: string,
  found: string,
  expected: string,
  message: { zh: string; en: string },
): void {
  context.problems.add({ severity: 'error', field, found, expected, message })
}

/** The list of feature-like items in the document, or null after reporting why there is none. */
function featureItems(root: unknown, context: ImportContext): unknown[] | null {
  const expectedRoot = 'FeatureCollection, Feature or a geometry'
  if (Array.isArray(root)) {
    if (
      root.length > 0 &&
      root.every((item) => typeof item === 'object' && item !== null && (item as { type?: unknown }).type === 'Feature')
    ) {
      context.problems.add({
        severity: 'warning',
        found: `array of ${root.length} Features`,
        expected: 'FeatureCollection',
        message: {
          zh: '文件是要素数组而不是 FeatureCollection；已按 FeatureCollection 读取',
          en: 'the file is an array of Features, not a FeatureCollection; read as a FeatureCollection',
        },
      })
      return root
    }
    fileError(context, '', describeFoundValue(root), expectedRoot, {
      zh: `文件是一个数组（${describeFoundValue(root)}），应为 FeatureCollection、Feature 或几何对象`,
      en: `the file is an array (${describeFoundValue(root)}); expected a FeatureCollection, a Feature or a geometry`,
    })
    return null
  }
  const type = (root as { type?: unknown }).type
  if (type === 'FeatureCollection') {
    const features = (root as { features?: unknown }).features
    if (Array.isArray(features)) return features
    fileError(context, 'features', describeFoundValue(features), 'an array of Features', {
      zh: `features 为 ${describeFoundValue(features)}，应为要素数组 [...]；未导入任何要素`,
      en: `"features" is ${describeFoundValue(features)}; expected an array of Features [...]; nothing was imported`,
    })
    return null
  }
  if (type === 'Feature') return [root]
  if (typeof type === 'string' && (GEOMETRY_TYPES as readonly string[]).includes(type)) {
    return [{ type: 'Feature', properties: {}, geometry: root }]
  }
  fileError(context, 'type', describeFoundValue(type), expectedRoot, {
    zh: `type 为 ${describeFoundValue(type)}，应为 FeatureCollection、Feature 或几何类型；未导入任何要素`,
    en:
      `"type" is ${describeFoundValue(type)}; ` +
      'expected FeatureCollection, Feature or a geometry type; nothing was imported',
  })
  return null
}

/**
 * Old GeoJSON (2008) could name a CRS; RFC 7946 is always WGS84. A name we can convert (EPSG:3857
 * and its aliases) is returned, to be applied when the user left the CRS on "auto"; WGS84 and
 * CGCS2000 geographic names (4326, CRS84, 4490) need nothing; any other name is worth a word.
 */
function reportNamedCrs(root: unknown, context: ImportContext): DeclaredCrs | null {
  const name = (root as { crs?: { properties?: { name?: unknown } } } | null)?.crs?.properties?.name
  if (typeof name !== 'string' || /CRS84|4326|4490|WGS.?84|CGCS.?2000$/i.test(name)) return null
  if (/(EPSG|crs)\W*(3857|900913|102100|102113|3785)\b/i.test(name)) return 'EPSG:3857'
  context.problems.add({
    severity: 'warning',
    field: 'crs',
    found: describeFoundValue(name),
    expected: 'WGS84 (RFC 7946)',
    message: {
      zh: `文件声明坐标系 ${describeFoundValue(name)}；GeoJSON 应为 WGS84，请确认导入时选择的坐标系`,
      en:
        `the file names the CRS ${describeFoundValue(name)}; ` +
        'GeoJSON should be WGS84 — check the coordinate system chosen for the import',
    },
  })
  return null
}

export async function parseGeoJsonText(text: string, context: ImportContext): Promise<ParsedSource> {
  context.progress('parsing', 0)
  const root = parseJson(text, context)
  context.progress('parsing', 1)
  await context.pause()
  if (root === null || typeof root !== 'object') {
    if (root !== null) {
      fileError(context, '', describeFoundValue(root), 'an object', {
        zh: `文件内容是 ${describeFoundValue(root)}，应为 GeoJSON 对象`,
        en: `the file holds ${describeFoundValue(root)}; expected a GeoJSON object`,
      })
    }
    return failedSource()
  }
  const topology = (root as { type?: unknown }).type === 'Topology'
  const items = topology ? await topologyFeatures(root as never, context) : featureItems(root, context)
  if (!items) return { ...failedSource(), topology }
  const namedCrs = reportNamedCrs(root, context)

  const candidates = new CandidateList()
  let rejectedCount = 0
  for (const [index, item] of items.entries()) {
    if (index % 1000 === 0) await context.checkpoint('validating', index / items.length)
    const problem = checkFeatureStructure(item)
    if (problem) {
      rejectedCount++
      context.problems.add({ severity: 'error', featureIndex: index, ...problem })
      continue
    }
    candidates.push(normaliseFeature(item as Record<string, unknown>), { featureIndex: index, line: null })
  }
  context.progress('validating', 1)
  return { candidates, rejectedCount, failed: false, topology, ...(namedCrs ? { namedCrs } : {}) }
}
