// Zipped shapefiles to candidates: every message, encoding rule and count of the shapefile parser, and
// the feature a problem names as the engine reports it.
import { describe, expect, test } from 'vitest'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { parseShapefileZip } from '../../../../src/user-data/import/parse-shapefile'
import type { ImportProgress } from '../../../../src/user-data/import/types'
import { encodeGbk } from '../../../fixtures/support/gbk'
import { writeShapefile, type DbfField, type ShapeInput } from '../../../fixtures/support/shapefile-writer'
import { writeZip, type ZipInput } from '../../../fixtures/support/zip-writer'

const text = (value: string) => new TextEncoder().encode(value)
const utf8 = (value: string) => new TextEncoder().encode(value)

/** Offsets of the end record and of each central directory entry of a zip without a comment. */
function layout(zip: Uint8Array): { end: number; entries: number[] } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const end = zip.length - 22
  const entries: number[] = []
  let offset = view.getUint32(end + 16, true)
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    entries.push(offset)
    offset += 46 + view.getUint16(offset + 28, true)
  }
  return { end, entries }
}

/** A copy of the zip with a little-endian number written at `at`. */
function patched(zip: Uint8Array, at: number, value: number, size: 2 | 4 = 4): Uint8Array {
  const copy = zip.slice()
  const view = new DataView(copy.buffer)
  if (size === 2) view.setUint16(at, value, true)
  else view.setUint32(at, value, true)
  return copy
}

const SEATS: [number, number][] = [
  [119.68511, 29.0937],
  [119.68179, 29.11577],
]
const NAME: DbfField = { name: 'NAME', type: 'C', length: 12 }
const points = (
  names: string[] = ['多湖', '东孝'],
  options: { encode?: (value: string) => Uint8Array; languageDriver?: number; positions?: [number, number][] } = {},
) =>
  writeShapefile(
    (options.positions ?? SEATS).map((position): ShapeInput => ({ kind: 'point', position })),
    [NAME],
    names.map((name) => [name]),
    { encode: options.encode ?? utf8, languageDriver: options.languageDriver },
  )

async function parse(entries: ZipInput[] | Uint8Array, onProgress?: (progress: ImportProgress) => void) {
  const context = new ImportContext('shapes.zip', onProgress)
  const zip = entries instanceof Uint8Array ? entries : writeZip(entries)
  const source = await parseShapefileZip(zip, context)
  return { source, problems: context.problems.toArray(), names: source.candidates.features.map((f) => f.properties) }
}

const HOLDS = 'a shapefile zip holds .shp, .shx, .dbf (and .prj) files of the same name'

