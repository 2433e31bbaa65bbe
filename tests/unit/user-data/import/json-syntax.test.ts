// The JSON scanner: the whole error (kind, position, what was found, what was expected) in each state it
// can fail in, line and column of a position, and NaN/Infinity tokens replaced.
import { describe, expect, test } from 'vitest'
import { lineAndColumn, replaceNonFiniteTokens, scanJson } from '../../../../src/user-data/import/json-syntax'

const VALUE = {
  zh: '一个值（对象、数组、字符串、数字、true、false 或 null）',
  en: 'a value (object, array, string, number, true, false or null)',
}
const error = (kind: string, position: number, found: string, expected: { zh: string; en: string }) => ({
  error: { kind, position, found, expected },
  nonFinite: [],
})

describe('scanJson: the error in each state', () => {
  test('nothing at all, or only whitespace', () => {
    expect(scanJson('')).toEqual(error('truncated', 0, '', VALUE))
    expect(scanJson(' \n\t\r')).toEqual(error('truncated', 4, '', VALUE))
  })

  test('a value was expected', () => {
    expect(scanJson('x')).toEqual(error('unexpected', 0, 'x', VALUE))
    expect(scanJson('[1, x]')).toEqual(
      error('unexpected', 4, 'x]', { zh: '逗号后的一个值', en: 'a value after the comma' }),
    )
    expect(scanJson('[x]')).toEqual(error('unexpected', 1, 'x]', { zh: '一个值或 ]', en: 'a value or ]' }))
  })

  test('single quotes and comments where a value belongs', () => {
    expect(scanJson("['a']")).toEqual(
      error('single-quote', 1, "'a']", {
        zh: '双引号 "（JSON 不允许单引号）',
        en: 'a double quote " (JSON does not allow single quotes)',
      }),
    )
    expect(scanJson('[// c\n1]')).toEqual(
      error('comment', 1, '// c', { zh: '一个值（JSON 不允许注释）', en: 'a value (JSON does not allow comments)' }),
    )
  })

  test('object keys', () => {
    const key = { zh: '双引号括起的属性名或 }', en: 'a property name in double quotes, or }' }
    expect(scanJson('{1: 2}')).toEqual(error('unexpected', 1, '1: 2}', key))
    expect(scanJson('{/* c */}')).toEqual(error('comment', 1, '/* c */}', key))
    expect(scanJson("{'a': 1}")).toEqual(
      error('single-quote', 1, "'a': 1}", {
        zh: '双引号括起的属性名（JSON 不允许单引号）',
        en: 'a property name in double quotes (JSON does not allow single quotes)',
      }),
    )
    expect(scanJson('{"a": 1, }')).toEqual(
      error('trailing-comma', 9, '}', {
        zh: '逗号后的属性名（最后一项后不能有逗号）',
        en: 'a property name after the comma (no comma after the last member)',
      }),
    )
    expect(scanJson('{"a": 1, 2}')).toEqual(
      error('unexpected', 9, '2}', {
        zh: '逗号后双引号括起的属性名',
        en: 'a property name in double quotes after the comma',
      }),
    )
    expect(scanJson('{"a\\x": 1}')).toMatchObject({ error: { kind: 'bad-string', position: 3 } })
  })

  test('the colon', () => {
    expect(scanJson('{"a" 1}')).toEqual(error('unexpected', 5, '1}', { zh: '冒号 :', en: 'a colon :' }))
    expect(scanJson('{"a"')).toEqual(error('truncated', 4, '', { zh: '冒号 :', en: 'a colon :' }))
  })

  test('after a member or an element', () => {
    const objectEnd = { zh: '逗号 , 或 }', en: 'a comma , or }' }
    const arrayEnd = { zh: '逗号 , 或 ]', en: 'a comma , or ]' }
    expect(scanJson('{"a": 1 "b": 2}')).toEqual(error('unexpected', 8, '"b": 2}', objectEnd))
    expect(scanJson('{"a": 1]')).toEqual(error('unexpected', 7, ']', objectEnd))
    expect(scanJson('[1 2]')).toEqual(error('unexpected', 3, '2]', arrayEnd))
    expect(scanJson('[1}')).toEqual(error('unexpected', 2, '}', arrayEnd))
    expect(scanJson('[1 // c\n]')).toEqual(error('comment', 3, '// c', arrayEnd))
    expect(scanJson('[1, ]')).toEqual(
      error('trailing-comma', 4, ']', {
        zh: '逗号后的一个值（最后一项后不能有逗号）',
        en: 'a value after the comma (no comma after the last element)',
      }),
    )
  })

  test('after the end', () => {
    expect(scanJson('{} {}')).toEqual(
      error('after-end', 3, '{}', {
        zh: '文件结束（JSON 之后不应再有内容）',
        en: 'the end of the file (nothing may follow the JSON)',
      }),
    )
    expect(scanJson('[[1], [2]]')).toEqual({ error: null, nonFinite: [] })
    expect(scanJson('{"a": {"b": [1, {"c": 2}]}, "d": []}')).toEqual({ error: null, nonFinite: [] })
  })

  test('the snippet is at most 20 characters and stops at a line break', () => {
    expect(scanJson(`x${'y'.repeat(30)}`).error!.found).toBe(`x${'y'.repeat(19)}`)
    expect(scanJson('x\r\ny').error!.found).toBe('x')
    expect(scanJson('xy\nz').error!.found).toBe('xy')
  })
})

