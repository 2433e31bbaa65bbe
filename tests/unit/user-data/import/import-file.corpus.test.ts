// The fixture corpus (tests/fixtures, its tables in tests/fixtures/bad/README.md) through importBytes
// (import-file.ts): each file's result as its table row states it.
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import type { DeclaredCrs, ImportResult } from '../../../../src/user-data/import/types'
import { formatImportProblem } from '../../../../src/user-data/import/import-issues'
import { writeLargeFixtures } from '../../../fixtures/large-fixtures'
import { buildFixtureFiles, FIXTURES_DIR } from '../../../fixtures/make-fixtures'

/** One row of the tables in tests/fixtures/bad/README.md. */
interface CorpusRow {
  file: string
  declaredCrs: DeclaredCrs
  ok: boolean
  kept: number
  rejected: number
  suggests: string | null
  encoding: string | null
  keyZh: string | null
  keyEn: string | null
}

const README = readFileSync(join(FIXTURES_DIR, 'bad/README.md'), 'utf8')

function cell(text: string): string | null {
  const trimmed = text.trim().replace(/^`(.*)`$/, '$1')
  return trimmed === '—' ? null : trimmed
}

function corpusRows(): CorpusRow[] {
  const rows: CorpusRow[] = []
  for (const line of README.split('\n')) {
    if (!line.startsWith('| ') || line.startsWith('| file ')) continue
    const cells = line.slice(2, -2).split(' | ')
    expect(cells, line).toHaveLength(10)
    rows.push({
      file: cells[0]!.trim(),
      declaredCrs: cells[2]!.trim() as DeclaredCrs,
      ok: cells[3]!.trim() === 'yes',
      kept: Number(cells[4]),
      rejected: Number(cells[5]),
      suggests: cell(cells[6]!),
      encoding: cell(cells[7]!),
      keyZh: cell(cells[8]!),
      keyEn: cell(cells[9]!),
    })
  }
  return rows
}

const rows = corpusRows()
let generatedDir = ''

beforeAll(() => {
  generatedDir = writeLargeFixtures()
})
afterAll(() => {
  if (generatedDir) rmSync(generatedDir, { recursive: true, force: true })
})

function fileBytes(file: string): { bytes: Uint8Array; name: string } {
  const generated = /^\(generated\) (.+)$/.exec(file)
  const path = generated ? join(generatedDir, generated[1]!) : join(FIXTURES_DIR, file)
  return { bytes: new Uint8Array(readFileSync(path)), name: path.slice(path.lastIndexOf('/') + 1) }
}

async function importRow(row: CorpusRow): Promise<ImportResult> {
  const { bytes, name } = fileBytes(row.file)
  return importBytes(bytes, { fileName: name, declaredCrs: row.declaredCrs })
}

describe('the corpus table', () => {
  test('lists every committed fixture, with at least 24 bad files', () => {
    const listed = new Set(rows.map((row) => row.file))
    for (const dir of ['bad', 'good']) {
      for (const name of readdirSync(join(FIXTURES_DIR, dir))) {
        if (name !== 'README.md') expect(listed, `${dir}/${name} missing from the table`).toContain(`${dir}/${name}`)
      }
    }
    const badFiles = new Set(rows.filter((row) => !row.file.startsWith('good/')).map((row) => row.file))
    expect(badFiles.size).toBeGreaterThanOrEqual(24)
  })

  test('committed fixtures are what make-fixtures.ts makes', () => {
    for (const [path, bytes] of Object.entries(buildFixtureFiles())) {
      expect(
        Buffer.compare(Buffer.from(bytes), readFileSync(join(FIXTURES_DIR, path))),
        `${path} is stale: run npx tsx tests/fixtures/make-fixtures.ts`,
      ).toBe(0)
    }
  })
})

describe.each(rows.map((row) => [`${row.file} (${row.declaredCrs})`, row] as const))('%s', (_label, row) => {
  test('gives its expected answer', { timeout: 60_000 }, async () => {
    const result = await importRow(row)
    const summary = result.problems.map((problem) => formatImportProblem(problem, 'en')).join('\n')
    expect(result.ok, summary).toBe(row.ok)
    expect(result.featureCount, summary).toBe(row.kept)
    expect(result.rejectedCount, summary).toBe(row.rejected)
    expect(result.crsSuggestions[0]?.crs ?? null).toBe(row.suggests)
    expect(result.encoding).toBe(row.encoding)
    // Over the binary threshold, points come as a table instead of GeoJSON (draw-budget.ts).
    expect(result.data === null && !result.points).toBe(row.kept === 0)
    if (result.data) expect(result.data.features).toHaveLength(row.kept)
    if (result.points) expect(result.points.length).toBe(row.kept)
    if (row.keyZh === null) {
      expect(result.problems, summary).toEqual([])
    } else {
      expect(result.problems.map((problem) => formatImportProblem(problem, 'zh')).join('\n')).toContain(row.keyZh)
      expect(summary).toContain(row.keyEn)
    }
    for (const problem of result.problems) expect(problem.found.length).toBeLessThanOrEqual(80)
  })
})

describe('property text is data, never markup', () => {
  test('HTML, script and javascript: links are kept verbatim', async () => {
    const result = await importRow(rows.find((row) => row.file === 'bad/html-in-properties.geojson')!)
    expect(result.data!.features.map((feature) => feature.properties)).toEqual([
      { name: '<img src=x onerror=alert(1)>', note: 'image with an onerror handler' },
      { name: '<script>alert(1)</script>', note: 'script tag' },
      { name: '恶意链接', link: 'javascript:alert(1)' },
      { name: '正常链接', link: 'https://www.jindong.gov.cn/' },
    ])
  })

  test('a 1 MB property is kept whole; the problem about a 1 MB coordinate is cut short', async () => {
    const result = await importRow(rows.find((row) => row.file.includes('long-property'))!)
    expect((result.data!.features[0]!.properties!.note as string).length).toBe(1024 * 1024)
    const problem = result.problems.find((p) => p.featureIndex === 1)!
    expect(problem.found.length).toBeLessThanOrEqual(80)
    expect(problem.message.en.length).toBeLessThan(400)
  })

  test('GBK text is decoded, names and all', async () => {
    const csv = await importRow(rows.find((row) => row.file === 'good/points-gbk.csv')!)
    expect(csv.data!.features[0]!.properties).toEqual({ 名称: '多湖街道', 类型: '空气站', 数量: 10 })
    const shapefile = await importRow(rows.find((row) => row.file === 'good/polygons-gbk-shapefile.zip')!)
    expect(shapefile.data!.features.map((feature) => feature.properties)).toEqual([
      { 名称: '多湖街道试点区', AREA_KM2: 4.85 },
      { 名称: '曹宅镇示范区', AREA_KM2: 4.86 },
    ])
  })

  test('a NaN property is read as null and its feature kept', async () => {
    const result = await importRow(rows.find((row) => row.file === 'bad/nan-token.geojson')!)
    expect(result.data!.features[1]!.properties).toEqual({ name: '孝顺镇', pm25: null })
  })
})