describe('parseShapefileZip: what the zip holds', () => {
  const hint = (en: string) => `no .shp file in the zip (it holds: ${en}`

  test('junk is ignored: folders, __MACOSX, and ._ files at any depth', async () => {
    const { problems, source } = await parse([
      { name: 'docs/', bytes: new Uint8Array() },
      { name: '__MACOSX/a.shp', bytes: text('x') },
      { name: '._a.shp', bytes: text('x') },
      { name: 'sub/._b.shp', bytes: text('x') },
      { name: 'readme.txt', bytes: text('x') },
    ])
    expect(source).toMatchObject({ failed: true, encoding: null, rejectedCount: 0 })
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'shapes.zip',
        featureIndex: null,
        line: null,
        field: '',
        found: 'readme.txt',
        expected: 'a .shp file',
        message: {
          zh: 'zip 中没有 .shp 文件（包含：readme.txt）；shapefile 的 zip 应包含同名的 .shp、.shx、.dbf（和 .prj）',
          en:
            'no .shp file in the zip (it holds: readme.txt); ' +
            'a shapefile zip holds .shp, .shx, .dbf (and .prj) files of the same name',
        },
      },
    ])
  })

  test('an empty zip, and names without an extension', async () => {
    expect((await parse([])).problems[0]!.found).toBe('(empty)')
    expect((await parse([{ name: 'shp', bytes: text('x') }])).problems[0]!.message.en).toMatch(hint('shp)'))
  })

  test('ten names are listed in full; more are cut with the count', async () => {
    const names = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `f${i}.txt`, bytes: text('') }))
    const ten = (await parse(names(10))).problems[0]!.found
    expect(ten).toBe('f0.txt, f1.txt, f2.txt, f3.txt, f4.txt, f5.txt, f6.txt, f7.txt, f8.txt, f9.txt')
    const eleven = (await parse(names(11))).problems[0]!.message.en
    expect(eleven).toBe(`no .shp file in the zip (it holds: ${ten}, … (11)); ` + HOLDS)
  })

  test('an Office file and each readable format inside a zip get their own hint', async () => {
    const office = (await parse([{ name: '[Content_Types].xml', bytes: text('<Types/>') }])).problems[0]!
    expect(office.message).toEqual({
      zh: 'zip 中没有 .shp 文件（包含：[Content_Types].xml）；这像是 Excel/Office 文件，请另存为 CSV（UTF-8）后导入',
      en:
        'no .shp file in the zip (it holds: [Content_Types].xml); ' +
        'this looks like an Excel/Office file; save it as CSV (UTF-8) and import that',
    })
    for (const name of ['a.geojson', 'a.json', 'a.csv', 'a.TSV']) {
      const inner = (await parse([{ name, bytes: text('') }])).problems[0]!
      expect(inner.message).toEqual({
        zh: `zip 中没有 .shp 文件（包含：${name}）；请解压后直接导入 ${name}`,
        en: `no .shp file in the zip (it holds: ${name}); unzip it and import ${name} directly`,
      })
    }
  })

  test('a zip that cannot be read', async () => {
    const { problems, source } = await parse(text('PK\u0003\u0004 but nothing more follows it'))
    expect(source).toMatchObject({ failed: true, encoding: null })
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        found: 'no zip directory found (the file is damaged or not a zip)',
        expected: 'a zip archive',
        message: {
          zh: '无法读取 zip：no zip directory found (the file is damaged or not a zip)',
          en: 'the zip could not be read: no zip directory found (the file is damaged or not a zip)',
        },
      }),
    ])
  })

  test('names are matched without regard to case; ".shp" alone is a shapefile named ""', async () => {
    const files = points()
    const upper = await parse([
      { name: 'Roads.SHP', bytes: files.shp },
      { name: 'roads.dbf', bytes: files.dbf },
    ])
    expect(upper.names).toEqual([{ NAME: '多湖' }, { NAME: '东孝' }])
    const bare = await parse([
      { name: '.shp', bytes: files.shp },
      { name: '.dbf', bytes: files.dbf },
    ])
    expect(bare.names).toEqual([{ NAME: '多湖' }, { NAME: '东孝' }])
    expect(bare.problems).toEqual([])
  })
})

describe('parseShapefileZip: the unpacked size limit', () => {
  test('1024 MB unpacked is allowed; more is refused before anything is inflated', async () => {
    const files = points()
    const zip = writeZip([
      { name: 'a.shp', bytes: files.shp },
      { name: 'a.dbf', bytes: files.dbf },
    ])
    const { entries } = layout(zip)
    const atLimit = patched(
      patched(zip, entries[0]! + 24, 1024 * 1024 * 1024 - files.dbf.length),
      entries[1]! + 24,
      files.dbf.length,
    )
    expect((await parse(atLimit)).source.candidates.length).toBe(2)
    const over = patched(patched(zip, entries[0]! + 24, 0x30000000), entries[1]! + 24, 0x30000000)
    const { source, problems } = await parse(over)
    expect(source).toMatchObject({ failed: true, encoding: null })
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        found: '1536 MB unpacked',
        expected: 'at most 1024 MB',
        message: {
          zh: 'zip 解压后达 1536 MB，超过 1024 MB 上限',
          en: 'the zip unpacks to 1536 MB, over the 1024 MB limit',
        },
      }),
    ])
  })
})

