/**
 * The problems a delimited table can have, one message each (kept apart from the parser so both stay
 * short): a coordinate cell that is not a number, rows of the wrong width, an unclosed quote, and a
 * header without coordinate columns.
 */
import { truncateForDisplay } from './import-issues'
import type { ImportContext } from './import-context'
import { ACCEPTED_COLUMN_PAIRS } from './coordinate-columns'

export function coordinateProblem(
  context: ImportContext,
  line: number,
  column: string,
  cell: string | undefined,
): void {
  const missing = cell === undefined || cell.trim() === ''
  const found = missing ? '' : truncateForDisplay(cell)
  context.problems.add({
    severity: 'error',
    line,
    field: `column ${column}`,
    found,
    expected: 'a number',
    message: missing
      ? { zh: '坐标为空，应为数字；该行已跳过', en: 'the coordinate is empty; expected a number; the row was skipped' }
      : {
          zh: `发现 "${found}"，应为数字（或 119°48′30″E、东经119度48分30秒 这样的度分秒）；该行已跳过`,
          en:
            `found "${found}"; expected a number (or degrees-minutes-seconds such as 119°48′30″E); the row ` +
            `was skipped`,
        },
  })
}

export function reportFileWarnings(
  context: ImportContext,
  headerLength: number,
  widthMismatch: { line: number; count: number } | null,
  unclosedQuoteLine: number | null,
): void {
  if (unclosedQuoteLine !== null) {
    context.problems.add({
      severity: 'warning',
      line: unclosedQuoteLine,
      found: '"',
      expected: 'a closing quote',
      message: {
        zh: '此行的引号没有闭合，文件其余部分都读进了一个单元格',
        en: 'a quote opened on this line is never closed; the rest of the file went into one cell',
      },
    })
  }
  if (widthMismatch) {
    context.problems.add({
      severity: 'warning',
      found: `${widthMismatch.count} rows`,
      expected: `${headerLength} cells per row`,
      message: {
        zh: `从第 ${widthMismatch.line} 行起共 ${widthMismatch.count} 行的列数与表头（${headerLength} 列）不同；多出的列已忽略，缺少的列按空值处理`,
        en:
          `${widthMismatch.count} rows, from line ${widthMismatch.line}, ` +
          `have a different number of cells than the header (${headerLength}); ` +
          'extra cells were ignored, missing ones read as empty',
      },
    })
  }
}

export function reportNoCoordinateColumns(context: ImportContext, header: readonly string[], line: number): void {
  const headerText = truncateForDisplay(header.join(', '))
  // "名称，经度，纬度" typed with a Chinese input method is one column, not three.
  const fullWidth = header.length === 1 && header[0]!.includes('，')
  context.problems.add({
    severity: 'error',
    line,
    field: 'header',
    found: headerText,
    expected: ACCEPTED_COLUMN_PAIRS,
    message: {
      zh:
        `找不到坐标列。表头为：${headerText}；可用的列名（不区分大小写）：${ACCEPTED_COLUMN_PAIRS}` +
        `${fullWidth ? '。表头用的是中文逗号“，”，请改用英文逗号“,”' : ''}`,
      en:
        `no coordinate columns. The header is: ${headerText}; accepted names (any case): ${ACCEPTED_COLUMN_PAIRS}` +
        `${fullWidth ? '. The header is separated by full-width commas (，); use ASCII commas (,)' : ''}`,
    },
  })
}
