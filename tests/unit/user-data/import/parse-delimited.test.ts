// CSV/TSV rows to candidates: every problem and property rule of the parser in full, progress, and
// the line a row came from as the engine reports it.
import { describe, expect, test } from 'vitest'
import { ImportContext } from '../../../../src/user-data/import/import-context'
import { importBytes } from '../../../../src/user-data/import/import-file'
import { parseDelimitedText } from '../../../../src/user-data/import/parse-delimited'
import type { ImportProgress } from '../../../../src/user-data/import/types'

async function parse(text: string, onProgress?: (progress: ImportProgress) => void) {
  const context = new ImportContext('p.csv', onProgress)
  const source = await parseDelimitedText(text, ',', context)
  return {
    source,
    problems: context.problems.toArray(),
    properties: source.candidates.features.map((feature) => feature.properties),
  }
}

describe('parseDelimitedText: problems', () => {
  test('no header at all', async () => {
    const { source, problems } = await parse('\n  \n')
    expect(source).toMatchObject({ failed: true, rejectedCount: 0 })
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'p.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: 'no header',
        expected: 'a header line',
        message: { zh: '文件没有内容', en: 'the file has no content' },
      },
    ])
  })

  test('coordinates missing, blank or not numbers', async () => {
    const { problems, source } = await parse('name,lng,lat\na\nb, ,29\nc,119.7,x\n')
    expect(source.rejectedCount).toBe(3)
    expect(problems[0]!.found).toBe('1 rows')
    expect(problems.slice(1)).toEqual([
      {
        severity: 'error',
        file: 'p.csv',
        featureIndex: null,
        line: 2,
        field: 'column lng',
        found: '',
        expected: 'a number',
        message: {
          zh: '坐标为空，应为数字；该行已跳过',
          en: 'the coordinate is empty; expected a number; the row was skipped',
        },
      },
      expect.objectContaining({ line: 3, field: 'column lng', found: '' }),
      expect.objectContaining({
        line: 4,
        field: 'column lat',
        found: 'x',
        message: {
          zh: '发现 "x"，应为数字（或 119°48′30″E、东经119度48分30秒 这样的度分秒）；该行已跳过',
          en: 'found "x"; expected a number (or degrees-minutes-seconds such as 119°48′30″E); the row was skipped',
        },
      }),
    ])
  })

  test('a quote never closed: a warning naming its line', async () => {
    const { problems } = await parse('lng,lat,name\n119.7,29.1,"open\n119.8,29.2,b\n')
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'p.csv',
        featureIndex: null,
        line: 2,
        field: '',
        found: '"',
        expected: 'a closing quote',
        message: {
          zh: '此行的引号没有闭合，文件其余部分都读进了一个单元格',
          en: 'a quote opened on this line is never closed; the rest of the file went into one cell',
        },
      },
    ])
  })

  test('rows of another width: one warning with the first line and the count', async () => {
    const { problems } = await parse('lng,lat,name\n119.7,29.1\n119.8,29.2,b\n119.9,29.3,c,d\n')
    expect(problems).toEqual([
      {
        severity: 'warning',
        file: 'p.csv',
        featureIndex: null,
        line: null,
        field: '',
        found: '2 rows',
        expected: '3 cells per row',
        message: {
          zh: '从第 2 行起共 2 行的列数与表头（3 列）不同；多出的列已忽略，缺少的列按空值处理',
          en:
            '2 rows, from line 2, have a different number of cells than the header (3); ' +
            'extra cells were ignored, missing ones read as empty',
        },
      },
    ])
  })

  test('no coordinate columns: the header, its line, and the names accepted', async () => {
    const accepted = 'lng/lat, lon/lat, long/lat, longitude/latitude, x/y, 经度/纬度, 东经/北纬'
    const { problems, source } = await parse('\n\nname,lng,address\na,1,b\n')
    expect(source).toMatchObject({ failed: true, rejectedCount: 1 })
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'p.csv',
        featureIndex: null,
        line: 3,
        field: 'header',
        found: 'name, lng, address',
        expected: accepted,
        message: {
          zh: `找不到坐标列。表头为：name, lng, address；可用的列名（不区分大小写）：${accepted}`,
          en: `no coordinate columns. The header is: name, lng, address; accepted names (any case): ${accepted}`,
        },
      },
    ])
    expect((await parse('lat,name\n29,a\n')).problems[0]!.field).toBe('header')
  })

  test('full-width commas are pointed out only when the header is one column holding them', async () => {
    const accepted = 'lng/lat, lon/lat, long/lat, longitude/latitude, x/y, 经度/纬度, 东经/北纬'
    const [oneColumn] = (await parse('名称，经度，纬度\n甲，119.7，29.1\n')).problems
    expect(oneColumn!.message.en).toBe(
      `no coordinate columns. The header is: 名称，经度，纬度; accepted names (any case): ${accepted}` +
        '. The header is separated by full-width commas (，); use ASCII commas (,)',
    )
    expect(oneColumn!.message.zh).toBe(
      `找不到坐标列。表头为：名称，经度，纬度；可用的列名（不区分大小写）：${accepted}。表头用的是中文逗号“，”，请改用英文逗号“,”`,
    )
    const [twoColumns] = (await parse('名称，经度,备注\n甲，119.7,x\n')).problems
    expect(twoColumns!.message.en).toMatch(/东经\/北纬$/)
    const [plain] = (await parse('name\na\n')).problems
    expect(plain!.message.en).toMatch(/东经\/北纬$/)
  })
})