describe('parseShapefileZip: several shapefiles', () => {
  test('merged in order, numbered on across files, each with its own .dbf or a warning', async () => {
    const files = points()
    const { source, problems, names } = await parse([
      { name: 'a.shp', bytes: files.shp },
      { name: 'a.dbf', bytes: files.dbf },
      { name: 'b.shp', bytes: files.shp },
    ])
    expect(names).toEqual([{ NAME: '多湖' }, { NAME: '东孝' }, {}, {}])
    expect([0, 1, 2, 3].map((i) => source.candidates.originAt(i))).toEqual([
      { featureIndex: 0, line: null },
      { featureIndex: 1, line: null },
      { featureIndex: 2, line: null },
      { featureIndex: 3, line: null },
    ])
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        found: 'a.shp, b.shp',
        expected: 'one .shp',
        message: {
          zh: 'zip 中有 2 个 shapefile，已合并为一个图层',
          en: 'the zip holds 2 shapefiles; they were merged into one layer',
        },
      }),
      expect.objectContaining({
        severity: 'warning',
        field: 'b.shp',
        found: 'no .dbf',
        expected: 'b.dbf',
        message: { zh: '缺少 .dbf，要素没有属性', en: 'no .dbf: the features have no attributes' },
      }),
    ])
  })

  test('the expected .dbf name is the .shp base name in lower case', async () => {
    const { problems } = await parse([{ name: 'Roads.shp', bytes: points().shp }])
    expect(problems[0]).toMatchObject({ field: 'Roads.shp', expected: 'roads.dbf' })
  })
})

describe('parseShapefileZip: the .dbf', () => {
  test('a damaged .dbf: one warning, features without attributes', async () => {
    const files = points()
    const damaged = files.dbf.slice()
    new DataView(damaged.buffer).setUint32(4, 99, true)
    const { problems, names, source } = await parse([
      { name: 'a.shp', bytes: files.shp },
      { name: 'a.dbf', bytes: damaged },
    ])
    expect(names).toEqual([{}, {}])
    expect(source.encoding).toBeNull()
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'a.dbf',
        found: 'the .dbf claims 99 records but is too short to hold them',
        expected: 'a readable .dbf',
        message: {
          zh: '无法读取 a.dbf（the .dbf claims 99 records but is too short to hold them），要素没有属性',
          en:
            'a.dbf could not be read (the .dbf claims 99 records but is too short to hold them); ' +
            'the features have no attributes',
        },
      }),
    ])
  })

  test('more or fewer records than shapes: matched in order, with a warning', async () => {
    const shapes = points().shp
    const dbf = points(['甲', '乙', '丙'], { positions: [...SEATS, SEATS[0]!] }).dbf
    const { problems, names } = await parse([
      { name: 'a.shp', bytes: shapes },
      { name: 'a.dbf', bytes: dbf },
    ])
    expect(names).toEqual([{ NAME: '甲' }, { NAME: '乙' }])
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: 'a.shp',
        found: '2 shapes, 3 records',
        expected: 'as many records as shapes',
        message: {
          zh: '.shp 有 2 个图形而 .dbf 有 3 条记录；按顺序对应',
          en: 'the .shp has 2 shapes and the .dbf 3 records; matched in order',
        },
      }),
    ])
  })

  test('dates become YYYY-MM-DD, empty dates and numbers null', async () => {
    const fields = [
      { name: 'DAY', type: 'D' as 'C', length: 8 },
      { name: 'V', type: 'N', length: 6 },
    ] as DbfField[]
    const files = writeShapefile(
      SEATS.map((position): ShapeInput => ({ kind: 'point', position })),
      fields,
      [
        ['20220105', 5],
        ['', ''],
      ],
      { encode: utf8 },
    )
    const { names } = await parse([
      { name: 'a.shp', bytes: files.shp },
      { name: 'a.dbf', bytes: files.dbf },
    ])
    expect(names).toEqual([
      { DAY: '2022-01-05', V: 5 },
      { DAY: null, V: null },
    ])
  })
})

