/**
 * The PNG export: the map as drawn, with a title bar (title and date), the map's title card over its
 * top-left corner (what it shows, its period and badge, as on screen), a north arrow, the legend
 * (thematic layers first, reference layers last), a scale bar and the attribution, composed on a 2D
 * canvas. All text is drawn with fillText: nothing is parsed.
 *
 * A picture for a meeting has a page's shape (a 16:9 slide, an A4 page): the map is captured at the
 * size the page leaves it (`pictureMapSize` in src/settings/picture-pages.ts), and reference layers that
 * do not fit in the legend column are left out with a line saying how many.
 */
import { drawTitleCard, type ExportTitleSubject } from './export-title-card'
import { PICTURE_FRAME } from '../settings/picture-pages'

export type { ExportTitleSubject } from './export-title-card'
export interface ExportLegendSection {
  title: string
  /** A reference layer (neighbours, outline, rivers, seats): listed after the themes, left out first. */
  reference?: boolean
  items: {
    label: string
    colour: string
    shape: 'fill' | 'line' | 'dashed-line' | 'circle' | 'glyph'
    glyph?: string
  }[]
}

export interface PngLayout {
  map: HTMLCanvasElement
  /** Device pixels per CSS pixel of `map` (1 or 2). */
  scale: number
  title: string
  subtitle: string
  legend: ExportLegendSection[]
  /** What the map shows (the on-screen title card's subjects); none, no card. */
  titleCard?: readonly ExportTitleSubject[]
  attribution: string
  /** Metres covered by 100 CSS pixels at the map centre. */
  metresPer100px: number
  /** Degrees clockwise from north of the map's up direction: the north arrow turns by it. */
  bearing?: number
  /** The north arrow's letter in the interface language (北, N). */
  north?: string
  /** The whole picture's size at 1× (a slide, an A4 page); absent, it follows the map. */
  page?: { width: number; height: number }
  /** The line that says how many legend sections did not fit ("另有 2 个参考图层未列出"). */
  omitted?: (count: number) => string
  /** A print's scale, beside the scale bar ("比例尺 1:50,000"). */
  scaleStatement?: string
  /** A print's map approval number (审图号), at the footer's right. */
  approval?: string
}

const FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
const { header: HEADER, legendWidth: LEGEND_WIDTH, footer: FOOTER } = PICTURE_FRAME