describe('scanJson: numbers and literals', () => {
  test('a number cut short at the very end is truncated', () => {
    expect(scanJson('[12.')).toMatchObject({ error: { kind: 'truncated', position: 4, found: '' } })
    expect(scanJson('[1e')).toMatchObject({ error: { kind: 'truncated', position: 3 } })
    expect(scanJson('[1E')).toMatchObject({ error: { kind: 'truncated', position: 3 } })
    expect(scanJson('[12.]')).toMatchObject({ error: { kind: 'unexpected', position: 3, found: '.]' } })
  })

  test('a minus sign without digits', () => {
    expect(scanJson('[-')).toEqual(error('truncated', 1, '-', { zh: '一个值或 ]', en: 'a value or ]' }))
    expect(scanJson('[-a]')).toEqual(error('unexpected', 1, '-a]', { zh: '一个值或 ]', en: 'a value or ]' }))
  })

  test('digits 0 and 9 start numbers', () => {
    expect(scanJson('[0, 9, -0, 10.5e+3]')).toEqual({ error: null, nonFinite: [] })
  })

  test('a literal cut short is truncated; a wrong word is unexpected', () => {
    expect(scanJson('[nul')).toEqual(error('truncated', 4, '', { zh: '一个值或 ]', en: 'a value or ]' }))
    expect(scanJson('[f')).toMatchObject({ error: { kind: 'truncated', position: 2 } })
    expect(scanJson('[nulx]')).toMatchObject({ error: { kind: 'unexpected', position: 1, found: 'nulx]' } })
    expect(scanJson('[tx')).toMatchObject({ error: { kind: 'unexpected', position: 1 } })
    expect(scanJson('[true, false, null]')).toEqual({ error: null, nonFinite: [] })
  })

  test('NaN and ±Infinity are listed with their positions, and scanning goes on after them', () => {
    expect(scanJson('[NaN, -Infinity, Infinity, -1]')).toEqual({
      error: null,
      nonFinite: [
        { position: 1, token: 'NaN' },
        { position: 6, token: '-Infinity' },
        { position: 17, token: 'Infinity' },
      ],
    })
    expect(scanJson('{"a": NaN x}')).toMatchObject({ error: { kind: 'unexpected', position: 10 } })
  })
})

describe('scanJson: strings', () => {
  const escape = {
    zh: '合法的转义（\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）',
    en: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
  }

  test('every JSON escape is accepted', () => {
    expect(scanJson('"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00E9 \\uabcd"')).toEqual({ error: null, nonFinite: [] })
  })

  test('a bad escape, and a \\u without four hex digits', () => {
    expect(scanJson('"a\\x"')).toEqual(error('bad-string', 2, '\\x"', escape))
    expect(scanJson('"\\u12G4"')).toEqual(error('bad-string', 1, '\\u12G4"', escape))
  })

  test('a string ending inside an escape is truncated', () => {
    const quote = { zh: '字符串的结束双引号', en: 'the closing double quote of a string' }
    expect(scanJson('"ab\\')).toEqual(error('truncated', 4, '', quote))
    expect(scanJson('"\\u12')).toEqual(error('truncated', 5, '', quote))
    expect(scanJson('"\\u12"')).toMatchObject({ error: { kind: 'truncated', position: 6 } })
  })

  test('a raw control character is named by its code point', () => {
    expect(scanJson('"a\tb"')).toEqual(
      error('bad-string', 2, 'U+0009', {
        zh: '字符串在同一行内以双引号结束（换行须写成 \\n）',
        en: 'the string to close on the same line (write line breaks as \\n)',
      }),
    )
    expect(scanJson('"\u001f"').error!.found).toBe('U+001F')
    expect(scanJson('" ~\u007f"')).toEqual({ error: null, nonFinite: [] })
  })
})