describe('parseShapefileZip: the .dbf encoding', () => {
  const withDbf = (dbf: Uint8Array, cpg?: string) =>
    parse([
      { name: 'a.shp', bytes: points().shp },
      { name: 'a.dbf', bytes: dbf },
      ...(cpg === undefined ? [] : [{ name: 'a.cpg', bytes: text(cpg) }]),
    ])
  const gbkDbf = () => points(['多湖', '东孝'], { encode: encodeGbk }).dbf

  test.each(['UTF-8', ' utf8\n', '65001'])('a .cpg of %j means UTF-8, whatever the bytes', async (cpg) => {
    const { source, names } = await withDbf(gbkDbf(), cpg)
    expect(source.encoding).toBe('utf-8')
    expect(names[0]!.NAME).not.toBe('多湖')
  })

  test.each(['GBK', 'gb2312', 'GB18030', 'cp936', '936', 'ANSI 936', 'windows-936', ' gbk \r\n'])(
    'a .cpg of %j means GBK',
    async (cpg) => {
      const { source, names } = await withDbf(gbkDbf(), cpg)
      expect(source.encoding).toBe('gbk')
      expect(names).toEqual([{ NAME: '多湖' }, { NAME: '东孝' }])
    },
  )

  test.each(['xutf-8', 'utf-8x', 'xgbk', 'gbkx', 'latin1'])(
    'a .cpg of %j is not understood: the bytes decide',
    async (cpg) => {
      expect((await withDbf(gbkDbf(), cpg)).source.encoding).toBe('gbk')
      expect((await withDbf(points().dbf, cpg)).source.encoding).toBe('utf-8')
    },
  )

  test('without a .cpg: the language driver byte, else strict UTF-8 of the records', async () => {
    expect((await withDbf(points().dbf)).source.encoding).toBe('utf-8')
    expect((await withDbf(gbkDbf())).source.encoding).toBe('gbk')
    const gbkDriver = points(['a', 'b'], { languageDriver: 0x4d }).dbf
    expect((await withDbf(gbkDriver)).source.encoding).toBe('gbk')
    const gbkDriver2 = points(['a', 'b'], { languageDriver: 0x7a }).dbf
    expect((await withDbf(gbkDriver2)).source.encoding).toBe('gbk')
  })

  test('the header is left out of the UTF-8 test: GBK field names, ASCII records', async () => {
    const files = writeShapefile(
      SEATS.map((position): ShapeInput => ({ kind: 'point', position })),
      [{ name: '名称', type: 'C', length: 12 }],
      [['a'], ['b']],
      { encode: encodeGbk },
    )
    expect((await withDbf(files.dbf)).source.encoding).toBe('utf-8')
  })
})

describe('parseShapefileZip: the .prj', () => {
  const WGS84 =
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],' +
    'PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]]'
  const MERCATOR =
    '\n  PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",' +
    'SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.0174532925199433]],' +
    'PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0],PARAMETER["False_Northing",0],' +
    'PARAMETER["Central_Meridian",0],PARAMETER["Standard_Parallel_1",0],UNIT["Meter",1]]'
  const withPrj = (prj: string, shp = points().shp) =>
    parse([
      { name: 'Area.shp', bytes: shp },
      { name: 'Area.prj', bytes: text(prj) },
    ])

  test('an empty or blank .prj is no .prj', async () => {
    for (const prj of ['', '  \n']) {
      const { problems, source } = await withPrj(prj)
      expect(source.convertedByPrj).toBe(false)
      expect(problems.map((problem) => problem.found)).toEqual(['no .dbf'])
    }
  })

  test('a .prj proj4 does not understand: a warning, coordinates as they are', async () => {
    const { problems, source } = await withPrj(`NOT A CRS ${'x'.repeat(100)}`)
    expect(source.convertedByPrj).toBe(false)
    expect(problems[0]).toEqual({
      severity: 'warning',
      file: 'shapes.zip',
      featureIndex: null,
      line: null,
      field: 'area.prj',
      found: `NOT A CRS ${'x'.repeat(70)}`,
      expected: 'a WKT coordinate system',
      message: {
        zh: '无法识别 .prj 中的坐标系，坐标按原样读取',
        en: 'the coordinate system in the .prj was not understood; coordinates are read as they are',
      },
    })
    expect(source.candidates.features[0]!.geometry).toEqual({ type: 'Point', coordinates: SEATS[0] })
  })

  test('a geographic .prj is used but is no conversion; a projected one converts', async () => {
    expect((await withPrj(WGS84)).source.convertedByPrj).toBe(false)
    const metres = writeShapefile([{ kind: 'point', position: [13_323_286, 3_387_577] }], [NAME], [['a']], {
      encode: utf8,
    }).shp
    const { source } = await withPrj(MERCATOR, metres)
    expect(source.convertedByPrj).toBe(true)
    const [lng, lat] = (source.candidates.features[0]!.geometry as { coordinates: number[] }).coordinates
    expect(lng).toBeCloseTo(119.685, 3)
    expect(lat).toBeCloseTo(29.094, 3)
  })
})

