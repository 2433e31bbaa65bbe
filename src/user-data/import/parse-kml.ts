/**
 * KML (Google Earth, 奥维互动地图), KMZ (a zip holding doc.kml) and GPX (field GPS tracks) to
 * candidates, with @tmcw/togeojson over our worker-side XML DOM (src/domain/text/xml-dom.ts). togeojson is loaded
 * with a dynamic import, so it is fetched only when such a file is opened.
 */
import type { Feature } from 'geojson'
import { CandidateList, failedSource, type ParsedSource } from './candidate'
import type { ImportContext } from './import-context'
import { parseXml, unprefixRootNamespace, XmlSyntaxError, type XmlDocument } from '../../domain/text/xml-dom'
import { listZipEntries, readZipEntry, ZipFormatError, type ZipEntry } from './zip-reader'
import { decodeText } from './decode-text'

export type XmlGeoKind = 'kml' | 'gpx'

function fileError(context: ImportContext, found: string, expected: string, message: { zh: string; en: string }) {
  context.problems.add({ severity: 'error', found, expected, message })
}

/** Which of KML or GPX the document is, from its root element; null for other XML (GML, HTML…). */
export function xmlGeoKind(document: XmlDocument): XmlGeoKind | null {
  const root = document.documentElement?.localName.toLowerCase()
  return root === 'kml' ? 'kml' : root === 'gpx' ? 'gpx' : null
}

export async function parseXmlGeoText(text: string, label: 'KML' | 'GPX' | 'XML', context: ImportContext) {
  context.progress('parsing', 0)
  let document: XmlDocument
  try {
    document = parseXml(text)
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error
    context.problems.add({
      severity: 'error',
      line: error.line,
      found: `line ${error.line}, column ${error.column}`,
      expected: 'well-formed XML',
      message: {
        zh: `${label} 文件损坏（第 ${error.line} 行第 ${error.column} 列）：${error.reason.zh}；未导入任何要素`,
        en:
          `the ${label} file is broken (line ${error.line}, column ${error.column}): ${error.reason.en}; ` +
          `nothing was imported`,
      },
    })
    return { source: failedSource(), kind: null }
  }
  await context.pause()
  const kind = xmlGeoKind(document)
  if (!kind) {
    const root = document.documentElement?.tagName ?? ''
    fileError(context, `<${root}>`, '<kml> or <gpx>', {
      zh: `文件是 XML，但根元素是 <${root}>，不是 KML（<kml>）或 GPX（<gpx>）`,
      en: `the file is XML, but its root is <${root}>, not KML (<kml>) or GPX (<gpx>)`,
    })
    return { source: failedSource(), kind: null }
  }
  // <gpx:wpt> and <kml:Placemark> as <wpt> and <Placemark>: togeojson finds elements by their unprefixed names.
  unprefixRootNamespace(document)
  const togeojson = await import('@tmcw/togeojson')
  // Our DOM implements what togeojson reads of a Document (see xml-dom.ts).
  const collection =
    kind === 'kml' ? togeojson.kml(document as unknown as Document) : togeojson.gpx(document as unknown as Document)
  context.progress('parsing', 1)
  const features = collection.features as Feature[]
  const leftOut = kind === 'gpx' ? reportGpxLeftOut(document, features, context) : 0
  return { source: toSource(features, kind, leftOut, context), kind }
}

const GPX_ITEMS = ['wpt', 'rte', 'trk'] as const

/**
 * togeojson drops, without a word, a waypoint without lat and lon and a route or track of fewer than
 * 2 usable points. Counted here by kind (its features name theirs in `_gpxType`; waypoints have none),
 * as one warning, so nothing leaves the file unsaid. Returns how many were left out.
 */
function reportGpxLeftOut(document: XmlDocument, features: Feature[], context: ImportContext): number {
  const made = (item: (typeof GPX_ITEMS)[number]) =>
    features.filter((feature) => (feature.properties?._gpxType ?? 'wpt') === item).length
  const missing = GPX_ITEMS.map((item) => ({ item, count: document.getElementsByTagName(item).length - made(item) }))
  const leftOut = missing.filter(({ count }) => count > 0)
  const total = leftOut.reduce((sum, { count }) => sum + count, 0)
  if (total === 0) return 0
  const found = leftOut.map(({ item, count }) => `${count} ${item}`).join(', ')
  context.problems.add({
    severity: 'warning',
    found,
    expected: 'a wpt with lat and lon; a rte or trk of 2 or more points',
    message: {
      zh: `${total} 个航点、航线或航迹没有可用的坐标（${found}），已跳过：航点须有 lat 和 lon，航线、航迹须至少有 2 个点`,
      en:
        `${total} waypoint(s), route(s) or track(s) have no usable coordinates (${found}) and were skipped: ` +
        'a waypoint needs lat and lon, a route or track at least 2 points',
    },
  })
  return total
}

