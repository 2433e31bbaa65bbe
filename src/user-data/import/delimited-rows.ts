/**
 * Splits CSV/TSV text into rows of cells (RFC 4180 quoting: "a, b", "say ""hi""", line breaks
 * inside quotes), remembering the 1-based line each row starts on so problems can name it.
 * Lines without a quote take a fast path (String.split); only quoted lines are walked character
 * by character, and never past their own line unless a quote spans lines, so the work stays
 * linear in the size of the file.
 */

export interface DelimitedRow {
  cells: string[]
  /** 1-based line where the row starts. */
  line: number
  /** Offset just past the row, for progress. */
  end: number
  /** The file ended inside a quoted cell: the rest of the file went into that cell. */
  unclosedQuote: boolean
}

/** The delimiter of the first non-empty line: tab, comma or semicolon, whichever occurs most. */
export function detectDelimiter(text: string): '\t' | ',' | ';' {
  let start = 0
  let end = text.indexOf('\n')
  while (end >= 0 && text.slice(start, end).trim() === '') {
    start = end + 1
    end = text.indexOf('\n', start)
  }
  const header = text.slice(start, end < 0 ? text.length : end)
  const count = (char: string) => header.split(char).length - 1
  const tabs = count('\t')
  const commas = count(',')
  const semicolons = count(';')
  if (tabs > 0 && tabs >= commas && tabs >= semicolons) return '\t'
  if (semicolons > commas) return ';'
  return ','
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++
  return count
}

/** Parses one row that contains a quote, starting at `start`; returns its cells and where it ends. */
function parseQuotedRow(
  text: string,
  start: number,
  delimiter: string,
): { cells: string[]; end: number; unclosedQuote: boolean } {
  const cells: string[] = []
  let i = start
  for (;;) {
    let value = ''
    if (text[i] === '"') {
      let from = i + 1
      for (;;) {
        const quote = text.indexOf('"', from)
        if (quote < 0) {
          cells.push(value + text.slice(from))
          return { cells, end: text.length, unclosedQuote: true }
        }
        value += text.slice(from, quote)
        if (text[quote + 1] === '"') {
          value += '"'
          from = quote + 2
          continue
        }
        i = quote + 1
        break
      }
    }
    // Unquoted cell, or what follows a closing quote before the delimiter (kept, as spreadsheets do).
    const cellStart = i
    while (i < text.length && text[i] !== delimiter && text[i] !== '\n') i++
    let tail = text.slice(cellStart, i)
    if (text[i] !== delimiter && tail.endsWith('\r')) tail = tail.slice(0, -1)
    cells.push(value + tail)
    if (text[i] === delimiter) {
      i++
      continue
    }
    return { cells, end: Math.min(i + 1, text.length), unclosedQuote: false }
  }
}

export function* readDelimitedRows(text: string, delimiter: string): Generator<DelimitedRow> {
  let position = 0
  let line = 1
  // The next quote in the file, searched again only once passed: searching per line would
  // rescan the whole tail of a file whose only quote is near its end.
  let nextQuote = text.indexOf('"')
  while (position < text.length) {
    let lineEnd = text.indexOf('\n', position)
    if (lineEnd < 0) lineEnd = text.length
    if (nextQuote >= 0 && nextQuote < position) nextQuote = text.indexOf('"', position)
    if (nextQuote < 0 || nextQuote > lineEnd) {
      let content = text.slice(position, lineEnd)
      if (content.endsWith('\r')) content = content.slice(0, -1)
      const end = Math.min(lineEnd + 1, text.length)
      yield { cells: content.split(delimiter), line, end, unclosedQuote: false }
      position = end
      line++
      continue
    }
    const row = parseQuotedRow(text, position, delimiter)
    yield { cells: row.cells, line, end: row.end, unclosedQuote: row.unclosedQuote }
    line += countNewlines(text, position, row.end)
    position = row.end
  }
}
