/**
 * The print-ready map (出图) as a PDF page: the meeting picture's layout (export-png.ts: title bar,
 * map, north arrow, legend column, footer with the scale bar and the sources), laid on A4 or A3 paper
 * at 96 CSS px to the inch, with every word as real text (searchable, selectable; src/io/pdf/) and the
 * map as a 300 dpi image. The footer also states the scale (比例尺 1:N) and the map approval number
 * (审图号) the basemap's terms ask for.
 */
import { writePdf, type PdfItem } from './pdf/write-pdf'
import { fitLegend, scaleBar, type PngLayout } from './export-png'
import { PICTURE_FRAME } from '../settings/picture-pages'
import { CSS_PX_PER_INCH, MM_PER_INCH } from '../settings/print-paper'

export interface PrintLayout extends PngLayout {
  /** The page in CSS px (the paper at 96 to the inch). */
  page: { width: number; height: number }
  /** The paper in mm (the PDF page's exact size). */
  paper: { widthMm: number; heightMm: number }
  /** The map as JPEG, at the map's size on the page. */
  mapJpeg: Uint8Array
  /** "比例尺 1:50,000", as the footer says it. */
  scaleStatement: string
  /** "审图号：…", or empty. */
  approval: string
  /** The document's title (the PDF's own metadata). */
  documentTitle: string
}

const mm = (px: number) => (px * MM_PER_INCH) / CSS_PX_PER_INCH
const pt = (px: number) => px * 0.75
const { header: HEADER, legendWidth: LEGEND_WIDTH, footer: FOOTER } = PICTURE_FRAME
const INK = '#1c2b22'
const MUTED = '#5d6b62'

function text(value: string, x: number, y: number, sizePx: number, extra: Partial<PdfItem> = {}): PdfItem {
  return { kind: 'text', text: value, xMm: mm(x), yMm: mm(y), sizePt: pt(sizePx), colour: INK, ...extra } as PdfItem
}

/** The north arrow (turned by the bearing) with its letter, centred on (x, y) in CSS px. */
function northArrow(x: number, y: number, bearing: number, letter: string): PdfItem[] {
  const turn = (-bearing * Math.PI) / 180
  const at = ([dx, dy]: [number, number]): [number, number] => [
    mm(x + dx * Math.cos(turn) - dy * Math.sin(turn)),
    mm(y + dx * Math.sin(turn) + dy * Math.cos(turn)),
  ]
  const circle = Array.from({ length: 24 }, (_, i): [number, number] => {
    const a = (i / 24) * Math.PI * 2
    return [mm(x + 24 * Math.cos(a)), mm(y + 24 * Math.sin(a))]
  })
  return [
    { kind: 'path', points: circle, closed: true, fill: '#ffffff' },
    {
      kind: 'path',
      points: (
        [
          [0, -18],
          [8, 6],
          [0, 1],
          [-8, 6],
        ] as [number, number][]
      ).map(at),
      closed: true,
      fill: INK,
    },
    text(letter, x, y + 19, 11, { align: 'center' }),
  ]
}

