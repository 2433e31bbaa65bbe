/**
 * The size limit, checked before a byte is read (by the client, from File.size) and again by
 * importBytes. Kept apart from the parsers so the main thread can load it without them.
 */
import { formatFromExtension } from './detect-format'
import { ProblemList } from './problem-list'
import { DEFAULT_MAX_IMPORT_BYTES, type ImportResult } from './types'

const MEGABYTE = 1024 * 1024

/** 210239488 → "200.5"; rounded up, so a file just over the limit never reads as equal to it. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil((bytes / MEGABYTE) * 10) / 10
  return Number.isInteger(tenths) ? String(tenths) : tenths.toFixed(1)
}

/** A failed result for a file, with one whole-file error. */
export function fileFailure(
  fileName: string,
  problem: { found: string; expected: string; message: { zh: string; en: string } },
  encoding: ImportResult['encoding'] = null,
): ImportResult {
  const problems = new ProblemList(fileName)
  problems.add({ severity: 'error', ...problem })
  return {
    ok: false,
    data: null,
    format: formatFromExtension(fileName),
    encoding,
    featureCount: 0,
    rejectedCount: 0,
    geometryTypes: [],
    problems: problems.toArray(),
    crsSuggestions: [],
    bbox: null,
  }
}

/** The refusal for a file over the limit, or null when it fits. */
export function checkSizeLimit(
  fileName: string,
  size: number,
  maxBytes = DEFAULT_MAX_IMPORT_BYTES,
): ImportResult | null {
  if (size <= maxBytes) return null
  const found = formatMegabytes(size)
  const limit = formatMegabytes(maxBytes)
  return fileFailure(fileName, {
    found: `${found} MB`,
    expected: `at most ${limit} MB`,
    message: { zh: `文件 ${found} MB，超过 ${limit} MB 上限`, en: `file is ${found} MB, over the ${limit} MB limit` },
  })
}
