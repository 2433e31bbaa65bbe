// CSV and TSV files through importBytes (import-file.ts).
import { describe, expect, test } from 'vitest'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { formatImportProblem } from '../../../../src/user-data/import/import-issues'
import { encodeGbk } from '../../../fixtures/support/gbk'

const utf8 = (text: string) => new TextEncoder().encode(text)
const run = (text: string | Uint8Array, fileName = 'points.csv') =>
  importBytes(typeof text === 'string' ? utf8(text) : text, { fileName, declaredCrs: 'auto' })

describe('importBytes with CSV and TSV', () => {
  test.each([
    ['lng,lat', 'lng/lat'],
    ['LON,LAT', 'lon/lat, upper case'],
    ['Long,Lat', 'long/lat'],
    ['Longitude,Latitude', 'longitude/latitude'],
    ['X,Y', 'x/y'],
    ['经度,纬度', '经度/纬度'],
    ['东经,北纬', '东经/北纬'],
    [' lng , lat ', 'with spaces'],
  ])('finds the coordinate columns %s (%s)', async (header) => {
    const result = await run(`name,${header}\n多湖,119.68511,29.0937\n`)
    expect(result.featureCount).toBe(1)
    expect(result.data!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [119.68511, 29.0937] })
    expect(result.data!.features[0]!.properties).toEqual({ name: '多湖' })
  })

  test('prefers named degree columns over x/y', async () => {
    const result = await run('x,y,经度,纬度\n465929,3220403,119.68511,29.0937\n')
    expect(result.data!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [119.68511, 29.0937] })
    expect(result.data!.features[0]!.properties).toEqual({ x: 465929, y: 3220403 })
  })

  test('numbers stay text unless the whole column is numbers; zero-padded codes stay text', async () => {
    const result = await run(
      'lng,lat,count,mixed,code,blank\n119.7,29.1,1,2,0571,\n119.8,29.2,,abc,0579,\n119.9,29.15,3.5,4,123,\n',
    )
    expect(result.data!.features.map((feature) => feature.properties)).toEqual([
      { count: 1, mixed: '2', code: '0571', blank: '' },
      { count: null, mixed: 'abc', code: '0579', blank: '' },
      { count: 3.5, mixed: '4', code: '123', blank: '' },
    ])
  })

  test('names empty and repeated headers, and keeps a "__proto__" column as data', async () => {
    const result = await run('lng,lat,,name,name,__proto__\n119.7,29.1,a,b,c,d\n')
    const properties = result.data!.features[0]!.properties!
    expect(Object.keys(properties)).toEqual(['column 3', 'name', 'name_2', '__proto__'])
    expect(properties['__proto__']).toBe('d')
  })

  test('a bad row is named by line (header = line 1) and column, and skipped', async () => {
    const result = await run('名称,经度,纬度\n\n甲,119.7,29.1\n乙,abc,29.1\n丙,119.8,\n')
    expect(result.featureCount).toBe(1)
    expect(result.rejectedCount).toBe(2)
    expect(result.problems.map((problem) => formatImportProblem(problem, 'zh'))).toEqual([
      '文件 points.csv，第 4 行，列 经度：发现 "abc"，应为数字（或 119°48′30″E、东经119度48分30秒 这样的度分秒）；该行已跳过',
      '文件 points.csv，第 5 行，列 纬度：坐标为空，应为数字；该行已跳过',
    ])
    expect(formatImportProblem(result.problems[0]!, 'en')).toBe(
      'points.csv, line 4, column 经度: found "abc"; expected a number (or degrees-minutes-seconds such as ' +
        '119°48′30″E); the row was skipped',
    )
  })

  test('rows wider or narrower than the header are read, with one warning', async () => {
    const result = await run('lng,lat,name\n119.7,29.1\n119.8,29.2,b,extra\n119.9,29.3,c\n')
    expect(result.featureCount).toBe(3)
    expect(result.problems).toHaveLength(1)
    expect(result.problems[0]!.message.en).toMatch(
      /^2 rows, from line 2, have a different number of cells than the header \(3\)/,
    )
  })

  test('no coordinate columns: the header found and the names accepted', async () => {
    const result = await run('name,address\na,b\n')
    expect(result.ok).toBe(false)
    expect(result.problems[0]!.found).toBe('name, address')
    expect(result.problems[0]!.message.en).toContain(
      'lng/lat, lon/lat, long/lat, longitude/latitude, x/y, 经度/纬度, 东经/北纬',
    )
  })

  test('TSV by content; GBK reported; CRLF and BOM handled', async () => {
    const tsv = await run('name\tlng\tlat\r\na\t119.7\t29.1\r\n', 'points.txt')
    expect([tsv.format, tsv.featureCount]).toEqual(['tsv', 1])
    const gbk = await run(encodeGbk('名称,经度,纬度\r\n孝顺镇,119.86984,29.17997\r\n'))
    expect([gbk.encoding, gbk.data!.features[0]!.properties!['名称']]).toEqual(['gbk', '孝顺镇'])
    const bom = await run('\uFEFFlng,lat\n119.7,29.1\n')
    expect(bom.featureCount).toBe(1)
  })

  test('a long cell is kept; its problem shows 80 characters at most', async () => {
    const long = '9'.repeat(5000) + 'x'
    const result = await run(`lng,lat,note\n${long},29.1,a\n119.7,29.1,${'n'.repeat(100_000)}\n`)
    expect(result.problems[0]!.found.length).toBeLessThanOrEqual(80)
    expect((result.data!.features[0]!.properties!.note as string).length).toBe(100_000)
  })

  test('projected x/y columns get the same CRS suggestion as GeoJSON', async () => {
    const result = await run('name,x,y\na,13323286,3387577\nb,13322917,3390400\n')
    expect(result.ok).toBe(false)
    expect(result.crsSuggestions[0]!.crs).toBe('EPSG:3857')
    const converted = await importBytes(utf8('name,x,y\na,13323286,3387577\n'), {
      fileName: 'a.csv',
      declaredCrs: 'EPSG:3857',
    })
    const [lng, lat] = (converted.data!.features[0]!.geometry as { coordinates: number[] }).coordinates
    expect(lng).toBeCloseTo(119.68511, 4)
    expect(lat).toBeCloseTo(29.0937, 4)
  })
})
