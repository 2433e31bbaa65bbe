/**
 * The PNG export: the map as drawn, with a title bar (title and date), the map's title card over its
 * top-left corner (what it shows, its period and badge, as on screen), the legend, a scale bar and
 * the attribution, composed on a 2D canvas. All text is drawn with fillText: nothing is parsed.
 */
import { drawTitleCard, type ExportTitleSubject } from './export-title-card'

export type { ExportTitleSubject } from './export-title-card'
export interface ExportLegendSection {
  title: string
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
}

const FONT = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"
const HEADER = 56
const LEGEND_WIDTH = 280
const FOOTER = 34

/** A round scale-bar length (1, 2 or 5 × 10ⁿ metres) no longer than 100 px, and its length in px. */
export function scaleBar(metresPer100px: number): { metres: number; px: number; label: string } {
  const magnitude = 10 ** Math.floor(Math.log10(metresPer100px))
  const metres = [5, 2, 1].map((m) => m * magnitude).find((m) => m <= metresPer100px) ?? magnitude
  return { metres, px: (metres / metresPer100px) * 100, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` }
}

function legendHeight(legend: ExportLegendSection[]): number {
  return legend.reduce((h, section) => h + 26 + section.items.length * 20 + 8, 16)
}

export function composePng(layout: PngLayout): HTMLCanvasElement {
  const s = layout.scale
  const mapWidth = layout.map.width / s
  const mapHeight = layout.map.height / s
  const height = HEADER + Math.max(mapHeight, legendHeight(layout.legend)) + FOOTER
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

  let y = HEADER + 16
  const x = mapWidth + 16
  for (const section of layout.legend) {
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
  g.fillText(bar.label, 16, footerY - 6)
  g.fillStyle = '#5d6b62'
  g.font = `11px ${FONT}`
  g.fillText(layout.attribution, 140, footerY, mapWidth + LEGEND_WIDTH - 156)
  return canvas
}
