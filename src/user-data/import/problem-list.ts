/**
 * Collects the problems of one import. A file of a million bad rows must not make a million
 * problem objects, so only the first MAX_LISTED_PROBLEMS are kept and the rest are counted;
 * whole-file problems (format, CRS, encoding) are listed before per-feature ones because they
 * usually explain them.
 */
import { truncateForDisplay, type ImportProblem } from './import-issues'
import { MAX_LISTED_PROBLEMS } from './types'

export interface ProblemDraft {
  severity: ImportProblem['severity']
  featureIndex?: number | null
  line?: number | null
  field?: string
  found?: string
  expected?: string
  message: { zh: string; en: string }
  code?: ImportProblem['code']
}

export class ProblemList {
  private readonly fileLevel: ImportProblem[] = []
  private readonly itemLevel: ImportProblem[] = []
  private omittedErrors = 0
  private omittedWarnings = 0
  errorCount = 0

  constructor(private readonly file: string) {}

  add(draft: ProblemDraft): void {
    if (draft.severity === 'error') this.errorCount++
    const isFileLevel = (draft.featureIndex ?? null) === null && (draft.line ?? null) === null
    const list = isFileLevel ? this.fileLevel : this.itemLevel
    if (list.length >= MAX_LISTED_PROBLEMS) {
      if (draft.severity === 'error') this.omittedErrors++
      else this.omittedWarnings++
      return
    }
    list.push({
      severity: draft.severity,
      file: this.file,
      featureIndex: draft.featureIndex ?? null,
      line: draft.line ?? null,
      field: draft.field ?? '',
      found: truncateForDisplay(draft.found ?? ''),
      expected: draft.expected ?? '',
      message: draft.message,
      ...(draft.code ? { code: draft.code } : {}),
    })
  }

  /** File-level first, at most MAX_LISTED_PROBLEMS, then one "and N more" line if any were left out. */
  toArray(): ImportProblem[] {
    const all = [...this.fileLevel, ...this.itemLevel]
    const listed = all.slice(0, MAX_LISTED_PROBLEMS)
    let omittedErrors = this.omittedErrors
    let omittedWarnings = this.omittedWarnings
    for (const problem of all.slice(MAX_LISTED_PROBLEMS)) {
      if (problem.severity === 'error') omittedErrors++
      else omittedWarnings++
    }
    const omitted = omittedErrors + omittedWarnings
    if (omitted > 0) {
      listed.push({
        severity: omittedErrors > 0 ? 'error' : 'warning',
        file: this.file,
        featureIndex: null,
        line: null,
        field: '',
        found: String(omitted),
        expected: '',
        message: {
          zh: `还有 ${omitted} 个问题未列出（${omittedErrors} 个错误，${omittedWarnings} 个警告）`,
          en: `and ${omitted} more problems not listed (${omittedErrors} errors, ${omittedWarnings} warnings)`,
        },
      })
    }
    return listed
  }
}