describe('parseShapefileZip: shapes that cannot be read', () => {
  test('a damaged .shp is an error naming it; with nothing else, the source failed', async () => {
    const damaged = points().shp.slice(0, 110)
    const { problems, source } = await parse([{ name: 'a.shp', bytes: damaged }])
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        field: 'a.shp',
        found: 'record 1 of the .shp is damaged (its length runs past the end of the file)',
        expected: 'a readable shapefile',
        message: {
          zh: '无法读取 a.shp：record 1 of the .shp is damaged (its length runs past the end of the file)',
          en: 'a.shp could not be read: record 1 of the .shp is damaged (its length runs past the end of the file)',
        },
      }),
    ])
  })

  test('any other failure is named with the error type', async () => {
    const zip = writeZip([{ name: 'a.shp', bytes: points().shp, deflate: true }])
    const { entries } = layout(zip)
    // Corrupt the deflated data: inflating fails inside the platform's DecompressionStream.
    const broken = zip.slice()
    broken.fill(0xff, 30 + 5, 30 + 5 + 20)
    expect(entries).toHaveLength(1)
    const { problems } = await parse(broken)
    expect(problems[0]!.message.en).toMatch(/^a\.shp could not be read: \w*Error: \w/)
    expect(problems[0]!.found).toMatch(/^\w*Error: \w/)
  })

  test('a null shape is refused with its feature index; the others are kept', async () => {
    const files = points()
    const withNull = files.shp.slice()
    new DataView(withNull.buffer).setInt32(100 + 28 + 8, 0, true)
    const { problems, source } = await parse([
      { name: 'a.shp', bytes: files.shp },
      { name: 'b.shp', bytes: withNull },
    ])
    expect(source).toMatchObject({ failed: false, rejectedCount: 1 })
    expect(source.candidates.length).toBe(3)
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([
      expect.objectContaining({ severity: 'error', featureIndex: 3, field: 'geometry', found: 'null' }),
    ])
  })

  test('only null shapes: not failed, so the import says no feature was usable', async () => {
    const withNulls = points().shp.slice()
    new DataView(withNulls.buffer).setInt32(100 + 8, 0, true)
    new DataView(withNulls.buffer).setInt32(100 + 28 + 8, 0, true)
    const zip = writeZip([{ name: 'a.shp', bytes: withNulls }])
    const { source } = await parse(zip)
    expect(source).toMatchObject({ failed: false, rejectedCount: 2 })
    const result = await importBytes(zip, { fileName: 'a.zip', declaredCrs: 'auto' })
    expect(result.problems.map((problem) => problem.message.en)).toContain('no usable features')
    const damaged = await importBytes(writeZip([{ name: 'a.shp', bytes: points().shp.slice(0, 110) }]), {
      fileName: 'a.zip',
      declaredCrs: 'auto',
    })
    expect(damaged.problems).toHaveLength(1)
  })
})

describe('parseShapefileZip: progress', () => {
  test('validating from 0, then every 2000 shapes, then 1', async () => {
    const positions = Array.from({ length: 2001 }, (_, i): [number, number] => [119.6 + i * 1e-4, 29.1])
    const files = points(
      positions.map(() => 'p'),
      { positions },
    )
    const seen: ImportProgress[] = []
    await parse(
      [
        { name: 'a.shp', bytes: files.shp },
        { name: 'a.dbf', bytes: files.dbf },
      ],
      (progress) => seen.push(progress),
    )
    expect(seen.filter((progress) => progress.phase === 'validating')).toEqual([
      { phase: 'validating', fraction: 0 },
      { phase: 'validating', fraction: 2000 / 2001 },
      { phase: 'validating', fraction: 1 },
    ])
    expect(seen[0]).toEqual({ phase: 'parsing', fraction: 0 })
  })
})

describe('shapefile imports: where a feature came from', () => {
  test('a warning about data outside 金华市 names the feature by its index', async () => {
    const files = points(['a', 'b'], { positions: [SEATS[0]!, [116.4, 39.9]] })
    const result = await importBytes(
      writeZip([
        { name: 'a.shp', bytes: files.shp },
        { name: 'a.dbf', bytes: files.dbf },
      ]),
      { fileName: 'a.zip', declaredCrs: 'auto' },
    )
    expect(result.format).toBe('shapefile-zip')
    expect(result.problems.map((problem) => problem.message.en)).toContain(
      '1 of 2 features lie outside Jinhua (e.g. feature 1 at [116.4, 39.9]); ' +
        'the data was kept — check the coordinate system',
    )
  })
})
