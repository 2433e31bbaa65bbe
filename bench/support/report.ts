/**
 * What a figure reports, and how the table is printed. Every row shows both absolute values and
 * their ratio (ours / baseline); "target" and "met" are information, never a pass/fail exit.
 */

export interface Measured {
  /** null when there is no number (a crash, a timeout, no baseline). */
  value: number | null
  unit: 'ms' | 'kB' | 'MB'
  /** Shown instead of the number, or after it: "crashed (out of memory)", "scaled from 100k". */
  text?: string
}

export interface FigureRow {
  figure: string
  measure: string
  ours: Measured
  baseline: Measured | null
  /** ours / baseline, when both are numbers. */
  ratio: number | null
  target: string
  met: boolean | null
}

export interface FigureReport {
  id: string
  title: string
  rows: FigureRow[]
  notes: string[]
  details: Record<string, unknown>
}

export interface FigureContext {
  appUrl: string
  benchUrl: string
  log(message: string): void
}

export function measured(value: number | null, unit: Measured['unit'], text?: string): Measured {
  return text === undefined ? { value, unit } : { value, unit, text }
}

export function ratioOf(ours: Measured, baseline: Measured | null): number | null {
  if (ours.value === null || !baseline || baseline.value === null || baseline.value === 0) return null
  return ours.value / baseline.value
}

function formatMeasured(m: Measured | null): string {
  if (!m) return '—'
  if (m.value === null) return m.text ?? '—'
  const digits = m.value >= 100 ? 0 : 1
  const number = `${m.value.toFixed(digits)} ${m.unit}`
  return m.text ? `${number} (${m.text})` : number
}

function pad(text: string, width: number): string {
  // CJK and other wide characters are not used in cells, so length is the display width.
  return text + ' '.repeat(Math.max(0, width - text.length))
}

export function formatTable(rows: readonly FigureRow[]): string {
  const header = ['figure', 'measure', 'ours', 'baseline', 'ratio', 'target', 'met']
  const cells = rows.map((row) => [
    row.figure,
    row.measure,
    formatMeasured(row.ours),
    formatMeasured(row.baseline),
    row.ratio === null ? '—' : `${row.ratio.toFixed(3)}×`,
    row.target,
    row.met === null ? 'n/a' : row.met ? 'yes' : 'no',
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)))
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => pad(value, widths[column]!)).join(' | ')} |`
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line)].join('\n')
}
