/**
 * Files out, for components (which never import src/io themselves): a download, and the map picture
 * composed with its title, legend and scale bar. The picture's code is loaded on first use, not with
 * the first view.
 */
import { downloadBlob } from '../io/download'
import type { PngLayout } from '../io/export-png'

export type { ExportLegendSection, ExportTitleSubject } from '../io/export-png'

export function useFilesOut() {
  return {
    download: downloadBlob,
    async composePng(layout: PngLayout): Promise<HTMLCanvasElement> {
      const { composePng } = await import('../io/export-png')
      return composePng(layout)
    },
  }
}
