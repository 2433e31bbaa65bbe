/**
 * A zipped shapefile to candidate features. The zip is read by zip-reader.ts; shpjs parses the
 * .shp (reprojecting with the .prj when there is one) and the .dbf. The .dbf text encoding comes
 * from the .cpg, else from the language byte of the .dbf header, else from trying strict UTF-8:
 * Chinese shapefiles are often GBK with no .cpg, and read as UTF-8 their names turn to boxes.
 * shpjs and proj4 are loaded here, when a shapefile comes (import() keeps them out of the worker's
 * first chunk): shpjs itself imports proj4, so a shapefile brings proj4 even without a .prj.
 */
import type { Feature, Geometry } from 'geojson'
import { CandidateList, failedSource, type ParsedSource } from './candidate'
import { checkFeatureStructure } from './geometry-structure'
import { dbfStructureProblem, shpStructureProblem } from './shapefile-checks'
import type { ImportContext } from './import-context'
import { listZipEntries, readZipEntry, ZipFormatError, type ZipEntry } from './zip-reader'

/** Refuse archives that would unpack to more than this (a zip bomb, or simply too big for a tab). */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024

/** dBASE language driver ids meaning GBK / code page 936. */
const GBK_LANGUAGE_DRIVERS = new Set([0x4d, 0x7a])

export interface ShapefileSource extends ParsedSource {
  encoding: 'utf-8' | 'gbk' | null
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

function baseName(name: string): string {
  const dot = name.lastIndexOf('.')
  return (dot < 0 ? name : name.slice(0, dot)).toLowerCase()
}

function isJunk(name: string): boolean {
  const file = name.slice(name.lastIndexOf('/') + 1)
  return name.endsWith('/') || name.includes('__MACOSX/') || file.startsWith('._')
}

function encodingFromCpg(cpg: string): 'utf-8' | 'gbk' | null {
  const name = cpg.trim().toLowerCase()
  if (/^(utf-?8|65001)$/.test(name)) return 'utf-8'
  if (/^(gbk|gb2312|gb18030|cp936|936|ansi 936|windows-936)$/.test(name)) return 'gbk'
  return null
}

function dbfEncoding(dbf: Uint8Array, cpg: string | null): 'utf-8' | 'gbk' {
  const declared = cpg === null ? null : encodingFromCpg(cpg)
  if (declared) return declared
  if (GBK_LANGUAGE_DRIVERS.has(dbf[29] ?? 0)) return 'gbk'
  const headerLength = dbf.length >= 10 ? dbf[8]! | (dbf[9]! << 8) : 0
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf.subarray(headerLength))
    return 'utf-8'
  } catch {
    return 'gbk'
  }
}

/** Dates become "YYYY-MM-DD" and NaN (an empty numeric field) null: properties stay plain JSON values. */
function plainProperties(row: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!row) return {}
  const entries = Object.entries(row).map(([key, value]): [string, unknown] => {
    if (value instanceof Date)
      return [
        key,
        Number.isNaN(value.getTime())
          ? null
          : `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-` +
            `${String(value.getDate()).padStart(2, '0')}`,
      ]
    if (typeof value === 'number' && Number.isNaN(value)) return [key, null]
    return [key, value]
  })
  return Object.fromEntries(entries)
}

function listNames(entries: readonly ZipEntry[]): string {
  const names = entries.map((entry) => entry.name)
  return names.length === 0
    ? '(empty)'
    : names.slice(0, 10).join(', ') + (names.length > 10 ? `, … (${names.length})` : '')
}

function reportNoShp(entries: readonly ZipEntry[], context: ImportContext): void {
  const names = listNames(entries)
  const isOffice = entries.some((entry) => entry.name === '[Content_Types].xml')
  const inner = entries.find((entry) => ['geojson', 'json', 'csv', 'tsv'].includes(extension(entry.name)))
  const hint = isOffice
    ? {
        zh: '这像是 Excel/Office 文件，请另存为 CSV（UTF-8）后导入',
        en: 'this looks like an Excel/Office file; save it as CSV (UTF-8) and import that',
      }
    : inner
      ? { zh: `请解压后直接导入 ${inner.name}`, en: `unzip it and import ${inner.name} directly` }
      : {
          zh: 'shapefile 的 zip 应包含同名的 .shp、.shx、.dbf（和 .prj）',
          en: 'a shapefile zip holds .shp, .shx, .dbf (and .prj) files of the same name',
        }
  context.problems.add({
    severity: 'error',
    found: names,
    expected: 'a .shp file',
    message: {
      zh: `zip 中没有 .shp 文件（包含：${names}）；${hint.zh}`,
      en: `no .shp file in the zip (it holds: ${names}); ${hint.en}`,
    },
  })
}

async function readText(bytes: Uint8Array, entry: ZipEntry | undefined): Promise<string | null> {
  if (!entry) return null
  return new TextDecoder('utf-8').decode(await readZipEntry(bytes, entry))
}

/** The .prj text if proj4 understands it; otherwise a warning and null (coordinates are used as they are). */
async function usablePrj(prj: string | null, shpName: string, context: ImportContext): Promise<string | null> {
  if (prj === null || prj.trim() === '') return null
  const { default: proj4 } = await import('proj4')
  try {
    proj4(prj)
    return prj
  } catch {
    context.problems.add({
      severity: 'warning',
      field: `${baseName(shpName)}.prj`,
      found: prj.slice(0, 80),
      expected: 'a WKT coordinate system',
      message: {
        zh: '无法识别 .prj 中的坐标系，坐标按原样读取',
        en: 'the coordinate system in the .prj was not understood; coordinates are read as they are',
      },
    })
    return null
  }
}

