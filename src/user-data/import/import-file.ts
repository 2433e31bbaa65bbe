/**
 * The import engine's entry point: bytes in, ImportResult out. Pure (no app state, no DOM), so
 * it runs in node tests and in the import worker alike. Format by content first, extension
 * second; then the format's parser; then the shared checks and CRS handling (finish-import.ts).
 * Only cancellation rejects the promise; every problem with the file is a result.
 */
import { decodeText, type DecodedText } from './decode-text'
import {
  detectContentKind,
  extensionOf,
  isEncryptedOffice,
  markupRootName,
  zipContentKind,
  type ContentKind,
} from './detect-format'
import { detectDelimiter } from './delimited-rows'
import { applyDrawBudget } from './draw-budget'
import { finishImport, type FinishSettings } from './finish-import'
import { ImportContext } from './import-context'
import { parseDelimitedText } from './parse-delimited'
import { parseGeoJsonText } from './parse-geojson'
import { parseShapefileZip } from './parse-shapefile'
import { parseKmz, parseXmlGeoText } from './parse-kml'
import { parseXlsx } from './parse-xlsx'
import { importProject } from './import-project'
import type { ParsedSource } from './candidate'
import { listZipEntries } from './zip-reader'
import { checkSizeLimit, fileFailure } from './size-limit'
import { DEFAULT_MAX_IMPORT_BYTES, type ImportOptions, type ImportProgress, type ImportResult } from './types'

export { isImportAborted } from './import-context'

type UnreadableKind = Exclude<ContentKind, 'geojson' | 'zip' | 'delimited' | 'markup' | 'ole2'>