describe('parseDelimitedText: rows and properties', () => {
  test('blank and whitespace-only rows are skipped, before and after the header', async () => {
    const { properties, problems, source } = await parse('\n \nlng,lat,name\n  ,  , \n119.7,29.1,a\n')
    expect(problems).toEqual([])
    expect(properties).toEqual([{ name: 'a' }])
    expect(source.candidates.originAt(0)).toEqual({ featureIndex: null, line: 5 })
    expect(source.candidates.features[0]).toEqual({
      type: 'Feature',
      properties: { name: 'a' },
      geometry: { type: 'Point', coordinates: [119.7, 29.1] },
    })
  })

  test('the latitude column may come first', async () => {
    const { source } = await parse('lat,lng\n29.1,119.7\n')
    expect(source.candidates.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [119.7, 29.1] })
  })

  test('numeric columns: blank cells and short rows are null; padded codes and padded zeros stay text', async () => {
    const { properties } = await parse(
      'lng,lat,count,code,note\n119.7,29.1,1, 0571,x\n119.8,29.2,  , 0579\n119.9,29.3\n',
    )
    expect(properties).toEqual([
      { count: 1, code: ' 0571', note: 'x' },
      { count: null, code: ' 0579', note: '' },
      { count: null, code: '', note: '' },
    ])
  })

  test('a column that is only blank is text', async () => {
    expect((await parse('lng,lat,empty\n119.7,29.1,\n')).properties).toEqual([{ empty: '' }])
  })

  test('a "__proto__" column is an ordinary, writable property', async () => {
    const [properties] = (await parse('lng,lat,__proto__\n119.7,29.1,x\n')).properties
    expect(Object.getOwnPropertyDescriptor(properties, '__proto__')).toEqual({
      value: 'x',
      enumerable: true,
      writable: true,
      configurable: true,
    })
  })
})

describe('parseDelimitedText: progress', () => {
  test('parsing every 2000 data rows, validating every 5000 kept rows', async () => {
    const header = 'lng,lat\n'
    const row = '119.7,29.1\n'
    const count = 5002
    const text = header + row.repeat(count)
    const seen: ImportProgress[] = []
    await parse(text, (progress) => seen.push(progress))
    // (the checkpoint at the first data row is within 1% of the start, so not reported)
    const endOf = (dataRow: number) => (header.length + dataRow * row.length) / text.length
    expect(seen).toEqual([
      { phase: 'parsing', fraction: 0 },
      { phase: 'parsing', fraction: endOf(2001) },
      { phase: 'parsing', fraction: endOf(4001) },
      { phase: 'parsing', fraction: 1 },
      { phase: 'validating', fraction: 0 },
      { phase: 'validating', fraction: 5000 / count },
      { phase: 'validating', fraction: 1 },
    ])
  })
})

describe('CSV imports: where a row came from', () => {
  test('a warning about data outside 金华市 names the row by its line', async () => {
    const result = await importBytes(new TextEncoder().encode('lng,lat\n119.7,29.1\n116.4,39.9\n'), {
      fileName: 'p.csv',
      declaredCrs: 'auto',
    })
    expect(result.problems.map((problem) => problem.message.en)).toEqual([
      '1 of 2 features lie outside Jinhua (e.g. line 3 at [116.4, 39.9]); ' +
        'the data was kept — check the coordinate system',
    ])
  })
})
