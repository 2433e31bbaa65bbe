/**
 * The import engine's entry point: bytes in, ImportResult out. Pure (no app state, no DOM), so
 * it runs in node tests and in the import worker alike. Format by content first, extension
 * second; then the format's parser; then the shared checks and CRS handling (finish-import.ts).
 * Only cancellation rejects the promise; every problem with the file is a result.
 */
import { decodeText } from './decode-text'
import { detectContentKind, type ContentKind } from './detect-format'
import { detectDelimiter } from './delimited-rows'
import { applyDrawBudget } from './draw-budget'
import { finishImport, type FinishSettings } from './finish-import'
import { ImportContext } from './import-context'
import { parseDelimitedText } from './parse-delimited'
import { parseGeoJsonText } from './parse-geojson'
import { parseShapefileZip } from './parse-shapefile'
import { checkSizeLimit, fileFailure } from './size-limit'
import { DEFAULT_MAX_IMPORT_BYTES, type ImportOptions, type ImportProgress, type ImportResult } from './types'

export { isImportAborted } from './import-context'

type UnreadableKind = Exclude<ContentKind, 'geojson' | 'zip' | 'delimited'>

const UNREADABLE: Record<UnreadableKind, { found: string; message: { zh: string; en: string } }> = {
  empty: { found: 'empty file', message: { zh: '文件是空的', en: 'the file is empty' } },
  binary: {
    found: 'binary data',
    message: {
      zh: '无法识别的文件：不是 GeoJSON、CSV/TSV 文本，也不是 zip 压缩的 shapefile',
      en: 'unrecognised file: not GeoJSON, not CSV/TSV text and not a zipped shapefile',
    },
  },
  utf16: {
    found: 'UTF-16 text',
    message: {
      zh: '文件是 UTF-16 编码（Excel“Unicode 文本”）；请另存为 UTF-8 的 CSV',
      en: 'the file is UTF-16 text (Excel "Unicode text"); save it as UTF-8 CSV',
    },
  },
  markup: {
    found: 'XML/HTML',
    message: {
      zh: '文件是 XML/HTML（KML、GPX？），不支持；请转换为 GeoJSON',
      en: 'the file is XML/HTML (KML, GPX?), which is not supported; convert it to GeoJSON',
    },
  },
  'shapefile-part': {
    found: 'a single shapefile part',
    message: {
      zh: '请把 .shp、.shx、.dbf、.prj 一起压缩成 zip 后导入',
      en: 'zip the .shp, .shx, .dbf and .prj together and import the zip',
    },
  },
}

const EXPECTED_CONTENT = 'GeoJSON, CSV/TSV or a zipped shapefile'

export async function importBytes(
  bytes: Uint8Array,
  options: ImportOptions,
  onProgress?: (progress: ImportProgress) => void,
  signal?: AbortSignal,
): Promise<ImportResult> {
  const context = new ImportContext(options.fileName, onProgress, signal)
  return applyDrawBudget(await parseAndFinish(bytes, options, context), context)
}

async function parseAndFinish(
  bytes: Uint8Array,
  options: ImportOptions,
  context: ImportContext,
): Promise<ImportResult> {
  context.throwIfAborted()
  context.progress('reading', 1)
  const tooBig = checkSizeLimit(options.fileName, bytes.byteLength, options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES)
  if (tooBig) return tooBig

  const kind = detectContentKind(bytes, options.fileName)
  const settings = (format: FinishSettings['format'], encoding: FinishSettings['encoding']): FinishSettings => ({
    format,
    encoding,
    declaredCrs: options.declaredCrs,
    structuralNet: format === 'geojson' || format === 'shapefile-zip',
  })

  if (kind === 'zip') {
    const source = await parseShapefileZip(bytes, context)
    return finishImport(source, settings('shapefile-zip', source.encoding), context)
  }
  if (kind !== 'geojson' && kind !== 'delimited') {
    const unreadable = UNREADABLE[kind]
    return fileFailure(options.fileName, {
      found: unreadable.found,
      expected: EXPECTED_CONTENT,
      message: unreadable.message,
    })
  }

  context.progress('parsing', 0)
  const decoded = decodeText(bytes)
  await context.pause()
  if (decoded.undecodable > 0) {
    context.problems.add({
      severity: 'warning',
      found: `${decoded.undecodable} undecodable characters`,
      expected: 'UTF-8 or GBK text',
      message: {
        zh: `文件既不是 UTF-8 也不是 GBK，有 ${decoded.undecodable} 个字符无法识别（显示为 �）`,
        en: `the file is neither UTF-8 nor GBK: ${decoded.undecodable} characters could not be decoded (shown as �)`,
      },
    })
  }
  if (kind === 'geojson') {
    const source = await parseGeoJsonText(decoded.text, context)
    return finishImport(source, settings('geojson', decoded.encoding), context)
  }
  const delimiter = detectDelimiter(decoded.text)
  const source = await parseDelimitedText(decoded.text, delimiter, context)
  return finishImport(source, settings(delimiter === '\t' ? 'tsv' : 'csv', decoded.encoding), context)
}
