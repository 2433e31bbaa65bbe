/**
 * The text is real: pdf.js (the reader in Firefox and many web viewers) extracts it from the written
 * PDF as it was given — Chinese, ASCII, full-width punctuation, a character outside the BMP — with the
 * widths and positions the writer laid out. Line breaks come back as spaces (a text item is one line).
 *
 * Needs the dev dependency pdfjs-dist (its legacy build runs in node); skipped, and says so, without it.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, test } from 'vitest'
import { writePdf, type PdfItem } from '../../../../src/io/pdf/write-pdf'
import { paperMm } from '../../../../src/settings/print-paper'
import { textWidthMm } from '../../../../src/io/pdf/pdf-font'
import { tinyJpeg } from './read-pdf'

// A path, not `new URL(…, import.meta.url)`: vite rewrites that pattern into a server URL.
const PDFJS = join(dirname(fileURLToPath(import.meta.url)), '../../../../node_modules/pdfjs-dist/')
const PDFJS_MODULE = `${PDFJS}legacy/build/pdf.mjs`
const PT = 72 / 25.4

interface TextItem {
  str: string
  width: number
  transform: number[]
}
interface Pdfjs {
  getDocument(source: Record<string, unknown>): {
    promise: Promise<{
      numPages: number
      getMetadata(): Promise<{ info: Record<string, unknown> }>
      getPage(n: number): Promise<{ getTextContent(): Promise<{ items: (TextItem | object)[] }> }>
      destroy(): Promise<void>
    }>
  }
}

async function extract(data: Uint8Array) {
  const pdfjs = (await import(/* @vite-ignore */ pathToFileURL(PDFJS_MODULE).href)) as Pdfjs
  const document = await pdfjs.getDocument({
    data,
    cMapUrl: `${PDFJS}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS}standard_fonts/`,
    useSystemFonts: false,
    verbosity: 0,
  }).promise
  const pages: TextItem[][] = []
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent()
    pages.push(content.items.filter((item): item is TextItem => 'str' in item && (item as TextItem).str.trim() !== ''))
  }
  const { info } = await document.getMetadata()
  await document.destroy()
  return { pages, info }
}

const line = (text: string, xMm: number, yMm: number, extra: Partial<Extract<PdfItem, { kind: 'text' }>> = {}) =>
  ({ kind: 'text', text, xMm, yMm, sizePt: 10, ...extra }) as const satisfies PdfItem

describe('text extracted by pdf.js', () => {
  const items = [
    { kind: 'rect', xMm: 0, yMm: 0, widthMm: 297, heightMm: 20, fill: '#14402a' },
    line('金东生态环境一张图', 10, 14, { sizePt: 22, colour: '#ffffff' }),
    line('2024年5月6日', 287, 14, { align: 'right' }),
    {
      kind: 'image',
      jpeg: tinyJpeg(64, 48),
      pixelWidth: 64,
      pixelHeight: 48,
      xMm: 10,
      yMm: 25,
      widthMm: 200,
      heightMm: 150,
    },
    line('比例尺 1:50,000', 220, 150),
    line('审图号：浙S(2022)123号', 220, 160),
    line('Sources: Jindong District EEB, OpenStreetMap contributors', 10, 190, { sizePt: 8 }),
    line('罕见字 𠀀 outside the BMP', 10, 200, { sizePt: 8 }),
    line('a)(b\\c\nd', 220, 170),
  ] satisfies PdfItem[]
  const pdf = writePdf([{ ...paperMm('a4-landscape'), items }], {
    title: '金东生态环境一张图 · 出图',
    creationDate: new Date(2024, 4, 6),
  })
  let extraction: ReturnType<typeof extract> | undefined
  /** Extracted once, when the first test asks (not while the file is collected, skipped or not). */
  const extracted = () => (extraction ??= extract(pdf))

  test('every line comes back as written; a line break as a space', async () => {
    const [page] = (await extracted()).pages
    expect(page!.map((item) => item.str)).toEqual([
      '金东生态环境一张图',
      '2024年5月6日',
      '比例尺 1:50,000',
      '审图号：浙S(2022)123号',
      'Sources: Jindong District EEB, OpenStreetMap contributors',
      '罕见字 𠀀 outside the BMP',
      'a)(b\\c d',
    ])
  })

  test("each line is where it was put (baseline from the page's top) and as wide as textWidthMm says", async () => {
    const [page] = (await extracted()).pages
    const texts = items.filter((item) => item.kind === 'text')
    page!.forEach((item, i) => {
      const given = texts[i]!
      const width = textWidthMm(given.text, given.sizePt) * PT
      expect(item.width).toBeCloseTo(width, 1)
      expect(item.transform[0]).toBeCloseTo(given.sizePt, 2)
      const left = given.align === 'right' ? given.xMm * PT - width : given.xMm * PT
      expect(item.transform[4]).toBeCloseTo(left, 1)
      expect(item.transform[5]).toBeCloseTo((210 - given.yMm) * PT, 1)
    })
  })

  test('the title in the document info is Unicode', async () => {
    const { info } = await extracted()
    expect(info.Title).toBe('金东生态环境一张图 · 出图')
    expect(info.Producer).toMatch(/金东生态环境一张图/)
    expect(info.CreationDate).toMatch(/^D:20240506000000/)
  })
})
