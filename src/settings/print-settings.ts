/**
 * The last print's settings (paper, scale, subtitle, 审图号), remembered in local storage so that the
 * next 出图 starts from them. What is read back is checked: anything unknown falls back to A4 across,
 * as on screen, empty fields.
 */
import { PRINT_PAPERS, PRINT_SCALES, type PrintPaper } from './print-paper'

export interface PrintSettings {
  paper: PrintPaper
  /** 0: as on screen; otherwise 1:N. */
  scale: number
  subtitle: string
  approval: string
}

const KEY = 'jindong-print'
export const DEFAULT_PRINT: PrintSettings = { paper: 'a4-landscape', scale: 0, subtitle: '', approval: '' }

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '')

export function readPrintSettings(storage: Pick<Storage, 'getItem'> | null): PrintSettings {
  let stored: Record<string, unknown> = {}
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}')
    if (parsed && typeof parsed === 'object') stored = parsed as Record<string, unknown>
  } catch {
    // A hand-edited or broken entry: the defaults.
  }
  return {
    paper: PRINT_PAPERS.includes(stored.paper as PrintPaper) ? (stored.paper as PrintPaper) : DEFAULT_PRINT.paper,
    scale: (PRINT_SCALES as readonly number[]).includes(stored.scale as number) ? (stored.scale as number) : 0,
    subtitle: text(stored.subtitle, 80),
    approval: text(stored.approval, 60),
  }
}

export function writePrintSettings(storage: Pick<Storage, 'setItem'> | null, settings: PrintSettings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings))
  } catch {
    // Storage full or refused: the settings are simply not remembered.
  }
}