/** The page's items, in the picture's layout. */
export function printItems(layout: PrintLayout): PdfItem[] {
  const width = layout.page.width
  const height = layout.page.height
  const mapWidth = width - LEGEND_WIDTH
  const mapHeight = height - HEADER - FOOTER
  const items: PdfItem[] = [
    { kind: 'rect', xMm: 0, yMm: 0, widthMm: mm(width), heightMm: mm(HEADER), fill: '#14402a' },
    text(layout.title, 16, HEADER / 2 + 8, 22, { colour: '#ffffff', maxWidthMm: mm(mapWidth - 32) }),
    text(layout.subtitle, width - 16, HEADER / 2 + 5, 14, { colour: '#ffffff', align: 'right' }),
    {
      kind: 'image',
      jpeg: layout.mapJpeg,
      pixelWidth: layout.map.width,
      pixelHeight: layout.map.height,
      xMm: 0,
      yMm: mm(HEADER),
      widthMm: mm(mapWidth),
      heightMm: mm(mapHeight),
    },
  ]

  // What the map shows (the on-screen title card), one line a subject, over the map's top-left corner.
  const subjects = layout.titleCard ?? []
  if (subjects.length) {
    const lines = subjects.map((s) => [s.title, s.period, s.badge].filter(Boolean).join(' · '))
    items.push({
      kind: 'rect',
      xMm: mm(12),
      yMm: mm(HEADER + 12),
      widthMm: mm(300),
      heightMm: mm(10 + lines.length * 18),
      fill: '#ffffff',
      stroke: '#d0d7d2',
      lineWidthMm: 0.2,
    })
    lines.forEach((line, i) => items.push(text(line, 22, HEADER + 12 + 20 + i * 18, 12, { maxWidthMm: mm(280) })))
  }
  items.push(...northArrow(mapWidth - 36, HEADER + 36, layout.bearing ?? 0, layout.north ?? 'N'))

  // The legend column: themes first, reference layers last and left out first when room is short.
  const fitted = fitLegend(layout.legend, mapHeight)
  const x = mapWidth + 16
  let y = HEADER + 16
  for (const section of fitted.sections) {
    items.push(text(section.title, x, y + 13, 14, { maxWidthMm: mm(LEGEND_WIDTH - 32) }))
    y += 26
    for (const item of section.items) {
      if (item.shape === 'fill')
        items.push({ kind: 'rect', xMm: mm(x), yMm: mm(y), widthMm: mm(18), heightMm: mm(12), fill: item.colour })
      else if (item.shape === 'circle' || item.shape === 'glyph')
        items.push({
          kind: 'path',
          points: Array.from({ length: 16 }, (_, i): [number, number] => {
            const a = (i / 16) * Math.PI * 2
            return [mm(x + 9 + 6 * Math.cos(a)), mm(y + 6 + 6 * Math.sin(a))]
          }),
          closed: true,
          fill: item.colour,
        })
      else
        items.push({
          kind: 'path',
          points: [
            [mm(x), mm(y + 6)],
            [mm(x + 18), mm(y + 6)],
          ],
          stroke: item.colour,
          lineWidthMm: mm(3),
          ...(item.shape === 'dashed-line' ? { dashMm: [mm(4), mm(3)] } : {}),
        })
      items.push(text(item.label, x + 26, y + 10, 13, { maxWidthMm: mm(LEGEND_WIDTH - 50) }))
      y += 20
    }
    y += 8
  }
  if (fitted.omitted > 0 && layout.omitted)
    items.push(
      text(layout.omitted(fitted.omitted), x, y + 10, 13, { colour: MUTED, maxWidthMm: mm(LEGEND_WIDTH - 32) }),
    )

  // The footer: the scale bar and statement, the sources, the approval number.
  const footerY = height - FOOTER / 2
  const bar = scaleBar(layout.metresPer100px)
  items.push(
    {
      kind: 'path',
      points: [
        [mm(16), mm(footerY + 4)],
        [mm(16), mm(footerY + 8)],
        [mm(16 + bar.px), mm(footerY + 8)],
        [mm(16 + bar.px), mm(footerY + 4)],
      ],
      stroke: INK,
      lineWidthMm: mm(2),
    },
    text(`${bar.label}  ${layout.scaleStatement}`, 16, footerY - 2, 12),
    text(layout.attribution, 220, footerY + 4, 11, { colour: MUTED, maxWidthMm: mm(width - 236 - 200) }),
  )
  if (layout.approval) items.push(text(layout.approval, width - 16, footerY + 4, 11, { align: 'right' }))
  return items
}

/** The PDF's bytes: one page of the paper's size. */
export function printPdf(layout: PrintLayout, creationDate = new Date()): Uint8Array {
  return writePdf([{ ...layout.paper, items: printItems(layout) }], {
    title: layout.documentTitle,
    creator: 'jindong-eco-map',
    creationDate,
  })
}