describe('lineAndColumn and replaceNonFiniteTokens', () => {
  test('lines counted by \\n; a position on the line break belongs to its line', () => {
    expect(lineAndColumn('ab\ncd', 2)).toEqual({ line: 1, column: 3 })
    expect(lineAndColumn('ab\ncd', 3)).toEqual({ line: 2, column: 1 })
    expect(lineAndColumn('a\n\n\nb', 4)).toEqual({ line: 4, column: 1 })
    expect(lineAndColumn('abc', 3)).toEqual({ line: 1, column: 4 })
  })

  test('each token becomes null, the text around it kept', () => {
    const text = '[NaN,-Infinity, 1]'
    expect(replaceNonFiniteTokens(text, scanJson(text).nonFinite)).toBe('[null,null, 1]')
    expect(replaceNonFiniteTokens('[1]', [])).toBe('[1]')
  })
})

describe('scanJson finds where JSON goes wrong', () => {
  test.each([
    ['{"a": 1,}', 'trailing-comma', 8],
    ['[1, 2,]', 'trailing-comma', 6],
    ["{'a': 1}", 'single-quote', 1],
    ['{"a": 1} // note', 'after-end', 9],
    ['{"a": 1 /* c */}', 'comment', 8],
    ['{"a": [1, 2', 'truncated', 11],
    ['{"a": "abc', 'truncated', 10],
    ['{"a": tru', 'truncated', 9],
    ['{"a": 12.', 'truncated', 9],
    ['{"a" 1}', 'unexpected', 5],
    ['{"a": "x\ny"}', 'bad-string', 8],
    ['{"a": "\\q"}', 'bad-string', 7],
    ['[01]', 'unexpected', 2],
  ])('%s → %s at %i', (text, kind, position) => {
    expect(() => JSON.parse(text)).toThrow()
    const scan = scanJson(text)
    expect(scan.error?.kind).toBe(kind)
    expect(scan.error?.position).toBe(position)
  })

  test('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '"x"', '-0.5e-3', '{"a": [true, false, null, {"b": "\\u00e9\\n"}]}', ' \n[1]\n ']) {
      expect(scanJson(text)).toEqual({ error: null, nonFinite: [] })
    }
  })

  test('lists bare NaN and Infinity tokens but not the words inside strings', () => {
    const text = '{"a": NaN, "b": "NaN", "c": [-Infinity, Infinity]}'
    const scan = scanJson(text)
    expect(scan.error).toBeNull()
    expect(scan.nonFinite.map((token) => token.token)).toEqual(['NaN', '-Infinity', 'Infinity'])
    expect(JSON.parse(replaceNonFiniteTokens(text, scan.nonFinite))).toEqual({ a: null, b: 'NaN', c: [null, null] })
  })

  test('survives deep nesting without recursion', () => {
    const deep = '['.repeat(100_000)
    expect(scanJson(deep).error?.kind).toBe('truncated')
  })

  test('lineAndColumn is 1-based', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 })
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 })
    expect(lineAndColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 })
  })
})

describe('scanJson and lineAndColumn at the very ends of the text', () => {
  test('a bad \\u escape ending exactly at the end of the text is a bad string, not a cut', () => {
    expect(scanJson('"\\u12G4')).toMatchObject({ error: { kind: 'bad-string', position: 1 } })
    expect(scanJson('"\\u12G')).toMatchObject({ error: { kind: 'truncated', position: 6 } })
  })

  test('a line break at the very start counts', () => {
    expect(lineAndColumn('\nab', 2)).toEqual({ line: 2, column: 2 })
  })
})
