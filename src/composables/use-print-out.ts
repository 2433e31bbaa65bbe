/**
 * 出图 for the export menu (components never import src/io themselves): a print-ready page as PDF
 * bytes. Its writer loads on the first print; kept apart from use-files-out.ts, which the first
 * view's panels use.
 */
import type { PrintLayout } from '../io/print-pdf'

export type { PrintLayout } from '../io/print-pdf'

export function usePrintOut() {
  return {
    async composePdf(layout: PrintLayout): Promise<Uint8Array> {
      const { printPdf } = await import('../io/print-pdf')
      return printPdf(layout)
    },
  }
}