export async function parseShapefileZip(bytes: Uint8Array, context: ImportContext): Promise<ShapefileSource> {
  context.progress('parsing', 0)
  let entries: ZipEntry[]
  try {
    entries = listZipEntries(bytes).filter((entry) => !isJunk(entry.name))
  } catch (error) {
    const reason = (error as Error).message
    context.problems.add({
      severity: 'error',
      found: reason,
      expected: 'a zip archive',
      message: { zh: `无法读取 zip：${reason}`, en: `the zip could not be read: ${reason}` },
    })
    return { ...failedSource(), encoding: null }
  }
  const shpEntries = entries.filter((entry) => extension(entry.name) === 'shp')
  if (shpEntries.length === 0) {
    reportNoShp(entries, context)
    return { ...failedSource(), encoding: null }
  }
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (unpacked > MAX_UNPACKED_BYTES) {
    context.problems.add({
      severity: 'error',
      found: `${Math.round(unpacked / 1024 / 1024)} MB unpacked`,
      expected: `at most ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`,
      message: {
        zh: `zip 解压后达 ${Math.round(unpacked / 1024 / 1024)} MB，超过 1024 MB 上限`,
        en: `the zip unpacks to ${Math.round(unpacked / 1024 / 1024)} MB, over the 1024 MB limit`,
      },
    })
    return { ...failedSource(), encoding: null }
  }
  if (shpEntries.length > 1) {
    context.problems.add({
      severity: 'warning',
      found: shpEntries.map((entry) => entry.name).join(', '),
      expected: 'one .shp',
      message: {
        zh: `zip 中有 ${shpEntries.length} 个 shapefile，已合并为一个图层`,
        en: `the zip holds ${shpEntries.length} shapefiles; they were merged into one layer`,
      },
    })
  }

  const { parseDbf, parseShp } = await import('shpjs')
  const candidates = new CandidateList()
  let rejectedCount = 0
  let encoding: 'utf-8' | 'gbk' | null = null
  let convertedByPrj = false
  let featureIndex = 0
  for (const shpEntry of shpEntries) {
    const sibling = (ext: string) =>
      entries.find((entry) => baseName(entry.name) === baseName(shpEntry.name) && extension(entry.name) === ext)
    const dbfEntry = sibling('dbf')
    let geometries: (Geometry | null)[]
    let rows: Record<string, unknown>[] | null = null
    try {
      const prj = await usablePrj(await readText(bytes, sibling('prj')), shpEntry.name, context)
      convertedByPrj ||= prj !== null && /^\s*PROJCS/i.test(prj)
      const shp = await readZipEntry(bytes, shpEntry)
      const shpProblem = shpStructureProblem(shp)
      if (shpProblem) throw new ZipFormatError(shpProblem)
      geometries = parseShp(shp, prj ?? undefined)
      if (dbfEntry) {
        const dbf = await readZipEntry(bytes, dbfEntry)
        const dbfProblem = dbfStructureProblem(dbf)
        if (dbfProblem) {
          context.problems.add({
            severity: 'warning',
            field: dbfEntry.name,
            found: dbfProblem,
            expected: 'a readable .dbf',
            message: {
              zh: `无法读取 ${dbfEntry.name}（${dbfProblem}），要素没有属性`,
              en: `${dbfEntry.name} could not be read (${dbfProblem}); the features have no attributes`,
            },
          })
        } else {
          encoding = dbfEncoding(dbf, await readText(bytes, sibling('cpg')))
          rows = parseDbf(dbf, encoding)
        }
      }
    } catch (error) {
      const reason =
        error instanceof ZipFormatError ? error.message : `${(error as Error).name}: ${(error as Error).message}`
      context.problems.add({
        severity: 'error',
        field: shpEntry.name,
        found: reason,
        expected: 'a readable shapefile',
        message: { zh: `无法读取 ${shpEntry.name}：${reason}`, en: `${shpEntry.name} could not be read: ${reason}` },
      })
      continue
    }
    if (!rows && !dbfEntry) {
      context.problems.add({
        severity: 'warning',
        field: shpEntry.name,
        found: 'no .dbf',
        expected: `${baseName(shpEntry.name)}.dbf`,
        message: { zh: '缺少 .dbf，要素没有属性', en: 'no .dbf: the features have no attributes' },
      })
    } else if (rows && rows.length !== geometries.length) {
      context.problems.add({
        severity: 'warning',
        field: shpEntry.name,
        found: `${geometries.length} shapes, ${rows.length} records`,
        expected: 'as many records as shapes',
        message: {
          zh: `.shp 有 ${geometries.length} 个图形而 .dbf 有 ${rows.length} 条记录；按顺序对应`,
          en: `the .shp has ${geometries.length} shapes and the .dbf ${rows.length} records; matched in order`,
        },
      })
    }
    for (const [i, geometry] of geometries.entries()) {
      if (i % 2000 === 0) await context.checkpoint('validating', i / geometries.length)
      const feature: Feature = {
        type: 'Feature',
        properties: plainProperties(rows?.[i]),
        geometry: geometry as Geometry,
      }
      const problem = checkFeatureStructure(feature)
      if (problem) {
        rejectedCount++
        context.problems.add({ severity: 'error', featureIndex, ...problem })
      } else {
        candidates.push(feature, { featureIndex, line: null })
      }
      featureIndex++
    }
  }
  context.progress('validating', 1)
  const failed = candidates.length === 0 && rejectedCount === 0
  return { candidates, rejectedCount, failed, convertedByPrj, encoding }
}