const UNREADABLE: Record<UnreadableKind, { found: string; message: { zh: string; en: string } }> = {
  empty: { found: 'empty file', message: { zh: '文件是空的', en: 'the file is empty' } },
  binary: {
    found: 'binary data',
    message: {
      zh: '无法识别的文件：不是 GeoJSON、CSV/TSV 文本，也不是 zip 压缩的 shapefile、Excel、KML 或 GPX',
      en: 'unrecognised file: not GeoJSON, not CSV/TSV text and not a zipped shapefile, Excel, KML or GPX',
    },
  },
  utf16: {
    found: 'UTF-16 text',
    message: {
      zh: '文件是 UTF-16 编码（如 Excel 的“Unicode 文本”）；请另存为 UTF-8 编码后再导入（Excel 中选“CSV UTF-8”）',
      en:
        'the file is UTF-16 text (such as Excel\'s "Unicode text"); save it as UTF-8, then import again ' +
        '(in Excel: "CSV UTF-8")',
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

/** Every format the engine reads, for the "expected" of a file it cannot read at all. */
const ACCEPTED_FORMATS = {
  zh: 'KML、KMZ、GPX、GeoJSON、TopoJSON、CSV/TSV、Excel（.xlsx）或 zip 压缩的 shapefile',
  en: 'KML, KMZ, GPX, GeoJSON, TopoJSON, CSV/TSV, Excel (.xlsx) or a zipped shapefile',
}
const EXPECTED_CONTENT = ACCEPTED_FORMATS.en

/**
 * Markup whose root is neither <kml> nor <gpx> (any prefix, any case), such as GML, a WFS response or HTML: refused by
 * its root before it is parsed, so neither a KML message nor format "kml" (the format is the extension's).
 */
function otherMarkupRoot(fileName: string, { text, encoding }: DecodedText): ImportResult | null {
  const root = markupRootName(text)
  if (root === null || /^(?:[^:]*:)?(?:kml|gpx)$/i.test(root)) return null
  return fileFailure(
    fileName,
    {
      found: `<${root}>`,
      expected: ACCEPTED_FORMATS.en,
      message: {
        zh: `无法识别的文件：文件是 XML，但根元素是 <${root}>，不是 KML（<kml>）或 GPX（<gpx>）；可导入 ${ACCEPTED_FORMATS.zh}`,
        en:
          `unrecognised file: the file is XML, but its root is <${root}>, not KML (<kml>) or GPX (<gpx>); ` +
          `the files read are ${ACCEPTED_FORMATS.en}`,
      },
    },
    encoding,
  )
}

const OLE2_ANSWERS = {
  encrypted: {
    found: 'password-protected workbook',
    expected: 'an .xlsx without a password',
    message: {
      zh: '工作簿设置了打开密码（已加密），无法读取；请在 Excel 中删除密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后另存为 .xlsx',
      en:
        'the workbook is password-protected (encrypted) and cannot be read; remove the password in Excel ' +
        '(File → Info → Protect Workbook → Encrypt with Password, clear it) and save as .xlsx',
    },
  },
  xls: {
    found: 'Excel 97–2003 (.xls)',
    expected: '.xlsx',
    message: {
      zh: '这是 Excel 97–2003 格式（.xls），不支持；请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后导入',
      en:
        'this is an Excel 97–2003 file (.xls), which is not supported; in Excel or WPS use "Save As" Excel ' +
        'Workbook (.xlsx) and import that',
    },
  },
}

/** The table and sheets a parser found travel with the result (they are not features). */
function withExtras(result: ImportResult, source: ParsedSource): ImportResult {
  return {
    ...result,
    ...(source.table ? { table: source.table } : {}),
    ...(source.sheets ? { sheets: source.sheets } : {}),
  }
}

function zipKindOf(bytes: Uint8Array, fileName: string): ReturnType<typeof zipContentKind> {
  try {
    return zipContentKind(
      listZipEntries(bytes).map((entry) => entry.name),
      fileName,
    )
  } catch {
    return 'shapefile' // the shapefile reader reports what is wrong with the zip
  }
}

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
    structuralNet: format === 'geojson' || format === 'shapefile-zip' || format === 'topojson',
  })

  if (kind === 'zip') {
    const zipKind = zipKindOf(bytes, options.fileName)
    // Each layer file of a project goes through this same engine: checked like any imported file, and
    // stopped by the same cancel (a long layer must not outlive the dialog that asked for it).
    if (zipKind === 'project')
      return importProject(bytes, options.fileName, context, (layerBytes, path) =>
        importBytes(layerBytes, { fileName: path, declaredCrs: 'auto' }, undefined, context.signal),
      )
    if (zipKind === 'xlsx') {
      const { source, sheets } = await parseXlsx(bytes, options.sheet, context)
      return withExtras(await finishImport(source, settings('xlsx', null), context), { ...source, sheets })
    }
    if (zipKind === 'kmz') {
      const source = await parseKmz(bytes, context)
      return finishImport(source, { ...settings('kmz', 'utf-8'), structuralNet: true }, context)
    }
    const source = await parseShapefileZip(bytes, context)
    return finishImport(source, settings('shapefile-zip', source.encoding), context)
  }
  if (kind === 'ole2') {
    const answer = isEncryptedOffice(bytes) ? OLE2_ANSWERS.encrypted : OLE2_ANSWERS.xls
    return { ...fileFailure(options.fileName, answer), format: 'xlsx' }
  }
  if (kind !== 'geojson' && kind !== 'delimited' && kind !== 'markup') {
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
  if (kind === 'markup') {
    const refused = otherMarkupRoot(options.fileName, decoded)
    if (refused) return refused
    const label =
      extensionOf(options.fileName) === 'gpx' ? 'GPX' : extensionOf(options.fileName) === 'kml' ? 'KML' : 'XML'
    const { source, kind: xmlKind } = await parseXmlGeoText(decoded.text, label, context)
    // Broken XML is named by its extension (another root was refused above): a cut-short .gpx is still GPX.
    const format = xmlKind ?? (label === 'GPX' ? 'gpx' : 'kml')
    return finishImport(source, { ...settings(format, decoded.encoding), structuralNet: true }, context)
  }
  if (kind === 'geojson') {
    const source = await parseGeoJsonText(decoded.text, context)
    // The root read decides (its "type" may come after "arcs" and "objects"); text that is not JSON is
    // named by how it starts, so a TopoJSON cut short is still TopoJSON.
    const topology = source.topology ?? /^\s*\{\s*"type"\s*:\s*"Topology"/.test(decoded.text.slice(0, 200))
    const format = topology ? 'topojson' : 'geojson'
    // A CRS the file names (old GeoJSON "crs") applies when the user left the choice on "auto".
    const named = options.declaredCrs === 'auto' && source.namedCrs ? source.namedCrs : null
    if (named) {
      context.problems.add({
        severity: 'warning',
        field: 'crs',
        found: named,
        expected: 'WGS84 (RFC 7946)',
        message: {
          zh: `文件的 crs 声明为 ${named}，已按此换算为 WGS84`,
          en: `the file's "crs" names ${named}; the coordinates were converted from it to WGS84`,
        },
      })
    }
    return finishImport(
      source,
      { ...settings(format, decoded.encoding), declaredCrs: named ?? options.declaredCrs },
      context,
    )
  }
  const delimiter = detectDelimiter(decoded.text)
  const source = await parseDelimitedText(decoded.text, delimiter, context)
  return withExtras(
    await finishImport(source, settings(delimiter === '\t' ? 'tsv' : 'csv', decoded.encoding), context),
    source,
  )
}