/** `leftOut`: items togeojson made no feature of, already reported (GPX). */
function toSource(features: Feature[], kind: XmlGeoKind, leftOut: number, context: ImportContext): ParsedSource {
  const candidates = new CandidateList()
  let rejectedCount = leftOut
  /** 1-based positions in the file, so that the user can find them (togeojson keeps their order). */
  const withoutGeometry: number[] = []
  features.forEach((feature, index) => {
    if (!feature.geometry) {
      withoutGeometry.push(index + 1)
      rejectedCount++
      return
    }
    candidates.push(feature, { featureIndex: index, line: null })
  })
  if (withoutGeometry.length > 0) {
    const count = withoutGeometry.length
    const which = withoutGeometry.slice(0, 5).join(', ') + (count > 5 ? ', …' : '')
    context.problems.add({
      severity: 'warning',
      found: `${count} without geometry`,
      expected: 'a Point, LineString or Polygon',
      message: {
        zh: `${count} 个地标（第 ${which} 个）没有可读的几何（无点、线或面，或坐标不可读），已跳过`,
        en:
          `${count} placemark(s) (number ${which}) have no readable geometry ` +
          '(no point, line or polygon, or coordinates that cannot be read) and were skipped',
      },
    })
  }
  if (candidates.length === 0 && rejectedCount === 0) {
    const gpx = kind === 'gpx'
    fileError(context, '0 features', gpx ? 'wpt, rte or trk' : 'Placemark', {
      zh: gpx ? 'GPX 中没有航点、航线或航迹（wpt、rte、trk）' : 'KML 中没有地标（Placemark）',
      en: gpx ? 'the GPX holds no waypoint, route or track (wpt, rte, trk)' : 'the KML holds no Placemark',
    })
    return failedSource()
  }
  return { candidates, rejectedCount, failed: false }
}

/**
 * The entry's bytes. Data that does not inflate fails inside the platform's DecompressionStream with
 * its own error (zlib's "invalid block type" in node, a TypeError in browsers): a ZipFormatError here,
 * so a damaged KMZ is a problem like any other unreadable zip, never an exception out of the import.
 */
async function readKmzEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  try {
    return await readZipEntry(bytes, entry)
  } catch (error) {
    if (error instanceof ZipFormatError) throw error
    const reason = error instanceof Error ? error.message : String(error)
    throw new ZipFormatError(`${entry.name}: the compressed data is damaged (${reason})`)
  }
}

/** KMZ: the zip's doc.kml, or (as Google Earth does) its first .kml file, with a word. */
export async function parseKmz(bytes: Uint8Array, context: ImportContext): Promise<ParsedSource> {
  let names: string[] = []
  try {
    const entries = listZipEntries(bytes)
    names = entries.map((entry) => entry.name)
    const kmls = entries.filter((entry) => /\.kml$/i.test(entry.name))
    const doc = kmls.find((entry) => entry.name.toLowerCase() === 'doc.kml') ?? kmls[0]
    if (!doc) {
      const listed = names.slice(0, 6).join(', ') + (names.length > 6 ? ', …' : '')
      fileError(context, listed || 'empty zip', 'doc.kml', {
        zh: `KMZ 中没有 doc.kml（包含：${listed || '无文件'}）`,
        en: `no doc.kml in the KMZ (it holds: ${listed || 'nothing'})`,
      })
      return failedSource()
    }
    if (doc.name.toLowerCase() !== 'doc.kml') {
      context.problems.add({
        severity: 'warning',
        found: doc.name,
        expected: 'doc.kml',
        message: {
          zh: `KMZ 中没有 doc.kml，已读取 ${doc.name}`,
          en: `no doc.kml in the KMZ; read ${doc.name} instead`,
        },
      })
    }
    const decoded = decodeText(await readKmzEntry(bytes, doc))
    return (await parseXmlGeoText(decoded.text, 'KML', context)).source
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error
    fileError(context, error.message, 'a readable zip', {
      zh: `KMZ（zip）无法读取：${error.message}`,
      en: `the KMZ (zip) cannot be read: ${error.message}`,
    })
    return failedSource()
  }
}
