/**
 * Problems found while importing a user's file, and how to show one as a line of text.
 * Pure TypeScript: the import engine (src/user-data/import) produces these, the UI lists them.
 * A problem names the file, the feature or line, the field, what was found and what was expected,
 * so the person holding the file can find the spot and fix it.
 */

/** One line a person can act on. */
export interface ImportProblem {
  severity: 'error' | 'warning'
  file: string
  /** Feature index (GeoJSON, shapefile record; 0-based) or null for CSV rows and whole-file problems. */
  featureIndex: number | null
  /** 1-based line number (CSV, TSV, JSON syntax errors), the header being line 1; null otherwise. */
  line: number | null
  /** e.g. "geometry.coordinates[0][3]", "properties.name", "column 经度"; empty for the whole file. */
  field: string
  /** What was there, short: never more than FOUND_MAX_LENGTH characters. */
  found: string
  /** What should have been there, e.g. "a number". */
  expected: string
  message: { zh: string; en: string }
  /**
   * Set on the note that a table has no coordinates but can be joined by place name or used as
   * readings: the import dialog leads with it, as the answer to the file, not as a problem.
   */
  code?: 'table-without-coordinates'
}

export type ImportLocale = 'zh' | 'zh-CN' | 'en'

/** A cell or property can hold a megabyte; a problem line must stay readable. */
export const FOUND_MAX_LENGTH = 80

/** Cuts text to FOUND_MAX_LENGTH characters, ending with "…" when it was longer. */
export function truncateForDisplay(text: string, maxLength = FOUND_MAX_LENGTH): string {
  if (text.length <= maxLength) return text
  // Do not split a surrogate pair: an unpaired half renders as a replacement box.
  let end = maxLength - 1
  const code = text.charCodeAt(end - 1)
  if (code >= 0xd800 && code <= 0xdbff) end -= 1
  return `${text.slice(0, end)}…`
}

/** A value as it appears in a problem's `found`: strings quoted, everything short. */
export function describeFoundValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string')
    return truncateForDisplay(JSON.stringify(value.length > 200 ? value.slice(0, 200) : value))
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  if (Array.isArray(value))
    return truncateForDisplay(`[${value.slice(0, 8).map(shortElement).join(', ')}${value.length > 8 ? ', …' : ''}]`)
  if (typeof value === 'object') {
    const keys = Object.keys(value)
    return truncateForDisplay(`{${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}}`)
  }
  return truncateForDisplay(String(value))
}

function shortElement(value: unknown): string {
  if (Array.isArray(value)) return '[…]'
  if (typeof value === 'object' && value !== null) return '{…}'
  return describeFoundValue(value)
}

function isChinese(locale: ImportLocale): boolean {
  return locale.startsWith('zh')
}

/**
 * Our own words for a place in the file, in Chinese: "column 经度" → "列 经度", "header" → "表头".
 * Geometry and property paths stay as written in the file (they name its members).
 */
function localizeField(field: string, locale: ImportLocale): string {
  if (!isChinese(locale)) return field
  if (field === 'header') return '表头'
  return field.startsWith('column ') ? `列 ${field.slice('column '.length)}` : field
}

/**
 * One line: "文件 a.csv，第 12 行，列 经度：发现 "abc"，应为数字" or
 * "a.csv, line 12, column 经度: found "abc"; expected a number".
 */
export function formatImportProblem(problem: ImportProblem, locale: ImportLocale): string {
  const zh = isChinese(locale)
  const parts: string[] = [zh ? `文件 ${problem.file}` : problem.file]
  if (problem.line !== null) parts.push(zh ? `第 ${problem.line} 行` : `line ${problem.line}`)
  if (problem.featureIndex !== null) parts.push(zh ? `要素 ${problem.featureIndex}` : `feature ${problem.featureIndex}`)
  if (problem.field) parts.push(localizeField(problem.field, locale))
  return zh ? `${parts.join('，')}：${problem.message.zh}` : `${parts.join(', ')}: ${problem.message.en}`
}