/** A round scale-bar length (1, 2 or 5 × 10ⁿ metres) no longer than 100 px, and its length in px. */
export function scaleBar(metresPer100px: number): { metres: number; px: number; label: string } {
  const magnitude = 10 ** Math.floor(Math.log10(metresPer100px))
  const metres = [5, 2, 1].map((m) => m * magnitude).find((m) => m <= metresPer100px) ?? magnitude
  return { metres, px: (metres / metresPer100px) * 100, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` }
}

function legendHeight(legend: readonly ExportLegendSection[]): number {
  return legend.reduce((h, section) => h + 26 + section.items.length * 20 + 8, 16)
}

/**
 * The sections that fit in `height`, in their order (themes first): reference sections are left out
 * from the last, then any section from the last; `omitted` counts those left out (a line is kept for
 * saying so). A legend that fits is returned whole.
 */
export function fitLegend(
  legend: readonly ExportLegendSection[],
  height: number,
): { sections: ExportLegendSection[]; omitted: number } {
  const sections = [...legend]
  const line = 20
  while (sections.length > 0 && legendHeight(sections) + (sections.length < legend.length ? line : 0) > height) {
    const lastReference = sections.map((s) => s.reference === true).lastIndexOf(true)
    sections.splice(lastReference >= 0 ? lastReference : sections.length - 1, 1)
  }
  return { sections, omitted: legend.length - sections.length }
}

/** An arrow pointing to north (turned by the map's bearing) with its letter, centred on (x, y). */
function drawNorthArrow(g: CanvasRenderingContext2D, x: number, y: number, bearing: number, letter: string) {
  g.save()
  g.fillStyle = 'rgba(255, 255, 255, 0.85)'
  g.beginPath()
  g.arc(x, y, 24, 0, Math.PI * 2)
  g.fill()
  g.translate(x, y)
  g.rotate((-bearing * Math.PI) / 180)
  g.fillStyle = '#1c2b22'
  g.beginPath()
  g.moveTo(0, -18)
  g.lineTo(8, 6)
  g.lineTo(0, 1)
  g.lineTo(-8, 6)
  g.closePath()
  g.fill()
  g.font = `bold 11px ${FONT}`
  g.textAlign = 'center'
  g.fillText(letter, 0, 15)
  g.restore()
}

export function composePng(layout: PngLayout): HTMLCanvasElement {
  const s = layout.scale
  const mapWidth = layout.map.width / s
  const mapHeight = layout.map.height / s
  const room = layout.page ? layout.page.height - HEADER - FOOTER : Infinity
  const fitted = fitLegend(layout.legend, room)
  const height = layout.page?.height ?? HEADER + Math.max(mapHeight, legendHeight(fitted.sections)) + FOOTER
  const canvas = document.createElement('canvas')
  canvas.width = Math.round((mapWidth + LEGEND_WIDTH) * s)
  canvas.height = Math.round(height * s)
  const g = canvas.getContext('2d')!
  g.scale(s, s)
  g.fillStyle = '#ffffff'
  g.fillRect(0, 0, mapWidth + LEGEND_WIDTH, height)

  g.fillStyle = '#14402a'
  g.fillRect(0, 0, mapWidth + LEGEND_WIDTH, HEADER)
  g.fillStyle = '#ffffff'
  g.font = `bold 22px ${FONT}`
  g.textBaseline = 'middle'
  g.fillText(layout.title, 16, HEADER / 2)
  g.font = `14px ${FONT}`
  g.textAlign = 'right'
  g.fillText(layout.subtitle, mapWidth + LEGEND_WIDTH - 16, HEADER / 2)
  g.textAlign = 'left'

  g.drawImage(layout.map, 0, HEADER, mapWidth, mapHeight)
  drawTitleCard(g, layout.titleCard ?? [], 12, HEADER + 12, FONT)
  drawNorthArrow(g, mapWidth - 36, HEADER + 36, layout.bearing ?? 0, layout.north ?? 'N')

  let y = HEADER + 16
  const x = mapWidth + 16
  for (const section of fitted.sections) {
    g.fillStyle = '#1c2b22'
    g.font = `bold 14px ${FONT}`
    g.fillText(section.title, x, y + 8, LEGEND_WIDTH - 32)
    y += 26
    g.font = `13px ${FONT}`
    for (const item of section.items) {
      g.fillStyle = item.colour
      g.strokeStyle = item.colour
      if (item.shape === 'fill') g.fillRect(x, y, 18, 12)
      else if (item.shape === 'circle') {
        g.beginPath()
        g.arc(x + 9, y + 6, 6, 0, Math.PI * 2)
        g.fill()
      } else if (item.shape === 'glyph') g.fillText(item.glyph ?? '●', x + 2, y + 6)
      else {
        g.lineWidth = 3
        g.setLineDash(item.shape === 'dashed-line' ? [4, 3] : [])
        g.beginPath()
        g.moveTo(x, y + 6)
        g.lineTo(x + 18, y + 6)
        g.stroke()
        g.setLineDash([])
      }
      g.fillStyle = '#1c2b22'
      g.fillText(item.label, x + 26, y + 6, LEGEND_WIDTH - 50)
      y += 20
    }
    y += 8
  }
  if (fitted.omitted > 0 && layout.omitted) {
    g.fillStyle = '#5d6b62'
    g.font = `13px ${FONT}`
    g.fillText(layout.omitted(fitted.omitted), x, y + 6, LEGEND_WIDTH - 32)
  }

  const footerY = height - FOOTER / 2
  const bar = scaleBar(layout.metresPer100px)
  g.strokeStyle = '#1c2b22'
  g.lineWidth = 2
  g.beginPath()
  g.moveTo(16, footerY + 4)
  g.lineTo(16, footerY + 8)
  g.lineTo(16 + bar.px, footerY + 8)
  g.lineTo(16 + bar.px, footerY + 4)
  g.stroke()
  g.fillStyle = '#1c2b22'
  g.font = `12px ${FONT}`
  g.fillText(layout.scaleStatement ? `${bar.label}  ${layout.scaleStatement}` : bar.label, 16, footerY - 6)
  g.fillStyle = '#5d6b62'
  g.font = `11px ${FONT}`
  const approvalRoom = layout.approval ? 200 : 0
  const attributionX = layout.scaleStatement ? 220 : 140
  g.fillText(layout.attribution, attributionX, footerY, mapWidth + LEGEND_WIDTH - attributionX - 16 - approvalRoom)
  if (layout.approval) {
    g.fillStyle = '#1c2b22'
    g.textAlign = 'right'
    g.fillText(layout.approval, mapWidth + LEGEND_WIDTH - 16, footerY, approvalRoom - 8)
    g.textAlign = 'left'
  }
  return canvas
}
