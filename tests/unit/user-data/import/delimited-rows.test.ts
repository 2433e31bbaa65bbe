// CSV/TSV text to rows: the delimiter guess, quoted cells and rows at the end of the file, and line counting.
import { describe, expect, test } from 'vitest'
import { detectDelimiter, readDelimitedRows } from '../../../../src/user-data/import/delimited-rows'
import { parseDecimal } from '../../../../src/user-data/import/parse-delimited'

const rows = (text: string, delimiter = ',') =>
  [...readDelimitedRows(text, delimiter)].map((row) => ({ cells: row.cells, line: row.line }))

describe('detectDelimiter', () => {
  test.each([
    ['name\tlng\tlat', '\t'],
    ['a\tb,c', '\t'],
    ['a\tb;c', '\t'],
    ['a;b\n1,2,3,4', ';'],
    ['x;y,', ','],
    ['   \nname;lng;lat\n1,2,3', ';'],
    ['\n\n \t \na;b', ';'],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter)
  })
})

describe('readDelimitedRows', () => {
  test('a quoted row at the very end of the file, without a line break', () => {
    expect(rows('a\n"x",y')).toEqual([
      { cells: ['a'], line: 1 },
      { cells: ['x', 'y'], line: 2 },
    ])
  })

  test('text after a closing quote is kept; a carriage return only at the end of the row is dropped', () => {
    expect(rows('"x"q,y')).toEqual([{ cells: ['xq', 'y'], line: 1 }])
    expect(rows('"x"q\r,yz\r\n')).toEqual([{ cells: ['xq\r', 'yz'], line: 1 }])
    expect(rows('"x",yz\r\n"a",bc')).toEqual([
      { cells: ['x', 'yz'], line: 1 },
      { cells: ['a', 'bc'], line: 2 },
    ])
  })

  test('unquoted rows: CRLF, and an empty first line', () => {
    expect(rows('a,b\r\nc,d\r\n')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['c', 'd'], line: 2 },
    ])
    expect(rows('\na,b')).toEqual([
      { cells: [''], line: 1 },
      { cells: ['a', 'b'], line: 2 },
    ])
  })

  test('lines after a quoted row are counted from its own line breaks only', () => {
    expect(rows('"a"\n\nb')).toEqual([
      { cells: ['a'], line: 1 },
      { cells: [''], line: 2 },
      { cells: ['b'], line: 3 },
    ])
    expect(rows('"a\nb"\n\nc')).toEqual([
      { cells: ['a\nb'], line: 1 },
      { cells: [''], line: 3 },
      { cells: ['c'], line: 4 },
    ])
  })

  test('quotes, doubled quotes, delimiters and line breaks inside quotes', () => {
    expect(rows('a,b\n"x, y","say ""hi"""\n"two\nlines",z\r\nlast,1')).toEqual([
      { cells: ['a', 'b'], line: 1 },
      { cells: ['x, y', 'say "hi"'], line: 2 },
      { cells: ['two\nlines', 'z'], line: 3 },
      { cells: ['last', '1'], line: 5 },
    ])
  })

  test('an unclosed quote takes the rest of the file and says so', () => {
    const all = [...readDelimitedRows('a,b\n"open,1\n2,3\n', ',')]
    expect(all).toHaveLength(2)
    expect(all[1]!.unclosedQuote).toBe(true)
    expect(all[1]!.cells).toEqual(['open,1\n2,3\n'])
  })

  test('delimiter from the header: tab, comma or semicolon', () => {
    expect(detectDelimiter('\n\nname\tlng\tlat\n')).toBe('\t')
    expect(detectDelimiter('name,lng,lat')).toBe(',')
    expect(detectDelimiter('name;lng;lat\n"a,b";1;2')).toBe(';')
    expect(detectDelimiter('lng')).toBe(',')
  })

  test('parseDecimal accepts plain decimals only', () => {
    expect(parseDecimal(' 119.7 ')).toBe(119.7)
    expect(parseDecimal('-1e3')).toBe(-1000)
    expect(parseDecimal('.5')).toBe(0.5)
    for (const text of ['', ' ', '119,7', '0x10', '1_000', 'Infinity', '119°', 'NaN'])
      expect(parseDecimal(text)).toBeNull()
  })
})
