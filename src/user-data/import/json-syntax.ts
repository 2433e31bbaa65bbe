/**
 * Finding where a JSON text goes wrong. JSON.parse says only "Unexpected token 'N'" in some
 * engines and gives a position in others, so when it fails we scan the text ourselves: the first
 * syntax error with its position and what was expected there, and every bare NaN / Infinity token
 * (Python's json.dumps writes them; JSON has no such values). Runs only after JSON.parse failed.
 * Iterative, so deeply nested input cannot overflow the stack.
 */

export type JsonSyntaxErrorKind =
  'truncated' | 'unexpected' | 'trailing-comma' | 'single-quote' | 'comment' | 'after-end' | 'bad-string'

export interface JsonSyntaxError {
  kind: JsonSyntaxErrorKind
  /** Character offset in the text. */
  position: number
  /** The text found there, short. */
  found: string
  expected: { zh: string; en: string }
}

export interface NonFiniteToken {
  position: number
  token: 'NaN' | 'Infinity' | '-Infinity'
}

export interface JsonScan {
  error: JsonSyntaxError | null
  nonFinite: NonFiniteToken[]
}

type Expectation =
  | 'value'
  | 'value-or-array-end'
  | 'value-after-comma'
  | 'key-or-object-end'
  | 'key-after-comma'
  | 'colon'
  | 'comma-or-object-end'
  | 'comma-or-array-end'
  | 'end'

const EXPECTED_TEXT: Record<Expectation, { zh: string; en: string }> = {
  value: {
    zh: '一个值（对象、数组、字符串、数字、true、false 或 null）',
    en: 'a value (object, array, string, number, true, false or null)',
  },
  'value-or-array-end': { zh: '一个值或 ]', en: 'a value or ]' },
  'value-after-comma': { zh: '逗号后的一个值', en: 'a value after the comma' },
  'key-or-object-end': { zh: '双引号括起的属性名或 }', en: 'a property name in double quotes, or }' },
  'key-after-comma': { zh: '逗号后双引号括起的属性名', en: 'a property name in double quotes after the comma' },
  colon: { zh: '冒号 :', en: 'a colon :' },
  'comma-or-object-end': { zh: '逗号 , 或 }', en: 'a comma , or }' },
  'comma-or-array-end': { zh: '逗号 , 或 ]', en: 'a comma , or ]' },
  end: { zh: '文件结束（JSON 之后不应再有内容）', en: 'the end of the file (nothing may follow the JSON)' },
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d])
const ESCAPABLE = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u'])

function skipWhitespace(text: string, from: number): number {
  let i = from
  while (i < text.length && WHITESPACE.has(text.charCodeAt(i))) i++
  return i
}

/** Up to 20 characters from the position, one line only. */
function snippetAt(text: string, position: number): string {
  const rest = text.slice(position, position + 20)
  const lineEnd = rest.search(/[\r\n]/)
  return lineEnd >= 0 ? rest.slice(0, lineEnd) : rest
}

/** Where a string starting at `start` (its opening quote) ends, one past the closing quote. */
function scanString(text: string, start: number): { end: number } | { error: JsonSyntaxError } {
  let i = start + 1
  while (i < text.length) {
    const code = text.charCodeAt(i)
    if (code === 0x22) return { end: i + 1 }
    if (code === 0x5c) {
      const escape = text[i + 1]
      if (escape === undefined) break
      if (!ESCAPABLE.has(escape) || (escape === 'u' && !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))) {
        if (escape === 'u' && i + 6 > text.length) break
        return {
          error: {
            kind: 'bad-string',
            position: i,
            found: snippetAt(text, i),
            expected: {
              zh: '合法的转义（\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX）',
              en: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)',
            },
          },
        }
      }
      i += escape === 'u' ? 6 : 2
      continue
    }
    if (code < 0x20) {
      return {
        error: {
          kind: 'bad-string',
          position: i,
          found: `U+${code.toString(16).padStart(4, '0').toUpperCase()}`,
          expected: {
            zh: '字符串在同一行内以双引号结束（换行须写成 \\n）',
            en: 'the string to close on the same line (write line breaks as \\n)',
          },
        },
      }
    }
    i++
  }
  return {
    error: {
      kind: 'truncated',
      position: text.length,
      found: '',
      expected: { zh: '字符串的结束双引号', en: 'the closing double quote of a string' },
    },
  }
}

