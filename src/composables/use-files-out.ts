/**
 * Files out, for components (which never import src/io themselves): a download, a table as CSV, and the map picture
 * composed with its title, legend and scale bar. The picture's code is loaded on first use, not with
 * the first view.
 */
import { downloadBlob } from '../io/download'
import { parts } from '../io/parts'
import type { PngLayout } from '../io/export-png'

export type { ExportLegendSection, ExportTitleSubject } from '../io/export-png'

export function useFilesOut() {
  return {
    download: downloadBlob,
    /** A table as CSV text (UTF-8 with BOM, src/domain/text/export-table.ts), its writer loaded on first use. */
    async csv(header: readonly string[], rows: readonly (readonly unknown[])[]): Promise<string> {
      const { toCsv } = await parts.load('CSV writer', () => import('../domain/text/export-table'))
      return toCsv(header, rows)
    },
    async composePng(layout: PngLayout): Promise<HTMLCanvasElement> {
      const { composePng } = await import('../io/export-png')
      return composePng(layout)
    },
  }
}
