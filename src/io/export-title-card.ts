/**
 * The map's title card (MapTitleCard.vue) drawn onto the exported picture, over the map's top-left
 * corner: each subject's name and provenance badge, its period and its compact legend. Plain 2D
 * canvas calls; all text with fillText.
 */
import type { Provenance } from '../domain/types'
import { PROVENANCE_COLOURS } from '../domain/provenance-colours'

export interface ExportTitleSubject {
  title: string
  period: string | null
  provenance: Provenance
  /** The badge's words in the interface language (示例数据, 用户数据…). */
  badge: string
  legend: { colour: string; label: string }[]
  unit: string
}

const PAD = 10
const WIDTH = 300
const SWATCH = 14
const LINE = 18

/** The legend's items and, last, the unit (no swatch), as the card lays them out. */
const itemsOf = (subject: ExportTitleSubject): { colour: string | null; label: string }[] => [
  ...subject.legend,
  ...(subject.unit ? [{ colour: null, label: subject.unit }] : []),
]

/** Where each item goes: left to right, wrapping at the card's width. */
function legendPlaces(g: CanvasRenderingContext2D, subject: ExportTitleSubject): { x: number; row: number }[] {
  const places: { x: number; row: number }[] = []
  let x = 0
  let row = 0
  for (const item of itemsOf(subject)) {
    const width = (item.colour ? SWATCH + 3 : 0) + g.measureText(item.label).width
    if (x > 0 && x + width > WIDTH - 2 * PAD) {
      x = 0
      row++
    }
    places.push({ x, row })
    x += width + (item.label ? 8 : 1)
  }
  return places
}

/** Draws the card with its top-left corner at (x, y); returns its height (0 when nothing to say). */
export function drawTitleCard(
  g: CanvasRenderingContext2D,
  subjects: readonly ExportTitleSubject[],
  x: number,
  y: number,
  font: string,
): number {
  if (subjects.length === 0) return 0
  g.save()
  g.font = `12px ${font}`
  const laidOut = subjects.map((subject) => {
    const places = legendPlaces(g, subject)
    const rows = (places.at(-1)?.row ?? 0) + 1
    const height = 22 + (subject.period ? LINE : 0) + rows * LINE
    return { subject, places, height }
  })
  const height = laidOut.reduce((h, s) => h + s.height, PAD * 2 - 4)
  g.fillStyle = 'rgba(255, 255, 255, 0.92)'
  g.fillRect(x, y, WIDTH, height)
  g.strokeStyle = 'rgba(0, 0, 0, 0.2)'
  g.lineWidth = 1
  g.strokeRect(x + 0.5, y + 0.5, WIDTH - 1, height - 1)
  g.textBaseline = 'middle'
  let top = y + PAD
  for (const { subject, places, height: h } of laidOut) {
    g.font = `bold 14px ${font}`
    g.fillStyle = '#1c2b22'
    g.fillText(subject.title, x + PAD, top + 9, WIDTH - 2 * PAD - 80)
    const titleWidth = Math.min(g.measureText(subject.title).width, WIDTH - 2 * PAD - 80)
    g.font = `11px ${font}`
    const badgeWidth = g.measureText(subject.badge).width + 12
    const { background, text: ink } = PROVENANCE_COLOURS[subject.provenance]
    g.fillStyle = background
    g.fillRect(x + PAD + titleWidth + 6, top + 1, badgeWidth, 16)
    g.fillStyle = ink
    g.fillText(subject.badge, x + PAD + titleWidth + 12, top + 9)
    let line = top + 22
    g.font = `12px ${font}`
    if (subject.period) {
      g.fillStyle = '#5d6b62'
      g.fillText(subject.period, x + PAD, line + LINE / 2 - 2)
      line += LINE
    }
    itemsOf(subject).forEach((item, i) => {
      const place = places[i]!
      const left = x + PAD + place.x
      const middle = line + place.row * LINE + LINE / 2 - 2
      if (item.colour) {
        g.fillStyle = item.colour
        g.fillRect(left, middle - 5, SWATCH, 10)
      }
      g.fillStyle = item.colour ? '#1c2b22' : '#5d6b62'
      g.fillText(item.label, left + (item.colour ? SWATCH + 3 : 0), middle)
    })
    top += h
  }
  g.restore()
  return height
}