export function scanJson(text: string): JsonScan {
  const nonFinite: NonFiniteToken[] = []
  const stack: number[] = [] // 0x7b for an object, 0x5b for an array
  let expect: Expectation = 'value'
  let i = 0

  const fail = (kind: JsonSyntaxErrorKind, position: number, expected = EXPECTED_TEXT[expect]): JsonScan => ({
    error: { kind, position, found: snippetAt(text, position), expected },
    nonFinite,
  })
  const afterValue = (): Expectation => {
    const top = stack[stack.length - 1]
    return top === undefined ? 'end' : top === 0x7b ? 'comma-or-object-end' : 'comma-or-array-end'
  }
  /** Scans one value at i; returns an error scan, or null after moving i past the value. */
  const scanValue = (): JsonScan | null => {
    const char = text[i]!
    if (char === '{' || char === '[') {
      stack.push(char.charCodeAt(0))
      expect = char === '{' ? 'key-or-object-end' : 'value-or-array-end'
      i++
      return null
    }
    if (char === '"') {
      const scanned = scanString(text, i)
      if ('error' in scanned) return { error: scanned.error, nonFinite }
      i = scanned.end
    } else if (text.startsWith('NaN', i) || text.startsWith('Infinity', i) || text.startsWith('-Infinity', i)) {
      const token = text.startsWith('NaN', i) ? 'NaN' : char === '-' ? '-Infinity' : 'Infinity'
      nonFinite.push({ position: i, token })
      i += token.length
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      NUMBER.lastIndex = i
      const match = NUMBER.exec(text)
      if (!match) return fail(i + 1 >= text.length ? 'truncated' : 'unexpected', i)
      i += match[0].length
      // "12." or "1e" at the very end is a number cut short.
      if (i === text.length - 1 && /[.eE]/.test(text[i]!)) return fail('truncated', text.length)
    } else {
      const literal = ['true', 'false', 'null'].find((word) => word[0] === char)
      if (literal && text.startsWith(literal, i)) {
        i += literal.length
      } else if (literal && text.length - i < literal.length && literal.startsWith(text.slice(i))) {
        return fail('truncated', text.length)
      } else if (char === "'") {
        return fail('single-quote', i, {
          zh: '双引号 "（JSON 不允许单引号）',
          en: 'a double quote " (JSON does not allow single quotes)',
        })
      } else if (char === '/') {
        return fail('comment', i, { zh: '一个值（JSON 不允许注释）', en: 'a value (JSON does not allow comments)' })
      } else {
        return fail('unexpected', i)
      }
    }
    expect = afterValue()
    return null
  }

  for (;;) {
    i = skipWhitespace(text, i)
    if (i >= text.length) return expect === 'end' ? { error: null, nonFinite } : fail('truncated', text.length)
    const char = text[i]!
    switch (expect) {
      case 'end':
        return fail('after-end', i)
      case 'colon':
        if (char !== ':') return fail('unexpected', i)
        i++
        expect = 'value'
        break
      case 'comma-or-object-end':
      case 'comma-or-array-end': {
        const closer = expect === 'comma-or-object-end' ? '}' : ']'
        if (char === ',') {
          i++
          expect = expect === 'comma-or-object-end' ? 'key-after-comma' : 'value-after-comma'
        } else if (char === closer) {
          i++
          stack.pop()
          expect = afterValue()
        } else if (char === '/') {
          return fail('comment', i)
        } else {
          return fail('unexpected', i)
        }
        break
      }
      case 'key-or-object-end':
      case 'key-after-comma': {
        if (char === '}' && expect === 'key-or-object-end') {
          i++
          stack.pop()
          expect = afterValue()
        } else if (char === '}') {
          return fail('trailing-comma', i, {
            zh: '逗号后的属性名（最后一项后不能有逗号）',
            en: 'a property name after the comma (no comma after the last member)',
          })
        } else if (char === '"') {
          const scanned = scanString(text, i)
          if ('error' in scanned) return { error: scanned.error, nonFinite }
          i = scanned.end
          expect = 'colon'
        } else if (char === "'") {
          return fail('single-quote', i, {
            zh: '双引号括起的属性名（JSON 不允许单引号）',
            en: 'a property name in double quotes (JSON does not allow single quotes)',
          })
        } else {
          return fail(char === '/' ? 'comment' : 'unexpected', i)
        }
        break
      }
      case 'value-or-array-end':
      case 'value-after-comma': {
        if (char === ']' && expect === 'value-or-array-end') {
          i++
          stack.pop()
          expect = afterValue()
          break
        }
        if (char === ']') {
          return fail('trailing-comma', i, {
            zh: '逗号后的一个值（最后一项后不能有逗号）',
            en: 'a value after the comma (no comma after the last element)',
          })
        }
        const failed = scanValue()
        if (failed) return failed
        break
      }
      case 'value': {
        const failed = scanValue()
        if (failed) return failed
        break
      }
    }
  }
}

/** 1-based line and column (in characters) of an offset. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let at = text.indexOf('\n'); at >= 0 && at < position; at = text.indexOf('\n', at + 1)) {
    line++
    lineStart = at + 1
  }
  return { line, column: position - lineStart + 1 }
}

/** The text with each bare NaN / Infinity token replaced by null, so the rest can be read. */
export function replaceNonFiniteTokens(text: string, tokens: readonly NonFiniteToken[]): string {
  const parts: string[] = []
  let from = 0
  for (const { position, token } of tokens) {
    parts.push(text.slice(from, position), 'null')
    from = position + token.length
  }
  parts.push(text.slice(from))
  return parts.join('')
}
